#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using steady::test::TestApp;
using steady::test::write_file;

namespace {

// Kai's journal: a steady week to 2026-11-15, then check-ins most days of
// the week to Sunday 2026-11-22 (none on Wednesday) with mood falling from
// 8 to 3, and a clock with a lapse on Friday; Kai shares everything with
// their mentor Sam.
void kai_journal(TestApp& kai)
{
    auto ok = [&](std::vector<std::string> args) { REQUIRE(kai.run(args).exit_code == 0); };
    ok({"clock", "add", "alcohol", "--since", "2026-10-01"});
    for (const char* day : {"2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13",
                            "2026-11-14", "2026-11-15"})
        ok({"checkin", "--date", day, "--mood", "8", "--craving", "2"});
    int mood = 8;
    for (const char* day :
         {"2026-11-16", "2026-11-17", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"})
        ok({"checkin", "--date", day, "--mood", std::to_string(mood--), "--craving", "2"});
    ok({"clock", "reset", "alcohol", "--at", "2026-11-20 22:00"});
    ok({"partner", "add", "Sam", "--email", "sam@example.org", "--share", "all"});
}

// The steady-summary json `mentee` prints for Sam for `period`.
std::string summary_of(TestApp& mentee, const std::string& period = "last 7 days")
{
    auto r = mentee.run({"share", "sam", period, "--format", "json"});
    REQUIRE(r.exit_code == 0);
    return r.out;
}

// A minimal valid summary, as a program other than steady might write one.
json minimal_summary(const std::string& name = "Riley")
{
    return json{{"format", "steady-summary"},
                {"version", 1},
                {"from", {{"name", name}}},
                {"to", {{"name", "Sam"}}},
                {"period", {{"from", "2026-11-16"}, {"to", "2026-11-22"}}},
                {"generated_at", "2026-11-22T19:00:00Z"},
                {"message", nullptr},
                {"sections", json::object()},
                {"missed_days", json::array({"2026-11-18"})}};
}

struct Mentor {
    TestApp app{"2026-11-23T09:00", "Europe/Berlin"};
    std::string file(const std::string& name, const std::string& bytes)
    {
        auto path = app.dir() / name;
        write_file(path, bytes);
        return path.string();
    }
};

} // namespace

TEST_CASE("peers without any summary points to peers import", "[cli][peers]")
{
    Mentor mentor;
    auto r = mentor.app.run({"peers"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("No summaries from mentees yet") && Contains("steady peers import"));
    CHECK_FALSE(mentor.app.journal_exists());
    auto j = json::parse(mentor.app.run({"peers", "--json"}).out);
    CHECK(j["peers"].empty());
    CHECK(j["quiet_after"] == 3);
}

TEST_CASE("a summary steady shared is imported and shown with its figures", "[cli][peers]")
{
    TestApp kai{"2026-11-22T20:00", "Europe/Berlin", "name = \"Kai\"\n"};
    kai_journal(kai);
    Mentor mentor;
    auto file = mentor.file("kai.json", summary_of(kai));

    auto r = mentor.app.run({"peers", "import", file});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Kai, 2026-11-16..2026-11-22: imported"));
    CHECK(mentor.app.count("SELECT count(*) FROM peer_summaries") == 1);
    CHECK(mentor.app.count("SELECT count(*) FROM peer_missed") == 1);

    auto view = mentor.app.run({"peers"});
    REQUIRE(view.exit_code == 0);
    CHECK_THAT(view.out, Contains("Kai") && Contains("Nov 22") && Contains("yesterday") &&
                             Contains("6 of 7 days") && Contains("alcohol 1d") &&
                             Contains("a lapse on Nov 20") && Contains("mood lower"));

    auto j = json::parse(mentor.app.run({"peers", "--json"}).out)["peers"];
    REQUIRE(j.size() == 1);
    CHECK(j[0]["mentee"] == "Kai");
    CHECK(j[0]["last_checkin"] == "2026-11-22");
    CHECK(j[0]["days_since_summary"] == 1);
    CHECK(j[0]["days_since_checkin"] == 1);
    CHECK(j[0]["checkin_rate"] == json{{"done", 6}, {"days", 7}, {"rate", 0.86}});
    CHECK(j[0]["current_streak"] == 4);
    CHECK(j[0]["clocks"][0]["name"] == "alcohol");
    CHECK(j[0]["clocks"][0]["lapses"] == 1);
    CHECK(j[0]["lapse_day"] == "2026-11-20");
    CHECK(j[0]["flags"] == json{{"quiet", false},
                                {"mood_falling", true},
                                {"cravings_rising", false},
                                {"lapse", true}});
}

TEST_CASE("importing the same file twice changes nothing and says so", "[cli][peers]")
{
    Mentor mentor;
    auto file = mentor.file("riley.json", minimal_summary().dump());
    REQUIRE(mentor.app.run({"peers", "import", file}).exit_code == 0);
    auto before = mentor.app.snapshot();
    auto again = mentor.app.run({"peers", "import", file});
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.out,
               Contains("already imported; nothing changed") && Contains("Nothing new to import."));
    CHECK(mentor.app.snapshot() == before);
}

TEST_CASE("a newer summary of the same period replaces the older, an older one does not",
          "[cli][peers]")
{
    Mentor mentor;
    auto first = minimal_summary();
    auto newer = first;
    newer["generated_at"] = "2026-11-22T21:00:00Z";
    newer["missed_days"] = json::array();
    auto older = first;
    older["generated_at"] = "2026-11-22T08:00:00Z";
    REQUIRE(mentor.app.run({"peers", "import", mentor.file("a.json", first.dump())}).exit_code ==
            0);

    auto r = mentor.app.run({"peers", "import", mentor.file("b.json", newer.dump())});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("replaced the older summary"));
    CHECK(mentor.app.count("SELECT count(*) FROM peer_summaries") == 1);
    CHECK(mentor.app.query("SELECT generated_at FROM peer_summaries") == "2026-11-22T21:00:00Z");
    CHECK(mentor.app.count("SELECT count(*) FROM peer_missed") == 0);

    auto before = mentor.app.snapshot();
    auto old = mentor.app.run({"peers", "import", mentor.file("c.json", older.dump())});
    CHECK(old.exit_code == 0);
    CHECK_THAT(old.out, Contains("kept the newer summary"));
    CHECK(mentor.app.snapshot() == before);

    auto other = first;
    other["period"] = {{"from", "2026-11-09"}, {"to", "2026-11-15"}};
    REQUIRE(mentor.app.run({"peers", "import", mentor.file("d.json", other.dump())}).exit_code ==
            0);
    CHECK(mentor.app.count("SELECT count(*) FROM peer_summaries") == 2);
}

TEST_CASE("a mentee is the same person whatever the case of their name", "[cli][peers]")
{
    Mentor mentor;
    auto a = minimal_summary("riley");
    auto b = minimal_summary("Riley");
    b["generated_at"] = "2026-11-22T20:00:00Z";
    REQUIRE(mentor.app
                .run({"peers", "import", mentor.file("a.json", a.dump()),
                      mentor.file("b.json", b.dump())})
                .exit_code == 0);
    auto j = json::parse(mentor.app.run({"peers", "--json"}).out)["peers"];
    REQUIRE(j.size() == 1);
    CHECK(j[0]["mentee"] == "Riley");
    CHECK(j[0]["summaries"] == 1);
}

TEST_CASE("a file that is not a steady summary is refused, naming it and why", "[cli][peers]")
{
    struct Case {
        const char* name;
        std::string bytes;
        const char* why;
    };
    auto with = [](const char* key, json value) {
        auto j = minimal_summary();
        j[key] = std::move(value);
        return j.dump();
    };
    auto without = [](const char* key) {
        auto j = minimal_summary();
        j.erase(key);
        return j.dump();
    };
    std::vector<Case> cases = {
        {"not json", "hello, Sam", "is not JSON"},
        {"empty", "", "it is empty"},
        {"truncated", minimal_summary().dump().substr(0, 40), "is not JSON"},
        // Found by fuzz_summary_json: nlohmann's out_of_range escaped as exit 70.
        {"a number too large", R"({"format": "steady-summary", "n": 1e9892})",
         "it holds a number too large to read"},
        {"an array", "[1, 2]", "not an object"},
        {"an export", R"({"format": "steady-journal", "version": 1})", "\"steady-journal\""},
        {"no format", R"({"version": 1})", "no \"format\""},
        {"newer version", with("version", 2), "version 2, newer than this steady reads"},
        {"version as text", with("version", "1"), "version is not a version number"},
        {"no sender", without("from"), "from is missing"},
        {"sender without a name", with("from", {{"name", nullptr}}), "from.name is null"},
        {"no period", without("period"), "period is missing"},
        {"bad day", with("period", {{"from", "2026-02-30"}, {"to", "2026-03-01"}}),
         "period.from is not a day"},
        {"reversed period", with("period", {{"from", "2026-11-22"}, {"to", "2026-11-16"}}),
         "ends before it starts"},
        {"bad time", with("generated_at", "yesterday"), "generated_at is not a time"},
        {"no missed days", without("missed_days"), "missed_days is missing"},
        {"bad missed day", with("missed_days", {"2026-13-01"}), "missed_days is not a day"},
        {"no sections", without("sections"), "sections is missing"},
        {"wrong type in a section", with("sections", {{"mood", {{"average", "high"}}}}),
         "sections.mood.average is not a number"},
        {"negative count", with("sections", {{"checkins", {{"done", -1}}}}),
         "sections.checkins.done is not a whole number"},
        {"clock without a name",
         with("sections", {{"clocks", {{"clocks", {{{"run_minutes", 5}}}}}}}),
         "a clock's name is missing"},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name)
        {
            Mentor mentor;
            auto file = mentor.file("bad.json", c.bytes);
            auto r = mentor.app.run({"peers", "import", file});
            CHECK(r.exit_code == 65);
            CHECK(r.out.empty());
            CHECK_THAT(r.err,
                       Contains("'" + file + "' is not a steady summary") && Contains(c.why));
            CHECK_FALSE(mentor.app.journal_exists());
        }
    }
}

TEST_CASE("a missing file is 66 and a folder 65", "[cli][peers]")
{
    Mentor mentor;
    auto missing = mentor.app.run({"peers", "import", (mentor.app.dir() / "nope.json").string()});
    CHECK(missing.exit_code == 66);
    CHECK_THAT(missing.err, Contains("no file") && Contains("nope.json"));
    auto folder = mentor.app.run({"peers", "import", mentor.app.dir().string()});
    CHECK(folder.exit_code == 65);
    CHECK_THAT(folder.err, Contains("is a folder"));
    CHECK_FALSE(mentor.app.journal_exists());
}

TEST_CASE("one bad file stops the whole batch unless --skip-bad", "[cli][peers]")
{
    Mentor mentor;
    auto good = mentor.file("good.json", minimal_summary().dump());
    auto other = mentor.file("kai.json", minimal_summary("Kai").dump());
    auto bad = mentor.file("bad.json", "{\"format\": \"steady-summary\"");
    auto missing = (mentor.app.dir() / "missing.json").string();

    auto r = mentor.app.run({"peers", "import", good, bad, other});
    CHECK(r.exit_code == 65);
    CHECK_THAT(r.err, Contains("bad.json"));
    CHECK_FALSE(mentor.app.journal_exists());

    auto skipped = mentor.app.run({"peers", "import", "--skip-bad", good, bad, missing, other});
    CHECK(skipped.exit_code == 0);
    CHECK_THAT(skipped.err, Contains("bad.json' is not a steady summary") &&
                                Contains("(skipped)") && Contains("missing.json"));
    CHECK_THAT(skipped.out, Contains("Riley") && Contains("Kai"));
    CHECK(mentor.app.count("SELECT count(*) FROM peer_summaries") == 2);

    auto all_bad = mentor.app.run({"peers", "import", "--skip-bad", bad});
    CHECK(all_bad.exit_code == 65);
    CHECK_THAT(all_bad.err, Contains("nothing imported"));
}

TEST_CASE("peers import --json says what happened to each file", "[cli][peers]")
{
    Mentor mentor;
    auto good = mentor.file("good.json", minimal_summary().dump());
    auto bad = mentor.file("bad.json", "nope");
    auto r = mentor.app.run({"--json", "peers", "import", "--skip-bad", good, bad});
    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    REQUIRE(j["imported"].size() == 1);
    CHECK(j["imported"][0]["mentee"] == "Riley");
    CHECK(j["imported"][0]["result"] == "added");
    CHECK(j["imported"][0]["period"] == json{{"from", "2026-11-16"}, {"to", "2026-11-22"}});
    REQUIRE(j["skipped"].size() == 1);
    CHECK_THAT(j["skipped"][0]["error"].get<std::string>(), Contains("bad.json"));
}

TEST_CASE("a mentee with no summary for longer than peers.quiet_after is flagged quiet",
          "[cli][peers]")
{
    Mentor mentor;
    REQUIRE(mentor.app.run({"peers", "import", mentor.file("r.json", minimal_summary().dump())})
                .exit_code == 0);
    mentor.app.now = "2026-11-26T09:00";
    auto j = json::parse(mentor.app.run({"peers", "--json"}).out)["peers"][0];
    CHECK(j["days_since_summary"] == 4);
    CHECK(j["flags"]["quiet"] == true);
    auto text = mentor.app.run({"peers"});
    CHECK_THAT(text.out, Contains("no summary for 4 days") &&
                             Contains("a reason to reach out, not a verdict"));

    mentor.app.write_config("[peers]\nquiet_after = 7\n");
    auto relaxed = json::parse(mentor.app.run({"peers", "--json"}).out);
    CHECK(relaxed["quiet_after"] == 7);
    CHECK(relaxed["peers"][0]["flags"]["quiet"] == false);
}

TEST_CASE("a summary that shares nothing but missed days still shows", "[cli][peers]")
{
    Mentor mentor;
    REQUIRE(mentor.app.run({"peers", "import", mentor.file("r.json", minimal_summary().dump())})
                .exit_code == 0);
    auto j = json::parse(mentor.app.run({"peers", "--json"}).out)["peers"][0];
    CHECK(j["last_checkin"] == "2026-11-22");
    CHECK(j["checkin_rate"]["days"] == 7);
    CHECK(j["checkin_rate"]["done"] == 6);
    CHECK(j["clocks"].empty());
    CHECK(j["clocks_as_of"].is_null());
    CHECK(j["mood_trend"].is_null());
}

TEST_CASE("an email is recognised by its headers and goes to the mail module", "[cli][peers]")
{
    // An email without a summary attached is refused, naming the file and why.
    Mentor mentor;
    auto eml = mentor.file("riley.eml", "From: Riley <riley@example.org>\r\n"
                                        "To: Sam <sam@example.org>\r\n"
                                        "Subject: steady summary\r\n"
                                        "MIME-Version: 1.0\r\n\r\nhello\r\n");
    auto r = mentor.app.run({"peers", "import", eml});
    CHECK(r.exit_code == 65);
    CHECK_THAT(r.err, Contains("riley.eml") && Contains("not a steady summary"));
    CHECK_FALSE(mentor.app.journal_exists());

    auto good = mentor.file("good.json", minimal_summary().dump());
    auto skipped = mentor.app.run({"peers", "import", "--skip-bad", eml, good});
    CHECK(skipped.exit_code == 0);
    CHECK_THAT(skipped.err, Contains("riley.eml"));
    CHECK(mentor.app.count("SELECT count(*) FROM peer_summaries") == 1);

    // The email steady sends: its attachment is the summary, the same one
    // --format json prints, so importing both keeps one.
    TestApp kai{"2026-11-22T20:00", "Europe/Berlin",
                "name = \"Kai\"\nemail = \"kai@example.org\"\n"};
    kai_journal(kai);
    auto mail = kai.run({"share", "sam", "--format", "email"});
    REQUIRE(mail.exit_code == 0);
    auto from_mail = mentor.app.run({"peers", "import", mentor.file("kai.eml", mail.out)});
    INFO(from_mail.err);
    REQUIRE(from_mail.exit_code == 0);
    CHECK(mentor.app.count("SELECT count(*) FROM peer_summaries WHERE mentee = 'Kai'") == 1);
    auto from_json = mentor.app.run({"peers", "import", mentor.file("kai.json", summary_of(kai))});
    CHECK(from_json.exit_code == 0);
    CHECK(mentor.app.count("SELECT count(*) FROM peer_summaries WHERE mentee = 'Kai'") == 1);
}

TEST_CASE("a mentee's name or clock cannot move the mentor's cursor", "[cli][peers]")
{
    Mentor mentor;
    auto j = minimal_summary("Ri\x1b[2Jley");
    j["sections"] = {{"clocks", {{"clocks", {{{"name", "al\x1b]0;x\x07"}, {"run_minutes", 60}}}}}}};
    auto r = mentor.app.run({"peers", "import", mentor.file("r.json", j.dump())});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
    auto view = mentor.app.run({"peers"});
    CHECK(view.out.find('\x1b') == std::string::npos);
    CHECK(view.out.find('\x07') == std::string::npos);
    CHECK_THAT(view.out, Contains("Ri?[2Jley"));
    // --json keeps the name as sent; the JSON writer escapes it.
    CHECK(json::parse(mentor.app.run({"peers", "--json"}).out)["peers"][0]["mentee"] ==
          "Ri\x1b[2Jley");
}
