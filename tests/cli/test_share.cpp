#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "app/output/files.hpp"
#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using steady::test::TestApp;

namespace {

// Free text with a marker in each kind the person writes, in the last 7
// days of the tests' today (Sunday 2026-11-22), and a partner who sees
// check-ins, mood, cravings and clocks, without notes.
void planted_journal(TestApp& app)
{
    auto ok = [&](std::vector<std::string> args) { REQUIRE(app.run(args).exit_code == 0); };
    ok({"checkin", "--date", "2026-11-17", "--mood", "5", "--craving", "3", "--gratitude",
        "GRATITUDE-MARK", "--note", "CHECKIN-NOTE-MARK"});
    ok({"checkin", "--date", "2026-11-19", "--mood", "7", "--sleep", "7"});
    ok({"trigger", "TRIGGER-TEXT-MARK", "--category", "lonely", "--coped", "COPED-MARK", "--at",
        "2026-11-18 19:00"});
    ok({"craving", "--intensity", "6", "--strategy", "walk", "--outcome", "resisted", "--note",
        "CRAVING-NOTE-MARK", "--at", "2026-11-18 19:30"});
    ok({"meeting", "MEETING-NAME-MARK", "--type", "AA", "--at", "2026-11-19 19:00"});
    ok({"goal", "add", "GOAL-TITLE-MARK", "--target", "3", "--per", "week", "--tracks",
        "meetings"});
    ok({"clock", "add", "alcohol", "--since", "2026-10-01"});
    ok({"clock", "reset", "alcohol", "--at", "2026-11-20 22:00", "--note", "LAPSE-NOTE-MARK"});
    ok({"partner", "add", "Sam", "--email", "sam@example.org", "--share",
        "checkins,mood,cravings,clocks"});
}

const std::vector<std::string> k_free_text = {
    "GRATITUDE-MARK",    "CHECKIN-NOTE-MARK", "TRIGGER-TEXT-MARK", "COPED-MARK",
    "CRAVING-NOTE-MARK", "MEETING-NAME-MARK", "GOAL-TITLE-MARK",   "LAPSE-NOTE-MARK"};

std::string share_out(TestApp& app, const std::vector<std::string>& args)
{
    auto r = app.run(args);
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.err.empty());
    return r.out;
}

} // namespace

TEST_CASE("share greets the partner, says the message first and names the missed days",
          "[cli][share]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "name = \"Alex\"\n"};
    planted_journal(app);

    auto out = share_out(app, {"share", "sam", "--message", "A hard week, but I am here."});

    CHECK(out.rfind("Hi Sam,\n\nA hard week, but I am here.\n\n", 0) == 0);
    CHECK_THAT(out, Contains("Here is Alex's summary for 2026-11-16 – 2026-11-22."));
    CHECK_THAT(out, Contains("Days without a check-in: Nov 18, Nov 20–21."));
    CHECK_THAT(out, Contains("Check-ins   2 of 5 days"));
    CHECK_THAT(out, Contains("Mood "));
    CHECK_THAT(out, Contains("Cravings    1: 1 resisted"));
    CHECK_THAT(out, Contains("alcohol: "));
    CHECK_THAT(out, !Contains("Triggers"));
    CHECK_THAT(out, !Contains("Meetings"));
    CHECK_THAT(out, !Contains("Goals"));
    CHECK_THAT(out, Contains("— Alex, sent with steady"));
    CHECK(app.count("SELECT count(*) FROM shares") == 1);
}

TEST_CASE("share --format json has the steady-summary shape and only sections in scope",
          "[cli][share]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "name = \"Alex\"\n"};
    planted_journal(app);

    auto j = nlohmann::ordered_json::parse(
        share_out(app, {"share", "Sam", "last 7 days", "--format", "json"}));

    std::vector<std::string> keys;
    for (const auto& item : j.items())
        keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"format", "version", "from", "to", "period",
                                           "generated_at", "message", "sections", "missed_days"});
    CHECK(j["format"] == "steady-summary");
    CHECK(j["version"] == 1);
    CHECK(j["from"]["name"] == "Alex");
    CHECK(j["to"]["name"] == "Sam");
    CHECK(j["period"]["from"] == "2026-11-16");
    CHECK(j["period"]["to"] == "2026-11-22");
    CHECK(j["generated_at"] == "2026-11-22T19:00:00Z");
    CHECK(j["message"].is_null());
    CHECK(j["missed_days"].dump() == R"(["2026-11-18","2026-11-20","2026-11-21"])");
    std::vector<std::string> sections;
    for (const auto& item : j["sections"].items())
        sections.push_back(item.key());
    CHECK(sections ==
          std::vector<std::string>{"checkins", "mood", "cravings", "clocks", "insights"});
    CHECK(j["sections"]["checkins"]["done"] == 2);
    CHECK(j["sections"]["mood"]["average"] == 6);
    CHECK(j["sections"]["cravings"]["count"] == 1);
    CHECK(j["sections"]["clocks"]["clocks"][0]["name"] == "alcohol");
    CHECK_FALSE(j["sections"]["checkins"].contains("notes"));
}

TEST_CASE("free text leaves only when notes are allowed, in every format", "[cli][share]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    planted_journal(app);
    REQUIRE(app.run({"partner", "add", "Jo", "--email", "jo@example.org", "--share",
                     "checkins,mood,cravings,triggers,goals", "--notes"})
                .exit_code == 0);
    REQUIRE(app.run({"partner", "add", "All", "--email", "all@example.org"}).exit_code == 0);

    for (const char* format : {"text", "markdown", "json"}) {
        INFO(format);
        // Sam: no notes, and no triggers, meetings or goals at all.
        auto sam = share_out(app, {"share", "Sam", "--format", format});
        for (const auto& mark : k_free_text) {
            INFO(mark);
            CHECK_THAT(sam, !Contains(mark));
        }
        CHECK_THAT(sam, !Contains("lonely"));
        CHECK_THAT(sam, !Contains("AA"));
        // Sam with --notes on this share: notes of Sam's sections only.
        auto once = share_out(app, {"share", "Sam", "--format", format, "--notes"});
        for (const char* mark :
             {"GRATITUDE-MARK", "CHECKIN-NOTE-MARK", "CRAVING-NOTE-MARK", "LAPSE-NOTE-MARK"})
            CHECK_THAT(once, Contains(mark));
        for (const char* mark :
             {"TRIGGER-TEXT-MARK", "COPED-MARK", "MEETING-NAME-MARK", "GOAL-TITLE-MARK"})
            CHECK_THAT(once, !Contains(mark));
        // Jo: notes allowed by the partner; no clocks or meetings.
        auto jo = share_out(app, {"share", "Jo", "--format", format});
        for (const char* mark : {"GRATITUDE-MARK", "TRIGGER-TEXT-MARK", "COPED-MARK",
                                 "GOAL-TITLE-MARK", "CRAVING-NOTE-MARK"})
            CHECK_THAT(jo, Contains(mark));
        for (const char* mark : {"LAPSE-NOTE-MARK", "MEETING-NAME-MARK", "alcohol"})
            CHECK_THAT(jo, !Contains(mark));
        // Everything in scope, notes not allowed: labels, never free text.
        auto all = share_out(app, {"share", "All", "--format", format});
        for (const auto& mark : k_free_text)
            CHECK_THAT(all, !Contains(mark));
        for (const char* label : {"lonely", "walk", "AA", "alcohol"})
            CHECK_THAT(all, Contains(label));
    }
    auto jo = json::parse(share_out(app, {"share", "Jo", "--format", "json"}));
    CHECK_FALSE(jo["sections"].contains("clocks"));
    CHECK_FALSE(jo["sections"].contains("meetings"));
    CHECK(jo["sections"]["goals"]["goals"][0]["title"] == "GOAL-TITLE-MARK");
    CHECK(jo["sections"]["triggers"]["notes"][0]["text"] == "TRIGGER-TEXT-MARK");
    auto all = json::parse(share_out(app, {"share", "All", "--format", "json"}));
    CHECK(all["sections"]["goals"]["goals"][0]["title"].is_null());
    CHECK(all["sections"].size() == 8);
}

TEST_CASE("share to an unknown partner is 65 naming the partners there are", "[cli][share][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    CHECK_REFUSED(app.run({"share", "sammy"}), 65, "no partners yet");
    CHECK_FALSE(app.journal_exists());
    planted_journal(app);
    REQUIRE(app.run({"partner", "add", "Jo", "--email", "jo@example.org"}).exit_code == 0);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"share", "sammy"}), 65, "no partner named 'sammy' (partners: Sam, Jo)");
    CHECK_REFUSED(app.run({"share", "--history", "sammy"}), 65, "partners: Sam, Jo");
    CHECK_REFUSED(app.run({"share"}), 64, "name the partner");
    CHECK_REFUSED(app.run({"share", "Sam", "--format", "pdf"}), 64, "got 'pdf'");
    CHECK_REFUSED(app.run({"share", "Sam", "someday"}), 64, "someday");
    CHECK(app.snapshot() == before);
}

TEST_CASE("a share of an empty period says so", "[cli][share]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    planted_journal(app);

    auto out = share_out(app, {"share", "Sam", "2026-09"});

    CHECK_THAT(out, Contains("Nothing was logged in this period."));
    CHECK_THAT(out, !Contains("GRATITUDE-MARK"));
    auto md = share_out(app, {"share", "Sam", "2026-09", "--format", "markdown"});
    CHECK_THAT(md, Contains("Nothing was logged in this period."));
    CHECK(app.count("SELECT count(*) FROM shares") == 2);
}

TEST_CASE("share --output writes the file atomically, private, and logs its sha256", "[cli][share]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    planted_journal(app);
    auto printed = share_out(app, {"share", "Sam", "--format", "markdown"});
    auto file = app.dir() / "out" / "sam.md";
    std::filesystem::create_directory(app.dir() / "out");

    auto r = app.run({"share", "Sam", "--format", "markdown", "--output", file.string()});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Nothing was sent"));
    CHECK(steady::test::file_bytes(file) == printed);
    CHECK(steady::test::mode_of(file) == 0600);
    CHECK(std::distance(std::filesystem::directory_iterator(app.dir() / "out"),
                        std::filesystem::directory_iterator{}) == 1);
    CHECK(app.query("SELECT sha256 FROM shares ORDER BY id DESC LIMIT 1") ==
          steady::app::sha256_hex(printed));
    CHECK(app.query("SELECT format || ' ' || delivered || ' ' || period_from || ' ' || period_to "
                    "FROM shares ORDER BY id DESC LIMIT 1") == "markdown 0 2026-11-16 2026-11-22");
}

TEST_CASE("an output file that cannot be made is 73 and leaves nothing behind",
          "[cli][share][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    planted_journal(app);
    auto before = app.snapshot();

    auto missing = app.dir() / "no" / "such" / "folder" / "sam.txt";
    CHECK_REFUSED(app.run({"share", "Sam", "--output", missing.string()}), 73, missing.string());
    std::filesystem::create_directory(app.dir() / "taken");
    CHECK_REFUSED(app.run({"share", "Sam", "--output", (app.dir() / "taken").string()}), 73,
                  "taken");
    CHECK(app.snapshot() == before);
    CHECK(std::filesystem::is_empty(app.dir() / "taken"));
    for (const auto& entry : std::filesystem::directory_iterator(app.dir()))
        CHECK_THAT(entry.path().filename().string(), !Contains(".steady-"));
}

TEST_CASE("share --history lists every share, also after the partner is removed",
          "[cli][share][partner]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    planted_journal(app);
    REQUIRE(app.run({"partner", "add", "Jo", "--email", "jo@example.org"}).exit_code == 0);
    CHECK_THAT(share_out(app, {"share", "--history"}), Contains("Nothing shared yet."));
    share_out(app, {"share", "Sam"});
    app.now = "2026-11-22T20:10";
    share_out(app, {"share", "Jo", "--format", "json", "last month"});

    auto text = share_out(app, {"share", "--history"});
    CHECK_THAT(text, Contains("2026-11-22 20:00  Sam      2026-11-16..2026-11-22  text"));
    CHECK_THAT(text, Contains("Jo       2026-10-01..2026-10-31  json    no"));
    auto all = json::parse(share_out(app, {"share", "--history", "--json"}))["shares"];
    REQUIRE(all.size() == 2);
    CHECK(all[0]["partner"]["name"] == "Sam");
    CHECK(all[0]["delivered"] == false);
    CHECK(all[0]["sha256"].get<std::string>().size() == 64);
    CHECK(all[1]["period"] == json{{"from", "2026-10-01"}, {"to", "2026-10-31"}});

    REQUIRE(app.run({"partner", "remove", "jo", "--yes"}).exit_code == 0);
    auto jo = json::parse(share_out(app, {"--json", "share", "--history", "JO"}))["shares"];
    REQUIRE(jo.size() == 1);
    CHECK(jo[0]["partner"]["name"] == "Jo");
    CHECK(jo[0]["partner"]["id"].is_null());
    REQUIRE(app.run({"undo"}).exit_code == 0);
    jo = json::parse(share_out(app, {"--json", "share", "--history", "jo"}))["shares"];
    CHECK(jo[0]["partner"]["id"] == 2);
}

TEST_CASE("names with shell characters are shown literally and run nothing", "[cli][share]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    planted_journal(app);
    std::string name = "Jo \"$(touch pwned)\"; `touch pwned2`";
    REQUIRE(app.run({"partner", "add", name, "--email", "jo@example.org"}).exit_code == 0);

    auto out = share_out(app, {"share", name, "--message", "$(touch pwned3)"});

    CHECK(out.rfind("Hi " + name + ",\n\n$(touch pwned3)\n", 0) == 0);
    auto j = json::parse(share_out(app, {"share", name, "--format", "json"}));
    CHECK(j["to"]["name"] == name);
    auto md = share_out(app, {"share", name, "--format", "markdown"});
    CHECK_THAT(md, Contains("Hi Jo \"$(touch pwned)\"; \\`touch pwned2\\`,"));
    for (const char* file : {"pwned", "pwned2", "pwned3"})
        CHECK_FALSE(std::filesystem::exists(app.dir() / file));
}

TEST_CASE("share --output onto the journal itself is refused, nothing logged", "[cli][share]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    planted_journal(app);
    auto before = app.snapshot();
    auto digest = steady::test::file_digest(app.db_path());
    std::filesystem::create_symlink(app.db_path(), app.dir() / "link.db");

    for (const auto& path : {app.db_path(), app.dir() / "link.db"}) {
        INFO(path);
        CHECK_REFUSED(app.run({"share", "Sam", "--output", path.string()}), 64,
                      "is the journal itself");
        CHECK_REFUSED(app.run({"share", "Sam", "--format", "json", "--output", path.string()}), 64,
                      app.db_path().string());
    }
    CHECK(steady::test::file_digest(app.db_path()) == digest);
    CHECK(app.snapshot() == before);
    CHECK(app.count("SELECT count(*) FROM shares") == 0);
}

TEST_CASE("the markdown share has the figures the text share has", "[cli][share]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto ok = [&](std::vector<std::string> args) { REQUIRE(app.run(args).exit_code == 0); };
    ok({"checkin", "--date", "2026-11-12", "--mood", "4", "--craving", "6"});
    ok({"checkin", "--date", "2026-11-20", "--mood", "6", "--craving", "3"});
    ok({"trigger", "the boss", "--category", "angry", "--at", "2026-11-20 09:00"});
    ok({"craving", "--intensity", "5", "--duration", "20m", "--outcome", "resisted", "--strategy",
        "walk", "--at", "2026-11-20 09:30"});
    ok({"craving", "--intensity", "4", "--at", "2026-11-21 10:00"});
    ok({"partner", "add", "Sam", "--email", "sam@example.org"});

    auto text = share_out(app, {"share", "Sam"});
    auto md = share_out(app, {"share", "Sam", "--format", "markdown"});
    for (const char* figure :
         {"up 2 on the 7 days before", "down 3 on the 7 days before", "20 min on average",
          "1 not recorded", "hungry 0, angry 1, lonely 0, tired 0"}) {
        INFO(figure);
        CHECK_THAT(text, Contains(figure));
        CHECK_THAT(md, Contains(figure));
    }
    CHECK_THAT(md, Contains("- By weekday: Mon 0, Tue 0, Wed 0, Thu 0, Fri 1, Sat 0, Sun 0\n"));
    CHECK_THAT(md, Contains("- By hour, 0 to 23: `         █              `\n"));
}
