#include "store/clocks.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "store/entries.hpp"

namespace steady::store {

using domain::Clock;
using timeutil::format_instant;

namespace {

constexpr const char* k_select_clocks =
    "SELECT id, uuid, name, started_at, tz, cost_per_day_cents, created, updated FROM clocks";

timeutil::Instant instant_of(const SQLite::Column& col)
{
    auto text = col.getString();
    auto at = timeutil::parse_stored_instant(text);
    if (!at)
        throw JournalError("the journal has a malformed time '" + text + "'; run 'steady doctor'");
    return *at;
}

std::optional<std::string> text_of(const SQLite::Column& col)
{
    return col.isNull() ? std::nullopt : std::optional<std::string>(col.getString());
}

Clock read_clock(SQLite::Statement& st)
{
    Clock clock;
    clock.id = st.getColumn(0).getInt64();
    clock.uuid = st.getColumn(1).getString();
    clock.name = st.getColumn(2).getString();
    clock.started_at = instant_of(st.getColumn(3));
    clock.tz = st.getColumn(4).getString();
    if (!st.getColumn(5).isNull())
        clock.cost_per_day_cents = st.getColumn(5).getInt64();
    clock.created = instant_of(st.getColumn(6));
    clock.updated = instant_of(st.getColumn(7));
    return clock;
}

} // namespace

void add_clock(Journal& journal, Clock& clock, timeutil::Instant now)
{
    if (auto existing = find_clock(journal, clock.name))
        throw DataError("a clock named '" + existing->name +
                        "' already exists (see 'steady clock'; 'steady clock reset " +
                        existing->name + "' restarts it)");
    if (clock.uuid.empty())
        clock.uuid = new_uuid();
    clock.created = now;
    clock.updated = now;
    SQLite::Statement st(journal.db(),
                         "INSERT INTO clocks (uuid, name, started_at, tz, cost_per_day_cents, "
                         "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, clock.uuid);
    st.bind(2, clock.name);
    st.bind(3, format_instant(clock.started_at));
    st.bind(4, clock.tz);
    if (clock.cost_per_day_cents)
        st.bind(5, *clock.cost_per_day_cents);
    else
        st.bind(5);
    st.bind(6, format_instant(now));
    st.bind(7, format_instant(now));
    st.exec();
    clock.id = journal.db().getLastInsertRowid();
    record_undo(journal, "add", "clocks", clock.id, "added clock '" + clock.name + "'", now);
}

std::optional<Clock> find_clock(Journal& journal, std::string_view name)
{
    SQLite::Statement st(journal.db(), std::string(k_select_clocks) + " WHERE name = ?");
    st.bind(1, std::string(name));
    if (!st.executeStep())
        return std::nullopt;
    return read_clock(st);
}

std::vector<Clock> list_clocks(Journal& journal)
{
    SQLite::Statement st(journal.db(), std::string(k_select_clocks) + " ORDER BY id");
    std::vector<Clock> clocks;
    while (st.executeStep())
        clocks.push_back(read_clock(st));
    return clocks;
}

std::vector<domain::Lapse> clock_lapses(Journal& journal, std::int64_t clock_id)
{
    SQLite::Statement st(journal.db(),
                         "SELECT id, at, day, what, note FROM entries WHERE kind = 'lapse' AND "
                         "clock_id = ? AND deleted IS NULL ORDER BY at, id");
    st.bind(1, clock_id);
    std::vector<domain::Lapse> lapses;
    while (st.executeStep()) {
        domain::Lapse lapse;
        lapse.id = st.getColumn(0).getInt64();
        lapse.at = instant_of(st.getColumn(1));
        auto day = timeutil::parse_stored_day(st.getColumn(2).getString());
        if (!day)
            throw JournalError("the journal has a malformed day in lapse #" +
                               std::to_string(lapse.id) + "; run 'steady doctor'");
        lapse.day = *day;
        lapse.what = text_of(st.getColumn(3));
        lapse.note = text_of(st.getColumn(4));
        lapses.push_back(std::move(lapse));
    }
    return lapses;
}

std::set<std::string> seen_milestones(Journal& journal, std::int64_t clock_id,
                                      timeutil::Instant run_start)
{
    SQLite::Statement st(journal.db(), "SELECT milestone FROM milestones_seen "
                                       "WHERE clock_id = ? AND run_start = ?");
    st.bind(1, clock_id);
    st.bind(2, format_instant(run_start));
    std::set<std::string> seen;
    while (st.executeStep())
        seen.insert(st.getColumn(0).getString());
    return seen;
}

void mark_milestone_seen(Journal& journal, std::int64_t clock_id, timeutil::Instant run_start,
                         std::string_view key, timeutil::Instant now)
{
    SQLite::Statement st(journal.db(),
                         "INSERT OR IGNORE INTO milestones_seen "
                         "(clock_id, run_start, milestone, seen_at) VALUES (?, ?, ?, ?)");
    st.bind(1, clock_id);
    st.bind(2, format_instant(run_start));
    st.bind(3, std::string(key));
    st.bind(4, format_instant(now));
    st.exec();
}

} // namespace steady::store
