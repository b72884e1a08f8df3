#include "config/keys.hpp"

#include "base/error.hpp"
#include "timeutil/time.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <optional>
#include <vector>

namespace steady::config::detail {

namespace {

using namespace std::string_view_literals;

constexpr std::array k_weekdays = {"monday"sv, "tuesday"sv,  "wednesday"sv, "thursday"sv,
                                   "friday"sv, "saturday"sv, "sunday"sv};
constexpr std::array k_questions = {"mood"sv,  "craving"sv,   "sober"sv, "energy"sv,
                                    "sleep"sv, "gratitude"sv, "note"sv,  "tags"sv};
constexpr std::array k_duration_units = {"h"sv, "d"sv, "w"sv, "mo"sv, "y"sv};

enum class Unique { no, yes };

// Throws "path:line:column: 'key' must be <expected>[, not '<value>']" at `at`.
[[noreturn]] void reject(const Field& f, const toml::node& at,
                         std::optional<std::string_view> value = std::nullopt)
{
    std::string message = location(f.path, at.source()) + ": '" + std::string(f.key) +
                          "' must be " + std::string(f.expected);
    if (value)
        message += ", not '" + std::string(*value) + "'";
    throw ConfigError(message);
}

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

template <std::size_t N>
bool is_one_of(std::string_view text, const std::array<std::string_view, N>& names)
{
    return std::find(names.begin(), names.end(), text) != names.end();
}

// "HH:MM" from 00:00 to 23:59 as minutes after midnight.
std::optional<int> parse_hh_mm(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':' || !is_digit(text[0]) || !is_digit(text[1]) ||
        !is_digit(text[3]) || !is_digit(text[4]))
        return std::nullopt;
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59)
        return std::nullopt;
    return hours * 60 + minutes;
}

// "<N><unit>" with N >= 1 (at most six digits) and unit h, d, w, mo or y.
bool is_duration(std::string_view text)
{
    const auto unit_at = std::find_if_not(text.begin(), text.end(), is_digit) - text.begin();
    const std::string_view digits = text.substr(0, static_cast<std::size_t>(unit_at));
    if (digits.empty() || digits.size() > 6 || digits.find_first_not_of('0') == digits.npos)
        return false;
    return is_one_of(text.substr(static_cast<std::size_t>(unit_at)), k_duration_units);
}

bool is_question(std::string_view text)
{
    return is_one_of(text, k_questions);
}
bool is_any_string(std::string_view)
{
    return true;
}

const std::string& string_of(const Field& f)
{
    const auto* value = f.node.as_string();
    if (value == nullptr)
        reject(f, f.node);
    return value->get();
}

const std::string& non_empty_string_of(const Field& f)
{
    const std::string& text = string_of(f);
    if (text.empty())
        reject(f, f.node, text);
    return text;
}

// An array of strings, each passing `valid`, each once if `unique`.
std::vector<std::string> strings_of(const Field& f, bool (*valid)(std::string_view),
                                    Unique unique = Unique::no)
{
    const auto* array = f.node.as_array();
    if (array == nullptr)
        reject(f, f.node);
    std::vector<std::string> out;
    for (const toml::node& element : *array) {
        const auto* text = element.as_string();
        if (text == nullptr)
            reject(f, element);
        const bool seen = std::find(out.begin(), out.end(), text->get()) != out.end();
        if (!valid(text->get()) || (unique == Unique::yes && seen))
            reject(f, element, text->get());
        out.push_back(text->get());
    }
    return out;
}

// A non-empty array of strings whose first (the program) is non-empty.
std::vector<std::string> command_of(const Field& f)
{
    std::vector<std::string> command = strings_of(f, is_any_string);
    if (command.empty())
        reject(f, f.node);
    if (command.front().empty())
        reject(f, *f.node.as_array()->get(0), command.front());
    return command;
}

int minutes_of(const Field& f)
{
    const std::string& text = string_of(f);
    const auto minutes = parse_hh_mm(text);
    if (!minutes)
        reject(f, f.node, text);
    return *minutes;
}

// An integer from 1 to INT_MAX.
int count_of(const Field& f)
{
    const auto* value = f.node.as_integer();
    if (value == nullptr)
        reject(f, f.node);
    const std::int64_t count = value->get();
    if (count < 1 || count > INT_MAX)
        reject(f, f.node, std::to_string(count));
    return static_cast<int>(count);
}

// An IANA zone name the tz database knows, checked here so the error can
// point at the line.
void read_timezone(const Field& f, Config& c)
{
    const std::string& name = non_empty_string_of(f);
    if (!timeutil::is_known_zone(name))
        reject(f, f.node, name);
    c.timezone = name;
}

void read_email(const Field& f, Config& c)
{
    const std::string& text = string_of(f);
    if (text.find('@') == std::string::npos)
        reject(f, f.node, text);
    c.email = text;
}

void read_week_starts(const Field& f, Config& c)
{
    std::string day = string_of(f);
    std::transform(day.begin(), day.end(), day.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (!is_one_of(std::string_view(day), k_weekdays))
        reject(f, f.node, string_of(f));
    c.week_starts = day;
}

// A period as --period takes it ("last 7 days", "this month", "2026-W47");
// checked now, against a fixed day, so a typo is found when the config is read.
void read_default_period(const Field& f, Config& c)
{
    const std::string& text = non_empty_string_of(f);
    timeutil::TimeContext probe;
    probe.now = timeutil::Instant{date::sys_days{date::year{2026} / 1 / 1}};
    probe.zone = &timeutil::Zone::utc();
    try {
        timeutil::parse_period(text, probe);
    } catch (const UsageError&) {
        reject(f, f.node, text);
    }
    c.share_default_period = text;
}

void read_journal(const Field& f, Config& c)
{
    const std::string& text = non_empty_string_of(f);
    try {
        c.journal = expand_home(text, f.env);
    } catch (const ConfigError& e) {
        throw ConfigError(location(f.path, f.node.source()) + ": " + e.what());
    }
}

void read_currency(const Field& f, Config& c)
{
    const std::string& text = string_of(f);
    const bool upper =
        std::all_of(text.begin(), text.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (text.size() != 3 || !upper)
        reject(f, f.node, text);
    c.currency = text;
}

void read_milestones(const Field& f, Config& c)
{
    std::vector<std::string> milestones = strings_of(f, is_duration);
    if (milestones.empty())
        reject(f, f.node);
    c.milestones = std::move(milestones);
}

constexpr std::array k_keys = {
    KeySpec{"name", "a string like \"Alex\"",
            [](const Field& f, Config& c) { c.name = string_of(f); }},
    KeySpec{"email", "an email address like \"alex@example.org\"", read_email},
    KeySpec{"timezone", "a time zone name like \"Europe/Berlin\"", read_timezone},
    KeySpec{"day_starts_at", "a string like \"04:00\"",
            [](const Field& f, Config& c) { c.day_starts_at_minutes = minutes_of(f); }},
    KeySpec{"week_starts", "a weekday name like \"monday\"", read_week_starts},
    KeySpec{"journal", "a file path like \"~/recovery/journal.db\"", read_journal},
    KeySpec{"currency", "a three-letter currency code like \"EUR\"", read_currency},
    KeySpec{"milestones", "a non-empty list of durations like [\"24h\", \"2w\", \"6mo\", \"1y\"]",
            read_milestones},
    KeySpec{
        "checkin.ask",
        "a list of questions from mood, craving, sober, energy, sleep, gratitude, note, "
        "tags, each at most once",
        [](const Field& f, Config& c) { c.checkin_ask = strings_of(f, is_question, Unique::yes); }},
    KeySpec{"remind.checkin_after", "a string like \"19:00\"",
            [](const Field& f, Config& c) { c.remind_checkin_after_minutes = minutes_of(f); }},
    KeySpec{"remind.notify_command",
            "a non-empty list of strings like [\"notify-send\", \"steady\", \"{message}\"]",
            [](const Field& f, Config& c) { c.remind_notify_command = command_of(f); }},
    KeySpec{"share.command", "a non-empty list of strings like [\"sendmail\", \"-t\", \"-i\"]",
            [](const Field& f, Config& c) { c.share_command = command_of(f); }},
    KeySpec{"share.default_period", "a period like \"last 7 days\"", read_default_period},
    KeySpec{"sos.contacts", "a list of strings like [\"Sam (sponsor) +1 555 0100\"]",
            [](const Field& f, Config& c) { c.sos_contacts = strings_of(f, is_any_string); }},
    KeySpec{"peers.quiet_after", "a whole number of days, 1 or more",
            [](const Field& f, Config& c) { c.peers_quiet_after = count_of(f); }},
    KeySpec{"backup.keep", "a whole number of backups to keep, 1 or more",
            [](const Field& f, Config& c) { c.backup_keep = count_of(f); }},
};

} // namespace

std::span<const KeySpec> key_specs()
{
    return k_keys;
}

std::string location(const std::string& path, const toml::source_region& where, bool with_column)
{
    if (where.begin.line == 0)
        return path;
    std::string out = path + ":" + std::to_string(where.begin.line);
    if (with_column)
        out += ":" + std::to_string(where.begin.column);
    return out;
}

} // namespace steady::config::detail
