#include "store/journal.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/report.hpp"
#include "store/schema.hpp"

namespace fs = std::filesystem;

namespace steady::store {

namespace {

// Connection settings only: nothing here writes to the file.
void apply_pragmas(SQLite::Database& db)
{
    db.setBusyTimeout(10000);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = NORMAL");
}

// steady_lower(text): domain::to_lower_utf8 for SQL, NULL for NULL.
void steady_lower_sql(sqlite3_context* context, int, sqlite3_value** args)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    auto size = static_cast<std::size_t>(sqlite3_value_bytes(args[0]));
    auto lower = domain::to_lower_utf8(std::string_view(text, size));
    sqlite3_result_text64(context, lower.data(), lower.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

// The SQL functions the store's queries use, on connection `db`.
void register_functions(SQLite::Database& db)
{
    int rc = sqlite3_create_function_v2(db.getHandle(), "steady_lower", 1,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        nullptr, &steady_lower_sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw JournalError(std::string("could not open the journal: ") + sqlite3_errstr(rc));
}

int schema_version(SQLite::Database& db)
{
    return db.execAndGet("PRAGMA user_version").getInt();
}

// A journal file must be ours: a SQLite database with our tables, or empty.
void check_is_journal(SQLite::Database& db, const fs::path& path)
{
    int version = schema_version(db); // throws SQLITE_NOTADB for a non-database
    if (version > k_schema_version) {
        throw DataError("journal '" + path.string() + "' was written by a newer steady (schema " +
                        std::to_string(version) + ", this one knows " +
                        std::to_string(k_schema_version) + "); upgrade steady to use it");
    }
    if (version == 0) {
        int tables = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        if (tables > 0)
            throw JournalError("'" + path.string() +
                               "' is a SQLite database but not a steady journal; "
                               "point --db at a journal or a new file");
    }
}

void create_private_dir(const fs::path& dir)
{
    if (dir.empty() || fs::exists(dir))
        return;
    create_private_dir(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw CannotCreateError("cannot create the journal folder '" + dir.string() +
                                "': " + std::strerror(errno));
}

Journal open_checked(const fs::path& path, int flags, bool writable)
{
    try {
        // One thread at a time uses a journal (import's reader thread and the
        // GnuPG threads never touch SQLite), so SQLite need not lock a mutex
        // in every call: 7 % of an export's profile (each sqlite3_column_*).
        auto db = std::make_unique<SQLite::Database>(path.string(), flags | SQLite::OPEN_NOMUTEX);
        apply_pragmas(*db);
        check_is_journal(*db, path); // before anything could change a file that is not ours
        if (writable) {
            db->exec("PRAGMA journal_mode = WAL");
            migrate(*db);
        }
        return Journal::from_database(std::move(db));
    } catch (const SQLite::Exception&) {
        rethrow_as_journal_error("open the journal '" + path.string() + "'");
    }
}

} // namespace

Journal Journal::from_database(std::unique_ptr<SQLite::Database> db)
{
    return Journal(std::move(db));
}

Journal::Journal(std::unique_ptr<SQLite::Database> db) : m_db(std::move(db))
{
    register_functions(*m_db);
}
Journal::Journal(Journal&&) noexcept = default;
Journal& Journal::operator=(Journal&&) noexcept = default;
Journal::~Journal() = default;

SQLite::Database& Journal::db()
{
    return *m_db;
}

Journal Journal::open_for_write(const fs::path& path)
{
    ::umask(077);
    bool existed = fs::exists(path);
    std::error_code ec;
    if (existed && fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0 && !ec) {
        // An empty file made beforehand (touch) becomes a journal now: as
        // private as one steady creates. A journal with data keeps its mode.
        fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write,
                        fs::perm_options::replace, ec);
    }
    if (!existed) {
        create_private_dir(path.parent_path());
        if (fs::is_directory(path, ec))
            throw CannotCreateError("'" + path.string() + "' is a folder, not a journal file");
    }
    try {
        return open_checked(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, true);
    } catch (const JournalError& e) {
        if (!existed)
            throw CannotCreateError("cannot create the journal '" + path.string() +
                                    "': " + e.what());
        throw;
    }
}

Journal Journal::open_for_read(const fs::path& path)
{
    if (!fs::exists(path)) {
        auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
        migrate(*db);
        return Journal(std::move(db));
    }
    // Read-write so that a WAL journal can be read and an old schema
    // migrated; nothing is written unless a migration is due.
    ::umask(077);
    return open_checked(path, SQLite::OPEN_READWRITE, true);
}

Journal Journal::open_read_only(const fs::path& path, std::chrono::milliseconds busy)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw NoInputError("there is no journal at '" + path.string() + "'");
    // Files SQLite makes beside a WAL journal to read it (-shm) stay private.
    ::umask(077);
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(),
                                                     SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
        db->setBusyTimeout(static_cast<int>(busy.count()));
        check_is_journal(*db, path);
        return Journal(std::move(db));
    } catch (const SQLite::Exception&) {
        rethrow_as_journal_error("read the journal '" + path.string() + "'");
    }
}

void Journal::write(std::string_view doing, const std::function<void()>& work)
{
    try {
        m_db->exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception&) {
        rethrow_as_journal_error(doing);
    }
    try {
        work();
        refresh_report_rollup(*this);
        m_db->exec("COMMIT");
    } catch (...) {
        try {
            m_db->exec("ROLLBACK");
        } catch (const SQLite::Exception&) { // NOLINT(bugprone-empty-catch)
        }
        rethrow_as_journal_error(doing);
    }
}

void Journal::read(std::string_view doing, const std::function<void()>& work)
{
    try {
        work();
    } catch (...) {
        rethrow_as_journal_error(doing);
    }
}

void rethrow_as_journal_error(std::string_view doing)
{
    try {
        throw;
    } catch (const SQLite::Exception& e) {
        int code = e.getErrorCode() & 0xff;
        std::string what = "could not " + std::string(doing) + ": ";
        switch (code) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw JournalError(what + "the journal is busy (another steady is writing); try again",
                               true);
        case SQLITE_NOTADB:
            throw JournalError(what + "the file is not a steady journal");
        case SQLITE_CORRUPT:
            throw JournalError(what +
                               "the journal is damaged; run 'steady doctor' and restore a backup");
        // SQLite's own words ("attempt to write a readonly database",
        // "unable to open database file") do not say what to change.
        case SQLITE_READONLY:
            throw CannotCreateError(what +
                                    "the journal or its folder is read-only (steady writes the "
                                    "journal and its -wal and -shm files beside it)");
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
            throw CannotCreateError(what +
                                    "cannot open the file (its folder may be missing, or not "
                                    "writable; steady writes the -wal and -shm files beside it)");
        case SQLITE_FULL:
            throw JournalError(what + "the disk is full; nothing was saved");
        case SQLITE_IOERR:
            throw JournalError(what + "the disk could not be read or written (" + e.getErrorStr() +
                               "); nothing was saved");
        default:
            throw JournalError(what + e.getErrorStr());
        }
    }
}

} // namespace steady::store
