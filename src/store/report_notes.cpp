#include <array>

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "store/report.hpp"

namespace steady::store {

std::vector<domain::ReportNote> period_notes(Journal& journal, timeutil::Day from, timeutil::Day to)
{
    // Columns 2.. in the order a note's texts are listed; a meeting's name
    // is its own words, other kinds have none.
    constexpr std::array<const char*, 5> fields = {"what", "coped", "name", "gratitude", "note"};
    SQLite::Statement st(journal.db(),
                         "SELECT day, kind, what, coped, CASE kind WHEN 'meeting' THEN name END, "
                         "gratitude, note FROM entries WHERE deleted IS NULL AND day BETWEEN ? "
                         "AND ? AND coalesce(what, coped, gratitude, note, "
                         "CASE kind WHEN 'meeting' THEN name END) IS NOT NULL "
                         "ORDER BY day, at, id");
    st.bind(1, timeutil::format_day(from));
    st.bind(2, timeutil::format_day(to));
    std::vector<domain::ReportNote> notes;
    while (st.executeStep()) {
        auto text = st.getColumn(0).getString();
        auto day = timeutil::parse_stored_day(text);
        if (!day)
            throw JournalError("the journal has a malformed day '" + text +
                               "'; run 'steady doctor'");
        std::string kind = st.getColumn(1).getString();
        for (int i = 0; i < static_cast<int>(fields.size()); ++i)
            if (!st.getColumn(i + 2).isNull())
                notes.push_back({*day, kind, fields[static_cast<std::size_t>(i)],
                                 st.getColumn(i + 2).getString()});
    }
    return notes;
}

} // namespace steady::store
