#include "app/new_journal.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/output/files.hpp"
#include "base/error.hpp"

namespace fs = std::filesystem;

namespace steady::app {

NewJournal::NewJournal(fs::path path) : m_path(std::move(path))
{
    ::umask(077);
    auto folder = m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path();
    std::error_code ec;
    std::vector<fs::path> missing; // the deepest first
    for (auto dir = fs::absolute(folder, ec); !dir.empty() && !fs::exists(dir, ec);
         dir = dir.parent_path())
        missing.push_back(dir);
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0700) == 0) {
            m_made.insert(m_made.begin(), *it); // only what this made is removed again
        } else if (errno != EEXIST) {
            int error = errno;
            discard();
            throw CannotCreateError("cannot create the journal folder '" + it->string() +
                                    "': " + std::strerror(error));
        }
    }
    m_lock = make_temp_beside(m_path, m_temp);
    if (m_lock < 0) {
        int error = errno;
        discard();
        throw CannotCreateError("cannot create the journal '" + m_path.string() +
                                "': " + std::strerror(error));
    }
    try {
        m_journal.emplace(store::Journal::open_for_write(m_temp));
    } catch (...) {
        discard(); // a constructor that throws runs no destructor
        throw;
    }
}

NewJournal::~NewJournal()
{
    discard();
}

void NewJournal::discard()
{
    m_journal.reset(); // SQLite closes it (and its locks) before its file goes
    if (!m_published) {
        if (!m_temp.empty())
            for (const char* side : {"-wal", "-shm", "-journal", ""})
                ::unlink((m_temp + side).c_str());
        for (const auto& made : m_made) // only empty folders go
            ::rmdir(made.c_str());
    }
    if (m_lock >= 0)
        ::close(m_lock);
    m_lock = -1;
}

store::Journal& NewJournal::journal()
{
    return *m_journal;
}

// Gives the closed temporary journal its name, never over a file there: a
// hard link, or where the file system has none (vfat, some network ones) a
// rename that refuses to replace.
void NewJournal::give_name()
{
    if (::link(m_temp.c_str(), m_path.c_str()) == 0) {
        ::unlink(m_temp.c_str());
        return;
    }
    int error = errno;
    if (error == EPERM || error == EOPNOTSUPP || error == ENOSYS) {
        if (::renameat2(AT_FDCWD, m_temp.c_str(), AT_FDCWD, m_path.c_str(), RENAME_NOREPLACE) == 0)
            return;
        error = errno;
    }
    if (error == EEXIST)
        throw CannotCreateError("another steady made a journal at '" + m_path.string() +
                                "' meanwhile; nothing was written to it, run the command again");
    throw CannotCreateError("cannot create the journal '" + m_path.string() +
                            "': " + std::strerror(error));
}

void NewJournal::publish()
{
    m_journal.reset(); // closed: its write-ahead log is in the file and gone
    std::error_code ec;
    if (fs::file_size(m_temp + "-wal", ec) > 0 && !ec)
        throw JournalError("could not finish the new journal '" + m_path.string() +
                           "' (its write-ahead log could not be written back); nothing was "
                           "written there");
    give_name();
    m_published = true;
    sync_folder_of(m_path);
}

std::optional<fs::path> new_journal_path(const fs::path& path)
{
    std::error_code ec;
    auto link = fs::symlink_status(path, ec);
    if (!fs::exists(link))
        return path;
    if (!fs::is_symlink(link) || fs::exists(path, ec))
        return std::nullopt;
    auto target = fs::read_symlink(path, ec);
    if (ec)
        return std::nullopt;
    return target.is_absolute() ? target : path.parent_path() / target;
}

} // namespace steady::app
