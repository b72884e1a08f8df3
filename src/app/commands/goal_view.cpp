#include <cmath>

#include "app/commands/goal.hpp"
#include "store/goals.hpp"

namespace steady::app {

using domain::Goal;

GoalView view_goal(Context& ctx, store::Journal& journal, const Goal& goal)
{
    const auto& time = ctx.time();
    domain::GoalClock clock{timeutil::day_of(goal.created, *time.zone, time.day_start),
                            time.today(), time.week_start};
    auto period = domain::goal_period(goal, clock);
    auto progress = store::goal_progress(journal, goal, period.from, period.to);
    return {goal, domain::assess_goal(goal, clock, progress)};
}

namespace {

void write_goal_fields(domain::JsonWriter& json, const Goal& goal)
{
    json.key("id").value(goal.id);
    json.key("uuid").value(goal.uuid);
    json.key("title").value(goal.title);
    json.key("kind").value(domain::goal_kind_name(goal.kind));
    json.key("target").value(goal.target);
    json.key("per").value(goal.per ? std::optional(domain::goal_per_name(*goal.per))
                                   : std::nullopt);
    json.key("total").value(goal.total);
    json.key("due").value(goal.due ? std::optional(timeutil::format_day(*goal.due)) : std::nullopt);
    json.key("tracks").value(domain::goal_tracks_name(goal.tracks));
    json.key("status").value(domain::goal_status_name(goal.status));
    json.key("created").value(timeutil::format_instant(goal.created));
    json.key("updated").value(timeutil::format_instant(goal.updated));
}

} // namespace

void write_goal_json(domain::JsonWriter& json, const GoalView& view)
{
    const auto& p = view.progress;
    bool once = view.goal.kind == domain::GoalKind::once;
    json.begin_object();
    write_goal_fields(json, view.goal);
    json.key("period").begin_object();
    json.key("from").value(timeutil::format_day(p.period.from));
    json.key("to").value(timeutil::format_day(p.period.to));
    json.end_object();
    json.key("progress").value(p.progress);
    json.key("expected");
    if (p.expected)
        json.value(std::round(*p.expected * 100.0) / 100.0);
    else
        json.null();
    json.key("pace").value(domain::pace_name(p.pace));
    json.key("remaining").value(p.remaining);
    json.key("days_left").value(once ? std::nullopt : std::optional(p.days_left));
    json.key("per_day").value(p.per_day);
    json.end_object();
}

std::string goal_line(const GoalView& view)
{
    return "#" + std::to_string(view.goal.id) + " " + view.goal.title + ": " +
           domain::describe_progress(view.goal, view.progress);
}

} // namespace steady::app
