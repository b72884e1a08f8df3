#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace steady::domain {

// `text` without leading and trailing whitespace.
std::string_view trim(std::string_view text);
// ASCII lower case.
std::string to_lower(std::string_view text);
// Lower case for every letter with a simple lowercase mapping (Ä → ä, Σ → σ,
// Д → д), as C.UTF-8 maps it whatever the user's locale; `text` is UTF-8 and
// bytes that are not valid UTF-8 are kept as they are. ASCII only when the
// C library has no C.UTF-8.
std::string to_lower_utf8(std::string_view text);
// ASCII upper case.
std::string to_upper(std::string_view text);
// The items joined with `separator`.
std::string join(const std::vector<std::string>& items, std::string_view separator);
std::string join(const std::vector<std::string_view>& items, std::string_view separator);
// `x` to one decimal, without a trailing ".0": "1.7", "2". Independent of
// the locale.
std::string format_tenths(double x);

// `word` as a POSIX shell takes it, for a command a person copies: as it is
// when it holds only letters, digits and ._-, else in single quotes.
std::string shell_word(std::string_view word);
// `text` split on `separator`, each part trimmed, empty parts dropped.
std::vector<std::string> split(std::string_view text, char separator);

} // namespace steady::domain
