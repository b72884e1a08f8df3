#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/share.hpp"
#include "store/journal.hpp"

namespace steady::store {

// Logs `record` (its id is filled in). Call inside Journal::write.
void log_share(Journal& journal, domain::ShareRecord& record);

// The share log, oldest first: every row, or those whose partner_name is
// `partner` ignoring case (also after that partner was removed).
std::vector<domain::ShareRecord> share_history(Journal& journal,
                                               std::optional<std::string_view> partner);

} // namespace steady::store
