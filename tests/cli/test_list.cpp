#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"
#include "timeutil/time.hpp"

using Catch::Matchers::Contains;
using steady::test::occurrences;
using steady::test::TestApp;

namespace {

// A trigger logged at `at` (UTC) on `day` in Berlin, as `steady trigger` will.
steady::domain::Entry trigger(const char* at, const char* day, const std::string& what,
                              std::vector<std::string> tags = {})
{
    steady::domain::Entry entry;
    entry.kind = steady::domain::Kind::trigger;
    entry.at = *steady::timeutil::parse_stored_instant(at);
    entry.tz = "Europe/Berlin";
    entry.day = *steady::timeutil::parse_stored_day(day);
    entry.values["what"] = what;
    entry.tags = std::move(tags);
    return entry;
}

// A journal with check-ins on 2026-11-15, -20, -21 and -22 and two triggers.
void fill(TestApp& app)
{
    REQUIRE(app.run({"checkin", "--date", "2026-11-15", "--mood", "3", "--note", "rough week"})
                .exit_code == 0);
    REQUIRE(
        app.run({"checkin", "--date", "2026-11-20", "--mood", "5", "--tag", "work"}).exit_code ==
        0);
    REQUIRE(app.run({"checkin", "--date", "2026-11-21", "--mood", "6", "--note",
                     "long day, called Sam", "--tag", "work", "--tag", "family"})
                .exit_code == 0);
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    app.add_entry(trigger("2026-11-22T17:30:00Z", "2026-11-22", "payday at the pub", {"money"}));
    app.add_entry(trigger("2026-11-19T12:00:00Z", "2026-11-19", "argument with Jo"));
}

} // namespace

TEST_CASE("list shows the journal newest first", "[cli][list]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    fill(app);

    auto r = app.run({"list"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("ID"));
    CHECK_THAT(r.out, Contains("KIND"));
    auto today = r.out.find("mood 7");
    auto pub = r.out.find("payday at the pub");
    auto sam = r.out.find("called Sam");
    auto jo = r.out.find("argument with Jo");
    auto rough = r.out.find("rough week");
    REQUIRE(today != std::string::npos);
    REQUIRE(rough != std::string::npos);
    CHECK(today < pub);
    CHECK(pub < sam);
    CHECK(sam < jo);
    CHECK(jo < rough);
}

TEST_CASE("list --json holds every entry with its fields", "[cli][list][json]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    fill(app);

    auto r = app.run({"list", "--json"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains(R"("period": null)"));
    CHECK(occurrences(r.out, R"("kind": "checkin")") == 4);
    CHECK(occurrences(r.out, R"("kind": "trigger")") == 2);
    CHECK_THAT(r.out, Contains(R"("what": "payday at the pub")"));
    CHECK_THAT(r.out, Contains(R"("mood": 6)"));
    CHECK(r.out.find(R"("day": "2026-11-22")") < r.out.find(R"("day": "2026-11-15")"));
}

TEST_CASE("list --kind keeps one kind", "[cli][list]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    fill(app);

    auto checkins = app.run({"list", "--kind", "checkin", "--json"});
    auto triggers = app.run({"list", "--kind", "trigger", "--json"});
    auto goal_logs = app.run({"list", "--kind", "goal-log", "--json"});

    CHECK(occurrences(checkins.out, R"("kind": )") == 4);
    CHECK(occurrences(triggers.out, R"("kind": "trigger")") == 2);
    CHECK(occurrences(triggers.out, R"("kind": )") == 2);
    REQUIRE(goal_logs.exit_code == 0);
    CHECK(occurrences(goal_logs.out, R"("kind": )") == 0);
}

TEST_CASE("list --period keeps the days of the period", "[cli][list][time]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    fill(app);

    auto week = app.run({"list", "--period", "this week", "--json"});
    REQUIRE(week.exit_code == 0);
    CHECK_THAT(week.out, Contains(R"("from": "2026-11-16")"));
    CHECK_THAT(week.out, Contains(R"("to": "2026-11-22")"));
    CHECK(occurrences(week.out, R"("kind": )") == 5);
    CHECK_THAT(week.out, !Contains("2026-11-15"));

    auto day = app.run({"list", "--period", "2026-11-21", "--json"});
    CHECK(occurrences(day.out, R"("kind": )") == 1);
    CHECK_THAT(day.out, Contains("called Sam"));

    auto last_week = app.run({"list", "--period", "last week", "--json"});
    CHECK(occurrences(last_week.out, R"("kind": )") == 1);
    CHECK_THAT(last_week.out, Contains("rough week"));

    auto all = app.run({"list", "--period", "all", "--json"});
    CHECK(occurrences(all.out, R"("kind": )") == 6);
}

TEST_CASE("list --tag and --search narrow the list", "[cli][list]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    fill(app);

    auto work = app.run({"list", "--tag", "work", "--json"});
    CHECK(occurrences(work.out, R"("kind": )") == 2);
    auto hashed = app.run({"list", "--tag", "#Work", "--json"});
    CHECK(occurrences(hashed.out, R"("kind": )") == 2);
    auto money = app.run({"list", "--tag", "money", "--json"});
    CHECK(occurrences(money.out, R"("kind": )") == 1);
    CHECK_THAT(money.out, Contains("payday"));

    auto sam = app.run({"list", "--search", "sam", "--json"});
    CHECK(occurrences(sam.out, R"("kind": )") == 1);
    CHECK_THAT(sam.out, Contains("called Sam"));
    auto pub = app.run({"list", "--search", "PUB", "--json"});
    CHECK(occurrences(pub.out, R"("kind": )") == 1);
    auto nothing = app.run({"list", "--search", "zebra"});
    CHECK(nothing.exit_code == 0);
    CHECK_THAT(nothing.out, Contains("Nothing here yet."));

    auto both =
        app.run({"list", "--kind", "checkin", "--tag", "work", "--search", "sam", "--json"});
    CHECK(occurrences(both.out, R"("kind": )") == 1);
}

TEST_CASE("tags are stored in lower case beyond ASCII", "[cli][list]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    REQUIRE(
        app.run({"trigger", "x", "--tag", "Übung", "--tag", "ΣΟΦΙΑ", "--tag", "Дом"}).exit_code ==
        0);

    CHECK(app.query("SELECT tags FROM entries") == R"(["übung","σοφια","дом"])");
}

TEST_CASE("list --tag ignores case beyond ASCII", "[cli][list]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"trigger", "x", "--tag", "Übung"}).exit_code == 0);
    // As saved before tags were lowered beyond ASCII.
    app.add_entry(trigger("2026-11-21T12:00:00Z", "2026-11-21", "old", {"Ärger"}));

    auto upper = app.run({"list", "--tag", "ÜBUNG", "--json"});
    auto lower = app.run({"list", "--tag", "übung", "--json"});
    auto old = app.run({"list", "--tag", "ärger", "--json"});

    CHECK(occurrences(upper.out, R"("kind": )") == 1);
    CHECK(occurrences(lower.out, R"("kind": )") == 1);
    CHECK(occurrences(old.out, R"("kind": )") == 1);
    CHECK_THAT(old.out, Contains(R"("what": "old")"));
}

TEST_CASE("list --search ignores case beyond ASCII whatever the locale", "[cli][list]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    app.env.erase("LANG"); // as cron runs it
    REQUIRE(app.run({"checkin", "--mood", "4", "--note", "Ärger mit Chef"}).exit_code == 0);
    REQUIRE(
        app.run({"checkin", "--date", "yesterday", "--mood", "5", "--note", "ДОМА"}).exit_code ==
        0);

    auto anger = app.run({"list", "--search", "ärger", "--json"});
    auto home = app.run({"list", "--search", "дома", "--json"});
    auto upper = app.run({"list", "--search", "CHEF", "--json"});

    CHECK(occurrences(anger.out, R"("kind": )") == 1);
    CHECK_THAT(anger.out, Contains("Ärger mit Chef"));
    CHECK(occurrences(home.out, R"("kind": )") == 1);
    CHECK(occurrences(upper.out, R"("kind": )") == 1);
}

TEST_CASE("list --search and --tag beyond ASCII skip deleted entries", "[cli][list]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "4", "--note", "Ärger mit Chef", "--tag", "Übung"})
                .exit_code == 0);
    REQUIRE(app.run({"trigger", "ÄRGER im Bus", "--tag", "ÜBUNG"}).exit_code == 0);
    REQUIRE(app.run({"delete", "1", "--yes"}).exit_code == 0);

    auto search = app.run({"list", "--search", "ärger", "--json"});
    auto tag = app.run({"list", "--tag", "übung", "--json"});

    CHECK(occurrences(search.out, R"("kind": )") == 1);
    CHECK_THAT(search.out, Contains("ÄRGER im Bus"));
    CHECK_THAT(search.out, !Contains("Chef"));
    CHECK(occurrences(tag.out, R"("kind": )") == 1);
    CHECK_THAT(tag.out, Contains("ÄRGER im Bus"));
}

TEST_CASE("a search for SQL's wildcards finds them literally", "[cli][list]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "5", "--note", "100% better"}).exit_code == 0);
    REQUIRE(
        app.run({"checkin", "--date", "yesterday", "--mood", "5", "--note", "plain"}).exit_code ==
        0);

    CHECK(occurrences(app.run({"list", "--search", "%", "--json"}).out, R"("kind": )") == 1);
    CHECK(occurrences(app.run({"list", "--search", "_", "--json"}).out, R"("kind": )") == 0);
    CHECK(occurrences(app.run({"list", "--search", "'", "--json"}).out, R"("kind": )") == 0);
}

TEST_CASE("list --limit caps the list; 0 means all; 30 by default", "[cli][list]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    for (int day = 1; day <= 22; ++day) {
        auto date = "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
        REQUIRE(app.run({"checkin", "--date", date, "--mood", "5"}).exit_code == 0);
    }
    for (int day = 1; day <= 10; ++day) {
        auto date = "2026-10-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
        REQUIRE(app.run({"checkin", "--date", date, "--mood", "4"}).exit_code == 0);
    }

    auto one = app.run({"list", "--limit", "1", "--json"});
    CHECK(occurrences(one.out, R"("kind": )") == 1);
    CHECK_THAT(one.out, Contains("2026-11-22"));
    CHECK(occurrences(app.run({"list", "--json"}).out, R"("kind": )") == 30);
    CHECK(occurrences(app.run({"list", "--limit", "0", "--json"}).out, R"("kind": )") == 32);
    CHECK(occurrences(app.run({"list", "--limit", "100", "--json"}).out, R"("kind": )") == 32);
}

TEST_CASE("list on a missing journal is empty and creates nothing", "[cli][list]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto text = app.run({"list"});
    auto json = app.run({"list", "--json"});

    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Contains("Nothing here yet."));
    CHECK(json.exit_code == 0);
    CHECK_THAT(json.out, Contains(R"("entries": [])"));
    CHECK_FALSE(app.journal_exists());
    CHECK(std::filesystem::is_empty(app.dir()));
}

TEST_CASE("list with a bad filter is refused", "[cli][list][errors]")
{
    struct Row {
        std::vector<std::string> args;
        std::string message;
    };
    auto row = GENERATE(values<Row>({
        {{"list", "--kind", "mood"}, "'mood' is not a kind"},
        {{"list", "--kind", ""}, "kind"},
        {{"list", "--period", "someday"}, "'someday'"},
        {{"list", "--period", "2026-W54"}, "2026-W54"},
        {{"list", "--period", "2026-11-22..2026-11-01"}, "2026-11-22..2026-11-01"},
        {{"list", "--limit", "-1"}, "--limit"},
        {{"list", "--limit", "x"}, "--limit"},
        {{"list", "--limit", "99999999999"}, "--limit"},
        {{"list", "--tag", "two words"}, "'two words'"},
    }));
    CAPTURE(row.args);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    SECTION("on a missing journal")
    {
        CHECK_REFUSED(app.run(row.args), 64, row.message);
        CHECK_FALSE(app.journal_exists());
    }
    SECTION("on a journal")
    {
        REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
        auto before = app.snapshot();
        CHECK_REFUSED(app.run(row.args), 64, row.message);
        CHECK(app.snapshot() == before);
    }
}

TEST_CASE("list's table shows the local time of each entry", "[cli][list][time]")
{
    TestApp app{"2026-11-22T20:15", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);

    auto r = app.run({"list"});

    CHECK_THAT(r.out, Contains("2026-11-22  20:15  checkin"));
}

TEST_CASE("entries keep their day when the user travels", "[cli][list][time]")
{
    TestApp app{"2026-11-22T23:30", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
    app.tz = "America/New_York";
    app.now = "2026-11-22T18:00";

    auto on_the_day = app.run({"list", "--period", "2026-11-22", "--json"});
    auto today = app.run({"list", "--period", "today", "--json"});

    CHECK(occurrences(on_the_day.out, R"("kind": )") == 1);
    CHECK_THAT(on_the_day.out, Contains(R"("tz": "Europe/Berlin")"));
    CHECK_THAT(on_the_day.out, Contains(R"("at": "2026-11-22T22:30:00Z")"));
    CHECK(occurrences(today.out, R"("kind": )") == 1);
    CHECK_THAT(app.run({}).out, Contains("checked in"));
}

TEST_CASE("list shows each entry at the time its writer lived it", "[cli][list][time]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    app.tz = "America/New_York"; // travelling: now 14:00 there

    auto r = app.run({"list"});

    CHECK_THAT(r.out, Contains("2026-11-22  20:00  checkin"));
    CHECK_THAT(app.run({"show", "1"}).out, Contains("2026-11-22 20:00 (Europe/Berlin)"));
}

TEST_CASE("a note's control characters never reach the terminal raw", "[cli][list][show]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    // As a journal imported from elsewhere could hold them: escape, bell,
    // a carriage return, DEL; a newline and a tab as a person types them.
    auto logged = app.run({"trigger", "pay\x1b[2Jday", "--note",
                           "a\x07"
                           "b\x1b[31mred\rline\ttab\nnext\x7f"});
    REQUIRE(logged.exit_code == 0);
    auto list = app.run({"list"});
    auto show = app.run({"show", "1"});
    REQUIRE(list.exit_code == 0);
    REQUIRE(show.exit_code == 0);
    for (const auto* out : {&logged.out, &list.out, &show.out}) {
        INFO(*out);
        for (char c : {'\x1b', '\x07', '\r', '\x7f'})
            CHECK(out->find(c) == std::string::npos);
    }
    CHECK_THAT(list.out, Contains("pay?[2Jday"));
    CHECK_THAT(list.out, Contains("“a?b?[31mred line tab next?”"));
    CHECK(occurrences(list.out, "\n") == 2); // the heading and one row
    CHECK_THAT(show.out, Contains("a?b?[31mred?line\ttab\nnext?"));
    // A C1 control (CSI, U+009B) is one '?', and UTF-8 around it stays whole.
    auto c1 = app.run({"trigger", "caf\xc3\xa9 \xc2\x9b"
                                  "2J \xe2\x80\x94"});
    REQUIRE(c1.exit_code == 0);
    CHECK_THAT(c1.out, Contains("caf\xc3\xa9 ?2J \xe2\x80\x94"));
    CHECK_THAT(app.run({"list"}).out, Contains("caf\xc3\xa9 ?2J \xe2\x80\x94"));
    // Bidi overrides and isolates (RLO U+202E, LRI U+2066, PDI U+2069),
    // which would reorder the rest of the line, are '?' too.
    auto bidi = app.run({"trigger", "a\xe2\x80\xae"
                                    "cba \xe2\x81\xa6x\xe2\x81\xa9 \xe2\x80\x8f"});
    REQUIRE(bidi.exit_code == 0);
    CHECK_THAT(bidi.out, Contains("a?cba ?x? \xe2\x80\x8f"));
    // A trigger's category and a goal's title in report, goal list and share.
    REQUIRE(app.run({"trigger", "x", "--category", "cat\x1b[2J"}).exit_code == 0);
    REQUIRE(app.run({"goal", "add", "g\x1b[31m", "--target", "1", "--per", "day"}).exit_code == 0);
    REQUIRE(app.run({"partner", "add", "Sam", "--email", "sam@example.org", "--notes"}).exit_code ==
            0);
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"report"}, {"goal", "list"}, {"share", "Sam"}}) {
        auto r = app.run(args);
        INFO(args.front() << ": " << r.out);
        REQUIRE(r.exit_code == 0);
        CHECK(r.out.find('\x1b') == std::string::npos);
    }
    // The journal keeps what was written, byte for byte.
    CHECK(app.query("SELECT note FROM entries WHERE id = 1") ==
          "a\x07"
          "b\x1b[31mred\rline\ttab\nnext\x7f");
}

TEST_CASE("a flag's number that is not a number is named with what was typed",
          "[cli][list][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    CHECK_REFUSED(app.run({"list", "--limit", "abc"}), 64,
                  "'abc' is not a value --limit takes (see 'steady list --help')");
    CHECK_REFUSED(app.run({"list", "--limit", "1.5"}), 64, "'1.5' is not a value --limit takes");
    CHECK_REFUSED(app.run({"import", "x.json", "--dry-run=maybe"}), 64,
                  "'maybe' is not a value --dry-run takes");
    CHECK_FALSE(app.journal_exists());
}
