#pragma once

#include <vector>

#include "app/context.hpp"
#include "domain/json.hpp"
#include "domain/plan.hpp"

namespace steady::app {

// The plan as it stands, read from the journal (empty when there is none yet).
std::vector<domain::PlanItem> read_plan(Context& ctx);

// Prints `items` as `plan` does: text, or {"plan": [...]} with --json.
void print_plan(Context& ctx, const std::vector<domain::PlanItem>& items);

// `steady plan edit`: the plan in $VISUAL/$EDITOR as text, saved when the
// edited text is valid (see man steady, PLAN).
void run_plan_edit(Context& ctx);

} // namespace steady::app
