#pragma once

// Files as a test sees them, shared by the CLI tests (cli/test_app) and the
// import fuzz targets (fuzz/fuzz_import): header-only, as the two are built
// by different compilers with different flags.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

namespace steady::test {

// The whole file, byte for byte ("" when it cannot be read).
inline std::string file_bytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Replaces the file with exactly `bytes`.
inline void write_file(const std::filesystem::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Every row of every table of the journal at `path` and its schema version,
// as one text: equal texts mean equal journals.
inline std::string journal_rows(const std::filesystem::path& path)
{
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    std::ostringstream text;
    text << "user_version=" << db.execAndGet("PRAGMA user_version").getString() << '\n';
    std::vector<std::string> tables;
    SQLite::Statement names(db,
                            "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (names.executeStep())
        tables.push_back(names.getColumn(0).getString());
    for (const auto& table : tables) {
        text << "[" << table << "]\n";
        SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\"");
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i)
                text << (rows.getColumn(i).isNull() ? "NULL" : rows.getColumn(i).getString())
                     << '|';
            text << '\n';
        }
    }
    return text.str();
}

} // namespace steady::test
