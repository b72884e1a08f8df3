#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "domain/report.hpp"
#include "unit/fixtures.hpp"

namespace dm = steady::domain;
namespace tu = steady::timeutil;
using steady::test::stored_day;

namespace {

// A report of `first`..`last` seen on `today`, with a check-in (mood 5) on
// each of `days`.
dm::Report report_of(const char* first, const char* last, const char* today,
                     const std::vector<const char*>& days)
{
    dm::Report r;
    r.period = {stored_day(first), stored_day(last), false};
    r.first = stored_day(first);
    r.last = stored_day(last);
    r.today = stored_day(today);
    r.days_counted = static_cast<int>((r.last - r.first).count()) + 1;
    for (const char* day : days)
        r.checkins.push_back({stored_day(day), 5, {}, {}, {}, {}});
    return r;
}

std::vector<std::string> formatted(const std::vector<tu::Day>& days)
{
    std::vector<std::string> out;
    for (auto day : days)
        out.push_back(tu::format_day(day));
    return out;
}

std::optional<dm::Insight> find_insight(const std::vector<dm::Insight>& all,
                                        const std::string& kind)
{
    for (const auto& insight : all)
        if (insight.kind == kind)
            return insight;
    return std::nullopt;
}

} // namespace

TEST_CASE("the covered days are the period cut to the journal's start and to today",
          "[report][unit]")
{
    tu::Period week{stored_day("2026-11-16"), stored_day("2026-11-22"), false};
    auto today = stored_day("2026-11-22");

    auto whole = dm::covered_days(week, stored_day("2026-01-01"), today);
    REQUIRE(whole);
    CHECK(tu::format_day(whole->from) == "2026-11-16");
    CHECK(tu::format_day(whole->to) == "2026-11-22");

    auto late_start = dm::covered_days(week, stored_day("2026-11-20"), today);
    REQUIRE(late_start);
    CHECK(tu::format_day(late_start->from) == "2026-11-20");

    auto to_today = dm::covered_days(week, stored_day("2026-01-01"), stored_day("2026-11-18"));
    REQUIRE(to_today);
    CHECK(tu::format_day(to_today->to) == "2026-11-18");

    CHECK_FALSE(dm::covered_days(week, std::nullopt, today));
    CHECK_FALSE(dm::covered_days(week, stored_day("2026-11-23"), today));
    CHECK_FALSE(dm::covered_days(week, stored_day("2026-01-01"), stored_day("2026-11-15")));
}

TEST_CASE("missed days leave out today while it has no check-in", "[report][unit]")
{
    SECTION("a past week")
    {
        auto r = report_of("2026-11-16", "2026-11-22", "2026-11-30",
                           {"2026-11-16", "2026-11-17", "2026-11-19", "2026-11-20"});
        CHECK(formatted(dm::missed_days(r)) ==
              std::vector<std::string>{"2026-11-18", "2026-11-21", "2026-11-22"});
        CHECK(dm::days_due(r) == 7);
        auto streaks = dm::checkin_streaks(r);
        CHECK(streaks.current == 0);
        CHECK(streaks.longest == 2);
    }
    SECTION("this week, today not checked in yet")
    {
        auto r = report_of("2026-11-16", "2026-11-22", "2026-11-22",
                           {"2026-11-19", "2026-11-20", "2026-11-21"});
        CHECK(formatted(dm::missed_days(r)) ==
              std::vector<std::string>{"2026-11-16", "2026-11-17", "2026-11-18"});
        CHECK(dm::days_due(r) == 6);
        CHECK(dm::checkin_streaks(r).current == 3);
    }
    SECTION("this week, today checked in")
    {
        auto r = report_of("2026-11-16", "2026-11-22", "2026-11-22",
                           {"2026-11-20", "2026-11-21", "2026-11-22"});
        CHECK(dm::days_due(r) == 7);
        CHECK(dm::checkin_streaks(r).current == 3);
        CHECK(dm::checkin_streaks(r).longest == 3);
    }
}

TEST_CASE("days are grouped into runs", "[report][unit]")
{
    std::vector<tu::Day> days;
    for (const char* d :
         {"2026-11-03", "2026-11-04", "2026-11-05", "2026-11-09", "2026-11-30", "2026-12-01"})
        days.push_back(stored_day(d));
    auto runs = dm::day_runs(days);
    REQUIRE(runs.size() == 3);
    CHECK(tu::format_day(runs[0].from) == "2026-11-03");
    CHECK(tu::format_day(runs[0].to) == "2026-11-05");
    CHECK(runs[1].from == runs[1].to);
    CHECK(tu::format_day(runs[2].to) == "2026-12-01");
    CHECK(dm::day_runs({}).empty());
}

TEST_CASE("by_day has a gap for a day without a value", "[report][unit]")
{
    auto r = report_of("2026-11-16", "2026-11-19", "2026-11-30", {"2026-11-16", "2026-11-18"});
    r.checkins[0].mood = 3;
    r.checkins[1].mood = 8;
    r.checkins[1].sleep = 5.5;
    auto mood = dm::by_day(r, dm::Measure::mood);
    REQUIRE(mood.size() == 4);
    CHECK(mood[0] == 3.0);
    CHECK_FALSE(mood[1]);
    CHECK(mood[2] == 8.0);
    CHECK_FALSE(mood[3]);
    auto stats = dm::stats_of(r, dm::Measure::mood);
    CHECK(stats.count == 2);
    CHECK(*stats.average() == Approx(5.5));
    CHECK(stats.min == 3);
    CHECK(stats.max == 8);
    CHECK(dm::stats_of(r, dm::Measure::sleep).count == 1);
    CHECK_FALSE(dm::stats_of(r, dm::Measure::energy).average());
}

TEST_CASE("strategies rank by the Wilson lower bound, so 1 of 1 does not outrank 9 of 10",
          "[report][unit]")
{
    CHECK(dm::wilson_lower_bound(0, 0) == 0);
    CHECK(dm::wilson_lower_bound(9, 10) > dm::wilson_lower_bound(1, 1));
    CHECK(dm::wilson_lower_bound(9, 10) == Approx(0.596).epsilon(0.01));
    CHECK(dm::wilson_lower_bound(1, 1) == Approx(0.2065).epsilon(0.01));
    CHECK(dm::wilson_lower_bound(0, 5) == Approx(0).margin(1e-9));

    std::vector<dm::StrategyTally> tallies = {
        {"tea", 1, 1, 0, 0}, {"walk", 10, 9, 0, 0}, {"call", 6, 5, 0, 0}, {"wait", 6, 1, 0, 0}};
    auto ranked = dm::ranked_strategies(tallies);
    std::vector<std::string> names;
    for (const auto& s : ranked)
        names.push_back(s.name);
    CHECK(names == std::vector<std::string>{"walk", "call", "tea", "wait"});
}

TEST_CASE("parts of the day", "[report][unit]")
{
    CHECK(dm::day_part(0) == dm::DayPart::night);
    CHECK(dm::day_part(5) == dm::DayPart::night);
    CHECK(dm::day_part(6) == dm::DayPart::morning);
    CHECK(dm::day_part(12) == dm::DayPart::afternoon);
    CHECK(dm::day_part(18) == dm::DayPart::evening);
    CHECK(dm::day_part(21) == dm::DayPart::evening);
    CHECK(dm::day_part(22) == dm::DayPart::night);
}

TEST_CASE("a craving cluster needs 8 cravings and twice its share", "[report][unit][insights]")
{
    dm::Report r = report_of("2026-11-01", "2026-11-30", "2026-11-30", {});
    auto& slots = r.moments.cravings_by_slot;
    auto friday_evening = [&]() -> int& {
        return slots[5][static_cast<std::size_t>(dm::DayPart::evening)];
    };

    SECTION("7 cravings are too few, however clustered")
    {
        r.moments.cravings = 7;
        friday_evening() = 7;
        CHECK_FALSE(find_insight(dm::insights(r), "craving_cluster"));
    }
    SECTION("spread evenly, no cluster")
    {
        r.moments.cravings = 28;
        for (auto& day : slots)
            for (auto& part : day)
                part = 1;
        CHECK_FALSE(find_insight(dm::insights(r), "craving_cluster"));
    }
    SECTION("every afternoon busy alike is no cluster: people sleep at night")
    {
        r.moments.cravings = 70;
        for (auto& day : slots)
            day[static_cast<std::size_t>(dm::DayPart::afternoon)] = 10;
        CHECK_FALSE(find_insight(dm::insights(r), "craving_cluster"));
    }
    SECTION("7 of 19 on Friday evenings")
    {
        r.moments.cravings = 19;
        friday_evening() = 7;
        slots[1][1] = 6;
        slots[2][2] = 6;
        auto insight = find_insight(dm::insights(r), "craving_cluster");
        REQUIRE(insight);
        CHECK(insight->text == "Cravings cluster on Friday evenings: 7 of 19 were Friday 18–22h.");
        CHECK(std::get<std::int64_t>(insight->evidence[3].second) == 7);
    }
}

TEST_CASE("craving after short nights is compared with the rest", "[report][unit][insights]")
{
    auto r = report_of(
        "2026-11-01", "2026-11-08", "2026-11-30",
        {"2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"});
    for (std::size_t i = 0; i < 6; ++i) {
        r.checkins[i].sleep = i < 3 ? 5.0 : 8.0;
        r.checkins[i].craving = i < 3 ? 6 : 3;
    }
    auto insight = find_insight(dm::insights(r), "short_sleep");
    REQUIRE(insight);
    CHECK(insight->text ==
          "After nights under 6 h of sleep, your craving averaged 3.0 higher (6.0 against 3.0).");

    r.checkins[2].sleep = 7.0; // only two short nights: not enough
    CHECK_FALSE(find_insight(dm::insights(r), "short_sleep"));
}

TEST_CASE("the trigger most often followed by a craving", "[report][unit][insights]")
{
    dm::Report r = report_of("2026-11-01", "2026-11-30", "2026-11-30", {});
    r.moments.by_category["lonely"] = {8, 6};
    r.moments.by_category["stress"] = {10, 3};
    r.moments.by_category["tired"] = {4, 4}; // too few to say
    auto insight = find_insight(dm::insights(r), "trigger_followed");
    REQUIRE(insight);
    CHECK(insight->text == "Of your triggers, 'lonely' was most often followed by a craving "
                           "within 2 hours: 6 of 8 times.");

    r.moments.by_category["lonely"] = {8, 3}; // under half
    CHECK_FALSE(find_insight(dm::insights(r), "trigger_followed"));
}

TEST_CASE("mood on meeting days against other days", "[report][unit][insights]")
{
    auto r = report_of(
        "2026-11-01", "2026-11-06", "2026-11-30",
        {"2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"});
    for (std::size_t i = 0; i < 6; ++i)
        r.checkins[i].mood = i % 2 == 0 ? 7 : 5;
    r.meeting_days = {stored_day("2026-11-01"), stored_day("2026-11-03"), stored_day("2026-11-05")};
    auto insight = find_insight(dm::insights(r), "meeting_mood");
    REQUIRE(insight);
    CHECK(insight->text == "On days with a meeting your mood averaged 7.0, against 5.0 on other "
                           "days.");

    r.meeting_days.pop_back();
    CHECK_FALSE(find_insight(dm::insights(r), "meeting_mood"));
}

TEST_CASE("the strategy that works best when a craving is strong", "[report][unit][insights]")
{
    dm::Report r = report_of("2026-11-01", "2026-11-30", "2026-11-30", {});
    r.moments.strategies = {{"walk", 10, 8, 5, 4}, {"tea", 4, 4, 2, 2}, {"call", 6, 3, 3, 1}};
    auto insight = find_insight(dm::insights(r), "strong_craving_strategy");
    REQUIRE(insight);
    CHECK(insight->text == "When a craving reached 8 or more, 'walk' helped most: resisted 4 of 5 "
                           "times.");

    r.moments.strategies = {{"tea", 4, 4, 2, 2}};
    CHECK_FALSE(find_insight(dm::insights(r), "strong_craving_strategy"));
}

TEST_CASE("milestones are counted in every run that reaches them within the period",
          "[report][unit]")
{
    const auto& zone = steady::test::find_zone("Europe/Berlin");
    dm::Clock clock;
    clock.started_at = *tu::parse_stored_instant("2026-09-01T10:00:00Z");
    std::vector<dm::Lapse> lapses{
        {1, *tu::parse_stored_instant("2026-10-15T10:00:00Z"), stored_day("2026-10-15"), {}, {}}};
    auto list = dm::milestone_list({"24h", "7d", "30d"});

    auto all = dm::milestones_between(clock, lapses, list, zone,
                                      *tu::parse_stored_instant("2026-01-01T00:00:00Z"),
                                      *tu::parse_stored_instant("2026-11-30T00:00:00Z"));
    // First run: 24h, 7d, 30d, then 1y would be 2027. Second run: 24h, 7d, 30d.
    REQUIRE(all.size() == 2);
    CHECK_FALSE(all[0].reset);
    CHECK(all[0].labels == std::vector<std::string>{"24 hours", "7 days", "30 days"});
    CHECK(all[1].reset == stored_day("2026-10-15"));
    CHECK(all[1].labels == std::vector<std::string>{"24 hours", "7 days", "30 days"});
    CHECK(dm::milestone_labels(all) == std::vector<std::string>{"24 hours", "7 days", "30 days",
                                                                "24 hours", "7 days", "30 days"});

    auto october = dm::milestones_between(clock, lapses, list, zone,
                                          *tu::parse_stored_instant("2026-10-01T00:00:00Z"),
                                          *tu::parse_stored_instant("2026-11-01T00:00:00Z"));
    CHECK(dm::milestone_labels(october) ==
          std::vector<std::string>{"30 days", "24 hours", "7 days"});
    // A run that reached nothing in the period is left out.
    auto november = dm::milestones_between(clock, lapses, list, zone,
                                           *tu::parse_stored_instant("2026-11-01T00:00:00Z"),
                                           *tu::parse_stored_instant("2026-11-30T00:00:00Z"));
    REQUIRE(november.size() == 1);
    CHECK(november[0].reset == stored_day("2026-10-15"));
    CHECK(november[0].labels == std::vector<std::string>{"30 days"});
}

TEST_CASE("ties between strategies are broken the same way whatever the order counted",
          "[report][unit][insights]")
{
    dm::Report r = report_of("2026-11-01", "2026-11-30", "2026-11-30", {});
    r.moments.strategies = {{"walk", 5, 4, 5, 4}, {"Tea", 5, 4, 5, 4}};
    auto one = find_insight(dm::insights(r), "strong_craving_strategy");
    std::reverse(r.moments.strategies.begin(), r.moments.strategies.end());
    auto other = find_insight(dm::insights(r), "strong_craving_strategy");
    REQUIRE(one);
    REQUIRE(other);
    CHECK(one->text == other->text);
    CHECK_THAT(one->text, Catch::Matchers::Contains("'Tea'"));
    CHECK(dm::ranked_strategies(r.moments.strategies)[0].name == "Tea");
}

TEST_CASE("compared averages add up as printed", "[report][unit][insights]")
{
    auto r = report_of("2026-11-01", "2026-11-08", "2026-11-30",
                       {"2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05",
                        "2026-11-06", "2026-11-07", "2026-11-08"});
    // Meeting days average 5.75, others 5.25: printed 5.8 and 5.3, not 5.2.
    int moods[] = {6, 6, 6, 5, 5, 5, 5, 6};
    for (std::size_t i = 0; i < 8; ++i)
        r.checkins[i].mood = moods[i];
    r.meeting_days = {stored_day("2026-11-01"), stored_day("2026-11-02"), stored_day("2026-11-03"),
                      stored_day("2026-11-04")};
    auto insight = find_insight(dm::insights(r), "meeting_mood");
    REQUIRE(insight);
    CHECK(insight->text == "On days with a meeting your mood averaged 5.8, against 5.3 on other "
                           "days.");
}
