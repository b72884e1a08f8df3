#include "domain/backup.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iterator>

namespace steady::domain {

namespace {

// The number in the `width` digits of `text` at `at`; nullopt unless all are digits.
std::optional<int> backup_digits(std::string_view text, std::size_t at, std::size_t width)
{
    if (at + width > text.size())
        return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + width; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::string two_digits(unsigned value)
{
    return std::string{static_cast<char>('0' + value / 10 % 10),
                       static_cast<char>('0' + value % 10)};
}

} // namespace

std::string BackupName::file_name() const
{
    auto day = date::floor<date::days>(made);
    date::year_month_day ymd{day};
    date::hh_mm_ss time{made - day};
    std::string name = "journal-" + std::to_string(static_cast<int>(ymd.year())) +
                       two_digits(static_cast<unsigned>(ymd.month())) +
                       two_digits(static_cast<unsigned>(ymd.day())) + "-" +
                       two_digits(static_cast<unsigned>(time.hours().count())) +
                       two_digits(static_cast<unsigned>(time.minutes().count())) +
                       two_digits(static_cast<unsigned>(time.seconds().count()));
    if (sequence > 1)
        name += "-" + std::to_string(sequence);
    return name + ".db";
}

bool BackupName::operator<(const BackupName& other) const
{
    if (made != other.made)
        return made < other.made;
    return sequence < other.sequence;
}

BackupName backup_name(date::local_seconds made, int sequence)
{
    return BackupName{made, sequence};
}

std::optional<BackupName> parse_backup_name(std::string_view file_name)
{
    // journal-YYYYMMDD-HHMMSS[-N].db[.gpg]
    constexpr std::string_view prefix = "journal-";
    constexpr std::string_view suffix = ".db";
    if (file_name.ends_with(k_encrypted_backup_suffix))
        file_name.remove_suffix(k_encrypted_backup_suffix.size());
    if (!file_name.starts_with(prefix) || !file_name.ends_with(suffix))
        return std::nullopt;
    auto stem = file_name.substr(prefix.size(), file_name.size() - prefix.size() - suffix.size());
    if (stem.size() < 15 || stem[8] != '-')
        return std::nullopt;
    auto year = backup_digits(stem, 0, 4);
    auto month = backup_digits(stem, 4, 2);
    auto day = backup_digits(stem, 6, 2);
    auto hour = backup_digits(stem, 9, 2);
    auto minute = backup_digits(stem, 11, 2);
    auto second = backup_digits(stem, 13, 2);
    if (!year || !month || !day || !hour || !minute || !second || *hour > 23 || *minute > 59 ||
        *second > 59)
        return std::nullopt;
    date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                             date::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok())
        return std::nullopt;
    int sequence = 1;
    if (stem.size() > 15) {
        auto rest = stem.substr(15);
        if (rest.size() < 2 || rest[0] != '-' || rest[1] == '0')
            return std::nullopt;
        auto digits = rest.substr(1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), sequence);
        if (ec != std::errc{} || end != digits.data() + digits.size() || sequence < 2)
            return std::nullopt;
    }
    auto made = date::local_days{ymd} + std::chrono::hours{*hour} + std::chrono::minutes{*minute} +
                std::chrono::seconds{*second};
    BackupName name{made, sequence};
    if (name.file_name() != file_name)
        return std::nullopt; // e.g. a sequence with leading zeros
    return name;
}

std::vector<std::string> backups_to_remove(const std::vector<std::string>& file_names,
                                           std::size_t keep)
{
    std::vector<std::pair<BackupName, std::string>> backups;
    for (const auto& file : file_names)
        if (auto name = parse_backup_name(file))
            backups.emplace_back(*name, file);
    std::sort(backups.begin(), backups.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> remove;
    for (std::size_t i = 0; i + keep < backups.size(); ++i)
        remove.push_back(backups[i].second);
    return remove;
}

std::string age_text(long long seconds)
{
    auto count = [](long long n, const char* unit) {
        return std::to_string(n) + " " + unit + (n == 1 ? "" : "s") + " ago";
    };
    if (seconds < 60)
        return "just now";
    if (seconds < 3600)
        return count(seconds / 60, "minute");
    if (seconds < 86400)
        return count(seconds / 3600, "hour");
    return count(seconds / 86400, "day");
}

std::string size_text(std::uintmax_t bytes)
{
    if (bytes < 1024)
        return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    double size = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (size >= 1024.0 && unit + 1 < std::size(units)) {
        size /= 1024.0;
        ++unit;
    }
    char text[32];
    if (size < 10.0)
        std::snprintf(text, sizeof text, "%.1f %s", size, units[unit]);
    else
        std::snprintf(text, sizeof text, "%.0f %s", size, units[unit]);
    return text;
}

} // namespace steady::domain
