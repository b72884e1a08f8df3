#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/json.hpp"
#include "domain/report.hpp"

namespace steady::app {

// The parts of write_report_json, which shares put together by section.
// A `_fields` writer writes keys into an object the caller opened; an
// `_array` writer writes one array value.

// `days` as an array of "YYYY-MM-DD".
void write_days(domain::JsonWriter& json, const std::vector<timeutil::Day>& days);
// done, days, missed, current_streak, longest_streak.
void write_checkin_fields(domain::JsonWriter& json, const domain::Report& r);
// `key` (default the measure's name): {average, min, max, [previous, change],
// by_day}, or null without a value.
void write_measure(domain::JsonWriter& json, const domain::Report& r, domain::Measure measure,
                   std::optional<double> previous, bool has_previous, std::string_view key = {});
// count, resisted, used, unrecorded, average_intensity, average_minutes, strategies.
void write_craving_fields(domain::JsonWriter& json, const domain::MomentFigures& m);
// count, average_intensity, by_category, halt, by_weekday, by_hour.
void write_trigger_fields(domain::JsonWriter& json, const domain::MomentFigures& m,
                          date::weekday week_start);
// count, by_type.
void write_meeting_fields(domain::JsonWriter& json, const domain::Report& r);
// [{id, title (null when redacted), progress, pace, in_period}].
void write_goals_array(domain::JsonWriter& json, const domain::Report& r);
// [{name, run_minutes, lapses, milestones}].
void write_clocks_array(domain::JsonWriter& json, const domain::Report& r);
// [{kind, text, evidence}].
void write_insights_array(domain::JsonWriter& json, const domain::Report& r);

} // namespace steady::app
