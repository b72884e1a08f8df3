#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <variant>

#include "domain/clock.hpp"
#include "domain/entry.hpp"
#include "domain/goal.hpp"
#include "domain/partner.hpp"
#include "domain/plan.hpp"
#include "domain/share.hpp"
#include "timeutil/time.hpp"

namespace steady::app {

// A partner of an import file. A record with no pgp_fingerprint key at all
// keeps the key stored for that partner; only null clears it.
struct ImportedPartner {
    domain::Partner partner;
    bool keeps_key = false;
};

// One record of a steady-journal file, read and checked, not yet written.
using ImportRecord = std::variant<domain::Entry, domain::Goal, domain::Clock, ImportedPartner,
                                  domain::ShareRecord, domain::PlanItem>;

// Where a record stands in its file, as read_json_records numbers it: its
// section and its position there, as the label an error names it by:
// "entries[3]" (the fourth entry), or "[3]" in a file that is one array of
// entries.
std::string json_label(std::int64_t index);

// Reads a steady-journal file (steady-journal(5): the export's object, or
// one array of entries) as it streams past, checks each record as the
// commands check what is typed (import_records.hpp) and calls `visit` with
// it and its index, in file order: the file is never held in memory. A
// file that is not such a file, or a record that is not good, is a
// DataError naming where (after `visit` has had every record before it).
void read_json_records(std::istream& in, const timeutil::TimeContext& time,
                       const std::function<void(std::int64_t index, ImportRecord record)>& visit);

} // namespace steady::app
