#pragma once

#include <string>

#include "domain/entry.hpp"

namespace SQLite {
class Database;
class Statement;
} // namespace SQLite

namespace steady::store {

// "SELECT <every entry column>, <whether each entry it refers to is deleted>
// FROM entries", to which callers append a WHERE.
const std::string& select_entries_sql();

// The entry in the current row of `st`, which runs select_entries_sql(),
// with its deleted_targets.
domain::Entry read_entry_row(SQLite::Statement& st);

// Inserts `entry` as a new row (every value bound).
void insert_entry_row(SQLite::Database& db, const domain::Entry& entry);

// "INSERT INTO entries (id, <every column>) VALUES (?, …)": an id bound as
// NULL gets the next free one.
const std::string& insert_entry_with_id_sql();

// Binds `entry`'s values after its id (uuid … updated, then every field)
// from parameter `index` on; returns the next index.
int bind_entry_values(SQLite::Statement& st, const domain::Entry& entry, int index);

// Overwrites row `entry.id` with `entry`'s values.
void update_entry_row(SQLite::Database& db, const domain::Entry& entry);

} // namespace steady::store
