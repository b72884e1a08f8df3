#include <array>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "base/error.hpp"
#include "domain/json.hpp"
#include "store/entries.hpp"

namespace steady::store {

namespace {

// Tables whose rows undo may restore; the name is spliced into SQL, so it
// must come from this list, never from input.
constexpr std::array<std::string_view, 5> k_undoable = {"entries", "goals", "clocks", "partners",
                                                        "plan"};

std::string checked_table(std::string_view table)
{
    for (auto known : k_undoable)
        if (known == table)
            return std::string(known);
    throw JournalError("the undo log names an unknown table '" + std::string(table) + "'");
}

// The row `id` of `table` as a JSON object of its columns.
std::string snapshot(SQLite::Database& db, const std::string& table, std::int64_t id)
{
    SQLite::Statement st(db, "SELECT * FROM " + table + " WHERE id = ?");
    st.bind(1, id);
    if (!st.executeStep())
        throw DataError("nothing with id #" + std::to_string(id));
    std::ostringstream out;
    domain::JsonWriter json(out, false);
    json.begin_object();
    for (int i = 0; i < st.getColumnCount(); ++i) {
        json.key(st.getColumnName(i));
        auto col = st.getColumn(i);
        if (col.isNull())
            json.null();
        else if (col.isInteger())
            json.value(col.getInt64());
        else if (col.isFloat())
            json.value(col.getDouble());
        else
            json.value(col.getString());
    }
    json.end_object();
    return out.str();
}

std::vector<std::string> columns_of(SQLite::Database& db, const std::string& table)
{
    std::vector<std::string> names;
    SQLite::Statement st(db, "SELECT name FROM pragma_table_info(?)");
    st.bind(1, table);
    while (st.executeStep())
        names.push_back(st.getColumn(0).getString());
    return names;
}

// Inserts row `id` of `table` again from the JSON row image `before`: a
// removed partner (the one table whose rows are deleted, not marked), and the
// share log rows `before` names in `share_ids` linked to it again.
void undo_reinsert(SQLite::Database& db, const std::string& table, std::int64_t id,
                   const std::string& before)
{
    std::string names;
    std::string values;
    for (const auto& column : columns_of(db, table)) {
        names += (names.empty() ? "\"" : ", \"") + column + "\"";
        values +=
            (values.empty() ? "" : ", ") + std::string("json_extract(:before, '$.") + column + "')";
    }
    SQLite::Statement st(db, "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")");
    st.bind(":before", before);
    st.exec();
    SQLite::Statement links(db, "UPDATE shares SET partner_id = :id WHERE partner_id IS NULL AND "
                                "id IN (SELECT value FROM json_each(:before, '$.share_ids'))");
    links.bind(":id", id);
    links.bind(":before", before);
    links.exec();
}

bool undo_row_exists(SQLite::Database& db, const std::string& table, std::int64_t id)
{
    SQLite::Statement st(db, "SELECT 1 FROM " + table + " WHERE id = ?");
    st.bind(1, id);
    return st.executeStep();
}

// Writes the JSON row image `before` back into row `id` of `table`.
void restore(SQLite::Database& db, const std::string& table, std::int64_t id,
             const std::string& before)
{
    if (!undo_row_exists(db, table, id))
        return undo_reinsert(db, table, id, before);
    std::string set;
    for (const auto& column : columns_of(db, table)) {
        if (column == "id")
            continue;
        set.append(set.empty() ? "\"" : ", \"")
            .append(column)
            .append("\" = json_extract(:before, '$.")
            .append(column)
            .append("')");
    }
    SQLite::Statement st(db, "UPDATE " + table + " SET " + set + " WHERE id = :id");
    st.bind(":before", before);
    st.bind(":id", id);
    st.exec();
}

// Puts back the whole plan from the row image `before` of record_plan_undo.
void restore_plan(SQLite::Database& db, const std::string& before)
{
    db.exec("DELETE FROM plan");
    SQLite::Statement st(db,
                         "INSERT INTO plan (id, section, text, position, created, updated) "
                         "SELECT json_extract(value, '$.id'), json_extract(value, '$.section'), "
                         "json_extract(value, '$.text'), json_extract(value, '$.position'), "
                         "json_extract(value, '$.created'), json_extract(value, '$.updated') "
                         "FROM json_each(:before, '$.plan')");
    st.bind(":before", before);
    st.exec();
}

} // namespace

void record_plan_undo(Journal& journal, std::string_view action, std::string_view description,
                      timeutil::Instant now)
{
    SQLite::Statement st(
        journal.db(),
        "INSERT INTO undo_log (at, action, target, target_id, description, before) "
        "VALUES (?, ?, 'plan', 0, ?, (SELECT json_object('plan', json_group_array(json_object("
        "'id', id, 'section', section, 'text', text, 'position', position, 'created', created, "
        "'updated', updated))) FROM (SELECT * FROM plan ORDER BY id)))");
    st.bind(1, timeutil::format_instant(now));
    st.bind(2, std::string(action));
    st.bind(3, std::string(description));
    st.exec();
}

void record_undo(Journal& journal, std::string_view action, std::string_view table, std::int64_t id,
                 std::string_view description, timeutil::Instant now)
{
    auto& db = journal.db();
    SQLite::Statement st(db, "INSERT INTO undo_log (at, action, target, target_id, description, "
                             "before) VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, timeutil::format_instant(now));
    st.bind(2, std::string(action));
    st.bind(3, checked_table(table));
    st.bind(4, id);
    st.bind(5, std::string(description));
    if (action == "add")
        st.bind(6);
    else
        st.bind(6, snapshot(db, checked_table(table), id));
    st.exec();
}

std::optional<std::string> undo_last(Journal& journal, timeutil::Instant now)
{
    (void)now;
    auto& db = journal.db();
    SQLite::Statement last(db, "SELECT id, action, target, target_id, description, before "
                               "FROM undo_log WHERE undone = 0 ORDER BY id DESC LIMIT 1");
    if (!last.executeStep())
        return std::nullopt;
    auto log_id = last.getColumn(0).getInt64();
    std::string action = last.getColumn(1).getString();
    std::string table = checked_table(last.getColumn(2).getString());
    auto target = last.getColumn(3).getInt64();
    std::string description = last.getColumn(4).getString();
    std::string before = last.getColumn(5).getString();
    try {
        if (table == "plan" && target == 0) {
            restore_plan(db, before);
        } else if (action == "add") {
            SQLite::Statement del(db, "DELETE FROM " + table + " WHERE id = ?");
            del.bind(1, target);
            del.exec();
        } else {
            restore(db, table, target, before);
        }
    } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xff) != SQLITE_CONSTRAINT)
            throw;
        throw DataError("cannot undo '" + description + "': it would clash with what came after (" +
                        e.getErrorStr() + ")");
    }
    SQLite::Statement mark(db, "UPDATE undo_log SET undone = 1 WHERE id = ?");
    mark.bind(1, log_id);
    mark.exec();
    return description;
}

} // namespace steady::store
