#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/partner.hpp"
#include "store/journal.hpp"
#include "timeutil/time.hpp"

namespace steady::store {

// Saves the new `partner` (its id, uuid, created and updated are filled in)
// and records it for undo. A partner of the same name, ignoring case, is a
// DataError naming them. Call inside Journal::write.
void add_partner(Journal& journal, domain::Partner& partner, timeutil::Instant now);

// The partner named `name` (ignoring case, beyond ASCII too), or nullopt.
std::optional<domain::Partner> find_partner(Journal& journal, std::string_view name);

// Every partner, oldest first.
std::vector<domain::Partner> list_partners(Journal& journal);

// Replaces the stored partner `partner.id` with `partner` (updated is set),
// recording the previous row for undo. A new name taken by another partner
// is a DataError. Call inside Journal::write.
void update_partner(Journal& journal, domain::Partner& partner, timeutil::Instant now);

// Removes `partner`, recording the row for undo. Their share log rows stay
// (partner_id becomes NULL, partner_name keeps the name); undo brings the
// partner back with the same id and links those rows again. Call inside
// Journal::write.
void remove_partner(Journal& journal, const domain::Partner& partner, timeutil::Instant now);

} // namespace steady::store
