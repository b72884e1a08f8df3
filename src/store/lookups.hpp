#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/journal.hpp"
#include "timeutil/time.hpp"

namespace steady::store {

// What the user has typed before, for completion: "categories",
// "strategies", "types" (meeting types), "tags", "clocks" (names),
// "goals" (ids of active goals), "partners" (names). Sorted, distinct; empty for other names.
std::vector<std::string> past_values(Journal& journal, std::string_view what);

// The one-line status `steady prompt` shows, read with a single query:
// whether `today` has a check-in, and the start of the longest current
// clock run (nullopt without clocks).
struct PromptFacts {
    bool checked_in = false;
    std::optional<timeutil::Instant> longest_run_start;
};
PromptFacts prompt_facts(Journal& journal, timeutil::Day today);

} // namespace steady::store
