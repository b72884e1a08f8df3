#include <catch2/catch.hpp>

#include <string>

#include "base/error.hpp"
#include "timeutil/time.hpp"
#include "unit/fixtures.hpp"

namespace tu = steady::timeutil;
using steady::test::k_berlin;
using steady::test::k_ny;
using steady::test::k_sun;

namespace {

// One row: `input` parsed at local time `now` in `zone` with day_starts_at
// `day_start`; `expect` is "DAY INSTANT day|time" or "error: <message prefix>".
struct DateCase {
    const char* input;
    const char* now;
    const char* zone;
    const char* day_start;
    const char* expect;
};

std::string run_parse_date(const DateCase& c)
{
    const auto& zone = *tu::Zone::find(c.zone);
    tu::TimeContext ctx{tu::read_now(c.now, zone), &zone, *tu::parse_clock_time(c.day_start),
                        date::Monday};
    try {
        auto d = tu::parse_date(c.input, ctx);
        return tu::format_day(d.day) + " " + tu::format_instant(d.at) +
               (d.has_time ? " time" : " day");
    } catch (const steady::UsageError& e) {
        return std::string{"error: "} + e.what();
    }
}

const DateCase k_date_cases[] = {
    // Calendar dates and date-times (literal, in the user's zone).
    {"2026-11-21", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-20T23:00:00Z day"},
    {"2026-11-21 22:15", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T21:15:00Z time"},
    {"2026-11-21T22:15", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T21:15:00Z time"},
    {"2026-11-21T22:15:30", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T21:15:30Z time"},
    {"2026-11-21 9:05", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T08:05:00Z time"},
    {"2026-11-21T22:15:00Z", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T22:15:00Z time"},
    {"2026-11-21T23:30:00Z", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-21T23:30:00Z time"},
    {"2026-11-21t22:15z", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T22:15:00Z time"},
    {"2026-11-21T22:15:00+01:00", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T21:15:00Z time"},
    {"2026-11-21T22:15:00-0500", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T03:15:00Z time"},
    {"2027-03-01", k_sun, k_berlin, "00:00", "2027-03-01 2027-02-28T23:00:00Z day"},
    {"2028-02-29", k_sun, k_berlin, "00:00", "2028-02-29 2028-02-28T23:00:00Z day"},
    // Words and relative forms, Sunday 2026-11-22 20:00 CET.
    {"now", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T19:00:00Z time"},
    {"NOW", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T19:00:00Z time"},
    {"today", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-21T23:00:00Z day"},
    {"yesterday", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-20T23:00:00Z day"},
    {"22:15", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T21:15:00Z time"},
    {"9:05", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T08:05:00Z time"},
    {"3 days ago", k_sun, k_berlin, "00:00", "2026-11-19 2026-11-18T23:00:00Z day"},
    {"1 day ago", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-20T23:00:00Z day"},
    {"2 weeks ago", k_sun, k_berlin, "00:00", "2026-11-08 2026-11-07T23:00:00Z day"},
    {"2 hours ago", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T17:00:00Z time"},
    {"1 hour ago", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T18:00:00Z time"},
    {"30 minutes ago", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T18:30:00Z time"},
    {"21 hours ago", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T22:00:00Z time"},
    {"-3d", k_sun, k_berlin, "00:00", "2026-11-19 2026-11-18T23:00:00Z day"},
    {"-2h", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T17:00:00Z time"},
    {"-30m", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T18:30:00Z time"},
    {"-1w", k_sun, k_berlin, "00:00", "2026-11-15 2026-11-14T23:00:00Z day"},
    {"monday", k_sun, k_berlin, "00:00", "2026-11-16 2026-11-15T23:00:00Z day"},
    {"mon", k_sun, k_berlin, "00:00", "2026-11-16 2026-11-15T23:00:00Z day"},
    {"last monday", k_sun, k_berlin, "00:00", "2026-11-16 2026-11-15T23:00:00Z day"},
    {"saturday", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-20T23:00:00Z day"},
    {"sunday", k_sun, k_berlin, "00:00", "2026-11-15 2026-11-14T23:00:00Z day"},
    {"Sun", k_sun, k_berlin, "00:00", "2026-11-15 2026-11-14T23:00:00Z day"},
    {"yesterday 22:10", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T21:10:00Z time"},
    {"  Yesterday   22:10 ", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T21:10:00Z time"},
    {"yesterday at 22:10", k_sun, k_berlin, "00:00", "2026-11-21 2026-11-21T21:10:00Z time"},
    {"today 09:00", k_sun, k_berlin, "00:00", "2026-11-22 2026-11-22T08:00:00Z time"},
    {"monday 09:00", k_sun, k_berlin, "00:00", "2026-11-16 2026-11-16T08:00:00Z time"},
    {"last fri 23:00", k_sun, k_berlin, "00:00", "2026-11-20 2026-11-20T22:00:00Z time"},
    // day_starts_at 04:00: the small hours belong to the day before.
    {"today", "2026-11-22T01:00:00", k_berlin, "04:00", "2026-11-21 2026-11-21T03:00:00Z day"},
    {"now", "2026-11-22T01:00:00", k_berlin, "04:00", "2026-11-21 2026-11-22T00:00:00Z time"},
    {"22:15", "2026-11-22T01:00:00", k_berlin, "04:00", "2026-11-21 2026-11-21T21:15:00Z time"},
    {"yesterday 01:30", k_sun, k_berlin, "04:00", "2026-11-21 2026-11-22T00:30:00Z time"},
    {"yesterday 04:00", k_sun, k_berlin, "04:00", "2026-11-21 2026-11-21T03:00:00Z time"},
    {"2026-11-22 01:30", k_sun, k_berlin, "04:00", "2026-11-21 2026-11-22T00:30:00Z time"},
    {"2026-11-21", k_sun, k_berlin, "04:00", "2026-11-21 2026-11-21T03:00:00Z day"},
    // A user in Los Angeles at 01:30Z is still on the previous local day.
    {"today", "2026-11-22T01:30:00Z", "America/Los_Angeles", "00:00",
     "2026-11-21 2026-11-21T08:00:00Z day"},
    {"now", "2026-11-22T01:30:00Z", "America/Los_Angeles", "00:00",
     "2026-11-21 2026-11-22T01:30:00Z time"},
    {"yesterday", "2026-11-22T01:30:00Z", "America/Los_Angeles", "00:00",
     "2026-11-20 2026-11-20T08:00:00Z day"},
    // DST: a gap time resolves to the end of the gap; an overlap to the first (summer) time.
    {"2026-03-29 02:30", k_sun, k_berlin, "00:00", "2026-03-29 2026-03-29T01:00:00Z time"},
    {"2026-03-29", k_sun, k_berlin, "00:00", "2026-03-29 2026-03-28T23:00:00Z day"},
    {"2026-03-30", k_sun, k_berlin, "00:00", "2026-03-30 2026-03-29T22:00:00Z day"},
    {"today 02:30", "2026-03-29T12:00:00", k_berlin, "00:00",
     "2026-03-29 2026-03-29T01:00:00Z time"},
    {"2026-10-25 02:30", k_sun, k_berlin, "00:00", "2026-10-25 2026-10-25T00:30:00Z time"},
    {"2026-10-25 03:30", k_sun, k_berlin, "00:00", "2026-10-25 2026-10-25T02:30:00Z time"},
    {"2026-03-08 02:30", k_sun, k_ny, "00:00", "2026-03-08 2026-03-08T07:00:00Z time"},
    {"2026-11-01 01:30", k_sun, k_ny, "00:00", "2026-11-01 2026-11-01T05:30:00Z time"},
    {"2026-11-01", k_sun, k_ny, "00:00", "2026-11-01 2026-11-01T04:00:00Z day"},
    // Future dates are not refused here; commands decide.
    {"2030-01-01", k_sun, k_berlin, "00:00", "2030-01-01 2029-12-31T23:00:00Z day"},
    // Bad input: usage errors naming the text.
    {"2026-02-30", k_sun, k_berlin, "00:00",
     "error: '2026-02-30' is not a date (try 2026-02-28 or 'yesterday')"},
    {"2027-02-29", k_sun, k_berlin, "00:00",
     "error: '2027-02-29' is not a date (try 2027-02-28 or 'yesterday')"},
    {"2026-13-01", k_sun, k_berlin, "00:00", "error: '2026-13-01' is not a date (try"},
    {"2026-00-10", k_sun, k_berlin, "00:00", "error: '2026-00-10' is not a date (try"},
    {"25:00", k_sun, k_berlin, "00:00", "error: '25:00' is not a date (a time of day runs"},
    {"24:00", k_sun, k_berlin, "00:00", "error: '24:00' is not a date (a time of day runs"},
    {"12:60", k_sun, k_berlin, "00:00", "error: '12:60' is not a date (a time of day runs"},
    {"2026-11-21 25:00", k_sun, k_berlin, "00:00", "error: '2026-11-21 25:00' is not a date"},
    {"2026-11-21T22:15:61", k_sun, k_berlin, "00:00", "error: '2026-11-21T22:15:61' is not"},
    {"2026-11-21T22:15+2500", k_sun, k_berlin, "00:00", "error: '2026-11-21T22:15+2500' is"},
    {"yesterday 25:00", k_sun, k_berlin, "00:00", "error: 'yesterday 25:00' is not a date"},
    {"yesterday 22:10 pm", k_sun, k_berlin, "00:00", "error: 'yesterday 22:10 pm' is not"},
    {"", k_sun, k_berlin, "00:00", "error: '' is not a date (try"},
    {"   ", k_sun, k_berlin, "00:00", "error: '   ' is not a date (try"},
    {"3 dayz ago", k_sun, k_berlin, "00:00", "error: '3 dayz ago' is not a date (try '3 days"},
    {"three days ago", k_sun, k_berlin, "00:00", "error: 'three days ago' is not a date"},
    {"tomorrow", k_sun, k_berlin, "00:00", "error: 'tomorrow' is not a date (try"},
    {"-3x", k_sun, k_berlin, "00:00", "error: '-3x' is not a date (try -3d"},
    {"0x", k_sun, k_berlin, "00:00", "error: '0x' is not a date (try"},
    {"-d", k_sun, k_berlin, "00:00", "error: '-d' is not a date (try"},
    {"last", k_sun, k_berlin, "00:00", "error: 'last' is not a date (try"},
    {"yesterday at", k_sun, k_berlin, "00:00", "error: 'yesterday at' is not a date (try"},
    {"2026-11", k_sun, k_berlin, "00:00", "error: '2026-11' is not a date (try"},
};

} // namespace

TEST_CASE("date inputs of SPEC §3 resolve to exact instants and days", "[unit][time][dates]")
{
    for (const auto& c : k_date_cases) {
        INFO("input '" << c.input << "' at " << c.now << " in " << c.zone << ", day starts "
                       << c.day_start);
        auto actual = run_parse_date(c);
        std::string expect = c.expect;
        if (expect.starts_with("error: "))
            CHECK_THAT(actual, Catch::Matchers::StartsWith(expect));
        else
            CHECK(actual == expect);
    }
}

TEST_CASE("a bad date is a usage error with exit code 64", "[unit][time][dates]")
{
    const auto& zone = *tu::Zone::find(k_berlin);
    tu::TimeContext ctx{tu::read_now(k_sun, zone), &zone, tu::Minutes{0}, date::Monday};
    try {
        tu::parse_date("2026-02-30", ctx);
        FAIL("no error thrown");
    } catch (const steady::Error& e) {
        CHECK(e.exit_code() == 64);
    }
}
