#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "store/journal.hpp"
#include "timeutil/time.hpp"

namespace steady::store {

// The newest local day with a live check-in, or nullopt when there is none.
// One lookup of the (kind, day) index.
std::optional<timeutil::Day> last_checkin_day(Journal& journal);

// When the newest delivered row of kind `what` ("summary" or "alert") of the
// share log went to partner `partner_id`, or nullopt when none did.
std::optional<timeutil::Instant> last_delivered(Journal& journal, std::int64_t partner_id,
                                                std::string_view what);

} // namespace steady::store
