#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/json.hpp"

namespace steady::app {

// One short line per active goal, in `goal list` order, for the dashboard:
// "#7 3 meetings a week: 2 of 3 this week, on pace". Reads the journal (a
// missing one has no goals); empty when there are none.
std::vector<std::string> goals_due_this_week(Context& ctx);

// The same goals with every figure: a JSON array of goal objects as
// `goal list --json` writes them.
void write_active_goals_json(Context& ctx, domain::JsonWriter& json);

// One line per goal marked done today ("#1 call mum"), for the dashboard: a
// done goal whose status last changed on today's local day. Empty when none.
std::vector<std::string> goals_done_today(Context& ctx);

// The same goals as a JSON array of goal objects.
void write_goals_done_today_json(Context& ctx, domain::JsonWriter& json);

} // namespace steady::app
