#include "app/output/files.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <streambuf>

#include <fcntl.h>
#include <nettle/sha2.h>
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

} // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes)
{
    auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    std::string temp = (folder / ("." + path.filename().string() + ".steady-XXXXXX")).string();
    int fd = ::mkstemp(temp.data());
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
    int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
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
    auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    m_temp = (folder / ("." + path.filename().string() + ".steady-XXXXXX")).string();
    m_buffer->fd = ::mkstemp(m_temp.data());
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
    auto folder = m_path.parent_path().empty() ? std::filesystem::path(".") : m_path.parent_path();
    int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
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
