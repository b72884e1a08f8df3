#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "timeutil/time.hpp"

namespace steady::domain {

enum class MilestoneUnit { hours, days, weeks, months, years };

// An amount of clean time worth marking: `count` units, such as 7 days.
struct Milestone {
    int count = 0;
    MilestoneUnit unit = MilestoneUnit::days;

    // The spec as config writes it and milestones_seen stores it: "7d", "6mo", "2y".
    std::string key() const;
    // As a person says it: "24 hours", "7 days", "1 year".
    std::string label() const;
    // Nominal length in minutes (a month is 1/12 of 365.25 days); for ordering only.
    std::int64_t nominal_minutes() const;
    bool operator==(const Milestone&) const = default;
};

// Parses "24h", "7d", "2w", "6mo", "1y" (count 1 to 999999); nullopt for anything else.
std::optional<Milestone> parse_milestone(std::string_view text);

// The milestones of config `specs`, shortest first, those of equal nominal
// length once. A bad spec is a ConfigError naming it.
std::vector<Milestone> milestone_list(const std::vector<std::string>& specs);

// Milestone `n` (from 0) of `list` continued yearly: after the last one come
// the whole years beyond it (after "18mo": 2y, 3y, …). `list` must not be empty.
Milestone nth_milestone(const std::vector<Milestone>& list, std::size_t n);

// How long from `from` to `to` on the wall clock of `zone` (0 if negative).
// Clean time is counted as a person counts it: from 12:00 one Saturday to
// 12:00 the next is 7 days, though a DST night made it 167 or 169 hours.
// Runs, milestones, the prompt and money saved all use this one measure.
std::chrono::seconds wall_clock_span(timeutil::Instant from, timeutil::Instant to,
                                     const timeutil::Zone& zone);

// The instant milestone `m` falls on for a run starting at `start`: hours,
// days and weeks are that much later on the local wall clock of `zone`
// (24h after Saturday 21:00 is Sunday 21:00, DST or not); months and years are
// calendar months later in `zone`, the day clamped to the month's end (1mo
// after 01-31 is 02-28 or 02-29). A local time in a DST gap or overlap
// resolves as timeutil::to_instant does.
timeutil::Instant milestone_instant(const Milestone& m, timeutil::Instant start,
                                    const timeutil::Zone& zone);

// A clean-time clock as stored.
struct Clock {
    std::int64_t id = 0;
    std::string uuid;
    std::string name;
    timeutil::Instant started_at{};
    std::string tz;
    std::optional<std::int64_t> cost_per_day_cents;
    timeutil::Instant created{};
    timeutil::Instant updated{};
};

// A reset of a clock: the lapse entry `id`, when it happened and its stored day.
struct Lapse {
    std::int64_t id = 0;
    timeutil::Instant at{};
    timeutil::Day day{};
    std::optional<std::string> what;
    std::optional<std::string> note;
};

struct MilestoneAt {
    Milestone milestone;
    timeutil::Instant at{};
};

// A stretch of clean time from `start` to `end` (nullopt: still running), whole minutes.
struct Run {
    timeutil::Instant start{};
    std::optional<timeutil::Instant> end;
    std::chrono::minutes length{0};
};

// Everything `clock` shows about one clock at one moment.
struct ClockStatus {
    Run current;
    Run longest;           // over every run, the current one included
    int days = 0;          // local days from the start day to today, inclusive
    int clean_days = 0;    // of those, the days without a lapse
    int clean_percent = 0; // 100 × clean_days / days, rounded down
    // Money saved, when the clock has a daily cost: over every run (a lapse
    // does not erase what was saved, as it does not erase clean days), and
    // over the current run alone.
    std::optional<std::int64_t> saved_cents;
    std::optional<std::int64_t> saved_this_run_cents;
    std::vector<MilestoneAt> reached; // of the current run, earliest first
    MilestoneAt next;                 // the first one not yet reached
};

// The status of `clock` with `lapses` (any order) at `time.now`, in
// `time.zone` with `time.day_start`. `milestones` must not be empty.
ClockStatus clock_status(const Clock& clock, std::vector<Lapse> lapses,
                         const std::vector<Milestone>& milestones,
                         const timeutil::TimeContext& time);

// Money saved over `elapsed` at `cost_per_day_cents` a day, pro rata, rounded
// to the nearest cent (half up).
std::int64_t money_saved_cents(std::int64_t cost_per_day_cents, std::chrono::seconds elapsed);

// The milestones of `reached` whose key is not in `seen`, in the same order.
std::vector<MilestoneAt> unseen_milestones(const std::vector<MilestoneAt>& reached,
                                           const std::set<std::string>& seen);

// A span as a person reads it: "90 days 3 h", "1 day", "3 h 12 min", "0 min".
std::string format_span(std::chrono::minutes span);

// Which characters text may use: any of UTF-8, or ASCII alone.
enum class Charset { utf8, ascii };

// Cents as money in `currency` (an ISO 4217 code), the same whatever the
// process locale: two decimals after '.', thousands grouped with ','. A
// currency whose symbol conventionally goes first is shown so ("€1,125.00",
// "$0.50", "CA$12.00"); any other code follows the number ("1,125.00 CHF"),
// as does a symbol `charset` cannot show ("1,125.00 EUR" in ASCII). Without
// a currency, the number alone ("1,125.00").
std::string format_money(std::int64_t cents, const std::optional<std::string>& currency,
                         Charset charset = Charset::utf8);

// An amount such as "12.50", "12" or "0.5" (non-negative, at most two
// decimals, at most 1,000,000) in cents; nullopt for anything else.
std::optional<std::int64_t> parse_money(std::string_view text);

} // namespace steady::domain
