#include "store/goals.hpp"

#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "store/entries.hpp"

namespace steady::store {

using domain::Goal;
using timeutil::format_day;
using timeutil::format_instant;

namespace {

constexpr const char* k_select_goals =
    "SELECT id, uuid, title, kind, target, per, total, due, tracks, status, created, updated "
    "FROM goals";

[[noreturn]] void malformed(const std::string& what, const std::string& text)
{
    throw JournalError("the journal has a goal with a malformed " + what + " '" + text +
                       "'; run 'steady doctor'");
}

template <class T, class Parse>
T parse_column(const SQLite::Column& col, Parse parse, const char* what)
{
    auto text = col.getString();
    auto value = parse(text);
    if (!value)
        malformed(what, text);
    return *value;
}

std::optional<std::int64_t> optional_int(const SQLite::Column& col)
{
    return col.isNull() ? std::nullopt : std::optional<std::int64_t>(col.getInt64());
}

Goal read_goal_row(SQLite::Statement& st)
{
    Goal goal;
    goal.id = st.getColumn(0).getInt64();
    goal.uuid = st.getColumn(1).getString();
    goal.title = st.getColumn(2).getString();
    goal.kind = parse_column<domain::GoalKind>(st.getColumn(3), domain::parse_goal_kind, "kind");
    goal.target = optional_int(st.getColumn(4));
    if (!st.getColumn(5).isNull())
        goal.per = parse_column<domain::GoalPer>(st.getColumn(5), domain::parse_goal_per, "per");
    goal.total = optional_int(st.getColumn(6));
    if (!st.getColumn(7).isNull())
        goal.due = parse_column<timeutil::Day>(st.getColumn(7), timeutil::parse_stored_day, "due");
    goal.tracks =
        parse_column<domain::GoalTracks>(st.getColumn(8), domain::parse_goal_tracks, "tracks");
    goal.status =
        parse_column<domain::GoalStatus>(st.getColumn(9), domain::parse_goal_status, "status");
    goal.created =
        parse_column<timeutil::Instant>(st.getColumn(10), timeutil::parse_stored_instant, "time");
    goal.updated =
        parse_column<timeutil::Instant>(st.getColumn(11), timeutil::parse_stored_instant, "time");
    return goal;
}

template <class T> void bind_optional(SQLite::Statement& st, int index, const std::optional<T>& v)
{
    if (v)
        st.bind(index, *v);
    else
        st.bind(index);
}

// "goal #7 'read recovery literature'", the title cut to 40 bytes at a
// character boundary.
std::string describe(const Goal& goal)
{
    std::string title = goal.title;
    if (title.size() > 40) {
        std::size_t cut = 40;
        while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80)
            --cut;
        title = title.substr(0, cut) + "…";
    }
    return "goal #" + std::to_string(goal.id) + " '" + title + "'";
}

} // namespace

void add_goal(Journal& journal, Goal& goal, timeutil::Instant now)
{
    if (goal.uuid.empty())
        goal.uuid = new_uuid();
    goal.created = now;
    goal.updated = now;
    SQLite::Statement st(journal.db(),
                         "INSERT INTO goals (uuid, title, kind, target, per, total, due, tracks, "
                         "status, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, goal.uuid);
    st.bind(2, goal.title);
    st.bind(3, std::string(domain::goal_kind_name(goal.kind)));
    bind_optional(st, 4, goal.target);
    if (goal.per)
        st.bind(5, std::string(domain::goal_per_name(*goal.per)));
    else
        st.bind(5);
    bind_optional(st, 6, goal.total);
    bind_optional(st, 7,
                  goal.due ? std::optional<std::string>(format_day(*goal.due)) : std::nullopt);
    st.bind(8, std::string(domain::goal_tracks_name(goal.tracks)));
    st.bind(9, std::string(domain::goal_status_name(goal.status)));
    st.bind(10, format_instant(now));
    st.bind(11, format_instant(now));
    st.exec();
    goal.id = journal.db().getLastInsertRowid();
    record_undo(journal, "add", "goals", goal.id, "added " + describe(goal), now);
}

std::optional<Goal> find_goal(Journal& journal, std::int64_t id)
{
    SQLite::Statement st(journal.db(), std::string(k_select_goals) + " WHERE id = ?");
    st.bind(1, id);
    if (!st.executeStep())
        return std::nullopt;
    return read_goal_row(st);
}

std::vector<Goal> list_goals(Journal& journal, GoalSelection selection)
{
    std::string sql = k_select_goals;
    if (selection == GoalSelection::active)
        sql += " WHERE status = 'active'";
    sql += " ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'done' THEN 1 ELSE 2 END, id";
    SQLite::Statement st(journal.db(), sql);
    std::vector<Goal> goals;
    while (st.executeStep())
        goals.push_back(read_goal_row(st));
    return goals;
}

GoalCounts count_goals(Journal& journal)
{
    SQLite::Statement st(journal.db(), "SELECT count(*) FILTER (WHERE status = 'active'), "
                                       "count(*) FILTER (WHERE status = 'done'), "
                                       "count(*) FILTER (WHERE status = 'archived') FROM goals");
    st.executeStep();
    return {st.getColumn(0).getInt64(), st.getColumn(1).getInt64(), st.getColumn(2).getInt64()};
}

void set_goal_status(Journal& journal, Goal& goal, domain::GoalStatus status, timeutil::Instant now)
{
    std::string what =
        status == domain::GoalStatus::archived
            ? "archived " + describe(goal)
            : "marked " + describe(goal) + " " + std::string(domain::goal_status_name(status));
    record_undo(journal, "edit", "goals", goal.id, what, now);
    SQLite::Statement st(journal.db(), "UPDATE goals SET status = ?, updated = ? WHERE id = ?");
    st.bind(1, std::string(domain::goal_status_name(status)));
    st.bind(2, format_instant(now));
    st.bind(3, goal.id);
    st.exec();
    goal.status = status;
    goal.updated = now;
}

std::int64_t goal_progress(Journal& journal, const Goal& goal, timeutil::Day from, timeutil::Day to)
{
    // One statement for every kind of tracking, so the plan is always the
    // entries_kind_day index range scan; `kind` comes from this switch.
    const char* kind = "goal_log";
    switch (goal.tracks) {
    case domain::GoalTracks::manual:
        kind = "goal_log";
        break;
    case domain::GoalTracks::checkins:
    case domain::GoalTracks::sober_days:
        kind = "checkin";
        break;
    case domain::GoalTracks::meetings:
        kind = "meeting";
        break;
    }
    SQLite::Statement st(journal.db(),
                         "SELECT coalesce(sum(coalesce(count, 1)), 0) FROM entries "
                         "WHERE kind = :kind AND deleted IS NULL AND day BETWEEN :from AND :to "
                         "AND (:goal IS NULL OR goal_id = :goal) AND (:sober = 0 OR sober = 1)");
    st.bind(":kind", kind);
    st.bind(":from", format_day(from));
    st.bind(":to", format_day(to));
    if (goal.tracks == domain::GoalTracks::manual)
        st.bind(":goal", goal.id);
    else
        st.bind(":goal");
    st.bind(":sober", goal.tracks == domain::GoalTracks::sober_days ? 1 : 0);
    st.executeStep();
    return st.getColumn(0).getInt64();
}

} // namespace steady::store
