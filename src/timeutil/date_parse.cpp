#include "timeutil/time.hpp"

#include "base/error.hpp"
#include "timeutil/text.hpp"

#include <array>
#include <cassert>
#include <vector>

namespace steady::timeutil {

namespace {

using detail::IsoStatus;

[[noreturn]] void fail(std::string_view text, std::string_view hint)
{
    throw UsageError("'" + std::string{text} + "' is not a date (" + std::string{hint} + ")");
}

constexpr std::string_view k_hint = "try YYYY-MM-DD, HH:MM, 'yesterday 22:10' or '3 days ago'";
constexpr std::string_view k_time_hint = "a time of day runs from 00:00 to 23:59";

std::vector<std::string_view> split_words(std::string_view text)
{
    std::vector<std::string_view> words;
    while (!text.empty()) {
        auto space = text.find(' ');
        words.push_back(text.substr(0, space));
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
    }
    return words;
}

std::optional<date::weekday> weekday_named(std::string_view word)
{
    static constexpr std::array<std::string_view, 7> names = {
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    for (unsigned i = 0; i < names.size(); ++i)
        if (word == names[i] || (word.size() == 3 && names[i].starts_with(word)))
            return date::weekday{i};
    return std::nullopt;
}

DateInput whole_day(Day day, const TimeContext& ctx)
{
    return {start_of_day(day, *ctx.zone, ctx.day_start), day, false};
}

DateInput instant(Instant at, const TimeContext& ctx)
{
    return {at, day_of(at, *ctx.zone, ctx.day_start), true};
}

// Time of day `time` within logical day `day`: before day_start it is the
// night after that day's evening, i.e. on the next calendar day.
DateInput time_within(Day day, Minutes time, const TimeContext& ctx)
{
    auto calendar_day = time < ctx.day_start ? day + date::days{1} : day;
    return instant(to_instant(date::local_seconds{calendar_day} + time, *ctx.zone), ctx);
}

bool looks_like_clock(std::string_view text)
{
    return text.find(':') != std::string_view::npos &&
           text.find_first_not_of("0123456789:") == std::string_view::npos;
}

std::optional<DateInput> try_iso(std::string_view original, std::string_view norm,
                                 const TimeContext& ctx)
{
    if (!detail::looks_like_iso_date(norm))
        return std::nullopt;
    auto parsed = detail::parse_iso(norm);
    const auto& v = parsed.value;
    if (parsed.status == IsoStatus::bad_date && v.ymd.month().ok() && v.ymd.day() > date::day{0}) {
        auto last = v.ymd.year() / v.ymd.month() / date::last;
        fail(original, "try " + format_day(Day{last}) + " or 'yesterday'");
    }
    if (parsed.status == IsoStatus::bad_time)
        fail(original, k_time_hint);
    if (parsed.status != IsoStatus::ok)
        fail(original, k_hint);
    if (!v.time_of_day)
        return whole_day(Day{v.ymd}, ctx);
    auto local = date::local_days{v.ymd} + *v.time_of_day;
    if (v.utc_offset)
        return instant(Instant{local.time_since_epoch()} - *v.utc_offset, ctx);
    return instant(to_instant(local, *ctx.zone), ctx);
}

// "-3d", "-2h", "-30m", "-1w".
std::optional<DateInput> try_shorthand(std::string_view original, std::string_view norm,
                                       const TimeContext& ctx)
{
    if (norm.size() < 3 || norm.front() != '-')
        return std::nullopt;
    auto n = detail::parse_count(norm.substr(1, norm.size() - 2));
    if (!n)
        fail(original, k_hint);
    switch (norm.back()) {
    case 'd':
        return whole_day(ctx.today() - date::days{*n}, ctx);
    case 'w':
        return whole_day(ctx.today() - date::days{7 * *n}, ctx);
    case 'h':
        return instant(ctx.now - std::chrono::hours{*n}, ctx);
    case 'm':
        return instant(ctx.now - std::chrono::minutes{*n}, ctx);
    default:
        fail(original, "try -3d, -1w, -2h or -30m");
    }
}

// "N days ago", "N weeks ago", "N hours ago", "N minutes ago" (singular too).
std::optional<DateInput> try_ago(std::string_view original,
                                 const std::vector<std::string_view>& words, const TimeContext& ctx)
{
    if (words.size() != 3 || words[2] != "ago")
        return std::nullopt;
    auto n = detail::parse_count(words[0]);
    auto unit = words[1];
    if (n && (unit == "day" || unit == "days"))
        return whole_day(ctx.today() - date::days{*n}, ctx);
    if (n && (unit == "week" || unit == "weeks"))
        return whole_day(ctx.today() - date::days{7 * *n}, ctx);
    if (n && (unit == "hour" || unit == "hours"))
        return instant(ctx.now - std::chrono::hours{*n}, ctx);
    if (n && (unit == "minute" || unit == "minutes" || unit == "min" || unit == "mins"))
        return instant(ctx.now - std::chrono::minutes{*n}, ctx);
    fail(original, "try '3 days ago', '2 hours ago' or '30 minutes ago'");
}

// The logical day a day word names ("today", "yesterday", "monday", "last mon"),
// and how many words it took.
std::optional<std::pair<Day, std::size_t>> day_word(const std::vector<std::string_view>& words,
                                                    const TimeContext& ctx)
{
    auto today = ctx.today();
    if (words[0] == "today")
        return std::pair{today, std::size_t{1}};
    if (words[0] == "yesterday")
        return std::pair{today - date::days{1}, std::size_t{1}};
    std::size_t used = words[0] == "last" && words.size() > 1 ? 2 : 1;
    auto wd = weekday_named(words[used - 1]);
    if (!wd)
        return std::nullopt;
    auto back = date::weekday{today} - *wd;
    return std::pair{today - (back == date::days{0} ? date::days{7} : back), used};
}

std::optional<DateInput> try_day_word(std::string_view original,
                                      const std::vector<std::string_view>& words,
                                      const TimeContext& ctx)
{
    auto found = day_word(words, ctx);
    if (!found)
        return std::nullopt;
    auto [day, used] = *found;
    if (used < words.size() && words[used] == "at")
        ++used;
    if (used == words.size()) {
        if (words.back() == "at")
            fail(original, k_hint);
        return whole_day(day, ctx);
    }
    if (used + 1 != words.size())
        fail(original, k_hint);
    auto time = parse_clock_time(words[used]);
    if (!time)
        fail(original, looks_like_clock(words[used]) ? k_time_hint : k_hint);
    return time_within(day, *time, ctx);
}

} // namespace

DateInput parse_date(std::string_view text, const TimeContext& ctx)
{
    assert(ctx.zone != nullptr);
    auto original = detail::trim(text);
    auto norm = detail::normalize(text);
    if (norm.empty())
        fail(text, k_hint); // "'   ' is not a date": what was typed, spaces and all
    if (norm == "now")
        return {ctx.now, ctx.today(), true};
    if (auto r = try_iso(original, norm, ctx))
        return *r;
    if (looks_like_clock(norm)) {
        auto time = parse_clock_time(norm);
        if (!time)
            fail(original, k_time_hint);
        return time_within(ctx.today(), *time, ctx);
    }
    if (auto r = try_shorthand(original, norm, ctx))
        return *r;
    auto words = split_words(norm);
    if (auto r = try_ago(original, words, ctx))
        return *r;
    if (auto r = try_day_word(original, words, ctx))
        return *r;
    fail(original, k_hint);
}

} // namespace steady::timeutil
