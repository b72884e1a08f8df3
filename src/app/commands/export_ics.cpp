#include "app/commands/export.hpp"
#include "app/commands/milestones.hpp"
#include "store/exchange.hpp"

namespace steady::app {

namespace {

void add_goal_events(std::vector<IcsEvent>& events, store::Journal& journal)
{
    store::for_each_goal(journal, [&](const domain::Goal& goal) {
        if (!goal.due || goal.status != domain::GoalStatus::active)
            return;
        events.push_back(
            {"goal-" + goal.uuid + "@steady", *goal.due, "Goal due: " + goal.title,
             "steady goal #" + std::to_string(goal.id) + ": " + domain::describe_shape(goal)});
    });
}

void add_milestone_events(std::vector<IcsEvent>& events, Context& ctx, store::Journal& journal)
{
    auto list = configured_milestones(ctx);
    auto now = ctx.time().now;
    auto horizon = now + date::days{366};
    for (const auto& [clock, status] : clock_statuses(ctx, journal)) {
        const auto* zone = timeutil::Zone::find(clock.tz);
        if (zone == nullptr)
            zone = ctx.time().zone;
        auto start = status.current.start;
        auto run = date::format("%Y%m%dT%H%M%SZ", date::floor<std::chrono::seconds>(start));
        for (std::size_t n = 0; n < 1000; ++n) {
            auto milestone = domain::nth_milestone(list, n);
            auto at = domain::milestone_instant(milestone, start, *zone);
            if (at > horizon)
                break;
            if (at <= now)
                continue;
            auto day = timeutil::day_of(at, *zone, ctx.time().day_start);
            events.push_back(
                {"milestone-" + clock.uuid + "-" + run + "-" + milestone.key() + "@steady", day,
                 milestone.label() + " without " + clock.name,
                 "A steady milestone: " + milestone.label() + " of clean time (" + clock.name +
                     ")."});
        }
    }
}

} // namespace

std::vector<IcsEvent> ics_events(Context& ctx, store::Journal& journal)
{
    std::vector<IcsEvent> events;
    add_goal_events(events, journal);
    add_milestone_events(events, ctx, journal);
    return events;
}

} // namespace steady::app
