#pragma once

#include <optional>
#include <string>

#include "app/output/output.hpp"
#include "domain/json.hpp"
#include "domain/partner.hpp"
#include "domain/report.hpp"

namespace steady::app {

// `report` as text: a heading naming the resolved period and the days the
// figures cover, then each section that has data (check-ins, mood and the
// other measures, cravings, triggers, meetings, goals, clocks, insights),
// or a gentle line when there is none. Charts fall back to ASCII when the
// locale has no UTF-8.
void print_report(Output& out, const domain::Report& report);

// `report` as one JSON object, every figure print_report shows (the shape is
// documented under REPORT JSON in steady(1)).
void write_report_json(domain::JsonWriter& json, const domain::Report& report);

// "Nov 18" (with the year, "Nov 18 2025", when `with_year`).
std::string short_day(timeutil::Day day, bool with_year);

// Days as runs: "Nov 18, Nov 21, Nov 3–9"; at most `limit` runs, then
// "and N more days". The year is shown when it is not `year`.
std::string day_list(const std::vector<timeutil::Day>& days, std::size_t limit, bool utf8);

// What `clock` reached within the period, for its line: "reached 24 hours,
// 7 days"; a later run named by the reset it began with: "reached 30
// days; after the reset on Nov 18, 24 hours, 7 days"; past four, "reached
// 9 milestones, most recently 7 days (after the reset on Nov 18)". "" when
// it reached none.
std::string reached_text(const domain::ReportClock& clock);

// ", up 0.4 on the 7 days before" (", as on …", ", down …"): an average
// beside the one of as many days before the period; "" without one.
std::string change_text(double now, std::optional<double> before, int days);

// The HALT categories (hungry, angry, lonely, tired), each by its count
// (any case): "hungry 1, angry 0, lonely 2, tired 0"; "" when none occurred.
std::string halt_list(const domain::MomentFigures& moments);

// The sections of print_report that `scope` holds and `report` has figures
// for, without the heading; `report` should be redacted to `scope`.
void print_report_sections(Output& out, const domain::Report& report, const domain::Scope& scope);

// The sections of print_report after cravings: triggers; then meetings,
// goals, clocks and insights (also shown for a report with no entries).
void print_report_triggers(Output& out, const domain::Report& report);
void print_report_rest(Output& out, const domain::Report& report);

} // namespace steady::app
