#pragma once

#include <string>

#include "app/context.hpp"
#include "domain/goal.hpp"
#include "domain/json.hpp"
#include "store/goals.hpp"

namespace CLI {
class App;
}

namespace steady::app {

// A goal with its figures today (see domain::assess_goal).
struct GoalView {
    domain::Goal goal;
    domain::GoalProgress progress;
};

// The figures of `goal` on today (ctx's clock, zone, day start and week
// start), counted in `journal`. Call inside Journal::read or Journal::write.
GoalView view_goal(Context& ctx, store::Journal& journal, const domain::Goal& goal);

// `view` as a JSON object: the goal's columns (SPEC §6 conventions), then
// period {from, to}, progress, expected (two decimals), pace, remaining,
// days_left and per_day; absent ones null.
void write_goal_json(domain::JsonWriter& json, const GoalView& view);

// "#7 3 meetings a week: 2 of 3 this week, on pace".
std::string goal_line(const GoalView& view);

// Adds `goal log` under the `goal` command.
void register_goal_log(CLI::App& goal, Context& ctx);

// Adds `goal list` under the `goal` command.
void register_goal_list(CLI::App& goal, Context& ctx);

// Prints the goals of `selection` with their progress and pace (a table, or
// {"goals": [...]} with --json).
void run_goal_list(Context& ctx, store::GoalSelection selection);

} // namespace steady::app
