#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "domain/backup.hpp"

using namespace steady::domain;

TEST_CASE("backup names carry the local time and a sequence within a second", "[unit][backup]")
{
    auto made = date::local_days{date::year{2026} / 11 / 22} + std::chrono::hours{8} +
                std::chrono::minutes{5} + std::chrono::seconds{9};
    CHECK(backup_name(made).file_name() == "journal-20261122-080509.db");
    CHECK(backup_name(made, 2).file_name() == "journal-20261122-080509-2.db");
    CHECK(backup_name(made, 12).file_name() == "journal-20261122-080509-12.db");
    REQUIRE(parse_backup_name("journal-20261122-080509-12.db"));
    CHECK(parse_backup_name("journal-20261122-080509-12.db")->sequence == 12);
    CHECK(parse_backup_name("journal-20261122-080509.db")->made == made);
}

TEST_CASE("only default backup names are read as backups", "[unit][backup]")
{
    for (const char* name :
         {"journal.db", "journal-old.db", "journal-20261122-080509.db.tmp", "notes.txt",
          "journal-20261122-080509-1.db", "journal-20261122-080509-02.db",
          "journal-20260230-080509.db", "journal-20261122-250509.db", "journal-2026112-080509.db",
          ".steady-backup-abc123", "journal-20261122-080509-.db", "journal-20261122-080509-x.db"})
        CHECK_FALSE(parse_backup_name(name));
}

TEST_CASE("the newest `keep` backups stay, oldest go first", "[unit][backup]")
{
    std::vector<std::string> names = {
        "journal-20261122-080509-2.db", "notes.txt",
        "journal-20261121-000000.db",   "journal-20261122-080509.db",
        "journal-20251231-235959.db",   "journal-20261122-080509-10.db"};
    CHECK(backups_to_remove(names, 2) == std::vector<std::string>{"journal-20251231-235959.db",
                                                                  "journal-20261121-000000.db",
                                                                  "journal-20261122-080509.db"});
    CHECK(backups_to_remove(names, 10).empty());
}

TEST_CASE("encrypted backups (.db.gpg) are backups too, kept and pruned with the rest",
          "[unit][backup]")
{
    auto made = date::local_days{date::year{2026} / 11 / 22} + std::chrono::hours{8} +
                std::chrono::minutes{5} + std::chrono::seconds{9};
    REQUIRE(parse_backup_name("journal-20261122-080509-2.db.gpg"));
    CHECK(parse_backup_name("journal-20261122-080509.db.gpg")->made == made);
    CHECK(parse_backup_name("journal-20261122-080509-2.db.gpg")->sequence == 2);
    for (const char* name : {"journal-20261122-080509.gpg", "journal-20261122-080509.db.gpg.gpg",
                             "journal-20261122-080509.db.asc"})
        CHECK_FALSE(parse_backup_name(name));
    std::vector<std::string> names = {"journal-20261121-000000.db.gpg",
                                      "journal-20261122-080509.db", "journal-20251231-235959.db"};
    CHECK(backups_to_remove(names, 1) ==
          std::vector<std::string>{"journal-20251231-235959.db", "journal-20261121-000000.db.gpg"});
}

TEST_CASE("ages and sizes read as a person says them", "[unit][backup]")
{
    CHECK(age_text(-5) == "just now");
    CHECK(age_text(59) == "just now");
    CHECK(age_text(60) == "1 minute ago");
    CHECK(age_text(7200) == "2 hours ago");
    CHECK(age_text(86400) == "1 day ago");
    CHECK(age_text(3 * 86400 + 3600) == "3 days ago");
    CHECK(size_text(0) == "0 bytes");
    CHECK(size_text(1) == "1 byte");
    CHECK(size_text(106496) == "104 KiB");
    CHECK(size_text(1536) == "1.5 KiB");
    CHECK(size_text(3 * 1024 * 1024) == "3.0 MiB");
}
