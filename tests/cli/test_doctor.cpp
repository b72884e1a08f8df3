#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;
using steady::test::file_bytes;
using steady::test::TestApp;
namespace fs = std::filesystem;

namespace {

void some_entries(TestApp& app)
{
    REQUIRE(app.run({"checkin", "--mood", "6"}).exit_code == 0);
    REQUIRE(app.run({"craving", "--intensity", "4"}).exit_code == 0);
    REQUIRE(app.run({"craving", "--intensity", "7"}).exit_code == 0);
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-08-24"}).exit_code == 0);
}

// The names of the files in the test's folder.
std::vector<std::string> files_of(const TestApp& app)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(app.dir()))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("doctor on a healthy journal: every check, exit 0", "[cli][doctor]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    some_entries(app);

    auto r = app.run({"doctor"});

    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("Journal     " + app.db_path().string()));
    CHECK_THAT(r.out, Contains("Integrity   ok"));
    CHECK_THAT(r.out, Contains("Schema      7 (this steady's)"));
    CHECK_THAT(r.out, Contains("Entries     1 check-in, 0 triggers, 2 cravings"));
    CHECK_THAT(r.out, Contains("Records     0 goals, 1 clock, 0 partners"));
    CHECK_THAT(r.out, Contains("Time zone   Europe/Berlin (from $TZ)"));
    CHECK_THAT(r.out, Contains("no backup yet: run 'steady backup'"));
    CHECK_THAT(r.out, Contains("All is well."));
}

TEST_CASE("doctor --json has every figure", "[cli][doctor]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "timezone = \"Asia/Tokyo\"\n"};
    some_entries(app);

    auto r = app.run({"--json", "doctor"});

    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    CHECK(j["healthy"] == true);
    CHECK(j["journal"]["path"] == app.db_path().string());
    CHECK(j["journal"]["mode"] == "0600");
    CHECK(j["journal"]["integrity"] == json{"ok"});
    CHECK(j["journal"]["foreign_key_problems"] == 0);
    CHECK(j["journal"]["schema_version"] == 7);
    CHECK(j["journal"]["schema_expected"] == 7);
    CHECK(j["journal"]["wal_bytes"] == 0);
    CHECK(j["counts"]["checkin"] == 1);
    CHECK(j["counts"]["craving"] == 2);
    CHECK(j["counts"]["clocks"] == 1);
    CHECK(j["counts"]["partners"] == 0);
    CHECK(j["config"]["ok"] == true);
    CHECK(j["timezone"] == json{{"name", "Asia/Tokyo"}, {"source", "config"}});
    CHECK(j["backup"]["last"].is_null());
    CHECK(j["permissions"] == json::array());
}

TEST_CASE("doctor never writes to the journal", "[cli][doctor]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    some_entries(app);
    auto before = file_bytes(app.db_path());
    auto files = files_of(app);

    REQUIRE(app.run({"doctor"}).exit_code == 0);
    REQUIRE(app.run({"--json", "doctor"}).exit_code == 0);

    CHECK(file_bytes(app.db_path()) == before);
    CHECK(files_of(app) == files);
}

TEST_CASE("doctor without a journal says so, exits 0 and creates nothing", "[cli][doctor]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"doctor"});

    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains(app.db_path().string() + ": none yet"));
    CHECK_THAT(r.out, Contains("steady checkin"));
    CHECK(json::parse(app.run({"--json", "doctor"}).out)["journal"]["exists"] == false);
    CHECK(files_of(app).empty());
}

TEST_CASE("doctor on a journal replaced by garbage: 74, file untouched", "[cli][doctor]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    std::string garbage(8192, 'x');
    steady::test::write_file(app.db_path(), garbage);
    fs::permissions(app.db_path(), fs::perms::owner_read | fs::perms::owner_write);

    auto r = app.run({"doctor"});

    CHECK(r.exit_code == 74);
    CHECK_THAT(r.out, Contains("not a SQLite database"));
    CHECK_THAT(r.err,
               StartsWith("steady: the journal '" + app.db_path().string() + "' is damaged"));
    CHECK(file_bytes(app.db_path()) == garbage);
    CHECK(files_of(app) == std::vector<std::string>{"journal.db"});
    auto j = json::parse(app.run({"--json", "doctor"}).out);
    CHECK(j["healthy"] == false);
    CHECK(j["journal"]["corrupt"] == true);
}

TEST_CASE("doctor on a world-readable journal warns with the chmod that fixes it", "[cli][doctor]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    some_entries(app);
    fs::permissions(app.db_path(), fs::perms::group_read | fs::perms::others_read,
                    fs::perm_options::add);
    fs::permissions(app.dir(), fs::perms::group_read | fs::perms::group_exec,
                    fs::perm_options::add);

    auto r = app.run({"doctor"});

    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("warning: " + app.db_path().string() + " can be read by others"));
    CHECK_THAT(r.out, Contains("\n  chmod 600 " + app.db_path().string() + "\n"));
    CHECK_THAT(r.out, Contains("\n  chmod 700 " + app.dir().string() + "\n"));
    auto j = json::parse(app.run({"--json", "doctor"}).out);
    CHECK(j["healthy"] == true);
    CHECK(j["permissions"][0]["fix"] == "chmod 600 " + app.db_path().string());
    CHECK(j["permissions"][0]["mode"] == "0644");
}

TEST_CASE("doctor reports a broken config with line and column, checks the rest, exits 78",
          "[cli][doctor]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    some_entries(app);
    app.write_config("name = \"Alex\"\nday_starts_at = \n");
    auto config = (app.dir() / "config.toml").string();

    auto r = app.run({"doctor"});

    CHECK(r.exit_code == 78);
    CHECK_THAT(r.out, Contains("Config      BROKEN: " + config + ":2:"));
    CHECK_THAT(r.out, Contains("Integrity   ok"));
    CHECK_THAT(r.out, Contains("Entries     1 check-in"));
    CHECK_THAT(r.err, StartsWith("steady: " + config + ":2:"));
    auto j = json::parse(app.run({"--json", "doctor"}).out);
    CHECK(j["config"]["ok"] == false);
    CHECK_THAT(j["config"]["error"].get<std::string>(), StartsWith(config + ":2:"));
}

TEST_CASE("doctor names an unknown zone in the config as a config problem", "[cli][doctor]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "timezone = \"Mars/Olympus\"\n"};

    auto r = app.run({"doctor"});

    CHECK(r.exit_code == 78);
    CHECK_THAT(r.out, Contains("Mars/Olympus"));
    CHECK_THAT(r.out, Contains("Time zone   Europe/Berlin (from $TZ)"));
}

TEST_CASE("doctor says how old the last backup is", "[cli][doctor]")
{
    TestApp app{"2026-11-19T20:00", "Europe/Berlin"};
    some_entries(app);
    REQUIRE(app.run({"backup"}).exit_code == 0);
    app.now = "2026-11-22T21:00";

    auto r = app.run({"doctor"});

    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Backup      3 days ago ("));
    CHECK_THAT(r.out, Contains("journal-20261119-200000.db)"));
    auto j = json::parse(app.run({"--json", "doctor"}).out);
    CHECK(j["backup"]["age_seconds"] == 3 * 86400 + 3600);
    CHECK(j["backup"]["age"] == "3 days ago");
}
