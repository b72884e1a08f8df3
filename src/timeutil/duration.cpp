#include "timeutil/time.hpp"

#include "base/error.hpp"
#include "timeutil/text.hpp"

namespace steady::timeutil {

namespace {

constexpr Minutes k_longest{24 * 60};

[[noreturn]] void not_a_duration(std::string_view text)
{
    throw UsageError("'" + std::string{text} + "' is not a duration (try 20m or 1h30m)");
}

// One "<number><unit>" part of `text` at `pos`: its minutes, or nullopt.
std::optional<long long> scan_part(std::string_view text, std::size_t& pos, bool& saw_hours,
                                   bool& saw_minutes)
{
    auto unit_at = text.find_first_not_of("0123456789", pos);
    auto n = detail::parse_count(text.substr(pos, unit_at - pos), 5);
    if (!n)
        return std::nullopt;
    auto end = text.find_first_of("0123456789 ", unit_at);
    auto unit = unit_at == std::string_view::npos ? std::string_view{}
                                                  : text.substr(unit_at, end - unit_at);
    pos = end == std::string_view::npos ? text.size() : end;
    if (unit == "h" && !saw_hours && !saw_minutes) {
        saw_hours = true;
        return *n * 60;
    }
    if ((unit == "m" || unit == "min" || unit == "mins") && !saw_minutes) {
        saw_minutes = true;
        return *n;
    }
    return std::nullopt;
}

Minutes in_range(std::string_view original, long long total)
{
    if (total < 1 || total > k_longest.count())
        throw UsageError("'" + std::string{original} +
                         "' is out of range for a duration (1m to 24h)");
    return Minutes{total};
}

} // namespace

Minutes parse_duration(std::string_view text)
{
    auto original = detail::trim(text);
    auto norm = detail::normalize(text);
    if (auto bare = detail::parse_count(norm, 5))
        return in_range(original, *bare);
    if (norm.empty())
        not_a_duration(original);
    bool saw_hours = false;
    bool saw_minutes = false;
    long long total = 0;
    for (std::size_t pos = 0; pos < norm.size();) {
        if (norm[pos] == ' ' && pos > 0)
            ++pos;
        auto part = scan_part(norm, pos, saw_hours, saw_minutes);
        if (!part)
            not_a_duration(original);
        total += *part;
    }
    return in_range(original, total);
}

std::string format_duration(Minutes minutes)
{
    auto h = minutes.count() / 60;
    auto m = minutes.count() % 60;
    if (h == 0)
        return std::to_string(m) + "m";
    return std::to_string(h) + "h" + (m == 0 ? "" : std::to_string(m) + "m");
}

} // namespace steady::timeutil
