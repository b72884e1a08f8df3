#pragma once

#include <string>

#include "app/context.hpp"
#include "domain/json.hpp"
#include "domain/partner.hpp"
#include "store/journal.hpp"

namespace steady::app {

// The partner named `name` (ignoring case); otherwise a DataError listing the
// partners there are: "no partner named 'sammy' (partners: Sam, Jo)". Call
// inside Journal::read or Journal::write.
domain::Partner require_partner(store::Journal& journal, const std::string& name);

// `partner` as {"id", "uuid", "name", "email", "scope": [...], "include_notes",
// "cadence", "alert_after", "created", "updated"}.
void write_partner_json(domain::JsonWriter& json, const domain::Partner& partner);

// "checkins, mood and cravings, with notes" or "everything, without notes".
std::string describe_scope(const domain::Scope& scope);

// `steady partner list`: every partner, what they see and how often, as a
// table or (with --json) {"partners": [...]}.
void run_partner_list(Context& ctx);

} // namespace steady::app
