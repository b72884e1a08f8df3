#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace steady::domain {

// `text` without leading and trailing whitespace.
std::string_view trim(std::string_view text);
// ASCII lower case.
std::string to_lower(std::string_view text);
// ASCII upper case.
std::string to_upper(std::string_view text);
// The items joined with `separator`.
std::string join(const std::vector<std::string>& items, std::string_view separator);
std::string join(const std::vector<std::string_view>& items, std::string_view separator);
// `text` split on `separator`, each part trimmed, empty parts dropped.
std::vector<std::string> split(std::string_view text, char separator);

}  // namespace steady::domain
