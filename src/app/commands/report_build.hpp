#pragma once

#include <optional>
#include <string>

#include "app/context.hpp"
#include "domain/partner.hpp"
#include "domain/report.hpp"

namespace steady::app {

// The period a report or share covers: `text` (the positional argument or
// --period; both given is a UsageError), else config share.default_period.
timeutil::Period report_period(Context& ctx, const std::optional<std::string>& positional,
                               const std::optional<std::string>& flag);

// Every figure of `period` (SPEC §6): the journal's counts, the goals in
// progress and what the period added to them, each clock's run, lapses and
// milestones within it, and the insights the figures hold evidence for.
// With `notes` yes, also the free text of the covered days (Report::notes),
// for a share to redact. Reads the journal (a missing one is an empty
// report, nothing created).
domain::Report build_report(Context& ctx, const timeutil::Period& period,
                            domain::IncludeNotes notes = domain::IncludeNotes::no);

} // namespace steady::app
