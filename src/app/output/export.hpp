#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "app/output/entries.hpp"
#include "domain/entry.hpp"

namespace steady::app {

// The columns of `export --format csv --kind K`, in their documented order
// (steady-journal(5)): id, uuid, kind, at, tz, day, the fields of `kind` in
// the order of domain::fields(), note, tags, created, updated.
std::vector<std::string> csv_columns(domain::Kind kind);

// `cells` as one RFC 4180 record: separated by commas, a cell holding a
// comma, quote, CR or LF quoted (quotes doubled), ended by CRLF.
void write_csv_record(std::ostream& out, const std::vector<std::string>& cells);

// The cells of `entry` under csv_columns(entry.kind): absent values empty,
// booleans yes/no, durations in minutes, lists (strategies, tags) joined
// with ';', instants in UTC with Z.
std::vector<std::string> csv_cells(const domain::Entry& entry);

// Writes the journal as Markdown: a title naming `from`..`to`, then one
// section per day (`## Friday 2026-11-20`), oldest first, with a line per
// entry at its local time and its note quoted. Feed entries oldest first.
class MarkdownJournal {
  public:
    MarkdownJournal(std::ostream& out, const timeutil::Zone& fallback, ReferenceNames names);
    void title(timeutil::Day from, timeutil::Day to);
    void add(const domain::Entry& entry);

  private:
    std::ostream& m_out;
    const timeutil::Zone& m_fallback;
    ReferenceNames m_names;
    std::optional<timeutil::Day> m_day;
};

// One all-day event of the ics export.
struct IcsEvent {
    std::string uid;
    timeutil::Day day;
    std::string summary;
    std::string description;
};

// `events` as an RFC 5545 calendar: CRLF line ends, lines folded at 75
// octets (never inside a UTF-8 character), text escaped, each event an
// all-day VEVENT (DTSTART;VALUE=DATE, DTEND the day after) stamped `now`.
void write_ics(std::ostream& out, const std::vector<IcsEvent>& events, timeutil::Instant now);

} // namespace steady::app
