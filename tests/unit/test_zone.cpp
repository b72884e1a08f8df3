// steady reads zones with its own TZif reader (timeutil::Zone); these tests
// hold it to date's tz library, the reference, for every zone on the machine.
#include <catch2/catch.hpp>

#include <date/tz.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <string>
#include <unistd.h>

#include "timeutil/time.hpp"
#include "timeutil/zone.hpp"

namespace tu = steady::timeutil;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

date::sys_seconds utc(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0)
{
    return date::sys_days{date::year{y} / date::month{m} / date::day{d}} + hours{h} + minutes{min} +
           seconds{s};
}

// Compares `ours` with date's zone `ref` at every transition date knows of
// in [from, to) and around it, and every 30 days in between: offsets, local
// times, and the instants local times just before, in and after each change
// name. Counts the transitions seen; `mismatch` gets the first difference.
// (Plain comparisons, not one Catch assertion each: millions of them.)
struct Comparison {
    int transitions = 0;
    std::string mismatch;
};

Comparison compare(const tu::Zone& ours, const date::time_zone& ref, date::sys_seconds from,
                   date::sys_seconds to)
{
    Comparison result;
    auto check_instant = [&](date::sys_seconds t) {
        if (result.mismatch.empty() &&
            (ours.offset(t) != ref.get_info(t).offset || ours.to_local(t) != ref.to_local(t)))
            result.mismatch = ours.name() + ": offset at " + date::format("%FT%TZ", t) + " is " +
                              std::to_string(ours.offset(t).count()) + " s, date says " +
                              std::to_string(ref.get_info(t).offset.count()) + " s";
    };
    auto check_local = [&](date::local_seconds l) {
        if (result.mismatch.empty() && ours.to_sys(l) != ref.to_sys(l, date::choose::earliest))
            result.mismatch = ours.name() + ": local " + date::format("%F %T", l) + " is " +
                              date::format("%FT%TZ", ours.to_sys(l)) + ", date says " +
                              date::format("%FT%TZ", ref.to_sys(l, date::choose::earliest));
    };
    for (auto t = from; t < to; t += date::days{30})
        check_instant(t);
    auto t = from;
    while (t < to) {
        auto info = ref.get_info(t);
        if (info.end >= to || info.end <= t)
            break;
        auto change = info.end;
        auto before = info.offset;
        auto after = ref.get_info(change).offset;
        for (auto dt : {seconds{-1}, seconds{0}, seconds{1}, seconds{-3600}, seconds{3600}})
            check_instant(change + dt);
        for (auto off : {before, after})
            for (auto dt : {seconds{-3600}, seconds{-1}, seconds{0}, seconds{1}, seconds{1800},
                            seconds{3600}})
                check_local(date::local_seconds{(change + off).time_since_epoch()} + dt);
        ++result.transitions;
        t = change;
    }
    return result;
}

// A TZif version 2 file with no transitions, one time type and a footer:
// what a "slim" file holds for a zone whose rules are all in its footer.
std::string footer_only_tzif(std::int32_t offset, const std::string& footer)
{
    std::string block;
    auto be32 = [&block](std::uint32_t n) {
        for (int shift = 24; shift >= 0; shift -= 8)
            block.push_back(static_cast<char>((n >> shift) & 0xFF));
    };
    std::string header = "TZif2";
    header.append(15, '\0');
    for (std::uint32_t n : {0U, 0U, 0U, 0U, 1U, 4U})
        for (int shift = 24; shift >= 0; shift -= 8)
            header.push_back(static_cast<char>((n >> shift) & 0xFF));
    be32(static_cast<std::uint32_t>(offset));
    block.push_back('\0'); // is_dst
    block.push_back('\0'); // abbreviation index
    block.append(std::string_view{"STD\0", 4});
    return header + block + header + block + "\n" + footer + "\n";
}

// A TZif v2 file with one transition at `at` (seconds) to its one type at
// `offset`, and `footer`.
std::string one_transition_tzif(std::int64_t at, std::int32_t offset, const std::string& footer)
{
    auto be = [](std::string& out, std::uint64_t n, int bytes) {
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8)
            out.push_back(static_cast<char>((n >> shift) & 0xFF));
    };
    auto header = [&be](std::uint32_t timecnt) {
        std::string h = "TZif2";
        h.append(15, '\0');
        for (std::uint32_t n : {0U, 0U, 0U, timecnt, 1U, 4U})
            be(h, n, 4);
        return h;
    };
    std::string type;
    be(type, static_cast<std::uint32_t>(offset), 4);
    type.append(std::string_view{"\0\0STD\0", 6});
    std::string v2 = header(1);
    be(v2, static_cast<std::uint64_t>(at), 8);
    v2.push_back('\0'); // the transition's type
    return header(0) + type + v2 + type + "\n" + footer + "\n";
}

} // namespace

TEST_CASE("a transition ages away: the footer's rules hold from 1900 to 2200", "[unit][time][zone]")
{
    // fuzz_tzif: a transition near 2^40 s lies in a year date::year cannot
    // hold; it wrapped, so a zone lost its DST (far past) or took 0.1 s to
    // read (far future).
    const std::string footer = "CET-1CEST,M3.5.0,M10.5.0/3";
    auto past = tu::Zone::parse("Test/Past",
                                one_transition_tzif(-(std::int64_t{1} << 40) + 1, 3600, footer));
    REQUIRE(past.has_value());
    CHECK(past->offset(utc(2026, 7, 1)) == hours{2});
    CHECK(past->offset(utc(2026, 1, 1)) == hours{1});
    CHECK(past->offset(utc(1950, 7, 1)) == hours{2});
    auto future = tu::Zone::parse("Test/Future",
                                  one_transition_tzif((std::int64_t{1} << 40) - 1, 3600, footer));
    REQUIRE(future.has_value());
    CHECK(future->offset(utc(2026, 7, 1)) == hours{1});
    auto near = tu::Zone::parse("Test/Near", one_transition_tzif(0, 3600, footer));
    REQUIRE(near.has_value());
    CHECK(near->offset(utc(2026, 7, 1)) == hours{2});
}

TEST_CASE("every zone of the system tz database reads as date reads it", "[unit][time][zone]")
{
    const auto& db = date::get_tzdb();
    REQUIRE(db.zones.size() > 300);
    int zones = 0;
    int transitions = 0;
    // date's OS-database reader stops at a file's last transition (2037 in
    // Debian's "fat" files); the footer rules beyond are tested below.
    // "localtime" is the file /usr/share/zoneinfo/localtime (a link to
    // /etc/localtime) that date lists as a zone; steady refuses it as a name.
    for (const auto& ref : db.zones) {
        if (ref.name() == "localtime")
            continue;
        const auto* ours = tu::Zone::find(ref.name());
        INFO("zone " << ref.name());
        REQUIRE(ours != nullptr);
        CHECK(ours->name() == ref.name());
        auto compared = compare(*ours, ref, utc(1900, 1, 1), utc(2037, 1, 1));
        CHECK(compared.mismatch == "");
        transitions += compared.transitions;
        ++zones;
    }
    CHECK(zones + 1 >= static_cast<int>(db.zones.size()));
    CHECK(transitions > 10000);
}

TEST_CASE("DST changes of the zones the tests live in", "[unit][time][zone]")
{
    const auto& berlin = *tu::Zone::find("Europe/Berlin");
    CHECK(berlin.offset(utc(2026, 3, 29, 0, 59, 59)) == hours{1});
    CHECK(berlin.offset(utc(2026, 3, 29, 1)) == hours{2});
    CHECK(berlin.offset(utc(2026, 10, 25, 0, 59, 59)) == hours{2});
    CHECK(berlin.offset(utc(2026, 10, 25, 1)) == hours{1});
    // 02:30 on the spring day does not exist: the gap's end, 03:00 CEST.
    CHECK(berlin.to_sys(date::local_days{date::year{2026} / 3 / 29} + hours{2} + minutes{30}) ==
          utc(2026, 3, 29, 1));
    // 02:30 on the autumn day happens twice: the first, in summer time.
    CHECK(berlin.to_sys(date::local_days{date::year{2026} / 10 / 25} + hours{2} + minutes{30}) ==
          utc(2026, 10, 25, 0, 30));
    // Beyond the file's explicit transitions, the footer's rules: the last
    // Sunday of March 2050 is the 27th.
    CHECK(berlin.offset(utc(2050, 3, 27, 0, 59, 59)) == hours{1});
    CHECK(berlin.offset(utc(2050, 3, 27, 1)) == hours{2});
    CHECK(berlin.offset(utc(2199, 7, 1)) == hours{2});

    const auto& new_york = *tu::Zone::find("America/New_York");
    CHECK(new_york.offset(utc(2026, 3, 8, 6, 59, 59)) == hours{-5});
    CHECK(new_york.offset(utc(2026, 3, 8, 7)) == hours{-4});
    CHECK(new_york.offset(utc(2045, 11, 5, 5, 59, 59)) == hours{-4});
    CHECK(new_york.offset(utc(2045, 11, 5, 6)) == hours{-5});
}

TEST_CASE("a zone held only in its footer follows the footer's rules", "[unit][time][zone]")
{
    struct Row {
        const char* reference;
        std::int32_t offset;
        const char* footer;
        int from_year; // since when the footer's rules hold for the zone
    };
    for (const Row& row : {Row{"Europe/Berlin", 3600, "CET-1CEST,M3.5.0,M10.5.0/3", 1997},
                           Row{"America/New_York", -18000, "EST5EDT,M3.2.0,M11.1.0", 2008},
                           Row{"Australia/Sydney", 36000, "AEST-10AEDT,M10.1.0,M4.1.0/3", 2009},
                           Row{"America/Nuuk", -7200, "<-02>2<-01>,M3.5.0/-1,M10.5.0/0", 2024},
                           Row{"Asia/Tokyo", 32400, "JST-9", 1952}}) {
        INFO("footer " << row.footer);
        auto ours = tu::Zone::parse(row.reference, footer_only_tzif(row.offset, row.footer));
        REQUIRE(ours.has_value());
        const auto* ref = date::locate_zone(row.reference);
        auto compared = compare(*ours, *ref, utc(row.from_year, 1, 1), utc(2037, 1, 1));
        CHECK(compared.mismatch == "");
        CHECK(compared.transitions == (row.from_year == 1952 ? 0 : 2 * (2037 - row.from_year)));
    }
}

TEST_CASE("footer day forms: Julian with and without February 29", "[unit][time][zone]")
{
    // J79 never counts February 29: 20 March in 2021 and in 2024; DST starts
    // at 24:00 local standard time, i.e. 00:00 the next day, 20:30Z.
    auto j =
        tu::Zone::parse("Test/J", footer_only_tzif(12600, "<+0330>-3:30<+0430>,J79/24,J263/24"));
    REQUIRE(j.has_value());
    for (int y : {2021, 2024}) {
        INFO("year " << y);
        CHECK(j->offset(utc(y, 3, 20, 20, 29, 59)) == seconds{12600});
        CHECK(j->offset(utc(y, 3, 20, 20, 30)) == seconds{16200});
    }
    // Zero-based day 59 is 1 March in 2021 but 29 February in 2024.
    auto n = tu::Zone::parse("Test/N", footer_only_tzif(0, "AAA0BBB,59/0,300/0"));
    REQUIRE(n.has_value());
    CHECK(n->offset(utc(2021, 2, 28, 23, 59, 59)) == seconds{0});
    CHECK(n->offset(utc(2021, 3, 1)) == hours{1});
    CHECK(n->offset(utc(2024, 2, 28, 23, 59, 59)) == seconds{0});
    CHECK(n->offset(utc(2024, 2, 29)) == hours{1});
}

TEST_CASE("a footer with DST all year stays on DST every year", "[unit][time][zone]")
{
    // RFC 8536 3.3.1: DST from 1 January 00:00 to 31 December 25:00 is DST
    // all year; each year's end is the next year's start, at one instant.
    auto z = tu::Zone::parse("Test/AllYearDST", footer_only_tzif(-18000, "EST5EDT,0/0,J365/25"));
    REQUIRE(z.has_value());
    for (int y = 1970; y <= 2200; ++y) {
        INFO("year " << y);
        REQUIRE(z->offset(utc(y, 1, 1, 12)) == hours{-4});
        REQUIRE(z->offset(utc(y, 1, 15)) == hours{-4});
        REQUIRE(z->offset(utc(y, 7, 1)) == hours{-4});
        REQUIRE(z->offset(utc(y, 12, 31, 23, 59, 59)) == hours{-4});
    }
}

TEST_CASE("what is not a zone is refused, never read", "[unit][time][zone]")
{
    for (const char* bad :
         {"", "Mars/Olympus_Mons", "Europe/berlin ", "../../etc/passwd", "/usr/share/zoneinfo/UTC",
          "Europe//Berlin", "Europe/Berlin/", "Europe/../Europe/Berlin", "./UTC", "right/UTC",
          "posix/UTC", "posixrules", "localtime", "zone.tab", "tzdata.zi", "Europe",
          "leap-seconds.list", "Europe/Berlin\n"}) {
        INFO("name '" << bad << "'");
        CHECK(tu::Zone::find(bad) == nullptr);
        CHECK_FALSE(tu::is_known_zone(bad));
    }
    for (const char* good : {"UTC", "Etc/GMT+5", "America/Port-au-Prince", "US/Eastern", "GMT0"}) {
        INFO("name '" << good << "'");
        REQUIRE(tu::Zone::find(good) != nullptr);
        CHECK(tu::Zone::find(good)->name() == good);
    }
    CHECK(tu::Zone::find("Etc/GMT+5")->offset(utc(2026, 1, 1)) == hours{-5});

    for (const std::string& bytes :
         {std::string{}, std::string{"TZif"}, std::string(44, '\0'),
          footer_only_tzif(3600, "CET-1CEST,M3.5.0"),
          footer_only_tzif(3600, "CET-1CEST,M13.5.0,M10.5.0/3"), footer_only_tzif(3600, "C-1"),
          footer_only_tzif(100 * 3600, "CET-1")}) {
        INFO("bytes of size " << bytes.size());
        CHECK_FALSE(tu::Zone::parse("Test/Bad", bytes).has_value());
    }
}

TEST_CASE("$TZDIR names the zone folder", "[unit][time][zone]")
{
    auto dir =
        std::filesystem::temp_directory_path() / ("steady-zones-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "Test");
    {
        std::ofstream file{dir / "Test" / "Footer", std::ios::binary};
        file << footer_only_tzif(3600, "CET-1CEST,M3.5.0,M10.5.0/3");
    }
    const char* old = std::getenv("TZDIR");
    std::string saved = old != nullptr ? old : "";
    ::setenv("TZDIR", dir.c_str(), 1);
    const auto* zone = tu::Zone::find("Test/Footer");
    CHECK(tu::Zone::find("Test/Missing") == nullptr);
    if (old != nullptr)
        ::setenv("TZDIR", saved.c_str(), 1);
    else
        ::unsetenv("TZDIR");
    std::filesystem::remove_all(dir);
    REQUIRE(zone != nullptr);
    CHECK(zone->offset(utc(2026, 7, 1)) == hours{2});
    CHECK(tu::Zone::find("Test/Footer") == zone); // kept once loaded
    CHECK(tu::Zone::utc().offset(utc(2026, 6, 1)) == seconds{0});
}
