#include "app/output/export.hpp"

#include <cstdio>

#include "domain/text.hpp"

namespace steady::app {

using domain::FieldType;

std::vector<std::string> csv_columns(domain::Kind kind)
{
    std::vector<std::string> columns = {"id", "uuid", "kind", "at", "tz", "day"};
    for (const auto& field : domain::fields())
        if (field.applies_to(kind))
            columns.emplace_back(field.name);
    for (const char* column : {"note", "tags", "created", "updated"})
        columns.emplace_back(column);
    return columns;
}

void write_csv_record(std::ostream& out, const std::vector<std::string>& cells)
{
    bool first = true;
    for (const auto& cell : cells) {
        if (!first)
            out << ',';
        first = false;
        if (cell.find_first_of(",\"\r\n") == std::string::npos) {
            out << cell;
            continue;
        }
        out << '"';
        for (char c : cell) {
            if (c == '"')
                out << '"';
            out << c;
        }
        out << '"';
    }
    out << "\r\n";
}

namespace {

std::string csv_value(const domain::Field& field, const domain::Value& value)
{
    if (std::holds_alternative<std::monostate>(value))
        return "";
    if (field.type == FieldType::boolean)
        return std::get<std::int64_t>(value) != 0 ? "yes" : "no";
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&value)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", *d);
        return buf;
    }
    if (const auto* s = std::get_if<std::string>(&value))
        return *s;
    return domain::join(std::get<std::vector<std::string>>(value), ";");
}

} // namespace

std::vector<std::string> csv_cells(const domain::Entry& entry)
{
    std::vector<std::string> cells = {
        std::to_string(entry.id),           entry.uuid, std::string(domain::kind_name(entry.kind)),
        timeutil::format_instant(entry.at), entry.tz,   timeutil::format_day(entry.day)};
    for (const auto& field : domain::fields()) {
        if (!field.applies_to(entry.kind))
            continue;
        cells.push_back(entry.deleted_targets.count(field.name)
                            ? std::string()
                            : csv_value(field, entry.get(field.name)));
    }
    cells.push_back(entry.note.value_or(""));
    cells.push_back(domain::join(entry.tags, ";"));
    cells.push_back(timeutil::format_instant(entry.created));
    cells.push_back(timeutil::format_instant(entry.updated));
    return cells;
}

} // namespace steady::app
