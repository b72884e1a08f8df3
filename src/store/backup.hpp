#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace steady::store {

class Journal;

// Whether a backup may replace a file already at its path.
enum class Overwrite { no, yes };

// A finished backup: where it is, its size, and the entries it holds (not
// counting deleted ones).
struct BackupCopy {
    std::filesystem::path path;
    std::uintmax_t bytes = 0;
    std::int64_t entries = 0;
};

// Copies `journal` to the file `target` through SQLite's online backup API,
// one consistent snapshot even while other processes write. The copy is made
// as a temporary file (mode 0600) in `target`'s folder, which is created 0700
// when missing; checked with PRAGMA integrity_check and for the journal's
// schema version; fsynced; then renamed to `target`. An existing `target` is
// replaced only with Overwrite::yes, else CannotCreateError (73). On any
// failure nothing is left at `target` or as a temporary file. A folder that
// cannot be created or written is a CannotCreateError (73); a copy that fails
// its check a JournalError (74).
//
// With `transform`, what is stored is not the copy but what `transform`
// makes of it (the app encrypts it): the copy is then made and checked in
// memory, never on disk, and `transform` is handed its bytes (a whole
// database file); only what it returns is written to the temporary file,
// synced and renamed. So the plain journal never lands in the backup's
// folder, which may be a USB stick or a synced folder, not even for a
// moment. Whatever `transform` throws leaves nothing behind either.
using BackupTransform = std::function<std::string(std::string_view plain)>;
BackupCopy back_up(Journal& journal, const std::filesystem::path& target, Overwrite overwrite,
                   const BackupTransform& transform = {});

// As back_up, into `folder` under the first of `name(1)`, `name(2)`, … that no
// file has yet, so a backup never replaces another.
BackupCopy back_up_numbered(Journal& journal, const std::filesystem::path& folder,
                            const std::function<std::string(int)>& name,
                            const BackupTransform& transform = {});

// The names of the files in `folder` (not folders; none when `folder` does
// not exist), sorted.
std::vector<std::string> files_in(const std::filesystem::path& folder);

// Removes the files `names` from `folder`; returns the paths it removed.
std::vector<std::filesystem::path> remove_files(const std::filesystem::path& folder,
                                                const std::vector<std::string>& names);

} // namespace steady::store
