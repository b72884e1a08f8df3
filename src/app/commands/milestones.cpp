#include "app/commands/milestones.hpp"

#include <filesystem>

#include "store/clocks.hpp"

namespace steady::app {

namespace {

std::string announcement(const domain::Clock& clock, const domain::MilestoneAt& reached,
                         const timeutil::TimeContext& time)
{
    auto day = timeutil::day_of(reached.at, *time.zone, time.day_start);
    std::string when = day == time.today() ? " today" : ", reached on " + timeutil::format_day(day);
    return reached.milestone.label() + " without " + clock.name + when + ". That is real.";
}

} // namespace

std::vector<domain::Milestone> configured_milestones(Context& ctx)
{
    return domain::milestone_list(ctx.config().milestones);
}

domain::ClockStatus status_now(Context& ctx, store::Journal& journal, const domain::Clock& clock)
{
    return domain::clock_status(clock, store::clock_lapses(journal, clock.id),
                                configured_milestones(ctx), ctx.time());
}

std::vector<std::string> observe_milestones(Context& ctx)
{
    if (!std::filesystem::exists(ctx.journal_path()))
        return {};
    auto& journal = ctx.journal_for_read();
    auto now = ctx.time().now;
    std::vector<std::string> lines;
    journal.write("record the milestones reached", [&] {
        lines.clear();
        for (const auto& clock : store::list_clocks(journal)) {
            auto status = status_now(ctx, journal, clock);
            auto run = status.current.start;
            auto fresh = domain::unseen_milestones(status.reached,
                                                   store::seen_milestones(journal, clock.id, run));
            for (const auto& m : fresh)
                store::mark_milestone_seen(journal, clock.id, run, m.milestone.key(), now);
            if (!fresh.empty())
                lines.push_back(announcement(clock, fresh.back(), ctx.time()));
        }
    });
    return lines;
}

std::optional<std::string> mark_reached_milestones(Context& ctx, store::Journal& journal,
                                                   const domain::Clock& clock)
{
    auto status = status_now(ctx, journal, clock);
    for (const auto& m : status.reached)
        store::mark_milestone_seen(journal, clock.id, status.current.start, m.milestone.key(),
                                   ctx.time().now);
    if (status.reached.empty())
        return std::nullopt;
    return "You're at " + status.reached.back().milestone.label() + ".";
}

void write_milestone_json(domain::JsonWriter& json, const domain::MilestoneAt& m)
{
    json.begin_object();
    json.key("milestone").value(m.milestone.key());
    json.key("label").value(m.milestone.label());
    json.key("at").value(timeutil::format_instant(m.at));
    json.end_object();
}

std::string next_milestone_text(const domain::ClockStatus& status, timeutil::Instant now)
{
    auto left = date::floor<std::chrono::minutes>(status.next.at - now);
    auto days = left.count() / 1440;
    std::string in = days >= 1 ? (days == 1 ? "1 day" : std::to_string(days) + " days")
                               : domain::format_span(left);
    return "next: " + status.next.milestone.label() + " in " + in;
}

} // namespace steady::app
