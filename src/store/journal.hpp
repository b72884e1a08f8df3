#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

namespace SQLite {
class Database;
}

namespace steady::store {

// The schema version this binary writes (PRAGMA user_version).
inline constexpr int k_schema_version = 7;

// An open journal. Opening applies the pragmas of SPEC §4 (WAL, foreign keys,
// busy timeout) and migrates an older schema forward in one transaction; a
// newer schema is refused untouched (DataError, 65), a file that is not a
// SQLite journal too (JournalError, 74).
class Journal {
  public:
    // Opens the journal at `path` to write, creating it and its folder (0700,
    // file and -wal/-shm 0600) when missing. Unwritable: CannotCreateError (73).
    static Journal open_for_write(const std::filesystem::path& path);
    // Opens the journal at `path` to read. A missing file reads as an empty
    // journal (nothing is created).
    static Journal open_for_read(const std::filesystem::path& path);

    // Opens the existing journal at `path` read-only, for `sos`: no
    // migration, no pragma that writes, never created, and waiting at most
    // `busy` for a writer's lock. A missing file is a NoInputError (66); the
    // rest as above.
    static Journal open_read_only(const std::filesystem::path& path,
                                  std::chrono::milliseconds busy);

    Journal(Journal&&) noexcept;
    Journal& operator=(Journal&&) noexcept;
    ~Journal();

    // Runs `work` in one BEGIN IMMEDIATE transaction and commits; on any
    // exception rolls back and rethrows (a SQLite one as a JournalError saying
    // "could not <doing>: …").
    void write(std::string_view doing, const std::function<void()>& work);

    // Runs `work` and maps a SQLite failure to a JournalError saying
    // "could not <doing>: …"; for reads.
    void read(std::string_view doing, const std::function<void()>& work);

    // For the store's own repositories only.
    SQLite::Database& db();

    // Wraps an already open and migrated database.
    static Journal from_database(std::unique_ptr<SQLite::Database> db);

  private:
    explicit Journal(std::unique_ptr<SQLite::Database> db);
    std::unique_ptr<SQLite::Database> m_db;
};

// Rethrows the SQLite exception in flight as a steady::Error saying what we
// were `doing`; other exceptions pass through unchanged.
[[noreturn]] void rethrow_as_journal_error(std::string_view doing);

} // namespace steady::store
