#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"
#include "store/backup.hpp"
#include "store/journal.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using steady::test::file_digest;
using steady::test::mode_of;
using steady::test::TestApp;
namespace fs = std::filesystem;

namespace {

fs::path backups_of(const TestApp& app)
{
    return app.dir() / ".local" / "share" / "steady" / "backups";
}

// The names of the files in `folder`, sorted, hidden ones too.
std::vector<std::string> names_in(const fs::path& folder)
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

void two_entries(TestApp& app)
{
    REQUIRE(app.run({"checkin", "--mood", "6"}).exit_code == 0);
    REQUIRE(app.run({"craving", "--intensity", "4"}).exit_code == 0);
}

} // namespace

TEST_CASE("backup writes a private, whole journal to the backups folder", "[cli][backup]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_entries(app);

    auto r = app.run({"backup"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    auto made = backups_of(app) / "journal-20261122-200000.db";
    CHECK_THAT(r.out, Contains("Backed up 2 entries to " + made.string()));
    CHECK(names_in(backups_of(app)) == std::vector<std::string>{"journal-20261122-200000.db"});
    CHECK(mode_of(made) == 0600);
    CHECK(mode_of(backups_of(app)) == 0700);
    auto listed = app.run({"--db", made.string(), "list"});
    CHECK(listed.exit_code == 0);
    CHECK_THAT(listed.out, Contains("mood 6"));
    CHECK_THAT(listed.out, Contains("intensity 4"));
}

TEST_CASE("backup --json gives path, bytes, entries, kept and removed", "[cli][backup]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_entries(app);

    auto r = app.run({"--json", "backup"});

    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    CHECK(j["path"] == (backups_of(app) / "journal-20261122-200000.db").string());
    CHECK(j["bytes"] == fs::file_size(j["path"].get<std::string>()));
    CHECK(j["entries"] == 2);
    CHECK(j["kept"] == 1);
    CHECK(j["removed"] == json::array());
}

TEST_CASE("two backups in one second both stay", "[cli][backup]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_entries(app);
    REQUIRE(app.run({"backup"}).exit_code == 0);
    REQUIRE(app.run({"backup"}).exit_code == 0);
    REQUIRE(app.run({"backup"}).exit_code == 0);

    CHECK(names_in(backups_of(app)) == std::vector<std::string>{"journal-20261122-200000-2.db",
                                                                "journal-20261122-200000-3.db",
                                                                "journal-20261122-200000.db"});
}

TEST_CASE("backup keeps the newest backup.keep and never touches other files", "[cli][backup]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "[backup]\nkeep = 2\n"};
    two_entries(app);
    fs::create_directories(backups_of(app));
    steady::test::write_file(backups_of(app) / "notes.txt", "mine");
    steady::test::write_file(backups_of(app) / "journal-old.db", "mine too");
    for (const char* now : {"2026-11-20T08:00", "2026-11-21T08:00", "2026-11-22T08:00"}) {
        app.now = now;
        REQUIRE(app.run({"backup"}).exit_code == 0);
    }
    app.now = "2026-11-22T20:00";

    auto r = app.run({"--json", "backup"});

    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    CHECK(j["kept"] == 2);
    CHECK(j["removed"] == json{(backups_of(app) / "journal-20261121-080000.db").string()});
    CHECK(names_in(backups_of(app)) == std::vector<std::string>{"journal-20261122-080000.db",
                                                                "journal-20261122-200000.db",
                                                                "journal-old.db", "notes.txt"});
}

TEST_CASE("backup uses the local time of STEADY_NOW and XDG_DATA_HOME", "[cli][backup]")
{
    TestApp app{"2026-11-22T23:30:00Z", "Asia/Tokyo"};
    two_entries(app);
    app.env["XDG_DATA_HOME"] = (app.dir() / "xdg").string();

    auto r = app.run({"backup"});

    REQUIRE(r.exit_code == 0);
    CHECK(fs::exists(app.dir() / "xdg" / "steady" / "backups" / "journal-20261123-083000.db"));
}

TEST_CASE("backup to PATH, a folder, and --force over an existing file", "[cli][backup]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_entries(app);
    auto target = app.dir() / "usb" / "copy.db";

    auto r = app.run({"backup", target.string()});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains(target.string()));
    CHECK(mode_of(target) == 0600);
    CHECK(mode_of(target.parent_path()) == 0700);

    REQUIRE(app.run({"checkin", "--date", "yesterday", "--mood", "3"}).exit_code == 0);
    auto forced = app.run({"--json", "backup", target.string(), "--force"});
    REQUIRE(forced.exit_code == 0);
    CHECK(json::parse(forced.out)["entries"] == 3);
    CHECK(json::parse(forced.out)["kept"].is_null());

    auto into = app.run({"backup", (app.dir() / "usb").string()});
    REQUIRE(into.exit_code == 0);
    CHECK(fs::exists(app.dir() / "usb" / "journal-20261122-200000.db"));
    CHECK(names_in(app.dir() / "usb") ==
          std::vector<std::string>{"copy.db", "journal-20261122-200000.db"});
}

TEST_CASE("backup refuses an existing PATH without --force and leaves it", "[cli][backup]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_entries(app);
    auto target = app.dir() / "keep.db";
    steady::test::write_file(target, "precious");

    CHECK_REFUSED(app.run({"backup", target.string()}), 73, target.string());
    CHECK(steady::test::file_bytes(target) == "precious");
    CHECK_THAT(app.run({"backup", target.string()}).err, Contains("--force"));
    CHECK(names_in(app.dir()) == std::vector<std::string>{"journal.db", "keep.db"});
}

TEST_CASE("backup onto the journal itself is refused, by any name", "[cli][backup]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_entries(app);
    auto before = file_digest(app.db_path());
    fs::create_symlink(app.db_path(), app.dir() / "link.db");
    fs::create_directory(app.dir() / "sub");
    auto dotted = app.dir() / "sub" / ".." / "." / "journal.db";

    for (const auto& path : {app.db_path(), app.dir() / "link.db", dotted}) {
        CHECK_REFUSED(app.run({"backup", path.string()}), 64, "the journal itself");
        CHECK_REFUSED(app.run({"backup", path.string(), "--force"}), 64, app.db_path().string());
    }
    CHECK(file_digest(app.db_path()) == before);
    CHECK_FALSE(fs::exists(backups_of(app)));
}

TEST_CASE("backup into a folder that cannot be created is 73, nothing left", "[cli][backup]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_entries(app);
    steady::test::write_file(app.dir() / "plain", "a file in the way");

    CHECK_REFUSED(app.run({"backup", (app.dir() / "plain" / "sub" / "x.db").string()}), 73,
                  (app.dir() / "plain" / "sub").string());
    CHECK_REFUSED(app.run({"backup", "/dev/null/x.db"}), 73, "/dev/null");
    CHECK(names_in(app.dir()) == std::vector<std::string>{"journal.db", "plain"});
}

TEST_CASE("backup without a journal is 66 and creates nothing", "[cli][backup]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    CHECK_REFUSED(app.run({"backup"}), 66, "no journal at '" + app.db_path().string() + "' yet");
    CHECK_REFUSED(app.run({"backup", (app.dir() / "x.db").string()}), 66, "nothing to back up");
    CHECK(names_in(app.dir()).empty());
}

TEST_CASE("an encrypted backup never puts the plain journal in the destination folder",
          "[cli][backup][crypt]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    two_entries(app);
    auto folder = app.dir() / "usb";
    auto journal = steady::store::Journal::open_for_read(app.db_path());
    // What the destination folder holds while the copy is being encrypted.
    std::vector<std::string> seen;
    auto look = [&](const auto&) {
        for (const auto& name : names_in(folder))
            if (steady::test::file_bytes(folder / name).find("SQLite format 3") !=
                std::string::npos)
                seen.push_back(name);
        return std::string("not a journal");
    };

    SECTION("to a named file")
    {
        auto made = steady::store::back_up(journal, folder / "b.db.gpg",
                                           steady::store::Overwrite::no, look);
        CHECK(made.entries == 2);
    }
    SECTION("numbered in a folder")
    {
        steady::store::back_up_numbered(
            journal, folder, [](int n) { return "b" + std::to_string(n) + ".db.gpg"; }, look);
    }

    CHECK(seen.empty());
    auto names = names_in(folder);
    CHECK((names == std::vector<std::string>{"b1.db.gpg"} ||
           names == std::vector<std::string>{"b.db.gpg"}));
    for (const auto& name : names_in(folder))
        CHECK(steady::test::file_bytes(folder / name) == "not a journal");
}
