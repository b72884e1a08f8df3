#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/partner.hpp"
#include "domain/report.hpp"
#include "timeutil/time.hpp"

namespace steady::domain {

// What counts as free text (SPEC §7), and leaves only with notes allowed:
// every note, a check-in's gratitude, a trigger's description and how they
// coped, a meeting's name, what happened at a lapse (all in
// `Report::notes`), and goal titles. Trigger categories, strategy names,
// meeting types and clock names are the person's labels: they go wherever
// their section goes, as do the insights built from them.

// The section a note of entry kind `kind` belongs to: a check-in's to
// checkins, a trigger's to triggers, a craving's to cravings, a meeting's to
// meetings, a goal log's to goals, a lapse's to clocks.
Section note_section(const std::string& kind);

// The sections insight `kind` rests on, all of which must be in scope for it
// to be shared (a kind not known here needs every section).
std::vector<Section> insight_sections(const std::string& kind);

// `report` cut to `scope`: every figure of a section out of scope is
// removed (zero, empty or absent), notes of sections out of scope are
// dropped, and without notes every note and goal title goes too. Insights
// stay only when every section they rest on is in scope. Period, days and
// today are kept.
Report redact(const Report& report, const Scope& scope);

// A summary for one partner, ready for any renderer.
struct Share {
    std::optional<std::string> from; // the sender (config `name`)
    std::string to;                  // the partner's name
    std::optional<std::string> message;
    timeutil::Instant generated_at{};
    Scope scope;
    Report report;                          // redacted to `scope`
    std::vector<timeutil::Day> missed_days; // always named (SPEC §7)
};

// The share of `report` for a partner who may see `scope`: the report
// redacted, and the days without a check-in, which every summary names
// whatever its scope so that a partner notices absence.
Share make_share(const Report& report, const Scope& scope);

// One row of the share log: a summary (or alert) made for a partner.
struct ShareRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> partner_id; // nullopt once the partner is removed
    std::string partner_name;               // as they were called then
    timeutil::Instant at{};
    std::string what = "summary"; // "summary" or "alert"
    std::optional<timeutil::Period> period;
    std::string format;
    std::string sha256; // lower-case hex of the exact bytes produced
    bool delivered = false;
    bool encrypted = false; // to the partner's OpenPGP key
};

} // namespace steady::domain
