#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "domain/report.hpp"
#include "store/journal.hpp"
#include "timeutil/time.hpp"

namespace steady::store {

// What `sos` reads from the journal.
struct SosFigures {
    std::vector<domain::StrategyTally> strategies; // every craving ever, unranked
    std::vector<domain::PlanItem> plan;            // as list_plan
    std::vector<std::string> partners;             // "Sam <sam@example.org>", oldest first
    bool recent_lapse = false;                     // see read_sos
};

// How every strategy ever named on a craving with a known outcome fared
// (used, resisted, strong, strong_resisted), merged ignoring case under the
// name first written: the same figures as count_moments_from_entries over
// all days. Built months of report_rollup are read as they stand and only
// the other days' cravings are counted, so the cost does not grow with the
// years of the journal. Call inside Journal::read.
std::vector<domain::StrategyTally> strategy_tallies(Journal& journal);

// Everything `sos` shows from the journal; `recent_lapse` says whether a
// lapse was logged, a check-in said not sober, or a craving ended `used`,
// on `since` or later (never, without `since`). Reads only (the journal may
// be read-only). Call inside Journal::read.
SosFigures read_sos(Journal& journal, std::optional<timeutil::Day> since);

} // namespace steady::store
