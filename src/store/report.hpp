#pragma once

#include <vector>

#include "domain/report.hpp"
#include "store/journal.hpp"
#include "timeutil/zone.hpp"

namespace steady::store {

// The live check-ins of the local days `from`..`to` (inclusive), by day.
// Call inside Journal::read.
std::vector<domain::CheckinDay> checkin_days(Journal& journal, timeutil::Day from,
                                             timeutil::Day to);

// Counts the check-ins, triggers, cravings and meetings of the days
// `report.first`..`report.last` into `report` (checkins, moments, meetings,
// meeting_days), and the check-in averages of the equally long stretch just
// before them (previous_mood, previous_craving). Local hours are those of
// each entry's own zone (`fallback` where this tz database lacks it). Reads
// only the covering index of SPEC §11's report path and the check-ins;
// memory grows with the number of days, not of entries. Call inside
// Journal::read.
void count_report(Journal& journal, domain::Report& report, const timeutil::Zone& fallback);

} // namespace steady::store
