#pragma once

#include <optional>
#include <vector>

#include "domain/peers.hpp"
#include "store/journal.hpp"

namespace steady::store {

// Keeps `summary` as its mentee's summary of its period, unless the one
// already kept is the same or newer (domain::import_outcome says which);
// `summary.id` is filled in when it is written. Call inside Journal::write.
domain::ImportOutcome save_peer_summary(Journal& journal, domain::PeerSummary& summary,
                                        timeutil::Instant imported_at);

// Every kept summary with the figures peers reads, its missed days and
// clocks, in the order they were kept; without its mentor, sha256 and json
// text, which peers does not read.
std::vector<domain::PeerSummary> peer_summaries(Journal& journal);

} // namespace steady::store
