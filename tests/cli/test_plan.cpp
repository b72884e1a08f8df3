#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using steady::test::TestApp;

namespace {

const char* k_plan_now = "2026-11-22T20:00";

// The plan as --json lists it: "section/position text" a line.
std::string plan_lines(TestApp& app)
{
    auto r = app.run({"plan", "--json"});
    REQUIRE(r.exit_code == 0);
    std::string lines;
    auto parsed = json::parse(r.out);
    for (const auto& item : parsed.at("plan"))
        lines += item.at("section").get<std::string>() + "/" +
                 std::to_string(item.at("position").get<int>()) + " " +
                 item.at("text").get<std::string>() + "\n";
    return lines;
}

void add_sample_plan(TestApp& app)
{
    REQUIRE(app.run({"plan", "add", "reasons", "be there for my kids"}).exit_code == 0);
    REQUIRE(app.run({"plan", "add", "Warning signs", "skipping meals, isolating, 'just one'"})
                .exit_code == 0);
    REQUIRE(app.run({"plan", "add", "coping", "walk round the block, then call Sam"}).exit_code ==
            0);
    REQUIRE(app.run({"plan", "add", "COPING", "tea"}).exit_code == 0);
    REQUIRE(app.run({"plan", "add", "people", "Sam 0151 555 0101"}).exit_code == 0);
    REQUIRE(app.run({"plan", "add", "after-a-lapse",
                     "tell Sam the same day; it is one day, not the story"})
                .exit_code == 0);
}

// $EDITOR for `sh`: a script that writes `text` over the file it is given.
std::string editor_writing(const std::string& text)
{
    return "sh -c 'printf \"%s\" \"$0\" > \"$1\"' '" + text + "'";
}

} // namespace

TEST_CASE("an empty plan points to plan add, and writes nothing", "[cli][plan]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    auto r = app.run({"plan"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Your plan is empty"));
    CHECK_THAT(r.out, Contains("steady plan add reasons"));
    CHECK(json::parse(app.run({"plan", "--json"}).out).at("plan").empty());
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("plan shows the sections with items, in their order", "[cli][plan]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    add_sample_plan(app);
    auto r = app.run({"plan"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "Reasons\n  1. be there for my kids\n\n"
                   "Warning signs\n  1. skipping meals, isolating, 'just one'\n\n"
                   "Coping\n  1. walk round the block, then call Sam\n  2. tea\n\n"
                   "People\n  1. Sam 0151 555 0101\n\n"
                   "After a lapse\n  1. tell Sam the same day; it is one day, not the story\n");
    CHECK_THAT(r.out, !Contains("Triggers"));
    auto items = json::parse(app.run({"plan", "--json"}).out).at("plan");
    REQUIRE(items.size() == 6);
    CHECK(items[3].at("section") == "coping");
    CHECK(items[3].at("position") == 2);
    CHECK(items[3].at("text") == "tea");
    CHECK(items[3].at("created") == "2026-11-22T19:00:00Z");
}

TEST_CASE("plan add takes the words of the item unquoted too", "[cli][plan]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    auto r = app.run({"plan", "add", "coping", "walk", "round", "the", "block"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Added to coping (1): walk round the block"));
    CHECK(plan_lines(app) == "coping/1 walk round the block\n");
    auto j = app.run({"plan", "add", "coping", "tea", "--json"});
    CHECK(json::parse(j.out).at("added").at("position") == 2);
}

TEST_CASE("plan add refuses an unknown section or empty text", "[cli][plan][errors]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    REQUIRE(app.run({"plan", "add", "reasons", "kids"}).exit_code == 0);
    auto before = app.snapshot();

    auto unknown = app.run({"plan", "add", "hobbies", "golf"});
    CHECK_REFUSED(unknown, 64, "no plan section 'hobbies'");
    CHECK_THAT(unknown.err,
               Contains("reasons, warning-signs, triggers, coping, people, after-a-lapse"));
    CHECK_REFUSED(app.run({"plan", "add", "coping", ""}), 64, "needs some text");
    CHECK_REFUSED(app.run({"plan", "add", "coping", "  "}), 64, "needs some text");
    CHECK_REFUSED(app.run({"plan", "add", "coping", "two\nlines"}), 64, "one line");
    CHECK_REFUSED(app.run({"plan", "add", "coping"}), 64, "TEXT");
    CHECK(app.snapshot() == before);
}

TEST_CASE("plan remove takes item N out and renumbers the rest", "[cli][plan]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    for (const char* text : {"walk", "tea", "call Sam"})
        REQUIRE(app.run({"plan", "add", "coping", text}).exit_code == 0);
    auto r = app.run({"plan", "remove", "Coping", "2"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Removed from coping: tea"));
    CHECK(plan_lines(app) == "coping/1 walk\ncoping/2 call Sam\n");
    CHECK(app.count("SELECT count(*) FROM plan WHERE position = 2 AND text = 'call Sam'") == 1);
}

TEST_CASE("plan remove refuses a bad N, saying what there is", "[cli][plan][errors]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    CHECK_REFUSED(app.run({"plan", "remove", "coping", "1"}), 65, "coping has no items");
    CHECK_FALSE(app.journal_exists());
    REQUIRE(app.run({"plan", "add", "coping", "walk"}).exit_code == 0);
    REQUIRE(app.run({"plan", "add", "coping", "tea"}).exit_code == 0);
    auto before = app.snapshot();
    CHECK_REFUSED(app.run({"plan", "remove", "coping", "3"}), 65,
                  "no item 3 in coping: coping has 2 items, 1 to 2");
    CHECK_REFUSED(app.run({"plan", "remove", "reasons", "1"}), 65, "reasons has no items");
    CHECK_REFUSED(app.run({"plan", "remove", "coping", "0"}), 64, "got '0'");
    CHECK_REFUSED(app.run({"plan", "remove", "coping", "two"}), 64, "got 'two'");
    CHECK_REFUSED(app.run({"plan", "remove", "hobbies", "1"}), 64, "no plan section 'hobbies'");
    CHECK(app.snapshot() == before);
}

TEST_CASE("undo reverses plan add, remove and edit, one at a time", "[cli][plan][undo]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    REQUIRE(app.run({"plan", "add", "coping", "walk"}).exit_code == 0);
    REQUIRE(app.run({"plan", "add", "coping", "tea"}).exit_code == 0);
    REQUIRE(app.run({"plan", "add", "coping", "call Sam"}).exit_code == 0);
    auto three = plan_lines(app);
    REQUIRE(app.run({"plan", "remove", "coping", "1"}).exit_code == 0);
    auto two = plan_lines(app);
    app.env["EDITOR"] = editor_writing("# Reasons\n- kids\n# Coping\n- a bath\n");
    REQUIRE(app.run({"plan", "edit"}).exit_code == 0);
    CHECK(plan_lines(app) == "reasons/1 kids\ncoping/1 a bath\n");

    auto undone = app.run({"undo"});
    CHECK_THAT(undone.out, Contains("Undone: edited the plan."));
    CHECK(plan_lines(app) == two);
    CHECK_THAT(app.run({"undo"}).out, Contains("Undone: removed 'walk' from the plan's coping."));
    CHECK(plan_lines(app) == three);
    CHECK_THAT(app.run({"undo"}).out, Contains("Undone: added 'call Sam' to the plan's coping."));
    CHECK(plan_lines(app) == "coping/1 walk\ncoping/2 tea\n");
}

TEST_CASE("plan edit saves what the editor wrote", "[cli][plan][edit]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    add_sample_plan(app);
    auto ids = app.query("SELECT group_concat(id) FROM plan WHERE text = 'tea'");
    // The editor gets the plan as text, with the file as its last argument.
    app.env["EDITOR"] = "sh -c 'cp \"$1\" \"$0\"; printf \"%s\" \"# coping\n- tea\n- a bath\n"
                        "# People\n- Sam\" > \"$1\"' " +
                        (app.dir() / "seen.md").string();
    auto r = app.run({"plan", "edit"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Saved the plan (3 items)"));
    CHECK(steady::test::file_bytes(app.dir() / "seen.md")
              .rfind("# Reasons\n- be there for my kids\n\n# Warning signs\n", 0) == 0);
    CHECK(plan_lines(app) == "coping/1 tea\ncoping/2 a bath\npeople/1 Sam\n");
    // An item kept keeps its id.
    CHECK(app.query("SELECT group_concat(id) FROM plan WHERE text = 'tea'") == ids);
}

TEST_CASE("plan edit honours $VISUAL before $EDITOR", "[cli][plan][edit]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    app.env["VISUAL"] = editor_writing("# Reasons\n- from visual\n");
    app.env["EDITOR"] = "false";
    REQUIRE(app.run({"plan", "edit"}).exit_code == 0);
    CHECK(plan_lines(app) == "reasons/1 from visual\n");
}

TEST_CASE("plan edit changes nothing when the file was not saved or is empty", "[cli][plan][edit]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    add_sample_plan(app);
    auto before = app.snapshot();

    app.env["EDITOR"] = "true";
    auto unsaved = app.run({"plan", "edit"});
    CHECK(unsaved.exit_code == 0);
    CHECK_THAT(unsaved.out, Contains("Not saved: the plan is unchanged."));
    CHECK(app.snapshot() == before);

    app.env["EDITOR"] = "sh -c ': > \"$1\"' sh";
    auto empty = app.run({"plan", "edit"});
    CHECK(empty.exit_code == 0);
    CHECK_THAT(empty.out, Contains("The file was empty: the plan is unchanged."));
    CHECK(app.snapshot() == before);

    // Saved as it was: no change, and nothing for undo.
    app.env["EDITOR"] = "sh -c 'sleep 0.01; touch \"$1\"' sh";
    auto same = app.run({"plan", "edit"});
    CHECK(same.exit_code == 0);
    CHECK_THAT(same.out, Contains("No changes"));
    CHECK(app.snapshot() == before);
}

TEST_CASE("plan edit with a failing editor changes nothing", "[cli][plan][edit][errors]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    add_sample_plan(app);
    auto before = app.snapshot();

    app.env["EDITOR"] = "sh -c 'echo \"# Reasons\" > \"$1\"; exit 3' sh";
    CHECK_REFUSED(app.run({"plan", "edit"}), 65, "failed (exit status 3); the plan is unchanged");
    app.env["EDITOR"] = "no-such-editor-anywhere --wait";
    CHECK_REFUSED(app.run({"plan", "edit"}), 65, "cannot start the editor 'no-such-editor");
    app.env["EDITOR"] = "vi 'unterminated";
    CHECK_REFUSED(app.run({"plan", "edit"}), 64, "$EDITOR has a '");
    CHECK(app.snapshot() == before);
}

TEST_CASE("plan edit off a terminal refuses an invalid file and changes nothing",
          "[cli][plan][edit][errors]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    add_sample_plan(app);
    auto before = app.snapshot();
    app.env["EDITOR"] = editor_writing("# Reasons\n- kids\n# Hobbies\n- golf\n");
    auto r = app.run({"plan", "edit"});
    CHECK_REFUSED(r, 65, "line 3: '# Hobbies' is not a section of the plan");
    CHECK_THAT(r.err, Contains("the plan is unchanged"));
    CHECK(app.snapshot() == before);
}

TEST_CASE("plan edit on a terminal shows the error and opens the editor again", "[cli][plan][edit]")
{
    TestApp app{k_plan_now, "Europe/Berlin"};
    app.in_tty = true;
    app.out_tty = true;
    auto seen = (app.dir() / "second.md").string();
    // First save: an unknown heading; second: the editor gets that text back and fixes it.
    app.env["EDITOR"] = "sh -c 'if [ -e \"$0\" ]; then printf \"# Coping\n- tea\n\" > \"$1\"; "
                        "else cp \"$1\" \"$0\"; printf \"# Hobbies\n- golf\n\" > \"$1\"; fi' " +
                        seen;
    app.stdin_text = "\n";
    auto r = app.run({"plan", "edit"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("line 1: '# Hobbies' is not a section"));
    CHECK_THAT(r.err, Contains("Press Enter"));
    CHECK(plan_lines(app) == "coping/1 tea\n");

    SECTION("or leaves the plan as it was")
    {
        auto before = app.snapshot();
        std::filesystem::remove(seen);
        app.stdin_text = "q\n";
        auto q = app.run({"plan", "edit"});
        CHECK_REFUSED(q, 65, "the plan is unchanged");
        CHECK(app.snapshot() == before);
    }
}
