#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "store/journal.hpp"
#include "timeutil/time.hpp"

namespace steady::store {

// Saves the new `clock` (its id, uuid, created and updated are filled in) and
// records it for undo. A clock of the same name, ignoring case, is a
// DataError naming it. Call inside Journal::write.
void add_clock(Journal& journal, domain::Clock& clock, timeutil::Instant now);

// The clock named `name` (ignoring case), or nullopt.
std::optional<domain::Clock> find_clock(Journal& journal, std::string_view name);

// Every clock, oldest first.
std::vector<domain::Clock> list_clocks(Journal& journal);

// The live lapse entries of clock `clock_id`, earliest first.
std::vector<domain::Lapse> clock_lapses(Journal& journal, std::int64_t clock_id);

// The keys of the milestones ("7d", "1y") already announced for the run of
// clock `clock_id` that started at `run_start`.
std::set<std::string> seen_milestones(Journal& journal, std::int64_t clock_id,
                                      timeutil::Instant run_start);

// Records milestone `key` of that run as announced at `now` (again: no-op).
// Call inside Journal::write.
void mark_milestone_seen(Journal& journal, std::int64_t clock_id, timeutil::Instant run_start,
                         std::string_view key, timeutil::Instant now);

} // namespace steady::store
