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
