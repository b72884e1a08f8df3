#include "app/commands/goal.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>

#include "app/commands/commands.hpp"
#include "app/commands/goal_input.hpp"
#include "base/error.hpp"
#include "store/goals.hpp"

namespace steady::app {

using domain::Goal;
using domain::GoalStatus;

namespace {

// "counting your meetings", or how to log a manual goal.
std::string tracking_phrase(const Goal& goal)
{
    switch (goal.tracks) {
    case domain::GoalTracks::manual:
        return "log progress with 'steady goal log " + std::to_string(goal.id) + "'";
    case domain::GoalTracks::checkins:
        return "counting your check-ins";
    case domain::GoalTracks::meetings:
        return "counting your meetings";
    case domain::GoalTracks::sober_days:
        return "counting the days your check-in says sober";
    }
    return {};
}

void print_goal(Context& ctx, const GoalView& view, const std::string& line)
{
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        write_goal_json(json, view);
        return;
    }
    ctx.out().say(line);
    if (view.goal.status == GoalStatus::active)
        ctx.out().say("Now: " + domain::describe_progress(view.goal, view.progress) + ".");
}

void run_goal_add(const GoalAddOptions& opt, Context& ctx)
{
    Goal goal = goal_from_options(opt, ctx.time());
    auto& journal = ctx.journal_for_write();
    GoalView view;
    journal.write("save the goal", [&] {
        store::add_goal(journal, goal, ctx.time().now);
        view = view_goal(ctx, journal, goal);
    });
    print_goal(ctx, view,
               "Added goal #" + std::to_string(goal.id) + " '" + goal.title +
                   "': " + domain::describe_shape(goal) + ", " + tracking_phrase(goal) + ".");
}

void run_goal_status(const std::string& id_text, GoalStatus status, Context& ctx)
{
    auto id = parse_goal_id(id_text);
    if (!std::filesystem::exists(ctx.journal_path()))
        check_status_change(std::nullopt, id, status); // no goal, and no journal made for it
    auto& journal = ctx.journal_for_write();
    GoalView view;
    journal.write("update the goal", [&] {
        auto goal = store::find_goal(journal, id);
        check_status_change(goal, id, status);
        store::set_goal_status(journal, *goal, status, ctx.time().now);
        view = view_goal(ctx, journal, *goal);
    });
    std::string name = "goal #" + std::to_string(id) + " '" + view.goal.title + "'";
    print_goal(ctx, view,
               status == GoalStatus::done
                   ? "Marked " + name + " done. 'steady undo' reverses it."
                   : "Archived " + name + "; 'steady goal list --all' still shows it.");
}

void register_goal_add(CLI::App& goal, Context& ctx)
{
    auto opt = std::make_shared<GoalAddOptions>();
    auto* cmd = goal.add_subcommand("add", "Add a goal: once, N per day/week/month, or N by a day");
    add_goal_add_flags(*cmd, *opt);
    cmd->callback([opt, &ctx] { run_goal_add(*opt, ctx); });
}

void register_goal_status(CLI::App& goal, Context& ctx, GoalStatus status)
{
    auto id = std::make_shared<std::string>();
    auto* cmd = status == GoalStatus::done
                    ? goal.add_subcommand("done", "Mark a goal done")
                    : goal.add_subcommand("archive", "Put a goal away (goal list --all shows it)");
    cmd->add_option("ID", *id, "The goal's id (see 'steady goal list')")->required();
    cmd->callback([id, status, &ctx] { run_goal_status(*id, status, ctx); });
}

} // namespace

void register_goal(CLI::App& root, Context& ctx)
{
    auto* cmd = root.add_subcommand("goal", "Goals and their progress and pace");
    cmd->require_subcommand(0, 1);
    register_goal_add(*cmd, ctx);
    register_goal_log(*cmd, ctx);
    register_goal_list(*cmd, ctx);
    register_goal_status(*cmd, ctx, GoalStatus::done);
    register_goal_status(*cmd, ctx, GoalStatus::archived);
    cmd->callback([cmd, &ctx] {
        if (cmd->get_subcommands().empty())
            run_goal_list(ctx, store::GoalSelection::active);
    });
}

} // namespace steady::app
