#pragma once

#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/crypt.hpp"
#include "domain/json.hpp"
#include "domain/partner.hpp"
#include "store/journal.hpp"

namespace steady::app {

// The partner named `name` (ignoring case); otherwise a DataError listing the
// partners there are: "no partner named 'sammy' (partners: Sam, Jo)". Call
// inside Journal::read or Journal::write.
domain::Partner require_partner(store::Journal& journal, const std::string& name);

// `partner` as {"id", "uuid", "name", "email", "scope": [...], "include_notes",
// "cadence", "alert_after", "created", "updated", "pgp_fingerprint"}.
void write_partner_json(domain::JsonWriter& json, const domain::Partner& partner);

// "checkins, mood and cravings, with notes" or "everything, without notes".
std::string describe_scope(const domain::Scope& scope);

// The key `--pgp-key` names (`text`), put into steady's keyring: the key in
// a file when `text` names one, else the one key `text` names in the user's
// own keyring ($GNUPGHOME). Nothing is imported, and a DataError (65) says
// why, when it cannot be encrypted to; a path to no file is a NoInputError
// (66).
ImportedKey partner_key(Context& ctx, const std::string& text);

// " Shares to them are encrypted to FINGERPRINT (USER ID)." for `key`, or
// "" without one.
std::string key_text(const std::optional<ImportedKey>& key);

// `steady partner list`: every partner, what they see and how often, as a
// table or (with --json) {"partners": [...]}.
void run_partner_list(Context& ctx);

} // namespace steady::app
