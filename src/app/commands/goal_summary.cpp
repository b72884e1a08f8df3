#include "app/commands/goal_summary.hpp"

#include "app/commands/goal.hpp"
#include "store/goals.hpp"

namespace steady::app {

namespace {

std::vector<GoalView> active_views(Context& ctx)
{
    auto& journal = ctx.journal_for_read();
    std::vector<GoalView> views;
    journal.read("read the goals", [&] {
        for (const auto& goal : store::list_goals(journal, store::GoalSelection::active))
            views.push_back(view_goal(ctx, journal, goal));
    });
    return views;
}

// The goals done today: status done, last changed (`updated`, which goal
// done sets and undo restores) on today's local day.
std::vector<GoalView> done_today_views(Context& ctx)
{
    auto& journal = ctx.journal_for_read();
    const auto& time = ctx.time();
    std::vector<GoalView> views;
    journal.read("read the goals", [&] {
        for (const auto& goal : store::list_goals(journal, store::GoalSelection::all))
            if (goal.status == domain::GoalStatus::done &&
                timeutil::day_of(goal.updated, *time.zone, time.day_start) == time.today())
                views.push_back(view_goal(ctx, journal, goal));
    });
    return views;
}

} // namespace

std::vector<std::string> goals_due_this_week(Context& ctx)
{
    std::vector<std::string> lines;
    for (const auto& view : active_views(ctx))
        lines.push_back(goal_line(view));
    return lines;
}

void write_active_goals_json(Context& ctx, domain::JsonWriter& json)
{
    json.begin_array();
    for (const auto& view : active_views(ctx))
        write_goal_json(json, view);
    json.end_array();
}

std::vector<std::string> goals_done_today(Context& ctx)
{
    std::vector<std::string> lines;
    for (const auto& view : done_today_views(ctx))
        lines.push_back("#" + std::to_string(view.goal.id) + " " + view.goal.title);
    return lines;
}

void write_goals_done_today_json(Context& ctx, domain::JsonWriter& json)
{
    json.begin_array();
    for (const auto& view : done_today_views(ctx))
        write_goal_json(json, view);
    json.end_array();
}

} // namespace steady::app
