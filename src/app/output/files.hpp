#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace steady::app {

// Writes `bytes` to `path` atomically: a temporary file beside it (mode
// 0600), flushed to disk, renamed over `path`, and the folder flushed; the
// result is mode 0600 whatever the umask. Any failure removes the temporary
// file, leaves `path` as it was, and is a CannotCreateError (73) naming it.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace steady::app
