#include "store/health.hpp"

#include <system_error>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "store/journal.hpp"

namespace fs = std::filesystem;

namespace steady::store {

namespace {

std::int64_t health_count(SQLite::Database& db, const std::string& sql)
{
    return db.execAndGet(sql).getInt64();
}

JournalCounts count_records(SQLite::Database& db)
{
    JournalCounts counts;
    for (const char* kind : {"checkin", "trigger", "craving", "meeting", "goal_log", "lapse"}) {
        SQLite::Statement st(db, "SELECT count(*) FROM entries WHERE kind = ? AND deleted IS NULL");
        st.bind(1, kind);
        st.executeStep();
        counts.entries.emplace_back(kind, st.getColumn(0).getInt64());
    }
    counts.goals = health_count(db, "SELECT count(*) FROM goals");
    counts.clocks = health_count(db, "SELECT count(*) FROM clocks");
    counts.partners = health_count(db, "SELECT count(*) FROM partners");
    return counts;
}

// Fills in what the open database `db` says about itself.
void examine(SQLite::Database& db, JournalHealth& health)
{
    health.schema_version = db.execAndGet("PRAGMA user_version").getInt();
    SQLite::Statement check(db, "PRAGMA integrity_check(20)");
    while (check.executeStep())
        health.integrity.push_back(check.getColumn(0).getString());
    SQLite::Statement keys(db, "PRAGMA foreign_key_check");
    while (keys.executeStep())
        ++health.foreign_key_problems;
    if (health.schema_version < 1 || health.schema_version > k_schema_version)
        return;
    try {
        health.counts = count_records(db);
    } catch (const SQLite::Exception&) { // NOLINT(bugprone-empty-catch): counts stay unknown
    }
}

std::string damage_of(const SQLite::Exception& e)
{
    switch (e.getErrorCode() & 0xff) {
    case SQLITE_NOTADB:
        return "not a SQLite database (replaced or overwritten?)";
    case SQLITE_CORRUPT:
        return std::string("damaged: ") + e.getErrorStr();
    default:
        return std::string("cannot be read: ") + e.getErrorStr();
    }
}

} // namespace

bool JournalHealth::corrupt() const
{
    if (!exists)
        return false;
    if (damage)
        return true;
    bool ok = integrity.size() == 1 && integrity.front() == "ok";
    return !ok || foreign_key_problems > 0;
}

JournalHealth inspect_journal(const fs::path& path)
{
    JournalHealth health;
    std::error_code ec;
    health.exists = fs::is_regular_file(path, ec);
    if (!health.exists)
        return health;
    health.bytes = fs::file_size(path, ec);
    auto wal = fs::path(path.string() + "-wal");
    if (auto size = fs::file_size(wal, ec); !ec)
        health.wal_bytes = size;
    try {
        // Read-write without CREATE, so that closing cleans up the -wal and
        // -shm files a read creates; query_only so that nothing is written.
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.setBusyTimeout(10000);
        db.exec("PRAGMA query_only = ON");
        examine(db, health);
    } catch (const SQLite::Exception& e) {
        health.damage = damage_of(e);
    }
    return health;
}

} // namespace steady::store
