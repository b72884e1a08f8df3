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
    // Under -q nobody would read the announcement: leave it for the next
    // command that can say it, rather than mark it seen unseen.
    if (ctx.options().quiet && !ctx.options().json)
        return {};
    if (!std::filesystem::exists(ctx.journal_path()))
        return {};
    auto& journal = ctx.journal_for_read();
    auto now = ctx.time().now;
    struct Fresh {
        domain::Clock clock;
        timeutil::Instant run;
        std::vector<domain::MilestoneAt> reached;
    };
    // Look first, inside a read: most days nothing is new, and a write
    // transaction on every dashboard or check-in would cost a commit.
    auto unseen = [&] {
        std::vector<Fresh> found;
        for (const auto& clock : store::list_clocks(journal)) {
            auto status = status_now(ctx, journal, clock);
            auto run = status.current.start;
            auto fresh = domain::unseen_milestones(status.reached,
                                                   store::seen_milestones(journal, clock.id, run));
            if (!fresh.empty())
                found.push_back({clock, run, std::move(fresh)});
        }
        return found;
    };
    std::vector<Fresh> found;
    journal.read("read the clocks", [&] { found = unseen(); });
    if (found.empty())
        return {};
    std::vector<std::string> lines;
    journal.write("record the milestones reached", [&] {
        lines.clear();
        for (const auto& f : unseen()) {
            for (const auto& m : f.reached)
                store::mark_milestone_seen(journal, f.clock.id, f.run, m.milestone.key(), now);
            lines.push_back(announcement(f.clock, f.reached.back(), ctx.time()));
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

std::vector<std::pair<domain::Clock, domain::ClockStatus>> clock_statuses(Context& ctx,
                                                                          store::Journal& journal)
{
    std::vector<std::pair<domain::Clock, domain::ClockStatus>> clocks;
    for (auto& clock : store::list_clocks(journal)) {
        auto status = status_now(ctx, journal, clock);
        clocks.emplace_back(std::move(clock), std::move(status));
    }
    return clocks;
}

std::string clock_glance(Context& ctx, const domain::Clock& clock,
                         const domain::ClockStatus& status)
{
    std::string dot = " " + std::string(ctx.out().glyph("·", "-")) + " ";
    std::string text = clock.name + ": " + domain::format_span(status.current.length) + dot +
                       next_milestone_text(status, ctx.time().now);
    if (auto saved = saved_text(ctx, status))
        text += dot + *saved;
    return text;
}

void write_clock_glance_json(domain::JsonWriter& json, const domain::Clock& clock,
                             const domain::ClockStatus& status,
                             const std::optional<std::string>& currency)
{
    json.begin_object();
    json.key("name").value(clock.name);
    json.key("run_start").value(timeutil::format_instant(status.current.start));
    json.key("run_minutes").value(static_cast<std::int64_t>(status.current.length.count()));
    json.key("next_milestone").value(status.next.milestone.key());
    json.key("next_milestone_at").value(timeutil::format_instant(status.next.at));
    json.key("currency").value(currency);
    write_saved_json(json, status);
    json.end_object();
}

std::optional<std::string> saved_text(Context& ctx, const domain::ClockStatus& status)
{
    if (!status.saved_cents || !status.saved_this_run_cents)
        return std::nullopt;
    auto charset = ctx.out().style().utf8 ? domain::Charset::utf8 : domain::Charset::ascii;
    auto money = [&](std::int64_t cents) {
        return domain::format_money(cents, ctx.config().currency, charset);
    };
    if (*status.saved_cents == *status.saved_this_run_cents)
        return money(*status.saved_cents) + " saved";
    return "saved " + money(*status.saved_this_run_cents) + " this run, " +
           money(*status.saved_cents) + " in all";
}

void write_saved_json(domain::JsonWriter& json, const domain::ClockStatus& status)
{
    auto amount = [](const std::optional<std::int64_t>& cents) {
        return cents ? std::optional(static_cast<double>(*cents) / 100.0) : std::nullopt;
    };
    json.key("saved").value(amount(status.saved_cents));
    json.key("saved_this_run").value(amount(status.saved_this_run_cents));
}

std::string next_milestone_text(const domain::ClockStatus& status, timeutil::Instant now)
{
    auto left = date::floor<std::chrono::minutes>(status.next.at - now);
    auto days = (left.count() + 720) / 1440; // nearest whole day: 5 d 23 h is "6 days"
    std::string in = left.count() < 1440 ? domain::format_span(left)
                     : days == 1         ? "1 day"
                                         : std::to_string(days) + " days";
    return "next: " + status.next.milestone.label() + " in " + in;
}

} // namespace steady::app
