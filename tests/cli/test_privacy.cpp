// The privacy property of share (issue 12, reliability 6; SPEC §7): over
// seeded random journals with a unique marker planted in every field a
// person fills in, random partner scopes and note settings, and every share
// format, no marker appears unless its section is in the partner's scope and,
// for free text, notes are allowed; and no section out of scope is there.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/test_app.hpp"

using steady::test::TestApp;

namespace {

// A field the test plants markers in: the section it belongs to and whether
// it is free text (leaves only with notes) or a label (goes with its section).
struct PlantedField {
    const char* name;
    const char* section;
    bool free_text;
};

const std::vector<PlantedField> k_planted = {
    {"checkinnote", "checkins", true},  {"checkingratitude", "checkins", true},
    {"checkintag", "checkins", false},  {"triggerwhat", "triggers", true},
    {"triggercoped", "triggers", true}, {"triggernote", "triggers", true},
    {"triggercat", "triggers", false},  {"triggertag", "triggers", false},
    {"cravingnote", "cravings", true},  {"cravingstrat", "cravings", false},
    {"cravingtag", "cravings", false},  {"meetingname", "meetings", true},
    {"meetingnote", "meetings", true},  {"meetingtype", "meetings", false},
    {"goaltitle", "goals", true},       {"goallognote", "goals", true},
    {"goallogtag", "goals", false},     {"clockname", "clocks", false},
    {"lapsenote", "clocks", true},
};

const std::vector<std::string> k_all_sections = {"checkins", "mood",  "cravings", "triggers",
                                                 "meetings", "goals", "clocks"};

class Planter {
  public:
    Planter(TestApp& app, unsigned seed) : m_app(app), m_random(seed)
    {
        char prefix[16];
        std::snprintf(prefix, sizeof prefix, "zq%03u", seed);
        m_prefix = prefix;
    }

    // The marker of the `n`th value of `field`: "zq007cravingnotex2".
    std::string mark(const char* field, int n) const
    {
        return m_prefix + field + "x" + std::to_string(n);
    }
    // What every marker of `field` starts with.
    std::string stem(const char* field) const { return m_prefix + field + "x"; }

    int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }
    bool coin() { return pick(0, 1) == 1; }

    // A moment in the week the default share covers (2026-11-16 … 22),
    // before the tests' now (Sunday 20:00).
    std::string moment()
    {
        char text[32];
        std::snprintf(text, sizeof text, "2026-11-%02d %02d:%02d", pick(16, 21), pick(6, 22),
                      pick(0, 59));
        return text;
    }

    void ok(const std::vector<std::string>& args)
    {
        auto r = m_app.run(args);
        INFO(args.front() << ": " << r.err);
        REQUIRE(r.exit_code == 0);
    }

    void fill()
    {
        std::vector<int> days = {16, 17, 18, 19, 20, 21, 22};
        std::shuffle(days.begin(), days.end(), m_random);
        int checkins = pick(1, 4);
        for (int n = 0; n < checkins; ++n)
            ok({"checkin", "--date", "2026-11-" + std::to_string(days[n]), "--mood",
                std::to_string(pick(1, 10)), "--craving", std::to_string(pick(0, 10)),
                "--gratitude", mark("checkingratitude", n), "--note", mark("checkinnote", n),
                "--tag", mark("checkintag", n)});
        int triggers = pick(1, 3);
        for (int n = 0; n < triggers; ++n)
            ok({"trigger", mark("triggerwhat", n), "--category", mark("triggercat", n), "--coped",
                mark("triggercoped", n), "--note", mark("triggernote", n), "--tag",
                mark("triggertag", n), "--at", moment()});
        int cravings = pick(1, 3);
        for (int n = 0; n < cravings; ++n)
            ok({"craving", "--intensity", std::to_string(pick(1, 10)), "--strategy",
                mark("cravingstrat", n), "--outcome", coin() ? "resisted" : "used", "--note",
                mark("cravingnote", n), "--tag", mark("cravingtag", n), "--at", moment()});
        int meetings = pick(1, 3);
        for (int n = 0; n < meetings; ++n)
            ok({"meeting", mark("meetingname", n), "--type", mark("meetingtype", n), "--note",
                mark("meetingnote", n), "--at", moment()});
        int goals = pick(1, 2);
        for (int n = 0; n < goals; ++n) {
            ok({"goal", "add", mark("goaltitle", n), "--target", std::to_string(pick(1, 5)),
                "--per", "week"});
            auto id = m_app.query("SELECT max(id) FROM goals");
            ok({"goal", "log", id, "--note", mark("goallognote", n), "--tag", mark("goallogtag", n),
                "--at", moment()});
        }
        int clocks = pick(1, 2);
        for (int n = 0; n < clocks; ++n) {
            ok({"clock", "add", mark("clockname", n), "--since", "2026-10-01"});
            ok({"clock", "reset", mark("clockname", n), "--at", moment(), "--note",
                mark("lapsenote", n)});
        }
    }

    // A random non-empty scope, as partner add --share takes it.
    std::vector<std::string> scope()
    {
        std::vector<std::string> sections;
        while (sections.empty())
            for (const auto& section : k_all_sections)
                if (coin())
                    sections.push_back(section);
        return sections;
    }

  private:
    TestApp& m_app;
    std::mt19937 m_random;
    std::string m_prefix;
};

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string joined(const std::vector<std::string>& parts)
{
    std::string text;
    for (const auto& part : parts)
        text += (text.empty() ? "" : ",") + part;
    return text;
}

} // namespace

TEST_CASE("no planted text leaves a share beyond its scope and note setting, in any format",
          "[cli][share][privacy]")
{
    const unsigned seeds = 10;
    int shares = 0;
    for (unsigned seed = 1; seed <= seeds; ++seed) {
        TestApp app{"2026-11-22T20:00", "Europe/Berlin", "name = \"Alex\"\n"};
        Planter planter(app, seed);
        planter.fill();
        // Three partners with random scopes, some allowed notes.
        struct Partner {
            std::string name;
            std::set<std::string> scope;
            bool notes;
        };
        std::vector<Partner> partners;
        for (int p = 0; p < 3; ++p) {
            auto scope = planter.scope();
            bool notes = planter.coin();
            std::string name = "P" + std::to_string(p);
            std::vector<std::string> args = {"partner",       "add",     name,         "--email",
                                             "p@example.org", "--share", joined(scope)};
            if (notes)
                args.push_back("--notes");
            planter.ok(args);
            partners.push_back({name, {scope.begin(), scope.end()}, notes});
        }
        for (const auto& partner : partners) {
            for (bool once : {false, true}) {
                for (const char* format : {"text", "markdown", "json", "html"}) {
                    INFO("seed " << seed << ", partner " << partner.name << " ("
                                 << joined({partner.scope.begin(), partner.scope.end()})
                                 << (partner.notes ? ", notes" : "") << "), share --notes " << once
                                 << ", format " << format);
                    std::vector<std::string> args = {"share", partner.name, "--format", format};
                    if (once)
                        args.push_back("--notes");
                    auto r = app.run(args);
                    REQUIRE(r.exit_code == 0);
                    ++shares;
                    auto out = lower(r.out);
                    bool notes = partner.notes || once;
                    for (const auto& field : k_planted) {
                        bool allowed =
                            partner.scope.count(field.section) > 0 && (!field.free_text || notes);
                        if (!allowed) {
                            INFO(field.name);
                            CHECK(out.find(planter.stem(field.name)) == std::string::npos);
                        }
                    }
                    if (std::string(format) == "text" || std::string(format) == "markdown")
                        for (const char* heading : {"Cravings", "Triggers", "Meetings", "Goals"})
                            if (partner.scope.count(lower(heading)) == 0) {
                                INFO(heading);
                                CHECK(r.out.find(heading) == std::string::npos);
                            }
                    if (std::string(format) == "json") {
                        auto j = nlohmann::json::parse(r.out);
                        for (const auto& item : j["sections"].items()) {
                            INFO(item.key());
                            CHECK(
                                (partner.scope.count(item.key()) > 0 || item.key() == "insights"));
                        }
                        for (const auto& section : partner.scope)
                            CHECK(j["sections"].contains(section));
                    }
                }
            }
        }
        // The same journal shared with everything and notes: every planted
        // field is there, so the checks above are not vacuous.
        planter.ok({"partner", "add", "Everyone", "--email", "e@example.org", "--notes"});
        for (const char* format : {"text", "markdown", "json", "html"}) {
            INFO("seed " << seed << ", everything with notes, format " << format);
            auto r = app.run({"share", "Everyone", "--format", format});
            REQUIRE(r.exit_code == 0);
            auto out = lower(r.out);
            for (const char* field :
                 {"checkinnote", "checkingratitude", "triggerwhat", "cravingnote", "meetingname",
                  "goaltitle", "clockname", "lapsenote", "triggercat", "cravingstrat"}) {
                // Text names the strategies only of some cravings.
                if (std::string(format) == "text" && std::string(field) == "cravingstrat")
                    continue;
                INFO(field);
                CHECK(out.find(planter.stem(field)) != std::string::npos);
            }
        }
    }
    CHECK(shares == static_cast<int>(seeds) * 3 * 2 * 4);
}
