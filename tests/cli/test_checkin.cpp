#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using steady::test::occurrences;
using steady::test::TestApp;

TEST_CASE("a check-in with every field is saved as given", "[cli][checkin]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto r = app.run({"checkin", "--mood", "7", "--craving", "2", "--sober", "yes", "--energy", "5",
                      "--sleep", "7.5", "--gratitude", "the sun", "--note", "long day, called Sam",
                      "--tag", "work", "--tag", "#Family"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("2026-11-22"));
    CHECK_THAT(r.out, Contains("#1"));
    CHECK(app.query("SELECT mood FROM entries") == "7");
    CHECK(app.query("SELECT craving FROM entries") == "2");
    CHECK(app.query("SELECT sober FROM entries") == "1");
    CHECK(app.query("SELECT energy FROM entries") == "5");
    CHECK(app.query("SELECT sleep FROM entries") == "7.5");
    CHECK(app.query("SELECT gratitude FROM entries") == "the sun");
    CHECK(app.query("SELECT note FROM entries") == "long day, called Sam");
    CHECK(app.query("SELECT tags FROM entries") == R"(["work","family"])");
    CHECK(app.query("SELECT day FROM entries") == "2026-11-22");
    CHECK(app.query("SELECT at FROM entries") == "2026-11-22T19:00:00Z");
    CHECK(app.query("SELECT tz FROM entries") == "Europe/Berlin");
}

TEST_CASE("the edges of every check-in range are accepted", "[cli][checkin]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "1", "--craving", "0", "--sober", "no", "--energy", "1",
                     "--sleep", "0"})
                .exit_code == 0);
    CHECK(app.query("SELECT mood || ',' || craving || ',' || sober || ',' || energy || ',' || "
                    "sleep FROM entries") == "1,0,0,1,0.0");
    app.now = "2026-11-23T20:00";
    REQUIRE(app.run({"checkin", "--mood", "10", "--craving", "10", "--sober", "yes", "--energy",
                     "10", "--sleep", "24"})
                .exit_code == 0);
    CHECK(app.query("SELECT mood || ',' || craving || ',' || sober || ',' || energy || ',' || "
                    "sleep FROM entries WHERE day = '2026-11-23'") == "10,10,1,10,24.0");
}

TEST_CASE("a check-in with a value out of range is refused and nothing is saved",
          "[cli][checkin][errors]")
{
    struct Row {
        std::vector<std::string> flags;
        std::string message;
    };
    auto row = GENERATE(values<Row>({
        {{"--mood", "0"}, "--mood must be a whole number from 1 to 10 (got '0')"},
        {{"--mood", "11"}, "--mood must be a whole number from 1 to 10 (got '11')"},
        {{"--mood", "high"}, "(got 'high')"},
        {{"--mood", "7.5"}, "(got '7.5')"},
        {{"--mood", ""}, "--mood"},
        {{"--mood", "5", "--craving", "-1"}, "--craving must be a whole number from 0 to 10"},
        {{"--mood", "5", "--craving", "11"}, "(got '11')"},
        {{"--mood", "5", "--sober", "maybe"}, "--sober must be yes or no (got 'maybe')"},
        {{"--mood", "5", "--energy", "0"}, "--energy must be a whole number from 1 to 10"},
        {{"--mood", "5", "--energy", "11"}, "--energy"},
        {{"--mood", "5", "--sleep", "25"}, "--sleep must be a number from 0 to 24 (got '25')"},
        {{"--mood", "5", "--sleep", "-1"}, "(got '-1')"},
        {{"--mood", "5", "--sleep", "abc"}, "(got 'abc')"},
        {{"--mood", "5", "--sleep", "nan"}, "--sleep"},
        {{"--mood", "5", "--tag", "long day"}, "'long day'"},
        {{"--mood", "5", "--tag", ""}, "tag"},
        {{"--mood", "5", "--date", "2026-02-30"}, "'2026-02-30'"},
        {{"--mood", "5", "--date", "2026-11-23"}, "future"},
        {{"--mood", "5", "--date", "tomorrow"}, "tomorrow"},
    }));
    CAPTURE(row.flags);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    app.now = "2026-11-20T20:00";
    REQUIRE(app.run({"checkin", "--mood", "6"}).exit_code == 0);
    app.now = "2026-11-22T20:00";
    auto before = app.snapshot();

    std::vector<std::string> args{"checkin"};
    args.insert(args.end(), row.flags.begin(), row.flags.end());
    CHECK_REFUSED(app.run(args), 64, row.message);
    CHECK(app.snapshot() == before);
}

TEST_CASE("a check-in rejected on a new journal creates no journal", "[cli][checkin][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    SECTION("a mood out of range")
    {
        CHECK_REFUSED(app.run({"checkin", "--mood", "11"}), 64, "--mood");
    }
    SECTION("a bad tag")
    {
        CHECK_REFUSED(app.run({"checkin", "--mood", "5", "--tag", "a b"}), 64, "'a b'");
    }
    SECTION("no mood off a terminal")
    {
        CHECK_REFUSED(app.run({"checkin"}), 64, "--mood");
    }
    SECTION("a date in the future")
    {
        CHECK_REFUSED(app.run({"checkin", "--mood", "5", "--date", "2026-12-01"}), 64, "future");
    }
    SECTION("--amend with nothing to amend")
    {
        CHECK_REFUSED(app.run({"checkin", "--mood", "5", "--amend"}), 65, "--amend");
    }
    CHECK_FALSE(app.journal_exists());
    CHECK_FALSE(std::filesystem::exists(app.dir() / "journal.db-wal"));
}

TEST_CASE("a second check-in on the same day is refused", "[cli][checkin][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    auto before = app.snapshot();
    app.now = "2026-11-22T23:00";

    auto again = app.run({"checkin", "--mood", "4"});

    CHECK_REFUSED(again, 65, "--amend");
    CHECK_THAT(again.err, Contains("#1"));
    CHECK_THAT(again.err, Contains("2026-11-22"));
    CHECK(app.snapshot() == before);
    CHECK(app.count("SELECT count(*) FROM entries") == 1);

    // A bad value is the first thing to hear about, not --amend.
    CHECK_REFUSED(app.run({"checkin", "--mood", "11"}), 64, "--mood");
    CHECK_REFUSED(app.run({"checkin", "--mood", "5", "--craving", "-1"}), 64, "--craving");
    // And nothing is asked on a terminal before hearing the day is taken.
    app.in_tty = true;
    app.stdin_text = "5\n";
    auto asked = app.run({"checkin"});
    CHECK_REFUSED(asked, 65, "--amend");
    CHECK_THAT(asked.err, !Contains("Mood"));
    CHECK(app.snapshot() == before);
}

TEST_CASE("checkin --amend changes only the fields given", "[cli][checkin]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "7", "--craving", "2", "--sober", "yes", "--sleep", "6",
                     "--note", "long day", "--tag", "work"})
                .exit_code == 0);
    app.now = "2026-11-22T22:00";

    auto r = app.run({"checkin", "--mood", "8", "--amend"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("mood 8"));
    CHECK(app.count("SELECT count(*) FROM entries") == 1);
    CHECK(app.query("SELECT mood FROM entries") == "8");
    CHECK(app.query("SELECT craving FROM entries") == "2");
    CHECK(app.query("SELECT sober FROM entries") == "1");
    CHECK(app.query("SELECT sleep FROM entries") == "6.0");
    CHECK(app.query("SELECT note FROM entries") == "long day");
    CHECK(app.query("SELECT tags FROM entries") == R"(["work"])");
    CHECK(app.query("SELECT at FROM entries") == "2026-11-22T19:00:00Z");
    CHECK(app.query("SELECT created FROM entries") == "2026-11-22T19:00:00Z");
    CHECK(app.query("SELECT updated FROM entries") == "2026-11-22T21:00:00Z");
}

TEST_CASE("checkin --amend of another day's check-in changes that one", "[cli][checkin]")
{
    TestApp app{"2026-11-21T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "3"}).exit_code == 0);
    app.now = "2026-11-22T20:00";
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);

    REQUIRE(app.run({"checkin", "--date", "yesterday", "--note", "better than I said", "--amend"})
                .exit_code == 0);

    CHECK(app.query("SELECT note FROM entries WHERE day = '2026-11-21'") == "better than I said");
    CHECK(app.query("SELECT mood FROM entries WHERE day = '2026-11-21'") == "3");
    CHECK(app.query("SELECT note FROM entries WHERE day = '2026-11-22'").empty());
}

TEST_CASE("checkin --amend without a check-in that day is refused", "[cli][checkin][errors]")
{
    TestApp app{"2026-11-21T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "3"}).exit_code == 0);
    app.now = "2026-11-22T20:00";
    auto before = app.snapshot();

    auto r = app.run({"checkin", "--mood", "8", "--amend"});

    CHECK_REFUSED(r, 65, "no check-in for 2026-11-22");
    CHECK(app.snapshot() == before);
}

TEST_CASE("checkin --amend with nothing to change is refused", "[cli][checkin][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "3"}).exit_code == 0);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"checkin", "--amend"}), 64, "--amend");
    CHECK(app.snapshot() == before);
}

TEST_CASE("checkin --amend validates like a new check-in", "[cli][checkin][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "3"}).exit_code == 0);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"checkin", "--mood", "0", "--amend"}), 64, "--mood");
    CHECK_REFUSED(app.run({"checkin", "--sleep", "30", "--amend"}), 64, "--sleep");
    CHECK(app.snapshot() == before);
}

TEST_CASE("a check-in for another day with --date", "[cli][checkin][time]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    REQUIRE(app.run({"checkin", "--date", "yesterday", "--mood", "5"}).exit_code == 0);
    auto r = app.run({"checkin", "--date", "2026-11-20", "--mood", "4"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("2026-11-20"));
    CHECK(app.query("SELECT mood FROM entries WHERE day = '2026-11-21'") == "5");
    CHECK(app.query("SELECT mood FROM entries WHERE day = '2026-11-20'") == "4");
    CHECK(app.count("SELECT count(*) FROM entries WHERE day = '2026-11-22'") == 0);
    REQUIRE(app.run({"checkin", "--mood", "6"}).exit_code == 0);
    CHECK(app.query("SELECT day FROM entries WHERE mood = 6") == "2026-11-22");
}

TEST_CASE("without a terminal and without --mood the check-in is refused", "[cli][checkin][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    app.now = "2026-11-21T20:00";
    REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
    app.now = "2026-11-22T20:00";
    auto before = app.snapshot();

    auto r = app.run({"checkin", "--craving", "2", "--note", "tired"});

    CHECK_REFUSED(r, 64, "--mood");
    CHECK_THAT(r.err, Contains("-i"));
    CHECK(app.snapshot() == before);
}

TEST_CASE("checkin -i reads the answers from stdin", "[cli][checkin][interactive]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    app.stdin_text = "6\n3\ny\nok\n";

    auto r = app.run({"checkin", "-i"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("Checked in for 2026-11-22"));
    CHECK(app.query("SELECT mood FROM entries") == "6");
    CHECK(app.query("SELECT craving FROM entries") == "3");
    CHECK(app.query("SELECT sober FROM entries") == "1");
    CHECK(app.query("SELECT note FROM entries") == "ok");
}

TEST_CASE("checkin -i asks only for what the flags did not give", "[cli][checkin][interactive]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    app.stdin_text = "2\nno\n\n";

    auto r = app.run({"checkin", "-i", "--mood", "4"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, !Contains("Mood"));
    CHECK(app.query("SELECT mood || ',' || craving || ',' || sober FROM entries") == "4,2,0");
    CHECK(app.query("SELECT note FROM entries").empty());
}

TEST_CASE("checkin -i with an invalid answer is refused and nothing is saved",
          "[cli][checkin][interactive][errors]")
{
    TestApp app{"2026-11-21T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
    app.now = "2026-11-22T20:00";
    auto before = app.snapshot();

    SECTION("a mood out of range")
    {
        app.stdin_text = "eleven\n3\ny\nok\n";
        auto r = app.run({"checkin", "-i"});
        CHECK(r.exit_code == 64);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Contains("steady: --mood must be a whole number from 1 to 10 (got "
                                   "'eleven')"));
    }
    SECTION("a sober answer that is not yes or no")
    {
        app.stdin_text = "6\n3\nmaybe\nok\n";
        auto r = app.run({"checkin", "-i"});
        CHECK(r.exit_code == 64);
        CHECK_THAT(r.err, Contains("steady: --sober must be yes or no"));
    }
    SECTION("stdin ends before the mood")
    {
        app.stdin_text = "";
        auto r = app.run({"checkin", "-i"});
        CHECK(r.exit_code == 64);
        CHECK_THAT(r.err, Contains("steady: "));
        CHECK_THAT(r.err, Contains("mood"));
    }
    CHECK(app.snapshot() == before);
}

TEST_CASE("on a terminal an invalid answer is asked again", "[cli][checkin][interactive]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    app.in_tty = true;
    app.stdin_text = "11\nsix\n6\n\nmaybe\nno\n\n";

    auto r = app.run({"checkin"});

    REQUIRE(r.exit_code == 0);
    CHECK(occurrences(r.err, "Mood") == 3);
    CHECK(occurrences(r.err, "Sober") == 2);
    CHECK_THAT(r.err, Contains("(got '11')"));
    CHECK_THAT(r.err, Contains("(got 'six')"));
    CHECK(app.query("SELECT mood FROM entries") == "6");
    CHECK(app.query("SELECT craving FROM entries").empty());
    CHECK(app.query("SELECT sober FROM entries") == "0");
}

TEST_CASE("checkin.ask in the config decides what is asked", "[cli][checkin][interactive]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "[checkin]\nask = [\"mood\", \"energy\"]\n"};
    app.in_tty = true;
    app.stdin_text = "7\n4\n";

    auto r = app.run({"checkin"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("Energy"));
    CHECK_THAT(r.err, !Contains("Craving"));
    CHECK(app.query("SELECT mood || ',' || energy FROM entries") == "7,4");
}

TEST_CASE("a checkin.ask without mood still asks for it, first", "[cli][checkin][interactive]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "[checkin]\nask = [\"craving\"]\n"};
    app.in_tty = true;
    app.stdin_text = "7\n2\n";

    auto r = app.run({"checkin"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("Mood") < r.err.find("Craving"));
    CHECK_THAT(r.err, !Contains("Energy"));
    CHECK(app.query("SELECT mood || ',' || craving FROM entries") == "7,2");

    app.now = "2026-11-23T20:00";
    app.stdin_text = "3\n";
    CHECK(app.run({"checkin", "--craving", "5"}).exit_code == 0); // asks mood only
    CHECK(app.query("SELECT mood || ',' || craving FROM entries WHERE day = '2026-11-23'") ==
          "3,5");
}

TEST_CASE("a check-in at 01:30 with day_starts_at 04:00 counts for the day before",
          "[cli][checkin][time]")
{
    TestApp app{"2026-11-22T01:30", "Europe/Berlin", "day_starts_at = \"04:00\"\n"};

    auto r = app.run({"checkin", "--mood", "5"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("2026-11-21"));
    CHECK(app.query("SELECT day FROM entries") == "2026-11-21");
    CHECK(app.query("SELECT at FROM entries") == "2026-11-22T00:30:00Z");
    app.now = "2026-11-22T04:00";
    REQUIRE(app.run({"checkin", "--mood", "6"}).exit_code == 0);
    CHECK(app.query("SELECT day FROM entries WHERE mood = 6") == "2026-11-22");
}

TEST_CASE("a check-in at 01:30Z by someone in Los Angeles is for their evening",
          "[cli][checkin][time]")
{
    TestApp app{"2026-11-22T01:30:00Z", "America/Los_Angeles"};

    auto r = app.run({"checkin", "--mood", "5"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("2026-11-21"));
    CHECK(app.query("SELECT day FROM entries") == "2026-11-21");
    CHECK(app.query("SELECT tz FROM entries") == "America/Los_Angeles");
    CHECK(app.query("SELECT at FROM entries") == "2026-11-22T01:30:00Z");
}

TEST_CASE("the zone in the config wins over $TZ", "[cli][checkin][time]")
{
    TestApp app{"2026-11-22T01:30:00Z", "Europe/Berlin", "timezone = \"America/Los_Angeles\"\n"};
    REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
    CHECK(app.query("SELECT day || ' ' || tz FROM entries") == "2026-11-21 America/Los_Angeles");
}

TEST_CASE("a check-in on a DST change day belongs to that day", "[cli][checkin][time]")
{
    struct Row {
        const char* zone;
        const char* now;
        const char* day;
        const char* at;
    };
    auto row = GENERATE(values<Row>({
        {"Europe/Berlin", "2026-03-29T00:30", "2026-03-29", "2026-03-28T23:30:00Z"},
        {"Europe/Berlin", "2026-03-29T03:30", "2026-03-29", "2026-03-29T01:30:00Z"},
        {"Europe/Berlin", "2026-03-29T23:59", "2026-03-29", "2026-03-29T21:59:00Z"},
        {"Europe/Berlin", "2026-03-29T02:30", "2026-03-29", "2026-03-29T01:00:00Z"},
        {"Europe/Berlin", "2026-10-25T02:30", "2026-10-25", "2026-10-25T00:30:00Z"},
        {"Europe/Berlin", "2026-10-25T23:30", "2026-10-25", "2026-10-25T22:30:00Z"},
        {"Europe/Berlin", "2026-10-25T01:30:00Z", "2026-10-25", "2026-10-25T01:30:00Z"},
        {"America/New_York", "2026-03-08T01:30", "2026-03-08", "2026-03-08T06:30:00Z"},
        {"America/New_York", "2026-03-08T03:30", "2026-03-08", "2026-03-08T07:30:00Z"},
        {"America/New_York", "2026-03-08T23:30", "2026-03-08", "2026-03-09T03:30:00Z"},
        {"America/New_York", "2026-11-01T01:30", "2026-11-01", "2026-11-01T05:30:00Z"},
    }));
    CAPTURE(row.zone, row.now);
    TestApp app{row.now, row.zone};

    auto r = app.run({"checkin", "--mood", "5"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains(row.day));
    CHECK(app.query("SELECT day FROM entries") == row.day);
    CHECK(app.query("SELECT at FROM entries") == row.at);
}

TEST_CASE("checkin --date yesterday on the day after a DST change", "[cli][checkin][time]")
{
    TestApp app{"2026-03-30T09:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--date", "yesterday", "--mood", "5"}).exit_code == 0);
    CHECK(app.query("SELECT day FROM entries") == "2026-03-29");
}

TEST_CASE("a check-in says the streak", "[cli][checkin][streak]")
{
    TestApp app{"2026-11-20T20:00", "Europe/Berlin"};

    auto first = app.run({"checkin", "--mood", "5"});
    CHECK_THAT(first.out, Contains("Your first check-in. Every one counts."));
    CHECK_THAT(first.out, !Contains("Welcome back")); // nobody was away
    CHECK_THAT(first.out, !Contains("streak"));

    app.now = "2026-11-21T20:00";
    CHECK_THAT(app.run({"checkin", "--mood", "5"}).out, Contains("Check-in streak: 2 days."));
    app.now = "2026-11-22T20:00";
    CHECK_THAT(app.run({"checkin", "--mood", "5"}).out, Contains("Check-in streak: 3 days."));

    app.now = "2026-11-24T20:00";
    auto after_gap = app.run({"checkin", "--mood", "5"});
    CHECK_THAT(after_gap.out, !Contains("streak: 4"));
    CHECK_THAT(after_gap.out, Contains("Every check-in counts. Welcome back."));
}

TEST_CASE("a backfilled day joins the streak", "[cli][checkin][streak]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"checkin", "--date", "2026-11-20", "--mood", "5"}).exit_code == 0);
    REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);

    auto r = app.run({"checkin", "--date", "yesterday", "--mood", "5"});

    CHECK_THAT(r.out, Contains("Check-in streak: 3 days."));
}

TEST_CASE("check-in --json gives the entry and the streak", "[cli][checkin][json]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"--json", "checkin", "--mood", "7", "--sober", "no"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains(R"("kind": "checkin")"));
    CHECK_THAT(r.out, Contains(R"("mood": 7)"));
    CHECK_THAT(r.out, Contains(R"("sober": false)"));
    CHECK_THAT(r.out, Contains(R"("craving": null)"));
    CHECK_THAT(r.out, Contains(R"("note": null)"));
    CHECK_THAT(r.out, Contains(R"("day": "2026-11-22")"));
    CHECK_THAT(r.out, Contains(R"("at": "2026-11-22T19:00:00Z")"));
    CHECK_THAT(r.out, Contains(R"("streak": 1)"));
    CHECK_THAT(r.out, !Contains("Welcome"));
}

TEST_CASE("checkin -q keeps a check-in quiet", "[cli][checkin]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto r = app.run({"-q", "checkin", "--mood", "7"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, !Contains("Welcome"));
    CHECK(r.err.empty());
    CHECK(app.count("SELECT count(*) FROM entries") == 1);
}

TEST_CASE("a check-in that says not sober tells how to restart a clock, never does it",
          "[cli][checkin][clock]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto without_clock = app.run({"checkin", "--mood", "4", "--sober", "no"});
    CHECK(without_clock.exit_code == 0);
    CHECK_THAT(without_clock.out, !Contains("clock reset"));

    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-10-01"}).exit_code == 0);
    auto not_sober = app.run({"checkin", "--date", "yesterday", "--mood", "4", "--sober", "no"});
    auto sober = app.run({"checkin", "--date", "2026-11-20", "--mood", "6", "--sober", "yes"});

    CHECK(not_sober.exit_code == 0);
    CHECK_THAT(not_sober.out,
               Contains("If you want to restart a clock: steady clock reset alcohol\n"));
    CHECK_THAT(sober.out, !Contains("clock reset"));
    CHECK(app.count("SELECT count(*) FROM entries WHERE kind = 'lapse'") == 0);
    CHECK_THAT(app.run({"clock"}).out, Contains("no lapses"));
}
