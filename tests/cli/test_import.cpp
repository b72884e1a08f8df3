#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using steady::test::file_bytes;
using steady::test::TestApp;
using steady::test::write_file;

namespace {

void ok(TestApp& app, const std::vector<std::string>& args)
{
    auto result = app.run(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
}

// Every kind, two goals, a clock with two lapses, two partners, a share, a
// deleted trigger that a craving named, and text that needs escaping.
void full_journal(TestApp& app)
{
    app.now = "2026-11-01T09:00";
    steady::test::add_alcohol(app);
    ok(app, {"clock", "add", "nicotine", "--since", "2026-10-01", "--cost-per-day", "7.5"});
    ok(app, {"goal", "add", "90 meetings", "--total", "90", "--by", "2027-01-30", "--tracks",
             "meetings"});
    ok(app, {"goal", "add", "read", "--target", "1", "--per", "day"});
    ok(app, {"partner", "add", "Sam", "--email", "sam@example.org", "--every", "sunday",
             "--alert-after", "3", "--notes"});
    ok(app, {"partner", "add", "Jo", "--email", "jo@example.org", "--share", "checkins,mood"});
    app.now = "2026-11-20T21:00";
    ok(app, {"checkin", "--mood", "7", "--craving", "2", "--sober", "yes", "--sleep", "6.3",
             "--energy", "5", "--gratitude", "Sam called, \"again\"", "--note",
             "line one\nline two\ttab ü", "--tag", "work", "--tag", "évening"});
    ok(app,
       {"trigger", "the office", "--category", "stress", "--intensity", "6", "--coped", "walked"});
    ok(app, {"trigger", "a bar", "--category", "places"});
    ok(app, {"craving", "--intensity", "8", "--trigger", "2", "--strategy", "walk", "--strategy",
             "called Sam", "--outcome", "resisted", "--duration", "20m"});
    ok(app, {"craving", "--intensity", "3", "--trigger", "3"});
    ok(app, {"delete", "3", "--yes"});
    ok(app, {"meeting", "Tuesday NA", "--type", "NA", "--duration", "1h"});
    ok(app, {"goal", "log", "2", "--count", "3"});
    ok(app, {"clock", "reset", "alcohol", "--note", "a wedding"});
    app.now = "2026-11-21T10:00";
    ok(app, {"checkin", "--mood", "4"});
    ok(app, {"clock", "reset", "alcohol", "--at", "2026-11-21 09:00"});
    ok(app, {"share", "sam", "--output", (app.dir() / "sam.txt").string()});
    ok(app, {"plan", "add", "reasons", "be there for my kids"});
    ok(app, {"plan", "add", "coping", "walk, then call Sam"});
    ok(app, {"plan", "add", "coping", "tea \"and\" a book"});
    ok(app, {"plan", "remove", "coping", "1"});
    app.now = "2026-11-22T20:00";
}

// The export without its exported_at line.
std::string without_stamp(std::string text)
{
    auto at = text.find("\"exported_at\"");
    return text.erase(at, text.find('\n', at) - at);
}

steady::test::RunResult import_text(TestApp& app, const std::string& name, const std::string& text,
                                    std::vector<std::string> extra = {})
{
    write_file(app.dir() / name, text);
    std::vector<std::string> args = {"import", (app.dir() / name).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return app.run(args);
}

} // namespace

TEST_CASE("an export imported into an empty journal exports the same again", "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    auto first = app.run({"export"}).out;
    write_file(app.dir() / "all.json", first);

    TestApp fresh{"2026-11-23T08:00", "America/New_York"};
    auto result = fresh.run({"import", (app.dir() / "all.json").string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Contains("added 18"));
    CHECK_THAT(
        first,
        Contains("\"section\":\"coping\",\"position\":1,\"text\":\"tea \\\"and\\\" a book\""));
    CHECK_THAT(fresh.run({"plan"}).out, Contains("be there for my kids"));
    auto second = fresh.run({"export"}).out;
    CHECK(without_stamp(second) == without_stamp(first));
    CHECK(second != first); // exported_at differs

    // Twice adds nothing.
    auto again = fresh.run({"import", (app.dir() / "all.json").string()});
    CHECK_THAT(again.out, Contains("added 0, updated 0, skipped 18"));
    CHECK(without_stamp(fresh.run({"export"}).out) == without_stamp(first));
}

TEST_CASE("plan items import by section and text, at the end of their section", "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    ok(app, {"plan", "add", "coping", "call Sam"});
    auto result = import_text(app, "plan.json",
                              R"({"format": "steady-journal", "version": 1, "plan": [
        {"section": "coping", "text": "call Sam"},
        {"section": "Coping", "text": "  a long walk "},
        {"section": "reasons", "text": "my kids", "position": 7}]})");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Contains("added 2, updated 0, skipped 1"));
    auto plan = nlohmann::json::parse(app.run({"plan", "--json"}).out)["plan"];
    REQUIRE(plan.size() == 3);
    CHECK(plan[2]["section"] == "coping");
    CHECK(plan[2]["position"] == 2);
    CHECK(plan[2]["text"] == "a long walk");
    CHECK(plan[0]["section"] == "reasons");
    CHECK(plan[0]["position"] == 1);
    CHECK(plan[0]["text"] == "my kids");

    auto before = app.run({"plan", "--json"}).out;
    auto bad = import_text(app, "bad.json",
                           R"({"format": "steady-journal", "version": 1, "plan": [
        {"section": "coping", "text": "fine"}, {"section": "hopes", "text": "x"}]})");
    CHECK(bad.exit_code == 65);
    CHECK_THAT(bad.err, Contains("plan[1]") && Contains("unknown plan section 'hopes'"));
    auto empty = import_text(app, "empty.json",
                             R"({"format": "steady-journal", "version": 1, "plan": [
        {"section": "coping", "text": "  "}]})");
    CHECK(empty.exit_code == 65);
    CHECK(app.run({"plan", "--json"}).out == before);
}

TEST_CASE("importing into a journal with other records renumbers and keeps links", "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    write_file(app.dir() / "all.json", app.run({"export"}).out);
    TestApp other{"2026-11-22T20:00", "Europe/Berlin"};
    ok(other, {"clock", "add", "sugar", "--since", "2026-11-01"});
    ok(other, {"goal", "add", "walk", "--target", "3", "--per", "week"});
    ok(other, {"trigger", "noise"});
    ok(other, {"trigger", "noise again"});
    ok(other, {"import", (app.dir() / "all.json").string()});
    CHECK(other.count("SELECT count(*) FROM entries") == 11);
    // The craving's trigger is the imported 'the office', not 'noise again'.
    CHECK(other.query("SELECT t.what FROM entries c JOIN entries t ON t.id = c.trigger_id "
                      "WHERE c.kind = 'craving' AND c.intensity = 8") == "the office");
    CHECK(other.query("SELECT c.name FROM entries l JOIN clocks c ON c.id = l.clock_id "
                      "WHERE l.kind = 'lapse' LIMIT 1") == "alcohol");
    CHECK(other.query("SELECT g.title FROM entries l JOIN goals g ON g.id = l.goal_id "
                      "WHERE l.kind = 'goal_log'") == "read");
    CHECK(other.query("SELECT p.name FROM shares s JOIN partners p ON p.id = s.partner_id") ==
          "Sam");
    auto again = other.run({"import", (app.dir() / "all.json").string()});
    CHECK_THAT(again.out, Contains("added 0, updated 0"));
}

TEST_CASE("hand-written records need only kind, at and the required fields", "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto result =
        import_text(app, "old.json",
                    R"([{"kind": "checkin", "at": "2026-11-20T19:30:00Z", "mood": 6, "sleep": "-0"},
                                  {"kind": "craving", "at": "2026-11-21 22:10", "intensity": "7",
                                   "duration": "1h30m", "strategies": ["tea", " a walk "]},
                                  {"kind": "meeting", "at": "yesterday", "name": "Friday AA"}])");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    auto doc = json::parse(app.run({"export"}).out);
    REQUIRE(doc["entries"].size() == 3);
    CHECK(doc["entries"][0]["day"] == "2026-11-20");
    // Found by fuzz_read_csv: "-0" was read as a negative zero, written as
    // -0 and read back as 0 (a journal, SQLite, happens to store it as 0).
    CHECK(doc["entries"][0]["sleep"] == 0);
    CHECK(app.run({"export"}).out.find("\"sleep\":-0") == std::string::npos);
    CHECK(doc["entries"][0]["tz"] == "Europe/Berlin");
    CHECK(doc["entries"][0]["uuid"].get<std::string>().size() == 36);
    CHECK(doc["entries"][1]["at"] == "2026-11-21T21:10:00Z");
    CHECK(doc["entries"][1]["duration"] == 90);
    // Each item as --strategy takes it: trimmed (as a csv cell's items are).
    CHECK(doc["entries"][1]["strategies"] == json::array({"tea", "a walk"}));
    CHECK(doc["entries"][2]["day"] == "2026-11-21");
}

TEST_CASE("import --dry-run counts and writes nothing; --update replaces", "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    ok(app, {"checkin", "--mood", "7"});
    auto doc = json::parse(app.run({"export"}).out);
    auto before = app.snapshot();
    doc["entries"][0]["mood"] = 8;
    doc["entries"].push_back({{"kind", "trigger"}, {"at", "2026-11-21T10:00:00Z"}, {"what", "x"}});
    write_file(app.dir() / "changed.json", doc.dump());
    auto path = (app.dir() / "changed.json").string();
    CHECK_REFUSED(app.run({"import", path}), 65, "--update");
    auto dry = app.run({"import", path, "--dry-run", "--update"});
    CHECK(dry.exit_code == 0);
    CHECK_THAT(dry.out, Contains("Would add 1, update 1, skip 0"));
    CHECK(app.snapshot() == before);
    ok(app, {"import", path, "--update"});
    CHECK(app.count("SELECT mood FROM entries WHERE kind = 'checkin'") == 8);
    CHECK(app.count("SELECT count(*) FROM entries") == 2);
}

TEST_CASE("csv exports import again, and hand-written csv too", "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    TestApp fresh{"2026-11-22T20:00", "Europe/Berlin"};
    for (const char* kind : {"checkin", "trigger"}) {
        auto csv = app.run({"export", "--format", "csv", "--kind", kind}).out;
        write_file(fresh.dir() / "x.csv", csv);
        ok(fresh, {"import", (fresh.dir() / "x.csv").string()});
        CHECK(fresh.run({"export", "--format", "csv", "--kind", kind}).out == csv);
    }
    auto result = import_text(fresh, "mine.csv",
                              "\xEF\xBB\xBFkind,at,mood,sober,note\r\n"
                              "checkin,2026-11-10 21:00,6,no,\"a, b\"\r\n"
                              "checkin,2026-11-11,5,yes,\r\n");
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(fresh.query("SELECT note FROM entries WHERE day = '2026-11-10'") == "a, b");
}

TEST_CASE("bad imports are refused whole, naming the record and the reason", "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    ok(app, {"checkin", "--mood", "7", "--date", "2026-11-01"});
    auto before = app.snapshot();
    const std::string head = R"({"format": "steady-journal", "version": 1, "entries": [)";
    const std::string good = R"({"kind": "trigger", "at": "2026-11-20T10:00:00Z", "what": "x"},)";
    const std::string uuid = R"("uuid": "3f2b8c1e-6a4d-4f1e-9b2a-7c8d9e0f1a2b")";
    struct Case {
        const char* name;
        std::string text;
        int code;
        const char* says;
    };
    std::vector<Case> cases = {
        {"truncated.json", head + good, 65, "not valid JSON"},
        {"format.json", R"({"format": "steady-summary", "version": 1})", 65, "steady-summary"},
        {"version.json", R"({"format": "steady-journal", "version": 2, "entries": []})", 65,
         "newer steady"},
        {"mood.json",
         head + good + R"({"kind": "checkin", "at": "2026-11-20T19:00:00Z", "mood": 99}]})", 65,
         "entries[1]: mood must be a whole number from 1 to 10 (got 99)"},
        {"kind.json", head + R"({"kind": "dream", "at": "2026-11-20T19:00:00Z"}]})", 65,
         "entries[0]: unknown kind 'dream'"},
        {"dup.json",
         head + R"({"kind": "trigger", "at": "2026-11-20T10:00:00Z", "what": "a", )" + uuid +
             R"(}, {"kind": "trigger", "at": "2026-11-20T10:00:00Z", "what": "b", )" + uuid + "}]}",
         65, "entries[1] has the uuid 3f2b8c1e-6a4d-4f1e-9b2a-7c8d9e0f1a2b of entries[0]"},
        {"second.json",
         head + good + R"({"kind": "checkin", "at": "2026-11-01T19:00:00Z", "mood": 5}]})", 65,
         "entries[1]: the journal already has a check-in for that day"},
        {"nogoal.json",
         head + R"({"kind": "goal_log", "at": "2026-11-20T19:00:00Z", "goal_id": 9}]})", 65,
         "entries[0] refers to goal 9"},
        // Within a run of entries written one after another, the record is
        // still named by its own place in the file.
        {"nogoal2.json",
         head + good + good +
             R"({"kind": "goal_log", "at": "2026-11-20T19:00:00Z", "goal_id": 9},)" +
             R"({"kind": "lapse", "at": "2026-11-20T19:00:00Z", "clock_id": 4}]})",
         65, "entries[2] refers to goal 9"},
        {"noclock.csv",
         "kind,at,what,clock_id\r\ntrigger,2026-11-20 10:00,a,\r\ntrigger,2026-11-20 11:00,b,\r\n"
         "lapse,2026-11-20 12:00,,4\r\n",
         65, "line 4 refers to clock 4"},
        {"nomood.csv", "kind,at,craving\r\ncheckin,2026-11-20 10:00,3\r\n", 65,
         "line 2: a checkin needs mood"},
        {"quote.csv", "kind,at,what\r\ntrigger,2026-11-20 10:00,\"open\r\n", 65,
         "line 2: a quoted cell is not closed"},
        {"latin1.csv", "kind,at,what\r\ntrigger,2026-11-20 10:00,caf\xe9\r\n", 65,
         "line 2: the text is not UTF-8"},
        {"latin1.json",
         head + R"({"kind": "trigger", "at": "2026-11-20T10:00:00Z", "what": "caf)" +
             std::string("\xe9") + "\"}]}",
         65, "not valid JSON"},
        // A section given twice would be read twice, under the same positions.
        {"twice.json",
         R"({"format": "steady-journal", "version": 1, "entries": [)" +
             good.substr(0, good.size() - 1) + R"(], "goals": [], "entries": [)" +
             good.substr(0, good.size() - 1) + "]}",
         65, "the section 'entries' is given twice"},
        {"scalar.json", R"({"format": "steady-journal", "version": 1, "entries": 5})", 65,
         "the section 'entries' must be a list"},
        {"object.json", R"({"format": "steady-journal", "version": 1, "goals": {"id": 1}})", 65,
         "the section 'goals' must be a list"},
        {"strategy.json",
         head + R"({"kind": "craving", "at": "2026-11-20T19:00:00Z", "intensity": 5, )" +
             R"("strategies": ["walk", " "]}]})",
         65, "entries[0]: strategy must be a non-empty text"},
        {"empty.json", "", 65, "empty"},
        {"empty.csv", "", 65, "empty"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        CHECK_REFUSED(import_text(app, c.name, c.text), c.code, c.says);
        CHECK_THAT(import_text(app, c.name, c.text).err, Contains("nothing was imported"));
    }
    CHECK(app.snapshot() == before);
    CHECK_REFUSED(app.run({"import", (app.dir() / "missing.json").string()}), 66, "missing.json");
}

// import reads on one thread and writes on another (import.cpp): whichever
// fails, the first bad record of the file is the one named, and a refusal
// early in a long file stops the reading without waiting for the rest.
TEST_CASE("in a long file the first bad record is named, whichever part finds it", "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    ok(app, {"checkin", "--mood", "7", "--date", "2026-11-01"});
    auto before = app.snapshot();
    auto triggers = [](int from, int count) {
        std::string out;
        for (int i = from; i < from + count; ++i)
            out += R"({"kind": "trigger", "at": "2026-10-01T10:00:00Z", "what": "t)" +
                   std::to_string(i) + R"("},)";
        return out;
    };
    const std::string head = R"({"format": "steady-journal", "version": 1, "entries": [)";
    const std::string taken = R"({"kind": "checkin", "at": "2026-11-01T19:00:00Z", "mood": 5},)";
    const std::string mood = R"({"kind": "checkin", "at": "2026-11-02T19:00:00Z", "mood": 99},)";
    struct Case {
        const char* name;
        std::string text;
        const char* says;
    };
    std::vector<Case> cases = {
        // refused by the journal at 3, the rest of 20,000 records never read
        {"early.json", head + triggers(0, 3) + taken + triggers(3, 20000) + "{]}",
         "entries[3]: the journal already has a check-in for that day"},
        // refused by the journal before a record that cannot be read
        {"journal-first.json", head + triggers(0, 2000) + taken + triggers(0, 10) + mood + "{}]}",
         "entries[2000]: the journal already has a check-in for that day"},
        // a record that cannot be read before one the journal would refuse
        {"reader-first.json", head + triggers(0, 2000) + mood + triggers(0, 10) + taken + "{}]}",
         "entries[2000]: mood must be a whole number from 1 to 10 (got 99)"},
        // JSON broken after thousands of good records
        {"broken.json", head + triggers(0, 5000) + "{\"kind\": ]}", "not valid JSON"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        auto result = import_text(app, c.name, c.text);
        CHECK_REFUSED(result, 65, c.says);
        CHECK_THAT(result.err, Contains("nothing was imported"));
    }
    CHECK(app.snapshot() == before);
    std::string csv = "kind,at,what,mood\r\n";
    for (int i = 0; i < 3000; ++i)
        csv += "trigger,2026-10-01 10:00,t" + std::to_string(i) + ",\r\n";
    csv += "checkin,2026-11-01 19:00,,5\r\n";
    for (int i = 0; i < 3000; ++i)
        csv += "trigger,2026-10-01 10:00,u" + std::to_string(i) + ",\r\n";
    CHECK_REFUSED(import_text(app, "long.csv", csv), 65,
                  "line 3002: the journal already has a check-in for that day");
    CHECK(app.snapshot() == before);
}

TEST_CASE("an export of cravings alone imports, their triggers unlinked", "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    write_file(app.dir() / "cravings.json", app.run({"export", "--kind", "craving"}).out);
    TestApp fresh{"2026-11-22T20:00", "Europe/Berlin"};
    ok(fresh, {"import", (app.dir() / "cravings.json").string()});
    CHECK(fresh.count("SELECT count(*) FROM entries WHERE kind = 'craving'") == 2);
    CHECK(fresh.count("SELECT count(*) FROM entries WHERE trigger_id IS NOT NULL") == 0);
}

namespace {

// The journal's schema as sqlite3's .schema shows it: every table, index,
// view and trigger with its text.
std::string schema_of(const TestApp& app)
{
    return app.query("SELECT group_concat(type || ' ' || name || ': ' || coalesce(sql, ''), "
                     "char(10)) FROM (SELECT * FROM sqlite_schema ORDER BY type, name)");
}

// Runs `sql` on the journal as sqlite3 would.
void exec_sql(const TestApp& app, const std::string& sql)
{
    SQLite::Database db(app.db_path().string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
}

// report --period all after the rollup has been thrown away, so that every
// month is counted from the entries again.
std::string report_from_scratch(TestApp& app)
{
    exec_sql(app, "DELETE FROM report_rollup; DELETE FROM report_stale; "
                  "INSERT INTO report_stale SELECT DISTINCT substr(day, 1, 7) FROM entries");
    return app.run({"report", "--period", "all"}).out;
}

} // namespace

TEST_CASE("import leaves the report's triggers as they were, whether it fails or not",
          "[cli][import]")
{
    // import drops the trigger that marks report months stale for its
    // transaction and marks the months it wrote itself (store/exchange.cpp).
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    ok(app, {"trigger", "noise", "--at", "2026-09-10 10:00"});
    ok(app, {"trigger", "noise", "--at", "2026-10-10 10:00"});
    ok(app, {"report", "--period", "all"});
    auto schema = schema_of(app);
    REQUIRE_THAT(schema, Contains("report_stale_on_insert"));
    auto before = app.snapshot();

    const std::string head = R"({"format": "steady-journal", "version": 1, "entries": [)";
    const std::string good = R"({"kind": "trigger", "at": "2026-10-20T10:00:00Z", "what": "x"},)";
    CHECK_REFUSED(import_text(app, "bad.json",
                              head + good + R"({"kind": "checkin", "at": "x", "mood": 5}]})"),
                  65, "entries[1]");
    CHECK_REFUSED(import_text(app, "dangling.json",
                              head + good +
                                  R"({"kind": "goal_log", "at": "2026-10-20T19:00:00Z", )"
                                  R"("goal_id": 9}]})"),
                  65, "refers to goal 9");
    CHECK(schema_of(app) == schema);
    CHECK(app.snapshot() == before);
    auto dry = import_text(app, "good.json",
                           head + good +
                               R"({"kind": "trigger", )"
                               R"("at": "2026-08-01T10:00:00Z", )"
                               R"("what": "y"}]})",
                           {"--dry-run"});
    CHECK(dry.exit_code == 0);
    CHECK(schema_of(app) == schema);
    CHECK(app.snapshot() == before);

    ok(app, {"import", (app.dir() / "good.json").string()});
    CHECK(schema_of(app) == schema);
    // Check-ins imported: the run the streak is counted on ends on the newest.
    ok(app, {"checkin", "--mood", "5", "--date", "2026-11-20"});
    CHECK_REFUSED(import_text(app, "bad.json",
                              head + good + R"({"kind": "checkin", "at": "x", "mood": 5}]})"),
                  65, "entries[1]");
    import_text(app, "days.json",
                head + R"({"kind": "checkin", "at": "2026-11-21T19:00:00Z", "mood": 6},)"
                       R"({"kind": "checkin", "at": "2026-11-19T19:00:00Z", "mood": 6}]})");
    CHECK(app.query("SELECT first_day || ' ' || last_day FROM checkin_run") ==
          "2026-11-19 2026-11-21");
    CHECK(schema_of(app) == schema);
    // The trigger is back and marks months again: a trigger in a month the
    // rollup holds changes the report as if counted from scratch.
    ok(app, {"trigger", "later", "--at", "2026-09-20 10:00", "--intensity", "9"});
    auto report = app.run({"report", "--period", "all"}).out;
    CHECK(report == report_from_scratch(app));
}

TEST_CASE("the report after an import is the report counted from scratch", "[cli][import]")
{
    TestApp source{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(source);
    ok(source, {"trigger", "old", "--at", "2026-07-01 00:30", "--intensity", "9"});
    ok(source, {"craving", "--intensity", "4", "--at", "2026-08-15 12:00"});
    write_file(source.dir() / "all.json", source.run({"export"}).out);
    // Records without ids take the next free ones: nothing is renumbered, so
    // no UPDATE fires the triggers that are still there.
    write_file(source.dir() / "mine.json",
               R"([{"kind": "trigger", "at": "2026-07-02T12:00:00Z", "what": "x", "intensity": 9},
                   {"kind": "craving", "at": "2026-08-03T12:00:00Z", "intensity": 7}])");

    // A journal whose rollup already holds the months the file adds to.
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    for (const char* at : {"2026-06-30 23:00", "2026-07-02 10:00", "2026-08-03 10:00",
                           "2026-09-03 10:00", "2026-11-02 10:00"})
        ok(app, {"trigger", "mine", "--at", at, "--intensity", "5"});
    ok(app, {"report", "--period", "all"});
    exec_sql(app, "DELETE FROM report_stale"); // every month's figures in the rollup
    REQUIRE(app.count("SELECT count(*) FROM report_rollup") > 0);
    auto before = app.run({"report", "--period", "all"}).out;
    ok(app, {"import", (source.dir() / "mine.json").string()});
    auto report = app.run({"report", "--period", "all"}).out;
    CHECK(report == report_from_scratch(app));
    ok(app, {"import", (source.dir() / "all.json").string()});
    report = app.run({"report", "--period", "all"}).out;
    CHECK(report == report_from_scratch(app));
    CHECK(report != before);
}

namespace {

// Every name in `folder` and below it, relative to it, sorted.
std::vector<std::string> tree_of(const std::filesystem::path& folder)
{
    std::vector<std::string> names;
    for (const auto& item : std::filesystem::recursive_directory_iterator(folder))
        names.push_back(std::filesystem::relative(item.path(), folder).string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("a refused import into a journal not made yet leaves no journal, nor its folders",
          "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto bad = app.dir() / "bad.json";
    write_file(bad, R"([{"kind":"checkin","at":"2026-11-20T21:00:00+01:00","mood":7},)"
                    R"( {"kind":"checkin","at":"2026-11-21T21:00:00+01:00","mood":"high"}])");
    auto empty = app.dir() / "empty.json";
    write_file(empty, "");
    auto before = tree_of(app.dir());

    app.env["STEADY_DB"] = (app.dir() / "new" / "deeper" / "journal.db").string();
    CHECK_REFUSED(app.run({"import", bad.string()}), 65, "nothing was imported");
    CHECK_REFUSED(app.run({"import", empty.string()}), 65, "the file is empty");
    CHECK(tree_of(app.dir()) == before);

    app.env["STEADY_DB"] = app.db_path().string();
    CHECK_REFUSED(app.run({"import", bad.string()}), 65, "[1]");
    CHECK_FALSE(app.journal_exists());
    CHECK(tree_of(app.dir()) == before);
}

TEST_CASE("an import into a journal not made yet makes it, private, in new private folders",
          "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    auto file = app.dir() / "all.json";
    auto exported = app.run({"export", "--output", file.string()});
    REQUIRE(exported.exit_code == 0);

    auto db = app.dir() / "new" / "journal.db";
    app.env["STEADY_DB"] = db.string();
    ok(app, {"import", file.string()});
    CHECK(steady::test::mode_of(db) == 0600);
    CHECK(steady::test::mode_of(db.parent_path()) == 0700);
    CHECK(tree_of(db.parent_path()) == std::vector<std::string>{"journal.db"});
    auto again = app.run({"export"});
    REQUIRE(again.exit_code == 0);
    CHECK(json::parse(again.out)["entries"] == json::parse(file_bytes(file))["entries"]);
}

TEST_CASE("goal done, archive and log name a missing goal without making a journal",
          "[cli][import][goal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    CHECK_REFUSED(app.run({"goal", "done", "1"}), 65, "no goal #1");
    CHECK_REFUSED(app.run({"goal", "archive", "1"}), 65, "no goal #1");
    CHECK_REFUSED(app.run({"goal", "log", "1"}), 65, "no goal #1");
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("the same share logged twice in a second is imported twice, and only once",
          "[cli][import][share]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    ok(app, {"partner", "add", "Kim", "--email", "kim@example.org"});
    ok(app, {"checkin", "--mood", "6"});
    ok(app, {"share", "Kim"});
    ok(app, {"share", "Kim"});
    REQUIRE(app.count("SELECT count(*) FROM shares") == 2);
    auto first = app.run({"export"}).out;
    write_file(app.dir() / "all.json", first);

    TestApp fresh{"2026-11-23T08:00", "Europe/Berlin"};
    auto result = fresh.run({"import", (app.dir() / "all.json").string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Contains("added 4, updated 0, skipped 0"));
    CHECK(fresh.count("SELECT count(*) FROM shares") == 2);
    CHECK(without_stamp(fresh.run({"export"}).out) == without_stamp(first));

    // Again, into either journal: both shares are there already.
    for (auto* journal : {&fresh, &app}) {
        auto again = journal->run({"import", (app.dir() / "all.json").string()});
        CHECK_THAT(again.out, Contains("added 0, updated 0, skipped 4"));
        CHECK(journal->count("SELECT count(*) FROM shares") == 2);
    }
}

TEST_CASE("an import through a dangling symlink makes the journal at its target, or nothing",
          "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    auto file = app.dir() / "all.json";
    REQUIRE(app.run({"export", "--output", file.string()}).exit_code == 0);
    auto bad = app.dir() / "bad.json";
    write_file(bad, R"([{"kind":"checkin","at":"2026-11-20T21:00:00+01:00","mood":"high"}])");
    auto link = app.dir() / "link.db";
    auto target = app.dir() / "target.db";
    std::filesystem::create_symlink("target.db", link);
    app.env["STEADY_DB"] = link.string();

    CHECK_REFUSED(app.run({"import", bad.string()}), 65, "nothing was imported");
    CHECK_FALSE(std::filesystem::exists(target));
    ok(app, {"import", file.string()});
    CHECK(std::filesystem::is_symlink(link));
    CHECK(std::filesystem::is_regular_file(target));
    CHECK(app.count("SELECT count(*) FROM entries") > 0);
}

TEST_CASE("the next write removes what a killed import into a new journal left", "[cli][import]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
    namespace fs = std::filesystem;
    auto temp = app.dir() / ".journal.db.steady-AbC123";
    std::vector<fs::path> left = {temp, temp.string() + "-wal", temp.string() + "-shm"};
    auto fresh = app.dir() / ".journal.db.steady-XyZ789"; // a minute has not passed
    for (const auto& path : left)
        write_file(path, "half an import");
    write_file(fresh, "still being written");
    auto old = fs::file_time_type::clock::now() - std::chrono::minutes(2);
    fs::last_write_time(temp, old);
    // A name that a kill left between the link into place and the unlink:
    // a second name of the journal itself, removed without being opened.
    auto second = app.dir() / ".journal.db.steady-LnK456";
    fs::create_hard_link(app.db_path(), second);
    fs::last_write_time(app.db_path(), old);

    REQUIRE(app.run({"trigger", "payday"}).exit_code == 0);
    for (const auto& path : left)
        CHECK_FALSE(fs::exists(path));
    CHECK_FALSE(fs::exists(second));
    CHECK(fs::exists(fresh));
    CHECK(app.count("SELECT count(*) FROM entries") == 2);
}
