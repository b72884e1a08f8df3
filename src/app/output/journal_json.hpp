#pragma once

#include "domain/clock.hpp"
#include "domain/entry.hpp"
#include "domain/goal.hpp"
#include "domain/json.hpp"
#include "domain/plan.hpp"
#include "domain/share.hpp"

namespace steady::app {

// The records of `export --format json` (steady-journal(5)), each as one
// object with every key present (absent values null, lists []):

// An entry: id, uuid, kind, at, tz, day, the fields of its kind in the
// order of domain::fields(), note, tags, created, updated. A craving's
// `trigger` is null when that trigger entry is deleted: the export holds
// live entries only.
// One field's value as JSON (SPEC §6): null when absent, [] for an absent
// list, true/false for a boolean; the one way list and export write values.
void write_field_value(domain::JsonWriter& json, const domain::Field& field,
                       const domain::Value& value);

void write_journal_entry(domain::JsonWriter& json, const domain::Entry& entry);

// A goal: id, uuid, title, kind, target, per, total, due, tracks, status,
// created, updated.
void write_journal_goal(domain::JsonWriter& json, const domain::Goal& goal);

// A clock: id, uuid, name, started_at, tz, cost_per_day_cents, created,
// updated.
void write_journal_clock(domain::JsonWriter& json, const domain::Clock& clock);

// A row of the share log: id, partner_id, partner_name, at, what, period
// ({"from", "to"} or null), format, sha256, delivered.
void write_journal_share(domain::JsonWriter& json, const domain::ShareRecord& share);

// One item of the plan: id, section, position, text, created, updated (as
// `plan --json` and the export's "plan" list hold it).
void write_journal_plan_item(domain::JsonWriter& json, const domain::PlanItem& item);

} // namespace steady::app
