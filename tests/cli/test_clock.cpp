#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using steady::test::occurrences;
using steady::test::TestApp;

namespace {

// Adds clock 'alcohol', started 2026-08-24 at 12.50 a day.
void add_priced_alcohol(TestApp& app)
{
    auto r =
        app.run({"clock", "add", "alcohol", "--since", "2026-08-24", "--cost-per-day", "12.50"});
    REQUIRE(r.exit_code == 0);
}

} // namespace

TEST_CASE("a clock started in the past says where it stands", "[cli][clock]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", std::string("currency = \"EUR\"\n")};

    auto added =
        app.run({"clock", "add", "alcohol", "--since", "2026-08-24", "--cost-per-day", "12.50"});

    REQUIRE(added.exit_code == 0);
    CHECK(added.err.empty());
    CHECK_THAT(added.out,
               Contains("Started clock 'alcohol' at 2026-08-24 00:00 (90 days 20 h ago)."));
    CHECK_THAT(added.out, Contains("You're at 90 days."));
    CHECK(app.query("SELECT started_at || ' ' || tz || ' ' || cost_per_day_cents FROM clocks") ==
          "2026-08-23T22:00:00Z Europe/Berlin 1250");
    CHECK(app.count("SELECT count(*) FROM milestones_seen") == 5);

    auto shown = app.run({"clock"});

    REQUIRE(shown.exit_code == 0);
    // 90 days 20 h on the wall clock: the night summer time ended was a
    // night, not a night and an hour (the 7-day milestone counts it so too).
    CHECK_THAT(shown.out, Contains("alcohol  90 days 20 h"));
    CHECK_THAT(shown.out, Contains("longest 90 days 20 h"));
    CHECK_THAT(shown.out, Contains("91 of 91 days clean (100%)"));
    CHECK_THAT(shown.out, Contains("91 of 91 days clean (100%) · €1,135.42 saved\n"));
    CHECK_THAT(shown.out, Contains("next: 6 months in 93 days"));
    CHECK_THAT(shown.out, Contains("no lapses"));
    CHECK_THAT(shown.out, !Contains("That is real"));
    CHECK(app.run({"clock", "list"}).out == shown.out);
}

TEST_CASE("clock --json has every figure", "[cli][clock]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_priced_alcohol(app);
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "2026-11-01 22:10", "--note", "wedding"})
                .exit_code == 0);

    auto r = app.run({"clock", "--json"});

    REQUIRE(r.exit_code == 0);
    for (const char* part : {
             R"("name": "alcohol")",
             R"("started_at": "2026-08-23T22:00:00Z")",
             R"("tz": "Europe/Berlin")",
             R"("cost_per_day_cents": 1250)",
             R"("currency": null)",
             R"("start": "2026-11-01T21:10:00Z")",
             R"("end": "2026-11-01T21:10:00Z")",
             R"("minutes": 30110)",
             R"("days_since_start": 91)",
             R"("days": 20)",
             R"("clean_days": 90)",
             R"("clean_percent": 98)",
             R"("saved": 1135.42)",
             R"("saved_this_run": 261.37)",
             R"("what": null)",
             R"("note": "wedding")",
             R"("day": "2026-11-01")",
             R"("milestone": "7d")",
             R"("label": "30 days")",
             R"("next_milestone": {)",
             R"("announcements": [)",
         }) {
        CAPTURE(part);
        CHECK_THAT(r.out, Contains(part));
    }
    CHECK_THAT(r.out, Contains(R"("minutes": 100690)")); // 69 days 22 h 10 min
    CHECK_THAT(r.out, Contains(R"("next_milestone": {
        "milestone": "30d",
        "label": "30 days",
        "at": "2026-12-01T21:10:00Z")"));
}

TEST_CASE("money saved counts every clean day, in the currency of the config", "[cli][clock]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", std::string("currency = \"EUR\"\n")};
    add_priced_alcohol(app); // 12.50 a day since 2026-08-24 00:00
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "2026-10-24 00:00"}).exit_code == 0);
    app.now = "2026-11-23T00:00";

    auto shown = app.run({"clock"});

    REQUIRE(shown.exit_code == 0);
    // 61 days before the lapse and 30 after it: both count in all.
    CHECK_THAT(shown.out, Contains("saved €375.00 this run, €1,137.50 in all"));
    auto dashboard = app.run({});
    CHECK_THAT(dashboard.out, Contains("alcohol: 30 days · next: 60 days in 30 days · saved "
                                       "€375.00 this run, €1,137.50 in all"));

    auto json = app.run({"clock", "--json"}).out;
    CHECK_THAT(json, Contains(R"("currency": "EUR")"));
    CHECK_THAT(json, Contains(R"("saved": 1137.5,)"));
    CHECK_THAT(json, Contains(R"("saved_this_run": 375,)"));
    auto glance = app.run({"--json"}).out;
    CHECK_THAT(glance, Contains(R"("currency": "EUR",
      "saved": 1137.5,
      "saved_this_run": 375
    })"));

    SECTION("without UTF-8 the symbol gives way to the code")
    {
        app.env["LANG"] = "C";
        CHECK_THAT(app.run({"clock"}).out,
                   Contains("saved 375.00 EUR this run, 1,137.50 EUR in all"));
    }
    SECTION("a currency without a leading symbol follows the number")
    {
        app.write_config("currency = \"CHF\"\n");
        CHECK_THAT(app.run({"clock"}).out,
                   Contains("saved 375.00 CHF this run, 1,137.50 CHF in all"));
    }
}

TEST_CASE("a quiet command leaves a milestone for the next one to announce", "[cli][clock]")
{
    TestApp app{"2026-11-23T20:05", "Europe/Berlin"};
    REQUIRE(app.run({"clock", "add", "sugar", "--since", "2026-11-16 20:10"}).exit_code == 0);
    app.now = "2026-11-23T20:11";

    auto quiet = app.run({"-q", "checkin", "--mood", "5"});
    auto quiet_clock = app.run({"-q", "clock"});
    auto spoken = app.run({"clock"});

    CHECK(quiet.exit_code == 0);
    CHECK(quiet.out.empty());
    CHECK_THAT(quiet_clock.out, !Contains("That is real"));
    CHECK_THAT(spoken.out, Contains("7 days without sugar today. That is real."));
    CHECK_THAT(app.run({"clock"}).out, !Contains("That is real"));
}

TEST_CASE("a milestone is announced once, by the command that sees it", "[cli][clock]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-11-16 20:00"}).exit_code == 0);
    CHECK_THAT(app.run({"clock"}).out, !Contains("That is real"));

    app.now = "2026-11-23T20:05";
    auto first = app.run({"clock"});
    auto again = app.run({"clock"});

    CHECK_THAT(first.out, Contains("7 days without alcohol today. That is real."));
    CHECK(occurrences(first.out, "That is real") == 1);
    CHECK_THAT(again.out, !Contains("That is real"));

    SECTION("a milestone observed late names its day")
    {
        app.now = "2026-12-20T09:00";
        auto late = app.run({"clock", "--json"});
        CHECK_THAT(late.out,
                   Contains("30 days without alcohol, reached on 2026-12-16. That is real."));
        CHECK(app.run({"clock", "--json"}).out.find("That is real") == std::string::npos);
    }
    SECTION("a new run earns its milestones again")
    {
        REQUIRE(app.run({"clock", "reset", "alcohol"}).exit_code == 0);
        app.now = "2026-11-24T20:06";
        CHECK_THAT(app.run({"clock"}).out, Contains("24 hours without alcohol today."));
    }
}

TEST_CASE("a reset is a lapse entry and the days before still count", "[cli][clock]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_priced_alcohol(app);

    auto r = app.run({"clock", "reset", "alcohol", "--note", "wedding, stayed 2 h too long"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Clock 'alcohol' restarted. You had 90 days 20 h"));
    CHECK_THAT(r.out, Contains("they still count."));
    CHECK(app.query("SELECT kind || ' ' || clock_id || ' ' || note || ' ' || day FROM entries") ==
          "lapse 1 wedding, stayed 2 h too long 2026-11-22");
    CHECK_THAT(app.run({"list", "--kind", "lapse"}).out, Contains("clock alcohol · “wedding"));
    auto shown_lapse = app.run({"show", "1"}).out;
    CHECK_THAT(shown_lapse, Contains("clock      alcohol (#1)\n"));
    CHECK_THAT(shown_lapse, !Contains("clock_id"));
    // JSON keeps the id, as SPEC §6 names the field.
    CHECK_THAT(app.run({"show", "1", "--json"}).out, Contains("\"clock_id\": 1"));

    app.now = "2026-11-23T08:00";
    auto shown = app.run({"clock"});
    CHECK_THAT(shown.out, Contains("alcohol  12 h 0 min"));
    CHECK_THAT(shown.out, Contains("longest 90 days 20 h"));
    CHECK_THAT(shown.out, Contains("91 of 92 days clean (98%)"));
    CHECK_THAT(shown.out, Contains("saved 6.25 this run, 1,141.67 in all"));
    CHECK_THAT(shown.out, Contains("next: 24 hours in 12 h 0 min"));
    CHECK_THAT(shown.out, Contains("1 lapse"));
    CHECK_THAT(shown.out, Contains("wedding, stayed 2 h too long"));
}

TEST_CASE("clock add --json and a reset by any case of the name", "[cli][clock]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto added = app.run({"clock", "add", "Alcohol", "--since", "2026-11-10 08:00", "--json"});

    REQUIRE(added.exit_code == 0);
    CHECK_THAT(added.out, Contains(R"("name": "Alcohol")"));
    CHECK_THAT(added.out, Contains(R"("cost_per_day_cents": null)"));
    CHECK_THAT(added.out, Contains(R"("saved": null)"));
    CHECK_THAT(added.out, Contains(R"("saved_this_run": null)"));
    CHECK_THAT(added.out, Contains(R"("You're at 7 days.")"));

    auto reset = app.run({"clock", "reset", "ALCOHOL", "--json"});

    REQUIRE(reset.exit_code == 0);
    CHECK_THAT(reset.out, Contains(R"("clock": "Alcohol")"));
    CHECK_THAT(reset.out, Contains(R"("kind": "lapse")"));
    CHECK_THAT(reset.out, Contains(R"("clock_id": 1)"));
    CHECK_THAT(reset.out, Contains(R"("minutes": 18000)"));
}

TEST_CASE("undo takes back a reset, then the clock", "[cli][clock][undo]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_priced_alcohol(app);
    auto before_reset = app.run({"clock", "--json"}).out;
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "yesterday 22:10"}).exit_code == 0);

    auto undone = app.run({"undo"});

    REQUIRE(undone.exit_code == 0);
    CHECK_THAT(undone.out, Contains("Undone: added lapse #1 of 2026-11-21."));
    CHECK(app.count("SELECT count(*) FROM entries") == 0);
    CHECK(app.run({"clock", "--json"}).out == before_reset);

    auto clock_gone = app.run({"undo"});

    REQUIRE(clock_gone.exit_code == 0);
    CHECK_THAT(clock_gone.out, Contains("Undone: added clock 'alcohol'."));
    CHECK(app.count("SELECT count(*) FROM clocks") == 0);
    CHECK(app.count("SELECT count(*) FROM milestones_seen") == 0);
    CHECK_THAT(app.run({"clock"}).out, Contains("No clocks yet."));
}

TEST_CASE("a clock may start up to a minute ahead, and a day starts at its start", "[cli][clock]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", std::string("day_starts_at = \"04:00\"\n")};
    REQUIRE(app.run({"clock", "add", "soon", "--since", "2026-11-22 20:01"}).exit_code == 0);
    REQUIRE(app.run({"clock", "add", "today", "--since", "today"}).exit_code == 0);
    REQUIRE(app.run({"clock", "add", "free", "--cost-per-day", "0"}).exit_code == 0);
    CHECK(app.query("SELECT started_at FROM clocks WHERE name = 'today'") ==
          "2026-11-22T03:00:00Z");
    CHECK(app.query("SELECT started_at FROM clocks WHERE name = 'free'") == "2026-11-22T19:00:00Z");
    CHECK_THAT(app.run({"clock"}).out, Contains("0.00 saved"));
}

TEST_CASE("bad clock input is refused and the journal does not change", "[cli][clock][errors]")
{
    struct Row {
        std::vector<std::string> args;
        int code;
        std::string message;
    };
    auto row = GENERATE(values<Row>({
        {{"clock", "add", "ALCOHOL"}, 65, "a clock named 'alcohol' already exists"},
        {{"clock", "add", " alcohol "}, 65, "a clock named 'alcohol' already exists"},
        {{"clock", "reset", "smoking"}, 65, "no clock named 'smoking' (clocks: alcohol)"},
        {{"clock", "add", "smoking", "--since", "2026-11-23"}, 64, "'2026-11-23' is in the future"},
        {{"clock", "add", "smoking", "--since", "2026-11-22 20:02"}, 64, "is in the future"},
        {{"clock", "add", "smoking", "--since", "2026-02-30"}, 64, "'2026-02-30' is not a date"},
        {{"clock", "reset", "alcohol", "--at", "2026-08-01"},
         64,
         "clock 'alcohol' started at 2026-08-24 00:00; a reset cannot come before that"},
        {{"clock", "reset", "alcohol", "--at", "2026-11-23"}, 64, "'2026-11-23' is in the future"},
        {{"clock", "reset", "alcohol", "--at", "2026-11-22 20:05"}, 64, "is in the future"},
        {{"clock", "add", "smoking", "--cost-per-day", "abc"}, 64, "--cost-per-day must be"},
        {{"clock", "add", "smoking", "--cost-per-day=-5"}, 64, "(got '-5')"},
        {{"clock", "add", "smoking", "--cost-per-day", "12.505"}, 64, "(got '12.505')"},
        {{"clock", "add", "smoking", "--cost-per-day", "1e3"}, 64, "(got '1e3')"},
        {{"clock", "add", "smoking", "--cost-per-day", ""}, 64, "(got '')"},
        {{"clock", "add", "smoking", "--cost-per-day", "2000000"}, 64, "from 0 to 1000000"},
        {{"clock", "add", ""}, 64, "a clock needs a name"},
        {{"clock", "add", "  "}, 64, "a clock needs a name"},
        {{"clock", "add"}, 64, "is required"},
        {{"clock", "reset"}, 64, "is required"},
        {{"clock", "stop", "alcohol"}, 64, "stop"},
    }));
    CAPTURE(row.args);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_priced_alcohol(app);
    auto before = app.snapshot();

    auto r = app.run(row.args);

    CHECK_REFUSED(r, row.code, row.message);
    CHECK(app.snapshot() == before);
}

TEST_CASE("a reset must come after the last one", "[cli][clock][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_priced_alcohol(app);
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "2026-11-20 21:00"}).exit_code == 0);
    auto before = app.snapshot();

    for (const char* at : {"2026-11-20 21:00", "2026-11-19"}) {
        auto r = app.run({"clock", "reset", "alcohol", "--at", at});
        CHECK_REFUSED(r, 64, "was last reset at 2026-11-20 21:00; a reset must come after that");
        CHECK(app.snapshot() == before);
    }
    CHECK(app.run({"clock", "reset", "alcohol", "--at", "2026-11-20 21:01"}).exit_code == 0);
}

TEST_CASE("a reset without a journal does not create one", "[cli][clock][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"clock", "reset", "alcohol"});

    CHECK_REFUSED(r, 65, "no clock named 'alcohol' (no clocks yet; 'steady clock add alcohol'");
    CHECK_FALSE(app.journal_exists());
    CHECK_THAT(app.run({"clock"}).out, Contains("No clocks yet."));
    CHECK_THAT(app.run({"clock", "--json"}).out, Contains(R"("clocks": [])"));
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("edit keeps a lapse after its clock's start", "[cli][clock][edit][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_priced_alcohol(app);
    REQUIRE(app.run({"clock", "add", "sugar", "--since", "2026-11-10"}).exit_code == 0);
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "2026-11-01 22:00"}).exit_code == 0);
    auto lapse = app.query("SELECT id FROM entries WHERE kind = 'lapse'");
    auto before = app.snapshot();

    auto early = app.run({"edit", lapse, "--at", "2026-08-01"});
    auto moved = app.run({"edit", lapse, "--clock", "2"});

    CHECK(early.exit_code == 64);
    CHECK_THAT(early.err, Contains("clock 'alcohol' started at 2026-08-24 00:00; a lapse cannot "
                                   "come before that"));
    CHECK(moved.exit_code == 64);
    CHECK_THAT(moved.err, Contains("clock 'sugar' started at 2026-11-10 00:00"));
    CHECK(app.snapshot() == before);

    auto later = app.run({"edit", lapse, "--at", "2026-11-02 22:00"});
    CHECK(later.exit_code == 0);
    CHECK(app.query("SELECT day FROM entries WHERE kind = 'lapse'") == "2026-11-02");
}

TEST_CASE("edit --clock takes the clock's name or its id", "[cli][clock][edit]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_priced_alcohol(app);
    REQUIRE(app.run({"clock", "add", "sugar", "--since", "2026-08-01"}).exit_code == 0);
    REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "2026-11-01 22:00"}).exit_code == 0);
    auto lapse = app.query("SELECT id FROM entries WHERE kind = 'lapse'");
    auto clock_of_lapse = [&app] {
        return app.query("SELECT c.name FROM entries e JOIN clocks c ON c.id = e.clock_id "
                         "WHERE e.kind = 'lapse'");
    };

    CHECK(app.run({"edit", lapse, "--clock", "sugar"}).exit_code == 0);
    CHECK(clock_of_lapse() == "sugar");
    CHECK(app.run({"edit", lapse, "--clock", "#1"}).exit_code == 0);
    CHECK(clock_of_lapse() == "alcohol");
    auto renamed = app.run({"edit", lapse, "--clock", " sugar "});
    CHECK(renamed.exit_code == 0);
    CHECK_THAT(renamed.out, Contains("Updated lapse #" + lapse + ": clock sugar"));
    CHECK(clock_of_lapse() == "sugar");

    auto before = app.snapshot();
    CHECK_REFUSED(app.run({"edit", lapse, "--clock", "nicotine"}), 65,
                  "no clock named 'nicotine' (see 'steady clock')");
    CHECK_REFUSED(app.run({"edit", lapse, "--clock", "9"}), 65, "no clock #9");
    CHECK_REFUSED(app.run({"edit", lapse, "--clock", "#x"}), 65, "no clock named '#x'");
    CHECK_REFUSED(app.run({"edit", lapse, "--clock", ""}), 64, "--clock");
    CHECK(app.snapshot() == before);
}
