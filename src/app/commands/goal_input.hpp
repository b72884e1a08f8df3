#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/goal.hpp"
#include "timeutil/time.hpp"

namespace CLI {
class App;
}

namespace steady::app {

// `goal add` as the user typed it.
struct GoalAddOptions {
    std::string title;
    std::optional<std::string> target;
    std::optional<std::string> per;
    std::optional<std::string> total;
    std::optional<std::string> by;
    std::optional<std::string> tracks;
};

// Adds TITLE, --target, --per, --total, --by and --tracks to `cmd`.
void add_goal_add_flags(CLI::App& cmd, GoalAddOptions& opt);

// The goal `opt` describes, checked against `time` (a --by day must be today
// or later). A once goal without --target/--total; a count goal with either
// --target N --per day|week|month or --total N --by DAY. Anything else, an
// empty title, a count outside 1..1000000 or an unknown --per/--tracks is a
// UsageError quoting the value.
domain::Goal goal_from_options(const GoalAddOptions& opt, const timeutil::TimeContext& time);

// Parses a goal id argument ("7" or "#7"); anything else is a UsageError.
std::int64_t parse_goal_id(const std::string& text);

// The goal found by looking up `id`; DataError when there is none.
const domain::Goal& require_goal(const std::optional<domain::Goal>& goal, std::int64_t id);

// Throws unless `goal` (looked up by `id`) takes `goal log`: DataError when
// it does not exist or is done or archived, UsageError when it counts
// check-ins, meetings or sober days by itself.
void check_loggable(const std::optional<domain::Goal>& goal, std::int64_t id);

// Throws DataError unless `goal` (looked up by `id`) exists and is not
// already in `status`.
void check_status_change(const std::optional<domain::Goal>& goal, std::int64_t id,
                         domain::GoalStatus status);

} // namespace steady::app
