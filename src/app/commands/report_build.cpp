#include "app/commands/report_build.hpp"

#include <algorithm>
#include <filesystem>

#include "app/commands/goal.hpp"
#include "app/commands/milestones.hpp"
#include "base/error.hpp"
#include "store/clocks.hpp"
#include "store/entries.hpp"
#include "store/goals.hpp"
#include "store/report.hpp"

namespace steady::app {

timeutil::Period report_period(Context& ctx, const std::optional<std::string>& positional,
                               const std::optional<std::string>& flag)
{
    if (positional && flag)
        throw UsageError("give the period once: '" + *positional + "' or --period '" + *flag + "'");
    if (positional)
        return timeutil::parse_period(*positional, ctx.time());
    if (flag)
        return timeutil::parse_period(*flag, ctx.time());
    return timeutil::parse_period(ctx.config().share_default_period, ctx.time());
}

namespace {

// The goals in progress, and those marked done on a day of the period up to
// today (`updated`, which goal done sets and undo restores, as the dashboard
// reads it): a goal finished within the period is progress made in it. A
// goal added after the period was not in progress in it.
void add_goals(Context& ctx, store::Journal& journal, domain::Report& report)
{
    const auto& time = ctx.time();
    for (const auto& goal : store::list_goals(journal, store::GoalSelection::all)) {
        if (timeutil::day_of(goal.created, *time.zone, time.day_start) > report.period.to)
            continue;
        std::optional<timeutil::Day> done_on;
        if (goal.status == domain::GoalStatus::done) {
            done_on = timeutil::day_of(goal.updated, *time.zone, time.day_start);
            if (*done_on < report.period.from ||
                *done_on > std::min(report.period.to, report.today))
                continue;
        } else if (goal.status != domain::GoalStatus::active) {
            continue;
        }
        auto view = view_goal(ctx, journal, goal);
        domain::ReportGoal line{goal, view.progress, 0, done_on};
        if (report.days_counted > 0)
            line.in_period = store::goal_progress(journal, goal, report.first, report.last);
        (done_on ? report.goals_done : report.goals).push_back(std::move(line));
    }
}

void add_clocks(Context& ctx, store::Journal& journal, domain::Report& report)
{
    const auto& time = ctx.time();
    auto from = timeutil::start_of_day(report.period.from, *time.zone, time.day_start);
    auto to = std::min(time.now, timeutil::start_of_day(report.period.to + date::days{1},
                                                        *time.zone, time.day_start));
    auto milestones = configured_milestones(ctx);
    for (const auto& clock : store::list_clocks(journal)) {
        auto lapses = store::clock_lapses(journal, clock.id);
        domain::ReportClock line;
        line.name = clock.name;
        line.current_run = domain::clock_status(clock, lapses, milestones, time).current.length;
        for (const auto& lapse : lapses)
            if (lapse.day >= report.period.from && lapse.day <= report.period.to)
                line.lapses.push_back(lapse.day);
        line.reached = domain::milestones_between(clock, lapses, milestones, *time.zone, from, to);
        report.clocks.push_back(std::move(line));
    }
}

} // namespace

domain::Report build_report(Context& ctx, const timeutil::Period& period,
                            domain::IncludeNotes notes)
{
    domain::Report report;
    report.period = period;
    report.today = ctx.time().today();
    report.week_start = ctx.time().week_start;
    if (period.all)
        report.period.from = report.today;
    if (!std::filesystem::exists(ctx.journal_path()))
        return report;
    auto& journal = ctx.journal_for_read();
    journal.read("read the journal for the report", [&] {
        auto start = store::first_entry_day(journal);
        if (period.all)
            report.period.from = std::min(start.value_or(report.today), report.today);
        auto covered = domain::covered_days(report.period, start, report.today);
        if (covered) {
            report.first = covered->from;
            report.last = covered->to;
            report.days_counted = static_cast<int>((covered->to - covered->from).count()) + 1;
            store::count_report(journal, report);
            if (notes == domain::IncludeNotes::yes)
                report.notes = store::period_notes(journal, report.first, report.last);
        }
        add_goals(ctx, journal, report);
        add_clocks(ctx, journal, report);
    });
    report.insights = domain::insights(report);
    return report;
}

} // namespace steady::app
