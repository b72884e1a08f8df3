#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "app/editor.hpp"
#include "app/output/sos.hpp"
#include "base/error.hpp"
#include "domain/plan.hpp"

namespace dm = steady::domain;
using Catch::Matchers::Contains;
using dm::PlanSection;

namespace {

std::vector<dm::PlanItem> plan_items(const std::vector<dm::PlanDraftItem>& draft)
{
    std::vector<dm::PlanItem> items;
    for (const auto& d : draft) {
        dm::PlanItem item;
        item.section = d.section;
        item.text = d.text;
        items.push_back(item);
    }
    return items;
}

// The message parse_plan_text gives for `text`, or "" when it parses.
std::string plan_error(const std::string& text)
{
    try {
        dm::parse_plan_text(text);
    } catch (const steady::DataError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("plan sections are named in any case, with spaces or hyphens", "[unit][plan]")
{
    struct Row {
        const char* text;
        PlanSection section;
    };
    const Row rows[] = {
        {"reasons", PlanSection::reasons},
        {"Warning signs", PlanSection::warning_signs},
        {"WARNING-SIGNS", PlanSection::warning_signs},
        {"warning_signs", PlanSection::warning_signs},
        {"  triggers ", PlanSection::triggers},
        {"Coping", PlanSection::coping},
        {"people", PlanSection::people},
        {"After a lapse", PlanSection::after_a_lapse},
        {"after - a - lapse", PlanSection::after_a_lapse},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(dm::parse_plan_section(row.text) == row.section);
    }
    for (const char* bad : {"", "reason", "warningsigns", "coping!", "plan"}) {
        CAPTURE(bad);
        CHECK_FALSE(dm::parse_plan_section(bad));
    }
    try {
        dm::checked_plan_section("hobbies");
        FAIL("no error");
    } catch (const steady::UsageError& e) {
        CHECK_THAT(e.what(), Contains("'hobbies'"));
        CHECK_THAT(e.what(),
                   Contains("reasons, warning-signs, triggers, coping, people, after-a-lapse"));
    }
}

TEST_CASE("the plan's text form round-trips", "[unit][plan]")
{
    std::vector<dm::PlanDraftItem> draft = {
        {PlanSection::reasons, "be there for my kids"},
        {PlanSection::reasons, "my health"},
        {PlanSection::warning_signs, "skipping meals, isolating, 'just one'"},
        {PlanSection::coping, "walk round the block, then call Sam"},
        {PlanSection::people, "Sam 0151 555 0101"},
        {PlanSection::after_a_lapse, "tell Sam the same day; it is one day, not the story"},
    };
    auto text = dm::render_plan_text(plan_items(draft));
    CHECK(text == "# Reasons\n- be there for my kids\n- my health\n\n"
                  "# Warning signs\n- skipping meals, isolating, 'just one'\n\n"
                  "# Triggers\n\n"
                  "# Coping\n- walk round the block, then call Sam\n\n"
                  "# People\n- Sam 0151 555 0101\n\n"
                  "# After a lapse\n- tell Sam the same day; it is one day, not the story\n");
    auto parsed = dm::parse_plan_text(text);
    REQUIRE(parsed.size() == draft.size());
    for (std::size_t i = 0; i < draft.size(); ++i) {
        CHECK(parsed[i].section == draft[i].section);
        CHECK(parsed[i].text == draft[i].text);
    }
    CHECK(dm::render_plan_text(plan_items(parsed)) == text);
    CHECK(dm::render_plan_text({}) == "# Reasons\n\n# Warning signs\n\n# Triggers\n\n# Coping\n\n"
                                      "# People\n\n# After a lapse\n");
}

TEST_CASE("the plan's text form is forgiving where it can be", "[unit][plan]")
{
    auto parsed = dm::parse_plan_text("\r\n## coping\r\n-   tea  \r\n-\n- walk,\n  then call\n"
                                      "#REASONS\n- kids\n# After-a-lapse\n");
    REQUIRE(parsed.size() == 3);
    // Sections come out in their order, whatever order they were written in.
    CHECK(parsed[0].section == PlanSection::reasons);
    CHECK(parsed[0].text == "kids");
    CHECK(parsed[1].text == "tea");
    CHECK(parsed[2].text == "walk, then call");
    CHECK(parsed[2].section == PlanSection::coping);
    CHECK(dm::parse_plan_text("").empty());
}

TEST_CASE("a bad line of the plan's text form names its line", "[unit][plan][errors]")
{
    struct Row {
        const char* text;
        const char* message;
    };
    const Row rows[] = {
        {"# Reasons\n- kids\n# Hobbies\n- golf\n",
         "line 3: '# Hobbies' is not a section of the plan (sections: reasons,"},
        {"- kids\n", "line 1: an item before any heading"},
        {"# Reasons\nkids\n", "line 2: expected '# Section' or '- item', not 'kids'"},
        {"# Coping\n- tea\n\n# coping\n- walk\n", "line 4: '# Coping' already began on line 1"},
        {"# Coping\n- tea\tand biscuits\n", "line 2: an item holds a tab"},
        {"# Coping\n\n  continued\n", "line 3: expected '# Section' or '- item'"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK_THAT(plan_error(row.text), Contains(row.message));
    }
}

TEST_CASE("plan item text is one line, not empty", "[unit][plan][errors]")
{
    CHECK(dm::checked_plan_text("  call Sam ") == "call Sam");
    CHECK_THROWS_AS(dm::checked_plan_text(""), steady::UsageError);
    CHECK_THROWS_AS(dm::checked_plan_text(" \t "), steady::UsageError);
    CHECK_THROWS_AS(dm::checked_plan_text("two\nlines"), steady::UsageError);
}

TEST_CASE("an editor command line is split as a shell splits it", "[unit][plan][editor]")
{
    using steady::app::split_command_line;
    using V = std::vector<std::string>;
    CHECK(split_command_line("vi", "$EDITOR") == V{"vi"});
    CHECK(split_command_line("  code   --wait ", "$EDITOR") == V{"code", "--wait"});
    CHECK(split_command_line("sh -c 'printf \"%s\" x > \"$1\"' sh", "$EDITOR") ==
          V{"sh", "-c", "printf \"%s\" x > \"$1\"", "sh"});
    CHECK(split_command_line("\"/opt/my editor/bin/ed\" -n", "$EDITOR") ==
          V{"/opt/my editor/bin/ed", "-n"});
    CHECK(split_command_line("a\\ b \"c\\\"d\" 'e\\f' $HOME ~", "$EDITOR") ==
          V{"a b", "c\"d", "e\\f", "$HOME", "~"});
    CHECK(split_command_line("x''y \"\"", "$EDITOR") == V{"xy", ""});
    CHECK_THROWS_AS(split_command_line("vi 'oops", "$EDITOR"), steady::UsageError);
    CHECK_THROWS_AS(split_command_line("vi \"oops", "$EDITOR"), steady::UsageError);
    CHECK_THROWS_AS(split_command_line("vi \\", "$EDITOR"), steady::UsageError);
    CHECK(steady::app::editor_command({{"EDITOR", "nano -w"}}) == V{"nano", "-w"});
    CHECK(steady::app::editor_command({{"VISUAL", "emacs"}, {"EDITOR", "nano"}}) == V{"emacs"});
    CHECK(steady::app::editor_command({{"VISUAL", " "}, {"EDITOR", "nano"}}) == V{"nano"});
    CHECK(steady::app::editor_command({}) == V{"vi"});
}

TEST_CASE("sos fits one 80x24 screen whatever the plan holds", "[unit][sos]")
{
    steady::app::SosView view;
    for (int i = 0; i < 30; ++i) {
        view.strategies.push_back({"strategy " + std::to_string(i), 10, 9 - i % 9, 0, 0});
        view.coping.push_back("coping " + std::to_string(i) + std::string(100, 'x'));
        view.people.push_back("person " + std::to_string(i));
        view.reasons.push_back("reason " + std::to_string(i));
    }
    view.after_a_lapse = "tell Sam the same day";
    view.problems.push_back("The journal could not be read (locked).");
    auto lines = steady::app::sos_lines(view, 80, 23, true);
    REQUIRE(lines.size() == 23);
    for (const auto& line : lines)
        CHECK(steady::app::display_width(line.text) <= 80);
    CHECK(lines[0].text == "What has worked for you (25 more: steady report all)");
    CHECK(lines[1].text == "  strategy 0 — resisted 9 of 10 cravings");
    CHECK(lines[6].text == "Your coping plan (26 more: steady plan)");
    CHECK_THAT(lines[7].text, Contains("…"));
    CHECK(lines[21].text == "After a lapse: tell Sam the same day");
    CHECK(lines[22].text == "The journal could not be read (locked).");

    steady::app::SosView small;
    small.coping = {"tea"};
    small.people = {"Sam"};
    auto few = steady::app::sos_lines(small, 80, 23, false);
    REQUIRE(few.size() == 4);
    CHECK(few[0].text == "Your coping plan");
    CHECK(few[1].text == "  tea");
    CHECK(few[2].text == "People to call");
}
