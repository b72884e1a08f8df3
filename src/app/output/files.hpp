#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace steady::app {

// Writes `bytes` to `path` atomically: a temporary file beside it (mode
// 0600), flushed to disk, renamed over `path`, and the folder flushed; the
// result is mode 0600 whatever the umask. Any failure removes the temporary
// file, leaves `path` as it was, and is a CannotCreateError (73) naming it.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// A file written as a stream and put in place atomically: the bytes go to
// a temporary file beside `path` (mode 0600) as they come; commit() flushes
// it to disk and renames it over `path`. Destroyed without commit(), or
// after any failure, it removes the temporary file and leaves `path` as it
// was. A folder where the temporary file cannot be made is a
// CannotCreateError (73); a write that fails (a full disk, a file size
// limit) is a JournalError (74).
//
// Both hold a lock (flock) on their temporary file, ".NAME.steady-XXXXXX",
// while they run, and first remove those in the folder that a killed write
// left behind: unlocked and untouched for a minute.
class AtomicFile {
  public:
    explicit AtomicFile(const std::filesystem::path& path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream();
    void commit();

    struct Buffer; // the stream buffer over the temporary file

  private:
    std::filesystem::path m_path;
    std::string m_temp;
    std::unique_ptr<Buffer> m_buffer;
    std::unique_ptr<std::ostream> m_stream;
    bool m_committed = false;
};

// The temporary file for writing `path` atomically, made beside it
// (".NAME.steady-XXXXXX", mode 0600, flocked until the process ends or the
// descriptor returned is closed), after removing abandoned ones; its name
// goes to `temp`. -1 with errno set on failure.
int make_temp_beside(const std::filesystem::path& path, std::string& temp);

// Removes the temporary files in `folder` that killed writes left behind:
// unlocked and untouched for a minute (with SQLite's side files, for a
// temporary journal).
void remove_abandoned_temps(const std::filesystem::path& folder);

// Flushes the folder holding `path` to disk (after a rename or link there).
void sync_folder_of(const std::filesystem::path& path);

// Refuses (a UsageError, 64) to write `output`, a file a command was told
// to write (`what`, e.g. "the export"), when it is the journal at `journal`
// or one of its side files (-wal, -shm, -journal) by any name: a symlink,
// "./journal.db", a hard link. Writing there would replace the journal.
void refuse_the_journal(const std::string& output, const std::filesystem::path& journal,
                        std::string_view what);

// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace steady::app
