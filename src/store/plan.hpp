#pragma once

#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "store/journal.hpp"
#include "timeutil/time.hpp"

namespace steady::store {

// Every item of the plan, by section in the order of domain::k_plan_sections,
// then by position (1, 2, … within a section). Call inside Journal::read.
std::vector<domain::PlanItem> list_plan(Journal& journal);

// Appends `text` to `section` (the next position), records it for undo and
// returns the saved item. Call inside Journal::write.
domain::PlanItem add_plan_item(Journal& journal, domain::PlanSection section,
                               const std::string& text, timeutil::Instant now);

// Removes `item` and moves the items after it in its section up one, so
// positions stay 1..n; undo restores the plan as it was. Call inside
// Journal::write.
void remove_plan_item(Journal& journal, const domain::PlanItem& item, timeutil::Instant now);

// Makes the plan `items`, in their order; an item whose section and text
// were already in the plan keeps its id and created time. Undo restores the
// plan as it was. Call inside Journal::write.
void replace_plan(Journal& journal, const std::vector<domain::PlanDraftItem>& items,
                  timeutil::Instant now);

} // namespace steady::store
