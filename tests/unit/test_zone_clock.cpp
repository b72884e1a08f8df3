#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "base/error.hpp"
#include "timeutil/time.hpp"
#include "unit/fixtures.hpp"

namespace tu = steady::timeutil;
using steady::test::find_zone;
using steady::test::stored_day;

namespace {

tu::Instant utc(const char* text)
{
    return *tu::parse_stored_instant(text);
}

date::local_seconds local(const char* text)
{
    return date::local_seconds{utc(text).time_since_epoch()};
}

} // namespace

TEST_CASE("the zone comes from config, then $TZ, then the system", "[unit][time][zone]")
{
    CHECK(tu::resolve_zone(std::string{"Europe/Berlin"}, nullptr).name() == "Europe/Berlin");
    CHECK(tu::resolve_zone(std::string{"Asia/Tokyo"}, "America/New_York").name() == "Asia/Tokyo");
    CHECK(tu::resolve_zone(std::nullopt, "America/New_York").name() == "America/New_York");
    CHECK(tu::resolve_zone(std::nullopt, ":America/New_York").name() == "America/New_York");
    CHECK(tu::resolve_zone(std::nullopt, "/usr/share/zoneinfo/Europe/Berlin").name() ==
          "Europe/Berlin");
    CHECK(tu::resolve_zone(std::nullopt, ":/usr/share/zoneinfo/Asia/Tokyo").name() == "Asia/Tokyo");
    CHECK(&tu::resolve_zone(std::nullopt, "") == &tu::resolve_zone(std::nullopt, nullptr));
}

TEST_CASE("$TZ may name the system zone by file or give a POSIX rule", "[unit][time][zone]")
{
    const auto& system = tu::resolve_zone(std::nullopt, nullptr);
    CHECK(&tu::resolve_zone(std::nullopt, ":/etc/localtime") == &system);
    CHECK(&tu::resolve_zone(std::nullopt, "/etc/localtime") == &system);
    CHECK(&tu::resolve_zone(std::nullopt, ":") == &system);

    // A rule follows the rule: every hour of 2026 and 2027 as Europe/Berlin.
    const auto& rule = tu::resolve_zone(std::nullopt, "CET-1CEST,M3.5.0,M10.5.0/3");
    CHECK(rule.name() == "CET-1CEST,M3.5.0,M10.5.0/3");
    const auto& berlin = find_zone("Europe/Berlin");
    for (auto at = utc("2026-01-01T00:00:00Z"); at < utc("2028-01-01T00:00:00Z");
         at += std::chrono::hours{1}) {
        INFO(tu::format_instant(at));
        REQUIRE(rule.offset(at) == berlin.offset(at));
    }
    CHECK(tu::resolve_zone(std::nullopt, "<+0330>-3:30").offset(utc("2026-07-01T00:00:00Z")) ==
          std::chrono::seconds{12600});
    CHECK(tu::resolve_zone(std::nullopt, "UTC0").offset(utc("2026-07-01T00:00:00Z")) ==
          std::chrono::seconds{0});
    CHECK(tu::resolve_zone(std::nullopt, "EST5").offset(utc("2026-07-01T00:00:00Z")) ==
          std::chrono::hours{-5});
    // Half a rule, or none, is still refused.
    for (const char* bad : {"CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0/3", "Foo", "-1",
                            "CET-1CEST,M3.5.0,M10.5.0/3,x"}) {
        INFO("TZ=" << bad);
        CHECK_THROWS_AS(tu::resolve_zone(std::nullopt, bad), steady::UsageError);
    }
}

TEST_CASE("an unknown zone names its source", "[unit][time][zone]")
{
    CHECK_THROWS_MATCHES(tu::resolve_zone(std::string{"Mars/Olympus"}, "UTC"), steady::ConfigError,
                         Catch::Matchers::Message("unknown time zone 'Mars/Olympus' in config "
                                                  "(use an IANA name such as Europe/Berlin)"));
    CHECK_THROWS_MATCHES(tu::resolve_zone(std::nullopt, "Nowhere/Land"), steady::UsageError,
                         Catch::Matchers::Message("unknown time zone 'Nowhere/Land' in $TZ "
                                                  "(use an IANA name such as Europe/Berlin)"));
}

TEST_CASE("STEADY_NOW is read as ISO 8601, local or with an offset", "[unit][time][now]")
{
    struct Row {
        const char* text;
        const char* zone;
        const char* expect;
    };
    const Row rows[] = {
        {"2026-11-22T08:30:00", "Europe/Berlin", "2026-11-22T07:30:00Z"},
        {"2026-11-22T08:30", "Europe/Berlin", "2026-11-22T07:30:00Z"},
        {"2026-11-22 08:30:00", "Europe/Berlin", "2026-11-22T07:30:00Z"},
        {"2026-11-22T08:30:00Z", "Europe/Berlin", "2026-11-22T08:30:00Z"},
        {"2026-11-22T08:30:00+01:00", "UTC", "2026-11-22T07:30:00Z"},
        {"2026-11-22T08:30:00+0100", "UTC", "2026-11-22T07:30:00Z"},
        {"2026-11-22T08:30:00-05:00", "UTC", "2026-11-22T13:30:00Z"},
        {"2026-07-01T12:00:00", "America/New_York", "2026-07-01T16:00:00Z"},
        {"2026-03-29T02:30:00", "Europe/Berlin", "2026-03-29T01:00:00Z"},
    };
    for (const auto& r : rows) {
        INFO("STEADY_NOW=" << r.text << " in " << r.zone);
        CHECK(tu::format_instant(tu::read_now(r.text, find_zone(r.zone))) == r.expect);
    }
}

TEST_CASE("a bad STEADY_NOW is a usage error; none means the system clock", "[unit][time][now]")
{
    for (const char* bad : {"yesterday", "2026-11-22", "2026-11-22T25:00", "2026-02-30T08:00",
                            "2026-11-22T08:30:00+99:00", "22:15"}) {
        INFO("STEADY_NOW=" << bad);
        CHECK_THROWS_MATCHES(
            tu::read_now(bad, find_zone("UTC")), steady::UsageError,
            Catch::Matchers::Message("STEADY_NOW='" + std::string{bad} +
                                     "' is not an ISO 8601 time (e.g. 2026-11-22T08:30:00)"));
    }
    for (const char* none : {static_cast<const char*>(nullptr), ""}) {
        auto before = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        auto now = tu::read_now(none, find_zone("UTC"));
        auto after = std::chrono::system_clock::now();
        CHECK(now >= before);
        CHECK(now <= after);
    }
}

TEST_CASE("an instant belongs to a local day with day_start applied", "[unit][time][day]")
{
    struct Row {
        const char* at;
        const char* zone;
        long day_start_minutes;
        const char* expect;
    };
    const Row rows[] = {
        {"2026-11-22T00:30:00Z", "Europe/Berlin", 0, "2026-11-22"},
        {"2026-11-21T22:59:59Z", "Europe/Berlin", 0, "2026-11-21"},
        {"2026-11-22T00:30:00Z", "Europe/Berlin", 240, "2026-11-21"},
        {"2026-11-22T02:59:59Z", "Europe/Berlin", 240, "2026-11-21"},
        {"2026-11-22T03:00:00Z", "Europe/Berlin", 240, "2026-11-22"},
        {"2026-11-22T01:30:00Z", "America/Los_Angeles", 0, "2026-11-21"},
        {"2026-11-22T01:30:00Z", "UTC", 0, "2026-11-22"},
        {"2026-11-22T01:30:00Z", "Asia/Tokyo", 0, "2026-11-22"},
        {"2026-11-21T15:30:00Z", "Asia/Tokyo", 0, "2026-11-22"},
        {"2026-03-29T01:30:00Z", "Europe/Berlin", 240, "2026-03-28"},
        {"2026-03-29T02:00:00Z", "Europe/Berlin", 240, "2026-03-29"},
    };
    for (const auto& r : rows) {
        INFO(r.at << " in " << r.zone << ", day starts after " << r.day_start_minutes << "m");
        CHECK(tu::format_day(tu::day_of(utc(r.at), find_zone(r.zone),
                                        tu::Minutes{r.day_start_minutes})) == r.expect);
    }
}

TEST_CASE("local times resolve to instants across DST without throwing", "[unit][time][dst]")
{
    struct Row {
        const char* local;
        const char* zone;
        const char* expect;
    };
    const Row rows[] = {
        {"2026-11-22T08:30:00Z", "Europe/Berlin", "2026-11-22T07:30:00Z"},
        {"2026-07-01T08:30:00Z", "Europe/Berlin", "2026-07-01T06:30:00Z"},
        // Gap: the end of the gap (03:00 CEST).
        {"2026-03-29T02:00:00Z", "Europe/Berlin", "2026-03-29T01:00:00Z"},
        {"2026-03-29T02:30:00Z", "Europe/Berlin", "2026-03-29T01:00:00Z"},
        {"2026-03-29T03:00:00Z", "Europe/Berlin", "2026-03-29T01:00:00Z"},
        {"2026-03-29T01:59:59Z", "Europe/Berlin", "2026-03-29T00:59:59Z"},
        // Overlap: the earlier (summer-time) occurrence.
        {"2026-10-25T02:30:00Z", "Europe/Berlin", "2026-10-25T00:30:00Z"},
        {"2026-10-25T03:00:00Z", "Europe/Berlin", "2026-10-25T02:00:00Z"},
        {"2026-03-08T02:30:00Z", "America/New_York", "2026-03-08T07:00:00Z"},
        {"2026-11-01T01:30:00Z", "America/New_York", "2026-11-01T05:30:00Z"},
        {"2026-11-01T02:00:00Z", "America/New_York", "2026-11-01T07:00:00Z"},
    };
    for (const auto& r : rows) {
        INFO("local " << r.local << " in " << r.zone);
        CHECK(tu::format_instant(tu::to_instant(local(r.local), find_zone(r.zone))) == r.expect);
    }
}

TEST_CASE("a logical day starts at local midnight plus day_start", "[unit][time][day]")
{
    const auto& berlin = find_zone("Europe/Berlin");
    CHECK(tu::format_instant(tu::start_of_day(stored_day("2026-11-22"), berlin, tu::Minutes{0})) ==
          "2026-11-21T23:00:00Z");
    CHECK(tu::format_instant(tu::start_of_day(stored_day("2026-11-22"), berlin,
                                              tu::Minutes{240})) == "2026-11-22T03:00:00Z");
    CHECK(tu::format_instant(tu::start_of_day(stored_day("2026-03-29"), berlin,
                                              tu::Minutes{150})) == "2026-03-29T01:00:00Z");
    CHECK(tu::format_instant(tu::start_of_day(stored_day("2026-03-30"), berlin, tu::Minutes{0})) ==
          "2026-03-29T22:00:00Z");

    tu::TimeContext ctx{utc("2026-11-22T02:00:00Z"), &berlin, tu::Minutes{240}, date::Monday};
    CHECK(tu::format_day(ctx.today()) == "2026-11-21");
    ctx.day_start = tu::Minutes{0};
    CHECK(tu::format_day(ctx.today()) == "2026-11-22");
}

TEST_CASE("stored days and instants round-trip; malformed ones are refused", "[unit][time][stored]")
{
    CHECK(tu::format_day(stored_day("2028-02-29")) == "2028-02-29");
    CHECK(tu::format_day(stored_day("0999-01-05")) == "0999-01-05");
    CHECK(tu::format_instant(utc("2026-11-21T21:15:00Z")) == "2026-11-21T21:15:00Z");
    CHECK(tu::parse_stored_instant("2026-11-21 21:15:07") == utc("2026-11-21T21:15:07Z"));
    CHECK(tu::format_instant(tu::Instant{std::chrono::seconds{0}}) == "1970-01-01T00:00:00Z");
    CHECK(tu::format_instant(tu::Instant{std::chrono::seconds{-1}}) == "1969-12-31T23:59:59Z");
    // Four-digit years are written digit by digit; others as printf writes them.
    CHECK(tu::format_day(stored_day("0000-01-01")) == "0000-01-01");
    CHECK(tu::format_instant(utc("9999-12-31T23:59:59Z")) == "9999-12-31T23:59:59Z");
    CHECK(tu::format_instant(utc("0001-02-03T04:05:06Z")) == "0001-02-03T04:05:06Z");
    CHECK(tu::format_day(tu::Day{date::year{10000} / 1 / 2}) == "10000-01-02");
    CHECK(tu::format_day(tu::Day{date::year{-1} / 12 / 31}) == "-001-12-31");
    CHECK(tu::format_instant(tu::Instant{tu::Day{date::year{12345} / 6 / 7}.time_since_epoch()} +
                             std::chrono::seconds{3661}) == "12345-06-07T01:01:01Z");
    for (const char* bad :
         {"", "2026-11-21T21:15:00", "2026-11-21T21:15Z", "2026-11-21 21:15",
          "2026-02-30T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T21:60:00Z",
          "2026-11-21T21:15:00+00", "2026-11-21x21:15:00Z", "2026-11-21T2:15:00Z "}) {
        INFO("instant '" << bad << "'");
        CHECK_FALSE(tu::parse_stored_instant(bad).has_value());
    }
    for (const char* bad : {"", "2027-02-29", "2026-02-30", "2026-13-01", "2026-1-01",
                            "2026-11-21x", " 2026-11-2", "2026/11/21", "2026-11-21T00:00",
                            "2026-00-10", "2026-11-00", "+026-11-21", "2026-1a-21"}) {
        INFO("day '" << bad << "'");
        CHECK_FALSE(tu::parse_stored_day(bad).has_value());
    }
}

TEST_CASE("clock times are HH:MM from 00:00 to 23:59", "[unit][time][clock]")
{
    struct Row {
        const char* text;
        long minutes; // -1: refused
    };
    const Row rows[] = {
        {"00:00", 0},     {"23:59", 1439}, {"9:05", 545}, {"04:00", 240}, {"19:00", 1140},
        {"24:00", -1},    {"25:00", -1},   {"12:60", -1}, {"", -1},       {"9:5", -1},
        {"12:00:00", -1}, {" 9:05", -1},   {"ab:cd", -1}, {"123:00", -1}, {"-1:00", -1},
    };
    for (const auto& r : rows) {
        INFO("clock '" << r.text << "'");
        auto parsed = tu::parse_clock_time(r.text);
        if (r.minutes < 0)
            CHECK_FALSE(parsed.has_value());
        else
            CHECK(parsed == std::optional{tu::Minutes{r.minutes}});
    }
}
