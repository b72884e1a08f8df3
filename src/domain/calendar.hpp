#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/report.hpp"
#include "timeutil/time.hpp"

namespace steady::domain {

// What a calendar colours its days by: mood (1–10, higher is better),
// craving (0–10, higher is worse) or sober (yes or no).
enum class CalendarMeasure { mood, craving, sober };

// The measure `text` names ("mood", "craving", "sober", any case); a
// UsageError naming the text and listing the three otherwise.
CalendarMeasure parse_calendar_measure(std::string_view text);

// "mood", "craving", "sober"
const char* calendar_measure_name(CalendarMeasure by);

// True when a higher level is better (mood, sober), false when worse (craving).
bool rising_is_good(CalendarMeasure by);

// The values of `by` that map to each heat level 1..4, as inclusive ranges
// (index 0 is level 1): mood 1–3, 4–5, 6–7, 8–10; craving 0–1, 2–4, 5–7,
// 8–10; sober no (0) is level 1 and yes (1) level 4, levels 2 and 3 unused
// (an empty range, low > high).
struct ValueRange {
    int low = 0;
    int high = 0;
};
std::array<ValueRange, 4> heat_levels(CalendarMeasure by);

// The heat level 1..4 of `value` of `by` (clamped into the measure's range).
int heat_level(CalendarMeasure by, int value);

// What a day of a calendar shows: a check-in's value; a check-in without
// this measure recorded; no check-in on a day it was due (after the
// journal's first entry, before today); or nothing (before the journal
// began, today while it has no check-in, or later).
enum class DayState { value, unrecorded, missed, blank };

// "value", "unrecorded", "missed", "blank"
const char* day_state_name(DayState state);

// One day of a calendar. `value` is the measure as recorded (sober: 1 for
// yes, 0 for no) and `level` its heat level, both only for DayState::value.
struct CalendarDay {
    timeutil::Day day{};
    DayState state = DayState::blank;
    std::optional<int> value;
    int level = 0;
};

// Every day of a period, coloured by one measure.
struct Calendar {
    timeutil::Period period; // as resolved ("all" starts at the journal's first entry)
    CalendarMeasure by = CalendarMeasure::mood;
    timeutil::Day today{};
    std::vector<CalendarDay> days; // period.from..period.to, one a day

    // True when the whole period is later than today.
    bool in_future() const { return period.from > today; }
    // How many days are in `state`.
    int count(DayState state) const;
};

// The calendar of `period` by `by`: `checkins` (ascending by day; others
// than the period's are ignored) give the values, `journal_start` (the
// day of the journal's first entry, nullopt for an empty journal) and
// `today` decide which days without one are missed and which are blank.
Calendar build_calendar(const timeutil::Period& period, CalendarMeasure by,
                        const std::vector<CheckinDay>& checkins,
                        std::optional<timeutil::Day> journal_start, timeutil::Day today);

} // namespace steady::domain
