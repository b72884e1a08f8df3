#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "cli/test_app.hpp"
#include "store/entries.hpp"
#include "store/journal.hpp"
#include "store/schema.hpp"
#include "unit/fixtures.hpp"

namespace fs = std::filesystem;
namespace st = steady::store;
namespace tu = steady::timeutil;
using steady::domain::Entry;
using steady::domain::Kind;
using steady::test::file_digest;
using steady::test::mode_of;
using steady::test::stored_day;
using steady::test::TempDir;

namespace {

tu::Instant instant(const char* text)
{
    return *tu::parse_stored_instant(text);
}

Entry checkin(const char* on_day, std::int64_t mood, const char* at = nullptr)
{
    Entry e;
    e.kind = Kind::checkin;
    e.day = stored_day(on_day);
    e.at = at ? instant(at) : instant((std::string(on_day) + "T18:00:00Z").c_str());
    e.tz = "Europe/Berlin";
    e.values["mood"] = mood;
    return e;
}

Entry trigger(const char* at, const std::string& what, std::vector<std::string> tags = {})
{
    Entry e;
    e.kind = Kind::trigger;
    e.at = instant(at);
    e.day = stored_day(std::string(at).substr(0, 10).c_str());
    e.tz = "Europe/Berlin";
    e.values["what"] = what;
    e.tags = std::move(tags);
    return e;
}

const tu::Instant k_now = instant("2026-11-22T19:00:00Z");

std::int64_t add(st::Journal& journal, Entry entry)
{
    journal.write("add", [&] { st::add_entry(journal, entry, k_now); });
    return entry.id;
}

std::string one(st::Journal& journal, const std::string& sql)
{
    SQLite::Statement q(journal.db(), sql);
    if (!q.executeStep() || q.getColumn(0).isNull())
        return "";
    return q.getColumn(0).getString();
}

std::vector<std::int64_t> ids(st::Journal& journal, const st::EntryFilter& filter)
{
    std::vector<std::int64_t> out;
    st::for_each_entry(journal, filter, [&](const Entry& e) { out.push_back(e.id); });
    return out;
}

int streak(st::Journal& journal, const char* today)
{
    return st::checkin_streak(journal, stored_day(today));
}

} // namespace

TEST_CASE("a new journal has the current schema and every table", "[store][schema]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");

    CHECK(one(journal, "PRAGMA user_version") == std::to_string(st::k_schema_version));
    CHECK(st::k_schema_version == 7);
    for (const char* table :
         {"entries", "goals", "clocks", "partners", "shares", "plan", "undo_log", "checkin_run",
          "peer_summaries", "peer_missed", "peer_clocks"}) {
        CAPTURE(table);
        CHECK(one(journal, std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                       "AND name = '") +
                               table + "'") == "1");
    }
    for (const char* column :
         {"id",        "uuid",   "kind",     "at",         "tz",         "day",
          "note",      "tags",   "created",  "updated",    "mood",       "craving",
          "sober",     "energy", "sleep",    "gratitude",  "what",       "category",
          "intensity", "coped",  "duration", "trigger_id", "strategies", "outcome",
          "name",      "type",   "goal_id",  "count",      "clock_id"}) {
        CAPTURE(column);
        CHECK(one(journal, std::string("SELECT count(*) FROM pragma_table_info('entries') WHERE "
                                       "name = '") +
                               column + "'") == "1");
    }
}

TEST_CASE("opening a current journal again migrates nothing", "[store][schema]")
{
    TempDir tmp;
    auto path = tmp.path() / "journal.db";
    std::string schema;
    {
        auto journal = st::Journal::open_for_write(path);
        add(journal, checkin("2026-11-22", 7));
        schema = one(journal, "SELECT group_concat(sql, ';') FROM sqlite_schema");
    }
    auto journal = st::Journal::open_for_write(path);
    st::migrate(journal.db());
    CHECK(one(journal, "SELECT group_concat(sql, ';') FROM sqlite_schema") == schema);
    CHECK(one(journal, "SELECT count(*) FROM entries") == "1");
}

TEST_CASE("an empty file becomes a journal", "[store][schema]")
{
    TempDir tmp;
    auto path = tmp.path() / "journal.db";
    steady::test::write_file(path, "");

    auto journal = st::Journal::open_for_write(path);

    CHECK(one(journal, "PRAGMA user_version") == "7");
}

TEST_CASE("a journal uses WAL, foreign keys and a busy timeout", "[store][pragmas]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");

    CHECK(one(journal, "PRAGMA journal_mode") == "wal");
    CHECK(one(journal, "PRAGMA foreign_keys") == "1");
    CHECK(std::stoi(one(journal, "PRAGMA busy_timeout")) >= 5000);
}

TEST_CASE("foreign keys are enforced", "[store][pragmas]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    CHECK_THROWS(journal.db().exec("INSERT INTO entries (uuid, kind, at, tz, day, created, "
                                   "updated, goal_id) VALUES ('u', 'goal_log', 'a', 'z', 'd', "
                                   "'c', 'u', 42)"));
}

TEST_CASE("a new journal in a new folder is private whatever the umask", "[store][files]")
{
    TempDir tmp;
    ::umask(022);
    auto path = tmp.path() / "new" / "folder" / "journal.db";

    auto journal = st::Journal::open_for_write(path);
    add(journal, checkin("2026-11-22", 7));

    CHECK(mode_of(tmp.path() / "new") == 0700);
    CHECK(mode_of(tmp.path() / "new" / "folder") == 0700);
    CHECK(mode_of(path) == 0600);
    for (const char* suffix : {"-wal", "-shm"}) {
        auto side = fs::path(path.string() + suffix);
        CAPTURE(side);
        if (fs::exists(side))
            CHECK(mode_of(side) == 0600);
    }
}

TEST_CASE("an empty file made beforehand becomes a private journal", "[store][files]")
{
    TempDir tmp;
    auto path = tmp.path() / "journal.db";
    std::ofstream{path}.close();
    fs::permissions(path, fs::perms(0644));

    auto journal = st::Journal::open_for_write(path);
    add(journal, checkin("2026-11-22", 7));

    CHECK(mode_of(path) == 0600);
}

TEST_CASE("a journal with data keeps the mode its owner gave it", "[store][files]")
{
    TempDir tmp;
    auto path = tmp.path() / "journal.db";
    {
        auto journal = st::Journal::open_for_write(path);
        add(journal, checkin("2026-11-21", 6));
    }
    fs::permissions(path, fs::perms(0640));

    auto journal = st::Journal::open_for_write(path);
    add(journal, checkin("2026-11-22", 7));

    CHECK(mode_of(path) == 0640);
}

TEST_CASE("an existing folder keeps its mode", "[store][files]")
{
    TempDir tmp;
    fs::permissions(tmp.path(), fs::perms(0755));
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    CHECK(mode_of(tmp.path()) == 0755);
    CHECK(mode_of(tmp.path() / "journal.db") == 0600);
}

TEST_CASE("opening a missing journal to read creates nothing", "[store][files]")
{
    TempDir tmp;
    auto path = tmp.path() / "sub" / "journal.db";

    auto journal = st::Journal::open_for_read(path);

    CHECK(st::find_entry(journal, 1) == std::nullopt);
    CHECK(st::checkin_streak(journal, stored_day("2026-11-22")) == 0);
    CHECK(st::first_entry_day(journal) == std::nullopt);
    CHECK_FALSE(fs::exists(tmp.path() / "sub"));
}

TEST_CASE("a newer journal is refused untouched", "[store][schema]")
{
    TempDir tmp;
    auto path = tmp.path() / "journal.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("CREATE TABLE t (x)");
        db.exec("PRAGMA user_version = " + std::to_string(st::k_schema_version + 1));
    }
    auto bytes = file_digest(path);

    CHECK_THROWS_AS(st::Journal::open_for_write(path), steady::DataError);
    CHECK_THROWS_AS(st::Journal::open_for_read(path), steady::DataError);
    CHECK(file_digest(path) == bytes);
}

TEST_CASE("a file that is not a journal is refused untouched", "[store][schema]")
{
    TempDir tmp;
    auto path = tmp.path() / "journal.db";
    std::string text = "just some notes\n" + std::string(4096, '.');
    steady::test::write_file(path, text);
    auto text_digest = file_digest(path);

    try {
        st::Journal::open_for_write(path);
        FAIL("opened a text file as a journal");
    } catch (const steady::JournalError& e) {
        CHECK(e.exit_code() == 74);
    }
    CHECK_THROWS_AS(st::Journal::open_for_read(path), steady::JournalError);
    CHECK(file_digest(path) == text_digest);
}

TEST_CASE("uuids are version 4 and unique", "[store][uuid]")
{
    const std::regex v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        auto uuid = st::new_uuid();
        CAPTURE(uuid);
        REQUIRE(std::regex_match(uuid, v4));
        seen.insert(uuid);
    }
    CHECK(seen.size() == 2000);
}

TEST_CASE("ids and uuids are unique across kinds", "[store][entries]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");

    auto a = add(journal, checkin("2026-11-22", 7));
    auto b = add(journal, trigger("2026-11-22T10:00:00Z", "the pub"));
    auto c = add(journal, checkin("2026-11-21", 5));
    auto d = add(journal, trigger("2026-11-22T11:00:00Z", "payday"));

    CHECK(std::set<std::int64_t>{a, b, c, d}.size() == 4);
    CHECK(one(journal, "SELECT count(DISTINCT uuid) FROM entries") == "4");
    CHECK(st::find_entry(journal, b)->kind == Kind::trigger);
    CHECK(st::find_entry(journal, c)->kind == Kind::checkin);
}

TEST_CASE("ids are not reused after an undone add", "[store][entries]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    auto first = add(journal, checkin("2026-11-22", 7));
    journal.write("undo", [&] { st::undo_last(journal, k_now); });

    auto second = add(journal, checkin("2026-11-22", 6));

    CHECK(second != first);
}

TEST_CASE("an entry reads back as it was saved", "[store][entries]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    auto entry = checkin("2026-11-22", 7, "2026-11-22T19:00:00Z");
    entry.values["craving"] = std::int64_t{0};
    entry.values["sober"] = std::int64_t{1};
    entry.values["sleep"] = 6.5;
    entry.values["gratitude"] = std::string("tea");
    entry.note = "it's \"fine\"; really";
    entry.tags = {"work", "family"};

    auto id = add(journal, entry);
    auto back = st::find_entry(journal, id);

    REQUIRE(back);
    CHECK(back->kind == Kind::checkin);
    CHECK(back->uuid.size() == 36);
    CHECK(back->at == instant("2026-11-22T19:00:00Z"));
    CHECK(back->tz == "Europe/Berlin");
    CHECK(back->day == stored_day("2026-11-22"));
    CHECK(back->get_int("mood") == 7);
    CHECK(back->get_int("craving") == 0);
    CHECK(back->get_int("sober") == 1);
    CHECK(back->get_decimal("sleep") == 6.5);
    CHECK(back->get_text("gratitude") == "tea");
    CHECK_FALSE(back->get_int("energy"));
    CHECK(back->note == "it's \"fine\"; really");
    CHECK(back->tags == std::vector<std::string>{"work", "family"});
    CHECK(back->created == k_now);
    CHECK(back->updated == k_now);
    CHECK(st::find_checkin(journal, stored_day("2026-11-22"))->id == id);
    CHECK_FALSE(st::find_checkin(journal, stored_day("2026-11-21")));
}

TEST_CASE("a craving's list and duration read back", "[store][entries]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    auto t = add(journal, trigger("2026-11-22T10:00:00Z", "the pub"));
    Entry craving;
    craving.kind = Kind::craving;
    craving.at = instant("2026-11-22T10:05:00Z");
    craving.day = stored_day("2026-11-22");
    craving.tz = "Europe/Berlin";
    craving.values["intensity"] = std::int64_t{8};
    craving.values["duration"] = std::int64_t{90};
    craving.values["trigger"] = t;
    craving.values["strategies"] = std::vector<std::string>{"walk", "called Sam"};
    craving.values["outcome"] = std::string("resisted");

    auto back = st::find_entry(journal, add(journal, craving));

    REQUIRE(back);
    CHECK(back->get_int("duration") == 90);
    CHECK(back->get_int("trigger") == t);
    CHECK(back->get_list("strategies") == std::vector<std::string>{"walk", "called Sam"});
    CHECK(back->get_text("outcome") == "resisted");
}

TEST_CASE("a craving naming a missing trigger is refused", "[store][entries]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    auto c = add(journal, checkin("2026-11-22", 7));
    Entry craving;
    craving.kind = Kind::craving;
    craving.at = instant("2026-11-22T10:05:00Z");
    craving.day = stored_day("2026-11-22");
    craving.tz = "Europe/Berlin";
    craving.values["intensity"] = std::int64_t{8};
    craving.values["trigger"] = c;

    CHECK_THROWS_AS(add(journal, craving), steady::DataError);
    CHECK(one(journal, "SELECT count(*) FROM entries") == "1");
    CHECK(one(journal, "SELECT count(*) FROM undo_log") == "1");
}

TEST_CASE("a second check-in for a day is refused by the store", "[store][entries]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    auto first = add(journal, checkin("2026-11-22", 7));

    try {
        add(journal, checkin("2026-11-22", 4));
        FAIL("a second check-in was saved");
    } catch (const steady::DataError& e) {
        std::string what = e.what();
        CHECK_THAT(what, Catch::Matchers::Contains("2026-11-22"));
        CHECK_THAT(what, Catch::Matchers::Contains("#" + std::to_string(first)));
        CHECK_THAT(what, Catch::Matchers::Contains("a day has one check-in"));
    }
    CHECK(one(journal, "SELECT count(*) FROM entries") == "1");
    CHECK(one(journal, "SELECT count(*) FROM undo_log") == "1");
}

TEST_CASE("the journal itself allows one live check-in a day", "[store][schema]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    add(journal, checkin("2026-11-22", 7));
    CHECK_THROWS(journal.db().exec(
        "INSERT INTO entries (uuid, kind, at, tz, day, created, updated, mood) VALUES "
        "('x', 'checkin', '2026-11-22T20:00:00Z', 'UTC', '2026-11-22', 'c', 'u', 3)"));
}

TEST_CASE("update, delete and undo round trip", "[store][entries][undo]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    auto entry = checkin("2026-11-22", 7);
    entry.note = "first";
    entry.tags = {"work"};
    entry.values["sleep"] = 6.0;
    auto id = add(journal, entry);
    auto saved = *st::find_entry(journal, id);

    auto changed = saved;
    changed.values["mood"] = std::int64_t{3};
    changed.note.reset();
    changed.tags = {"rest", "family"};
    auto later = instant("2026-11-22T21:00:00Z");
    journal.write("edit", [&] { st::update_entry(journal, changed, later); });
    auto edited = *st::find_entry(journal, id);
    CHECK(edited.get_int("mood") == 3);
    CHECK_FALSE(edited.note);
    CHECK(edited.tags == std::vector<std::string>{"rest", "family"});
    CHECK(edited.updated == later);
    CHECK(edited.created == saved.created);
    CHECK(edited.uuid == saved.uuid);

    journal.write("delete", [&] { st::delete_entry(journal, edited, later); });
    CHECK_FALSE(st::find_entry(journal, id));
    CHECK_FALSE(st::find_checkin(journal, stored_day("2026-11-22")));

    std::optional<std::string> undone;
    journal.write("undo", [&] { undone = st::undo_last(journal, later); });
    CHECK(undone == "deleted checkin #" + std::to_string(id) + " of 2026-11-22");
    auto restored = st::find_entry(journal, id);
    REQUIRE(restored);
    CHECK(restored->get_int("mood") == 3);

    journal.write("undo", [&] { undone = st::undo_last(journal, later); });
    CHECK(undone == "edited checkin #" + std::to_string(id) + " of 2026-11-22");
    auto original = *st::find_entry(journal, id);
    CHECK(original.get_int("mood") == 7);
    CHECK(original.note == "first");
    CHECK(original.tags == std::vector<std::string>{"work"});
    CHECK(original.get_decimal("sleep") == 6.0);
    CHECK(original.updated == saved.updated);

    journal.write("undo", [&] { undone = st::undo_last(journal, later); });
    CHECK(undone == "added checkin #" + std::to_string(id) + " of 2026-11-22");
    CHECK(one(journal, "SELECT count(*) FROM entries") == "0");

    journal.write("undo", [&] { undone = st::undo_last(journal, later); });
    CHECK_FALSE(undone);
}

TEST_CASE("a failed write leaves nothing behind", "[store][transactions]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    add(journal, checkin("2026-11-21", 5));

    CHECK_THROWS_AS(journal.write("add two",
                                  [&] {
                                      auto e = checkin("2026-11-22", 7);
                                      st::add_entry(journal, e, k_now);
                                      throw std::runtime_error("power cut");
                                  }),
                    std::runtime_error);

    CHECK(one(journal, "SELECT count(*) FROM entries") == "1");
    CHECK(one(journal, "SELECT count(*) FROM undo_log") == "1");
    add(journal, checkin("2026-11-22", 7));
    CHECK(one(journal, "SELECT count(*) FROM entries") == "2");
}

TEST_CASE("a SQLite failure inside a write is a JournalError saying what was done",
          "[store][transactions]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    try {
        journal.write("save the check-in",
                      [&] { journal.db().exec("INSERT INTO no_such_table VALUES (1)"); });
        FAIL("no error");
    } catch (const steady::Error& e) {
        CHECK_THAT(std::string(e.what()),
                   Catch::Matchers::StartsWith("could not save the check-in"));
    }
}

TEST_CASE("the check-in streak", "[store][streak]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");

    SECTION("an empty journal has none")
    {
        CHECK(streak(journal, "2026-11-22") == 0);
    }
    SECTION("today alone is one")
    {
        add(journal, checkin("2026-11-22", 5));
        CHECK(streak(journal, "2026-11-22") == 1);
    }
    SECTION("today not checked in yet does not break it")
    {
        add(journal, checkin("2026-11-20", 5));
        add(journal, checkin("2026-11-21", 5));
        CHECK(streak(journal, "2026-11-22") == 2);
    }
    SECTION("consecutive days through today")
    {
        for (const char* d : {"2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"})
            add(journal, checkin(d, 5));
        CHECK(streak(journal, "2026-11-22") == 5);
        CHECK(streak(journal, "2026-11-20") == 3);
    }
    SECTION("a gap breaks it")
    {
        add(journal, checkin("2026-11-18", 5));
        add(journal, checkin("2026-11-19", 5));
        add(journal, checkin("2026-11-21", 5));
        add(journal, checkin("2026-11-22", 5));
        CHECK(streak(journal, "2026-11-22") == 2);
    }
    SECTION("a missed yesterday ends it even before today's check-in")
    {
        add(journal, checkin("2026-11-19", 5));
        add(journal, checkin("2026-11-20", 5));
        CHECK(streak(journal, "2026-11-22") == 0);
    }
    SECTION("across a month and a year end")
    {
        for (const char* d : {"2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"})
            add(journal, checkin(d, 5));
        CHECK(streak(journal, "2027-01-02") == 4);
    }
    SECTION("later days do not count")
    {
        add(journal, checkin("2026-11-22", 5));
        add(journal, checkin("2026-11-24", 5));
        CHECK(streak(journal, "2026-11-22") == 1);
    }
    SECTION("other kinds do not count")
    {
        add(journal, checkin("2026-11-20", 5));
        add(journal, trigger("2026-11-21T10:00:00Z", "x"));
        add(journal, checkin("2026-11-22", 5));
        CHECK(streak(journal, "2026-11-22") == 1);
    }
    SECTION("a deleted check-in does not count")
    {
        add(journal, checkin("2026-11-20", 5));
        auto id = add(journal, checkin("2026-11-21", 5));
        add(journal, checkin("2026-11-22", 5));
        journal.write("delete",
                      [&] { st::delete_entry(journal, *st::find_entry(journal, id), k_now); });
        CHECK(streak(journal, "2026-11-22") == 1);
    }
}

TEST_CASE("a version 1 journal gains the kept check-in run, entries untouched",
          "[store][schema][streak]")
{
    TempDir tmp;
    auto path = tmp.path() / "journal.db";
    {
        auto journal = st::Journal::open_for_write(path);
        for (const char* d : {"2026-11-19", "2026-11-20", "2026-11-21"})
            add(journal, checkin(d, 5));
        // What version 1 had: no checkin_run, no triggers, the v1 indexes, no
        // peer tables.
        journal.db().exec(
            "DROP TRIGGER checkin_run_on_insert; DROP TRIGGER checkin_run_on_update; "
            "DROP TRIGGER checkin_run_on_delete; DROP TABLE checkin_run; "
            "DROP TRIGGER report_stale_on_insert; DROP TRIGGER report_stale_on_update; "
            "DROP TRIGGER report_stale_on_delete; DROP TABLE report_rollup; "
            "DROP TABLE report_stale; "
            "DROP TABLE peer_clocks; DROP TABLE peer_missed; DROP TABLE peer_summaries; "
            "DROP INDEX entries_report; CREATE INDEX entries_kind_day "
            "ON entries(kind, day) WHERE deleted IS NULL; "
            "ALTER TABLE partners DROP COLUMN pgp_fingerprint; "
            "ALTER TABLE shares DROP COLUMN encrypted; "
            "PRAGMA user_version = 1");
    }
    auto journal = st::Journal::open_for_write(path);
    CHECK(one(journal, "PRAGMA user_version") == "7");
    CHECK(one(journal, "SELECT count(*) FROM pragma_table_info('partners') "
                       "WHERE name = 'pgp_fingerprint'") == "1");
    CHECK(one(journal, "SELECT dflt_value FROM pragma_table_info('shares') "
                       "WHERE name = 'encrypted'") == "0");
    CHECK(one(journal, "SELECT group_concat(name) FROM sqlite_schema WHERE type = 'index' "
                       "AND name LIKE 'entries_%' ORDER BY name") ==
          "entries_one_checkin_a_day,entries_day,entries_report");
    CHECK(one(journal, "SELECT count(*) FROM checkin_run") == "0");
    CHECK(one(journal, "SELECT group_concat(day) FROM checkins") ==
          "2026-11-19,2026-11-20,2026-11-21");
    CHECK(streak(journal, "2026-11-22") == 3); // counted by walking the days
    add(journal, checkin("2026-11-22", 6));
    CHECK(one(journal, "SELECT first_day || ' ' || last_day FROM checkin_run") ==
          "2026-11-19 2026-11-22");
    CHECK(streak(journal, "2026-11-22") == 4);
}

TEST_CASE("a version 6 journal's rollup index comes to hold the counts sos reads",
          "[store][schema][sos]")
{
    TempDir tmp;
    auto path = tmp.path() / "journal.db";
    {
        auto journal = st::Journal::open_for_write(path);
        add(journal, checkin("2026-11-21", 5));
        // What version 6 had: the index on (dim, month) only.
        journal.db().exec("DROP INDEX report_rollup_dim; "
                          "CREATE INDEX report_rollup_dim ON report_rollup(dim, month); "
                          "PRAGMA user_version = 6");
    }
    auto journal = st::Journal::open_for_write(path);
    CHECK(one(journal, "PRAGMA user_version") == "7");
    CHECK(one(journal,
              "SELECT group_concat(name) FROM "
              "(SELECT name FROM pragma_index_info('report_rollup_dim') ORDER BY seqno)") ==
          "dim,month,key,a,b,c,d");
    CHECK(one(journal, "SELECT count(*) FROM checkins") == "1");
}

TEST_CASE("the kept check-in run follows every way check-ins change", "[store][streak]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    auto kept = [&] {
        return one(journal, "SELECT first_day || ' ' || last_day FROM checkin_run");
    };

    for (const char* d : {"2026-11-10", "2026-11-11", "2026-11-12"})
        add(journal, checkin(d, 5));
    CHECK(kept() == "2026-11-10 2026-11-12");
    add(journal, checkin("2026-11-13", 5)); // the next day extends it
    CHECK(kept() == "2026-11-10 2026-11-13");
    CHECK(streak(journal, "2026-11-14") == 4);

    // Days filled in before the run: apart from it, nothing changes; joined
    // to it, the run is longer than kept, so it is worked out again.
    add(journal, checkin("2026-11-08", 5));
    CHECK(kept() == "2026-11-10 2026-11-13");
    add(journal, checkin("2026-11-09", 5));
    CHECK(kept() == "2026-11-08 2026-11-13");
    CHECK(streak(journal, "2026-11-13") == 6);

    // A check-in deleted, edited to another day, or removed by sqlite3 by hand.
    add(journal, checkin("2026-11-14", 5));
    CHECK(streak(journal, "2026-11-14") == 7);
    auto id = std::stoll(one(journal, "SELECT id FROM checkins WHERE day = '2026-11-11'"));
    journal.write("delete",
                  [&] { st::delete_entry(journal, *st::find_entry(journal, id), k_now); });
    CHECK(kept() == "");
    CHECK(streak(journal, "2026-11-14") == 3);
    journal.write("undo", [&] { st::undo_last(journal, k_now); });
    CHECK(streak(journal, "2026-11-14") == 7);
    journal.db().exec("DELETE FROM entries WHERE day = '2026-11-12' AND kind = 'checkin'");
    CHECK(kept() == "");
    CHECK(streak(journal, "2026-11-14") == 2);
    journal.db().exec("UPDATE entries SET day = '2026-11-12' WHERE day = '2026-11-15'");
    CHECK(streak(journal, "2026-11-14") == 2);
}

TEST_CASE("the streak is the same whether kept or counted, whatever happens", "[store][streak]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    // The streak counted the slow way, from the live check-ins alone.
    auto counted = [&](tu::Day today) {
        std::set<tu::Day> days;
        SQLite::Statement q(journal.db(), "SELECT day FROM checkins");
        while (q.executeStep())
            days.insert(*tu::parse_stored_day(q.getColumn(0).getText()));
        auto last = days.count(today) != 0 ? today : today - date::days{1};
        int n = 0;
        for (auto d = last; days.count(d) != 0; d -= date::days{1})
            ++n;
        return n;
    };
    std::uint32_t seed = 20261122;
    auto next = [&seed](std::uint32_t bound) {
        seed = seed * 1664525U + 1013904223U;
        return (seed >> 8) % bound;
    };
    const auto base = stored_day("2026-10-01");
    for (int step = 0; step < 400; ++step) {
        auto on = base + date::days{static_cast<int>(next(40))};
        auto action = next(10);
        auto text = tu::format_day(on);
        CAPTURE(step, action, text);
        auto existing = st::find_checkin(journal, on);
        if (action < 6 && !existing) {
            add(journal, checkin(text.c_str(), 5));
        } else if (action < 8 && existing) {
            journal.write("delete", [&] { st::delete_entry(journal, *existing, k_now); });
        } else if (action == 8) {
            journal.write("undo", [&] { st::undo_last(journal, k_now); });
        } else if (existing) {
            auto moved = *existing;
            moved.day = on + date::days{1};
            if (!st::find_checkin(journal, moved.day))
                journal.write("edit", [&] { st::update_entry(journal, moved, k_now); });
        }
        for (int d = 0; d < 42; d += 3) {
            auto today = base + date::days{d};
            CAPTURE(tu::format_day(today));
            REQUIRE(st::checkin_streak(journal, today) == counted(today));
        }
    }
}

TEST_CASE("for_each_entry lists newest first and filters", "[store][list]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    auto c20 = add(journal, checkin("2026-11-20", 5, "2026-11-20T18:00:00Z"));
    auto t22 = add(journal, trigger("2026-11-22T08:00:00Z", "Payday at the pub", {"money"}));
    auto c22 = add(journal, checkin("2026-11-22", 7, "2026-11-22T19:00:00Z"));
    auto t21 = add(journal, trigger("2026-11-21T12:00:00Z", "argument", {"money", "jo"}));
    auto same = add(journal, trigger("2026-11-22T08:00:00Z", "second at the same second"));
    auto gone = add(journal, trigger("2026-11-22T09:00:00Z", "deleted one"));
    journal.write("delete",
                  [&] { st::delete_entry(journal, *st::find_entry(journal, gone), k_now); });

    st::EntryFilter all;
    all.limit = 0;
    CHECK(ids(journal, all) == std::vector<std::int64_t>{c22, same, t22, t21, c20});

    auto kind = all;
    kind.kind = Kind::checkin;
    CHECK(ids(journal, kind) == std::vector<std::int64_t>{c22, c20});

    auto range = all;
    range.from = stored_day("2026-11-21");
    range.to = stored_day("2026-11-21");
    CHECK(ids(journal, range) == std::vector<std::int64_t>{t21});
    range.to = stored_day("2026-11-22");
    CHECK(ids(journal, range) == std::vector<std::int64_t>{c22, same, t22, t21});

    auto tag = all;
    tag.tag = "money";
    CHECK(ids(journal, tag) == std::vector<std::int64_t>{t22, t21});

    auto search = all;
    search.search = "PAYDAY";
    CHECK(ids(journal, search) == std::vector<std::int64_t>{t22});
    search.search = "deleted";
    CHECK(ids(journal, search).empty());

    auto limit = all;
    limit.limit = 2;
    CHECK(ids(journal, limit) == std::vector<std::int64_t>{c22, same});
    st::EntryFilter by_default;
    CHECK(by_default.limit == 30);

    CHECK(st::first_entry_day(journal) == stored_day("2026-11-20"));
}

TEST_CASE("the undo log names what each action did", "[store][undo]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    auto id = add(journal, checkin("2026-11-22", 7));
    auto entry = *st::find_entry(journal, id);
    entry.values["mood"] = std::int64_t{4};
    journal.write("edit", [&] { st::update_entry(journal, entry, k_now); });

    CHECK(one(journal, "SELECT group_concat(action, ',') FROM undo_log") == "add,edit");
    CHECK(one(journal, "SELECT before IS NULL FROM undo_log WHERE action = 'add'") == "1");
    CHECK(one(journal, "SELECT json_extract(before, '$.mood') FROM undo_log WHERE action = "
                       "'edit'") == "7");
}
