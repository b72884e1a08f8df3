#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "timeutil/time.hpp"

namespace steady::domain {

// A goal's shape (SPEC §4): done once, or a count per period or by a due day.
enum class GoalKind { once, count };
enum class GoalPer { day, week, month };
// What progress counts: `goal log` entries, check-ins, meetings, or the days
// whose check-in says sober.
enum class GoalTracks { manual, checkins, meetings, sober_days };
enum class GoalStatus { active, done, archived };

// Names as stored, typed and shown in JSON: "once", "week", "sober-days",
// "archived". The parse functions return nullopt for anything else.
std::string_view goal_kind_name(GoalKind kind);
std::string_view goal_per_name(GoalPer per);
std::string_view goal_tracks_name(GoalTracks tracks);
std::string_view goal_status_name(GoalStatus status);
std::optional<GoalKind> parse_goal_kind(std::string_view text);
std::optional<GoalPer> parse_goal_per(std::string_view text);
std::optional<GoalTracks> parse_goal_tracks(std::string_view text);
std::optional<GoalStatus> parse_goal_status(std::string_view text);

// A goal record. A count goal has either `target` and `per` (recurring) or
// `total` and `due` (by a day); a once goal has none of them.
struct Goal {
    std::int64_t id = 0;
    std::string uuid;
    std::string title;
    GoalKind kind = GoalKind::once;
    std::optional<std::int64_t> target;
    std::optional<GoalPer> per;
    std::optional<std::int64_t> total;
    std::optional<timeutil::Day> due;
    GoalTracks tracks = GoalTracks::manual;
    GoalStatus status = GoalStatus::active;
    timeutil::Instant created{};
    timeutil::Instant updated{};

    // How many make the goal: `target` per period, `total` by the due day, or
    // 1 for a once goal.
    std::int64_t amount() const;
};

// When a goal is looked at: the local day it was added, today, and the
// weekday weeks start on (config week_starts).
struct GoalClock {
    timeutil::Day created_day;
    timeutil::Day today;
    date::weekday week_start = date::Monday;
};

// The inclusive days whose tracked things count toward `goal`: per day,
// today; per week, the week holding today that starts on `week_start`; per
// month, the calendar month; a total, from the day it was added to its due
// day; a once goal, from the day it was added to today.
timeutil::Period goal_period(const Goal& goal, const GoalClock& clock);

// Where a goal stands against an even pace.
//   done:     progress has reached the amount, or the goal was marked done
//   ended:    the period is over (a total past its due day) and it was not
//             reached, or the goal was archived
//   open:     no pace applies: a once goal not done yet, or one day to count
//             (a day goal, or one added on its period's last day), where only
//             "how many to go" makes sense
//   ahead:    progress >= expected + 1
//   on_pace:  progress >= expected
//   behind:   otherwise
enum class Pace { done, ended, open, ahead, on_pace, behind };

// "done", "ended", "open", "ahead", "on-pace", "behind" (the JSON values).
std::string_view pace_name(Pace pace);

// The figures of a goal in its period on one day. With `days` the length of
// the period, `elapsed` the days of it lived before today (0..days) and
// `days_left` = days - elapsed (today included; 0 once the period is over).
// The period a goal was added in is paced from the day it was added (a
// weekly goal added on a Wednesday has five days for its first week), though
// its progress counts the whole period.
//   expected  = amount × elapsed / days, where an even pace stood at the start
//               of today (nullopt for once goals and one-day periods);
//   remaining = max(0, amount − progress) (0 for a once goal marked done);
//   per_day   = remaining / days_left rounded up to one decimal, the number
//               needed on each day left (nullopt when nothing remains or no
//               day is left).
// "on pace" is exactly "remaining / days_left <= amount / days": what is left
// needs no more a day than the goal's own rate. So the first day of a period
// is never behind, and a day not over yet does not count against anyone.
struct GoalProgress {
    timeutil::Period period;
    std::int64_t progress = 0;
    std::optional<double> expected;
    std::int64_t remaining = 0;
    std::int64_t days_left = 0;
    std::optional<double> per_day;
    Pace pace = Pace::open;
};

// The figures of `goal` as seen at `clock`, given `progress` counted over
// goal_period(goal, clock).
GoalProgress assess_goal(const Goal& goal, const GoalClock& clock, std::int64_t progress);

// One line for people: "2 of 3 this week, on pace", "1 of 3 today, 2 to go",
// "41 of 90 by 2027-02-19, behind: 49 more in 30 days (1.7 a day)", "done",
// "not done yet".
std::string describe_progress(const Goal& goal, const GoalProgress& progress);

// What the goal asks for: "3 a week", "90 by 2027-02-19", "once".
std::string describe_shape(const Goal& goal);

} // namespace steady::domain
