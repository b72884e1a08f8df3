#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "domain/goal.hpp"
#include "unit/fixtures.hpp"

namespace dm = steady::domain;
namespace tu = steady::timeutil;
using steady::test::k_mon;
using steady::test::stored_day;

namespace {

// A goal's shape: `amount` per `per` ("day", "week", "month"), or `amount`
// by `due`, or once (amount 0).
struct Shape {
    std::int64_t amount;
    const char* per;
    const char* due;
};

constexpr Shape k_once{0, nullptr, nullptr};
constexpr Shape k_3_a_week{3, "week", nullptr};
constexpr Shape k_10_a_month{10, "month", nullptr};
constexpr Shape k_4_a_month{4, "month", nullptr};
constexpr Shape k_1_a_day{1, "day", nullptr};
constexpr Shape k_3_a_day{3, "day", nullptr};
constexpr Shape k_90_in_90{90, nullptr, "2027-02-19"};
constexpr Shape k_2_today{2, nullptr, "2026-11-22"};

dm::Goal make_goal(const Shape& shape, dm::GoalStatus status)
{
    dm::Goal goal;
    goal.title = "a goal";
    goal.status = status;
    if (shape.amount == 0)
        return goal;
    goal.kind = dm::GoalKind::count;
    if (shape.per) {
        goal.target = shape.amount;
        goal.per = dm::parse_goal_per(shape.per);
    } else {
        goal.total = shape.amount;
        goal.due = stored_day(shape.due);
    }
    return goal;
}

constexpr auto k_active = dm::GoalStatus::active;
constexpr std::nullopt_t k_none = std::nullopt;

// One row: `shape` added on `created`, seen on `today` with weeks starting on
// `week_start` and `progress` counted; the expected period "FROM..TO",
// expected, remaining, days_left, per_day, pace and text.
struct PaceCase {
    Shape shape;
    const char* created;
    const char* today;
    date::weekday week_start;
    std::int64_t progress;
    dm::GoalStatus status;
    const char* period;
    std::optional<double> expected;
    std::int64_t remaining;
    std::int64_t days_left;
    std::optional<double> per_day;
    dm::Pace pace;
    const char* text;
};

using P = dm::Pace;

// 2026-11-16 is a Monday, 2026-11-22 a Sunday; November has 30 days.
const PaceCase k_pace_cases[] = {
    // 3 a week, weeks from Monday: first day, middle, last day.
    {k_3_a_week, "2026-11-01", "2026-11-16", k_mon, 0, k_active, "2026-11-16..2026-11-22", 0.0, 3,
     7, 0.5, P::on_pace, "0 of 3 this week, on pace"},
    {k_3_a_week, "2026-11-01", "2026-11-16", k_mon, 1, k_active, "2026-11-16..2026-11-22", 0.0, 2,
     7, 0.3, P::ahead, "1 of 3 this week, ahead"},
    {k_3_a_week, "2026-11-01", "2026-11-18", k_mon, 1, k_active, "2026-11-16..2026-11-22", 6.0 / 7,
     2, 5, 0.4, P::on_pace, "1 of 3 this week, on pace"},
    {k_3_a_week, "2026-11-01", "2026-11-18", k_mon, 0, k_active, "2026-11-16..2026-11-22", 6.0 / 7,
     3, 5, 0.6, P::behind, "0 of 3 this week, behind: 3 more in 5 days"},
    {k_3_a_week, "2026-11-01", "2026-11-21", k_mon, 2, k_active, "2026-11-16..2026-11-22", 15.0 / 7,
     1, 2, 0.5, P::behind, "2 of 3 this week, behind: 1 more in 2 days"},
    {k_3_a_week, "2026-11-01", "2026-11-22", k_mon, 2, k_active, "2026-11-16..2026-11-22", 18.0 / 7,
     1, 1, 1.0, P::behind, "2 of 3 this week, behind: 1 more today"},
    {k_3_a_week, "2026-11-01", "2026-11-22", k_mon, 3, k_active, "2026-11-16..2026-11-22", 18.0 / 7,
     0, 1, k_none, P::done, "3 of 3 this week, done"},
    {k_3_a_week, "2026-11-01", "2026-11-22", k_mon, 5, k_active, "2026-11-16..2026-11-22", 18.0 / 7,
     0, 1, k_none, P::done, "5 of 3 this week, done"},
    // The same days with weeks from Sunday: Sunday starts a week, Saturday ends one.
    {k_3_a_week, "2026-11-01", "2026-11-22", date::Sunday, 0, k_active, "2026-11-22..2026-11-28",
     0.0, 3, 7, 0.5, P::on_pace, "0 of 3 this week, on pace"},
    {k_3_a_week, "2026-11-01", "2026-11-21", date::Sunday, 2, k_active, "2026-11-15..2026-11-21",
     18.0 / 7, 1, 1, 1.0, P::behind, "2 of 3 this week, behind: 1 more today"},
    {k_3_a_week, "2026-11-01", "2026-11-16", date::Sunday, 1, k_active, "2026-11-15..2026-11-21",
     3.0 / 7, 2, 6, 0.4, P::on_pace, "1 of 3 this week, on pace"},
    // Added on a Wednesday: the first week is paced from that day (5 days),
    // though meetings earlier that week count.
    {k_3_a_week, "2026-11-18", "2026-11-18", k_mon, 0, k_active, "2026-11-16..2026-11-22", 0.0, 3,
     5, 0.6, P::on_pace, "0 of 3 this week, on pace"},
    {k_3_a_week, "2026-11-18", "2026-11-18", k_mon, 2, k_active, "2026-11-16..2026-11-22", 0.0, 1,
     5, 0.2, P::ahead, "2 of 3 this week, ahead"},
    {k_3_a_week, "2026-11-18", "2026-11-22", k_mon, 2, k_active, "2026-11-16..2026-11-22", 2.4, 1,
     1, 1.0, P::behind, "2 of 3 this week, behind: 1 more today"},
    {k_3_a_week, "2026-11-18", "2026-11-23", k_mon, 0, k_active, "2026-11-23..2026-11-29", 0.0, 3,
     7, 0.5, P::on_pace, "0 of 3 this week, on pace"},
    {k_10_a_month, "2026-11-15", "2026-11-15", k_mon, 0, k_active, "2026-11-01..2026-11-30", 0.0,
     10, 16, 0.7, P::on_pace, "0 of 10 this month, on pace"},
    // A week across a month and a year end.
    {k_3_a_week, "2026-11-01", "2027-01-01", k_mon, 0, k_active, "2026-12-28..2027-01-03", 12.0 / 7,
     3, 3, 1.0, P::behind, "0 of 3 this week, behind: 3 more in 3 days (1 a day)"},
    // 10 a month: first day, middle, last day.
    {k_10_a_month, "2026-10-01", "2026-11-01", k_mon, 0, k_active, "2026-11-01..2026-11-30", 0.0,
     10, 30, 0.4, P::on_pace, "0 of 10 this month, on pace"},
    {k_10_a_month, "2026-10-01", "2026-11-15", k_mon, 6, k_active, "2026-11-01..2026-11-30",
     140.0 / 30, 4, 16, 0.3, P::ahead, "6 of 10 this month, ahead"},
    {k_10_a_month, "2026-10-01", "2026-11-15", k_mon, 5, k_active, "2026-11-01..2026-11-30",
     140.0 / 30, 5, 16, 0.4, P::on_pace, "5 of 10 this month, on pace"},
    {k_10_a_month, "2026-10-01", "2026-11-30", k_mon, 9, k_active, "2026-11-01..2026-11-30",
     290.0 / 30, 1, 1, 1.0, P::behind, "9 of 10 this month, behind: 1 more today"},
    {k_10_a_month, "2026-10-01", "2026-11-30", k_mon, 10, k_active, "2026-11-01..2026-11-30",
     290.0 / 30, 0, 1, k_none, P::done, "10 of 10 this month, done"},
    // February of a leap year has 29 days.
    {k_4_a_month, "2028-01-01", "2028-02-29", k_mon, 3, k_active, "2028-02-01..2028-02-29",
     112.0 / 29, 1, 1, 1.0, P::behind, "3 of 4 this month, behind: 1 more today"},
    {k_4_a_month, "2028-01-01", "2028-02-01", k_mon, 0, k_active, "2028-02-01..2028-02-29", 0.0, 4,
     29, 0.2, P::on_pace, "0 of 4 this month, on pace"},
    // Day goals: one day has no pace, only what is left.
    {k_1_a_day, "2026-11-01", "2026-11-22", k_mon, 0, k_active, "2026-11-22..2026-11-22", k_none, 1,
     1, 1.0, P::open, "0 of 1 today, 1 to go"},
    {k_1_a_day, "2026-11-01", "2026-11-22", k_mon, 1, k_active, "2026-11-22..2026-11-22", k_none, 0,
     1, k_none, P::done, "1 of 1 today, done"},
    {k_3_a_day, "2026-11-01", "2026-11-22", date::Sunday, 1, k_active, "2026-11-22..2026-11-22",
     k_none, 2, 1, 2.0, P::open, "1 of 3 today, 2 to go"},
    // 90 by 2027-02-19, added 2026-11-22: 90 days, on the first, 61st, last and a later day.
    {k_90_in_90, "2026-11-22", "2026-11-22", k_mon, 0, k_active, "2026-11-22..2027-02-19", 0.0, 90,
     90, 1.0, P::on_pace, "0 of 90 by 2027-02-19, on pace"},
    {k_90_in_90, "2026-11-22", "2027-01-21", k_mon, 41, k_active, "2026-11-22..2027-02-19", 60.0,
     49, 30, 1.7, P::behind, "41 of 90 by 2027-02-19, behind: 49 more in 30 days (1.7 a day)"},
    {k_90_in_90, "2026-11-22", "2027-01-21", k_mon, 61, k_active, "2026-11-22..2027-02-19", 60.0,
     29, 30, 1.0, P::ahead, "61 of 90 by 2027-02-19, ahead"},
    {k_90_in_90, "2026-11-22", "2027-02-19", k_mon, 89, k_active, "2026-11-22..2027-02-19", 89.0, 1,
     1, 1.0, P::on_pace, "89 of 90 by 2027-02-19, on pace"},
    {k_90_in_90, "2026-11-22", "2027-02-19", k_mon, 88, k_active, "2026-11-22..2027-02-19", 89.0, 2,
     1, 2.0, P::behind, "88 of 90 by 2027-02-19, behind: 2 more today"},
    {k_90_in_90, "2026-11-22", "2027-02-20", k_mon, 80, k_active, "2026-11-22..2027-02-19", 90.0,
     10, 0, k_none, P::ended, "80 of 90 by 2027-02-19, ended"},
    {k_90_in_90, "2026-11-22", "2027-02-20", k_mon, 90, k_active, "2026-11-22..2027-02-19", 90.0, 0,
     0, k_none, P::done, "90 of 90 by 2027-02-19, done"},
    // Due the day it was added: one day, no pace.
    {k_2_today, "2026-11-22", "2026-11-22", k_mon, 0, k_active, "2026-11-22..2026-11-22", k_none, 2,
     1, 2.0, P::open, "0 of 2 by 2026-11-22, 2 to go"},
    // Once goals: done or not, counted since the day they were added.
    {k_once, "2026-11-20", "2026-11-22", k_mon, 0, k_active, "2026-11-20..2026-11-22", k_none, 1, 0,
     k_none, P::open, "not done yet"},
    {k_once, "2026-11-20", "2026-11-22", k_mon, 1, k_active, "2026-11-20..2026-11-22", k_none, 0, 0,
     k_none, P::done, "done"},
    {k_once, "2026-11-20", "2026-11-22", k_mon, 0, dm::GoalStatus::done, "2026-11-20..2026-11-22",
     k_none, 0, 0, k_none, P::done, "done"},
    // An archived once goal is put away, not waiting; logged before, still done.
    {k_once, "2026-11-20", "2026-11-22", k_mon, 0, dm::GoalStatus::archived,
     "2026-11-20..2026-11-22", k_none, 1, 0, k_none, P::ended, "put away"},
    {k_once, "2026-11-20", "2026-11-22", k_mon, 1, dm::GoalStatus::archived,
     "2026-11-20..2026-11-22", k_none, 0, 0, k_none, P::done, "done"},
    // Count goals put away keep their count but no pace and nothing "to go".
    {k_3_a_week, "2026-11-20", "2026-11-22", k_mon, 1, dm::GoalStatus::done,
     "2026-11-16..2026-11-22", k_none, 2, 1, k_none, P::done, "1 of 3 this week, done"},
    {k_3_a_week, "2026-11-20", "2026-11-22", k_mon, 1, dm::GoalStatus::archived,
     "2026-11-16..2026-11-22", k_none, 2, 1, k_none, P::ended, "1 of 3 this week, ended"},
};

} // namespace

TEST_CASE("goal pace at the edges of its period", "[unit][goal]")
{
    for (const auto& c : k_pace_cases) {
        auto goal = make_goal(c.shape, c.status);
        CAPTURE(dm::describe_shape(goal), c.created, c.today, c.progress,
                c.week_start.c_encoding());
        dm::GoalClock clock{stored_day(c.created), stored_day(c.today), c.week_start};
        auto period = dm::goal_period(goal, clock);
        CHECK(tu::format_day(period.from) + ".." + tu::format_day(period.to) == c.period);
        auto p = dm::assess_goal(goal, clock, c.progress);
        CHECK(p.period.from == period.from);
        CHECK(p.period.to == period.to);
        CHECK(p.progress == c.progress);
        CHECK(p.expected.has_value() == c.expected.has_value());
        if (p.expected && c.expected)
            CHECK(*p.expected == Approx(*c.expected).epsilon(1e-12));
        CHECK(p.remaining == c.remaining);
        CHECK(p.days_left == c.days_left);
        CHECK(p.per_day.has_value() == c.per_day.has_value());
        if (p.per_day && c.per_day)
            CHECK(*p.per_day == Approx(*c.per_day).epsilon(1e-12));
        CHECK(dm::pace_name(p.pace) == dm::pace_name(c.pace));
        CHECK(dm::describe_progress(goal, p) == c.text);
    }
}

TEST_CASE("on pace means what is left needs no more a day than the goal's rate", "[unit][goal]")
{
    auto goal = make_goal(k_10_a_month, k_active);
    auto first = stored_day("2026-11-01");
    for (int d = 0; d < 30; ++d) {
        dm::GoalClock clock{stored_day("2026-10-01"), first + date::days{d}, k_mon};
        for (std::int64_t progress = 0; progress < 10; ++progress) {
            auto p = dm::assess_goal(goal, clock, progress);
            double needed = static_cast<double>(10 - progress) / static_cast<double>(30 - d);
            bool keeps_rate = needed <= 10.0 / 30.0 + 1e-12;
            CAPTURE(d, progress);
            CHECK((p.pace != P::behind) == keeps_rate);
        }
    }
}

TEST_CASE("goal shapes and names read as a person says them", "[unit][goal]")
{
    CHECK(dm::describe_shape(make_goal(k_3_a_week, k_active)) == "3 a week");
    CHECK(dm::describe_shape(make_goal(k_1_a_day, k_active)) == "1 a day");
    CHECK(dm::describe_shape(make_goal(k_10_a_month, k_active)) == "10 a month");
    CHECK(dm::describe_shape(make_goal(k_90_in_90, k_active)) == "90 by 2027-02-19");
    CHECK(dm::describe_shape(make_goal(k_once, k_active)) == "once");
    CHECK(dm::goal_tracks_name(dm::GoalTracks::sober_days) == "sober-days");
    CHECK(dm::parse_goal_tracks("sober-days") == dm::GoalTracks::sober_days);
    CHECK_FALSE(dm::parse_goal_tracks("sober_days"));
    CHECK_FALSE(dm::parse_goal_per("year"));
    CHECK(dm::parse_goal_status("archived") == dm::GoalStatus::archived);
    CHECK(dm::pace_name(P::on_pace) == "on-pace");
    CHECK(make_goal(k_once, k_active).amount() == 1);
    CHECK(make_goal(k_90_in_90, k_active).amount() == 90);
}
