#include "store/remind.hpp"

#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"

namespace steady::store {

std::optional<timeutil::Day> last_checkin_day(Journal& journal)
{
    SQLite::Statement st(journal.db(), "SELECT max(day) FROM entries WHERE kind = 'checkin' "
                                       "AND deleted IS NULL");
    if (!st.executeStep() || st.getColumn(0).isNull())
        return std::nullopt;
    auto text = st.getColumn(0).getString();
    auto day = timeutil::parse_stored_day(text);
    if (!day)
        throw JournalError("a check-in has a malformed day '" + text + "'; run 'steady doctor'");
    return day;
}

std::optional<timeutil::Instant> last_delivered(Journal& journal, std::int64_t partner_id,
                                                std::string_view what)
{
    SQLite::Statement st(journal.db(), "SELECT max(at) FROM shares WHERE partner_id = ? AND "
                                       "what = ? AND delivered = 1");
    st.bind(1, partner_id);
    st.bind(2, std::string(what));
    if (!st.executeStep() || st.getColumn(0).isNull())
        return std::nullopt;
    auto at = timeutil::parse_stored_instant(st.getColumn(0).getString());
    if (!at)
        throw JournalError("the share log has a malformed time; run 'steady doctor'");
    return at;
}

} // namespace steady::store
