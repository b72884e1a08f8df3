#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/goal.hpp"
#include "store/journal.hpp"
#include "timeutil/time.hpp"

namespace steady::store {

// Saves a new `goal` (its id, uuid, created and updated are filled in) and
// records it for undo. Call inside Journal::write.
void add_goal(Journal& journal, domain::Goal& goal, timeutil::Instant now);

// The goal `id`, whatever its status, or nullopt.
std::optional<domain::Goal> find_goal(Journal& journal, std::int64_t id);

// Which goals list_goals returns.
enum class GoalSelection { active, all };

// The goals of `selection`: active ones first, then done, then archived,
// each group oldest first.
std::vector<domain::Goal> list_goals(Journal& journal, GoalSelection selection);

// How many goals there are of each status.
struct GoalCounts {
    std::int64_t active = 0;
    std::int64_t done = 0;
    std::int64_t archived = 0;
};

// The goals of each status, in one query.
GoalCounts count_goals(Journal& journal);

// Changes `goal`'s status to `status` (and `goal.status`, `goal.updated`),
// recording the previous row for undo. Call inside Journal::write.
void set_goal_status(Journal& journal, domain::Goal& goal, domain::GoalStatus status,
                     timeutil::Instant now);

// How many of what `goal` tracks the live journal holds on the local days
// `from`..`to` (inclusive): the summed counts of its goal logs, check-ins,
// meetings, or check-ins that say sober. One indexed aggregate query.
std::int64_t goal_progress(Journal& journal, const domain::Goal& goal, timeutil::Day from,
                           timeutil::Day to);

} // namespace steady::store
