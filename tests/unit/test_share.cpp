#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "domain/share.hpp"
#include "unit/fixtures.hpp"

namespace dm = steady::domain;
using steady::test::stored_day;

namespace {

// A report with a figure in every section, and a marker string in every
// piece of free text and every label.
dm::Report full_report()
{
    dm::Report r;
    r.period = {stored_day("2026-11-16"), stored_day("2026-11-22"), false};
    r.first = r.period.from;
    r.last = r.period.to;
    r.today = stored_day("2026-11-22");
    r.days_counted = 7;
    r.checkins.push_back({stored_day("2026-11-17"), 6, 3, true, 7, 6.5});
    r.previous_mood = 5;
    r.previous_craving = 4;
    r.moments.triggers = 1;
    r.moments.by_category["CATEGORY-LABEL"] = {1, 1};
    r.moments.triggers_by_weekday[2] = 1;
    r.moments.triggers_by_hour[18] = 1;
    r.moments.trigger_intensity.add(5);
    r.moments.cravings = 1;
    r.moments.resisted = 1;
    r.moments.craving_intensity.add(6);
    r.moments.strategies.push_back({"STRATEGY-LABEL", 1, 1, 0, 0});
    r.meetings = 1;
    r.meetings_by_type["TYPE-LABEL"] = 1;
    r.meeting_days.push_back(stored_day("2026-11-18"));
    dm::ReportGoal goal;
    goal.goal.id = 1;
    goal.goal.title = "GOAL-TITLE-MARK";
    goal.in_period = 1;
    r.goals.push_back(goal);
    r.clocks.push_back({"CLOCK-LABEL", std::chrono::minutes(3000), {stored_day("2026-11-20")}, {}});
    for (const char* kind : {"craving_cluster", "short_sleep", "trigger_followed", "meeting_mood",
                             "strong_craving_strategy"})
        r.insights.push_back({kind, std::string("INSIGHT-") + kind, {}});
    r.notes = {{stored_day("2026-11-17"), "checkin", "gratitude", "GRATITUDE-MARK"},
               {stored_day("2026-11-17"), "checkin", "note", "CHECKIN-NOTE-MARK"},
               {stored_day("2026-11-18"), "trigger", "what", "TRIGGER-TEXT-MARK"},
               {stored_day("2026-11-18"), "craving", "note", "CRAVING-NOTE-MARK"},
               {stored_day("2026-11-18"), "meeting", "name", "MEETING-NAME-MARK"},
               {stored_day("2026-11-19"), "goal_log", "note", "GOAL-LOG-MARK"},
               {stored_day("2026-11-20"), "lapse", "note", "LAPSE-NOTE-MARK"}};
    return r;
}

// Every string the report holds, one a line.
std::string all_text(const dm::Report& r)
{
    std::string text;
    for (const auto& [name, tally] : r.moments.by_category)
        text += name + "\n";
    for (const auto& s : r.moments.strategies)
        text += s.name + "\n";
    for (const auto& [type, count] : r.meetings_by_type)
        text += type + "\n";
    for (const auto& goal : r.goals)
        text += goal.goal.title + "\n";
    for (const auto& clock : r.clocks)
        text += clock.name + "\n";
    for (const auto& insight : r.insights)
        text += insight.text + "\n";
    for (const auto& note : r.notes)
        text += note.text + "\n";
    return text;
}

bool has(const std::string& text, const std::string& marker)
{
    return text.find(marker) != std::string::npos;
}

} // namespace

TEST_CASE("redact keeps free text only with notes allowed", "[unit][share]")
{
    auto report = full_report();
    auto scope = dm::Scope::all();

    auto without = all_text(dm::redact(report, scope));
    for (const char* mark :
         {"GRATITUDE-MARK", "CHECKIN-NOTE-MARK", "TRIGGER-TEXT-MARK", "CRAVING-NOTE-MARK",
          "MEETING-NAME-MARK", "GOAL-LOG-MARK", "LAPSE-NOTE-MARK", "GOAL-TITLE-MARK"}) {
        INFO(mark);
        CHECK_FALSE(has(without, mark));
    }
    for (const char* label : {"CATEGORY-LABEL", "STRATEGY-LABEL", "TYPE-LABEL", "CLOCK-LABEL"}) {
        INFO(label);
        CHECK(has(without, label)); // labels go with their section
    }
    CHECK(dm::redact(report, scope).goals.size() == 1); // the goal stays, untitled

    scope.notes = dm::IncludeNotes::yes;
    auto with = all_text(dm::redact(report, scope));
    for (const char* mark : {"GRATITUDE-MARK", "TRIGGER-TEXT-MARK", "LAPSE-NOTE-MARK",
                             "GOAL-TITLE-MARK", "MEETING-NAME-MARK"}) {
        INFO(mark);
        CHECK(has(with, mark));
    }
}

TEST_CASE("redact removes every figure and note of a section out of scope", "[unit][share]")
{
    auto report = full_report();
    struct Row {
        dm::Section section;
        std::vector<std::string> gone; // markers that must go with it
    };
    const Row rows[] = {
        {dm::Section::checkins, {"GRATITUDE-MARK", "CHECKIN-NOTE-MARK", "INSIGHT-short_sleep"}},
        {dm::Section::mood, {"INSIGHT-meeting_mood"}},
        {dm::Section::cravings,
         {"STRATEGY-LABEL", "CRAVING-NOTE-MARK", "INSIGHT-craving_cluster", "INSIGHT-short_sleep",
          "INSIGHT-trigger_followed", "INSIGHT-strong_craving_strategy"}},
        {dm::Section::triggers,
         {"CATEGORY-LABEL", "TRIGGER-TEXT-MARK", "INSIGHT-trigger_followed"}},
        {dm::Section::meetings, {"TYPE-LABEL", "MEETING-NAME-MARK", "INSIGHT-meeting_mood"}},
        {dm::Section::goals, {"GOAL-TITLE-MARK", "GOAL-LOG-MARK"}},
        {dm::Section::clocks, {"CLOCK-LABEL", "LAPSE-NOTE-MARK"}},
    };
    for (const auto& row : rows) {
        auto scope = dm::Scope::all();
        scope.notes = dm::IncludeNotes::yes;
        scope.remove(row.section);
        INFO(dm::section_name(row.section));
        auto r = dm::redact(report, scope);
        auto text = all_text(r);
        for (const auto& marker : row.gone) {
            INFO(marker);
            CHECK_FALSE(has(text, marker));
        }
        switch (row.section) {
        case dm::Section::checkins:
            CHECK_FALSE(r.checkins.at(0).sober);
            CHECK_FALSE(r.checkins.at(0).energy);
            CHECK_FALSE(r.checkins.at(0).sleep);
            CHECK(r.checkins.at(0).mood == 6);
            break;
        case dm::Section::mood:
            CHECK(r.checkins.at(0).mood == 0);
            CHECK_FALSE(r.previous_mood);
            break;
        case dm::Section::cravings:
            CHECK(r.moments.cravings == 0);
            CHECK(r.moments.resisted == 0);
            CHECK_FALSE(r.moments.craving_intensity.average());
            CHECK_FALSE(r.checkins.at(0).craving);
            CHECK_FALSE(r.previous_craving);
            CHECK(r.moments.by_category.at("CATEGORY-LABEL").followed == 0);
            break;
        case dm::Section::triggers:
            CHECK(r.moments.triggers == 0);
            CHECK(r.moments.triggers_by_hour[18] == 0);
            CHECK(r.moments.triggers_by_weekday[2] == 0);
            CHECK(r.moments.cravings == 1);
            break;
        case dm::Section::meetings:
            CHECK(r.meetings == 0);
            CHECK(r.meeting_days.empty());
            break;
        case dm::Section::goals:
            CHECK(r.goals.empty());
            break;
        case dm::Section::clocks:
            CHECK(r.clocks.empty());
            break;
        }
    }
    dm::Scope none_of_the_day;
    none_of_the_day.add(dm::Section::goals);
    CHECK(dm::redact(report, none_of_the_day).checkins.empty());
}

TEST_CASE("a share names the missed days whatever its scope", "[unit][share]")
{
    dm::Scope goals_only;
    goals_only.add(dm::Section::goals);
    auto share = dm::make_share(full_report(), goals_only);
    CHECK(share.missed_days.size() == 5); // Nov 17 has the one check-in; today is open
    CHECK(share.report.checkins.empty());
}
