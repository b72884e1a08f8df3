#pragma once

#include "app/output/charts.hpp"
#include "app/output/output.hpp"
#include "domain/calendar.hpp"
#include "domain/json.hpp"

namespace steady::app {

// `cal` as text: a heading naming the period and the measure, then a month
// grid (a period of up to 31 days: a weekday header starting on
// `week_start`, each day its number and a heat cell) or a heatmap (longer
// periods: one column a week starting on `week_start`, one row a weekday,
// month labels on top; a period of more than 53 weeks is drawn one
// calendar year at a time), then a legend. Colour at `depth` (none: shades
// and marks), ASCII when the locale has no UTF-8.
void print_calendar(Output& out, const domain::Calendar& cal, date::weekday week_start,
                    ColorDepth depth);

// `cal` as one JSON object: {"period", "by", "days": [{"day", "value",
// "level", "state"}]} (documented under calendar in steady(1)).
void write_calendar_json(domain::JsonWriter& json, const domain::Calendar& cal);

// The longest period print_calendar draws as a month grid, in days.
inline constexpr int k_month_grid_days = 31;

} // namespace steady::app
