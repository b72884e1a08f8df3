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

// `run` as {"start", "end" (null while it runs), "minutes", "days"}.
void write_run(domain::JsonWriter& json, const domain::Run& run);

// `clock` with every figure now, as `clock --json` gives each clock. Call
// inside Journal::read or Journal::write.
void write_clock(domain::JsonWriter& json, Context& ctx, store::Journal& journal,
                 const domain::Clock& clock);

} // namespace steady::app
