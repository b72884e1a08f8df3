#include <catch2/catch.hpp>

#include <string>

#include "base/error.hpp"
#include "timeutil/time.hpp"
#include "unit/fixtures.hpp"

namespace tu = steady::timeutil;
using steady::test::k_berlin;
using steady::test::k_mon;
using steady::test::k_sun;
using steady::test::k_utc;

namespace {

// One row: `input` resolved at local time `now` in `zone`, with day_starts_at
// `day_start` and weeks starting on `week_start`; `expect` is "FROM..TO",
// "FROM..TO all" or "error: <message prefix>".
struct PeriodCase {
    const char* input;
    const char* now;
    const char* zone;
    const char* day_start;
    date::weekday week_start;
    const char* expect;
};

std::string run_parse_period(const PeriodCase& c)
{
    const auto& zone = *tu::Zone::find(c.zone);
    tu::TimeContext ctx{tu::read_now(c.now, zone), &zone, *tu::parse_clock_time(c.day_start),
                        c.week_start};
    try {
        auto p = tu::parse_period(c.input, ctx);
        return tu::format_day(p.from) + ".." + tu::format_day(p.to) + (p.all ? " all" : "");
    } catch (const steady::UsageError& e) {
        return std::string{"error: "} + e.what();
    }
}

const PeriodCase k_period_cases[] = {
    // Named periods, Sunday 2026-11-22.
    {"today", k_sun, k_berlin, "00:00", k_mon, "2026-11-22..2026-11-22"},
    {"yesterday", k_sun, k_berlin, "00:00", k_mon, "2026-11-21..2026-11-21"},
    {"this week", k_sun, k_berlin, "00:00", k_mon, "2026-11-16..2026-11-22"},
    {"last week", k_sun, k_berlin, "00:00", k_mon, "2026-11-09..2026-11-15"},
    {"this week", k_sun, k_berlin, "00:00", date::Sunday, "2026-11-22..2026-11-28"},
    {"last week", k_sun, k_berlin, "00:00", date::Sunday, "2026-11-15..2026-11-21"},
    {"this week", "2026-11-21T12:00:00", k_berlin, "00:00", date::Sunday, "2026-11-15..2026-11-21"},
    {"this week", k_sun, k_berlin, "00:00", date::Saturday, "2026-11-21..2026-11-27"},
    {"this month", k_sun, k_berlin, "00:00", k_mon, "2026-11-01..2026-11-30"},
    {"last month", k_sun, k_berlin, "00:00", k_mon, "2026-10-01..2026-10-31"},
    {"this year", k_sun, k_berlin, "00:00", k_mon, "2026-01-01..2026-12-31"},
    {"last year", k_sun, k_berlin, "00:00", k_mon, "2025-01-01..2025-12-31"},
    {"last 7 days", k_sun, k_berlin, "00:00", k_mon, "2026-11-16..2026-11-22"},
    {"last 1 day", k_sun, k_berlin, "00:00", k_mon, "2026-11-22..2026-11-22"},
    {"LAST   30 DAYS", k_sun, k_berlin, "00:00", k_mon, "2026-10-24..2026-11-22"},
    {"last 2 weeks", k_sun, k_berlin, "00:00", k_mon, "2026-11-09..2026-11-22"},
    {"last 1 week", k_sun, k_berlin, "00:00", k_mon, "2026-11-16..2026-11-22"},
    {"  This   Week ", k_sun, k_berlin, "00:00", k_mon, "2026-11-16..2026-11-22"},
    {"all", k_sun, k_berlin, "00:00", k_mon, "1970-01-01..2026-11-22 all"},
    // A clock (STEADY_NOW) before 1970: "all" is that one day, never reversed (fuzz_period).
    {"all", "1006-11-22T20:00:00", k_berlin, "00:00", k_mon, "1006-11-22..1006-11-22 all"},
    // Calendar units by number.
    {"2026", k_sun, k_berlin, "00:00", k_mon, "2026-01-01..2026-12-31"},
    {"2026-11", k_sun, k_berlin, "00:00", k_mon, "2026-11-01..2026-11-30"},
    {"2026-02", k_sun, k_berlin, "00:00", k_mon, "2026-02-01..2026-02-28"},
    {"2028-02", k_sun, k_berlin, "00:00", k_mon, "2028-02-01..2028-02-29"},
    {"2026-11-21", k_sun, k_berlin, "00:00", k_mon, "2026-11-21..2026-11-21"},
    {"2028-02-29", k_sun, k_berlin, "00:00", k_mon, "2028-02-29..2028-02-29"},
    {"2026-W47", k_sun, k_berlin, "00:00", k_mon, "2026-11-16..2026-11-22"},
    {"2026-W47", k_sun, k_berlin, "00:00", date::Sunday, "2026-11-16..2026-11-22"},
    {"2026w47", k_sun, k_berlin, "00:00", k_mon, "2026-11-16..2026-11-22"},
    {"2026-W01", k_sun, k_berlin, "00:00", k_mon, "2025-12-29..2026-01-04"},
    {"2026-W53", k_sun, k_berlin, "00:00", k_mon, "2026-12-28..2027-01-03"},
    {"2020-W53", k_sun, k_berlin, "00:00", k_mon, "2020-12-28..2021-01-03"},
    {"2027-W52", k_sun, k_berlin, "00:00", k_mon, "2027-12-27..2028-01-02"},
    {"2026Q3", k_sun, k_berlin, "00:00", k_mon, "2026-07-01..2026-09-30"},
    {"2026-Q1", k_sun, k_berlin, "00:00", k_mon, "2026-01-01..2026-03-31"},
    {"2026q4", k_sun, k_berlin, "00:00", k_mon, "2026-10-01..2026-12-31"},
    {"2028Q1", k_sun, k_berlin, "00:00", k_mon, "2028-01-01..2028-03-31"},
    // Ranges: inclusive days, either side any date input.
    {"2026-11-01..2026-11-07", k_sun, k_berlin, "00:00", k_mon, "2026-11-01..2026-11-07"},
    {"2026-11-01 .. 2026-11-07", k_sun, k_berlin, "00:00", k_mon, "2026-11-01..2026-11-07"},
    {"from 2026-11-01 to 2026-11-07", k_sun, k_berlin, "00:00", k_mon, "2026-11-01..2026-11-07"},
    {"From Monday To Yesterday", k_sun, k_berlin, "00:00", k_mon, "2026-11-16..2026-11-21"},
    {"yesterday..today", k_sun, k_berlin, "00:00", k_mon, "2026-11-21..2026-11-22"},
    {"-3d..2026-11-21T23:30:00Z", k_sun, k_berlin, "00:00", k_mon, "2026-11-19..2026-11-22"},
    {"2026-11-22..2026-11-22", k_sun, k_berlin, "00:00", k_mon, "2026-11-22..2026-11-22"},
    {"since 2026-11-01", k_sun, k_berlin, "00:00", k_mon, "2026-11-01..2026-11-22"},
    {"since monday", k_sun, k_berlin, "00:00", k_mon, "2026-11-16..2026-11-22"},
    {"since today", k_sun, k_berlin, "00:00", k_mon, "2026-11-22..2026-11-22"},
    // Other date inputs name one day.
    {"last monday", k_sun, k_berlin, "00:00", k_mon, "2026-11-16..2026-11-16"},
    {"3 days ago", k_sun, k_berlin, "00:00", k_mon, "2026-11-19..2026-11-19"},
    // Year ends.
    {"last week", "2027-01-05T12:00:00", k_berlin, "00:00", k_mon, "2026-12-28..2027-01-03"},
    {"this week", "2027-01-01T12:00:00", k_berlin, "00:00", k_mon, "2026-12-28..2027-01-03"},
    {"last month", "2027-01-15T12:00:00", k_berlin, "00:00", k_mon, "2026-12-01..2026-12-31"},
    {"last year", "2027-01-15T12:00:00", k_berlin, "00:00", k_mon, "2026-01-01..2026-12-31"},
    {"last 7 days", "2027-01-02T12:00:00", k_berlin, "00:00", k_mon, "2026-12-27..2027-01-02"},
    {"this month", "2028-02-10T12:00:00", k_berlin, "00:00", k_mon, "2028-02-01..2028-02-29"},
    // day_starts_at 04:00: Monday 01:30 is still Sunday.
    {"today", "2026-11-23T01:30:00", k_berlin, "04:00", k_mon, "2026-11-22..2026-11-22"},
    {"this week", "2026-11-23T01:30:00", k_berlin, "04:00", k_mon, "2026-11-16..2026-11-22"},
    {"this week", "2026-11-23T01:30:00", k_berlin, "00:00", k_mon, "2026-11-23..2026-11-29"},
    {"last 7 days", "2026-12-01T03:59:00", k_berlin, "04:00", k_mon, "2026-11-24..2026-11-30"},
    // Los Angeles at 01:30Z on a Monday is still Sunday evening.
    {"today", "2026-11-16T01:30:00Z", "America/Los_Angeles", "00:00", k_mon,
     "2026-11-15..2026-11-15"},
    {"this week", "2026-11-16T01:30:00Z", "America/Los_Angeles", "00:00", k_mon,
     "2026-11-09..2026-11-15"},
    {"this week", "2026-11-16T01:30:00Z", k_utc, "00:00", k_mon, "2026-11-16..2026-11-22"},
    // Bad input.
    {"2026-11-07..2026-11-01", k_sun, k_berlin, "00:00", k_mon,
     "error: period '2026-11-07..2026-11-01' ends before it starts"},
    {"from today to yesterday", k_sun, k_berlin, "00:00", k_mon,
     "error: period 'from today to yesterday' ends before it starts"},
    // Since a day to come: that day alone, a period that has not begun
    // (report says nothing has happened yet, list lists nothing).
    {"since 2027-01-01", k_sun, k_berlin, "00:00", k_mon, "2027-01-01..2027-01-01"},
    {"fortnight", k_sun, k_berlin, "00:00", k_mon,
     "error: 'fortnight' is not a period (try 'this week', 'last 30 days', '2026-11' or 'all')"},
    {"", k_sun, k_berlin, "00:00", k_mon, "error: '' is not a period"},
    {"last 0 days", k_sun, k_berlin, "00:00", k_mon, "error: 'last 0 days' is not a period"},
    {"last 3 months", k_sun, k_berlin, "00:00", k_mon, "error: 'last 3 months' is not a period"},
    {"last -2 days", k_sun, k_berlin, "00:00", k_mon, "error: 'last -2 days' is not a period"},
    {"next week", k_sun, k_berlin, "00:00", k_mon, "error: 'next week' is not a period"},
    {"2026-13", k_sun, k_berlin, "00:00", k_mon, "error: '2026-13' is not a period"},
    {"2026-00", k_sun, k_berlin, "00:00", k_mon, "error: '2026-00' is not a period"},
    {"2026-02-30", k_sun, k_berlin, "00:00", k_mon,
     "error: '2026-02-30' is not a date (try 2026-02-28 or 'yesterday')"},
    {"2027-02-29", k_sun, k_berlin, "00:00", k_mon, "error: '2027-02-29' is not a date (try"},
    {"2026-W00", k_sun, k_berlin, "00:00", k_mon,
     "error: '2026-W00' is not a week (2026 has ISO weeks 01 to 53)"},
    {"2026-W54", k_sun, k_berlin, "00:00", k_mon, "error: '2026-W54' is not a week"},
    {"2027-W53", k_sun, k_berlin, "00:00", k_mon,
     "error: '2027-W53' is not a week (2027 has ISO weeks 01 to 52)"},
    {"2026-W7", k_sun, k_berlin, "00:00", k_mon, "error: '2026-W7' is not a period"},
    {"2026Q5", k_sun, k_berlin, "00:00", k_mon,
     "error: '2026Q5' is not a quarter (try 2026Q1 to 2026Q4)"},
    {"2026Q0", k_sun, k_berlin, "00:00", k_mon, "error: '2026Q0' is not a quarter"},
    {"2026-11-01..", k_sun, k_berlin, "00:00", k_mon, "error: '2026-11-01..' is not a period"},
    {"..today", k_sun, k_berlin, "00:00", k_mon, "error: '..today' is not a period"},
    {"2026-11-01..tomorrow", k_sun, k_berlin, "00:00", k_mon, "error: 'tomorrow' is not a date"},
    {"since", k_sun, k_berlin, "00:00", k_mon, "error: 'since' is not a period"},
};

} // namespace

TEST_CASE("period inputs of SPEC §3 resolve to exact inclusive day ranges", "[unit][time][periods]")
{
    for (const auto& c : k_period_cases) {
        INFO("input '" << c.input << "' at " << c.now << " in " << c.zone << ", day starts "
                       << c.day_start << ", week starts " << c.week_start);
        auto actual = run_parse_period(c);
        std::string expect = c.expect;
        if (expect.starts_with("error: "))
            CHECK_THAT(actual, Catch::Matchers::StartsWith(expect));
        else
            CHECK(actual == expect);
    }
}
