#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "store/journal.hpp"

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

// A journal that does not exist yet, made for a command that must leave
// nothing behind when it fails (an import into a new journal: SPEC §9,
// nothing is written on any error). It is made at a temporary name beside
// `path` (".NAME.steady-XXXXXX", locked as AtomicFile's are), in the
// folders it needs (made private); publish() closes it and links it to
// `path`, never over a journal made there meanwhile (that is a
// CannotCreateError, 73, and nothing is imported). Destroyed unpublished,
// it removes its files and the folders it made.
class NewJournal {
  public:
    explicit NewJournal(std::filesystem::path path);
    ~NewJournal();
    NewJournal(const NewJournal&) = delete;
    NewJournal& operator=(const NewJournal&) = delete;

    store::Journal& journal();
    void publish();

  private:
    void discard();

    std::filesystem::path m_path;
    std::string m_temp;
    int m_lock = -1;                           // the temporary file, flocked
    std::vector<std::filesystem::path> m_made; // folders made, the deepest first
    std::optional<store::Journal> m_journal;
    bool m_published = false;
};

// Refuses (a UsageError, 64) to write `output`, a file a command was told
// to write (`what`, e.g. "the export"), when it is the journal at `journal`
// or one of its side files (-wal, -shm, -journal) by any name: a symlink,
// "./journal.db", a hard link. Writing there would replace the journal.
void refuse_the_journal(const std::string& output, const std::filesystem::path& journal,
                        std::string_view what);

// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace steady::app
