#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "app/commands/goal_summary.hpp"
#include "app/context.hpp"
#include "cli/checks.hpp"
#include "cli/test_app.hpp"
#include "unit/fixtures.hpp"

using Catch::Matchers::Contains;
using steady::test::k_berlin;
using steady::test::occurrences;
using steady::test::RunResult;
using steady::test::TestApp;

namespace {

// Wednesday 2026-11-18, 20:00 in Berlin.
constexpr const char* k_wed = "2026-11-18T20:00";

RunResult ok(TestApp& app, const std::vector<std::string>& args)
{
    auto r = app.run(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

// The goal list's JSON for a journal with one goal.
std::string goal_json(TestApp& app)
{
    return ok(app, {"goal", "list", "--all", "--json"}).out;
}

// `"key": value` as the JSON writer prints it.
std::string field(const std::string& key, const std::string& value)
{
    return "\"" + key + "\": " + value;
}

// The dashboard lines for `app`'s journal, through an in-process Context
// as run() builds one.
std::vector<std::string> dashboard_lines(TestApp& app)
{
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    steady::app::Io io{in, out, err, false, false, app.env};
    io.env["STEADY_NOW"] = app.now;
    io.env["TZ"] = app.tz;
    steady::app::GlobalOptions options;
    steady::app::Context ctx(io, options);
    return steady::app::goals_due_this_week(ctx);
}

} // namespace

TEST_CASE("every bad goal input is refused and the journal is unchanged", "[cli][goal][errors]")
{
    TestApp app{k_wed, k_berlin};
    ok(app, {"goal", "add", "read recovery literature"}); // #1
    ok(app,
       {"goal", "add", "3 meetings", "--target", "3", "--per", "week", "--tracks", "meetings"});
    ok(app, {"goal", "add", "old", "--target", "1", "--per", "day"}); // #3
    ok(app, {"goal", "archive", "3"});
    ok(app, {"goal", "add", "finished"}); // #4
    ok(app, {"goal", "done", "4"});
    ok(app, {"goal", "add", "check in", "--target", "5", "--per", "week", "--tracks", "checkins"});
    ok(app, {"goal", "add", "30 sober", "--total", "30", "--by", "2026-12-31", "--tracks",
             "sober-days"});
    struct Row {
        std::vector<std::string> args;
        int code;
        std::string message;
    };
    auto row = GENERATE(values<Row>({
        {{"add", "x", "--target", "3", "--per", "week", "--total", "9", "--by", "2027-01-01"},
         64,
         "not both"},
        {{"add", "x", "--target", "3", "--total", "9"}, 64, "not both"},
        {{"add", "x", "--per", "week", "--by", "2027-01-01"}, 64, "not both"},
        {{"add", "x", "--target", "0", "--per", "week"},
         64,
         "--target must be a whole number from 1 to 1000000 (got '0')"},
        {{"add", "x", "--target", "-2", "--per", "week"}, 64, "(got '-2')"},
        {{"add", "x", "--target", "abc", "--per", "week"}, 64, "(got 'abc')"},
        {{"add", "x", "--target", "3"}, 64, "--target 3 needs --per day, week or month"},
        {{"add", "x", "--per", "week"}, 64, "--per week needs --target N"},
        {{"add", "x", "--target", "3", "--per", "year"},
         64,
         "--per must be day, week or month (got 'year')"},
        {{"add", "x", "--total", "0", "--by", "2027-01-01"}, 64, "--total must be a whole number"},
        {{"add", "x", "--total", "90"}, 64, "--total 90 needs --by DAY"},
        {{"add", "x", "--by", "2027-01-01"}, 64, "--by 2027-01-01 needs --total N"},
        {{"add", "x", "--total", "5", "--by", "2026-11-17"},
         64,
         "--by '2026-11-17' is in the past"},
        {{"add", "x", "--total", "5", "--by", "yesterday"}, 64, "in the past (2026-11-17)"},
        {{"add", "x", "--total", "5", "--by", "2026-02-30"}, 64, "'2026-02-30'"},
        {{"add", "x", "--tracks", "steps"},
         64,
         "--tracks must be manual, checkins, meetings or sober-days (got 'steps')"},
        {{"add", ""}, 64, "a goal needs a title"},
        {{"add", "   "}, 64, "a goal needs a title"},
        {{"add"}, 64, "is required"},
        {{"log", "99"}, 65, "no goal #99"},
        {{"log", "abc"}, 64, "'abc' is not a goal id"},
        {{"log", "1", "--count", "0"},
         64,
         "--count must be a whole number from 1 to 1000000 (got '0')"},
        {{"log", "1", "--count", "-1"}, 64, "--count"},
        {{"log", "1", "--count", "many"}, 64, "(got 'many')"},
        {{"log", "1", "--at", "2026-11-19"}, 64, "'2026-11-19' is in the future"},
        {{"log", "1", "--at", "2026-11-10"},
         64,
         "goal #1 'read recovery literature' was added on 2026-11-18; progress before that "
         "does not count"},
        {{"log", "2"}, 64, "goal #2 counts your meetings by itself; log the meeting instead"},
        {{"log", "5"}, 64, "goal #5 counts your check-ins by itself; check in instead"},
        {{"log", "6"}, 64, "check in with --sober yes instead"},
        {{"log", "3"}, 65, "goal #3 'old' is archived"},
        {{"log", "4"}, 65, "goal #4 'finished' is done"},
        {{"done", "99"}, 65, "no goal #99"},
        {{"archive", "99"}, 65, "no goal #99"},
        {{"done", "4"}, 65, "goal #4 'finished' is already done"},
        {{"archive", "3"}, 65, "is already archived"},
        {{"done", "3"}, 65, "goal #3 'old' is archived"},
        {{"done", "#x"}, 64, "not a goal id"},
        {{"frobnicate"}, 64, "frobnicate"},
    }));
    std::vector<std::string> args{"goal"};
    args.insert(args.end(), row.args.begin(), row.args.end());
    CAPTURE(args);
    auto before = app.snapshot();

    auto r = app.run(args);

    CHECK_REFUSED(r, row.code, row.message);
    CHECK(occurrences(r.err, "\n") == 1);
    CHECK(app.snapshot() == before);
}

TEST_CASE("a bad goal is refused before a journal is created", "[cli][goal][errors]")
{
    TestApp app{k_wed, k_berlin};
    CHECK_REFUSED(app.run({"goal", "add", "x", "--target", "0", "--per", "week"}), 64, "--target");
    CHECK_FALSE(app.journal_exists());
    auto listed = app.run({"goal", "list"});
    CHECK(listed.exit_code == 0);
    CHECK_THAT(listed.out, Contains("No goals yet"));
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("a goal is saved as given", "[cli][goal]")
{
    TestApp app{k_wed, k_berlin};
    auto r = ok(app, {"goal", "add", "  90 in 90 ", "--total", "90", "--by", "2027-02-15",
                      "--tracks", "Meetings"});
    CHECK_THAT(r.out, Contains("Added goal #1 '90 in 90': 90 by 2027-02-15, counting your"));
    CHECK_THAT(r.out, Contains("Now: 0 of 90 by 2027-02-15, on pace."));
    CHECK(app.query("SELECT title || '|' || kind || '|' || total || '|' || due || '|' || tracks "
                    "|| '|' || status || '|' || created FROM goals") ==
          "90 in 90|count|90|2027-02-15|meetings|active|2026-11-18T19:00:00Z");
    CHECK(app.query("SELECT coalesce(target, 'null') || coalesce(per, 'null') FROM goals") ==
          "nullnull");
    ok(app, {"goal", "add", "read the big book"});
    CHECK(app.query("SELECT kind || tracks FROM goals WHERE id = 2") == "oncemanual");
    ok(app, {"goal", "add", "call Sam", "--target", "1", "--per", "DAY"});
    CHECK(app.query("SELECT target || per FROM goals WHERE id = 3") == "1day");
    ok(app, {"goal", "add", "today only", "--total", "2", "--by", "today"});
    CHECK(app.query("SELECT due FROM goals WHERE id = 4") == "2026-11-18");
}

TEST_CASE("a meetings goal counts the meetings of its week", "[cli][goal]")
{
    TestApp app{k_wed, k_berlin};
    ok(app, {"meeting", "last week", "--at", "2026-11-15 19:00"});
    ok(app, {"meeting", "Monday NA", "--at", "2026-11-16 19:00"});
    ok(app, {"goal", "add", "3 meetings a week", "--target", "3", "--per", "week", "--tracks",
             "meetings"});
    auto json = goal_json(app);
    CHECK_THAT(json, Contains(field("progress", "1")));
    CHECK_THAT(json, Contains("\"from\": \"2026-11-16\",\n        \"to\": \"2026-11-22\""));
    ok(app, {"meeting", "Wednesday AA"});
    ok(app, {"meeting", "therapy", "--type", "therapy"});
    CHECK_THAT(ok(app, {"goal", "list"}).out, Contains("3 of 3 this week, done"));
    ok(app, {"delete", "4", "--yes"});
    CHECK_THAT(ok(app, {"goal", "list"}).out, Contains("2 of 3 this week, ahead"));
    app.now = "2026-11-23T09:00";
    CHECK_THAT(ok(app, {"goal", "list"}).out, Contains("0 of 3 this week, on pace"));
}

TEST_CASE("weeks of a goal start on week_starts", "[cli][goal]")
{
    TestApp app{k_wed, k_berlin, "week_starts = \"sunday\"\n"};
    ok(app, {"goal", "add", "check in", "--target", "5", "--per", "week", "--tracks", "checkins"});
    ok(app, {"checkin", "--mood", "6", "--date", "2026-11-14"});
    ok(app, {"checkin", "--mood", "6", "--date", "2026-11-15"});
    ok(app, {"checkin", "--mood", "6"});
    auto json = goal_json(app);
    CHECK_THAT(json, Contains("\"from\": \"2026-11-15\",\n        \"to\": \"2026-11-21\""));
    CHECK_THAT(json, Contains(field("progress", "2")));
    app.write_config("week_starts = \"monday\"\n");
    CHECK_THAT(goal_json(app), Contains(field("progress", "1")));
}

TEST_CASE("a sober-days goal counts only check-ins that say sober", "[cli][goal]")
{
    TestApp app{"2026-11-01T08:00", k_berlin};
    ok(app, {"goal", "add", "30 sober days", "--total", "30", "--by", "2026-11-30", "--tracks",
             "sober-days"});
    ok(app, {"checkin", "--mood", "5", "--sober", "yes"});
    app.now = "2026-11-02T08:00";
    ok(app, {"checkin", "--mood", "3", "--sober", "no"});
    app.now = "2026-11-03T08:00";
    ok(app, {"checkin", "--mood", "6"});
    app.now = "2026-11-04T08:00";
    ok(app, {"checkin", "--mood", "7", "--sober", "yes"});
    auto json = goal_json(app);
    CHECK_THAT(json, Contains(field("progress", "2")));
    CHECK_THAT(json, Contains(field("expected", "3")));
    CHECK_THAT(json, Contains(field("pace", "\"behind\"")));
    CHECK_THAT(json, Contains(field("remaining", "28")));
    CHECK_THAT(json, Contains(field("days_left", "27")));
    CHECK_THAT(json, Contains(field("per_day", "1.1")));
    CHECK_THAT(ok(app, {"goal", "list"}).out,
               Contains("2 of 30 by 2026-11-30, behind: 28 more in 27 days (1.1 a day)"));
}

TEST_CASE("goal log adds up counts on a manual goal", "[cli][goal]")
{
    TestApp app{k_wed, k_berlin};
    ok(app, {"goal", "add", "pages read", "--target", "20", "--per", "month"});
    ok(app, {"goal", "add", "walks", "--target", "3", "--per", "week"});
    auto logged = ok(app, {"goal", "log", "#1", "--count", "12", "--note", "chapter 5"});
    CHECK_THAT(logged.out, Contains("Logged 12 on goal #1 'pages read' (#1, 2026-11-18)."));
    CHECK_THAT(logged.out, Contains("Now: 12 of 20 this month, ahead."));
    ok(app, {"goal", "log", "1", "--at", "yesterday"});
    ok(app, {"goal", "log", "2"});
    CHECK(app.query("SELECT kind || goal_id || '|' || count || '|' || note FROM entries "
                    "WHERE id = 1") == "goal_log1|12|chapter 5");
    CHECK(app.query("SELECT day || count FROM entries WHERE id = 2") == "2026-11-171");
    CHECK_THAT(ok(app, {"goal", "list"}).out, Contains("13 of 20 this month"));
    auto listed = ok(app, {"list", "--kind", "goal_log"}).out;
    CHECK_THAT(listed, Contains("goal #1 'pages read' · count 12 · “chapter 5”"));
    CHECK_THAT(listed, Contains("goal #2 'walks' · count 1"));
    auto shown = ok(app, {"show", "1"}).out;
    CHECK_THAT(shown, Contains("goal       #1 'pages read'\n"));
    CHECK_THAT(shown, !Contains("goal_id"));
    auto json = ok(app, {"goal", "log", "2", "--json"}).out;
    CHECK_THAT(json, Contains(field("kind", "\"goal_log\"")));
    CHECK_THAT(json, Contains("\"goal\": {"));
    CHECK_THAT(json, Contains(field("progress", "2")));
}

TEST_CASE("goal list shows active goals; --all adds done and archived", "[cli][goal]")
{
    TestApp app{k_wed, k_berlin};
    ok(app, {"goal", "add", "first meeting", "--tracks", "meetings"});
    ok(app, {"goal", "add", "old habit"});
    ok(app, {"goal", "add", "walk daily", "--target", "1", "--per", "day"});
    ok(app, {"goal", "archive", "2"});
    ok(app, {"meeting", "Wednesday AA"});
    auto listed = ok(app, {"goal", "list"}).out;
    CHECK_THAT(listed, Contains("first meeting"));
    CHECK_THAT(listed, Contains("done"));
    CHECK_THAT(listed, Contains("0 of 1 today, 1 to go"));
    CHECK(listed.find("old habit") == std::string::npos);
    CHECK(ok(app, {"goal"}).out == listed);
    auto all = ok(app, {"goal", "list", "--all"}).out;
    CHECK_THAT(all, Contains("old habit (archived)"));
    CHECK_THAT(all, !Contains("not done yet")); // archived, not pending
    CHECK_THAT(all, Contains("put away"));
    CHECK(all.find("walk daily") < all.find("old habit"));
    ok(app, {"goal", "done", "3"});
    auto json = ok(app, {"--json", "goal", "list"}).out;
    CHECK(occurrences(json, "\"id\":") == 1);
    for (const auto* key : {"id", "uuid", "title", "kind", "target", "per", "total", "due",
                            "tracks", "status", "created", "updated", "period", "progress",
                            "expected", "pace", "remaining", "days_left", "per_day"})
        CHECK_THAT(json, Contains("\"" + std::string(key) + "\":"));
    CHECK_THAT(json, Contains(field("today", "\"2026-11-18\"")));
    CHECK_THAT(json, Contains(field("kind", "\"once\"")));
    CHECK_THAT(json, Contains(field("target", "null")));
    CHECK_THAT(json, Contains(field("expected", "null")));
    CHECK_THAT(json, Contains(field("pace", "\"done\"")));
}

TEST_CASE("a finished goal is counted, not taken for no goals at all", "[cli][goal]")
{
    TestApp app{k_wed, k_berlin};
    ok(app, {"goal", "add", "call mum"});
    ok(app, {"goal", "done", "1"});

    auto listed = ok(app, {"goal", "list"});

    CHECK(listed.out == "No goals in progress. 1 done, 0 put away: steady goal list --all\n");
    CHECK(listed.err.empty());
    auto json = ok(app, {"goal", "list", "--json"}).out;
    CHECK_THAT(json, Contains(field("goals", "[]")));
    CHECK_THAT(json, Contains(field("done", "1")));
    CHECK_THAT(json, Contains(field("archived", "0")));
    CHECK_THAT(ok(app, {"goal", "list", "--all"}).out, Contains("call mum (done)"));

    SECTION("beside goals in progress, the others are counted below them")
    {
        ok(app, {"goal", "add", "old habit"});
        ok(app, {"goal", "archive", "2"});
        ok(app, {"goal", "add", "walk daily", "--target", "1", "--per", "day"});
        auto mixed = ok(app, {"goal", "list"}).out;
        CHECK_THAT(mixed, Contains("walk daily"));
        CHECK_THAT(mixed, !Contains("call mum"));
        CHECK_THAT(mixed, Contains("\n1 done, 1 put away: steady goal list --all\n"));
        auto mixed_json = ok(app, {"goal", "list", "--json"}).out;
        CHECK(occurrences(mixed_json, "\"title\":") == 1);
        CHECK_THAT(mixed_json, Contains(field("archived", "1")));
        auto all = ok(app, {"goal", "list", "--all"}).out;
        CHECK_THAT(all, !Contains("steady goal list --all"));
    }
    SECTION("-q keeps the table and drops the count")
    {
        ok(app, {"goal", "add", "walk daily", "--target", "1", "--per", "day"});
        auto quiet = ok(app, {"-q", "goal", "list"}).out;
        CHECK_THAT(quiet, Contains("walk daily"));
        CHECK_THAT(quiet, !Contains("put away"));
    }
    SECTION("a journal without goals still invites one")
    {
        ok(app, {"undo"});
        ok(app, {"undo"});
        CHECK_THAT(ok(app, {"goal", "list"}).out, Contains("No goals yet. Add one"));
        CHECK_THAT(ok(app, {"goal", "list", "--json"}).out, Contains(field("done", "0")));
    }
}

TEST_CASE("the dashboard mentions a goal done today, and only today", "[cli][goal][dashboard]")
{
    TestApp app{k_wed, k_berlin};
    ok(app, {"goal", "add", "call mum"});
    ok(app, {"goal", "add", "walk daily", "--target", "1", "--per", "day"});
    ok(app, {"goal", "add", "old habit"});
    ok(app, {"goal", "archive", "3"});
    ok(app, {"goal", "done", "1"});

    auto text = ok(app, {}).out;

    CHECK_THAT(text, Contains("✓ goal done today: #1 call mum\n"));
    CHECK_THAT(text, !Contains("old habit"));
    auto json = ok(app, {"--json"}).out;
    auto done_today = json.substr(json.find("\"goals_done_today\""));
    CHECK_THAT(done_today, Contains(field("title", "\"call mum\"")));
    CHECK_THAT(done_today, Contains(field("status", "\"done\"")));
    CHECK(occurrences(done_today, "\"title\":") == 1);

    SECTION("the next day it is no longer news")
    {
        app.now = "2026-11-19T09:00";
        CHECK_THAT(ok(app, {}).out, !Contains("done today"));
        CHECK_THAT(ok(app, {"--json"}).out, Contains(field("goals_done_today", "[]")));
    }
    SECTION("undone, it is back among the goals in progress")
    {
        ok(app, {"undo"});
        auto again = ok(app, {}).out;
        CHECK_THAT(again, !Contains("done today"));
        CHECK_THAT(again, Contains("#1 call mum"));
    }
}

TEST_CASE("undo reverses goal add, goal log, goal done and goal archive", "[cli][goal][undo]")
{
    TestApp app{k_wed, k_berlin};
    ok(app, {"goal", "add", "read recovery literature", "--target", "2", "--per", "week"});
    ok(app, {"goal", "log", "1"});
    auto undone = ok(app, {"undo"});
    CHECK_THAT(undone.out, Contains("Undone: added goal_log #1 of 2026-11-18."));
    CHECK(app.count("SELECT count(*) FROM entries") == 0);
    CHECK_THAT(ok(app, {"goal", "list"}).out, Contains("0 of 2 this week"));

    ok(app, {"goal", "done", "1"});
    CHECK(app.query("SELECT status FROM goals") == "done");
    CHECK_THAT(ok(app, {"undo"}).out,
               Contains("Undone: marked goal #1 'read recovery literature' done."));
    CHECK(app.query("SELECT status || updated FROM goals") == "active2026-11-18T19:00:00Z");

    ok(app, {"goal", "archive", "1"});
    CHECK_THAT(ok(app, {"undo"}).out, Contains("Undone: archived goal #1"));
    CHECK(app.query("SELECT status FROM goals") == "active");

    CHECK_THAT(ok(app, {"undo"}).out, Contains("Undone: added goal #1 'read recovery"));
    CHECK(app.count("SELECT count(*) FROM goals") == 0);
    CHECK_THAT(ok(app, {"goal", "list"}).out, Contains("No goals yet"));
}

TEST_CASE("the dashboard gets one line per active goal", "[cli][goal][dashboard]")
{
    TestApp app{k_wed, k_berlin};
    CHECK(dashboard_lines(app).empty());
    ok(app, {"goal", "add", "3 meetings a week", "--target", "3", "--per", "week", "--tracks",
             "meetings"});
    ok(app, {"goal", "add", "old"});
    ok(app, {"goal", "archive", "2"});
    ok(app, {"meeting", "Wednesday AA"});
    auto lines = dashboard_lines(app);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "#1 3 meetings a week: 1 of 3 this week, ahead");
}

TEST_CASE("a count goal marked done stops asking for more", "[cli][goal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"goal", "add", "w", "--target", "3", "--per", "week", "--tracks", "meetings"})
                .exit_code == 0);

    auto done = app.run({"goal", "done", "1"});

    CHECK(done.exit_code == 0);
    CHECK_THAT(done.out, Contains("Marked goal #1 'w' done."));
    CHECK_THAT(done.out, !Contains("to go"));
    auto all = app.run({"goal", "list", "--all"});
    CHECK_THAT(all.out, Contains("0 of 3 this week, done"));
    CHECK_THAT(all.out, !Contains("to go"));
}
