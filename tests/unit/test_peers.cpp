#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "domain/peers.hpp"
#include "unit/fixtures.hpp"

namespace dm = steady::domain;
using steady::test::find_zone;
using steady::test::stored_day;

namespace {

// A week's summary from `mentee`, made at 20:00 UTC on its last day, with
// every day checked in but `missed`.
dm::PeerSummary week(const std::string& mentee, const char* from, const char* to,
                     std::vector<const char*> missed = {})
{
    dm::PeerSummary s;
    s.mentee = mentee;
    s.period = {stored_day(from), stored_day(to), false};
    s.generated_at = steady::timeutil::Instant{date::sys_days{s.period.to.time_since_epoch()}} +
                     std::chrono::hours{20};
    for (auto day : missed)
        s.missed.push_back(stored_day(day));
    s.sha256 = mentee + from + to;
    return s;
}

dm::PeerStatus status_on(std::vector<dm::PeerSummary> summaries, const char* today,
                         int quiet_after = 3)
{
    dm::PeerRules rules;
    rules.quiet_after = quiet_after;
    return dm::peer_status(std::move(summaries), stored_day(today), find_zone("UTC"),
                           std::chrono::minutes{0}, rules);
}

} // namespace

TEST_CASE("importing a summary: added, unchanged, replaced by a newer one, never by an older",
          "[peers]")
{
    auto kept = week("Kai", "2026-11-16", "2026-11-22");
    auto same = kept;
    CHECK(dm::import_outcome(std::nullopt, kept) == dm::ImportOutcome::added);
    CHECK(dm::import_outcome(kept, same) == dm::ImportOutcome::unchanged);
    auto newer = kept;
    newer.sha256 = "other";
    newer.generated_at += std::chrono::hours{1};
    CHECK(dm::import_outcome(kept, newer) == dm::ImportOutcome::replaced);
    auto older = kept;
    older.sha256 = "older";
    older.generated_at -= std::chrono::hours{1};
    CHECK(dm::import_outcome(kept, older) == dm::ImportOutcome::kept_newer);
}

TEST_CASE("a summary accounts for its period up to the day it was made", "[peers]")
{
    auto s = week("Kai", "2026-11-16", "2026-11-22", {"2026-11-18"});
    auto days = dm::peer_days(s, stored_day("2026-11-20"));
    REQUIRE(days.size() == 5);
    CHECK(days.front().day == stored_day("2026-11-16"));
    CHECK(days.back().day == stored_day("2026-11-20"));
    CHECK_FALSE(days[2].checked_in);
    CHECK(days[3].checked_in);
}

TEST_CASE("a day still open, and days before a journal began, are not counted as check-ins",
          "[peers]")
{
    auto s = week("Kai", "2026-11-16", "2026-11-22", {"2026-11-19"});
    SECTION("today open: six days but five check-ins drops the last day")
    {
        s.checkins_done = 5;
        auto days = dm::peer_days(s, stored_day("2026-11-22"));
        REQUIRE(days.size() == 6);
        CHECK(days.back().day == stored_day("2026-11-21"));
    }
    SECTION("a journal begun on Wednesday drops Monday and Tuesday too")
    {
        s.checkins_done = 3;
        auto days = dm::peer_days(s, stored_day("2026-11-22"));
        REQUIRE(days.size() == 4);
        CHECK(days.front().day == stored_day("2026-11-18"));
    }
}

TEST_CASE("trends compare the latest average with the ones before it", "[peers]")
{
    using V = std::vector<std::optional<double>>;
    CHECK(dm::peer_trend(V{}, V{}, 3) == std::nullopt);
    CHECK(dm::peer_trend(V{std::nullopt}, V{std::nullopt}, 3) == std::nullopt);
    // One summary: its own change against the period before.
    CHECK(dm::peer_trend(V{6.0}, V{-1.5}, 3) == Approx(-1.5));
    CHECK(dm::peer_trend(V{6.0}, V{std::nullopt}, 3) == std::nullopt);
    // 4 against the mean of 7, 6, 8 (the first, 2, is beyond the history).
    CHECK(*dm::peer_trend(V{2.0, 7.0, 6.0, 8.0, 4.0}, V(5), 3) == Approx(-3.0));
    // A summary without the measure is passed over.
    CHECK(*dm::peer_trend(V{5.0, std::nullopt, 7.0}, V(3), 3) == Approx(2.0));
}

TEST_CASE("mood falling and cravings rising are flagged at one point of change", "[peers]")
{
    auto a = week("Kai", "2026-11-09", "2026-11-15");
    auto b = week("Kai", "2026-11-16", "2026-11-22");
    a.mood_average = 7.0;
    a.craving_average = 2.0;
    SECTION("a point lower and higher")
    {
        b.mood_average = 6.0;
        b.craving_average = 3.0;
        auto p = status_on({a, b}, "2026-11-22");
        CHECK(p.mood_falling);
        CHECK(p.cravings_rising);
        CHECK(*p.mood_trend == Approx(-1.0));
    }
    SECTION("less than a point is not a trend")
    {
        b.mood_average = 6.5;
        b.craving_average = 2.5;
        auto p = status_on({a, b}, "2026-11-22");
        CHECK_FALSE(p.mood_falling);
        CHECK_FALSE(p.cravings_rising);
    }
    SECTION("better is never flagged")
    {
        b.mood_average = 9.0;
        b.craving_average = 0.0;
        auto p = status_on({a, b}, "2026-11-22");
        CHECK_FALSE(p.mood_falling);
        CHECK_FALSE(p.cravings_rising);
    }
    SECTION("not shared: no trend, no flag")
    {
        auto p = status_on({week("Kai", "2026-11-16", "2026-11-22")}, "2026-11-22");
        CHECK_FALSE(p.mood_trend);
        CHECK_FALSE(p.mood_falling);
    }
}

TEST_CASE("quiet means no summary for more than peers.quiet_after days", "[peers]")
{
    auto s = week("Kai", "2026-11-16", "2026-11-22");
    CHECK_FALSE(status_on({s}, "2026-11-25").quiet);
    auto p = status_on({s}, "2026-11-26");
    CHECK(p.quiet);
    CHECK(p.days_since_summary == 4);
    CHECK_FALSE(status_on({s}, "2026-11-26", 7).quiet);
}

TEST_CASE("last check-in, streak and rate come from the days the summaries account for", "[peers]")
{
    auto a = week("Kai", "2026-11-09", "2026-11-15", {"2026-11-10", "2026-11-11"});
    auto b = week("Kai", "2026-11-16", "2026-11-22", {"2026-11-22"});
    auto p = status_on({b, a}, "2026-11-24");
    CHECK(p.summaries == 2);
    CHECK(p.last_checkin == stored_day("2026-11-21"));
    CHECK(p.days_since_checkin == 3);
    CHECK(p.current_streak == 0); // the last day accounted for was missed
    CHECK(p.rate_days == 14);
    CHECK(p.rate_done == 11);
    CHECK(*p.checkin_rate == Approx(11.0 / 14));

    auto c = week("Kai", "2026-11-16", "2026-11-22", {});
    c.generated_at += std::chrono::hours{1};
    auto later = status_on({a, b, c}, "2026-11-24");
    CHECK(later.current_streak == 11); // Nov 12 to 22: the newer summary's word counts
}

TEST_CASE("a lapse in the newest summary with clocks is flagged, with its day", "[peers]")
{
    auto a = week("Kai", "2026-11-09", "2026-11-15");
    a.has_clocks = true;
    a.clocks = {{"alcohol", 60 * 24 * 3, 1, stored_day("2026-11-12")}};
    auto b = week("Kai", "2026-11-16", "2026-11-22");
    SECTION("the newest summary shares no clocks: the one before counts")
    {
        auto p = status_on({a, b}, "2026-11-22");
        CHECK(p.lapse);
        CHECK(p.lapse_day == stored_day("2026-11-12"));
        REQUIRE(p.clocks.size() == 1);
        CHECK(p.clocks_as_of == a.generated_at);
    }
    SECTION("a newer summary without a lapse clears it")
    {
        b.has_clocks = true;
        b.clocks = {{"alcohol", 60 * 24 * 10, 0, std::nullopt}};
        auto p = status_on({a, b}, "2026-11-22");
        CHECK_FALSE(p.lapse);
        CHECK(p.clocks[0].run_minutes == 60 * 24 * 10);
    }
}

TEST_CASE("mentees are told apart by name ignoring case, in order of name", "[peers]")
{
    auto statuses = dm::peer_statuses(
        {week("riley", "2026-11-09", "2026-11-15"), week("Kai", "2026-11-16", "2026-11-22"),
         week("Riley", "2026-11-16", "2026-11-22")},
        stored_day("2026-11-22"), find_zone("UTC"), std::chrono::minutes{0}, {});
    REQUIRE(statuses.size() == 2);
    CHECK(statuses[0].mentee == "Kai");
    CHECK(statuses[1].mentee == "Riley"); // as the newest summary spells it
    CHECK(statuses[1].summaries == 2);
}

TEST_CASE("a summary made after the mentor's today counts as made today", "[peers]")
{
    auto p = status_on({week("Kai", "2026-11-16", "2026-11-22")}, "2026-11-21");
    CHECK(p.days_since_summary == 0);
    CHECK_FALSE(p.quiet);
    CHECK(p.days_since_checkin == 0);
}
