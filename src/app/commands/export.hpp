#pragma once

#include <vector>

#include "app/context.hpp"
#include "app/output/export.hpp"

namespace steady::app {

// The events of the ics export: the due day of every active goal that has
// one, and the milestones of every clock's current run that fall in the
// coming year (from today), each on its local day in the clock's zone.
// UIDs are stable: "goal-<uuid>@steady", "milestone-<clock uuid>-<run
// start>-<key>@steady". Call inside a Journal::read.
std::vector<IcsEvent> ics_events(Context& ctx, store::Journal& journal);

} // namespace steady::app
