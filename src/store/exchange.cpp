#include "store/exchange.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "base/error.hpp"
#include "store/clocks.hpp"
#include "store/entries.hpp"
#include "store/goals.hpp"
#include "store/partners.hpp"
#include "store/rows.hpp"
#include "store/shares.hpp"

namespace steady::store {

using domain::Clock;
using domain::Entry;
using domain::Goal;
using domain::Partner;
using domain::ShareRecord;
using timeutil::format_day;
using timeutil::format_instant;

namespace {

// Temporary tables of one import: the entries it added or replaced, as runs
// of ids `first`..`last` whose records have the indexes `idx`.. in the same
// order (an export imported into an empty journal is one run, so the table
// does not grow with the file); the other rows it added or replaced, with
// the index of their record; and the ids it gave records whose file id was
// taken or whose uuid was already stored under another id.
constexpr const char* k_import_tables = R"sql(
CREATE TEMP TABLE IF NOT EXISTS import_entries (
  first INTEGER PRIMARY KEY, last INTEGER NOT NULL, idx INTEGER NOT NULL
);
CREATE TEMP TABLE IF NOT EXISTS import_records (
  tbl TEXT NOT NULL, id INTEGER NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY (tbl, id)
) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS import_map (
  tbl TEXT NOT NULL, old INTEGER NOT NULL, new INTEGER NOT NULL, PRIMARY KEY (tbl, old)
) WITHOUT ROWID;
DELETE FROM import_entries; DELETE FROM import_records; DELETE FROM import_map;
)sql";

// The columns after id of each record table, in the order the binders bind.
constexpr const char* k_goal_columns =
    "uuid, title, kind, target, per, total, due, tracks, status, created, updated";
constexpr const char* k_clock_columns =
    "uuid, name, started_at, tz, cost_per_day_cents, created, updated";
constexpr const char* k_partner_columns =
    "uuid, name, email, scope, include_notes, cadence, alert_after, created, updated, "
    "pgp_fingerprint";
constexpr const char* k_share_columns =
    "partner_id, partner_name, at, what, period_from, period_to, format, sha256, delivered, "
    "encrypted";

template <class T> void bind_opt(SQLite::Statement& st, int index, const std::optional<T>& v)
{
    if (v)
        st.bind(index, *v);
    else
        st.bind(index);
}

void bind_opt_text(SQLite::Statement& st, int index, const std::optional<std::string>& v)
{
    bind_opt(st, index, v);
}

int bind_record(SQLite::Statement& st, const Goal& g, int i)
{
    st.bind(i++, g.uuid);
    st.bind(i++, g.title);
    st.bind(i++, std::string(domain::goal_kind_name(g.kind)));
    bind_opt(st, i++, g.target);
    bind_opt_text(st, i++,
                  g.per ? std::optional(std::string(domain::goal_per_name(*g.per))) : std::nullopt);
    bind_opt(st, i++, g.total);
    bind_opt_text(st, i++, g.due ? std::optional(format_day(*g.due)) : std::nullopt);
    st.bind(i++, std::string(domain::goal_tracks_name(g.tracks)));
    st.bind(i++, std::string(domain::goal_status_name(g.status)));
    st.bind(i++, format_instant(g.created));
    st.bind(i++, format_instant(g.updated));
    return i;
}

int bind_record(SQLite::Statement& st, const Clock& c, int i)
{
    st.bind(i++, c.uuid);
    st.bind(i++, c.name);
    st.bind(i++, format_instant(c.started_at));
    st.bind(i++, c.tz);
    bind_opt(st, i++, c.cost_per_day_cents);
    st.bind(i++, format_instant(c.created));
    st.bind(i++, format_instant(c.updated));
    return i;
}

int bind_record(SQLite::Statement& st, const Partner& p, int i)
{
    st.bind(i++, p.uuid);
    st.bind(i++, p.name);
    st.bind(i++, p.email);
    st.bind(i++, domain::format_scope(p.scope));
    st.bind(i++, p.scope.notes == domain::IncludeNotes::yes ? 1 : 0);
    bind_opt_text(st, i++,
                  p.cadence ? std::optional(std::string(domain::cadence_name(*p.cadence)))
                            : std::nullopt);
    bind_opt(st, i++, p.alert_after);
    st.bind(i++, format_instant(p.created));
    st.bind(i++, format_instant(p.updated));
    bind_opt(st, i++, p.pgp_fingerprint);
    return i;
}

int bind_record(SQLite::Statement& st, const ShareRecord& s, int i)
{
    bind_opt(st, i++, s.partner_id);
    st.bind(i++, s.partner_name);
    st.bind(i++, format_instant(s.at));
    st.bind(i++, s.what);
    bind_opt_text(st, i++, s.period ? std::optional(format_day(s.period->from)) : std::nullopt);
    bind_opt_text(st, i++, s.period ? std::optional(format_day(s.period->to)) : std::nullopt);
    st.bind(i++, s.format);
    st.bind(i++, s.sha256);
    st.bind(i++, s.delivered ? 1 : 0);
    st.bind(i++, s.encrypted ? 1 : 0);
    return i;
}

// Whether two records hold the same content; ids, created and updated aside.
bool same_record(const Goal& a, const Goal& b)
{
    return a.title == b.title && a.kind == b.kind && a.target == b.target && a.per == b.per &&
           a.total == b.total && a.due == b.due && a.tracks == b.tracks && a.status == b.status;
}

bool same_record(const Clock& a, const Clock& b)
{
    return a.name == b.name && a.started_at == b.started_at && a.tz == b.tz &&
           a.cost_per_day_cents == b.cost_per_day_cents;
}

bool same_record(const Partner& a, const Partner& b)
{
    return a.name == b.name && a.email == b.email && a.scope == b.scope && a.cadence == b.cadence &&
           a.alert_after == b.alert_after && a.pgp_fingerprint == b.pgp_fingerprint;
}

bool same_entry(const Entry& a, const Entry& b)
{
    return a.kind == b.kind && a.at == b.at && a.tz == b.tz && a.day == b.day && a.note == b.note &&
           a.tags == b.tags && a.values == b.values;
}

std::optional<Goal> stored_record(Journal& journal, std::int64_t id, const Goal*)
{
    return find_goal(journal, id);
}

template <class T> std::optional<T> find_by_id(std::vector<T> all, std::int64_t id)
{
    for (auto& record : all)
        if (record.id == id)
            return std::move(record);
    return std::nullopt;
}

std::optional<Clock> stored_record(Journal& journal, std::int64_t id, const Clock*)
{
    return find_by_id(list_clocks(journal), id);
}

std::optional<Partner> stored_record(Journal& journal, std::int64_t id, const Partner*)
{
    return find_by_id(list_partners(journal), id);
}

// A constraint the journal refused, in words: "there is already a
// check-in for 2026-11-20", "a clock named 'alcohol' is already in the
// journal".
std::string refusal(const SQLite::Exception& e)
{
    std::string what = e.what();
    if (what.find("entries.day") != std::string::npos)
        return "the journal already has a check-in for that day (one a day)";
    for (const char* table : {"clocks", "partners"})
        if (what.find(std::string(table) + ".name") != std::string::npos)
            return std::string("the journal already has a ") +
                   (table[0] == 'c' ? "clock" : "partner") + " of that name";
    return "the journal refused it (" + what + ")";
}

// The triggers that fire on each entry inserted (store/schema.cpp): the one
// that keeps the check-in run (version 2) and the one that marks the
// report's month stale for each trigger and craving (version 3). While a
// table has an insert trigger, SQLite keeps a statement journal for each
// single-row INSERT and copies into it every page the row changes, which
// cost an import more than the inserts themselves. An import drops them for
// its transaction, does their work in finish() in one statement each, and
// creates them again from the text the journal held, so that a rolled-back
// import (DDL is transactional in SQLite) and a committed one both leave
// them as they were.
constexpr std::array<const char*, 2> k_insert_triggers = {"checkin_run_on_insert",
                                                          "report_stale_on_insert"};

// The months report must count again after an import: those of the triggers
// and cravings it wrote, and those two days later (see k_v3 in schema.cpp).
// Each statement of finish() runs once for each run of ids ?1..?2.
constexpr const char* k_mark_stale = R"sql(
INSERT OR IGNORE INTO report_stale
  SELECT substr(day, 1, 7) FROM entries
  WHERE id BETWEEN ?1 AND ?2 AND kind IN ('trigger', 'craving')
  UNION
  SELECT substr(date(day, '-2 days'), 1, 7) FROM entries
  WHERE id BETWEEN ?1 AND ?2 AND kind IN ('trigger', 'craving')
)sql";

// Whether the import wrote a check-in (which may change the run).
constexpr const char* k_imported_checkins =
    "SELECT 1 FROM entries WHERE id BETWEEN ?1 AND ?2 AND kind = 'checkin' LIMIT 1";

} // namespace

struct ImportWriter::State {
    Journal& journal;
    Replace replace;
    RecordLabel label;
    SQLite::Statement entry_by_uuid;
    SQLite::Statement insert_entry;
    SQLite::Statement remember_entry;
    SQLite::Statement seen_entry;
    SQLite::Statement insert_map;
    SQLite::Statement lookup_map;
    bool renumbered = false;
    std::vector<std::string> dropped_triggers; // the text of each, to create it again

    State(Journal& j, Replace r, RecordLabel l)
        : journal(j), replace(r), label(std::move(l)),
          entry_by_uuid(j.db(), "SELECT id FROM entries WHERE uuid = ?"),
          insert_entry(j.db(), insert_entry_with_id_sql()),
          remember_entry(j.db(), "INSERT INTO import_entries (first, last, idx) VALUES (?, ?, ?)"),
          seen_entry(j.db(), "SELECT idx + (?1 - first) FROM (SELECT * FROM import_entries WHERE "
                             "first <= ?1 ORDER BY first DESC LIMIT 1) WHERE last >= ?1"),
          insert_map(j.db(), "INSERT OR REPLACE INTO import_map (tbl, old, new) VALUES (?, ?, ?)"),
          lookup_map(j.db(), "SELECT new FROM import_map WHERE tbl = ? AND old = ?")
    {
    }

    // The run of entries being added, not yet in import_entries.
    struct Run {
        std::int64_t first = 0, last = -1, idx = 0;
    } run;

    void remember(std::int64_t id, std::int64_t index)
    {
        if (run.last >= run.first && id == run.last + 1 && index == run.idx + (id - run.first)) {
            run.last = id;
            return;
        }
        flush_run();
        run = {id, id, index};
    }

    // Writes the pending run to import_entries, before it is read.
    void flush_run()
    {
        if (run.last < run.first)
            return;
        remember_entry.reset();
        remember_entry.bind(1, run.first);
        remember_entry.bind(2, run.last);
        remember_entry.bind(3, run.idx);
        remember_entry.exec();
        run = {};
    }

    // Each run of entries the import wrote, in id order.
    std::vector<std::pair<std::int64_t, std::int64_t>> runs()
    {
        flush_run();
        std::vector<std::pair<std::int64_t, std::int64_t>> all;
        SQLite::Statement st(journal.db(), "SELECT first, last FROM import_entries ORDER BY first");
        while (st.executeStep())
            all.emplace_back(st.getColumn(0).getInt64(), st.getColumn(1).getInt64());
        return all;
    }

    void map(const char* table, std::int64_t old_id, std::int64_t new_id)
    {
        if (old_id <= 0 || old_id == new_id)
            return;
        insert_map.reset();
        insert_map.bind(1, table);
        insert_map.bind(2, old_id);
        insert_map.bind(3, new_id);
        insert_map.exec();
        renumbered = true;
    }

    std::int64_t mapped(const char* table, std::int64_t id)
    {
        if (!renumbered)
            return id;
        lookup_map.reset();
        lookup_map.bind(1, table);
        lookup_map.bind(2, id);
        return lookup_map.executeStep() ? lookup_map.getColumn(0).getInt64() : id;
    }

    std::optional<std::int64_t> step_id(SQLite::Statement& st)
    {
        if (!st.executeStep())
            return std::nullopt;
        return st.getColumn(0).getInt64();
    }

    [[noreturn]] void conflict(std::int64_t index, std::optional<std::int64_t> seen,
                               const std::string& uuid, const std::string& stored)
    {
        if (seen)
            throw DataError(label(index) + " has the uuid " + uuid + " of " + label(*seen) +
                            " but other content");
        throw DataError(label(index) + " has the uuid " + uuid + " of " + stored +
                        " in the journal but other content; --update replaces it");
    }
};

void ready_for_import(Journal& journal)
{
    // Each insert fires the journal's triggers, so SQLite keeps a statement
    // journal for it: in memory, not in a temporary file written per insert.
    // SQLite decides that when a transaction begins.
    journal.db().exec("PRAGMA temp_store = MEMORY");
    // Room for the pages a large import changes, so that they are written
    // to the WAL about once, rather than spilled and written again.
    journal.db().exec("PRAGMA cache_size = -8192");
}

ImportWriter::ImportWriter(Journal& journal, Replace replace, RecordLabel label)
{
    journal.db().exec(k_import_tables);
    journal.db().exec("PRAGMA defer_foreign_keys = ON");
    m_state = std::make_unique<State>(journal, replace, std::move(label));
    for (const char* name : k_insert_triggers) {
        SQLite::Statement trigger(
            journal.db(), "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?");
        trigger.bind(1, name);
        if (!trigger.executeStep())
            continue;
        m_state->dropped_triggers.push_back(trigger.getColumn(0).getString());
        journal.db().exec(std::string("DROP TRIGGER ") + name);
    }
}

ImportWriter::~ImportWriter() = default;

namespace {

// The entry `id` with every value as stored, deleted or not.
Entry stored_entry(Journal& journal, std::int64_t id)
{
    SQLite::Statement st(journal.db(), select_entries_sql() + " WHERE id = ?");
    st.bind(1, id);
    st.executeStep();
    return read_entry_row(st);
}

} // namespace

Outcome ImportWriter::put(Entry& entry, std::int64_t index)
{
    // Inserting first and looking only when the journal refuses keeps the
    // common case (a record it does not have) to one statement.
    auto& s = *m_state;
    auto file_id = entry.id;
    for (bool keep_id = file_id > 0;; keep_id = false) {
        try {
            s.insert_entry.tryReset(); // reset() would throw the last failure again
            if (keep_id)
                s.insert_entry.bind(1, file_id);
            else
                s.insert_entry.bind(1);
            bind_entry_values(s.insert_entry, entry, 2);
            s.insert_entry.exec();
            break;
        } catch (const SQLite::Exception& e) {
            std::string_view what = e.what();
            if (keep_id && (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY ||
                            what.find("entries.id") != std::string_view::npos))
                continue; // the id is taken: the next free one
            // The uuid's index may not be the first a known record meets
            // (a check-in's day is another).
            s.entry_by_uuid.reset();
            s.entry_by_uuid.bind(1, entry.uuid);
            if (s.entry_by_uuid.executeStep())
                return put_stored(entry, file_id, index);
            throw DataError(s.label(index) + ": " + refusal(e));
        }
    }
    entry.id = s.journal.db().getLastInsertRowid();
    s.map("entries", file_id, entry.id);
    s.remember(entry.id, index);
    return Outcome::added;
}

Outcome ImportWriter::put_stored(Entry& entry, std::int64_t file_id, std::int64_t index)
{
    auto& s = *m_state;
    s.entry_by_uuid.reset();
    s.entry_by_uuid.bind(1, entry.uuid);
    auto existing = s.step_id(s.entry_by_uuid).value_or(0);
    auto stored = stored_entry(s.journal, existing);
    auto mine = entry;
    for (const char* ref : {"trigger", "goal_id", "clock_id"})
        if (auto id = mine.get_int(ref))
            mine.values[ref] = s.mapped(ref[0] == 't'   ? "entries"
                                        : ref[0] == 'g' ? "goals"
                                                        : "clocks",
                                        *id);
    s.map("entries", file_id, existing);
    if (same_entry(stored, mine))
        return Outcome::skipped;
    s.flush_run();
    s.seen_entry.reset();
    s.seen_entry.bind(1, existing);
    auto seen = s.step_id(s.seen_entry);
    if (seen || s.replace == Replace::no)
        s.conflict(index, seen, entry.uuid, "entry #" + std::to_string(existing));
    entry.id = existing;
    try {
        update_entry_row(s.journal.db(), entry);
    } catch (const SQLite::Exception& e) {
        throw DataError(s.label(index) + ": " + refusal(e));
    }
    s.remember(entry.id, index);
    return Outcome::updated;
}

namespace {

template <class T>
Outcome put_record(ImportWriter::State& s, T& record, std::int64_t index, const char* table,
                   const char* columns, const char* noun)
{
    auto& db = s.journal.db();
    SQLite::Statement by_uuid(db, std::string("SELECT id FROM ") + table + " WHERE uuid = ?");
    by_uuid.bind(1, record.uuid);
    auto existing = s.step_id(by_uuid);
    auto file_id = record.id;
    std::string values = "?";
    for (const char* c = columns; *c != 0; ++c)
        if (*c == ',')
            values += ", ?";
    Outcome outcome = Outcome::added;
    try {
        if (existing) {
            s.map(table, file_id, *existing);
            auto stored = stored_record(s.journal, *existing, static_cast<const T*>(nullptr));
            if (stored && same_record(*stored, record))
                return Outcome::skipped;
            SQLite::Statement seen(db, "SELECT idx FROM import_records WHERE tbl = ? AND id = ?");
            seen.bind(1, table);
            seen.bind(2, *existing);
            auto seen_index = s.step_id(seen);
            if (seen_index || s.replace == Replace::no)
                s.conflict(index, seen_index, record.uuid,
                           std::string(noun) + " #" + std::to_string(*existing));
            record.id = *existing;
            SQLite::Statement update(db, std::string("UPDATE ") + table + " SET (" + columns +
                                             ") = (" + values + ") WHERE id = ?");
            update.bind(bind_record(update, record, 1), record.id);
            update.exec();
            outcome = Outcome::updated;
        } else {
            SQLite::Statement taken(db, std::string("SELECT 1 FROM ") + table + " WHERE id = ?");
            taken.bind(1, file_id);
            SQLite::Statement insert(db, std::string("INSERT INTO ") + table + " (id, " + columns +
                                             ") VALUES (?, " + values + ")");
            if (file_id > 0 && !taken.executeStep())
                insert.bind(1, file_id);
            else
                insert.bind(1);
            bind_record(insert, record, 2);
            insert.exec();
            record.id = db.getLastInsertRowid();
            s.map(table, file_id, record.id);
        }
    } catch (const SQLite::Exception& e) {
        throw DataError(s.label(index) + ": " + refusal(e));
    }
    SQLite::Statement remember(db, "INSERT OR REPLACE INTO import_records VALUES (?, ?, ?)");
    remember.bind(1, table);
    remember.bind(2, record.id);
    remember.bind(3, index);
    remember.exec();
    return outcome;
}

} // namespace

Outcome ImportWriter::put(Goal& goal, std::int64_t index)
{
    return put_record(*m_state, goal, index, "goals", k_goal_columns, "goal");
}

Outcome ImportWriter::put(Clock& clock, std::int64_t index)
{
    return put_record(*m_state, clock, index, "clocks", k_clock_columns, "clock");
}

Outcome ImportWriter::put(Partner& partner, std::int64_t index, KeepKey keep)
{
    if (keep == KeepKey::yes && !partner.pgp_fingerprint) {
        SQLite::Statement stored(m_state->journal.db(),
                                 "SELECT pgp_fingerprint FROM partners WHERE uuid = ?");
        stored.bind(1, partner.uuid);
        if (stored.executeStep() && !stored.getColumn(0).isNull())
            partner.pgp_fingerprint = stored.getColumn(0).getString();
    }
    return put_record(*m_state, partner, index, "partners", k_partner_columns, "partner");
}

Outcome ImportWriter::put(ShareRecord& share, std::int64_t index)
{
    auto& s = *m_state;
    auto& db = s.journal.db();
    // Shares have no uuid: a record is already there when a stored share has
    // the same content, one stored share for each such record (a file may
    // hold the same share twice, logged within a second), so a share this
    // import added or matched is not matched again.
    SQLite::Statement same(db, "SELECT id FROM shares WHERE partner_name = ? AND at = ? AND "
                               "what = ? AND sha256 = ? AND id NOT IN (SELECT id FROM "
                               "import_records WHERE tbl IN ('shares', 'shares matched')) "
                               "ORDER BY id LIMIT 1");
    same.bind(1, share.partner_name);
    same.bind(2, format_instant(share.at));
    same.bind(3, share.what);
    same.bind(4, share.sha256);
    if (same.executeStep()) {
        SQLite::Statement matched(db, "INSERT INTO import_records VALUES ('shares matched', ?, ?)");
        matched.bind(1, same.getColumn(0).getInt64());
        matched.bind(2, index);
        matched.exec();
        return Outcome::skipped;
    }
    SQLite::Statement taken(db, "SELECT 1 FROM shares WHERE id = ?");
    taken.bind(1, share.id);
    SQLite::Statement insert(db, std::string("INSERT INTO shares (id, ") + k_share_columns +
                                     ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (share.id > 0 && !taken.executeStep())
        insert.bind(1, share.id);
    else
        insert.bind(1);
    bind_record(insert, share, 2);
    try {
        insert.exec();
    } catch (const SQLite::Exception& e) {
        throw DataError(s.label(index) + ": " + refusal(e));
    }
    share.id = db.getLastInsertRowid();
    SQLite::Statement remember(db, "INSERT OR REPLACE INTO import_records VALUES (?, ?, ?)");
    remember.bind(1, "shares");
    remember.bind(2, share.id);
    remember.bind(3, index);
    remember.exec();
    return Outcome::added;
}

Outcome ImportWriter::put(domain::PlanItem& item, std::int64_t index)
{
    auto& s = *m_state;
    auto& db = s.journal.db();
    const char* section = domain::plan_section_name(item.section);
    SQLite::Statement same(db, "SELECT 1 FROM plan WHERE section = ? AND text = ?");
    same.bind(1, section);
    same.bind(2, item.text);
    if (same.executeStep())
        return Outcome::skipped;
    SQLite::Statement taken(db, "SELECT 1 FROM plan WHERE id = ?");
    taken.bind(1, item.id);
    SQLite::Statement next(db, "SELECT coalesce(max(position), 0) + 1 FROM plan WHERE section = ?");
    next.bind(1, section);
    next.executeStep();
    item.position = next.getColumn(0).getInt();
    SQLite::Statement insert(db, "INSERT INTO plan (id, section, text, position, created, updated) "
                                 "VALUES (?, ?, ?, ?, ?, ?)");
    if (item.id > 0 && !taken.executeStep())
        insert.bind(1, item.id);
    else
        insert.bind(1);
    insert.bind(2, section);
    insert.bind(3, item.text);
    insert.bind(4, item.position);
    insert.bind(5, format_instant(item.created));
    insert.bind(6, format_instant(item.updated));
    try {
        insert.exec();
    } catch (const SQLite::Exception& e) {
        throw DataError(s.label(index) + ": " + refusal(e));
    }
    item.id = db.getLastInsertRowid();
    return Outcome::added;
}

namespace {

// Rewrites the references of the entries of one run ?1..?2 to the ids
// their targets were given.
constexpr const char* k_renumber_entries = R"sql(
UPDATE entries SET
  trigger_id = coalesce((SELECT new FROM import_map WHERE tbl = 'entries' AND old = trigger_id),
                        trigger_id),
  goal_id = coalesce((SELECT new FROM import_map WHERE tbl = 'goals' AND old = goal_id), goal_id),
  clock_id = coalesce((SELECT new FROM import_map WHERE tbl = 'clocks' AND old = clock_id),
                      clock_id)
WHERE id BETWEEN ?1 AND ?2
)sql";

constexpr const char* k_renumber_shares = R"sql(
UPDATE shares SET
  partner_id = coalesce((SELECT new FROM import_map WHERE tbl = 'partners' AND old = partner_id),
                        partner_id)
WHERE id IN (SELECT id FROM import_records WHERE tbl = 'shares');
)sql";

// A craving's trigger that is neither in the file nor in the journal (an
// export of cravings alone) is a link to an entry gone, as after a delete.
constexpr const char* k_unlink_triggers = R"sql(
UPDATE entries SET trigger_id = NULL
WHERE id BETWEEN ?1 AND ?2 AND trigger_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM entries AS t WHERE t.id = entries.trigger_id)
)sql";

// The first entry of the run ?1..?2 whose reference names nothing: its id
// and what it names.
constexpr const char* k_dangling_entry = R"sql(
SELECT id, CASE
  WHEN goal_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM goals WHERE id = e.goal_id)
    THEN 'goal ' || goal_id
  ELSE 'clock ' || clock_id END
FROM entries AS e
WHERE id BETWEEN ?1 AND ?2
  AND ((goal_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM goals WHERE id = e.goal_id))
    OR (clock_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM clocks WHERE id = e.clock_id)))
ORDER BY id LIMIT 1
)sql";

// The first imported share whose partner is neither in the file nor in the
// journal: its record's index and what it names.
constexpr const char* k_dangling_share = R"sql(
SELECT i.idx, 'partner ' || s.partner_id
FROM import_records AS i JOIN shares AS s ON i.tbl = 'shares' AND s.id = i.id
WHERE s.partner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM partners WHERE id = s.partner_id)
LIMIT 1
)sql";

// Runs `st` with the run's bounds.
void run_for(SQLite::Statement& st, std::int64_t first, std::int64_t last)
{
    st.reset();
    st.bind(1, first);
    st.bind(2, last);
    st.exec();
}

} // namespace

void ImportWriter::finish()
{
    auto& s = *m_state;
    auto& db = s.journal.db();
    auto runs = s.runs();
    SQLite::Statement renumber(db, k_renumber_entries);
    SQLite::Statement unlink(db, k_unlink_triggers);
    for (auto [first, last] : runs) {
        if (s.renumbered)
            run_for(renumber, first, last);
        run_for(unlink, first, last);
    }
    if (s.renumbered)
        db.exec(k_renumber_shares);
    auto refers = [&](std::int64_t index, const std::string& what) {
        return DataError(s.label(index) + " refers to " + what +
                         ", which is neither in the file nor in the journal");
    };
    SQLite::Statement dangling(db, k_dangling_entry);
    for (auto [first, last] : runs) {
        dangling.reset();
        dangling.bind(1, first);
        dangling.bind(2, last);
        if (!dangling.executeStep())
            continue;
        s.seen_entry.reset();
        s.seen_entry.bind(1, dangling.getColumn(0).getInt64());
        throw refers(s.step_id(s.seen_entry).value_or(0), dangling.getColumn(1).getString());
    }
    SQLite::Statement dangling_share(db, k_dangling_share);
    if (dangling_share.executeStep())
        throw refers(dangling_share.getColumn(0).getInt64(),
                     dangling_share.getColumn(1).getString());
    if (s.dropped_triggers.empty())
        return;
    // What the dropped triggers would have done, for all the rows at once.
    SQLite::Statement mark_stale(db, k_mark_stale);
    SQLite::Statement checkins(db, k_imported_checkins);
    bool run_changed = false;
    for (auto [first, last] : runs) {
        run_for(mark_stale, first, last);
        checkins.reset();
        checkins.bind(1, first);
        checkins.bind(2, last);
        run_changed = run_changed || checkins.executeStep();
    }
    for (const auto& sql : s.dropped_triggers)
        db.exec(sql);
    s.dropped_triggers.clear();
    if (run_changed)
        keep_checkin_run(s.journal, true);
}

void for_each_goal(Journal& journal, const std::function<void(const Goal&)>& visit)
{
    auto goals = list_goals(journal, GoalSelection::all);
    std::sort(goals.begin(), goals.end(), [](auto& a, auto& b) { return a.id < b.id; });
    for (const auto& goal : goals)
        visit(goal);
}

void for_each_clock(Journal& journal, const std::function<void(const Clock&)>& visit)
{
    for (const auto& clock : list_clocks(journal))
        visit(clock);
}

void for_each_partner(Journal& journal, const std::function<void(const Partner&)>& visit)
{
    for (const auto& partner : list_partners(journal))
        visit(partner);
}

void for_each_share(Journal& journal, const std::function<void(const ShareRecord&)>& visit)
{
    auto shares = share_history(journal, std::nullopt);
    std::sort(shares.begin(), shares.end(), [](auto& a, auto& b) { return a.id < b.id; });
    for (const auto& share : shares)
        visit(share);
}

} // namespace steady::store
