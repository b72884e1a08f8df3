#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "domain/clock.hpp"
#include "domain/json.hpp"

namespace steady::app {

// The milestones of config `milestones`, shortest first.
std::vector<domain::Milestone> configured_milestones(Context& ctx);

// The status of `clock` now, reading its lapses from `journal`.
domain::ClockStatus status_now(Context& ctx, store::Journal& journal, const domain::Clock& clock);

// For every clock, the milestones of its current run reached and not yet
// announced: records them as announced, in one write transaction of its own,
// and returns one line per clock for the newest of them ("30 days without
// alcohol today. That is real."). Each milestone is announced once, by
// whichever command calls this first. Nothing is created when the journal
// does not exist yet.
std::vector<std::string> observe_milestones(Context& ctx);

// Marks every milestone the current run of `clock` has reached as announced
// and returns the line for the highest ("You're at 90 days."), if any. Call
// inside the caller's Journal::write (clock add does, for a clock that
// starts in the past).
std::optional<std::string> mark_reached_milestones(Context& ctx, store::Journal& journal,
                                                   const domain::Clock& clock);

// `m` as JSON: {"milestone": "7d", "label": "7 days", "at": instant in UTC}.
void write_milestone_json(domain::JsonWriter& json, const domain::MilestoneAt& m);

// Every clock with its status now, for the dashboard and check-in. Call
// inside a Journal::read or write.
std::vector<std::pair<domain::Clock, domain::ClockStatus>> clock_statuses(Context& ctx,
                                                                          store::Journal& journal);

// "alcohol: 90 days 3 h · next: 6 months in 91 days".
std::string clock_glance(Context& ctx, const domain::Clock& clock,
                         const domain::ClockStatus& status);

// {"name", "run_start", "run_minutes", "next_milestone", "next_milestone_at",
// "currency", "saved", "saved_this_run"}: the money as write_saved_json gives it.
void write_clock_glance_json(domain::JsonWriter& json, const domain::Clock& clock,
                             const domain::ClockStatus& status,
                             const std::optional<std::string>& currency);

// The money saved of `status` in the config's currency, as a person reads
// it: "€1,135.42 saved", or after a lapse "saved €6.25 this run, €1,141.67
// in all" (a lapse does not erase what was saved); nullopt when the clock has
// no daily cost.
std::optional<std::string> saved_text(Context& ctx, const domain::ClockStatus& status);

// The keys "saved" (over every run) and "saved_this_run": amounts in units
// of the currency with at most two decimals, such as 2310.5, or null when
// the clock has no daily cost.
void write_saved_json(domain::JsonWriter& json, const domain::ClockStatus& status);

// "next: 6 months in 91 days" (to the nearest day; under a day "in 3 h 12 min").
std::string next_milestone_text(const domain::ClockStatus& status, timeutil::Instant now);

} // namespace steady::app
