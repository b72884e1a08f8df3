#pragma once

#include <string>

#include "app/output/calendar.hpp"

// The pieces print_calendar draws with, shared by its month grid and its
// heatmap.
namespace steady::app {

// The two-column cell of `day` in `cal`: its heat cell (a missed day dimmed
// when there is colour), or two spaces for a day outside the period.
std::string calendar_cell(const Output& out, const domain::Calendar& cal, timeutil::Day day,
                          ColorDepth depth);

// "Jan" .. "Dec" for `month` 1..12.
const char* month_abbrev(unsigned month);

// "January" .. "December" for `month` 1..12.
const char* month_full_name(unsigned month);

// "Mon" .. "Sun".
std::string weekday_abbrev(date::weekday day);

// The first day of the week (starting on `week_start`) that holds `day`.
timeutil::Day week_start_of(timeutil::Day day, date::weekday week_start);

// `line` without the spaces at its end.
std::string trim_line_end(std::string line);

// The heatmap of days `from`..`to` of `cal` (within its period): month
// labels, then one row a weekday from `week_start`, one column a week.
void print_heatmap(Output& out, const domain::Calendar& cal, timeutil::Day from, timeutil::Day to,
                   date::weekday week_start, ColorDepth depth);

} // namespace steady::app
