#include <cstdio>

#include "app/commands/goal.hpp"
#include "app/commands/milestones.hpp"
#include "app/commands/remind.hpp"
#include "domain/remind.hpp"
#include "store/entries.hpp"
#include "store/goals.hpp"
#include "store/partners.hpp"
#include "store/remind.hpp"

namespace steady::app {

namespace {

std::string remind_clock_time(timeutil::Minutes minutes)
{
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(minutes.count() / 60),
                  static_cast<int>(minutes.count() % 60));
    return text;
}

void due_checkin(Context& ctx, store::Journal& journal, std::vector<DueItem>& items)
{
    const auto& time = ctx.time();
    auto today = time.today();
    auto after = timeutil::Minutes(ctx.config().remind_checkin_after_minutes);
    auto checked_in =
        store::find_checkin(journal, today) ? domain::CheckedIn::yes : domain::CheckedIn::no;
    if (!domain::checkin_due(checked_in, time.now, today, *time.zone, time.day_start, after))
        return;
    auto due_at = domain::checkin_due_at(today, *time.zone, time.day_start, after);
    items.push_back({"checkin", domain::checkin_reminder(), [=](domain::JsonWriter& json) {
                         json.key("day").value(timeutil::format_day(today));
                         json.key("checkin_after").value(remind_clock_time(after));
                         json.key("due_at").value(timeutil::format_instant(due_at));
                     }});
}

void due_summaries(Context& ctx, store::Journal& journal, std::vector<DueItem>& items)
{
    const auto& time = ctx.time();
    for (const auto& partner : store::list_partners(journal)) {
        if (!partner.cadence)
            continue;
        std::optional<timeutil::Day> last;
        if (auto at = store::last_delivered(journal, partner.id, "summary"))
            last = timeutil::day_of(*at, *time.zone, time.day_start);
        auto added = timeutil::day_of(partner.created, *time.zone, time.day_start);
        if (!domain::summary_due(*partner.cadence, last, added, time.today()))
            continue;
        auto cadence = *partner.cadence;
        items.push_back({"summary", domain::summary_reminder(partner.name, cadence, last),
                         [name = partner.name, cadence, last](domain::JsonWriter& json) {
                             json.key("partner").value(name);
                             json.key("every").value(domain::cadence_name(cadence));
                             json.key("last_sent")
                                 .value(last ? std::optional(timeutil::format_day(*last))
                                             : std::nullopt);
                         }});
    }
}

void due_goals(Context& ctx, store::Journal& journal, std::vector<DueItem>& items)
{
    for (const auto& goal : store::list_goals(journal, store::GoalSelection::active)) {
        auto view = view_goal(ctx, journal, goal);
        if (view.progress.pace != domain::Pace::behind)
            continue;
        auto line = domain::goal_reminder(goal.id, goal.title,
                                          domain::describe_progress(goal, view.progress));
        items.push_back({"goal", line, [view](domain::JsonWriter& json) {
                             json.key("goal");
                             write_goal_json(json, view);
                         }});
    }
}

void due_milestones(Context& ctx, store::Journal& journal, std::vector<DueItem>& items)
{
    const auto& time = ctx.time();
    for (const auto& [clock, status] : clock_statuses(ctx, journal)) {
        for (const auto& m :
             domain::milestones_today(status, time.today(), *time.zone, time.day_start)) {
            items.push_back({"milestone",
                             domain::milestone_reminder(m.milestone.label(), clock.name),
                             [name = clock.name, m](domain::JsonWriter& json) {
                                 json.key("clock").value(name);
                                 json.key("milestone").value(m.milestone.key());
                                 json.key("label").value(m.milestone.label());
                                 json.key("at").value(timeutil::format_instant(m.at));
                             }});
        }
    }
}

} // namespace

std::vector<DueItem> collect_due(Context& ctx)
{
    std::vector<DueItem> items;
    auto& journal = ctx.journal_for_read();
    journal.read("read what is due", [&] {
        due_checkin(ctx, journal, items);
        due_summaries(ctx, journal, items);
        due_goals(ctx, journal, items);
        due_milestones(ctx, journal, items);
    });
    return items;
}

} // namespace steady::app
