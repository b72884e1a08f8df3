#pragma once

#include <string>
#include <vector>

#include "app/commands/common.hpp"

namespace steady::app {

// Asks for each field in `ask` ("mood", "note", …) that `flags` did not give,
// writing answers into `entry`. Prompts go to stderr. On a terminal a bad
// answer is asked again; when `strict` (answers piped to -i) it is a
// UsageError. An empty answer skips an optional field.
void prompt_missing(Context& ctx, domain::Entry& entry, const std::vector<std::string>& ask,
                    const FieldFlags& flags, bool strict);

}  // namespace steady::app
