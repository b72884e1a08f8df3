#include "domain/goal.hpp"

#include "domain/text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <utility>

namespace steady::domain {

namespace {

template <class E, std::size_t N> using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<GoalKind, 2> k_goal_kinds = {
    {{GoalKind::once, "once"}, {GoalKind::count, "count"}}};
constexpr Names<GoalPer, 3> k_pers = {
    {{GoalPer::day, "day"}, {GoalPer::week, "week"}, {GoalPer::month, "month"}}};
constexpr Names<GoalTracks, 4> k_tracks = {{{GoalTracks::manual, "manual"},
                                            {GoalTracks::checkins, "checkins"},
                                            {GoalTracks::meetings, "meetings"},
                                            {GoalTracks::sober_days, "sober-days"}}};
constexpr Names<GoalStatus, 3> k_statuses = {{{GoalStatus::active, "active"},
                                              {GoalStatus::done, "done"},
                                              {GoalStatus::archived, "archived"}}};
constexpr Names<Pace, 6> k_paces = {{{Pace::done, "done"},
                                     {Pace::ended, "ended"},
                                     {Pace::open, "open"},
                                     {Pace::ahead, "ahead"},
                                     {Pace::on_pace, "on-pace"},
                                     {Pace::behind, "behind"}}};

template <class E, std::size_t N> std::string_view name_of(const Names<E, N>& names, E value)
{
    for (const auto& [v, name] : names)
        if (v == value)
            return name;
    return {};
}

template <class E, std::size_t N>
std::optional<E> parse_name(const Names<E, N>& names, std::string_view text)
{
    for (const auto& [v, name] : names)
        if (name == text)
            return v;
    return std::nullopt;
}

// `x` rounded up to one decimal, without the error of binary fractions
// turning an exact 1.7 into 1.8.
double ceil_tenth(double x)
{
    return std::ceil(x * 10.0 - 1e-9) / 10.0;
}

std::string period_label(const Goal& goal)
{
    if (goal.due)
        return "by " + timeutil::format_day(*goal.due);
    switch (goal.per.value_or(GoalPer::day)) {
    case GoalPer::day:
        return "today";
    case GoalPer::week:
        return "this week";
    case GoalPer::month:
        return "this month";
    }
    return {};
}

std::string more_in(const GoalProgress& p)
{
    std::string text = std::to_string(p.remaining) + " more";
    if (p.days_left <= 1)
        return text + " today";
    text += " in " + std::to_string(p.days_left) + " days";
    if (p.per_day && p.remaining >= p.days_left)
        text += " (" + format_tenths(*p.per_day) + " a day)";
    return text;
}

// Pace of a count goal: done once the amount is reached; ended when its
// period is over without it; open for a one-day period (no pace to keep);
// else compared with an even pace at the start of today.
Pace count_pace(const GoalProgress& p)
{
    if (p.remaining == 0)
        return Pace::done;
    if (p.days_left == 0)
        return Pace::ended;
    if (!p.expected)
        return Pace::open;
    const auto progress = static_cast<double>(p.progress);
    if (progress >= *p.expected + 1.0)
        return Pace::ahead;
    if (progress >= *p.expected)
        return Pace::on_pace;
    return Pace::behind;
}

} // namespace

std::string_view goal_kind_name(GoalKind kind)
{
    return name_of(k_goal_kinds, kind);
}
std::string_view goal_per_name(GoalPer per)
{
    return name_of(k_pers, per);
}
std::string_view goal_tracks_name(GoalTracks tracks)
{
    return name_of(k_tracks, tracks);
}
std::string_view goal_status_name(GoalStatus status)
{
    return name_of(k_statuses, status);
}
std::string_view pace_name(Pace pace)
{
    return name_of(k_paces, pace);
}

std::optional<GoalKind> parse_goal_kind(std::string_view text)
{
    return parse_name(k_goal_kinds, text);
}
std::optional<GoalPer> parse_goal_per(std::string_view text)
{
    return parse_name(k_pers, text);
}
std::optional<GoalTracks> parse_goal_tracks(std::string_view text)
{
    return parse_name(k_tracks, text);
}
std::optional<GoalStatus> parse_goal_status(std::string_view text)
{
    return parse_name(k_statuses, text);
}

std::int64_t Goal::amount() const
{
    if (kind == GoalKind::once)
        return 1;
    return target ? *target : total.value_or(1);
}

timeutil::Period goal_period(const Goal& goal, const GoalClock& clock)
{
    using namespace date;
    const auto created_day = clock.created_day;
    const auto today = clock.today;
    if (goal.kind == GoalKind::once)
        return {created_day, std::max(created_day, today)};
    if (goal.due)
        return {created_day, std::max(created_day, *goal.due)};
    switch (goal.per.value_or(GoalPer::day)) {
    case GoalPer::day:
        return {today, today};
    case GoalPer::week: {
        timeutil::Day first = today - (weekday{today} - clock.week_start);
        return {first, first + days{6}};
    }
    case GoalPer::month: {
        year_month_day ymd{today};
        auto first = local_days{ymd.year() / ymd.month() / 1};
        auto final_day = local_days{ymd.year() / ymd.month() / last};
        return {first, final_day};
    }
    }
    return {today, today};
}

GoalProgress assess_goal(const Goal& goal, const GoalClock& clock, std::int64_t progress)
{
    GoalProgress p;
    p.period = goal_period(goal, clock);
    p.progress = progress;
    const std::int64_t amount = goal.amount();
    const auto pace_from = std::clamp(clock.created_day, p.period.from, p.period.to);
    const std::int64_t days = (p.period.to - pace_from).count() + 1;
    const std::int64_t elapsed =
        std::clamp<std::int64_t>((clock.today - pace_from).count(), 0, days);
    p.days_left = days - elapsed;
    p.remaining = std::max<std::int64_t>(0, amount - progress);
    if (p.remaining > 0 && p.days_left > 0)
        p.per_day = ceil_tenth(static_cast<double>(p.remaining) / static_cast<double>(p.days_left));
    if (goal.kind == GoalKind::once) {
        p.days_left = 0;
        p.per_day.reset();
        if (goal.status == GoalStatus::done)
            p.remaining = 0;
        p.pace = p.remaining == 0 ? Pace::done : Pace::open;
        if (goal.status == GoalStatus::archived && p.pace == Pace::open)
            p.pace = Pace::ended; // put away: not "not done yet"
        return p;
    }
    if (goal.status != GoalStatus::active) { // put away: no pace to keep, nothing "to go"
        p.per_day.reset();
        p.pace = goal.status == GoalStatus::done ? Pace::done : Pace::ended;
        return p;
    }
    if (days > 1)
        p.expected = static_cast<double>(amount * elapsed) / static_cast<double>(days);
    p.pace = count_pace(p);
    return p;
}

std::string describe_progress(const Goal& goal, const GoalProgress& p)
{
    if (goal.kind == GoalKind::once)
        return p.pace == Pace::done ? "done" : p.pace == Pace::ended ? "put away" : "not done yet";
    std::string text = std::to_string(p.progress) + " of " + std::to_string(goal.amount()) + " " +
                       period_label(goal) + ", ";
    switch (p.pace) {
    case Pace::done:
        return text + "done";
    case Pace::ended:
        return text + "ended";
    case Pace::open:
        return text + std::to_string(p.remaining) + " to go";
    case Pace::ahead:
        return text + "ahead";
    case Pace::on_pace:
        return text + "on pace";
    case Pace::behind:
        return text + "behind: " + more_in(p);
    }
    return text;
}

std::string describe_shape(const Goal& goal)
{
    if (goal.kind == GoalKind::once)
        return "once";
    if (goal.due)
        return std::to_string(goal.amount()) + " by " + timeutil::format_day(*goal.due);
    return std::to_string(goal.amount()) + " a " +
           std::string(goal_per_name(goal.per.value_or(GoalPer::day)));
}

} // namespace steady::domain
