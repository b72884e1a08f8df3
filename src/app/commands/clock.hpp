#pragma once

#include "app/context.hpp"
#include "domain/clock.hpp"
#include "domain/json.hpp"
#include "store/journal.hpp"

namespace steady::app {

// `steady clock`: every clock with its current and longest run, clean days,
// money saved, next milestone and latest lapses (or, with --json, every
// figure); announces milestones crossed since a command last looked.
void run_clock_list(Context& ctx);

// `steady clock reset NAME`: restarts clock `name` after a lapse at `when`,
// recording a lapse entry with `note` that undo takes back, and prints the
// run that ended (JSON with --json). An unknown clock is a DataError; a
// reset before the clock's start, or not after its last reset, a UsageError.
void reset_clock(Context& ctx, const std::string& name, const timeutil::DateInput& when,
                 const std::optional<std::string>& note);

// "If you want to restart a clock: steady clock reset NAME" when a clock was
// running at `at` and not reset since; nullopt when none was. Never resets.
std::optional<std::string> clock_reset_hint(Context& ctx, timeutil::Instant at);

// `run` as {"start", "end" (null while it runs), "minutes", "days"}.
void write_run(domain::JsonWriter& json, const domain::Run& run);

// `clock` with every figure now, as `clock --json` gives each clock. Call
// inside Journal::read or Journal::write.
void write_clock(domain::JsonWriter& json, Context& ctx, store::Journal& journal,
                 const domain::Clock& clock);

} // namespace steady::app
