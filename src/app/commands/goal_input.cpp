#include "app/commands/goal_input.hpp"

#include <charconv>

#include <CLI/CLI.hpp>

#include "app/commands/common.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::app {

using domain::Goal;

namespace {

constexpr std::int64_t k_max_count = 1000000;

std::int64_t parse_amount(std::string_view flag, const std::string& text)
{
    std::string_view digits = domain::trim(text);
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || n < 1 ||
        n > k_max_count)
        throw UsageError(std::string(flag) + " must be a whole number from 1 to " +
                         std::to_string(k_max_count) + " (got '" + text + "')");
    return n;
}

// --target N --per P: the shape of a recurring goal.
void apply_recurring(const GoalAddOptions& opt, Goal& goal)
{
    if (!opt.target)
        throw UsageError("--per " + *opt.per + " needs --target N, how many a " + *opt.per +
                         " (e.g. --target 3 --per week)");
    if (!opt.per)
        throw UsageError("--target " + *opt.target +
                         " needs --per day, week or month (e.g. --target 3 --per week)");
    goal.target = parse_amount("--target", *opt.target);
    goal.per = domain::parse_goal_per(domain::to_lower(domain::trim(*opt.per)));
    if (!goal.per)
        throw UsageError("--per must be day, week or month (got '" + *opt.per + "')");
}

// --total N --by D: the shape of a goal with a due day.
void apply_total(const GoalAddOptions& opt, const timeutil::TimeContext& time, Goal& goal)
{
    if (!opt.total)
        throw UsageError("--by " + *opt.by + " needs --total N, how many by then");
    if (!opt.by)
        throw UsageError("--total " + *opt.total +
                         " needs --by DAY, when it is due (e.g. --by 2027-02-19)");
    goal.total = parse_amount("--total", *opt.total);
    auto due = timeutil::parse_date(*opt.by, time).day;
    if (due < time.today())
        throw UsageError("--by '" + *opt.by + "' is in the past (" + timeutil::format_day(due) +
                         "); a goal is due today or later");
    goal.due = due;
}

} // namespace

void add_goal_add_flags(CLI::App& cmd, GoalAddOptions& opt)
{
    cmd.add_option("TITLE", opt.title, "What the goal is, e.g. '3 meetings a week'")->required();
    cmd.add_option("--target", opt.target, "How many each --per (with --per)")->type_name("N");
    cmd.add_option("--per", opt.per, "day, week or month (with --target)")->type_name("PERIOD");
    cmd.add_option("--total", opt.total, "How many in all by --by (with --by)")->type_name("N");
    cmd.add_option("--by", opt.by, "The day a --total is due, e.g. 2027-02-19")->type_name("DATE");
    cmd.add_option("--tracks", opt.tracks,
                   "What counts: manual (goal log, the default), checkins, meetings, sober-days")
        ->type_name("WHAT");
}

Goal goal_from_options(const GoalAddOptions& opt, const timeutil::TimeContext& time)
{
    Goal goal;
    goal.title = std::string(domain::trim(opt.title));
    if (goal.title.empty())
        throw UsageError("a goal needs a title, e.g. steady goal add '3 meetings a week' "
                         "--target 3 --per week --tracks meetings");
    bool recurring = opt.target || opt.per;
    bool by_day = opt.total || opt.by;
    if (recurring && by_day)
        throw UsageError("a goal counts either --target N --per day|week|month or --total N "
                         "--by DAY, not both");
    if (recurring)
        apply_recurring(opt, goal);
    if (by_day)
        apply_total(opt, time, goal);
    goal.kind = recurring || by_day ? domain::GoalKind::count : domain::GoalKind::once;
    if (opt.tracks) {
        auto tracks = domain::parse_goal_tracks(domain::to_lower(domain::trim(*opt.tracks)));
        if (!tracks)
            throw UsageError("--tracks must be manual, checkins, meetings or sober-days (got '" +
                             *opt.tracks + "')");
        goal.tracks = *tracks;
    }
    return goal;
}

std::int64_t parse_goal_id(const std::string& text)
{
    try {
        return parse_id(text);
    } catch (const UsageError&) {
        throw UsageError("'" + text +
                         "' is not a goal id (ids are numbers, see 'steady goal list')");
    }
}

const Goal& require_goal(const std::optional<Goal>& goal, std::int64_t id)
{
    if (!goal)
        throw DataError("no goal #" + std::to_string(id) + " (see 'steady goal list --all')");
    return *goal;
}

void check_loggable(const std::optional<Goal>& found, std::int64_t id)
{
    const auto& goal = require_goal(found, id);
    std::string name = "goal #" + std::to_string(id);
    if (goal.status != domain::GoalStatus::active)
        throw DataError(name + " '" + goal.title + "' is " +
                        std::string(domain::goal_status_name(goal.status)) +
                        "; progress goes on active goals (see 'steady goal list')");
    switch (goal.tracks) {
    case domain::GoalTracks::manual:
        return;
    case domain::GoalTracks::checkins:
        throw UsageError(name + " counts your check-ins by itself; check in instead "
                                "('steady checkin')");
    case domain::GoalTracks::meetings:
        throw UsageError(name + " counts your meetings by itself; log the meeting instead "
                                "('steady meeting NAME')");
    case domain::GoalTracks::sober_days:
        throw UsageError(name + " counts the days your check-in says sober by itself; "
                                "check in with --sober yes instead");
    }
}

void check_status_change(const std::optional<Goal>& found, std::int64_t id,
                         domain::GoalStatus status)
{
    const auto& goal = require_goal(found, id);
    std::string name = "goal #" + std::to_string(id) + " '" + goal.title + "'";
    if (goal.status == status)
        throw DataError(name + " is already " + std::string(domain::goal_status_name(status)));
    if (goal.status == domain::GoalStatus::archived)
        throw DataError(name + " is archived");
}

} // namespace steady::app
