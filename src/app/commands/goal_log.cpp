#include <CLI/CLI.hpp>

#include <filesystem>

#include "app/commands/common.hpp"
#include "app/commands/goal.hpp"
#include "app/commands/goal_input.hpp"
#include "app/output/entries.hpp"
#include "base/error.hpp"
#include "store/entries.hpp"
#include "store/goals.hpp"

namespace steady::app {

namespace {

struct GoalLogOptions {
    std::string id;
    FieldFlags flags;
    std::optional<std::string> at;
};

domain::Entry goal_log_entry(const GoalLogOptions& opt, Context& ctx, std::int64_t id)
{
    domain::Entry entry;
    entry.kind = domain::Kind::goal_log;
    place_entry(ctx, entry, entry_time(ctx, opt.at));
    apply_fields(opt.flags, entry);
    entry.values["goal_id"] = id;
    if (!entry.get_int("count"))
        entry.values["count"] = std::int64_t{1};
    domain::validate(entry);
    return entry;
}

void write_log_json(Context& ctx, const domain::Entry& entry, const GoalView& view)
{
    domain::JsonWriter json(ctx.out().stream());
    json.begin_object();
    json.key("entry");
    write_entry_json(json, entry);
    json.key("goal");
    write_goal_json(json, view);
    json.end_object();
}

void run_goal_log(const GoalLogOptions& opt, Context& ctx)
{
    auto id = parse_goal_id(opt.id);
    auto entry = goal_log_entry(opt, ctx, id);
    if (!std::filesystem::exists(ctx.journal_path()))
        check_loggable(std::nullopt, id); // no goal, and no journal made for it
    auto& journal = ctx.journal_for_write();
    GoalView view;
    journal.write("log progress on the goal", [&] {
        auto goal = store::find_goal(journal, id);
        check_loggable(goal, id);
        // A once goal or a total counts from the day it was added: a log
        // before that would be saved and never counted. (A goal per week or
        // month counts its whole period, the days before it was added too.)
        const auto& time = ctx.time();
        auto added = timeutil::day_of(goal->created, *time.zone, time.day_start);
        if (!goal->per && entry.day < added)
            throw UsageError("goal #" + std::to_string(id) + " '" + goal->title +
                             "' was added on " + timeutil::format_day(added) +
                             "; progress before that does not count toward it");
        store::add_entry(journal, entry, ctx.time().now);
        view = view_goal(ctx, journal, *goal);
    });
    if (ctx.options().json)
        return write_log_json(ctx, entry, view);
    auto count = *entry.get_int("count");
    ctx.out().say("Logged " + std::to_string(count) + " on goal #" + std::to_string(id) + " '" +
                  view.goal.title + "' (#" + std::to_string(entry.id) + ", " +
                  timeutil::format_day(entry.day) + ").");
    ctx.out().say("Now: " + domain::describe_progress(view.goal, view.progress) + ".");
}

} // namespace

void register_goal_log(CLI::App& goal, Context& ctx)
{
    auto opt = std::make_shared<GoalLogOptions>();
    auto* cmd = goal.add_subcommand("log", "Log progress on a goal that you count yourself");
    cmd->add_option("ID", opt->id, "The goal's id (see 'steady goal list')")->required();
    cmd->add_option("--count", opt->flags.single["count"], "How many (default 1)")->type_name("N");
    cmd->add_option("--at", opt->at, "When (default now), e.g. 'yesterday 22:10'")
        ->type_name("DATE");
    cmd->add_option("--note", opt->flags.note, "A note in your own words");
    cmd->add_option("--tag", opt->flags.tags, "A tag; repeatable")->type_name("TAG");
    cmd->callback([opt, &ctx] { run_goal_log(*opt, ctx); });
}

} // namespace steady::app
