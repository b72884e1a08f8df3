#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace steady::store {

// How many of each kind of record a journal holds (deleted entries not counted).
struct JournalCounts {
    std::vector<std::pair<std::string, std::int64_t>> entries; // per kind, in SPEC §4 order
    std::int64_t goals = 0;
    std::int64_t clocks = 0;
    std::int64_t partners = 0;
};

// What `steady doctor` finds in a journal file.
struct JournalHealth {
    bool exists = false;
    std::uintmax_t bytes = 0;     // the journal file
    std::uintmax_t wal_bytes = 0; // its -wal file (0 when there is none)
    // Why the file cannot be read as a journal at all ("not a SQLite
    // database", "the journal is damaged: …"); nullopt when it can.
    std::optional<std::string> damage;
    // The rows of PRAGMA integrity_check (at most 20); {"ok"} for a sound file.
    std::vector<std::string> integrity;
    std::int64_t foreign_key_problems = 0;
    int schema_version = 0;
    // nullopt when the schema is not one this binary can count (newer, or not steady's).
    std::optional<JournalCounts> counts;

    // Corrupt: unreadable, or integrity_check or foreign_key_check not clean.
    bool corrupt() const;
};

// Inspects the journal at `path` without writing to it or creating it (the
// connection is query-only; a missing file is reported as such).
JournalHealth inspect_journal(const std::filesystem::path& path);

} // namespace steady::store
