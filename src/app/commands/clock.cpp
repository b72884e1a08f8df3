#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/commands/clock.hpp"
#include "app/commands/commands.hpp"
#include "app/commands/common.hpp"
#include "app/commands/milestones.hpp"
#include "app/output/entries.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/clocks.hpp"
#include "store/entries.hpp"

namespace steady::app {

namespace {

using domain::Clock;
using domain::ClockStatus;
using domain::format_span;

struct ClockOptions {
    std::string name;
    std::optional<std::string> since;
    std::optional<std::string> cost;
    std::optional<std::string> at;
    std::optional<std::string> note;
};

std::string checked_name(const std::string& text)
{
    std::string name(domain::trim(text));
    if (name.empty())
        throw UsageError("a clock needs a name, e.g. 'steady clock add alcohol'");
    if (name.front() == '-')
        throw UsageError("'" + name + "' cannot be a clock name (names do not start with '-')");
    return name;
}

// When a clock given by --since `text` (or now) started: a day alone starts
// at that day's start; the future beyond a minute is a UsageError.
timeutil::Instant start_time(Context& ctx, const std::optional<std::string>& text)
{
    const auto& time = ctx.time();
    if (!text)
        return time.now;
    auto when = timeutil::parse_date(*text, time);
    auto at =
        when.has_time ? when.at : timeutil::start_of_day(when.day, *time.zone, time.day_start);
    if (at > time.now + std::chrono::minutes(1))
        throw UsageError("'" + *text + "' is in the future; a clock counts time already lived");
    return at;
}

std::optional<std::int64_t> cost_cents(const std::optional<std::string>& text)
{
    if (!text)
        return std::nullopt;
    auto cents = domain::parse_money(*text);
    if (!cents)
        throw UsageError("--cost-per-day must be an amount from 0 to 1000000 with at most two "
                         "decimals, like 12.50 (got '" +
                         *text + "')");
    return cents;
}

[[noreturn]] void no_such_clock(const std::string& name, const std::vector<std::string>& names)
{
    std::string known = names.empty() ? "no clocks yet; 'steady clock add " + name + "' starts one"
                                      : "clocks: " + domain::join(names, ", ");
    throw DataError("no clock named '" + name + "' (" + known + ")");
}

Clock require_clock(store::Journal& journal, const std::string& name)
{
    if (auto clock = store::find_clock(journal, name))
        return *clock;
    std::vector<std::string> names;
    for (const auto& clock : store::list_clocks(journal))
        names.push_back(clock.name);
    no_such_clock(name, names);
}

void run_clock_add(const ClockOptions& opt, Context& ctx)
{
    Clock clock;
    clock.name = checked_name(opt.name);
    clock.started_at = start_time(ctx, opt.since);
    clock.tz = ctx.time().zone->name();
    clock.cost_per_day_cents = cost_cents(opt.cost);
    configured_milestones(ctx);
    auto& journal = ctx.journal_for_write();
    std::optional<std::string> reached;
    journal.write("add the clock", [&] {
        store::add_clock(journal, clock, ctx.time().now);
        reached = mark_reached_milestones(ctx, journal, clock);
    });
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object().key("clock");
        journal.read("read the clock", [&] { write_clock(json, ctx, journal, clock); });
        json.key("announcements")
            .value(reached ? std::vector{*reached} : std::vector<std::string>{});
        json.end_object();
        return;
    }
    auto elapsed = date::floor<std::chrono::minutes>(
        domain::wall_clock_span(clock.started_at, ctx.time().now, *ctx.time().zone));
    std::string since = local_time(clock.started_at, *ctx.time().zone);
    ctx.out().say("Started clock '" + clock.name + "' at " + since +
                  (elapsed.count() > 0 ? " (" + format_span(elapsed) + " ago)." : "."));
    if (reached)
        ctx.out().say(*reached);
}

// Refuses a reset of `clock` at `at` before its start or its last lapse:
// resets are kept in order.
void check_reset_time(Context& ctx, const Clock& clock, const std::vector<domain::Lapse>& lapses,
                      timeutil::Instant at)
{
    const auto& zone = *ctx.time().zone;
    if (at < clock.started_at)
        throw UsageError("clock '" + clock.name + "' started at " +
                         local_time(clock.started_at, zone) + "; a reset cannot come before that");
    if (!lapses.empty() && at <= lapses.back().at)
        throw UsageError("clock '" + clock.name + "' was last reset at " +
                         local_time(lapses.back().at, zone) + "; a reset must come after that");
}

} // namespace

void reset_clock(Context& ctx, const std::string& name, const timeutil::DateInput& when,
                 const std::optional<std::string>& note)
{
    if (!std::filesystem::exists(ctx.journal_path()))
        no_such_clock(name, {});
    domain::Entry entry;
    entry.kind = domain::Kind::lapse;
    place_entry(ctx, entry, when);
    if (note && !domain::trim(*note).empty())
        entry.note = std::string(domain::trim(*note));
    auto& journal = ctx.journal_for_write();
    Clock clock;
    ClockStatus before;
    journal.write("reset the clock", [&] {
        clock = require_clock(journal, name);
        check_reset_time(ctx, clock, store::clock_lapses(journal, clock.id), entry.at);
        before = status_now(ctx, journal, clock);
        entry.values["clock_id"] = clock.id;
        store::add_entry(journal, entry, ctx.time().now);
    });
    auto had = date::floor<std::chrono::minutes>(
        domain::wall_clock_span(before.current.start, entry.at, *ctx.time().zone));
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object().key("clock").value(clock.name).key("entry");
        write_entry_json(json, entry);
        json.key("previous_run");
        write_run(json, {before.current.start, entry.at, had});
        json.end_object();
        return;
    }
    ctx.out().say("Clock '" + clock.name + "' restarted. You had " + format_span(had) + " " +
                  std::string(ctx.out().glyph("—", "-")) + " they still count.");
    ctx.out().say("Logged as lapse #" + std::to_string(entry.id) +
                  "; 'steady undo' takes it back.");
}

void register_clock(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<ClockOptions>();
    auto* cmd = root.add_subcommand("clock", "Clean-time clocks: runs, milestones, money saved");
    cmd->require_subcommand(0, 1);
    auto* add = cmd->add_subcommand("add", "Start a clean-time clock");
    add->add_option("NAME", opt->name, "What the clock counts time without, e.g. alcohol")
        ->required();
    add->add_option("--since", opt->since, "When the clean time began (default now)")
        ->type_name("DATE");
    add->add_option("--cost-per-day", opt->cost, "What it cost a day, e.g. 12.50")
        ->type_name("AMOUNT");
    add->callback([opt, &ctx] { run_clock_add(*opt, ctx); });
    auto* list = cmd->add_subcommand("list", "Every clock (the same as 'steady clock')");
    list->callback([&ctx] { run_clock_list(ctx); });
    auto* reset =
        cmd->add_subcommand("reset", "Restart a clock after a lapse; past days still count");
    reset->add_option("NAME", opt->name, "The clock's name")->required();
    reset->add_option("--at", opt->at, "When it happened (default now), e.g. 'yesterday 22:10'")
        ->type_name("DATE");
    reset->add_option("--note", opt->note, "What happened, in your own words");
    reset->callback(
        [opt, &ctx] { reset_clock(ctx, opt->name, entry_time(ctx, opt->at), opt->note); });
    cmd->callback([cmd, &ctx] {
        if (cmd->get_subcommands().empty())
            run_clock_list(ctx);
    });
}

} // namespace steady::app
