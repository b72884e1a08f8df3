#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "app/context.hpp"
#include "domain/peers.hpp"

namespace steady::app {

// The summary in `text`, a steady-summary json object (version 1, as
// `share --format json` prints it) read from `file` (which only names it in
// messages): the figures peers reads, the json text and its sha256. Anything
// else is a DataError (65) "'FILE' is not a steady summary: why" (not json,
// another format, a newer version, a field missing or of the wrong type, a
// malformed day or time, a period that ends before it starts).
domain::PeerSummary parse_peer_summary(std::string_view text, const std::string& file);

// The summary in file `path`: a summary json file, or a whole email (a file
// that begins with header lines rather than '{') whose attached summary
// summary_json_from_email finds. A missing or unreadable file is a
// NoInputError (66); anything else as parse_peer_summary.
domain::PeerSummary read_peer_summary(const std::filesystem::path& path);

// `steady peers`: each mentee's status, a table or (with --json) {"peers": [...]}.
void run_peers_view(Context& ctx);

} // namespace steady::app
