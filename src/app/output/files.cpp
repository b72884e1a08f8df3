#include "app/output/files.hpp"

#include <cerrno>
#include <cstring>

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
