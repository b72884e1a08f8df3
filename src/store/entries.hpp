#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/entry.hpp"
#include "store/journal.hpp"
#include "timeutil/time.hpp"

namespace steady::store {

// Saves a new `entry` (its id, uuid, created and updated are filled in) and
// records it for undo. Call inside Journal::write. A second check-in for a
// day is a DataError naming the day, the existing id and --amend.
void add_entry(Journal& journal, domain::Entry& entry, timeutil::Instant now);

// Keeps the check-in run the streak is counted on (schema v2) ending on the
// newest check-in; `again` works it out anew, as after an import that wrote
// check-ins with the table's triggers dropped. Call inside Journal::write.
void keep_checkin_run(Journal& journal, bool again);

// Replaces the stored entry `after.id` with `after` (validated by the
// caller), records the previous version for undo, and updates
// `after.deleted_targets` for its references now. Call inside Journal::write.
void update_entry(Journal& journal, domain::Entry& after, timeutil::Instant now);

// Marks entry `id` deleted (recoverable with undo). Call inside Journal::write.
void delete_entry(Journal& journal, const domain::Entry& entry, timeutil::Instant now);

// The live (not deleted) entry `id`, or nullopt.
std::optional<domain::Entry> find_entry(Journal& journal, std::int64_t id);

// The live check-in of `day`, or nullopt.
std::optional<domain::Entry> find_checkin(Journal& journal, timeutil::Day day);

// Whether the journal holds a live check-in other than entry `id`.
bool has_other_checkin(Journal& journal, std::int64_t id);

// The order for_each_entry visits entries in: newest first (by instant,
// then id), oldest first by day (then instant and id), or by id.
enum class EntryOrder { newest_first, by_day, by_id };

// Which entries `list` shows. Days are inclusive; limit 0 means all.
struct EntryFilter {
    std::optional<domain::Kind> kind;
    std::optional<timeutil::Day> from;
    std::optional<timeutil::Day> to;
    std::optional<std::string> tag;
    std::optional<std::string> search; // case-insensitive, in note and texts
    int limit = 30;
    EntryOrder order = EntryOrder::newest_first;
};

// Calls `visit` for each live entry matching `filter`, in `filter.order`,
// streaming rows.
void for_each_entry(Journal& journal, const EntryFilter& filter,
                    const std::function<void(const domain::Entry&)>& visit);

// The number of consecutive days with a check-in, ending `today` (or
// yesterday, when today has none yet: a streak is not broken before the day
// is over).
int checkin_streak(Journal& journal, timeutil::Day today);

// The day of the earliest live entry, or nullopt in an empty journal.
std::optional<timeutil::Day> first_entry_day(Journal& journal);

// Reverses the newest add, edit or delete not yet undone and says what it
// undid ("removed check-in #4 of 2026-11-22"); nullopt when there is
// nothing left to undo. Call inside Journal::write.
std::optional<std::string> undo_last(Journal& journal, timeutil::Instant now);

// Records an action on row `id` of `table` for undo: for "edit" and
// "delete" with the row's previous contents. Call inside Journal::write.
void record_undo(Journal& journal, std::string_view action, std::string_view table, std::int64_t id,
                 std::string_view description, timeutil::Instant now);

// Records a change to the whole plan for undo (target_id 0 in undo_log),
// with every plan row as it is now; undo puts them all back. Call inside
// Journal::write, before changing the plan.
void record_plan_undo(Journal& journal, std::string_view action, std::string_view description,
                      timeutil::Instant now);

// A new random (version 4) UUID.
std::string new_uuid();

} // namespace steady::store
