#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using steady::test::TestApp;

namespace {

// Check-ins on Nov 16, 17, 19, 20 and 22 (Sunday; the tests' today), with
// mood 4, 5, 6, 7, 8 and craving 6, 5, 4, 3, 2.
void five_checkins(TestApp& app)
{
    const char* days[] = {"2026-11-16", "2026-11-17", "2026-11-19", "2026-11-20", "2026-11-22"};
    for (int i = 0; i < 5; ++i)
        REQUIRE(app.run({"checkin", "--date", days[i], "--mood", std::to_string(4 + i), "--craving",
                         std::to_string(6 - i)})
                    .exit_code == 0);
}

json report_json(TestApp& app, const std::vector<std::string>& args)
{
    auto r = app.run(args);
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.err.empty());
    return json::parse(r.out);
}

} // namespace

TEST_CASE("report shows the last 7 days by default, with the missed days named", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    five_checkins(app);

    auto r = app.run({"report"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("Report 2026-11-16 – 2026-11-22"));
    CHECK_THAT(r.out, Contains("5 of 7 days · missed Nov 18, Nov 21"));
    CHECK_THAT(r.out, Contains("streak 1 day · longest 2 days"));
    CHECK_THAT(r.out, Contains("average 6 (4–8)"));
    CHECK_THAT(r.out, Contains("Mood        ▃▄ ▅▆ ▆\n"));
}

TEST_CASE("summary is report, and the period may be positional or --period", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    five_checkins(app);

    auto report = app.run({"report", "2026-W47"});
    CHECK(app.run({"summary", "2026-W47"}).out == report.out);
    CHECK(app.run({"report", "--period", "2026-W47"}).out == report.out);
    CHECK_REFUSED(app.run({"report", "2026-W47", "--period", "this week"}), 64, "once");
}

TEST_CASE("report --json has every figure, the period and the missed days", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    five_checkins(app);
    REQUIRE(
        app.run({"checkin", "--date", "2026-11-10", "--mood", "3", "--craving", "8"}).exit_code ==
        0);

    auto j = report_json(app, {"--json", "report", "last 7 days"});

    CHECK(j["period"] == json{{"from", "2026-11-16"}, {"to", "2026-11-22"}});
    CHECK(j["checkins"]["done"] == 5);
    CHECK(j["checkins"]["days"] == 7);
    CHECK(j["checkins"]["missed"] == json{"2026-11-18", "2026-11-21"});
    CHECK(j["checkins"]["current_streak"] == 1);
    CHECK(j["checkins"]["longest_streak"] == 2);
    CHECK(j["mood"]["average"] == 6);
    CHECK(j["mood"]["min"] == 4);
    CHECK(j["mood"]["max"] == 8);
    CHECK(j["mood"]["previous"] == 3);
    CHECK(j["mood"]["change"] == 3);
    CHECK(j["mood"]["by_day"] == json{4, 5, nullptr, 6, 7, nullptr, 8});
    CHECK(j["craving"]["previous"] == 8);
    CHECK(j["energy"].is_null());
    CHECK(j["cravings"]["count"] == 0);
    CHECK(j["triggers"]["by_hour"].size() == 24);
    CHECK(j["insights"].is_array());
}

TEST_CASE("what worked ranks 9 of 10 above 1 of 1", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    for (int i = 0; i < 10; ++i)
        REQUIRE(app.run({"craving", "--intensity", "5", "--strategy", "walk", "--outcome",
                         i == 0 ? "used" : "resisted", "--at", "2026-11-2" + std::to_string(i % 3)})
                    .exit_code == 0);
    REQUIRE(app.run({"craving", "--intensity", "5", "--strategy", "tea", "--outcome", "resisted",
                     "--at", "2026-11-21"})
                .exit_code == 0);

    auto r = app.run({"report"});
    CHECK_THAT(r.out, Contains("Cravings    11: 10 resisted, 1 used"));
    auto walk = r.out.find("walk  9 of 10 resisted");
    auto tea = r.out.find("tea   1 of 1 resisted");
    REQUIRE(walk != std::string::npos);
    REQUIRE(tea != std::string::npos);
    CHECK(walk < tea);

    auto j = report_json(app, {"report", "--json"});
    CHECK(j["cravings"]["strategies"][0]["name"] == "walk");
    CHECK(j["cravings"]["strategies"][0]["resisted"] == 9);
    CHECK(j["cravings"]["strategies"][1]["name"] == "tea");
}

TEST_CASE("triggers by category, weekday and hour, with HALT called out", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(
        app.run({"trigger", "skipped lunch", "--category", "hungry", "--at", "2026-11-20 13:10"})
            .exit_code == 0);
    REQUIRE(app.run({"trigger", "empty flat", "--category", "lonely", "--at", "2026-11-20 21:30"})
                .exit_code == 0);
    REQUIRE(app.run({"trigger", "deadline", "--category", "stress", "--at", "2026-11-19 09:00"})
                .exit_code == 0);

    auto r = app.run({"report"});
    CHECK_THAT(r.out, Contains("Triggers    3"));
    CHECK_THAT(r.out, Contains("HALT: hungry 1, angry 0, lonely 1, tired 0"));

    auto j = report_json(app, {"report", "--json"});
    CHECK(j["triggers"]["count"] == 3);
    CHECK(j["triggers"]["halt"]["hungry"] == 1);
    CHECK(j["triggers"]["by_weekday"]["friday"] == 2);
    CHECK(j["triggers"]["by_weekday"]["thursday"] == 1);
    // Local hours in Berlin, not UTC.
    CHECK(j["triggers"]["by_hour"][13] == 1);
    CHECK(j["triggers"]["by_hour"][21] == 1);
    CHECK(j["triggers"]["by_hour"][9] == 1);
}

TEST_CASE("a trigger followed by a craving within 2 hours is counted", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    for (int day = 15; day <= 21; ++day) {
        auto d = "2026-11-" + std::to_string(day);
        REQUIRE(app.run({"trigger", "quiet evening", "--category", "lonely", "--at", d + " 19:00"})
                    .exit_code == 0);
        if (day != 21)
            REQUIRE(app.run({"craving", "--intensity", "6", "--at", d + " 20:30"}).exit_code == 0);
    }
    REQUIRE(app.run({"craving", "--intensity", "6", "--at", "2026-11-21 22:00"}).exit_code == 0);

    auto j = report_json(app, {"report", "--json", "2026-11-15..2026-11-21"});
    CHECK(j["triggers"]["by_category"][0]["followed_by_craving"] == 6);
    bool found = false;
    for (const auto& insight : j["insights"])
        if (insight["kind"] == "trigger_followed") {
            found = true;
            CHECK(insight["evidence"]["followed"] == 6);
            CHECK(insight["evidence"]["triggers"] == 7);
            CHECK(insight["text"] == "Of your triggers, 'lonely' was most often followed by a "
                                     "craving within 2 hours: 6 of 7 times.");
        }
    CHECK(found);
}

TEST_CASE("a period with nothing in it is a gentle report", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    SECTION("no journal yet: nothing is created")
    {
        auto r = app.run({"report"});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("Nothing logged in this period yet"));
        CHECK_FALSE(app.journal_exists());
        auto j = report_json(app, {"report", "--json"});
        CHECK(j["covered"].is_null());
        CHECK(j["checkins"]["done"] == 0);
        CHECK_FALSE(app.journal_exists());
    }
    SECTION("a period wholly in the future")
    {
        five_checkins(app);
        auto r = app.run({"report", "2027"});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("Report 2027-01-01 – 2027-12-31"));
        CHECK_THAT(r.out, Contains("has not begun yet"));
    }
    SECTION("a week before the journal began")
    {
        five_checkins(app);
        auto r = app.run({"report", "2026-W40"});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("Nothing was logged in this period."));
        CHECK_THAT(r.out, !Contains("missed"));
    }
}

TEST_CASE("report refuses a bad period and writes nothing", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    five_checkins(app);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"report", "fortnight"}), 64, "'fortnight' is not a period");
    CHECK_REFUSED(app.run({"report", "--period", "2026-11-20..2026-11-10"}), 64,
                  "ends before it starts");
    CHECK_REFUSED(app.run({"report", "this week", "extra"}), 64, "extra");
    CHECK(app.snapshot() == before);
}

TEST_CASE("report all covers the journal from its first entry", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    five_checkins(app);

    auto j = report_json(app, {"report", "--json", "--period", "all"});
    CHECK(j["period"]["from"] == "2026-11-16");
    CHECK(j["covered"]["days"] == 7);
    CHECK(app.run({"report", "all"}).out.find("Report 2026-11-16") != std::string::npos);
}

TEST_CASE("the config's share.default_period is report's default", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "[share]\ndefault_period = \"this month\"\n"};
    five_checkins(app);

    auto j = report_json(app, {"report", "--json"});
    CHECK(j["period"] == json{{"from", "2026-11-01"}, {"to", "2026-11-30"}});
    CHECK(j["covered"]["to"] == "2026-11-22");
}

TEST_CASE("a lapse is reported as a fact, with the clean days kept", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-10-01"}).exit_code == 0);
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "2026-11-18 22:00"}).exit_code == 0);

    auto r = app.run({"report"});
    CHECK_THAT(r.out, Contains("alcohol: 3 days 22 h now · reset Nov 18 (the clean days before "
                               "still count) · reached 24 hours"));
    CHECK_THAT(r.out, !Contains("fail"));
    auto j = report_json(app, {"report", "--json"});
    CHECK(j["clocks"][0]["lapses"] == json{"2026-11-18"});
    CHECK(j["clocks"][0]["milestones"] == json{"24 hours"});
}

TEST_CASE("milestones of two runs in one period say which run reached them", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-11-01 10:00"}).exit_code == 0);
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "2026-11-12 22:00"}).exit_code == 0);

    auto r = app.run({"report", "this month"});
    INFO(r.out);
    CHECK_THAT(r.out, Contains("reset Nov 12 (the clean days before still count) · reached "
                               "24 hours, 7 days; after the reset on Nov 12, 24 hours, 7 days"));
    for (const char* format : {"markdown", "html"}) {
        REQUIRE(app.run({"partner", "add", std::string("P") + format, "--email", "p@example.org"})
                    .exit_code == 0);
        auto share = app.run(
            {"share", std::string("P") + format, "--format", format, "--period", "this month"});
        INFO(share.out);
        CHECK_THAT(share.out, Contains("reached 24 hours, 7 days; after the reset on Nov 12, "
                                       "24 hours, 7 days"));
    }
    // The JSON keeps one list of labels, in order.
    auto j = report_json(app, {"report", "this month", "--json"});
    CHECK(j["clocks"][0]["milestones"] == json{"24 hours", "7 days", "24 hours", "7 days"});

    // Past four, the last one's run is named, in the shares as in the report.
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "2026-11-14 22:00"}).exit_code == 0);
    for (const char* format : {"text", "markdown", "html"}) {
        auto shared = app.run({"share", "Pmarkdown", "--format", format, "--period", "this month"});
        INFO(shared.out);
        CHECK_THAT(
            shared.out,
            Contains("reached 5 milestones, most recently 7 days (after the reset on Nov 14)"));
    }
}

TEST_CASE("a reset in another year than the last is named with its year", "[cli][report]")
{
    TestApp app{"2026-01-08T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2025-12-20 10:00"}).exit_code == 0);
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "2025-12-22 10:00"}).exit_code == 0);
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "2026-01-02 10:00"}).exit_code == 0);
    auto r = app.run({"report", "2025-12-20..2026-01-08"});
    INFO(r.out);
    CHECK_THAT(r.out, Contains("reset Dec 22 2025, Jan 2 (the clean days before still count) · "
                               "reached 24 hours; after the reset on Dec 22 2025, 24 hours, "
                               "7 days; after the reset on Jan 2, 24 hours"));
}

TEST_CASE("report without UTF-8 in the locale draws in ASCII", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    five_checkins(app);
    REQUIRE(app.run({"trigger", "deadline", "--category", "stress", "--at", "2026-11-19 09:00"})
                .exit_code == 0);
    app.env["LANG"] = "C";

    auto r = app.run({"report"});
    REQUIRE(r.exit_code == 0);
    for (unsigned char c : r.out)
        CHECK(c < 0x80);
    CHECK_THAT(r.out, Contains("Report 2026-11-16 to 2026-11-22"));
}

TEST_CASE("goals and meetings in a report", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"goal", "add", "3 meetings a week", "--target", "3", "--per", "week",
                     "--tracks", "meetings"})
                .exit_code == 0);
    REQUIRE(app.run({"meeting", "Harbour Street", "--type", "AA", "--at", "2026-11-17 19:00"})
                .exit_code == 0);
    REQUIRE(app.run({"meeting", "Dr. Lee", "--type", "therapy", "--at", "2026-11-19 10:00"})
                .exit_code == 0);

    auto r = app.run({"report"});
    CHECK_THAT(r.out, Contains("Meetings    2: AA 1, therapy 1"));
    CHECK_THAT(r.out, Contains("#1 3 meetings a week: 2 of 3 this week"));
    CHECK_THAT(r.out, Contains("2 in this period"));
    auto j = report_json(app, {"report", "--json"});
    CHECK(j["meetings"]["count"] == 2);
    CHECK(j["goals"][0]["in_period"] == 2);
}

TEST_CASE("a goal finished within the period is in the report", "[cli][report]")
{
    TestApp app{"2026-11-10T10:00", "Europe/Berlin"};
    REQUIRE(app.run({"goal", "add", "call mum"}).exit_code == 0);
    REQUIRE(app.run({"goal", "add", "clear the flat"}).exit_code == 0);
    REQUIRE(app.run({"goal", "add", "run a 10k"}).exit_code == 0);
    REQUIRE(app.run({"goal", "done", "2"}).exit_code == 0);
    REQUIRE(app.run({"goal", "archive", "3"}).exit_code == 0);
    app.now = "2026-11-18T09:00";
    REQUIRE(app.run({"checkin", "--date", "2026-11-16", "--mood", "6"}).exit_code == 0);
    REQUIRE(app.run({"goal", "done", "1"}).exit_code == 0);
    app.now = "2026-11-22T20:00";

    auto r = app.run({"report"});
    CHECK_THAT(r.out, Contains("  Goals       #1 call mum: done on Nov 18\n"));
    CHECK_THAT(r.out, !Contains("clear the flat")); // done the week before
    CHECK_THAT(r.out, !Contains("run a 10k"));      // put away, not finished
    auto j = report_json(app, {"report", "--json"});
    CHECK(j["goals"].empty());
    REQUIRE(j["goals_done"].size() == 1);
    CHECK(j["goals_done"][0]["id"] == 1);
    CHECK(j["goals_done"][0]["done_on"] == "2026-11-18");
    CHECK(j["goals_done"][0]["pace"] == "done");
    auto before = report_json(app, {"report", "2026-W46", "--json"});
    REQUIRE(before["goals_done"].size() == 1);
    CHECK(before["goals_done"][0]["title"] == "clear the flat");

    SECTION("undo of goal done makes it a goal in progress again")
    {
        REQUIRE(app.run({"undo"}).exit_code == 0);
        auto undone = report_json(app, {"report", "--json"});
        CHECK(undone["goals_done"].empty());
        REQUIRE(undone["goals"].size() == 1);
        CHECK(undone["goals"][0]["id"] == 1);
        CHECK_THAT(app.run({"report"}).out, Contains("#1 call mum: not done yet"));
    }
}

TEST_CASE("report all names only the milestones within the period it states", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-08-24"}).exit_code == 0);
    REQUIRE(app.run({"checkin", "--date", "2026-11-20", "--mood", "6"}).exit_code == 0);

    auto j = report_json(app, {"report", "all", "--json"});
    CHECK(j["period"]["from"] == "2026-11-20");
    // 24 hours .. 60 days fell before Nov 20; 90 days falls on Nov 22.
    CHECK(j["clocks"][0]["milestones"] == json{"90 days"});
}

TEST_CASE("a craving without an outcome is left out of what worked", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"craving", "--intensity", "4", "--strategy", "walk", "--outcome", "resisted",
                     "--at", "2026-11-20 10:00"})
                .exit_code == 0);
    REQUIRE(
        app.run({"craving", "--intensity", "4", "--strategy", "walk", "--at", "2026-11-20 12:00"})
            .exit_code == 0);
    REQUIRE(app.run({"craving", "--intensity", "4", "--strategy", "waiting", "--outcome", "used",
                     "--at", "2026-11-20 14:00"})
                .exit_code == 0);

    auto r = app.run({"report"});
    CHECK_THAT(r.out, Contains("walk  1 of 1 resisted"));
    CHECK_THAT(r.out, !Contains("waiting")); // never worked: not under "what worked"
    auto j = report_json(app, {"report", "--json"});
    CHECK(j["cravings"]["unrecorded"] == 1);
    CHECK(j["cravings"]["strategies"][0] ==
          json{{"name", "walk"}, {"used", 1}, {"resisted", 1}, {"score", 0.21}});
    CHECK(j["cravings"]["strategies"][1]["name"] == "waiting");
}

TEST_CASE("a report since a day to come has not begun", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    five_checkins(app);
    auto r = app.run({"report", "since 2030-01-01"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("has not begun yet"));
}

TEST_CASE("goals in report --json carry their figures as numbers", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"goal", "add", "3 meetings a week", "--target", "3", "--per", "week",
                     "--tracks", "meetings"})
                .exit_code == 0);
    REQUIRE(app.run({"meeting", "Harbour Street", "--at", "2026-11-17 19:00"}).exit_code == 0);

    auto goal = report_json(app, {"report", "--json"})["goals"][0];
    CHECK(goal["title"] == "3 meetings a week");
    CHECK(goal["aim"] == "3 a week");
    CHECK(goal["goal_period"] == json{{"from", "2026-11-16"}, {"to", "2026-11-22"}});
    CHECK(goal["progress"] == 1);
    CHECK(goal["remaining"] == 2);
    CHECK(goal["days_left"] == 1);
    CHECK(goal["pace"] == "open"); // added on its week's last day: only "how many to go"
    CHECK(goal["in_period"] == 1);
}

TEST_CASE("a once goal's days_left is null in report --json, as in goal list --json",
          "[cli][report][goal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"goal", "add", "call mum"}).exit_code == 0);
    REQUIRE(app.run({"goal", "log", "1"}).exit_code == 0);

    auto reported = report_json(app, {"report", "--json"})["goals"][0];
    auto listed = json::parse(app.run({"goal", "list", "--json"}).out)["goals"][0];
    CHECK(reported["days_left"].is_null());
    CHECK(listed["days_left"].is_null());
}

TEST_CASE("triggers by weekday follow week_starts", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "week_starts = \"sunday\"\n"};
    REQUIRE(app.run({"trigger", "deadline", "--at", "2026-11-19 09:00"}).exit_code == 0);

    auto r = app.run({"report"});
    auto sun = r.out.find("    Sun ");
    auto mon = r.out.find("    Mon ");
    REQUIRE(sun != std::string::npos);
    REQUIRE(mon != std::string::npos);
    CHECK(sun < mon);
    auto j = nlohmann::ordered_json::parse(app.run({"report", "--json"}).out);
    CHECK(j["triggers"]["by_weekday"].begin().key() == "sunday");
}

TEST_CASE("a long list of missed days says where to find them all", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    for (int day = 1; day <= 21; day += 2)
        REQUIRE(app.run({"checkin", "--date",
                         "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day),
                         "--mood", "5"})
                    .exit_code == 0);
    auto r = app.run({"report", "2026-11"});
    CHECK_THAT(r.out, Contains("and 2 more days (--json lists them all)"));
    CHECK(report_json(app, {"report", "2026-11", "--json"})["checkins"]["missed"].size() == 10);
}

TEST_CASE("missed days across a new year name the year on both ends", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    for (const char* day : {"2025-11-20", "2025-12-29", "2026-01-03", "2026-11-22"})
        REQUIRE(app.run({"checkin", "--date", day, "--mood", "5"}).exit_code == 0);
    auto r = app.run({"report", "2025-11-20..2026-11-22"});
    REQUIRE(r.exit_code == 0);
    // Nov 21 2025 to Dec 28 2025, Dec 30 2025 to Jan 2 2026, Jan 4 to Nov 21 2026.
    CHECK_THAT(r.out, Contains("missed Nov 21 2025–Dec 28 2025, Dec 30 2025–Jan 2 2026, "
                               "Jan 4–Nov 21"));
    // The same month of two years is not one month.
    TestApp two{"2026-11-22T20:00", "Europe/Berlin"};
    for (const char* day : {"2025-11-20", "2026-11-22"})
        REQUIRE(two.run({"checkin", "--date", day, "--mood", "5"}).exit_code == 0);
    CHECK_THAT(two.run({"report", "all"}).out, Contains("missed Nov 21 2025–Nov 21 2026"));
}

TEST_CASE("report all counts entries from before 1970 too", "[cli][report]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "6"}).exit_code == 0);
    REQUIRE(app.run({"trigger", "old", "--at", "1969-12-30 18:00"}).exit_code == 0);

    auto j = report_json(app, {"report", "all", "--json"});
    CHECK(j["period"]["from"] == "1969-12-30");
    CHECK(j["triggers"]["count"] == 1);
    CHECK(j["checkins"]["days"] == 20782);
    auto text = app.run({"report", "all"}).out;
    CHECK_THAT(text, Contains("Report 1969-12-30 – 2026-11-22\n"));
    CHECK_THAT(text, !Contains("figures for"));
}

TEST_CASE("a report of a period before a goal was added does not list it", "[cli][report][goal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"goal", "add", "read", "--target", "1", "--per", "day"}).exit_code == 0);
    REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);

    auto october = app.run({"report", "2026-10"});
    CHECK_THAT(october.out, Contains("Nothing was logged in this period."));
    CHECK_THAT(october.out, !Contains("read"));
    CHECK(report_json(app, {"report", "2026-10", "--json"})["goals"].empty());
    CHECK_THAT(app.run({"report", "2026-11"}).out, Contains("#1 read"));
}
