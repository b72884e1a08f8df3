#include "app/commands/import_csv.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "app/commands/import_records.hpp"
#include "base/error.hpp"
#include "domain/entry.hpp"
#include "domain/text.hpp"

// Debian has no C++ CSV library that fits (none is packaged as a standard
// -dev package), so this is a small RFC 4180 reader of its own.

namespace steady::app {

namespace {

// Whether `text` is well-formed UTF-8 (no overlong forms or surrogates).
bool valid_utf8(std::string_view text)
{
    static constexpr std::uint32_t k_min[] = {0, 0x80, 0x800, 0x10000};
    std::size_t i = 0;
    while (i < text.size()) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t code = c;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            code = c & 0x1FU;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            code = c & 0x0FU;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            code = c & 0x07U;
        } else {
            return false;
        }
        if (i + extra >= text.size())
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (next & 0x3FU);
        }
        if (code < k_min[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

// One RFC 4180 reader over a stream: quoted cells may hold commas, quotes
// (doubled) and line breaks.
class CsvReader {
  public:
    explicit CsvReader(std::istream& in) : m_in(in)
    {
        if (m_in.peek() == 0xEF) {
            char bom[3] = {};
            m_in.read(bom, 3);
            if (std::string_view(bom, 3) != "\xEF\xBB\xBF") {
                m_in.clear();
                m_in.seekg(0);
            }
        }
    }

    // The next row into `cells`, and the line it starts on; false at the end.
    bool next(std::vector<std::string>& cells, std::int64_t& line)
    {
        cells.clear();
        if (m_in.peek() == std::char_traits<char>::eof())
            return false;
        line = m_line;
        std::string cell;
        bool quoted = false;
        bool was_quoted = false;
        for (int c = m_in.get(); c != std::char_traits<char>::eof(); c = m_in.get()) {
            if (quoted) {
                if (c == '"' && m_in.peek() == '"') {
                    cell += static_cast<char>(m_in.get());
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n')
                        ++m_line;
                    cell += static_cast<char>(c);
                }
                continue;
            }
            if (c == '"' && cell.empty() && !was_quoted) {
                quoted = was_quoted = true;
            } else if (c == ',') {
                push(cells, cell, line);
                was_quoted = false;
            } else if (c == '\r' && m_in.peek() == '\n') {
                continue;
            } else if (c == '\n') {
                ++m_line;
                push(cells, cell, line);
                return true;
            } else {
                cell += static_cast<char>(c);
            }
        }
        if (quoted)
            throw DataError("line " + std::to_string(line) +
                            ": a quoted cell is not closed (a \" is missing)");
        push(cells, cell, line);
        return true;
    }

  private:
    static void push(std::vector<std::string>& cells, std::string& cell, std::int64_t line)
    {
        if (!valid_utf8(cell))
            throw DataError("line " + std::to_string(line) + ": the text is not UTF-8");
        cells.push_back(std::move(cell));
        cell.clear();
    }

    std::istream& m_in;
    std::int64_t m_line = 1;
};

bool known_column(const std::string& name)
{
    if (domain::find_field(name) != nullptr)
        return true;
    for (const char* common :
         {"id", "uuid", "kind", "at", "tz", "day", "note", "tags", "created", "updated"})
        if (name == common)
            return true;
    return false;
}

} // namespace

void read_csv_records(std::istream& in,
                      const std::function<void(const nlohmann::json&, std::int64_t)>& visit)
{
    CsvReader reader(in);
    std::vector<std::string> header;
    std::int64_t line = 1;
    if (!reader.next(header, line))
        throw DataError("the file is empty (a csv import starts with a header row)");
    for (auto& name : header) {
        name = domain::to_lower(domain::trim(name));
        if (!known_column(name))
            throw DataError("line " + std::to_string(line) + ": unknown column '" + name +
                            "' (see man 5 steady-journal)");
    }
    for (const char* needed : {"kind", "at"})
        if (std::find(header.begin(), header.end(), needed) == header.end())
            throw DataError("line " + std::to_string(line) + ": the header has no '" + needed +
                            "' column");
    std::vector<std::string> cells;
    while (reader.next(cells, line)) {
        if (cells.size() == 1 && cells[0].empty())
            continue; // a blank line
        if (cells.size() > header.size())
            throw DataError("line " + std::to_string(line) + " has " +
                            std::to_string(cells.size()) + " cells; the header names " +
                            std::to_string(header.size()));
        nlohmann::json record = nlohmann::json::object();
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (cells[i].empty())
                continue;
            record[header[i]] = cells[i];
        }
        visit(record, line);
    }
}

void read_csv_entries(std::istream& in, const timeutil::TimeContext& time,
                      const std::function<void(std::int64_t, domain::Entry)>& visit)
{
    read_csv_records(in, [&](const nlohmann::json& record, std::int64_t line) {
        domain::Entry entry;
        try {
            entry = entry_from_json(record, time);
        } catch (const DataError& e) {
            throw DataError("line " + std::to_string(line) + ": " + e.what());
        }
        visit(line, std::move(entry));
    });
}

} // namespace steady::app
