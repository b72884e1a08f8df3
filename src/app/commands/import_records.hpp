#pragma once

#include <nlohmann/json.hpp>

#include "domain/clock.hpp"
#include "domain/entry.hpp"
#include "domain/goal.hpp"
#include "domain/partner.hpp"
#include "domain/plan.hpp"
#include "domain/share.hpp"
#include "timeutil/time.hpp"

namespace steady::app {

// Records of an imported file (steady-journal(5)) as domain values, checked
// as the commands check what is typed. What a hand-written record leaves
// out is filled in: a new uuid, no id (the next free one), the zone of
// `time` as tz, the day of `at` in it (day_starts_at applied), created and
// updated `time.now`. `at` may be any date input of SPEC §3, read in `time`.
// Values may be JSON-typed (7, true, ["walk"]) or text as typed on the
// command line ("7", "yes", "20m"). Any problem is a DataError saying what
// (without the record's position, which the caller adds).
domain::Entry entry_from_json(const nlohmann::json& record, const timeutil::TimeContext& time);
domain::Goal goal_from_json(const nlohmann::json& record, const timeutil::TimeContext& time);
domain::Clock clock_from_json(const nlohmann::json& record, const timeutil::TimeContext& time);
// A plan item: section and text required; id, position, created and updated
// filled in when absent.
domain::PlanItem plan_item_from_json(const nlohmann::json& record,
                                     const timeutil::TimeContext& time);
domain::Partner partner_from_json(const nlohmann::json& record, const timeutil::TimeContext& time);
domain::ShareRecord share_from_json(const nlohmann::json& record,
                                    const timeutil::TimeContext& time);

} // namespace steady::app
