#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using steady::test::file_bytes;
using steady::test::mode_of;
using steady::test::TestApp;

namespace {

void ok(TestApp& app, const std::vector<std::string>& args)
{
    auto result = app.run(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
}

// A journal with every kind, a goal, a clock with a lapse, a partner and a
// logged share.
void full_journal(TestApp& app)
{
    app.now = "2026-11-01T09:00";
    steady::test::add_alcohol(app);
    ok(app, {"goal", "add", "90 meetings", "--total", "90", "--by", "2027-01-30", "--tracks",
             "meetings"});
    ok(app, {"goal", "add", "read", "--target", "1", "--per", "day"});
    ok(app, {"partner", "add", "Sam", "--email", "sam@example.org", "--every", "sunday"});
    app.now = "2026-11-20T21:00";
    ok(app,
       {"checkin", "--mood", "7", "--craving", "2", "--sober", "yes", "--sleep", "6.5",
        "--gratitude", "Sam called, \"again\"", "--note", "line one\nline two", "--tag", "work"});
    ok(app, {"trigger", "the office, again", "--category", "stress", "--intensity", "6"});
    ok(app, {"craving", "--intensity", "8", "--trigger", "2", "--strategy", "walk", "--strategy",
             "called Sam", "--outcome", "resisted", "--duration", "20m"});
    ok(app, {"meeting", "Tuesday NA", "--type", "NA", "--duration", "1h"});
    ok(app, {"goal", "log", "2"});
    ok(app, {"clock", "reset", "alcohol", "--note", "a wedding"});
    ok(app, {"share", "sam", "--output", (app.dir() / "sam.txt").string()});
    app.now = "2026-11-22T20:00";
}

} // namespace

TEST_CASE("export --format json holds every record of the journal", "[cli][export]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    auto result = app.run({"export"});
    REQUIRE(result.exit_code == 0);
    auto doc = json::parse(result.out);
    CHECK(doc["format"] == "steady-journal");
    CHECK(doc["version"] == 1);
    CHECK(doc["exported_at"] == "2026-11-22T19:00:00Z");
    CHECK(doc["entries"].size() == 6);
    CHECK(doc["goals"].size() == 2);
    CHECK(doc["clocks"].size() == 1);
    CHECK(doc["partners"].size() == 1);
    CHECK(doc["shares"].size() == 1);
    CHECK(doc["plan"].empty());
    const auto& checkin = doc["entries"][0];
    CHECK(checkin["kind"] == "checkin");
    CHECK(checkin["at"] == "2026-11-20T20:00:00Z");
    CHECK(checkin["day"] == "2026-11-20");
    CHECK(checkin["tz"] == "Europe/Berlin");
    CHECK(checkin["sober"] == true);
    CHECK(checkin["sleep"] == 6.5);
    CHECK(checkin["energy"].is_null());
    CHECK(checkin["note"] == "line one\nline two");
    CHECK(checkin["tags"] == json::array({"work"}));
    const auto& craving = doc["entries"][2];
    CHECK(craving["trigger"] == 2);
    CHECK(craving["strategies"] == json::array({"walk", "called Sam"}));
    CHECK(craving["duration"] == 20);
    CHECK(doc["entries"][5]["kind"] == "lapse");
    CHECK(doc["goals"][0]["due"] == "2027-01-30");
    CHECK(doc["shares"][0]["partner_name"] == "Sam");
}

TEST_CASE("export --kind and --period narrow the entries", "[cli][export]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    auto doc = json::parse(app.run({"export", "--kind", "craving"}).out);
    CHECK(doc["entries"].size() == 1);
    doc = json::parse(app.run({"export", "--period", "2026-10"}).out);
    CHECK(doc["entries"].empty());
    CHECK(doc["goals"].size() == 2);
}

TEST_CASE("export --output writes the file atomically, mode 0600", "[cli][export]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    auto path = app.dir() / "all.json";
    auto result = app.run({"export", "--output", path.string()});
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Contains("Wrote 6 entries"));
    CHECK(mode_of(path) == 0600);
    CHECK(json::parse(file_bytes(path))["entries"].size() == 6);
    CHECK_REFUSED(app.run({"export", "--output", (app.dir() / "no" / "such" / "x.json").string()}),
                  73, "x.json");
}

TEST_CASE("export --format csv needs --kind and quotes as RFC 4180 says", "[cli][export]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    CHECK_REFUSED(app.run({"export", "--format", "csv"}), 64, "--kind");
    auto out = app.run({"export", "--format", "csv", "--kind", "checkin"}).out;
    CHECK(out == "id,uuid,kind,at,tz,day,mood,craving,sober,energy,sleep,gratitude,note,tags,"
                 "created,updated\r\n" +
                     out.substr(out.find("\r\n") + 2));
    CHECK_THAT(out, Contains(",7,2,yes,,6.5,\"Sam called, \"\"again\"\"\",\"line one\nline "
                             "two\",work,"));
    out = app.run({"export", "--format", "csv", "--kind", "craving"}).out;
    CHECK_THAT(out, Contains(",8,20,2,walk;called Sam,resisted,"));
    CHECK_REFUSED(app.run({"export", "--format", "xml"}), 64, "json, csv, markdown or ics");
}

TEST_CASE("export --format markdown is one section per day, newest last", "[cli][export]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    ok(app, {"trigger", "a quiet evening", "--at", "2026-11-18 19:00"});
    auto out = app.run({"export", "--format", "markdown"}).out;
    CHECK_THAT(out, Contains("# Journal, 2026-11-18 to 2026-11-22"));
    auto first = out.find("## Wednesday 2026-11-18");
    auto second = out.find("## Friday 2026-11-20");
    CHECK(first != std::string::npos);
    CHECK(second != std::string::npos);
    CHECK(first < second);
    CHECK_THAT(out, Contains("- 21:00 **checkin** mood 7"));
    CHECK_THAT(out, Contains("  > line one\n  > line two\n"));
    CHECK_THAT(out, Contains("**goal log**"));
}

TEST_CASE("export --format ics has goal due days and coming milestones", "[cli][export]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    auto out = app.run({"export", "--format", "ics"}).out;
    CHECK(out.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK_THAT(out, Contains("DTSTART;VALUE=DATE:20270130\r\n"));
    CHECK_THAT(out, Contains("SUMMARY:Goal due: 90 meetings\r\n"));
    // The clock was reset on 2026-11-20 at 21:00: 7 days is on the 27th.
    CHECK_THAT(out, Contains("DTSTART;VALUE=DATE:20261127\r\n"));
    CHECK_THAT(out, Contains("SUMMARY:7 days without alcohol\r\n"));
    for (std::size_t start = 0, end = 0; (end = out.find("\r\n", start)) != std::string::npos;
         start = end + 2)
        CHECK(end - start <= 75);
    CHECK(out.find('\n') == out.find("\r\n") + 1);
    // The same journal gives the same UIDs.
    CHECK(app.run({"export", "--format", "ics"}).out == out);
}

TEST_CASE("export --output onto the journal itself is refused, by any name", "[cli][export]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    auto before = app.snapshot();
    auto digest = steady::test::file_digest(app.db_path());
    namespace fs = std::filesystem;
    fs::create_symlink(app.db_path(), app.dir() / "link.db");
    fs::create_hard_link(app.db_path(), app.dir() / "hard.db");
    fs::create_directory(app.dir() / "sub");
    auto dotted = app.dir() / "sub" / ".." / "." / "journal.db";
    auto wal = app.db_path().string() + "-wal";
    auto wal_digest = steady::test::file_digest(wal);

    for (const auto& path : {app.db_path().string(), (app.dir() / "link.db").string(),
                             (app.dir() / "hard.db").string(), dotted.string(), wal}) {
        INFO(path);
        CHECK_REFUSED(app.run({"export", "--output", path}), 64, "is the journal itself");
        CHECK_REFUSED(app.run({"export", "--format", "markdown", "--output", path}), 64,
                      app.db_path().string());
    }
    CHECK(steady::test::file_digest(app.db_path()) == digest);
    CHECK(steady::test::file_digest(wal) == wal_digest);
    CHECK(app.snapshot() == before);
}

TEST_CASE("export or share --output to a folder says it is a folder, writes nothing",
          "[cli][export][share]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    full_journal(app);
    auto before = app.snapshot();
    auto folder = app.dir() / "out";
    std::filesystem::create_directory(folder);

    for (const auto& path : {folder.string(), folder.string() + "/"}) {
        INFO(path);
        CHECK_REFUSED(app.run({"export", "--output", path}), 73, "it is a folder");
        CHECK_REFUSED(app.run({"share", "sam", "--output", path}), 73,
                      "cannot write '" + path + "': it is a folder; give a file name");
    }
    CHECK(std::filesystem::is_empty(folder));
    CHECK(app.snapshot() == before); // no share logged
}
