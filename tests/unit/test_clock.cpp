#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "domain/clock.hpp"
#include "timeutil/time.hpp"
#include "unit/fixtures.hpp"

namespace dm = steady::domain;
namespace tu = steady::timeutil;
using std::chrono::minutes;
using steady::test::find_zone;

namespace {

const std::vector<std::string> k_default_list = {"24h", "7d",  "30d", "60d", "90d",
                                                 "6mo", "9mo", "1y",  "18mo"};

// The instant local time `text` ("2026-03-29 02:30", seconds optional)
// names in zone `tz`, a DST gap or overlap resolved as timeutil does.
tu::Instant local(const std::string& text, const char* tz = "Europe/Berlin")
{
    // Parsed by hand: date::parse trips GCC 12's -Wmaybe-uninitialized.
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    const int got = std::sscanf(text.c_str(), "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s);
    REQUIRE(got >= 5);
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                   date::day{static_cast<unsigned>(d)}};
    REQUIRE(ymd.ok());
    const date::local_seconds when = date::local_days{ymd} + std::chrono::hours{h} +
                                     std::chrono::minutes{mi} + std::chrono::seconds{s};
    return tu::to_instant(when, find_zone(tz));
}

tu::TimeContext at(const char* now, const char* tz = "Europe/Berlin")
{
    return {local(now, tz), &find_zone(tz)};
}

dm::Clock clock_since(const char* start, const char* tz = "Europe/Berlin")
{
    dm::Clock clock;
    clock.name = "alcohol";
    clock.started_at = local(start, tz);
    clock.tz = tz;
    return clock;
}

dm::Lapse lapse_at(const char* when, const char* tz = "Europe/Berlin")
{
    auto instant = local(when, tz);
    return {0, instant, tu::day_of(instant, find_zone(tz), minutes{0}), std::nullopt, std::nullopt};
}

dm::ClockStatus status(const dm::Clock& clock, std::vector<dm::Lapse> lapses, const char* now,
                       const char* tz = "Europe/Berlin")
{
    return dm::clock_status(clock, std::move(lapses), dm::milestone_list(k_default_list),
                            at(now, tz));
}

std::vector<std::string> keys(const std::vector<dm::MilestoneAt>& list)
{
    std::vector<std::string> out;
    for (const auto& m : list)
        out.push_back(m.milestone.key());
    return out;
}

} // namespace

TEST_CASE("a run is exact to the minute", "[unit][clock]")
{
    struct Row {
        const char* start;
        const char* now;
        const char* shown;
        bool day_reached;
    };
    const Row rows[] = {
        {"2026-11-21 23:59", "2026-11-22 00:05", "6 min", false},
        {"2026-11-21 23:59", "2026-11-22 23:58", "23 h 59 min", false},
        {"2026-11-21 23:59", "2026-11-22 23:59", "1 day", true},
        {"2026-11-21 23:59", "2026-11-23 01:00", "1 day 1 h", true},
        {"2026-11-22 20:00", "2026-11-22 20:00", "0 min", false},
        {"2026-11-22 20:00", "2026-11-22 20:00:59", "0 min", false},
        {"2026-08-24 00:00", "2026-11-22 03:00", "90 days 3 h", true}, // on the wall clock
        {"2026-03-28 12:00", "2026-04-04 11:30", "6 days 23 h", true}, // spring forward between
        {"2026-03-28 12:00", "2026-04-04 12:00", "7 days", true},
        {"2026-10-24 12:00", "2026-10-31 11:30", "6 days 23 h", true}, // fall back between
        {"2026-10-24 12:00", "2026-10-31 12:00", "7 days", true},
    };
    for (const auto& row : rows) {
        CAPTURE(row.start, row.now);
        auto s = status(clock_since(row.start), {}, row.now);
        CHECK(dm::format_span(s.current.length) == row.shown);
        CHECK((s.current.length.count() >= 1440) == row.day_reached);
        CHECK((!s.reached.empty() && s.reached.front().milestone.key() == "24h") ==
              row.day_reached);
    }
}

TEST_CASE("milestones of days land on the same local clock time across DST", "[unit][clock]")
{
    struct Row {
        const char* start;
        const char* milestone;
        const char* lands; // local time in Europe/Berlin
    };
    const Row rows[] = {
        {"2026-03-25 21:00", "7d", "2026-04-01 21:00"},  // spring forward inside the run
        {"2026-10-20 08:30", "7d", "2026-10-27 08:30"},  // fall back inside the run
        {"2026-03-28 21:00", "24h", "2026-03-29 21:00"}, // the wall clock's 24 h: 23 real
        {"2026-03-28 21:00", "1d", "2026-03-29 21:00"},
        {"2026-03-28 02:30", "1d", "2026-03-29 03:00"}, // 02:30 does not exist: the gap's end
        {"2026-10-24 02:30", "1d", "2026-10-25 02:30"}, // twice that night: the first (CEST)
        {"2026-03-01 12:00", "2w", "2026-03-15 12:00"},
    };
    const auto& berlin = find_zone("Europe/Berlin");
    for (const auto& row : rows) {
        CAPTURE(row.start, row.milestone);
        auto m = dm::parse_milestone(row.milestone);
        REQUIRE(m);
        CHECK(dm::milestone_instant(*m, local(row.start), berlin) == local(row.lands));
    }
    SECTION("the 7-day milestone and the run agree, though 7 × 24 h have not passed")
    {
        auto s = status(clock_since("2026-03-25 21:00"), {}, "2026-04-01 21:00");
        CHECK(keys(s.reached) == std::vector<std::string>{"24h", "7d"});
        CHECK(dm::format_span(s.current.length) == "7 days");
        auto before = status(clock_since("2026-03-25 21:00"), {}, "2026-04-01 20:59");
        CHECK(keys(before.reached) == std::vector<std::string>{"24h"});
        CHECK(dm::format_span(before.current.length) == "6 days 23 h");
        CHECK(before.next.milestone.key() == "7d");
        CHECK(before.next.at - local("2026-04-01 20:59") == std::chrono::minutes{1});
    }
    SECTION("in autumn too: 7 days on the wall clock, 169 real hours")
    {
        auto s = status(clock_since("2026-10-24 12:00"), {}, "2026-10-31 11:30");
        CHECK(keys(s.reached) == std::vector<std::string>{"24h"});
        CHECK(dm::format_span(s.current.length) == "6 days 23 h");
        CHECK(status(clock_since("2026-10-24 12:00"), {}, "2026-10-31 12:00").reached.size() == 2);
    }
}

TEST_CASE("months and years are calendar months, clamped to the month's end", "[unit][clock]")
{
    struct Row {
        const char* start;
        const char* milestone;
        const char* lands;
    };
    const Row rows[] = {
        {"2028-02-29 10:00", "1y", "2029-02-28 10:00"},
        {"2028-02-29 10:00", "4y", "2032-02-29 10:00"},
        {"2028-02-29 10:00", "18mo", "2029-08-29 10:00"},
        {"2026-08-31 09:00", "6mo", "2027-02-28 09:00"},
        {"2027-08-31 09:00", "6mo", "2028-02-29 09:00"},
        {"2026-01-31 09:00", "1mo", "2026-02-28 09:00"},
        {"2028-01-31 09:00", "1mo", "2028-02-29 09:00"},
        {"2026-03-31 09:00", "6mo", "2026-09-30 09:00"},
        {"2026-12-31 23:30", "1mo", "2027-01-31 23:30"},
        {"2026-08-24 00:00", "6mo", "2027-02-24 00:00"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.start, row.milestone);
        auto m = dm::parse_milestone(row.milestone);
        REQUIRE(m);
        CHECK(dm::milestone_instant(*m, local(row.start), find_zone("Europe/Berlin")) ==
              local(row.lands));
    }
}

TEST_CASE("the milestone list is sorted and continues yearly", "[unit][clock]")
{
    struct Row {
        std::vector<std::string> config;
        std::vector<std::string> first; // the first entries, continuation included
    };
    const Row rows[] = {
        {k_default_list,
         {"24h", "7d", "30d", "60d", "90d", "6mo", "9mo", "1y", "18mo", "2y", "3y", "4y"}},
        {{"7d", "24h"}, {"24h", "7d", "1y", "2y"}},
        {{"1y"}, {"1y", "2y", "3y"}},
        {{"12mo"}, {"12mo", "2y"}},
        {{"7d", "1w", "2w"}, {"7d", "2w", "1y"}},
        {{"30mo"}, {"30mo", "3y", "4y"}},
        {{"400d"}, {"400d", "2y"}},
    };
    for (const auto& row : rows) {
        auto list = dm::milestone_list(row.config);
        std::vector<std::string> got;
        for (std::size_t n = 0; n < row.first.size(); ++n)
            got.push_back(dm::nth_milestone(list, n).key());
        CHECK(got == row.first);
    }
    CHECK(dm::parse_milestone("6mo")->label() == "6 months");
    CHECK(dm::parse_milestone("1y")->label() == "1 year");
    CHECK(dm::parse_milestone("24h")->label() == "24 hours");
    for (const char* bad : {"", "0d", "7x", "d", "7", "-1d", "1.5d", "7 d", "1000000d", "mo"}) {
        CAPTURE(bad);
        CHECK_FALSE(dm::parse_milestone(bad));
    }
    CHECK_THROWS_AS(dm::milestone_list({"7d", "soon"}), steady::ConfigError);
}

TEST_CASE("longest run, clean days and share with several lapses", "[unit][clock]")
{
    auto clock = clock_since("2026-01-01 00:00", "UTC");
    std::vector<dm::Lapse> lapses = {lapse_at("2026-02-01 00:00", "UTC"),
                                     lapse_at("2026-01-11 12:00", "UTC")};
    auto s = status(clock, lapses, "2026-02-05 00:00", "UTC");

    CHECK(dm::format_span(s.current.length) == "4 days");
    CHECK(s.current.start == local("2026-02-01 00:00", "UTC"));
    CHECK_FALSE(s.current.end);
    CHECK(dm::format_span(s.longest.length) == "20 days 12 h");
    CHECK(s.longest.start == local("2026-01-11 12:00", "UTC"));
    CHECK(s.longest.end == local("2026-02-01 00:00", "UTC"));
    CHECK(s.days == 36);
    CHECK(s.clean_days == 34);
    CHECK(s.clean_percent == 94);
    CHECK(keys(s.reached) == std::vector<std::string>{"24h"});
    CHECK(s.next.milestone.key() == "7d");

    SECTION("two lapses on one day cost one clean day")
    {
        lapses.push_back(lapse_at("2026-02-01 20:00", "UTC"));
        auto again = status(clock, lapses, "2026-02-05 00:00", "UTC");
        CHECK(again.clean_days == 34);
        CHECK(dm::format_span(again.current.length) == "3 days 4 h");
    }
    SECTION("the current run can be the longest")
    {
        auto later = status(clock, lapses, "2026-03-01 00:00", "UTC");
        CHECK(later.longest.start == later.current.start);
        CHECK_FALSE(later.longest.end);
        CHECK(later.days == 60);
        CHECK(later.clean_days == 58);
        CHECK(later.clean_percent == 96);
    }
    SECTION("a lapse today still leaves the start day clean")
    {
        auto fresh = clock_since("2026-02-04 10:00", "UTC");
        auto today =
            status(fresh, {lapse_at("2026-02-05 09:00", "UTC")}, "2026-02-05 12:00", "UTC");
        CHECK(today.days == 2);
        CHECK(today.clean_days == 1);
        CHECK(today.clean_percent == 50);
    }
}

TEST_CASE("the next milestone and the yearly ones of a long run", "[unit][clock]")
{
    auto s = status(clock_since("2026-08-24 00:00"), {}, "2026-11-22 03:00");
    CHECK(keys(s.reached) == std::vector<std::string>{"24h", "7d", "30d", "60d", "90d"});
    CHECK(s.next.milestone.key() == "6mo");
    CHECK(s.next.at == local("2027-02-24 00:00"));

    auto old = status(clock_since("2020-01-01 00:00"), {}, "2026-06-01 00:00");
    CHECK(old.reached.back().milestone.key() == "6y");
    CHECK(old.reached.size() == 9 + 5);
    CHECK(old.next.milestone.key() == "7y");
}

TEST_CASE("money saved is pro rata, to the nearest cent", "[unit][clock]")
{
    using std::chrono::hours;
    using std::chrono::seconds;
    CHECK(dm::money_saved_cents(1250, date::days{90} + hours{3}) == 112656);
    CHECK(dm::money_saved_cents(1250, date::days{90}) == 112500);
    CHECK(dm::money_saved_cents(1, hours{12}) == 1);
    CHECK(dm::money_saved_cents(1, hours{12} - seconds{1}) == 0);
    CHECK(dm::money_saved_cents(0, date::days{400}) == 0);
    CHECK(dm::money_saved_cents(100'000'000, date::days{365 * 50}) == 1'825'000'000'000);

    CHECK_FALSE(status(clock_since("2026-08-24 00:00"), {}, "2026-09-02 06:00").saved_cents);
    CHECK_FALSE(
        status(clock_since("2026-08-24 00:00"), {}, "2026-09-02 06:00").saved_this_run_cents);
}

TEST_CASE("a lapse does not erase the money saved before it", "[unit][clock]")
{
    auto clock = clock_since("2026-08-24 00:00", "UTC");
    clock.cost_per_day_cents = 1250;

    SECTION("without a lapse, this run is all of it")
    {
        auto s = status(clock, {}, "2026-09-02 06:00", "UTC"); // 9 days 6 h
        CHECK(s.saved_cents == 9 * 1250 + 313);
        CHECK(s.saved_this_run_cents == s.saved_cents);
    }
    SECTION("one lapse: this run since it, in all every run")
    {
        auto s = status(clock, {lapse_at("2026-09-01 00:00", "UTC")}, "2026-09-02 06:00", "UTC");
        CHECK(s.saved_this_run_cents == 1250 + 313);   // 1 day 6 h
        CHECK(s.saved_cents == 8 * 1250 + 1250 + 313); // 8 days, then 1 day 6 h
    }
    SECTION("several lapses, given in any order, each run counted to the second")
    {
        std::vector<dm::Lapse> lapses = {lapse_at("2026-08-30 18:00", "UTC"),
                                         lapse_at("2026-08-26 12:00", "UTC")};
        auto s = status(clock, lapses, "2026-09-01 00:00", "UTC");
        CHECK(s.saved_this_run_cents == 1250 + 313); // 1 day 6 h
        // 2 days 12 h + 4 days 6 h + 1 day 6 h = 8 days: rounded once, not per run.
        CHECK(s.saved_cents == 8 * 1250);
        CHECK(s.clean_days == 7); // the lapse days are not clean; the money is pro rata
    }
    SECTION("a run across the end of summer time counts the wall clock's day")
    {
        auto berlin = clock_since("2026-10-24 12:00");
        berlin.cost_per_day_cents = 1000;
        auto s = status(berlin, {lapse_at("2026-10-25 12:00")}, "2026-10-26 12:00");
        CHECK(s.saved_this_run_cents == 1000);
        CHECK(s.saved_cents == 2000); // 25 hours by the second, 1 day on the wall clock
    }
}

TEST_CASE("money is written and read with two decimals", "[unit][clock]")
{
    CHECK(dm::format_money(5, std::nullopt) == "0.05");
    CHECK(dm::format_money(0, std::nullopt) == "0.00");
    CHECK(dm::format_money(99999, std::nullopt) == "999.99");
    CHECK(dm::format_money(100000, std::nullopt) == "1,000.00");
    CHECK(dm::format_money(-112500, std::nullopt) == "-1,125.00");

    struct Row {
        const char* text;
        std::optional<std::int64_t> cents;
    };
    const Row rows[] = {
        {"12.50", 1250},        {"12", 1200},       {"0.5", 50},      {"0", 0},    {" 7.05 ", 705},
        {"1000000", 100000000}, {"1000000.01", {}}, {"-1", {}},       {"abc", {}}, {"", {}},
        {"1.234", {}},          {"12.", {}},        {".5", {}},       {"1e3", {}}, {"1,000", {}},
        {"12.5x", {}},          {"+3", {}},         {"99999999", {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(dm::parse_money(row.text) == row.cents);
    }
}

TEST_CASE("money is shown in its currency whatever the locale", "[unit][clock]")
{
    using dm::Charset;
    struct Row {
        std::int64_t cents;
        const char* currency;
        Charset charset;
        const char* text;
    };
    const Row rows[] = {
        {112500, "EUR", Charset::utf8, "€1,125.00"},
        {231050, "EUR", Charset::utf8, "€2,310.50"},
        {123456789, "USD", Charset::utf8, "$1,234,567.89"},
        {50, "USD", Charset::utf8, "$0.50"},
        {1999, "GBP", Charset::utf8, "£19.99"},
        {100000, "JPY", Charset::utf8, "¥1,000.00"},
        {1200, "CAD", Charset::utf8, "CA$12.00"},
        {1200, "INR", Charset::utf8, "₹12.00"},
        {112500, "CHF", Charset::utf8, "1,125.00 CHF"},
        {112500, "SEK", Charset::utf8, "1,125.00 SEK"},
        // A symbol beyond ASCII gives way to the code where UTF-8 cannot be shown.
        {112500, "EUR", Charset::ascii, "1,125.00 EUR"},
        {1999, "GBP", Charset::ascii, "19.99 GBP"},
        {50, "USD", Charset::ascii, "$0.50"},
        {1200, "AUD", Charset::ascii, "A$12.00"},
        {-112500, "EUR", Charset::utf8, "-€1,125.00"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.cents, row.currency);
        CHECK(dm::format_money(row.cents, std::string(row.currency), row.charset) == row.text);
    }
}

TEST_CASE("spans read like a person says them", "[unit][clock]")
{
    struct Row {
        long minutes;
        const char* text;
    };
    const Row rows[] = {
        {0, "0 min"},         {59, "59 min"},
        {60, "1 h 0 min"},    {192, "3 h 12 min"},
        {1440, "1 day"},      {1500, "1 day 1 h"},
        {2 * 1440, "2 days"}, {90 * 1440 + 180, "90 days 3 h"},
    };
    for (const auto& row : rows)
        CHECK(dm::format_span(minutes{row.minutes}) == row.text);
}

TEST_CASE("a milestone is announced exactly once per run", "[unit][clock]")
{
    auto clock = clock_since("2026-11-01 20:00");
    std::set<std::string> seen;
    auto observe = [&](const char* now) {
        auto fresh = dm::unseen_milestones(status(clock, {}, now).reached, seen);
        for (const auto& m : fresh)
            seen.insert(m.milestone.key());
        return keys(fresh);
    };
    CHECK(observe("2026-11-02 19:59").empty());
    CHECK(observe("2026-11-02 20:00") == std::vector<std::string>{"24h"});
    CHECK(observe("2026-11-02 20:01").empty());
    CHECK(observe("2026-11-08 20:00") == std::vector<std::string>{"7d"});
    CHECK(observe("2026-12-31 20:00") == std::vector<std::string>{"30d", "60d"});
    CHECK(observe("2026-12-31 20:00").empty());
}
