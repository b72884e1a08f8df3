#include "app/commands/clock.hpp"

#include "app/commands/milestones.hpp"
#include "app/output/entries.hpp"
#include "domain/text.hpp"
#include "store/clocks.hpp"

namespace steady::app {

namespace {

using domain::Clock;
using domain::format_span;

void write_lapses(domain::JsonWriter& json, const std::vector<domain::Lapse>& lapses)
{
    json.key("lapses").begin_array();
    for (const auto& lapse : lapses) {
        json.begin_object();
        json.key("id").value(lapse.id);
        json.key("at").value(timeutil::format_instant(lapse.at));
        json.key("day").value(timeutil::format_day(lapse.day));
        json.key("what").value(lapse.what);
        json.key("note").value(lapse.note);
        json.end_object();
    }
    json.end_array();
}

void print_clock(Context& ctx, store::Journal& journal, const Clock& clock)
{
    auto& out = ctx.out();
    auto status = status_now(ctx, journal, clock);
    auto lapses = store::clock_lapses(journal, clock.id);
    std::string dot = " " + std::string(out.glyph("·", "-")) + " ";
    auto& os = out.stream();
    os << out.paint(clock.name, Tone::bold) << "  " << format_span(status.current.length) << '\n';
    os << "  longest " << format_span(status.longest.length) << dot << status.clean_days << " of "
       << status.days << " days clean (" << status.clean_percent << "%)";
    if (auto saved = saved_text(ctx, status))
        os << dot << *saved;
    os << "\n  " << next_milestone_text(status, ctx.time().now) << dot
       << (lapses.empty()
               ? "no lapses"
               : std::to_string(lapses.size()) + (lapses.size() == 1 ? " lapse" : " lapses"))
       << '\n';
    auto shown = lapses.size() > 3 ? lapses.end() - 3 : lapses.begin();
    for (auto it = shown; it != lapses.end(); ++it) {
        os << "    " << local_time(it->at, *ctx.time().zone);
        for (const auto& text : {it->what, it->note})
            if (text)
                os << dot << *text;
        os << '\n';
    }
}

} // namespace

void write_run(domain::JsonWriter& json, const domain::Run& run)
{
    json.begin_object();
    json.key("start").value(timeutil::format_instant(run.start));
    auto end = run.end ? std::optional(timeutil::format_instant(*run.end)) : std::nullopt;
    json.key("end").value(end);
    json.key("minutes").value(static_cast<std::int64_t>(run.length.count()));
    json.key("days").value(static_cast<std::int64_t>(run.length.count() / 1440));
    json.end_object();
}

void write_clock(domain::JsonWriter& json, Context& ctx, store::Journal& journal,
                 const domain::Clock& c)
{
    auto lapses = store::clock_lapses(journal, c.id);
    auto status = status_now(ctx, journal, c);
    json.begin_object();
    json.key("id").value(c.id);
    json.key("uuid").value(c.uuid);
    json.key("name").value(c.name);
    json.key("started_at").value(timeutil::format_instant(c.started_at));
    json.key("tz").value(c.tz);
    json.key("cost_per_day_cents").value(c.cost_per_day_cents);
    json.key("currency").value(ctx.config().currency);
    json.key("current_run");
    write_run(json, status.current);
    json.key("longest_run");
    write_run(json, status.longest);
    json.key("days_since_start").value(status.days);
    json.key("clean_days").value(status.clean_days);
    json.key("clean_percent").value(status.clean_percent);
    write_saved_json(json, status);
    write_lapses(json, lapses);
    json.key("milestones_reached").begin_array();
    for (const auto& m : status.reached)
        write_milestone_json(json, m);
    json.end_array();
    json.key("next_milestone");
    write_milestone_json(json, status.next);
    json.end_object();
}

void run_clock_list(Context& ctx)
{
    auto announcements = observe_milestones(ctx);
    auto& journal = ctx.journal_for_read();
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object().key("clocks").begin_array();
        journal.read("read the clocks", [&] {
            for (const auto& clock : store::list_clocks(journal))
                write_clock(json, ctx, journal, clock);
        });
        json.end_array().key("announcements").value(announcements).end_object();
        return;
    }
    for (const auto& line : announcements)
        ctx.out().say(line);
    std::vector<Clock> clocks;
    journal.read("read the clocks", [&] {
        clocks = store::list_clocks(journal);
        for (const auto& clock : clocks)
            print_clock(ctx, journal, clock);
    });
    if (clocks.empty())
        ctx.out().say("No clocks yet. 'steady clock add NAME --since DATE' starts one.");
}

} // namespace steady::app
