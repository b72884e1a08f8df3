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
// each entry's own zone (UTC where this tz database lacks it). Whole months
// whose rollup is built and not stale are read from report_rollup, every
// other day from the index entries_report; nothing reads the wide rows, and
// memory grows with the number of days, not of entries. Call inside
// Journal::read.
void count_report(Journal& journal, domain::Report& report);

// The figures of the triggers and cravings of `first`..`last` counted from the
// entries alone, never the rollup: what count_report must agree with.
domain::MomentFigures count_moments_from_entries(Journal& journal, timeutil::Day first,
                                                 timeutil::Day last);

// The free text of the live entries of the local days `from`..`to`
// (inclusive): notes, gratitude, what a trigger or lapse was, how a trigger
// was coped with, meeting names; by day, then instant, then the order of
// those fields. Call inside Journal::read.
std::vector<domain::ReportNote> period_notes(Journal& journal, timeutil::Day from,
                                             timeutil::Day to);

// Rebuilds the rollup of every stale month but the newest (which is most
// likely still being written to, and cheap to count directly). Called by
// Journal::write inside every write transaction, so a month is rebuilt
// once, by the first write after it stopped changing.
void refresh_report_rollup(Journal& journal);

} // namespace steady::store
