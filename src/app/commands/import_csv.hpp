#pragma once

#include <cstdint>
#include <functional>
#include <istream>

#include <nlohmann/json.hpp>

#include "domain/entry.hpp"
#include "timeutil/time.hpp"

namespace steady::app {

// Reads an RFC 4180 file (a header row naming the columns, then one record
// a row; CRLF or LF; a leading UTF-8 byte order mark skipped) and calls
// `visit` with each row as a JSON object of its non-empty cells, keyed by
// the header, and the line
// the row starts on. A header naming an unknown column, an unclosed quote,
// a row with more cells than the header, or bytes that are not UTF-8 are a
// DataError naming the line.
void read_csv_records(std::istream& in,
                      const std::function<void(const nlohmann::json&, std::int64_t line)>& visit);

// The entries of a csv file: each row of read_csv_records through
// entry_from_json (import_records.hpp), to `visit` with the line it starts
// on, in file order. A row that is not a good entry is a DataError naming
// its line, after `visit` has had every row before it.
void read_csv_entries(std::istream& in, const timeutil::TimeContext& time,
                      const std::function<void(std::int64_t line, domain::Entry entry)>& visit);

} // namespace steady::app
