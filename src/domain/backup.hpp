#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "timeutil/time.hpp"

namespace steady::domain {

// A backup file named the default way, "journal-YYYYMMDD-HHMMSS.db" for the
// local time it was made, or "journal-YYYYMMDD-HHMMSS-N.db" (N ≥ 2) for the
// Nth made in the same second.
struct BackupName {
    date::local_seconds made;
    int sequence = 1;

    // The file name: "journal-20261122-200000.db", "journal-20261122-200000-2.db".
    std::string file_name() const;
    // Older first: by `made`, then by `sequence`.
    bool operator<(const BackupName& other) const;
};

// The default name of a backup made at local time `made`, the `sequence`th
// in that second (1 for the first).
BackupName backup_name(date::local_seconds made, int sequence = 1);

// What an encrypted backup's name ends with, after BackupName::file_name.
inline constexpr std::string_view k_encrypted_backup_suffix = ".gpg";

// Reads a file name written by BackupName::file_name, also with
// k_encrypted_backup_suffix after it; nullopt for any other name (so
// nothing else in a folder is ever taken for a backup).
std::optional<BackupName> parse_backup_name(std::string_view file_name);

// Of the default-named backups `file_names` (in any order; other names are
// ignored), those to remove so that the newest `keep` stay, oldest first.
std::vector<std::string> backups_to_remove(const std::vector<std::string>& file_names,
                                           std::size_t keep);

// How long ago `seconds` was, as a person says it: "just now", "5 minutes
// ago", "3 hours ago", "1 day ago", "12 days ago". Negative counts as now.
std::string age_text(long long seconds);

// A file size as a person reads it: "512 bytes", "24 KiB", "1.5 MiB", "2.0 GiB".
std::string size_text(std::uintmax_t bytes);

} // namespace steady::domain
