#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "timeutil/zone.hpp"
#include <date/date.h>

namespace steady::timeutil {

using Instant = date::sys_seconds; // a UTC instant, to the second
using Day = date::local_days;      // a local day (YYYY-MM-DD), as a person lives it
using Minutes = std::chrono::minutes;

// Everything "now"-dependent code needs: the one injected clock reading, the
// zone in effect, when a day starts (minutes after local midnight) and which
// weekday starts a week. Built once per process by the app layer.
struct TimeContext {
    Instant now;
    const Zone* zone = nullptr;
    Minutes day_start{0};
    date::weekday week_start = date::Monday;

    // The local day `now` belongs to (day_start applied).
    Day today() const;
};

// The zone to use: `config_tz` (an IANA name from the config) if given, else
// `tz_env` ($TZ, a leading ':' ignored) if non-empty, else the system zone.
// An unknown name in the config is a ConfigError; in $TZ a UsageError.
const Zone& resolve_zone(const std::optional<std::string>& config_tz, const char* tz_env);

// True when `name` is a zone of the tz database ("Europe/Berlin", "UTC").
bool is_known_zone(const std::string& name);

// "Now": `steady_now` ($STEADY_NOW) if non-null and non-empty, read as ISO 8601
// (local in `zone`, or with Z/offset), else the system clock. A bad value is a
// UsageError naming the text.
Instant read_now(const char* steady_now, const Zone& zone);

// The local day instant `at` belongs to in `zone`, where a day starts at
// `day_start` after local midnight (a 01:30 entry with day_start 04:00
// belongs to the day before).
Day day_of(Instant at, const Zone& zone, Minutes day_start);

// The instant local time `local` in `zone` names; a time in a DST gap or
// overlap resolves as date::choose::earliest does. Never throws. In a gap that
// is the instant the gap ends (02:30 on 2026-03-29 in Europe/Berlin is 01:00Z,
// i.e. 03:00 CEST); in an overlap, the first occurrence (summer time).
Instant to_instant(date::local_seconds local, const Zone& zone);

// The instant logical day `day` starts (local midnight + day_start).
Instant start_of_day(Day day, const Zone& zone, Minutes day_start);

// "2026-11-21"
std::string format_day(Day day);
// "2026-11-21T21:15:00Z"
std::string format_instant(Instant at);
// Inverse of format_instant (also accepts what SQLite stores); nullopt if malformed.
std::optional<Instant> parse_stored_instant(std::string_view text);
// Inverse of format_day; nullopt if malformed or not a real date.
std::optional<Day> parse_stored_day(std::string_view text);

// A "HH:MM" time of day as minutes after midnight, 00:00..23:59; nullopt if bad.
std::optional<Minutes> parse_clock_time(std::string_view text);

// A parsed date input (SPEC §3): the instant it names and the local day it
// belongs to. `has_time` is false for inputs that name a whole day
// ("2026-11-21", "yesterday", "monday"); then `at` is the start of that day.
struct DateInput {
    Instant at;
    Day day;
    bool has_time = false;
};

// Parses a date input of SPEC §3 relative to `ctx` (case-insensitive, trimmed).
// A time after a day word ("yesterday 01:30") or alone ("22:15") is read within
// that logical day: before `ctx.day_start` it is on the next calendar day.
// A calendar date-time ("2026-11-21 01:30") is literal, its day then day_of().
// Future dates are accepted. Throws UsageError naming the text for anything
// else ("'2026-02-30' is not a date (try 2026-02-28 or 'yesterday')").
DateInput parse_date(std::string_view text, const TimeContext& ctx);

// An inclusive range of local days. `all` marks the open period "all"
// (from = 1970-01-01, or today if that is earlier; to = today), which callers
// may narrow to the data.
struct Period {
    Day from;
    Day to;
    bool all = false;
};

// Parses a period input of SPEC §3 relative to `ctx` (case-insensitive,
// trimmed). "this/last week" start on `ctx.week_start`; "2026-W47" is always an
// ISO 8601 week, Monday..Sunday. Any other date input names its one day.
// Throws UsageError naming the text (a reversed A..B included).
Period parse_period(std::string_view text, const TimeContext& ctx);

// A duration: "20m", "1h30m", "1h", "90" (minutes), "2h 15m", "45min", from
// 1 minute to 24 h inclusive. Throws UsageError for anything else (empty,
// negative, zero, over 24 h, garbage).
Minutes parse_duration(std::string_view text);

// "1h30m", "20m", "2h" ("0m" for zero)
std::string format_duration(Minutes minutes);

} // namespace steady::timeutil
