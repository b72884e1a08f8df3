#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "domain/remind.hpp"
#include "unit/fixtures.hpp"

namespace dm = steady::domain;
namespace tu = steady::timeutil;
using steady::test::find_zone;
using steady::test::stored_day;

namespace {

// The instant "YYYY-MM-DDTHH:MM:SSZ" names.
tu::Instant utc(const char* text)
{
    return *tu::parse_stored_instant(text);
}

std::optional<tu::Day> day_or_none(const char* text)
{
    return text ? std::optional(stored_day(text)) : std::nullopt;
}

} // namespace

TEST_CASE("a missing check-in is due once remind.checkin_after has passed", "[remind][unit]")
{
    struct Row {
        const char* now;   // UTC
        const char* today; // the logical day at `now`
        const char* zone;
        int day_start; // minutes
        int after;     // minutes
        bool checked_in;
        bool due;
    };
    // 19:00 in Berlin is 18:00Z in winter, 17:00Z in summer.
    const Row rows[] = {
        {"2026-11-22T17:59:59Z", "2026-11-22", "Europe/Berlin", 0, 19 * 60, false, false},
        {"2026-11-22T18:00:00Z", "2026-11-22", "Europe/Berlin", 0, 19 * 60, false, true},
        {"2026-11-22T22:59:59Z", "2026-11-22", "Europe/Berlin", 0, 19 * 60, false, true},
        {"2026-11-22T20:00:00Z", "2026-11-22", "Europe/Berlin", 0, 19 * 60, true, false},
        {"2026-07-01T16:59:00Z", "2026-07-01", "Europe/Berlin", 0, 19 * 60, false, false},
        {"2026-07-01T17:00:00Z", "2026-07-01", "Europe/Berlin", 0, 19 * 60, false, true},
        // day_starts_at 04:00: at 01:30 on the 23rd it is still the 22nd's
        // day, whose 19:00 has passed; checkin_after 02:00 is in the small
        // hours after midnight, on the next calendar date.
        {"2026-11-23T00:30:00Z", "2026-11-22", "Europe/Berlin", 240, 19 * 60, false, true},
        {"2026-11-23T00:30:00Z", "2026-11-22", "Europe/Berlin", 240, 120, false, false},
        {"2026-11-23T01:00:00Z", "2026-11-22", "Europe/Berlin", 240, 120, false, true},
        {"2026-11-22T20:00:00Z", "2026-11-22", "Europe/Berlin", 240, 120, false, false},
        // checkin_after equal to day_starts_at: due from the start of the day.
        {"2026-11-22T03:00:00Z", "2026-11-22", "Europe/Berlin", 240, 240, false, true},
        // Spring forward in Berlin (2026-03-29, 02:00 -> 03:00): 02:30 does
        // not exist and is read as 03:00 CEST, 01:00Z.
        {"2026-03-29T00:59:59Z", "2026-03-29", "Europe/Berlin", 0, 150, false, false},
        {"2026-03-29T01:00:00Z", "2026-03-29", "Europe/Berlin", 0, 150, false, true},
        // Fall back (2026-10-25, 03:00 -> 02:00): 02:30 happens twice; the
        // first one (CEST, 00:30Z) counts.
        {"2026-10-25T00:29:59Z", "2026-10-25", "Europe/Berlin", 0, 150, false, false},
        {"2026-10-25T00:30:00Z", "2026-10-25", "Europe/Berlin", 0, 150, false, true},
        // On the DST day itself 19:00 is one hour closer to midnight in UTC.
        {"2026-03-29T16:59:00Z", "2026-03-29", "Europe/Berlin", 0, 19 * 60, false, false},
        {"2026-03-29T17:00:00Z", "2026-03-29", "Europe/Berlin", 0, 19 * 60, false, true},
        {"2026-11-22T23:59:00Z", "2026-11-22", "America/New_York", 0, 19 * 60, false, false},
        {"2026-11-23T00:00:00Z", "2026-11-22", "America/New_York", 0, 19 * 60, false, true},
    };
    for (const auto& r : rows) {
        CAPTURE(r.now, r.zone, r.day_start, r.after, r.checked_in);
        auto checked = r.checked_in ? dm::CheckedIn::yes : dm::CheckedIn::no;
        CHECK(dm::checkin_due(checked, utc(r.now), stored_day(r.today), find_zone(r.zone),
                              tu::Minutes(r.day_start), tu::Minutes(r.after)) == r.due);
    }
}

TEST_CASE("the window of a summary cadence", "[remind][unit]")
{
    struct Row {
        dm::Cadence cadence;
        const char* today;
        const char* start;
    };
    const Row rows[] = {
        {dm::Cadence::sunday, "2026-11-22", "2026-11-22"}, // a Sunday: today
        {dm::Cadence::sunday, "2026-11-21", "2026-11-15"}, // Saturday: six days back
        {dm::Cadence::sunday, "2026-11-23", "2026-11-22"}, // Monday
        {dm::Cadence::sunday, "2027-01-01", "2026-12-27"}, // across a year
        {dm::Cadence::week, "2026-11-22", "2026-11-16"},
        {dm::Cadence::week, "2026-03-03", "2026-02-25"},
        {dm::Cadence::month, "2026-11-22", "2026-10-23"},
        {dm::Cadence::month, "2026-03-31", "2026-03-01"}, // February has 28 days
        {dm::Cadence::month, "2026-03-29", "2026-03-01"},
        {dm::Cadence::month, "2026-03-28", "2026-03-01"},
        {dm::Cadence::month, "2026-03-27", "2026-02-28"},
        {dm::Cadence::month, "2028-03-30", "2028-03-01"}, // leap year: 02-29
        {dm::Cadence::month, "2028-03-29", "2028-03-01"},
        {dm::Cadence::month, "2026-01-15", "2025-12-16"}, // across a year
        {dm::Cadence::month, "2026-05-31", "2026-05-01"}, // April has 30 days
        {dm::Cadence::month, "2026-02-28", "2026-01-29"},
    };
    for (const auto& r : rows) {
        CAPTURE(dm::cadence_name(r.cadence), r.today);
        CHECK(tu::format_day(dm::cadence_window_start(r.cadence, stored_day(r.today))) == r.start);
    }
}

TEST_CASE("a summary is due when none was delivered in the cadence's window", "[remind][unit]")
{
    struct Row {
        dm::Cadence cadence;
        const char* last; // day of the last delivered summary, or none
        const char* added;
        const char* today;
        bool due;
    };
    const Row rows[] = {
        // Sunday: on the Sunday itself, until that day's summary goes.
        {dm::Cadence::sunday, "2026-11-15", "2026-01-01", "2026-11-22", true},
        {dm::Cadence::sunday, "2026-11-22", "2026-01-01", "2026-11-22", false},
        {dm::Cadence::sunday, "2026-11-15", "2026-01-01", "2026-11-21", false},
        {dm::Cadence::sunday, "2026-11-14", "2026-01-01", "2026-11-21", true},
        {dm::Cadence::sunday, nullptr, "2026-01-01", "2026-11-21", true},
        // Added this week: their first Sunday is the first time one is due.
        {dm::Cadence::sunday, nullptr, "2026-11-18", "2026-11-21", false},
        {dm::Cadence::sunday, nullptr, "2026-11-18", "2026-11-22", true},
        {dm::Cadence::sunday, nullptr, "2026-11-22", "2026-11-22", false},
        // Week: the last 7 days, today included.
        {dm::Cadence::week, "2026-11-16", "2026-01-01", "2026-11-22", false},
        {dm::Cadence::week, "2026-11-15", "2026-01-01", "2026-11-22", true},
        {dm::Cadence::week, nullptr, "2026-11-16", "2026-11-22", false},
        {dm::Cadence::week, nullptr, "2026-11-15", "2026-11-22", true},
        // Month: at month ends the window clamps.
        {dm::Cadence::month, "2026-02-28", "2026-01-01", "2026-03-27", false},
        {dm::Cadence::month, "2026-02-28", "2026-01-01", "2026-03-28", true},
        {dm::Cadence::month, "2026-03-01", "2026-01-01", "2026-03-31", false},
        {dm::Cadence::month, "2026-01-31", "2026-01-01", "2026-02-28", false},
        {dm::Cadence::month, "2026-01-28", "2026-01-01", "2026-02-28", true},
        {dm::Cadence::month, nullptr, "2026-10-23", "2026-11-22", false},
        {dm::Cadence::month, nullptr, "2026-10-22", "2026-11-22", true},
    };
    for (const auto& r : rows) {
        CAPTURE(dm::cadence_name(r.cadence), r.last ? r.last : "none", r.added, r.today);
        CHECK(dm::summary_due(r.cadence, day_or_none(r.last), stored_day(r.added),
                              stored_day(r.today)) == r.due);
    }
}

TEST_CASE("silent days count whole days without a check-in, today not yet", "[remind][unit]")
{
    auto today = stored_day("2026-11-22");
    auto added = stored_day("2026-01-01");
    CHECK(dm::silent_days(stored_day("2026-11-22"), added, today) == 0);
    CHECK(dm::silent_days(stored_day("2026-11-21"), added, today) == 0);
    CHECK(dm::silent_days(stored_day("2026-11-20"), added, today) == 1);
    CHECK(dm::silent_days(stored_day("2026-11-18"), added, today) == 3);
    // Counting starts when the partner was added.
    CHECK(dm::silent_days(stored_day("2026-10-01"), stored_day("2026-11-20"), today) == 1);
    CHECK(dm::silent_days(std::nullopt, stored_day("2026-11-18"), today) == 3);
    CHECK(dm::silent_days(std::nullopt, today, today) == 0);
}

TEST_CASE("an alert is due once per silence", "[remind][unit]")
{
    struct Row {
        int after;
        const char* added;
        const char* last_alerted;
        const char* last_checkin;
        const char* today;
        bool due;
    };
    const Row rows[] = {
        // Three whole days without a check-in (19, 20, 21): due on the 22nd.
        {3, "2026-01-01", nullptr, "2026-11-18", "2026-11-22", true},
        {3, "2026-01-01", nullptr, "2026-11-19", "2026-11-22", false},
        {1, "2026-01-01", nullptr, "2026-11-20", "2026-11-22", true},
        {1, "2026-01-01", nullptr, "2026-11-21", "2026-11-22", false},
        // Already alerted in this silence: not again, however long it lasts.
        {3, "2026-01-01", "2026-11-22", "2026-11-18", "2026-11-22", false},
        {3, "2026-01-01", "2026-11-22", "2026-11-18", "2026-12-30", false},
        // A check-in after the alert ended that silence; a new one is noticed.
        {3, "2026-01-01", "2026-11-22", "2026-11-23", "2026-11-26", false},
        {3, "2026-01-01", "2026-11-22", "2026-11-23", "2026-11-27", true},
        // A check-in on the day of the alert (after it) ends the silence too.
        {3, "2026-01-01", "2026-11-22", "2026-11-22", "2026-11-26", true},
        // An alert of an earlier silence does not count.
        {3, "2026-01-01", "2026-10-01", "2026-11-18", "2026-11-22", true},
        // No check-in ever: counted from the day the partner was added.
        {3, "2026-11-18", nullptr, nullptr, "2026-11-22", true},
        {3, "2026-11-19", nullptr, nullptr, "2026-11-22", false},
        {3, "2026-11-18", "2026-11-22", nullptr, "2026-11-30", false},
        // A silence that began before the partner was added counts from then.
        {3, "2026-11-20", nullptr, "2026-10-01", "2026-11-22", false},
        {3, "2026-11-20", nullptr, "2026-10-01", "2026-11-24", true},
    };
    for (const auto& r : rows) {
        CAPTURE(r.after, r.added, r.last_alerted ? r.last_alerted : "none",
                r.last_checkin ? r.last_checkin : "none", r.today);
        dm::AlertWatch watch{r.after, stored_day(r.added), day_or_none(r.last_alerted)};
        CHECK(dm::alert_due(watch, day_or_none(r.last_checkin), stored_day(r.today)) == r.due);
    }
}

TEST_CASE("remind's words are kind and plain", "[remind][unit]")
{
    std::vector<std::string> lines = {
        dm::checkin_reminder(),
        dm::summary_reminder("Sam", dm::Cadence::sunday, stored_day("2026-11-08")),
        dm::summary_reminder("Jo", dm::Cadence::month, std::nullopt),
        dm::goal_reminder(7, "Three meetings a week", "1 of 3 this week, behind: 2 more"),
        dm::milestone_reminder("30 days", "alcohol"),
        dm::alert_reminder("Sam", 4, true),
        dm::alert_reminder("Sam", 1, false),
    };
    CHECK(lines[0] == "No check-in yet today. When you have a moment: steady checkin");
    CHECK(lines[1] ==
          "Sam's Sunday summary is due (last sent 2026-11-08): steady share Sam --send");
    CHECK(lines[2] == "Jo's monthly summary is due (none sent yet): steady share Jo --send");
    // The command is copied from cron's mail: a name with a space is quoted.
    CHECK(dm::summary_reminder("Dr. Lee", dm::Cadence::month, std::nullopt) ==
          "Dr. Lee's monthly summary is due (none sent yet): steady share 'Dr. Lee' --send");
    CHECK(lines[3] ==
          "Goal #7 Three meetings a week could use some time: 1 of 3 this week, behind: 2 more");
    CHECK(lines[4] == "30 days without alcohol today. That is real.");
    CHECK(lines[5] == "Sent Sam a short note: no check-in for 4 days.");
    CHECK(lines[6] ==
          "Could not send Sam the note about 1 day without a check-in; remind tries again next "
          "time.");
    auto note = dm::alert_note(std::string("Alex"), "Sam", 4);
    auto anonymous = dm::alert_note(std::nullopt, "Sam", 1);
    CHECK(note.subject == "Alex has not checked in for 4 days");
    CHECK_THAT(note.body, Catch::Matchers::StartsWith("Hi Sam,\n\nAlex has not checked in"));
    CHECK(anonymous.subject == "Your partner has not checked in for 1 day");
    lines.push_back(note.subject);
    lines.push_back(note.body);
    lines.push_back(anonymous.body);
    for (const auto& line : lines) {
        CAPTURE(line);
        CHECK(line.find('!') == std::string::npos);
        CHECK(line.find("fail") == std::string::npos);
    }
}

TEST_CASE("the milestones that fall today, reached already or later today", "[remind][unit]")
{
    struct Row {
        const char* at; // UTC instant of the milestone
        const char* today;
        int day_start; // minutes
        bool today_expected;
    };
    // Europe/Berlin: UTC+1 in November, +2 from 2026-03-29 03:00.
    const Row rows[] = {
        {"2026-11-21T22:59:59Z", "2026-11-22", 0, false}, // 23:59:59 the day before
        {"2026-11-21T23:00:00Z", "2026-11-22", 0, true},  // exactly midnight
        {"2026-11-22T20:00:00Z", "2026-11-22", 0, true},  // 21:00, later today
        {"2026-11-22T22:59:59Z", "2026-11-22", 0, true},
        {"2026-11-22T23:00:00Z", "2026-11-22", 0, false}, // tomorrow
        // Days starting at 04:00: 02:00 on the next calendar date is still today.
        {"2026-11-23T01:00:00Z", "2026-11-22", 240, true},
        {"2026-11-23T03:00:00Z", "2026-11-22", 240, false},
        {"2026-11-22T02:59:59Z", "2026-11-22", 240, false},
        // The 23-hour day of the spring change.
        {"2026-03-28T23:00:00Z", "2026-03-29", 0, true},
        {"2026-03-29T21:59:59Z", "2026-03-29", 0, true},
        {"2026-03-29T22:00:00Z", "2026-03-29", 0, false},
    };
    const auto& berlin = find_zone("Europe/Berlin");
    for (const auto& r : rows) {
        CAPTURE(r.at, r.today, r.day_start);
        dm::MilestoneAt m{dm::Milestone{30, dm::MilestoneUnit::days}, utc(r.at)};
        dm::ClockStatus reached;
        reached.reached = {m};
        reached.next = {dm::Milestone{60, dm::MilestoneUnit::days}, utc("2027-01-01T00:00:00Z")};
        dm::ClockStatus upcoming;
        upcoming.next = m;
        for (const auto* status : {&reached, &upcoming}) {
            auto found = dm::milestones_today(*status, stored_day(r.today), berlin,
                                              tu::Minutes(r.day_start));
            REQUIRE(found.size() == (r.today_expected ? 1U : 0U));
            if (r.today_expected)
                CHECK(found.front().milestone.key() == "30d");
        }
    }
}
