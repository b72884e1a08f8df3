#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using steady::test::add_alcohol;
using steady::test::file_digest;
using steady::test::TestApp;
using steady::test::write_file;

TEST_CASE("prompt without a journal prints nothing and creates none", "[cli][prompt]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"prompt"});

    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK_FALSE(app.journal_exists());
    CHECK(std::filesystem::is_empty(app.dir()));
}

TEST_CASE("prompt shows today's check-in and the longest clean run", "[cli][prompt]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_alcohol(app);

    CHECK(app.run({"prompt"}).out == "○ 90d\n");

    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    auto before = app.snapshot();
    auto r = app.run({"prompt"});

    CHECK(r.exit_code == 0);
    CHECK(r.out == "✓ 90d\n");
    CHECK(r.err.empty());
    CHECK(app.snapshot() == before);

    SECTION("a run in its first day is counted in hours")
    {
        REQUIRE(app.run({"clock", "reset", "alcohol", "--at", "14:30"}).exit_code == 0);
        CHECK(app.run({"prompt"}).out == "✓ 5h\n");
    }
    SECTION("the longest of several runs")
    {
        REQUIRE(app.run({"clock", "add", "nicotine", "--since", "2026-11-01"}).exit_code == 0);
        CHECK(app.run({"prompt"}).out == "✓ 90d\n");
    }
    SECTION("tomorrow the check-in is still to do")
    {
        app.now = "2026-11-23T08:00";
        CHECK(app.run({"prompt"}).out == "○ 91d\n");
    }
}

TEST_CASE("prompt falls back to ASCII when the locale is not UTF-8", "[cli][prompt]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_alcohol(app);
    app.env["LANG"] = "C";

    CHECK(app.run({"prompt"}).out == "- 90d\n");
    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    CHECK(app.run({"prompt"}).out == "ok 90d\n");
}

TEST_CASE("prompt without clocks shows the check-in alone", "[cli][prompt]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"trigger", "a song on the radio"}).exit_code == 0);

    CHECK(app.run({"prompt"}).out == "○\n");
}

TEST_CASE("prompt stays silent on a file that is not a journal", "[cli][prompt][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    std::string text;
    for (int i = 0; i < 200; ++i)
        text += "not a journal, just a text file\n";
    write_file(app.db_path(), text);
    auto digest = file_digest(app.db_path());

    auto r = app.run({"prompt"});

    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(file_digest(app.db_path()) == digest);
    CHECK_FALSE(std::filesystem::exists(app.db_path().string() + "-wal"));
}

TEST_CASE("prompt stays silent when the config is broken", "[cli][prompt][errors]")
{
    struct Row {
        std::string config;
        std::string out;
    };
    auto row = GENERATE(values<Row>({
        {"timezone = \n[[[", ""},
        {"timezone = \"Mars/Olympus\"\n", ""},
        {"day_starts_at = 7\n", ""},
        {"unknown_key = 3\n", "○ 90d\n"}, // a warning elsewhere, not in a prompt
    }));
    CAPTURE(row.config);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_alcohol(app);
    app.write_config(row.config);
    REQUIRE(app.run({"clock"}).err != "");

    auto r = app.run({"prompt"});

    CHECK(r.exit_code == 0);
    CHECK(r.out == row.out);
    CHECK(r.err.empty());
}

TEST_CASE("prompt stays silent when the config file named is missing", "[cli][prompt][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_alcohol(app);
    app.env["STEADY_CONFIG"] = (app.dir() / "nowhere.toml").string();

    auto r = app.run({"prompt"});

    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
}
