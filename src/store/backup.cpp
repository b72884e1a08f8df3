#include "store/backup.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "base/error.hpp"
#include "store/journal.hpp"

namespace fs = std::filesystem;

namespace steady::store {

namespace {

// Creates `dir` and any missing parents, each 0700.
void make_backup_folder(const fs::path& dir)
{
    std::error_code ec;
    if (dir.empty() || fs::exists(dir, ec))
        return;
    make_backup_folder(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw CannotCreateError("cannot create the backup folder '" + dir.string() +
                                "': " + std::strerror(errno));
}

constexpr std::string_view k_backup_temp_prefix = ".steady-backup-";

// Removes the temporary files of backups that were killed (SIGKILL, power
// loss) before they could remove their own: each a whole copy of the
// journal, hidden. A backup holds a lock on its temporary file while it runs,
// so a file nobody holds, untouched for a minute, is abandoned.
void remove_abandoned_backup_temps(const fs::path& folder)
{
    std::error_code ec;
    const auto minute_ago = fs::file_time_type::clock::now() - std::chrono::minutes(1);
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        auto name = it->path().filename().string();
        if (!name.starts_with(k_backup_temp_prefix) ||
            name.size() != k_backup_temp_prefix.size() + 6 || !it->is_regular_file(ec) ||
            it->last_write_time(ec) > minute_ago || ec)
            continue;
        int fd = ::open(it->path().c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            for (const char* side : {"-journal", "-wal", "-shm", ""})
                ::unlink((it->path().string() + side).c_str());
        ::close(fd);
    }
}

// A temporary file in the backup's folder, removed (with any SQLite side
// files) unless kept, and locked (flock) while this process runs.
class BackupTemp {
  public:
    explicit BackupTemp(const fs::path& folder)
    {
        remove_abandoned_backup_temps(folder);
        std::string pattern = (folder / (std::string{k_backup_temp_prefix} + "XXXXXX")).string();
        m_fd = ::mkstemp(pattern.data()); // mode 0600
        if (m_fd < 0)
            throw CannotCreateError("cannot write in the folder '" + folder.string() +
                                    "': " + std::strerror(errno));
        ::flock(m_fd, LOCK_EX); // released when the process ends, however it ends
        m_path = pattern;
    }
    BackupTemp(const BackupTemp&) = delete;
    BackupTemp& operator=(const BackupTemp&) = delete;
    ~BackupTemp()
    {
        if (!m_path.empty())
            for (const char* side : {"", "-journal", "-wal", "-shm"})
                ::unlink((m_path.string() + side).c_str());
        ::close(m_fd);
    }

    const fs::path& path() const { return m_path; }
    // The file has been renamed into place: nothing to remove.
    void keep() { m_path.clear(); }

  private:
    fs::path m_path;
    int m_fd = -1;
};

// Runs SQLite's backup of `source` into `dest`, in one step, so it reads one
// snapshot; a busy journal is waited for as long as the busy timeout.
void backup_pages(SQLite::Database& source, SQLite::Database& dest)
{
    SQLite::Backup backup(dest, source);
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
        int rc = backup.executeStep(-1);
        if (rc == SQLITE_DONE)
            break;
        if (std::chrono::steady_clock::now() > give_up)
            throw SQLite::Exception("the journal stayed busy", rc);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

// Copies `source` into the file at `temp`. Leaves the copy in
// rollback-journal mode: one self-contained file.
void copy_pages(SQLite::Database& source, const fs::path& temp)
{
    SQLite::Database dest(temp.string(), SQLite::OPEN_READWRITE);
    backup_pages(source, dest);
    dest.exec("PRAGMA journal_mode = DELETE");
}

// Checks that `copy` is a whole journal of schema `version`; returns the
// number of entries it holds.
std::int64_t check_copy(SQLite::Database& copy, int version, const fs::path& target)
{
    auto integrity = copy.execAndGet("PRAGMA integrity_check").getString();
    if (integrity != "ok")
        throw JournalError("the backup for '" + target.string() + "' failed its integrity check (" +
                           integrity +
                           "); nothing was kept. Run 'steady doctor' to check the journal");
    int copied = copy.execAndGet("PRAGMA user_version").getInt();
    if (copied != version)
        throw JournalError("the backup for '" + target.string() + "' has schema " +
                           std::to_string(copied) + ", not the journal's " +
                           std::to_string(version) + "; nothing was kept");
    return copy.execAndGet("SELECT count(*) FROM entries WHERE deleted IS NULL").getInt64();
}

// Opens the copy at `temp` read-only and checks it (check_copy).
std::int64_t verify_copy(const fs::path& temp, int version, const fs::path& target)
{
    SQLite::Database copy(temp.string(), SQLite::OPEN_READONLY);
    return check_copy(copy, version, target);
}

// A checked copy of the journal held in memory only: the bytes of a
// database file, and the entries it holds.
struct PlainCopy {
    std::string bytes;
    std::int64_t entries = 0;
    PlainCopy() = default;
    PlainCopy(const PlainCopy&) = delete;
    PlainCopy& operator=(const PlainCopy&) = delete;
    // The plain journal does not linger in freed memory.
    ~PlainCopy() { std::fill(bytes.begin(), bytes.end(), '\0'); }
};

// Copies `source` into an in-memory database, checks it (check_copy) and
// serializes it, so that an encrypted backup never writes the plain journal
// to disk, least of all to the backup's folder (a USB stick, a synced
// folder). The bytes say rollback-journal mode, as a plain backup file does.
void copy_to_memory(SQLite::Database& source, int version, const fs::path& target, PlainCopy& copy)
{
    SQLite::Database dest(":memory:", SQLite::OPEN_READWRITE);
    backup_pages(source, dest);
    copy.entries = check_copy(dest, version, target);
    sqlite3_int64 size = 0;
    unsigned char* data = sqlite3_serialize(dest.getHandle(), "main", &size, 0);
    if (data == nullptr)
        throw SQLite::Exception("could not read the copy from memory", SQLITE_NOMEM);
    copy.bytes.assign(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
    std::fill(data, data + size, 0);
    sqlite3_free(data);
    // The file format's write and read versions: 2 (WAL) as copied from the
    // journal, 1 for a file without its -wal.
    if (copy.bytes.size() > 19 && copy.bytes[18] == 2 && copy.bytes[19] == 2)
        copy.bytes[18] = copy.bytes[19] = 1;
}

// fsync of the file or folder at `path`.
void sync_path(const fs::path& path, const fs::path& target)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        int error = errno;
        if (fd >= 0)
            ::close(fd);
        throw JournalError("could not write the backup '" + target.string() +
                           "' to disk: " + std::strerror(error));
    }
    ::close(fd);
}

// Writes `bytes` over what the temporary file `temp` holds.
void replace_contents(const fs::path& temp, std::string_view bytes, const fs::path& target)
{
    int fd = ::open(temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    bool ok = fd >= 0;
    while (ok && !bytes.empty()) {
        auto written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR)
            continue;
        ok = written > 0;
        if (ok)
            bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    int error = errno;
    if (fd >= 0)
        ::close(fd);
    if (!ok)
        throw JournalError("could not write the backup '" + target.string() +
                           "': " + std::strerror(error));
}

// Renames `temp` to `target` without replacing a file there; false when
// one is there already.
bool rename_no_replace(const fs::path& temp, const fs::path& target)
{
    if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno == EEXIST)
        return false;
    if (errno != EINVAL && errno != ENOSYS)
        throw CannotCreateError("cannot create the backup '" + target.string() +
                                "': " + std::strerror(errno));
    // A file system without RENAME_NOREPLACE: a hard link never replaces.
    if (::link(temp.c_str(), target.c_str()) == 0) {
        ::unlink(temp.c_str());
        return true;
    }
    if (errno == EEXIST)
        return false;
    throw CannotCreateError("cannot create the backup '" + target.string() +
                            "': " + std::strerror(errno));
}

// The copy of `journal` in a checked, synced temporary file in `folder`.
struct CheckedCopy {
    std::unique_ptr<BackupTemp> temp;
    std::int64_t entries = 0;
};

CheckedCopy checked_copy(Journal& journal, const fs::path& folder, const fs::path& target,
                         const BackupTransform& transform)
{
    ::umask(077);
    make_backup_folder(folder);
    CheckedCopy copy{std::make_unique<BackupTemp>(folder), 0};
    PlainCopy plain;
    try {
        int version = journal.db().execAndGet("PRAGMA user_version").getInt();
        if (transform) {
            copy_to_memory(journal.db(), version, target, plain);
            copy.entries = plain.entries;
        } else {
            copy_pages(journal.db(), copy.temp->path());
            copy.entries = verify_copy(copy.temp->path(), version, target);
        }
    } catch (const SQLite::Exception&) {
        rethrow_as_journal_error("back up the journal to '" + target.string() + "'");
    }
    if (transform)
        replace_contents(copy.temp->path(), transform(plain.bytes), target);
    sync_path(copy.temp->path(), target);
    return copy;
}

BackupCopy backup_finished(const fs::path& target, std::int64_t entries)
{
    sync_path(target.parent_path(), target);
    std::error_code ec;
    auto bytes = fs::file_size(target, ec);
    return BackupCopy{target, ec ? 0 : bytes, entries};
}

} // namespace

BackupCopy back_up(Journal& journal, const fs::path& target, Overwrite overwrite,
                   const BackupTransform& transform)
{
    auto copy = checked_copy(journal, target.parent_path(), target, transform);
    if (overwrite == Overwrite::yes) {
        if (::rename(copy.temp->path().c_str(), target.c_str()) != 0)
            throw CannotCreateError("cannot create the backup '" + target.string() +
                                    "': " + std::strerror(errno));
    } else if (!rename_no_replace(copy.temp->path(), target)) {
        throw CannotCreateError("'" + target.string() +
                                "' already exists; use --force to replace it");
    }
    copy.temp->keep();
    return backup_finished(target, copy.entries);
}

BackupCopy back_up_numbered(Journal& journal, const fs::path& folder,
                            const std::function<std::string(int)>& name,
                            const BackupTransform& transform)
{
    auto copy = checked_copy(journal, folder, folder / name(1), transform);
    for (int n = 1; n < 10000; ++n) {
        auto target = folder / name(n);
        if (rename_no_replace(copy.temp->path(), target)) {
            copy.temp->keep();
            return backup_finished(target, copy.entries);
        }
    }
    throw CannotCreateError("too many backups named like '" + name(1) + "' in '" + folder.string() +
                            "'");
}

std::vector<std::string> files_in(const fs::path& folder)
{
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec))
            names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<fs::path> remove_files(const fs::path& folder, const std::vector<std::string>& names)
{
    std::vector<fs::path> removed;
    for (const auto& name : names)
        if (::unlink((folder / name).c_str()) == 0)
            removed.push_back(folder / name);
    return removed;
}

} // namespace steady::store
