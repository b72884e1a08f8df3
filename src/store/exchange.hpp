#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "domain/clock.hpp"
#include "domain/entry.hpp"
#include "domain/goal.hpp"
#include "domain/partner.hpp"
#include "domain/plan.hpp"
#include "domain/share.hpp"
#include "store/journal.hpp"

namespace steady::store {

// What import did, or would do, with one record.
enum class Outcome { added, updated, skipped };

// Whether a record whose uuid is already in the journal, with other content,
// replaces it (`import --update`) or is refused.
enum class Replace { no, yes };

// Where a record came from in the imported file, for messages:
// "entries[12]" or "line 13".
using RecordLabel = std::function<std::string(std::int64_t index)>;

// Sets `journal`'s connection up for a large import (memory for its
// statement journals, a larger page cache). Call before Journal::write.
void ready_for_import(Journal& journal);

// Writes imported records into the journal inside one Journal::write, keeping
// their ids where the journal has them free (so an export imported into an
// empty journal is the same journal) and giving them new ones otherwise; the
// references of imported records (an entry's goal, clock and trigger, a
// share's partner) follow their targets' new ids when finish() runs.
// Idempotent by uuid: a record identical to the stored one (ids, created and
// updated aside) is skipped; one with other content is a DataError naming
// both, unless Replace::yes. Two records of one file with the same uuid and
// other content are a DataError naming both. Records are given with the
// index `label` turns into words. Records do not go through undo.
class ImportWriter {
  public:
    ImportWriter(Journal& journal, Replace replace, RecordLabel label);
    ~ImportWriter();
    ImportWriter(const ImportWriter&) = delete;
    ImportWriter& operator=(const ImportWriter&) = delete;

    Outcome put(domain::Entry& entry, std::int64_t index);
    Outcome put(domain::Goal& goal, std::int64_t index);
    Outcome put(domain::Clock& clock, std::int64_t index);
    // A partner record that does not say whether they have an OpenPGP key
    // (an older export, a hand-written file: KeepKey::yes) keeps the key a
    // stored partner of that uuid has, so that --update never turns
    // encrypted shares into clear ones; a record that says none (null) takes
    // it away.
    enum class KeepKey { no, yes };
    Outcome put(domain::Partner& partner, std::int64_t index, KeepKey keep = KeepKey::no);
    // Shares have no uuid: one with the same partner name, instant, kind and
    // sha256 as a logged one is the same share and is skipped.
    Outcome put(domain::ShareRecord& share, std::int64_t index);
    // Plan items have no uuid either: one with the same section and text as
    // an item of the plan is skipped; another goes to the end of its section.
    Outcome put(domain::PlanItem& item, std::int64_t index);

    // Moves references to renumbered records and checks that every
    // reference of an imported record names a goal, clock or partner that
    // exists (a DataError naming the record otherwise).
    void finish();

    struct State; // the statements and counters of one import

  private:
    Outcome put_stored(domain::Entry& entry, std::int64_t file_id, std::int64_t index);
    std::unique_ptr<State> m_state;
};

// Calls `visit` for each goal, clock, partner and logged share, in id order.
void for_each_goal(Journal& journal, const std::function<void(const domain::Goal&)>& visit);
void for_each_clock(Journal& journal, const std::function<void(const domain::Clock&)>& visit);
void for_each_partner(Journal& journal, const std::function<void(const domain::Partner&)>& visit);
void for_each_share(Journal& journal, const std::function<void(const domain::ShareRecord&)>& visit);

} // namespace steady::store
