#include "store/rows.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "domain/json.hpp"

namespace steady::store {

using domain::Entry;
using domain::Field;
using domain::FieldType;

namespace {

// The columns every entry has, after its id.
constexpr const char* k_common = "uuid, kind, at, tz, day, note, tags, created, updated";
constexpr int k_common_count = 9;

std::string field_columns()
{
    std::string cols;
    for (const auto& field : domain::fields()) {
        cols += ", ";
        cols += field.column;
    }
    return cols;
}

// For each field that refers to an entry, one column after the fields: 1
// when the entry it names is deleted, 0 when it is live, NULL for none.
std::string deleted_target_columns()
{
    std::string cols;
    for (const auto& field : domain::fields())
        if (field.refers_to_entry())
            cols += ", (SELECT target.deleted IS NOT NULL FROM entries AS target WHERE target.id "
                    "= entries." +
                    std::string(field.column) + ")";
    return cols;
}

timeutil::Instant instant_column(SQLite::Statement& st, int index)
{
    auto text = st.getColumn(index).getString();
    auto at = timeutil::parse_stored_instant(text);
    if (!at)
        throw JournalError("the journal has a malformed time '" + text + "'; run 'steady doctor'");
    return *at;
}

domain::Value read_value(const Field& field, const SQLite::Column& col)
{
    if (col.isNull())
        return {};
    switch (field.type) {
    case FieldType::decimal:
        return col.getDouble();
    case FieldType::text:
    case FieldType::choice:
        return col.getString();
    case FieldType::list: {
        auto list = domain::parse_string_array(col.getString());
        return list ? domain::Value(*list) : domain::Value{};
    }
    default:
        return col.getInt64();
    }
}

void bind_value(SQLite::Statement& st, int index, const domain::Value& value)
{
    if (const auto* i = std::get_if<std::int64_t>(&value))
        st.bind(index, *i);
    else if (const auto* d = std::get_if<double>(&value))
        st.bind(index, *d);
    else if (const auto* s = std::get_if<std::string>(&value))
        st.bind(index, *s);
    else if (const auto* l = std::get_if<std::vector<std::string>>(&value))
        st.bind(index, domain::json_array(*l));
    else
        st.bind(index);
}

// Binds the values after id: uuid … updated, then every field; returns the next index.
int bind_entry(SQLite::Statement& st, const Entry& e, int index)
{
    st.bind(index++, e.uuid);
    st.bind(index++, std::string(domain::kind_name(e.kind)));
    st.bind(index++, timeutil::format_instant(e.at));
    st.bind(index++, e.tz);
    st.bind(index++, timeutil::format_day(e.day));
    if (e.note)
        st.bind(index++, *e.note);
    else
        st.bind(index++);
    st.bind(index++, domain::json_array(e.tags));
    st.bind(index++, timeutil::format_instant(e.created));
    st.bind(index++, timeutil::format_instant(e.updated));
    for (const auto& field : domain::fields())
        bind_value(st, index++, e.get(field.name));
    return index;
}

std::string placeholders(std::size_t count)
{
    std::string out;
    for (std::size_t i = 0; i < count; ++i)
        out += i == 0 ? "?" : ", ?";
    return out;
}

} // namespace

const std::string& select_entries_sql()
{
    static const std::string sql = std::string("SELECT id, ") + k_common + field_columns() +
                                   deleted_target_columns() + " FROM entries";
    return sql;
}

Entry read_entry_row(SQLite::Statement& st)
{
    Entry e;
    e.id = st.getColumn(0).getInt64();
    e.uuid = st.getColumn(1).getString();
    e.kind = domain::parse_kind(st.getColumn(2).getString()).value_or(domain::Kind::checkin);
    e.at = instant_column(st, 3);
    e.tz = st.getColumn(4).getString();
    e.day = timeutil::parse_stored_day(st.getColumn(5).getString()).value_or(timeutil::Day{});
    if (!st.getColumn(6).isNull())
        e.note = st.getColumn(6).getString();
    e.tags = domain::parse_string_array(st.getColumn(7).getString())
                 .value_or(std::vector<std::string>{});
    e.created = instant_column(st, 8);
    e.updated = instant_column(st, 9);
    int index = 1 + k_common_count;
    for (const auto& field : domain::fields()) {
        auto value = read_value(field, st.getColumn(index++));
        if (!std::holds_alternative<std::monostate>(value))
            e.values.emplace(std::string(field.name), std::move(value));
    }
    for (const auto& field : domain::fields()) {
        if (!field.refers_to_entry())
            continue;
        const auto& deleted = st.getColumn(index++);
        if (!deleted.isNull() && deleted.getInt() != 0)
            e.deleted_targets.emplace(field.name);
    }
    return e;
}

void insert_entry_row(SQLite::Database& db, const Entry& entry)
{
    static const std::string sql = std::string("INSERT INTO entries (") + k_common +
                                   field_columns() + ") VALUES (" +
                                   placeholders(k_common_count + domain::fields().size()) + ")";
    SQLite::Statement st(db, sql);
    bind_entry(st, entry, 1);
    st.exec();
}

const std::string& insert_entry_with_id_sql()
{
    static const std::string sql = std::string("INSERT INTO entries (id, ") + k_common +
                                   field_columns() + ") VALUES (" +
                                   placeholders(1 + k_common_count + domain::fields().size()) + ")";
    return sql;
}

int bind_entry_values(SQLite::Statement& st, const Entry& entry, int index)
{
    return bind_entry(st, entry, index);
}

void update_entry_row(SQLite::Database& db, const Entry& entry)
{
    static const std::string sql = [] {
        std::string cols = k_common + field_columns();
        std::string set;
        std::size_t start = 0;
        while (start < cols.size()) {
            auto end = cols.find(',', start);
            if (end == std::string::npos)
                end = cols.size();
            auto name = cols.substr(start, end - start);
            name.erase(0, name.find_first_not_of(' '));
            set += (set.empty() ? "" : ", ") + name + " = ?";
            start = end + 1;
        }
        return "UPDATE entries SET " + set + " WHERE id = ?";
    }();
    SQLite::Statement st(db, sql);
    int next = bind_entry(st, entry, 1);
    st.bind(next, entry.id);
    st.exec();
}

} // namespace steady::store
