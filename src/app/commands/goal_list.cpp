#include <CLI/CLI.hpp>

#include "app/commands/goal.hpp"
#include "store/goals.hpp"

namespace steady::app {

namespace {

Tone pace_tone(domain::Pace pace)
{
    switch (pace) {
    case domain::Pace::done:
    case domain::Pace::ahead:
        return Tone::good;
    case domain::Pace::behind:
        return Tone::warn;
    case domain::Pace::ended:
        return Tone::dim;
    case domain::Pace::open:
    case domain::Pace::on_pace:
        return Tone::plain;
    }
    return Tone::plain;
}

std::string title_cell(const domain::Goal& goal)
{
    if (goal.status == domain::GoalStatus::active)
        return printable(goal.title, true);
    return printable(goal.title, true) + " (" + std::string(domain::goal_status_name(goal.status)) +
           ")";
}

// "1 done, 0 put away: steady goal list --all".
std::string put_aside_text(const store::GoalCounts& counts)
{
    return std::to_string(counts.done) + " done, " + std::to_string(counts.archived) +
           " put away: steady goal list --all";
}

// The goals of `views` as a table. Without --all (`selection` active), a
// line counts the done and archived goals it leaves out, so that a person
// who has finished every goal is not told there are none.
void print_goals(Output& out, const std::vector<GoalView>& views, const store::GoalCounts& counts,
                 store::GoalSelection selection)
{
    bool left_out = selection == store::GoalSelection::active && counts.done + counts.archived > 0;
    if (views.empty() && !left_out) {
        out.say("No goals yet. Add one, e.g.: steady goal add '3 meetings a week' --target 3 "
                "--per week --tracks meetings");
        return;
    }
    if (views.empty()) {
        out.say("No goals in progress. " + put_aside_text(counts));
        return;
    }
    Table table({"ID", "GOAL", "AIM", "PROGRESS"});
    for (const auto& view : views)
        table.add({std::to_string(view.goal.id), title_cell(view.goal),
                   domain::describe_shape(view.goal),
                   out.paint(domain::describe_progress(view.goal, view.progress),
                             pace_tone(view.progress.pace))});
    table.print(out);
    if (left_out)
        out.say(put_aside_text(counts));
}

} // namespace

void run_goal_list(Context& ctx, store::GoalSelection selection)
{
    auto& journal = ctx.journal_for_read();
    std::vector<GoalView> views;
    store::GoalCounts counts;
    journal.read("list the goals", [&] {
        for (const auto& goal : store::list_goals(journal, selection))
            views.push_back(view_goal(ctx, journal, goal));
        counts = store::count_goals(journal);
    });
    if (!ctx.options().json)
        return print_goals(ctx.out(), views, counts, selection);
    domain::JsonWriter json(ctx.out().stream());
    json.begin_object();
    json.key("today").value(timeutil::format_day(ctx.time().today()));
    json.key("goals").begin_array();
    for (const auto& view : views)
        write_goal_json(json, view);
    json.end_array();
    json.key("done").value(counts.done);
    json.key("archived").value(counts.archived);
    json.end_object();
}

void register_goal_list(CLI::App& goal, Context& ctx)
{
    auto all = std::make_shared<bool>(false);
    auto* cmd = goal.add_subcommand("list", "Goals with their progress and pace");
    cmd->add_flag("-a,--all", *all, "Include done and archived goals");
    cmd->callback([all, &ctx] {
        run_goal_list(ctx, *all ? store::GoalSelection::all : store::GoalSelection::active);
    });
}

} // namespace steady::app
