#include "app/output/files.hpp"

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <streambuf>

#include <fcntl.h>
#include <nettle/sha2.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/error.hpp"

namespace steady::app {

namespace {

[[noreturn]] void cannot_write(const std::filesystem::path& path, int error)
{
    throw CannotCreateError("cannot write '" + path.string() + "': " + std::strerror(error));
}

// Writes every byte of `bytes` to `fd`; false with errno set on failure.
bool write_all(int fd, std::string_view bytes)
{
    while (!bytes.empty()) {
        auto n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

constexpr std::string_view k_file_temp_infix = ".steady-";
constexpr std::size_t k_file_temp_random = 6; // the XXXXXX of mkstemp

// Whether `name` is one of our temporary files: ".NAME.steady-XXXXXX".
bool is_file_temp_name(std::string_view name)
{
    if (name.size() < 2 + k_file_temp_infix.size() + k_file_temp_random || name[0] != '.')
        return false;
    auto infix = name.substr(name.size() - k_file_temp_random - k_file_temp_infix.size(),
                             k_file_temp_infix.size());
    return infix == k_file_temp_infix;
}

// Removes the temporary files of writes that were killed (SIGKILL, power
// loss) before they could remove their own. A write holds a lock on its
// temporary file while it runs, so one nobody holds, untouched for a
// minute, is abandoned.
void remove_abandoned_file_temps(const std::filesystem::path& folder)
{
    std::error_code ec;
    const auto minute_ago = std::filesystem::file_time_type::clock::now() - std::chrono::minutes(1);
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (!is_file_temp_name(it->path().filename().string()) || !it->is_regular_file(ec) ||
            it->last_write_time(ec) > minute_ago || ec)
            continue;
        // A temporary journal killed between its link into place and its
        // unlink is a second name of the journal: that name goes, unopened
        // (closing a file the process has open in SQLite drops its locks).
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) == 0 && st.st_nlink > 1) {
            ::unlink(it->path().c_str());
            continue;
        }
        int fd = ::open(it->path().c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            // A NewJournal's temporary journal has SQLite's side files.
            for (const char* side : {"-wal", "-shm", "-journal"})
                ::unlink((it->path().string() + side).c_str());
            ::unlink(it->path().c_str());
        }
        ::close(fd);
    }
}

// A folder is no file to write: said as such, not as the errno of a rename.
void refuse_folder(const std::filesystem::path& path)
{
    std::error_code ec;
    auto text = path.string();
    if ((!text.empty() && text.back() == '/') || std::filesystem::is_directory(path, ec))
        throw CannotCreateError("cannot write '" + text + "': it is a folder; give a file name");
}

// Makes the temporary file for `path` beside it, mode 0600 and locked
// (flock, released when the process ends however it ends), after removing
// abandoned ones; its name goes to `temp`. -1 with errno set on failure.
int make_file_temp(const std::filesystem::path& folder, const std::filesystem::path& path,
                   std::string& temp)
{
    remove_abandoned_file_temps(folder);
    temp = (folder / ("." + path.filename().string() + ".steady-XXXXXX")).string();
    int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return -1;
    ::flock(fd, LOCK_EX);
    return fd;
}

// True when `target` is the journal at `journal`, or one of its side files,
// by any name (a symlink, "./journal.db", a hard link).
bool is_the_journal(const std::filesystem::path& target, const std::filesystem::path& journal)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    auto real_journal = fs::weakly_canonical(journal, ec).string();
    auto real_target = fs::weakly_canonical(target, ec).string();
    for (const char* side : {"", "-wal", "-shm", "-journal"})
        if (real_target == real_journal + side)
            return true;
    return fs::exists(target, ec) && fs::equivalent(target, journal, ec);
}

} // namespace

int make_temp_beside(const std::filesystem::path& path, std::string& temp)
{
    auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    return make_file_temp(folder, path, temp);
}

void remove_abandoned_temps(const std::filesystem::path& folder)
{
    remove_abandoned_file_temps(folder);
}

void sync_folder_of(const std::filesystem::path& path)
{
    auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void refuse_the_journal(const std::string& output, const std::filesystem::path& journal,
                        std::string_view what)
{
    if (!output.empty() && is_the_journal(std::filesystem::absolute(output), journal))
        throw UsageError("'" + output + "' is the journal itself (" + journal.string() +
                         "); write " + std::string(what) + " to another file");
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes)
{
    refuse_folder(path);
    auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    std::string temp;
    int fd = make_file_temp(folder, path, temp);
    if (fd < 0)
        cannot_write(path, errno);
    bool ok = ::fchmod(fd, 0600) == 0 && write_all(fd, bytes) && ::fsync(fd) == 0;
    int error = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
        ok = false;
        error = errno;
    }
    if (!ok) {
        ::unlink(temp.c_str());
        cannot_write(path, error);
    }
    sync_folder_of(path);
}

struct AtomicFile::Buffer : std::streambuf {
    int fd = -1;
    int error = 0; // errno of the first failed write
    std::array<char, 1 << 16> bytes{};

    Buffer() { setp(bytes.data(), bytes.data() + bytes.size()); }

    bool drain()
    {
        std::string_view pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        setp(bytes.data(), bytes.data() + bytes.size());
        if (error == 0 && !write_all(fd, pending))
            error = errno == 0 ? EIO : errno;
        return error == 0;
    }
    int_type overflow(int_type c) override
    {
        if (!drain())
            return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof()))
            sputc(traits_type::to_char_type(c));
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }
};

AtomicFile::AtomicFile(const std::filesystem::path& path)
    : m_path(path), m_buffer(std::make_unique<Buffer>())
{
    // A file size limit (ulimit -f) then fails the write with EFBIG, which
    // is reported, instead of killing steady with SIGXFSZ mid-file.
    std::signal(SIGXFSZ, SIG_IGN);
    refuse_folder(path);
    auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    m_buffer->fd = make_file_temp(folder, path, m_temp);
    if (m_buffer->fd < 0)
        cannot_write(path, errno);
    ::fchmod(m_buffer->fd, 0600);
    m_stream = std::make_unique<std::ostream>(m_buffer.get());
}

AtomicFile::~AtomicFile()
{
    if (m_committed)
        return;
    if (m_buffer->fd >= 0)
        ::close(m_buffer->fd);
    ::unlink(m_temp.c_str());
}

std::ostream& AtomicFile::stream()
{
    return *m_stream;
}

void AtomicFile::commit()
{
    bool ok = m_buffer->drain() && ::fsync(m_buffer->fd) == 0;
    int error = ok ? 0 : (m_buffer->error != 0 ? m_buffer->error : errno);
    if (::close(m_buffer->fd) != 0 && ok) {
        ok = false;
        error = errno;
    }
    m_buffer->fd = -1;
    if (!ok)
        throw JournalError("could not write '" + m_path.string() + "': " + std::strerror(error) +
                           "; nothing was written there");
    if (::rename(m_temp.c_str(), m_path.c_str()) != 0)
        cannot_write(m_path, errno);
    m_committed = true;
    sync_folder_of(m_path);
}

std::string sha256_hex(std::string_view bytes)
{
    sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string hex;
    for (auto byte : digest) {
        hex += k_hex[byte >> 4];
        hex += k_hex[byte & 0xf];
    }
    return hex;
}

} // namespace steady::app
