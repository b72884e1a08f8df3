#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using steady::test::TestApp;

namespace {

// A journal with check-in #1 (2026-11-21) and #2 (today, 2026-11-22).
void two_checkins(TestApp& app)
{
    REQUIRE(app.run({"checkin", "--date", "yesterday", "--mood", "4", "--craving", "6", "--note",
                     "hard one", "--tag", "work"})
                .exit_code == 0);
    REQUIRE(app.run({"checkin", "--mood", "7", "--sober", "yes", "--sleep", "7.5"}).exit_code == 0);
}

} // namespace

TEST_CASE("show prints one entry in full", "[cli][show]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_checkins(app);

    auto r = app.run({"show", "1"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("checkin #1"));
    CHECK_THAT(r.out, Contains("2026-11-21"));
    CHECK_THAT(r.out, Contains("hard one"));
    CHECK_THAT(r.out, Contains("work"));
    CHECK_THAT(r.out, Contains("Europe/Berlin"));
    CHECK_THAT(r.out, Contains(app.query("SELECT uuid FROM entries WHERE id = 1")));
    CHECK_THAT(app.run({"show", "#2"}).out, Contains("7.5"));
}

TEST_CASE("show --json gives the entry with every field of its kind", "[cli][show][json]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_checkins(app);

    auto r = app.run({"show", "2", "--json"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains(R"("id": 2)"));
    CHECK_THAT(r.out, Contains(R"("kind": "checkin")"));
    CHECK_THAT(r.out, Contains(R"("mood": 7)"));
    CHECK_THAT(r.out, Contains(R"("sober": true)"));
    CHECK_THAT(r.out, Contains(R"("sleep": 7.5)"));
    CHECK_THAT(r.out, Contains(R"("energy": null)"));
    CHECK_THAT(r.out, Contains(R"("gratitude": null)"));
    CHECK_THAT(r.out, Contains(R"("tags": [])"));
    CHECK_THAT(r.out, !Contains(R"("what")"));
}

TEST_CASE("show shows the time in the zone the entry was made in", "[cli][show][time]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
    app.tz = "America/New_York";

    auto r = app.run({"show", "1"});

    CHECK_THAT(r.out, Contains("2026-11-22 20:00 (Europe/Berlin)"));
}

TEST_CASE("show of an unknown or malformed id is refused", "[cli][show][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_checkins(app);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"show", "99"}), 65, "no entry #99");
    CHECK_REFUSED(app.run({"show", "abc"}), 64, "'abc' is not an entry id");
    CHECK_REFUSED(app.run({"show", "0"}), 64, "'0'");
    CHECK_REFUSED(app.run({"show", "-3"}), 64, "-3");
    CHECK_REFUSED(app.run({"show", "1x"}), 64, "'1x'");
    CHECK_REFUSED(app.run({"show"}), 64, "ID");
    CHECK(app.snapshot() == before);
}

TEST_CASE("show of a deleted entry is refused", "[cli][show][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_checkins(app);
    REQUIRE(app.run({"delete", "1", "--yes"}).exit_code == 0);

    CHECK_REFUSED(app.run({"show", "1"}), 65, "no entry #1");
}

TEST_CASE("show on a missing journal creates nothing", "[cli][show][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    CHECK_REFUSED(app.run({"show", "1"}), 65, "no entry #1");
    CHECK_FALSE(app.journal_exists());
    CHECK(std::filesystem::is_empty(app.dir()));
}

TEST_CASE("edit changes only the fields given", "[cli][edit]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_checkins(app);
    app.now = "2026-11-22T21:30";

    auto r = app.run({"edit", "1", "--mood", "6", "--note", "better than it felt"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Updated checkin #1"));
    CHECK_THAT(r.out, Contains("mood 6"));
    CHECK(app.query("SELECT mood FROM entries WHERE id = 1") == "6");
    CHECK(app.query("SELECT note FROM entries WHERE id = 1") == "better than it felt");
    CHECK(app.query("SELECT craving FROM entries WHERE id = 1") == "6");
    CHECK(app.query("SELECT tags FROM entries WHERE id = 1") == R"(["work"])");
    CHECK(app.query("SELECT day FROM entries WHERE id = 1") == "2026-11-21");
    CHECK(app.query("SELECT updated FROM entries WHERE id = 1") == "2026-11-22T20:30:00Z");
    CHECK(app.query("SELECT mood FROM entries WHERE id = 2") == "7");
}

TEST_CASE("edit with an empty value clears an optional field", "[cli][edit]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_checkins(app);

    REQUIRE(app.run({"edit", "1", "--note", "", "--craving", ""}).exit_code == 0);

    CHECK(app.query("SELECT note IS NULL FROM entries WHERE id = 1") == "1");
    CHECK(app.query("SELECT craving IS NULL FROM entries WHERE id = 1") == "1");
    CHECK(app.query("SELECT mood FROM entries WHERE id = 1") == "4");
}

TEST_CASE("edit --tag replaces the tags", "[cli][edit]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_checkins(app);

    REQUIRE(app.run({"edit", "1", "--tag", "family", "--tag", "Rest"}).exit_code == 0);

    CHECK(app.query("SELECT tags FROM entries WHERE id = 1") == R"(["family","rest"])");

    // One empty --tag empties the list; an empty one among others is refused.
    auto before = app.snapshot();
    CHECK_REFUSED(app.run({"edit", "1", "--tag", "x", "--tag", ""}), 64, "not a tag");
    CHECK(app.snapshot() == before);
    REQUIRE(app.run({"edit", "1", "--tag", ""}).exit_code == 0);
    CHECK(app.query("SELECT tags FROM entries WHERE id = 1") == "[]");
}

TEST_CASE("edit --strategy '' empties a craving's strategies", "[cli][edit]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"craving", "--intensity", "4", "--strategy", "walk"}).exit_code == 0);

    auto r = app.run({"edit", "1", "--strategy", ""});

    REQUIRE(r.exit_code == 0);
    CHECK(app.query("SELECT coalesce(strategies, 'null') FROM entries WHERE id = 1") == "null");
    CHECK_THAT(app.run({"show", "1", "--json"}).out, Contains(R"("strategies": [])"));
}

TEST_CASE("edit says a kind lacks a flag before looking at its value", "[cli][edit][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"meeting", "Tuesday NA"}).exit_code == 0);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"edit", "1", "--clock", "alcohol"}), 64, "a meeting has no --clock");
    CHECK_REFUSED(app.run({"edit", "1", "--mood", "11"}), 64, "a meeting has no --mood");
    CHECK_REFUSED(app.run({"edit", "1", "--strategy", "walk"}), 64, "a meeting has no --strategy");
    CHECK(app.snapshot() == before);
}

TEST_CASE("edit --date moves a check-in to a free day", "[cli][edit][time]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_checkins(app);

    REQUIRE(app.run({"edit", "1", "--date", "2026-11-19"}).exit_code == 0);

    CHECK(app.query("SELECT day FROM entries WHERE id = 1") == "2026-11-19");
    REQUIRE(app.run({"checkin", "--date", "yesterday", "--mood", "5"}).exit_code == 0);
}

TEST_CASE("edit --json gives the changed entry", "[cli][edit][json]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_checkins(app);

    auto r = app.run({"--json", "edit", "2", "--energy", "3"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains(R"("energy": 3)"));
    CHECK_THAT(r.out, Contains(R"("mood": 7)"));
}

TEST_CASE("edit validates like creation and changes nothing when refused", "[cli][edit][errors]")
{
    struct Row {
        std::vector<std::string> args;
        int code;
        std::string message;
    };
    auto row = GENERATE(values<Row>({
        {{"edit", "1", "--mood", "0"}, 64, "--mood must be a whole number from 1 to 10 (got '0')"},
        {{"edit", "1", "--mood", "11"}, 64, "(got '11')"},
        {{"edit", "1", "--mood", "high"}, 64, "(got 'high')"},
        {{"edit", "1", "--mood", ""}, 64, "--mood"},
        {{"edit", "1", "--craving", "-1"}, 64, "--craving"},
        {{"edit", "1", "--craving", "11"}, 64, "--craving"},
        {{"edit", "1", "--sober", "maybe"}, 64, "--sober must be yes or no"},
        {{"edit", "1", "--energy", "0"}, 64, "--energy"},
        {{"edit", "1", "--sleep", "25"}, 64, "--sleep"},
        {{"edit", "1", "--sleep", "-1"}, 64, "--sleep"},
        {{"edit", "1", "--sleep", "abc"}, 64, "(got 'abc')"},
        {{"edit", "1", "--tag", "a b"}, 64, "'a b'"},
        {{"edit", "1", "--what", "the pub"}, 64, "a checkin has no --what"},
        {{"edit", "1", "--intensity", "5"}, 64, "--intensity"},
        {{"edit", "1", "--outcome", "resisted"}, 64, "--outcome"},
        {{"edit", "1", "--strategy", "walk"}, 64, "--strategy"},
        {{"edit", "1", "--name", "AA"}, 64, "--name"},
        {{"edit", "1"}, 64, "nothing to change"},
        {{"edit", "1", "--date", "2026-11-23"}, 64, "future"},
        {{"edit", "1", "--date", "2026-02-30"}, 64, "'2026-02-30'"},
        {{"edit", "1", "--date", "today"},
         65,
         "already checked in for 2026-11-22 (#2); a day has one check-in: change #2 ('steady "
         "edit 2') or delete it first"},
        {{"edit", "99", "--mood", "5"}, 65, "no entry #99"},
        {{"edit", "abc", "--mood", "5"}, 64, "'abc' is not an entry id"},
        {{"edit", "1", "--bogus", "5"}, 64, "--bogus"},
    }));
    CAPTURE(row.args);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_checkins(app);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run(row.args), row.code, row.message);
    CHECK(app.snapshot() == before);
}

TEST_CASE("edit --trigger to an entry that is not a trigger says what it is", "[cli][edit][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"meeting", "Tuesday NA", "--type", "NA"}).exit_code == 0);
    REQUIRE(app.run({"craving", "--intensity", "3"}).exit_code == 0);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"craving", "--intensity", "3", "--trigger", "1"}), 65,
                  "#1 is a meeting, not a trigger");
    CHECK_REFUSED(app.run({"edit", "2", "--trigger", "1"}), 65, "#1 is a meeting, not a trigger");
    CHECK_REFUSED(app.run({"edit", "2", "--trigger", "9"}), 65, "no trigger #9");
    CHECK(app.snapshot() == before);
}

TEST_CASE("edit on a missing journal creates nothing", "[cli][edit][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    CHECK_REFUSED(app.run({"edit", "1", "--mood", "5"}), 65, "no entry #1");
    CHECK_FALSE(app.journal_exists());
}
