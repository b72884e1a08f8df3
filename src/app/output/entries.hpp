#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "app/output/output.hpp"
#include "domain/entry.hpp"
#include "domain/json.hpp"
#include "store/journal.hpp"

namespace steady::app {

// `entry` as a JSON object (SPEC §6 conventions: snake_case keys, `kind`,
// days YYYY-MM-DD, instants UTC with Z, absent values null). Every field
// of the entry's kind is present.
void write_entry_json(domain::JsonWriter& json, const domain::Entry& entry);

// The names of what entries point to, so a person reads "clock alcohol",
// not "clock #1". Ids missing here (a clock since removed) show as "#N".
struct ReferenceNames {
    std::map<std::int64_t, std::string> clocks; // id -> name
    std::map<std::int64_t, std::string> goals;  // id -> title
};

// Every clock's name and every goal's title (two small tables); call inside
// a read transaction.
ReferenceNames reference_names(store::Journal& journal);

// The entry's kind-specific fields in one short line: "mood 7 · craving 2 · sober".
std::string entry_summary(const domain::Entry& entry, const Output& out,
                          const ReferenceNames* names = nullptr);

// Every field of `entry`, one per line, for `show`.
void print_entry(Output& out, const domain::Entry& entry, const timeutil::Zone& zone,
                 const ReferenceNames* names = nullptr);

// The zone `entry` was written in, or `fallback` when this tz database does
// not know it: an entry is shown at the time its writer lived it.
const timeutil::Zone& entry_zone(const domain::Entry& entry, const timeutil::Zone& fallback);

// The local time of `at` in `zone`, "2026-11-22 20:15".
std::string local_time(timeutil::Instant at, const timeutil::Zone& zone);

} // namespace steady::app
