#pragma once

// What fuzz_read_json and fuzz_read_csv share. They fuzz the readers of
// `steady import` (read_json_records, read_csv_entries: the code that meets
// a file's bytes and turns them into checked records) without a journal, at
// thousands of inputs a second, where fuzz_import_json and fuzz_import_csv
// run whole commands (about a hundred). Properties:
//   - reading ends in records or a DataError; any other exception escaping
//     (a nlohmann type_error, std::out_of_range, …) is a finding;
//   - each record has an index of its own (json: its section and position;
//     csv: its line, increasing);
//   - a record read (given the id the journal would give it) is a fixed
//     point of export then import: written as `export --format json` writes it, that text is read
//     back by the same reader function without error and written again to the same text;
//   - an entry's row of `export --format csv` (its kind's header and
//     cells) read back by read_csv_entries is one entry, written as json to
//     the same text (unless a tag or strategy holds a ';', which csv
//     cannot).
// The records are read in one fixed context: Europe/Berlin, now
// 2026-11-22T20:00, days starting at 04:00.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/commands/import_csv.hpp"
#include "app/commands/import_json.hpp"
#include "app/commands/import_records.hpp"
#include "app/commands/partner.hpp"
#include "app/output/export.hpp"
#include "app/output/journal_json.hpp"
#include "base/error.hpp"
#include "timeutil/zone.hpp"

namespace steady::fuzz {

[[noreturn]] inline void broken(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "property broken: %s\n%s\n", what, detail.c_str());
    std::abort();
}

inline const timeutil::TimeContext& reader_time()
{
    static const timeutil::TimeContext time = [] {
        timeutil::TimeContext t;
        const auto* zone = timeutil::Zone::find("Europe/Berlin");
        if (!zone)
            broken("setup", "no zone Europe/Berlin (tzdata)");
        t.zone = zone;
        t.now = timeutil::read_now("2026-11-22T20:00", *zone);
        t.day_start = timeutil::Minutes{4 * 60};
        return t;
    }();
    return time;
}

inline void write_record(domain::JsonWriter& json, const domain::Entry& r)
{
    app::write_journal_entry(json, r);
}
inline void write_record(domain::JsonWriter& json, const domain::Goal& r)
{
    app::write_journal_goal(json, r);
}
inline void write_record(domain::JsonWriter& json, const domain::Clock& r)
{
    app::write_journal_clock(json, r);
}
inline void write_record(domain::JsonWriter& json, const app::ImportedPartner& r)
{
    app::write_partner_json(json, r.partner);
}
inline void write_record(domain::JsonWriter& json, const domain::ShareRecord& r)
{
    app::write_journal_share(json, r);
}
inline void write_record(domain::JsonWriter& json, const domain::PlanItem& r)
{
    app::write_journal_plan_item(json, r);
}

// `record` as `export --format json` writes it.
template <class T> std::string exported(const T& record)
{
    std::ostringstream out;
    domain::JsonWriter json(out, false);
    write_record(json, record);
    return out.str();
}

inline auto read_back(const domain::Entry&)
{
    return app::entry_from_json;
}
inline auto read_back(const domain::Goal&)
{
    return app::goal_from_json;
}
inline auto read_back(const domain::Clock&)
{
    return app::clock_from_json;
}
inline auto read_back(const domain::ShareRecord&)
{
    return app::share_from_json;
}
inline auto read_back(const domain::PlanItem&)
{
    return app::plan_item_from_json;
}

// The record `text` (one written by `exported`) reads as again.
template <class T> T reread(const T& record, const std::string& text)
{
    auto parsed = nlohmann::json::parse(text);
    try {
        if constexpr (std::is_same_v<T, app::ImportedPartner>)
            return app::ImportedPartner{app::partner_from_json(parsed, reader_time()), false};
        else
            return read_back(record)(parsed, reader_time());
    } catch (const DataError& e) {
        broken("a record read, exported, is refused", text + "\n" + e.what());
    }
}

// Whether `entry` fits a csv row: a list's items (tags, a craving's
// strategies) are joined there with ';', so an item holding one cannot be
// told apart (steady-journal(5) says so).
inline bool csv_can_hold(const domain::Entry& entry)
{
    auto semicolon = [](const std::vector<std::string>& list) {
        return std::any_of(list.begin(), list.end(), [](const std::string& item) {
            return item.find(';') != std::string::npos;
        });
    };
    if (semicolon(entry.tags))
        return false;
    for (const auto& [name, value] : entry.values)
        if (const auto* list = std::get_if<std::vector<std::string>>(&value);
            list && semicolon(*list))
            return false;
    return true;
}

// The csv row of `entry`, under its kind's header, read back.
inline void csv_round_trip(const domain::Entry& entry, const std::string& json_text)
{
    std::stringstream file;
    app::write_csv_record(file, app::csv_columns(entry.kind));
    app::write_csv_record(file, app::csv_cells(entry));
    int count = 0;
    try {
        app::read_csv_entries(file, reader_time(), [&](std::int64_t, domain::Entry again) {
            ++count;
            if (exported(again) != json_text)
                broken("an entry's csv row reads back as another entry",
                       file.str() + "\nwas:   " + json_text + "\nreads: " + exported(again));
        });
    } catch (const DataError& e) {
        broken("an entry's csv row is refused", file.str() + "\n" + e.what());
    }
    if (count != 1)
        broken("an entry's csv row reads as another number of entries", file.str());
}

// `record` as the journal stores it: what the reader leaves to the journal
// (an id, a plan item's position: 0 when the file has none) given.
template <class T> T stored(T record)
{
    auto& id = [&]() -> std::int64_t& {
        if constexpr (std::is_same_v<T, app::ImportedPartner>)
            return record.partner.id;
        else
            return record.id;
    }();
    if (id == 0)
        id = 1;
    if constexpr (std::is_same_v<T, domain::PlanItem>)
        if (record.position == 0)
            record.position = 1;
    return record;
}

// The properties of one record read.
template <class T> void check_record(const T& read)
{
    auto record = stored(read);
    auto first = exported(record);
    auto again = exported(reread(record, first));
    if (again != first)
        broken("a record read, exported and read again, exports otherwise",
               "first:  " + first + "\nsecond: " + again);
    if constexpr (std::is_same_v<T, domain::Entry>)
        if (csv_can_hold(record))
            csv_round_trip(record, first);
}

} // namespace steady::fuzz
