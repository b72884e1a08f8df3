#include <catch2/catch.hpp>

#include <string>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using steady::test::TestApp;

TEST_CASE("steady alone says today is not checked in yet", "[cli][dashboard]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("Sunday 22 November 2026"));
    CHECK_THAT(r.out, Contains("not checked in yet"));
    CHECK_THAT(r.out, !Contains("streak"));
    CHECK_FALSE(app.journal_exists());
    CHECK(std::filesystem::is_empty(app.dir()));
}

TEST_CASE("steady alone shows today's check-in and the streak", "[cli][dashboard][streak]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--date", "2026-11-20", "--mood", "5"}).exit_code == 0);
    REQUIRE(app.run({"checkin", "--date", "2026-11-21", "--mood", "6"}).exit_code == 0);

    SECTION("before today's check-in the streak still runs to yesterday")
    {
        auto r = app.run({});
        CHECK_THAT(r.out, Contains("not checked in yet"));
        CHECK_THAT(r.out, Contains("check-in streak: 2 days"));
    }
    SECTION("after it")
    {
        REQUIRE(app.run({"checkin", "--mood", "7", "--note", "calm"}).exit_code == 0);
        auto r = app.run({});
        CHECK_THAT(r.out, Contains("checked in: mood 7"));
        CHECK_THAT(r.out, Contains("calm"));
        CHECK_THAT(r.out, Contains("check-in streak: 3 days"));
    }
}

TEST_CASE("a gap ends the streak", "[cli][dashboard][streak]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--date", "2026-11-19", "--mood", "5"}).exit_code == 0);
    REQUIRE(app.run({"checkin", "--date", "2026-11-20", "--mood", "5"}).exit_code == 0);

    auto r = app.run({});

    CHECK_THAT(r.out, !Contains("streak"));
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    CHECK_THAT(app.run({}).out, Contains("check-in streak: 1 day\n"));
}

TEST_CASE("steady --json gives today at a glance", "[cli][dashboard][json]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto before = app.run({"--json"});
    CHECK_THAT(before.out, Contains(R"("today": "2026-11-22")"));
    CHECK_THAT(before.out, Contains(R"("checked_in": false)"));
    CHECK_THAT(before.out, Contains(R"("checkin": null)"));
    CHECK_THAT(before.out, Contains(R"("streak": 0)"));

    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    auto after = app.run({"--json"});
    CHECK_THAT(after.out, Contains(R"("checked_in": true)"));
    CHECK_THAT(after.out, Contains(R"("mood": 7)"));
    CHECK_THAT(after.out, Contains(R"("streak": 1)"));
}

TEST_CASE("today follows day_starts_at", "[cli][dashboard][time]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "day_starts_at = \"04:00\"\n"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    app.now = "2026-11-23T02:00";

    auto r = app.run({"--json"});

    CHECK_THAT(r.out, Contains(R"("today": "2026-11-22")"));
    CHECK_THAT(r.out, Contains(R"("checked_in": true)"));
}

TEST_CASE("without UTF-8 in the locale the dashboard uses ASCII", "[cli][dashboard]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    app.env["LANG"] = "C";

    auto r = app.run({});

    CHECK_THAT(r.out, Contains("+ checked in"));
    CHECK_THAT(r.out, !Contains("✓"));
}

TEST_CASE("steady alone shows each clock, its next milestone, and goals of the week",
          "[cli][dashboard][clock][goal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-08-24"}).exit_code == 0);
    REQUIRE(app.run({"goal", "add", "3 meetings a week", "--target", "3", "--per", "week",
                     "--tracks", "meetings"})
                .exit_code == 0);
    REQUIRE(app.run({"meeting", "Tuesday NA", "--at", "2026-11-17 19:00"}).exit_code == 0);

    auto r = app.run({});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("alcohol: 90 days 20 h · next: 6 months in 93 days"));
    CHECK_THAT(r.out, Contains("3 meetings a week: 1 of 3 this week"));

    auto json = app.run({"--json"});
    CHECK_THAT(json.out, Contains(R"("name": "alcohol")"));
    CHECK_THAT(json.out, Contains(R"("run_start": "2026-08-23T22:00:00Z")"));
    CHECK_THAT(json.out, Contains(R"("next_milestone": "6mo")"));
    CHECK_THAT(json.out, Contains(R"("title": "3 meetings a week")"));
    CHECK_THAT(json.out, Contains(R"("announcements": [])"));
}

TEST_CASE("the dashboard announces a milestone once, and the check-in after it does not",
          "[cli][dashboard][clock]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-11-16 08:00"}).exit_code == 0);
    app.now = "2026-11-23T09:00";
    auto before = app.snapshot();

    auto first = app.run({});
    auto second = app.run({});
    auto checkin = app.run({"checkin", "--mood", "6"});

    CHECK_THAT(first.out, Contains("7 days without alcohol today. That is real."));
    CHECK(app.count("SELECT count(*) FROM milestones_seen") >= 2);
    CHECK_THAT(second.out, !Contains("That is real"));
    CHECK_THAT(checkin.out, !Contains("That is real"));
    CHECK_THAT(checkin.out, Contains("alcohol: 7 days 1 h"));
    CHECK(before != app.snapshot());
}

TEST_CASE("a check-in prints the clocks and announces a milestone it crosses",
          "[cli][checkin][clock]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-11-21 21:00"}).exit_code == 0);
    app.now = "2026-11-22T21:30";

    auto r = app.run({"checkin", "--mood", "7"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("24 hours without alcohol today. That is real."));
    CHECK_THAT(r.out, Contains("alcohol: 1 day · next: 7 days in 6 days"));
    auto json = app.run({"checkin", "--amend", "--mood", "8", "--json"});
    CHECK_THAT(json.out, Contains(R"("clocks": [)"));
    CHECK_THAT(json.out, Contains(R"("announcements": [])"));
}

TEST_CASE("without clocks or goals the JSON has empty lists", "[cli][dashboard][json]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    auto r = app.run({"--json"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains(R"("clocks": [])"));
    CHECK_THAT(r.out, Contains(R"("goals": [])"));
}
