#include "store/partners.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "store/entries.hpp"

namespace steady::store {

using domain::Partner;
using timeutil::format_instant;

namespace {

constexpr const char* k_select_partners =
    "SELECT id, uuid, name, email, scope, include_notes, cadence, alert_after, created, updated, "
    "pgp_fingerprint FROM partners";

timeutil::Instant partner_instant(const SQLite::Column& col)
{
    auto text = col.getString();
    auto at = timeutil::parse_stored_instant(text);
    if (!at)
        throw JournalError("the journal has a partner with a malformed time '" + text +
                           "'; run 'steady doctor'");
    return *at;
}

Partner read_partner(SQLite::Statement& st)
{
    Partner partner;
    partner.id = st.getColumn(0).getInt64();
    partner.uuid = st.getColumn(1).getString();
    partner.name = st.getColumn(2).getString();
    partner.email = st.getColumn(3).getString();
    try {
        partner.scope = domain::parse_scope(st.getColumn(4).getString());
        if (!st.getColumn(6).isNull())
            partner.cadence = domain::parse_cadence(st.getColumn(6).getString());
    } catch (const UsageError& e) {
        throw JournalError("the journal's partner '" + partner.name +
                           "' is malformed: " + e.what() + "; run 'steady doctor'");
    }
    partner.scope.notes =
        st.getColumn(5).getInt() != 0 ? domain::IncludeNotes::yes : domain::IncludeNotes::no;
    if (!st.getColumn(7).isNull())
        partner.alert_after = st.getColumn(7).getInt();
    partner.created = partner_instant(st.getColumn(8));
    partner.updated = partner_instant(st.getColumn(9));
    if (!st.getColumn(10).isNull())
        partner.pgp_fingerprint = st.getColumn(10).getString();
    return partner;
}

// Binds the columns name..updated, pgp_fingerprint of `partner` as ?1..?9.
void bind_partner(SQLite::Statement& st, const Partner& partner)
{
    st.bind(1, partner.name);
    st.bind(2, partner.email);
    st.bind(3, domain::format_scope(partner.scope));
    st.bind(4, partner.scope.notes == domain::IncludeNotes::yes ? 1 : 0);
    if (partner.cadence)
        st.bind(5, std::string(domain::cadence_name(*partner.cadence)));
    else
        st.bind(5);
    if (partner.alert_after)
        st.bind(6, *partner.alert_after);
    else
        st.bind(6);
    st.bind(7, format_instant(partner.created));
    st.bind(8, format_instant(partner.updated));
    if (partner.pgp_fingerprint)
        st.bind(9, *partner.pgp_fingerprint);
    else
        st.bind(9);
}

// A DataError when a partner other than `id` is called `name` ignoring case.
void check_name_free(Journal& journal, const std::string& name, std::int64_t id)
{
    auto existing = find_partner(journal, name);
    if (existing && existing->id != id)
        throw DataError("a partner named '" + existing->name +
                        "' already exists (see 'steady partner list'; 'steady partner edit " +
                        existing->name + "' changes them)");
}

} // namespace

void add_partner(Journal& journal, Partner& partner, timeutil::Instant now)
{
    check_name_free(journal, partner.name, 0);
    if (partner.uuid.empty())
        partner.uuid = new_uuid();
    partner.created = now;
    partner.updated = now;
    SQLite::Statement st(journal.db(),
                         "INSERT INTO partners (name, email, scope, include_notes, cadence, "
                         "alert_after, created, updated, pgp_fingerprint, uuid) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_partner(st, partner);
    st.bind(10, partner.uuid);
    st.exec();
    partner.id = journal.db().getLastInsertRowid();
    record_undo(journal, "add", "partners", partner.id, "added partner '" + partner.name + "'",
                now);
}

std::optional<Partner> find_partner(Journal& journal, std::string_view name)
{
    SQLite::Statement st(journal.db(), std::string(k_select_partners) +
                                           " WHERE steady_lower(name) = steady_lower(?) "
                                           "ORDER BY id LIMIT 1");
    st.bind(1, std::string(name));
    if (!st.executeStep())
        return std::nullopt;
    return read_partner(st);
}

std::vector<Partner> list_partners(Journal& journal)
{
    SQLite::Statement st(journal.db(), std::string(k_select_partners) + " ORDER BY id");
    std::vector<Partner> partners;
    while (st.executeStep())
        partners.push_back(read_partner(st));
    return partners;
}

void update_partner(Journal& journal, Partner& partner, timeutil::Instant now)
{
    check_name_free(journal, partner.name, partner.id);
    record_undo(journal, "edit", "partners", partner.id, "edited partner '" + partner.name + "'",
                now);
    partner.updated = now;
    SQLite::Statement st(journal.db(),
                         "UPDATE partners SET name = ?, email = ?, scope = ?, include_notes = ?, "
                         "cadence = ?, alert_after = ?, created = ?, updated = ?, "
                         "pgp_fingerprint = ? WHERE id = ?");
    bind_partner(st, partner);
    st.bind(10, partner.id);
    st.exec();
}

void remove_partner(Journal& journal, const Partner& partner, timeutil::Instant now)
{
    record_undo(journal, "delete", "partners", partner.id, "removed partner '" + partner.name + "'",
                now);
    // The shares that lose their link, so that undo can link them again.
    SQLite::Statement links(
        journal.db(), "UPDATE undo_log SET before = json_set(before, '$.share_ids', "
                      "json((SELECT json_group_array(id) FROM shares WHERE partner_id = ?1))) "
                      "WHERE id = last_insert_rowid()");
    links.bind(1, partner.id);
    links.exec();
    SQLite::Statement st(journal.db(), "DELETE FROM partners WHERE id = ?");
    st.bind(1, partner.id);
    st.exec();
}

} // namespace steady::store
