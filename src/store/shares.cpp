#include "store/shares.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"

namespace steady::store {

using domain::ShareRecord;

void log_share(Journal& journal, ShareRecord& record)
{
    SQLite::Statement st(journal.db(),
                         "INSERT INTO shares (partner_id, partner_name, at, what, period_from, "
                         "period_to, format, sha256, delivered, encrypted) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (record.partner_id)
        st.bind(1, *record.partner_id);
    else
        st.bind(1);
    st.bind(2, record.partner_name);
    st.bind(3, timeutil::format_instant(record.at));
    st.bind(4, record.what);
    if (record.period) {
        st.bind(5, timeutil::format_day(record.period->from));
        st.bind(6, timeutil::format_day(record.period->to));
    } else {
        st.bind(5);
        st.bind(6);
    }
    st.bind(7, record.format);
    st.bind(8, record.sha256);
    st.bind(9, record.delivered ? 1 : 0);
    st.bind(10, record.encrypted ? 1 : 0);
    st.exec();
    record.id = journal.db().getLastInsertRowid();
}

namespace {

timeutil::Day share_log_day(const std::string& text)
{
    auto day = timeutil::parse_stored_day(text);
    if (!day)
        throw JournalError("the share log has a malformed day '" + text + "'; run 'steady doctor'");
    return *day;
}

ShareRecord read_share_row(SQLite::Statement& st)
{
    ShareRecord record;
    record.id = st.getColumn(0).getInt64();
    if (!st.getColumn(1).isNull())
        record.partner_id = st.getColumn(1).getInt64();
    record.partner_name = st.getColumn(2).getString();
    auto at = timeutil::parse_stored_instant(st.getColumn(3).getString());
    if (!at)
        throw JournalError("the share log has a malformed time; run 'steady doctor'");
    record.at = *at;
    record.what = st.getColumn(4).getString();
    if (!st.getColumn(5).isNull() && !st.getColumn(6).isNull())
        record.period = timeutil::Period{share_log_day(st.getColumn(5).getString()),
                                         share_log_day(st.getColumn(6).getString()), false};
    record.format = st.getColumn(7).getString();
    record.sha256 = st.getColumn(8).getString();
    record.delivered = st.getColumn(9).getInt() != 0;
    record.encrypted = st.getColumn(10).getInt() != 0;
    return record;
}

} // namespace

std::vector<ShareRecord> share_history(Journal& journal, std::optional<std::string_view> partner)
{
    std::string sql = "SELECT id, partner_id, partner_name, at, what, period_from, period_to, "
                      "format, sha256, delivered, encrypted FROM shares";
    if (partner)
        sql += " WHERE steady_lower(partner_name) = steady_lower(?)";
    SQLite::Statement st(journal.db(), sql + " ORDER BY at, id");
    if (partner)
        st.bind(1, std::string(*partner));
    std::vector<ShareRecord> records;
    while (st.executeStep())
        records.push_back(read_share_row(st));
    return records;
}

} // namespace steady::store
