#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using steady::test::file_bytes;
using steady::test::file_digest;
using steady::test::TestApp;
using steady::test::write_file;

namespace fs = std::filesystem;

TEST_CASE("steady --version and --help exit 0 on stdout", "[cli][errors][help]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto version = app.run({"--version"});
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, StartsWith("steady " STEADY_VERSION));
    CHECK(version.err.empty());

    auto help = app.run({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.err.empty());
    for (const char* command : {"checkin", "list", "show", "edit", "delete", "undo"})
        CHECK_THAT(help.out, Contains(command));
    for (const char* flag : {"--db", "--config", "--json", "--color", "--quiet", "--version"})
        CHECK_THAT(help.out, Contains(flag));
    CHECK(app.run({"-h"}).out == help.out);
    // Global options before --help still list every command.
    auto after_options = app.run({"--db", "other.db", "--color", "never", "-q", "--help"});
    CHECK(after_options.out == help.out);
    // Short flags run together are still help.
    CHECK(app.run({"-qh"}).out == help.out);
    CHECK(app.run({"-hq"}).out == help.out);
    for (const char* command : {"trigger", "craving, urge", "meeting", "clock", "goal", "prompt"})
        CHECK_THAT(after_options.out, Contains(command));
    CHECK_THAT(help.out, !Contains("_complete"));
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("a command is found after global options and by its alias", "[cli][errors][help]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto urge = app.run({"--color", "never", "urge", "--intensity", "4"});
    CHECK(urge.exit_code == 0);
    CHECK_THAT(urge.out, Contains("craving #1"));
    auto misplaced = app.run({"--color", "checkin", "--mood", "5"});
    CHECK(misplaced.exit_code == 64);
    CHECK(app.count("SELECT count(*) FROM entries") == 1);
    auto dashed = app.run({"--", "checkin", "--mood", "5"});
    CHECK(dashed.exit_code == 64);
    CHECK_THAT(dashed.err, Contains("unexpected argument 'checkin' after '--'"));
    CHECK(dashed.out.empty());
    CHECK(app.run({"--color", "never", "--", "urge"}).exit_code == 64);
    auto unknown = app.run({"-q", "chekin", "--mood", "5"});
    CHECK(unknown.exit_code == 64);
    CHECK_THAT(unknown.err, Contains("unknown command 'chekin'"));
    CHECK(app.count("SELECT count(*) FROM entries") == 1);
}

TEST_CASE("steady -h and --help work on every subcommand", "[cli][errors][help]")
{
    struct Row {
        std::string command;
        std::string flag;
    };
    auto row = GENERATE(values<Row>({
        {"checkin", "--mood"},
        {"list", "--kind"},
        {"show", "ID"},
        {"edit", "--mood"},
        {"delete", "--yes"},
        {"undo", "undo"},
    }));
    auto help = GENERATE(std::string("-h"), std::string("--help"));
    CAPTURE(row.command, help);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({row.command, help});

    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("steady " + row.command));
    CHECK_THAT(r.out, Contains(row.flag));
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("help on a subcommand wins over its missing arguments", "[cli][errors][help]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    CHECK(app.run({"show", "-h"}).exit_code == 0);
    CHECK(app.run({"delete", "--help"}).exit_code == 0);
    CHECK(app.run({"checkin", "--mood", "99", "-h"}).exit_code == 0);
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("usage mistakes are exit 64 with nothing on stdout", "[cli][errors]")
{
    struct Row {
        std::vector<std::string> args;
        std::string message;
    };
    auto row = GENERATE(values<Row>({
        {{"bogus"}, "bogus"},
        {{"chekin", "--mood", "5"}, "chekin"},
        {{"--bogus"}, "--bogus"},
        {{"checkin", "--mood", "5", "--bogus"}, "--bogus"},
        {{"checkin", "--mood"}, "--mood"},
        {{"checkin", "--mood", "5", "extra"}, "extra"},
        {{"list", "--limit"}, "--limit"},
        {{"show"}, "ID"},
        {{"show", "1", "2"}, "2"},
        {{"edit"}, "ID"},
        {{"delete"}, "ID"},
        {{"undo", "1"}, "1"},
        {{"--color", "sometimes"}, "sometimes"},
        {{"--color"}, "--color"},
        {{"--db"}, "--db"},
        {{"--config", ""}, "config"},
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
        REQUIRE(app.run({"checkin", "--date", "yesterday", "--mood", "5"}).exit_code == 0);
        auto before = app.snapshot();
        auto r = app.run(row.args);
        CHECK_REFUSED(r, 64, row.message);
        CHECK_THAT(r.err, !Contains("\n\n"));
        CHECK(app.snapshot() == before);
    }
}

TEST_CASE("an unparseable STEADY_NOW is refused naming the text", "[cli][errors][time]")
{
    TestApp app{"tomorrowish", "Europe/Berlin"};
    CHECK_REFUSED(app.run({"checkin", "--mood", "5"}), 64, "tomorrowish");
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("steady --color decides colour; auto means a terminal without NO_COLOR",
          "[cli][errors][color]")
{
    const std::string escape = "\x1b[";
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    CHECK_THAT(app.run({}).out, !Contains(escape));
    CHECK_THAT(app.run({"--color", "always"}).out, Contains(escape));
    CHECK_THAT(app.run({"--color", "never"}).out, !Contains(escape));

    app.out_tty = true;
    CHECK_THAT(app.run({}).out, Contains(escape));
    CHECK_THAT(app.run({"--color", "auto"}).out, Contains(escape));
    CHECK_THAT(app.run({"--color", "never"}).out, !Contains(escape));

    app.env["NO_COLOR"] = "1";
    CHECK_THAT(app.run({}).out, !Contains(escape));
    CHECK_THAT(app.run({"--color=auto"}).out, !Contains(escape));
}

TEST_CASE("global flags work after the command too", "[cli][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto json = app.run({"checkin", "--mood", "5", "--json"});
    CHECK(json.exit_code == 0);
    CHECK_THAT(json.out, Contains(R"("mood": 5)"));

    auto quiet = app.run({"undo", "-q"});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.out.empty());
}

TEST_CASE("steady -q drops the chatter but not what was asked for", "[cli][errors][quiet]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"-q", "checkin", "--mood", "5"}).exit_code == 0);

    CHECK(app.run({"-q", "edit", "1", "--mood", "6"}).out.empty());
    CHECK_THAT(app.run({"-q", "show", "1"}).out, Contains("mood"));
    CHECK_THAT(app.run({"-q", "list"}).out, Contains("mood 6"));
    CHECK_THAT(app.run({"--quiet", "list", "--json"}).out, Contains(R"("mood": 6)"));
    auto refused = app.run({"-q", "show", "9"});
    CHECK_REFUSED(refused, 65, "no entry #9");
}

TEST_CASE("steady --db names the journal over $STEADY_DB", "[cli][errors][journal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto other = app.dir() / "elsewhere" / "mine.db";

    REQUIRE(app.run({"--db", other.string(), "checkin", "--mood", "5"}).exit_code == 0);

    CHECK(fs::exists(other));
    CHECK_FALSE(app.journal_exists());
    CHECK_THAT(app.run({"--db", other.string(), "list"}).out, Contains("mood 5"));
}

TEST_CASE("without $STEADY_DB the journal lives under $XDG_DATA_HOME or ~/.local/share",
          "[cli][errors][journal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    app.env.erase("STEADY_DB");

    SECTION("HOME")
    {
        REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
        CHECK(fs::exists(app.dir() / ".local/share/steady/journal.db"));
    }
    SECTION("XDG_DATA_HOME")
    {
        app.env["XDG_DATA_HOME"] = (app.dir() / "data").string();
        REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
        CHECK(fs::exists(app.dir() / "data/steady/journal.db"));
    }
    SECTION("config journal")
    {
        app.write_config("journal = \"~/recovery/journal.db\"\n");
        REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
        CHECK(fs::exists(app.dir() / "recovery/journal.db"));
    }
}

TEST_CASE("a journal from a newer steady is refused and left untouched", "[cli][errors][journal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto wal = GENERATE(true, false);
    CAPTURE(wal);
    {
        SQLite::Database db(app.db_path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        if (wal)
            db.exec("PRAGMA journal_mode = WAL");
        db.exec("CREATE TABLE entries (id INTEGER PRIMARY KEY, future TEXT)");
        db.exec("INSERT INTO entries (future) VALUES ('from steady 9')");
        db.exec("PRAGMA user_version = 99");
    }
    auto bytes = file_digest(app.db_path());
    auto args = GENERATE(std::vector<std::string>{"checkin", "--mood", "5"},
                         std::vector<std::string>{"list"}, std::vector<std::string>{"show", "1"},
                         std::vector<std::string>{"edit", "1", "--mood", "5"},
                         std::vector<std::string>{"delete", "1", "--yes"},
                         std::vector<std::string>{"undo"}, std::vector<std::string>{});
    CAPTURE(args);

    auto r = app.run(args);

    CHECK_REFUSED(r, 65, "newer steady");
    CHECK_THAT(r.err, Contains("99"));
    CHECK(file_digest(app.db_path()) == bytes);
    CHECK_FALSE(fs::exists(app.dir() / "journal.db-wal"));
}

TEST_CASE("a text file given as the journal is refused and left untouched",
          "[cli][errors][journal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    std::string text = "Dear diary,\nthis is not a database, but it matters to me.\n";
    text += std::string(2048, 'x');
    write_file(app.db_path(), text);
    auto text_digest = file_digest(app.db_path());
    auto args = GENERATE(std::vector<std::string>{"checkin", "--mood", "5"},
                         std::vector<std::string>{"list"}, std::vector<std::string>{"show", "1"},
                         std::vector<std::string>{"undo"}, std::vector<std::string>{});
    CAPTURE(args);

    auto r = app.run(args);

    CHECK_REFUSED(r, 74, "not a steady journal");
    CHECK_THAT(r.err, Contains(app.db_path().string()));
    CHECK(file_digest(app.db_path()) == text_digest);
}

TEST_CASE("another program's SQLite database is refused and left untouched",
          "[cli][errors][journal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    {
        SQLite::Database db(app.db_path().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
        db.exec("INSERT INTO recipes (name) VALUES ('soup')");
    }
    auto bytes = file_digest(app.db_path());
    auto args = GENERATE(std::vector<std::string>{"checkin", "--mood", "5"},
                         std::vector<std::string>{"list"});
    CAPTURE(args);

    auto r = app.run(args);

    CHECK_REFUSED(r, 74, "not a steady journal");
    CHECK(file_digest(app.db_path()) == bytes);
}

TEST_CASE("a journal that cannot be created is exit 73", "[cli][errors][journal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    write_file(app.dir() / "notes.txt", "a regular file\n");
    auto path =
        GENERATE(std::string("/proc/steady/journal.db"), std::string("notes.txt/journal.db"),
                 std::string("notes.txt/sub/j.db"), std::string("folder"));
    CAPTURE(path);
    fs::create_directory(app.dir() / "folder");
    auto db = path.front() == '/' ? path : (app.dir() / path).string();

    auto r = app.run({"--db", db, "checkin", "--mood", "5"});

    CHECK_REFUSED(r, 73, "journal");
    CHECK_THAT(r.err, Contains(fs::path(db).parent_path().string()));
    CHECK(file_bytes(app.dir() / "notes.txt") == "a regular file\n");
}

TEST_CASE("reading commands on a missing journal create nothing", "[cli][errors][journal]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto db = (app.dir() / "new" / "folder" / "journal.db").string();

    CHECK(app.run({"--db", db}).exit_code == 0);
    CHECK(app.run({"--db", db, "list"}).exit_code == 0);
    CHECK(app.run({"--db", db, "list", "--json"}).exit_code == 0);
    CHECK(app.run({"--db", db, "show", "1"}).exit_code == 65);
    CHECK(app.run({"--db", db, "--json"}).exit_code == 0);

    CHECK_FALSE(fs::exists(app.dir() / "new"));
    CHECK(std::filesystem::is_empty(app.dir()));
}

TEST_CASE("a malformed config is exit 78 with its position", "[cli][errors][config]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "day_starts_at = 4\n"};

    auto r = app.run({"checkin", "--mood", "5"});

    CHECK_REFUSED(r, 78, "config.toml:1:");
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("an unknown config key is a warning and the command runs", "[cli][errors][config]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "colour = \"blue\"\n"};

    auto r = app.run({"checkin", "--mood", "5"});

    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, StartsWith("steady: warning: "));
    CHECK_THAT(r.err, Contains("colour"));
    CHECK_THAT(r.err, Contains("config.toml:1"));
    CHECK(app.count("SELECT count(*) FROM entries") == 1);
}

TEST_CASE("a missing config named by $STEADY_CONFIG is exit 66", "[cli][errors][config]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    app.env["STEADY_CONFIG"] = (app.dir() / "nope.toml").string();

    CHECK_REFUSED(app.run({"checkin", "--mood", "5"}), 66, "nope.toml");
    CHECK_FALSE(app.journal_exists());
}
