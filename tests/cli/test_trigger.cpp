#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using steady::test::TestApp;

TEST_CASE("a trigger is saved with what happened and how you coped", "[cli][trigger]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"trigger", "walked past my old bar", "--category", "places", "--intensity",
                      "6", "--coped", "kept walking, texted Sam"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "Logged trigger #1: walked past my old bar · category places · intensity 6 · "
                   "coped kept walking, texted Sam\n");
    CHECK(app.query("SELECT what || '|' || category || '|' || intensity || '|' || coped || '|' || "
                    "at || '|' || tz || '|' || day FROM triggers") ==
          "walked past my old bar|places|6|kept walking, texted Sam|2026-11-22T19:00:00Z|"
          "Europe/Berlin|2026-11-22");
}

TEST_CASE("a trigger takes any category, a note and tags", "[cli][trigger]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto halt = app.run({"trigger", "skipped lunch", "--category", "hungry"});
    auto own = app.run({"trigger", "payday", "--category", "money on my mind", "--note",
                        "first since June", "--tag", "work", "--tag", "#Money"});

    REQUIRE(halt.exit_code == 0);
    REQUIRE(own.exit_code == 0);
    CHECK(app.query("SELECT category FROM triggers WHERE id = 1") == "hungry");
    CHECK(app.query("SELECT category || '|' || note || '|' || tags FROM triggers WHERE id = 2") ==
          R"(money on my mind|first since June|["work","money"])");
    CHECK(app.query("SELECT intensity FROM triggers WHERE id = 1").empty());
}

TEST_CASE("trigger --json prints the saved entry", "[cli][trigger]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run(
        {"--json", "trigger", "argument at home", "--category", "people", "--intensity", "7"});

    REQUIRE(r.exit_code == 0);
    for (const char* part : {R"("id": 1)", R"("kind": "trigger")", R"("what": "argument at home")",
                             R"("category": "people")", R"("intensity": 7)", R"("coped": null)",
                             R"("at": "2026-11-22T19:00:00Z")"}) {
        CAPTURE(part);
        CHECK_THAT(r.out, Contains(part));
    }
    CHECK_THAT(r.out, !Contains("Logged"));
}

TEST_CASE("a trigger logged afterwards says when it happened", "[cli][trigger][time]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto late = app.run({"trigger", "old friend called", "--at", "yesterday 22:10"});
    auto day = app.run({"trigger", "bad news", "--at", "2026-11-20"});
    auto now = app.run({"trigger", "a song", "--at", "now"});
    auto edge = app.run({"trigger", "a smell", "--at", "20:01"});

    REQUIRE(late.exit_code == 0);
    CHECK_THAT(late.out, StartsWith("Logged trigger #1 for 2026-11-21 22:10: old friend called"));
    CHECK(app.query("SELECT at || ' ' || day FROM triggers WHERE id = 1") ==
          "2026-11-21T21:10:00Z 2026-11-21");
    REQUIRE(day.exit_code == 0);
    CHECK_THAT(day.out, StartsWith("Logged trigger #2 for 2026-11-20: bad news"));
    REQUIRE(now.exit_code == 0);
    CHECK_THAT(now.out, StartsWith("Logged trigger #3: a song"));
    REQUIRE(edge.exit_code == 0); // within the minute a clock may be off by
    CHECK_THAT(edge.out, StartsWith("Logged trigger #4 for 2026-11-22 20:01"));
}

TEST_CASE("bad trigger input is refused and the journal does not change", "[cli][trigger][errors]")
{
    struct Row {
        std::vector<std::string> args;
        int code;
        std::string message;
    };
    auto row = GENERATE(values<Row>({
        {{"trigger", "x", "--intensity", "0"},
         64,
         "--intensity must be a whole number from 1 to 10 (got '0')"},
        {{"trigger", "x", "--intensity", "11"},
         64,
         "--intensity must be a whole number from 1 to 10 (got '11')"},
        {{"trigger", "x", "--intensity", "high"}, 64, "(got 'high')"},
        {{"trigger", ""}, 64, "say what the trigger was"},
        {{"trigger", "   "}, 64, "say what the trigger was"},
        {{"trigger"}, 64, "WHAT is required"},
        {{"trigger", "x", "--at", "2026-11-22 20:02"}, 64, "'2026-11-22 20:02' is in the future"},
        {{"trigger", "x", "--at", "2026-11-23"}, 64, "'2026-11-23' is in the future"},
        {{"trigger", "x", "--at", "2026-02-30"}, 64, "'2026-02-30'"},
        {{"trigger", "x", "--outcome", "used"}, 64, "--outcome"},
        {{"trigger", "x", "--tag", "two words"}, 64, "'two words'"},
    }));
    CAPTURE(row.args);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"trigger", "walked past my old bar"}).exit_code == 0);
    auto before = app.snapshot();

    auto r = app.run(row.args);

    CHECK_REFUSED(r, row.code, row.message);
    CHECK(app.snapshot() == before);
}

TEST_CASE("a refused first trigger creates no journal", "[cli][trigger][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    CHECK_REFUSED(app.run({"trigger", ""}), 64, "say what the trigger was");
    CHECK_REFUSED(app.run({"trigger", "x", "--intensity", "11"}), 64, "--intensity");

    CHECK_FALSE(app.journal_exists());
}
