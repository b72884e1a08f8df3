#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using steady::test::add_alcohol;
using steady::test::occurrences;
using steady::test::TestApp;

TEST_CASE("a craving is saved with its trigger, strategies and outcome", "[cli][craving]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"trigger", "walked past my old bar"}).exit_code == 0);

    auto r = app.run({"craving", "--intensity", "8", "--duration", "20m", "--trigger", "1",
                      "--strategy", "walk", "--strategy", "called Sam", "--outcome", "resisted"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "Logged craving #2: intensity 8 · duration 20m · trigger #1 · strategies "
                   "walk, called Sam · outcome resisted\n");
    CHECK(app.query("SELECT intensity || '|' || duration || '|' || trigger_id || '|' || "
                    "strategies || '|' || outcome || '|' || at || '|' || day FROM cravings") ==
          R"(8|20|1|["walk","called Sam"]|resisted|2026-11-22T19:00:00Z|2026-11-22)");
}

TEST_CASE("a craving links its trigger by an id written the way list prints it", "[cli][craving]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"trigger", "payday"}).exit_code == 0);

    auto r = app.run({"craving", "--intensity", "6", "--trigger", "#1"});

    REQUIRE(r.exit_code == 0);
    CHECK(app.query("SELECT trigger_id FROM cravings") == "1");
}

TEST_CASE("urge is craving by another name, and --at says when", "[cli][craving][time]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"urge", "--intensity", "4", "--at", "yesterday 22:10"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "Logged craving #1 for 2026-11-21 22:10: intensity 4\n");
    CHECK(app.query("SELECT kind || ' ' || intensity || ' ' || at || ' ' || day FROM entries") ==
          "craving 4 2026-11-21T21:10:00Z 2026-11-21");
    CHECK(app.query("SELECT count(*) FROM cravings WHERE duration IS NULL AND outcome IS NULL AND "
                    "trigger_id IS NULL AND strategies IS NULL") == "1");
}

TEST_CASE("a duration is read as minutes, 20m or 1h30m", "[cli][craving]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    struct Row {
        std::string text;
        std::string minutes;
    };
    for (const auto& row : std::vector<Row>{
             {"20m", "20"}, {"1h30m", "90"}, {"90", "90"}, {"1m", "1"}, {"24h", "1440"}}) {
        CAPTURE(row.text);
        REQUIRE(app.run({"craving", "--intensity", "3", "--duration", row.text}).exit_code == 0);
        CHECK(app.query("SELECT duration FROM cravings ORDER BY id DESC LIMIT 1") == row.minutes);
    }
}

TEST_CASE("craving --json prints the saved entry", "[cli][craving]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"--json", "craving", "--intensity", "8", "--strategy", "walk", "--strategy",
                      "called Sam", "--outcome", "resisted"});

    REQUIRE(r.exit_code == 0);
    for (const char* part :
         {R"("kind": "craving")", R"("intensity": 8)", R"("duration": null)", R"("trigger": null)",
          R"("trigger_deleted": null)", R"("outcome": "resisted")",
          "\"strategies\": [\n    \"walk\",\n    \"called Sam\"\n  ]"}) {
        CAPTURE(part);
        CHECK_THAT(r.out, Contains(part));
    }
}

TEST_CASE("bad craving input is refused and the journal does not change", "[cli][craving][errors]")
{
    struct Row {
        std::vector<std::string> args;
        int code;
        std::string message;
    };
    auto row = GENERATE(values<Row>({
        {{"craving", "--intensity", "0"},
         64,
         "--intensity must be a whole number from 1 to 10 (got '0')"},
        {{"craving", "--intensity", "11"},
         64,
         "--intensity must be a whole number from 1 to 10 (got '11')"},
        {{"urge", "--intensity", "high"}, 64, "(got 'high')"},
        {{"craving"}, 64, "a craving needs --intensity"},
        {{"craving", "--duration", "20m"}, 64, "a craving needs --intensity"},
        {{"craving", "--intensity", "5", "--duration", "abc"}, 64, "'abc' is not a duration"},
        {{"craving", "--intensity", "5", "--duration=-5m"}, 64, "'-5m' is not a duration"},
        {{"craving", "--intensity", "5", "--duration", "25h"}, 64, "'25h' is out of range"},
        {{"craving", "--intensity", "5", "--outcome", "maybe"},
         64,
         "--outcome must be resisted or used (got 'maybe')"},
        {{"craving", "--intensity", "5", "--strategy", ""}, 64, "--strategy"},
        {{"craving", "--intensity", "5", "--at", "2026-11-22 20:02"},
         64,
         "'2026-11-22 20:02' is in the future"},
        {{"urge", "--intensity", "5", "--at", "2026-11-23 09:00"}, 64, "is in the future"},
        {{"craving", "--intensity", "5", "--trigger", "abc"}, 64, "--trigger must be an id"},
        {{"craving", "--intensity", "5", "--trigger", "#"}, 64, "--trigger must be an id"},
        {{"craving", "--intensity", "5", "--trigger", "##1"}, 64, "'##1'"},
        {{"craving", "--intensity", "5", "--trigger", "#-1"}, 64, "--trigger must be an id"},
        {{"craving", "--intensity", "5", "--trigger", "99"}, 65, "no trigger #99"},
        {{"craving", "--intensity", "5", "--trigger", "2"},
         65,
         "#2 is a meeting, not a trigger (see 'steady list --kind trigger')"},
        {{"craving", "--intensity", "5", "--trigger", "3"}, 65, "#3 is a craving, not a trigger"},
        {{"craving", "--intensity", "5", "--category", "places"}, 64, "--category"},
    }));
    CAPTURE(row.args);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"trigger", "walked past my old bar"}).exit_code == 0);
    REQUIRE(app.run({"meeting", "Tuesday NA"}).exit_code == 0);
    REQUIRE(app.run({"craving", "--intensity", "3"}).exit_code == 0);
    auto before = app.snapshot();

    auto r = app.run(row.args);

    CHECK_REFUSED(r, row.code, row.message);
    CHECK(app.snapshot() == before);
}

TEST_CASE("a craving cannot link to a deleted trigger, nor to one in no journal",
          "[cli][craving][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    CHECK_REFUSED(app.run({"craving", "--intensity", "5", "--trigger", "1"}), 65, "no trigger #1");
    CHECK_FALSE(app.journal_exists());

    REQUIRE(app.run({"trigger", "walked past my old bar"}).exit_code == 0);
    REQUIRE(app.run({"delete", "1", "--yes"}).exit_code == 0);
    auto before = app.snapshot();
    CHECK_REFUSED(app.run({"craving", "--intensity", "5", "--trigger", "1"}), 65, "no trigger #1");
    CHECK(app.snapshot() == before);
}

TEST_CASE("a craving that ended in use hints at a reset and resets nothing",
          "[cli][craving][lapse]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    SECTION("without clocks there is nothing to hint at")
    {
        auto r = app.run({"craving", "--intensity", "7", "--outcome", "used"});
        REQUIRE(r.exit_code == 0);
        CHECK(r.out == "Logged craving #1: intensity 7 · outcome used\n"
                       "Thank you for logging it honestly.\n");
    }
    SECTION("the hint names the clock")
    {
        add_alcohol(app);
        auto r = app.run({"craving", "--intensity", "7", "--outcome", "used"});
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK_THAT(r.out, Contains("Thank you for logging it honestly.\n"
                                   "If you want to restart a clock: steady clock reset alcohol\n"));
    }
    SECTION("logged afterwards, the hint resets at the craving's time")
    {
        add_alcohol(app);
        auto r =
            app.run({"urge", "--intensity", "7", "--outcome", "used", "--at", "yesterday 22:10"});
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("steady clock reset alcohol --at \"2026-11-21 22:10\"\n"));
    }
    SECTION("with several clocks the hint names them all")
    {
        add_alcohol(app);
        REQUIRE(app.run({"clock", "add", "nicotine", "--since", "2026-10-01"}).exit_code == 0);
        auto r = app.run({"craving", "--intensity", "7", "--outcome", "used"});
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("steady clock reset NAME (NAME is alcohol or nicotine)\n"));
    }
    SECTION("a clock name with a space is quoted for the shell")
    {
        REQUIRE(app.run({"clock", "add", "online poker", "--since", "2026-11-01"}).exit_code == 0);
        auto r = app.run({"craving", "--intensity", "7", "--outcome", "used"});
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("steady clock reset 'online poker'\n"));
    }
    SECTION("a clock started after the craving is not offered")
    {
        add_alcohol(app);
        auto r =
            app.run({"craving", "--intensity", "7", "--outcome", "used", "--at", "2026-08-01"});
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, !Contains("steady clock reset"));
    }
    SECTION("-q says nothing, --json prints only the entry")
    {
        add_alcohol(app);
        auto quiet = app.run({"-q", "craving", "--intensity", "7", "--outcome", "used"});
        auto json = app.run({"--json", "craving", "--intensity", "7", "--outcome", "used"});
        REQUIRE(quiet.exit_code == 0);
        CHECK(quiet.out.empty());
        REQUIRE(json.exit_code == 0);
        CHECK_THAT(json.out, StartsWith("{"));
        CHECK_THAT(json.out, !Contains("clock reset"));
    }
    SECTION("resisted needs no hint")
    {
        add_alcohol(app);
        auto r = app.run({"craving", "--intensity", "7", "--outcome", "resisted"});
        CHECK_THAT(r.out, !Contains("clock"));
    }
    CHECK(app.count("SELECT count(*) FROM entries WHERE kind = 'lapse'") == 0);
}

TEST_CASE("on a terminal a craving that ended in use asks whether to reset the clock",
          "[cli][craving][lapse][interactive]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_alcohol(app);
    app.in_tty = true;
    app.out_tty = true;

    SECTION("yes resets it at the craving's time, as clock reset --at does")
    {
        app.stdin_text = "y\n";
        auto r =
            app.run({"urge", "--intensity", "9", "--outcome", "used", "--at", "yesterday 22:10"});

        REQUIRE(r.exit_code == 0);
        CHECK(r.err == "Reset clock 'alcohol'? [y/N] ");
        CHECK_THAT(r.out, StartsWith("Logged craving #1 for 2026-11-21 22:10: intensity 9 · "
                                     "outcome used\nThank you for logging it honestly.\n"));
        CHECK_THAT(r.out, Contains("Clock 'alcohol' restarted. You had 89 days 22 h"));
        CHECK_THAT(r.out, Contains("Logged as lapse #2; 'steady undo' takes it back."));
        CHECK(app.query("SELECT kind || ' ' || clock_id || ' ' || at || ' ' || tz || ' ' || day "
                        "|| ' ' || coalesce(note, '-') FROM entries WHERE id = 2") ==
              "lapse 1 2026-11-21T21:10:00Z Europe/Berlin 2026-11-21 -");
        CHECK_THAT(app.run({"--json", "clock"}).out, Contains(R"("current_run": {
        "start": "2026-11-21T21:10:00Z")"));

        SECTION("undo takes the reset back and keeps the craving")
        {
            REQUIRE(app.run({"undo"}).exit_code == 0);
            CHECK(app.count("SELECT count(*) FROM entries WHERE kind = 'lapse' AND deleted IS "
                            "NULL") == 0);
            CHECK(app.count("SELECT count(*) FROM cravings") == 1);
        }
    }
    SECTION("no, Enter or the end of input keep the clock running")
    {
        app.stdin_text =
            GENERATE(std::string("n\n"), std::string("\n"), std::string("No\n"), std::string(""));
        auto r = app.run({"craving", "--intensity", "9", "--outcome", "used"});

        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("No clock was reset."));
        CHECK(app.count("SELECT count(*) FROM entries WHERE kind = 'lapse'") == 0);
        CHECK(app.count("SELECT count(*) FROM cravings WHERE outcome = 'used'") == 1);
    }
    SECTION("an answer that is not yes or no is asked again")
    {
        app.stdin_text = "maybe\nyes\n";
        auto r = app.run({"craving", "--intensity", "9", "--outcome", "used"});

        REQUIRE(r.exit_code == 0);
        CHECK(occurrences(r.err, "Reset clock 'alcohol'? [y/N] ") == 2);
        CHECK_THAT(r.err, Contains("answer y or n (got 'maybe')"));
        CHECK(app.count("SELECT count(*) FROM entries WHERE kind = 'lapse'") == 1);
    }
    SECTION("off a terminal for output, it hints instead of asking")
    {
        app.out_tty = false;
        app.stdin_text = "y\n";
        auto r = app.run({"craving", "--intensity", "9", "--outcome", "used"});

        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK_THAT(r.out, Contains("steady clock reset alcohol"));
        CHECK(app.count("SELECT count(*) FROM entries WHERE kind = 'lapse'") == 0);
    }
    SECTION("--json never asks")
    {
        app.stdin_text = "y\n";
        auto r = app.run({"--json", "craving", "--intensity", "9", "--outcome", "used"});

        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK(app.count("SELECT count(*) FROM entries WHERE kind = 'lapse'") == 0);
    }
    SECTION("a resisted craving asks nothing")
    {
        app.stdin_text = "y\n";
        auto r = app.run({"craving", "--intensity", "9", "--outcome", "resisted"});

        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        CHECK(app.count("SELECT count(*) FROM entries WHERE kind = 'lapse'") == 0);
    }
}

TEST_CASE("with several clocks the question takes their names",
          "[cli][craving][lapse][interactive]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_alcohol(app);
    REQUIRE(app.run({"clock", "add", "nicotine", "--since", "2026-10-01"}).exit_code == 0);
    app.in_tty = true;
    app.out_tty = true;
    auto lapsed = [&] {
        return app.query("SELECT group_concat(c.name, ',') FROM entries AS e JOIN clocks AS c ON "
                         "c.id = e.clock_id WHERE e.kind = 'lapse' ORDER BY e.id");
    };

    SECTION("one name resets that clock")
    {
        app.stdin_text = "Nicotine\n";
        auto r = app.run({"craving", "--intensity", "6", "--outcome", "used"});
        REQUIRE(r.exit_code == 0);
        CHECK(r.err == "Reset a clock? (alcohol, nicotine; Enter for none) ");
        CHECK_THAT(r.out, Contains("Clock 'nicotine' restarted."));
        CHECK(lapsed() == "nicotine");
    }
    SECTION("names separated by commas reset each")
    {
        app.stdin_text = "alcohol, nicotine\n";
        REQUIRE(app.run({"craving", "--intensity", "6", "--outcome", "used"}).exit_code == 0);
        CHECK(lapsed() == "alcohol,nicotine");
    }
    SECTION("an unknown name is asked again")
    {
        app.stdin_text = "beer\ny\n\n";
        auto r = app.run({"craving", "--intensity", "6", "--outcome", "used"});
        REQUIRE(r.exit_code == 0);
        CHECK(occurrences(r.err, "Reset a clock?") == 3);
        CHECK_THAT(r.err, Contains("answer alcohol or nicotine, or press Enter for none (got "
                                   "'beer')"));
        CHECK_THAT(r.out, Contains("No clock was reset."));
        CHECK(lapsed().empty());
        CHECK(app.count("SELECT count(*) FROM cravings") == 1);
    }
}
