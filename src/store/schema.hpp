#pragma once

namespace SQLite {
class Database;
}

namespace steady::store {

// Brings `db` from its PRAGMA user_version up to k_schema_version, all steps
// in one transaction. A current journal is left untouched.
void migrate(SQLite::Database& db);

}  // namespace steady::store
