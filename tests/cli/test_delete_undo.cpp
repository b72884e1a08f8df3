#include <catch2/catch.hpp>

#include <string>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using steady::test::occurrences;
using steady::test::TestApp;

TEST_CASE("delete without --yes off a terminal is refused", "[cli][delete][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    auto before = app.snapshot();

    auto r = app.run({"delete", "1"});

    CHECK_REFUSED(r, 64, "--yes");
    CHECK_THAT(r.err, Contains("checkin #1 of 2026-11-22"));
    CHECK(app.snapshot() == before);
    CHECK(app.run({"show", "1"}).exit_code == 0);
}

TEST_CASE("delete --yes removes the entry and undo brings it back", "[cli][delete][undo]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7", "--note", "keep me", "--tag", "work"}).exit_code ==
            0);
    auto original = app.run({"show", "1", "--json"}).out;

    auto deleted = app.run({"delete", "1", "--yes"});

    REQUIRE(deleted.exit_code == 0);
    CHECK_THAT(deleted.out, Contains("Deleted checkin #1 of 2026-11-22"));
    CHECK_THAT(deleted.out, Contains("undo"));
    CHECK(app.run({"show", "1"}).exit_code == 65);
    CHECK_THAT(app.run({"list"}).out, Contains("Nothing here yet."));
    CHECK_THAT(app.run({}).out, Contains("not checked in yet"));

    auto undone = app.run({"undo"});

    REQUIRE(undone.exit_code == 0);
    CHECK_THAT(undone.out, Contains("Undone: deleted checkin #1 of 2026-11-22."));
    CHECK(app.run({"show", "1", "--json"}).out == original);
}

TEST_CASE("a deleted day's check-in can be made again", "[cli][delete]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    REQUIRE(app.run({"delete", "1", "-y"}).exit_code == 0);

    auto again = app.run({"checkin", "--mood", "4"});

    REQUIRE(again.exit_code == 0);
    CHECK_THAT(again.out, Contains("#2"));
}

TEST_CASE("on a terminal delete asks first", "[cli][delete]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    app.in_tty = true;

    SECTION("yes deletes")
    {
        app.stdin_text = "y\n";
        auto r = app.run({"delete", "1"});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.err, Contains("Delete checkin #1 of 2026-11-22?"));
        CHECK(app.count("SELECT count(*) FROM entries WHERE deleted IS NULL") == 0);
    }
    SECTION("anything else keeps it")
    {
        auto before = app.snapshot();
        app.stdin_text =
            GENERATE(std::string("n\n"), std::string("\n"), std::string(""), std::string("nope\n"));
        auto r = app.run({"delete", "1"});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("Kept checkin #1 of 2026-11-22."));
        CHECK(app.snapshot() == before);
    }
}

TEST_CASE("delete of an unknown or malformed id is refused", "[cli][delete][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"delete", "99", "--yes"}), 65, "no entry #99");
    CHECK_REFUSED(app.run({"delete", "abc", "--yes"}), 64, "'abc' is not an entry id");
    CHECK_REFUSED(app.run({"delete", "--yes"}), 64, "ID");
    CHECK(app.snapshot() == before);

    REQUIRE(app.run({"delete", "1", "--yes"}).exit_code == 0);
    auto after_delete = app.snapshot();
    CHECK_REFUSED(app.run({"delete", "1", "--yes"}), 65, "no entry #1");
    CHECK(app.snapshot() == after_delete);
}

TEST_CASE("delete on a missing journal creates nothing", "[cli][delete][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    CHECK_REFUSED(app.run({"delete", "1", "--yes"}), 65, "no entry #1");
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("undo reverses an add", "[cli][undo]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);

    auto r = app.run({"undo"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Undone: added checkin #1 of 2026-11-22."));
    CHECK(app.count("SELECT count(*) FROM entries") == 0);
    CHECK(app.run({"checkin", "--mood", "5"}).exit_code == 0);
}

TEST_CASE("undo reverses an edit, and an amend", "[cli][undo]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7", "--sleep", "6.5", "--note", "first"}).exit_code ==
            0);
    auto original = app.run({"show", "1", "--json"}).out;
    app.now = "2026-11-22T21:00";

    SECTION("edit")
    {
        REQUIRE(app.run({"edit", "1", "--mood", "3", "--note", "", "--tag", "x"}).exit_code == 0);
        CHECK_THAT(app.run({"undo"}).out, Contains("Undone: edited checkin #1 of 2026-11-22."));
    }
    SECTION("amend")
    {
        REQUIRE(app.run({"checkin", "--mood", "3", "--amend"}).exit_code == 0);
        CHECK_THAT(app.run({"undo"}).out, Contains("Undone: edited checkin #1"));
    }
    CHECK(app.run({"show", "1", "--json"}).out == original);
    CHECK(app.query("SELECT sleep FROM entries") == "6.5");
}

TEST_CASE("undo goes further back each time", "[cli][undo]")
{
    TestApp app{"2026-11-21T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "4"}).exit_code == 0);
    app.now = "2026-11-22T20:00";
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    REQUIRE(app.run({"edit", "2", "--mood", "8"}).exit_code == 0);
    REQUIRE(app.run({"delete", "1", "--yes"}).exit_code == 0);

    CHECK_THAT(app.run({"undo"}).out, Contains("deleted checkin #1 of 2026-11-21"));
    CHECK(app.query("SELECT mood FROM entries WHERE id = 1 AND deleted IS NULL") == "4");
    CHECK_THAT(app.run({"undo"}).out, Contains("edited checkin #2 of 2026-11-22"));
    CHECK(app.query("SELECT mood FROM entries WHERE id = 2") == "7");
    CHECK_THAT(app.run({"undo"}).out, Contains("added checkin #2 of 2026-11-22"));
    CHECK(app.count("SELECT count(*) FROM entries") == 1);
    CHECK_THAT(app.run({"undo"}).out, Contains("added checkin #1 of 2026-11-21"));
    CHECK(app.count("SELECT count(*) FROM entries") == 0);

    auto nothing = app.run({"undo"});
    CHECK(nothing.exit_code == 0);
    CHECK_THAT(nothing.out, Contains("Nothing to undo."));
}

TEST_CASE("undo after undo does not redo", "[cli][undo]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    REQUIRE(app.run({"edit", "1", "--mood", "2"}).exit_code == 0);
    REQUIRE(app.run({"undo"}).exit_code == 0);
    REQUIRE(app.run({"checkin", "--date", "yesterday", "--mood", "5"}).exit_code == 0);

    CHECK_THAT(app.run({"undo"}).out, Contains("added checkin #2 of 2026-11-21"));
    CHECK(app.query("SELECT mood FROM entries WHERE id = 1") == "7");
    CHECK_THAT(app.run({"undo"}).out, Contains("added checkin #1"));
}

TEST_CASE("undo --json says what was undone", "[cli][undo][json]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);

    CHECK_THAT(app.run({"--json", "undo"}).out,
               Contains(R"("undone": "added checkin #1 of 2026-11-22")"));
    CHECK_THAT(app.run({"--json", "undo"}).out, Contains(R"("undone": null)"));
}

TEST_CASE("undo on an empty journal has nothing to undo", "[cli][undo]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"undo"});

    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Nothing to undo."));
    CHECK(r.err.empty());
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("a failed command leaves nothing to undo", "[cli][undo][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    REQUIRE(app.run({"checkin", "--mood", "4"}).exit_code == 65);
    REQUIRE(app.run({"edit", "1", "--mood", "40"}).exit_code == 64);
    REQUIRE(app.run({"delete", "1"}).exit_code == 64);

    CHECK(occurrences(app.query("SELECT group_concat(action) FROM undo_log"), "add") == 1);
    CHECK(app.count("SELECT count(*) FROM undo_log") == 1);
    CHECK_THAT(app.run({"undo"}).out, Contains("added checkin #1"));
}

TEST_CASE("deleting a trigger does not lock the cravings linked to it", "[cli][delete][edit]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"trigger", "payday"}).exit_code == 0);
    REQUIRE(app.run({"craving", "--intensity", "3", "--trigger", "1"}).exit_code == 0);
    REQUIRE(app.run({"delete", "1", "--yes"}).exit_code == 0);

    auto edit = app.run({"edit", "2", "--intensity", "5"});

    CHECK(edit.exit_code == 0);
    CHECK(app.query("SELECT intensity || ' ' || trigger_id FROM entries WHERE id = 2") == "5 1");
    SECTION("a new link to the deleted trigger is refused")
    {
        REQUIRE(app.run({"craving", "--intensity", "4"}).exit_code == 0);
        auto before = app.snapshot();
        auto relink = app.run({"edit", "3", "--trigger", "1"});
        CHECK(relink.exit_code == 65);
        CHECK_THAT(relink.err, Contains("no trigger #1"));
        CHECK(app.snapshot() == before);
    }
}

TEST_CASE("a craving whose trigger was deleted says so, until undo brings it back",
          "[cli][delete][undo][list][show]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"trigger", "payday"}).exit_code == 0);
    REQUIRE(app.run({"craving", "--intensity", "3", "--trigger", "1"}).exit_code == 0);
    REQUIRE(app.run({"delete", "1", "--yes"}).exit_code == 0);

    auto listed = app.run({"list"});
    auto shown = app.run({"show", "2"});
    auto shown_json = app.run({"show", "2", "--json"});

    REQUIRE(listed.exit_code == 0);
    CHECK_THAT(listed.out, Contains("intensity 3 · trigger #1 (deleted)\n"));
    CHECK_THAT(listed.out, !Contains("payday"));
    REQUIRE(shown.exit_code == 0);
    CHECK_THAT(shown.out, Contains("  trigger    #1 (deleted)\n"));
    REQUIRE(shown_json.exit_code == 0);
    CHECK_THAT(shown_json.out, Contains("\"trigger\": null,\n  \"trigger_deleted\": 1,"));
    CHECK_THAT(app.run({"list", "--json"}).out, Contains("\"trigger_deleted\": 1,"));
    CHECK(app.query("SELECT trigger_id FROM cravings") == "1"); // the link itself stays

    SECTION("undo of the delete restores the plain reference")
    {
        REQUIRE(app.run({"undo"}).exit_code == 0);
        CHECK_THAT(app.run({"show", "2"}).out, Contains("  trigger    #1\n"));
        CHECK_THAT(app.run({"list"}).out, !Contains("(deleted)"));
        auto json = app.run({"show", "2", "--json"}).out;
        CHECK_THAT(json, Contains("\"trigger\": 1,\n  \"trigger_deleted\": null,"));
    }
    SECTION("an edit keeps saying so, until the craving links a live trigger")
    {
        auto kept = app.run({"edit", "2", "--intensity", "5"});
        CHECK_THAT(kept.out, Contains("intensity 5 · trigger #1 (deleted)"));
        CHECK_THAT(app.run({"edit", "2", "--intensity", "6", "--json"}).out,
                   Contains("\"trigger_deleted\": 1,"));
        REQUIRE(app.run({"trigger", "rent"}).exit_code == 0);
        auto relinked = app.run({"edit", "2", "--trigger", "3"});
        CHECK_THAT(relinked.out, Contains("trigger #3"));
        CHECK_THAT(relinked.out, !Contains("(deleted)"));
        CHECK_THAT(app.run({"show", "2", "--json"}).out,
                   Contains("\"trigger\": 3,\n  \"trigger_deleted\": null,"));
    }
}
