#include "store/entries.hpp"

#include <random>

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "domain/json.hpp"
#include "domain/text.hpp"
#include "store/rows.hpp"

namespace steady::store {

using domain::Entry;
using timeutil::format_day;
using timeutil::format_instant;

namespace {

std::string describe(const Entry& entry)
{
    return std::string(domain::kind_name(entry.kind)) + " #" + std::to_string(entry.id) + " of " +
           format_day(entry.day);
}

void check_one_checkin_a_day(Journal& journal, const Entry& entry)
{
    if (entry.kind != domain::Kind::checkin)
        return;
    auto existing = find_checkin(journal, entry.day);
    if (existing && existing->id != entry.id) {
        throw DataError("already checked in for " + format_day(entry.day) + " (#" +
                        std::to_string(existing->id) + "); a day has one check-in: change #" +
                        std::to_string(existing->id) + " ('steady edit " +
                        std::to_string(existing->id) + "') or delete it first");
    }
}

bool row_exists(Journal& journal, const char* sql, std::int64_t id)
{
    SQLite::Statement st(journal.db(), sql);
    st.bind(1, id);
    return st.executeStep();
}

// A reference to a missing trigger, goal or clock is the user's mistake (65),
// caught here before the foreign key would fail with a raw SQLite message.
void check_references(Journal& journal, const Entry& entry)
{
    // A link an edit leaves as it was stays valid, even when its trigger was
    // deleted since: deleting a trigger must not lock its cravings.
    auto stored_trigger = [&]() -> std::optional<std::int64_t> {
        if (entry.id == 0)
            return std::nullopt;
        SQLite::Statement st(journal.db(), "SELECT trigger_id FROM entries WHERE id = ?");
        st.bind(1, entry.id);
        if (!st.executeStep() || st.getColumn(0).isNull())
            return std::nullopt;
        return st.getColumn(0).getInt64();
    };
    if (auto trigger = entry.get_int("trigger"); trigger && trigger != stored_trigger()) {
        auto target = find_entry(journal, *trigger);
        if (!target)
            throw DataError("no trigger #" + std::to_string(*trigger) +
                            " (see 'steady list --kind trigger')");
        if (target->kind != domain::Kind::trigger)
            throw DataError("#" + std::to_string(*trigger) + " is a " +
                            std::string(domain::kind_name(target->kind)) +
                            ", not a trigger (see 'steady list --kind trigger')");
    }
    if (auto goal = entry.get_int("goal_id");
        goal && !row_exists(journal, "SELECT 1 FROM goals WHERE id = ?", *goal))
        throw DataError("no goal #" + std::to_string(*goal) + " (see 'steady goal list')");
    if (auto clock = entry.get_int("clock_id");
        clock && !row_exists(journal, "SELECT 1 FROM clocks WHERE id = ?", *clock))
        throw DataError("no clock #" + std::to_string(*clock) + " (see 'steady clock')");
}

} // namespace

std::string new_uuid()
{
    static std::random_device device;
    std::uniform_int_distribution<unsigned> byte(0, 255);
    unsigned char b[16];
    for (auto& x : b)
        x = static_cast<unsigned char>(byte(device));
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += hex[b[i] >> 4];
        out += hex[b[i] & 0x0F];
    }
    return out;
}

namespace {

bool has_checkin(Journal& journal, timeutil::Day day)
{
    SQLite::Statement st(journal.db(), "SELECT 1 FROM entries WHERE kind = 'checkin' AND day = ? "
                                       "AND deleted IS NULL");
    st.bind(1, format_day(day));
    return st.executeStep();
}

// The first day of the unbroken run of check-ins that ends on `last` (which
// has one): a walk back through the days, one row each.
timeutil::Day run_start(Journal& journal, timeutil::Day last)
{
    SQLite::Statement st(journal.db(), "SELECT day FROM entries WHERE kind = 'checkin' AND "
                                       "deleted IS NULL AND day <= ? ORDER BY day DESC");
    st.bind(1, format_day(last));
    auto first = last;
    auto expected = last;
    while (st.executeStep()) {
        auto day = timeutil::parse_stored_day(st.getColumn(0).getText());
        if (!day || *day != expected)
            break;
        first = *day;
        expected = *day - date::days{1};
    }
    return first;
}

struct Run {
    timeutil::Day first;
    timeutil::Day last;
};

// The run kept in checkin_run (schema v2), if there is one.
std::optional<Run> kept_run(Journal& journal)
{
    SQLite::Statement st(journal.db(), "SELECT first_day, last_day FROM checkin_run");
    if (!st.executeStep())
        return std::nullopt;
    auto first = timeutil::parse_stored_day(st.getColumn(0).getText());
    auto last = timeutil::parse_stored_day(st.getColumn(1).getText());
    if (!first || !last)
        return std::nullopt;
    return Run{*first, *last};
}

// After a check-in is written: keeps the run ending on the newest check-in,
// the one today's streak is counted on. The triggers have already extended
// it by a day or dropped it; a check-in filled in on an earlier day leaves
// it as it is; otherwise it is worked out again (a walk back, once).
void keep_run(Journal& journal)
{
    SQLite::Statement newest(journal.db(), "SELECT max(day) FROM entries WHERE kind = 'checkin' "
                                           "AND deleted IS NULL");
    if (!newest.executeStep() || newest.getColumn(0).isNull())
        return;
    auto last = timeutil::parse_stored_day(newest.getColumn(0).getText());
    if (!last)
        return;
    if (auto run = kept_run(journal); run && run->last == *last)
        return;
    SQLite::Statement st(journal.db(), "INSERT OR REPLACE INTO checkin_run (id, first_day, "
                                       "last_day) VALUES (1, ?, ?)");
    st.bind(1, format_day(run_start(journal, *last)));
    st.bind(2, format_day(*last));
    st.exec();
}

} // namespace

void keep_checkin_run(Journal& journal, bool again)
{
    if (again)
        journal.db().exec("DELETE FROM checkin_run");
    keep_run(journal);
}

void add_entry(Journal& journal, Entry& entry, timeutil::Instant now)
{
    check_one_checkin_a_day(journal, entry);
    check_references(journal, entry);
    if (entry.uuid.empty())
        entry.uuid = new_uuid();
    entry.created = now;
    entry.updated = now;
    insert_entry_row(journal.db(), entry);
    entry.id = journal.db().getLastInsertRowid();
    if (entry.kind == domain::Kind::checkin)
        keep_checkin_run(journal, false);
    record_undo(journal, "add", "entries", entry.id, "added " + describe(entry), now);
}

void update_entry(Journal& journal, Entry& after, timeutil::Instant now)
{
    check_one_checkin_a_day(journal, after);
    check_references(journal, after);
    record_undo(journal, "edit", "entries", after.id, "edited " + describe(after), now);
    after.updated = now;
    update_entry_row(journal.db(), after);
    if (auto stored = find_entry(journal, after.id))
        after.deleted_targets = std::move(stored->deleted_targets);
}

void delete_entry(Journal& journal, const Entry& entry, timeutil::Instant now)
{
    record_undo(journal, "delete", "entries", entry.id, "deleted " + describe(entry), now);
    SQLite::Statement st(journal.db(), "UPDATE entries SET deleted = ? WHERE id = ?");
    st.bind(1, format_instant(now));
    st.bind(2, entry.id);
    st.exec();
}

std::optional<Entry> find_entry(Journal& journal, std::int64_t id)
{
    SQLite::Statement st(journal.db(), select_entries_sql() + " WHERE id = ? AND deleted IS NULL");
    st.bind(1, id);
    if (!st.executeStep())
        return std::nullopt;
    return read_entry_row(st);
}

std::optional<Entry> find_checkin(Journal& journal, timeutil::Day day)
{
    SQLite::Statement st(journal.db(),
                         select_entries_sql() +
                             " WHERE kind = 'checkin' AND day = ? AND deleted IS NULL");
    st.bind(1, format_day(day));
    if (!st.executeStep())
        return std::nullopt;
    return read_entry_row(st);
}

bool has_other_checkin(Journal& journal, std::int64_t id)
{
    SQLite::Statement st(journal.db(), "SELECT EXISTS (SELECT 1 FROM entries WHERE kind = "
                                       "'checkin' AND deleted IS NULL AND id <> ?)");
    st.bind(1, id);
    st.executeStep();
    return st.getColumn(0).getInt() != 0;
}

void for_each_entry(Journal& journal, const EntryFilter& filter,
                    const std::function<void(const Entry&)>& visit)
{
    std::string sql = select_entries_sql() + " WHERE deleted IS NULL";
    if (filter.kind)
        sql += " AND kind = :kind";
    if (filter.from)
        sql += " AND day >= :from";
    if (filter.to)
        sql += " AND day <= :to";
    if (filter.tag)
        sql += " AND EXISTS (SELECT 1 FROM json_each(entries.tags) "
               "WHERE steady_lower(value) = :tag)";
    if (filter.search)
        sql += " AND instr(steady_lower(coalesce(note, '') || ' ' || coalesce(gratitude, '') "
               "|| ' ' || coalesce(what, '') || ' ' || coalesce(category, '') || ' ' || "
               "coalesce(coped, '') || ' ' || coalesce(strategies, '') || ' ' || "
               "coalesce(name, '') || ' ' || coalesce(type, '') || ' ' || tags), :search) > 0";
    switch (filter.order) {
    case EntryOrder::newest_first:
        sql += " ORDER BY at DESC, id DESC";
        break;
    case EntryOrder::by_day:
        sql += " ORDER BY day, at, id";
        break;
    case EntryOrder::by_id:
        sql += " ORDER BY id";
        break;
    }
    if (filter.limit > 0)
        sql += " LIMIT :limit";
    SQLite::Statement st(journal.db(), sql);
    if (filter.kind)
        st.bind(":kind", std::string(domain::kind_name(*filter.kind)));
    if (filter.from)
        st.bind(":from", format_day(*filter.from));
    if (filter.to)
        st.bind(":to", format_day(*filter.to));
    if (filter.tag)
        st.bind(":tag", domain::to_lower_utf8(*filter.tag));
    if (filter.search)
        st.bind(":search", domain::to_lower_utf8(*filter.search));
    if (filter.limit > 0)
        st.bind(":limit", filter.limit);
    while (st.executeStep())
        visit(read_entry_row(st));
}

int checkin_streak(Journal& journal, timeutil::Day today)
{
    // Today not checked in yet: the streak runs to yesterday.
    auto last = has_checkin(journal, today) ? today : today - date::days{1};
    if (auto run = kept_run(journal); run && run->first <= last && last <= run->last)
        return static_cast<int>((last - run->first).count()) + 1;
    if (!has_checkin(journal, last))
        return 0;
    return static_cast<int>((last - run_start(journal, last)).count()) + 1;
}

std::optional<timeutil::Day> first_entry_day(Journal& journal)
{
    SQLite::Statement st(journal.db(), "SELECT min(day) FROM entries WHERE deleted IS NULL");
    if (!st.executeStep() || st.getColumn(0).isNull())
        return std::nullopt;
    return timeutil::parse_stored_day(st.getColumn(0).getString());
}

} // namespace steady::store
