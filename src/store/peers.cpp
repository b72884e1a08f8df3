#include "store/peers.hpp"

#include <algorithm>
#include <string_view>

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::store {

using domain::ImportOutcome;
using domain::PeerSummary;

namespace {

template <typename T> void bind_peer_optional(SQLite::Statement& st, int index, std::optional<T> v)
{
    if (v)
        st.bind(index, *v);
    else
        st.bind(index);
}

// The summary kept for the mentee and period of `summary`: id, sha256 and
// when it was made are all import_outcome needs.
std::optional<PeerSummary> kept_peer_summary(Journal& journal, const PeerSummary& summary)
{
    SQLite::Statement st(journal.db(),
                         "SELECT id, sha256, generated_at FROM peer_summaries "
                         "WHERE mentee_key = ? AND period_from = ? AND period_to = ?");
    st.bind(1, domain::to_lower_utf8(summary.mentee));
    st.bind(2, timeutil::format_day(summary.period.from));
    st.bind(3, timeutil::format_day(summary.period.to));
    if (!st.executeStep())
        return std::nullopt;
    PeerSummary kept;
    kept.id = st.getColumn(0).getInt64();
    kept.sha256 = st.getColumn(1).getString();
    auto at = timeutil::parse_stored_instant(st.getColumn(2).getString());
    if (!at)
        throw JournalError("a kept summary has a malformed time; run 'steady doctor'");
    kept.generated_at = *at;
    return kept;
}

void insert_peer_children(Journal& journal, const PeerSummary& summary)
{
    SQLite::Statement missed(journal.db(),
                             "INSERT OR IGNORE INTO peer_missed (summary_id, day) VALUES (?, ?)");
    for (auto day : summary.missed) {
        missed.bind(1, summary.id);
        missed.bind(2, timeutil::format_day(day));
        missed.exec();
        missed.reset();
    }
    SQLite::Statement clocks(journal.db(),
                             "INSERT INTO peer_clocks (summary_id, position, name, run_minutes, "
                             "lapses, last_lapse) VALUES (?, ?, ?, ?, ?, ?)");
    int position = 0;
    for (const auto& clock : summary.clocks) {
        clocks.bind(1, summary.id);
        clocks.bind(2, position++);
        clocks.bind(3, clock.name);
        clocks.bind(4, clock.run_minutes);
        clocks.bind(5, clock.lapses);
        bind_peer_optional(clocks, 6,
                           clock.last_lapse ? std::optional(timeutil::format_day(*clock.last_lapse))
                                            : std::nullopt);
        clocks.exec();
        clocks.reset();
    }
}

void insert_peer_summary(Journal& journal, PeerSummary& summary, timeutil::Instant imported_at)
{
    SQLite::Statement st(
        journal.db(),
        "INSERT INTO peer_summaries (mentee, mentee_key, mentor, period_from, period_to, "
        "generated_at, imported_at, checkins_done, checkins_days, current_streak, mood_average, "
        "mood_change, craving_average, craving_change, has_clocks, sha256, summary) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, summary.mentee);
    st.bind(2, domain::to_lower_utf8(summary.mentee));
    bind_peer_optional(st, 3, summary.mentor);
    st.bind(4, timeutil::format_day(summary.period.from));
    st.bind(5, timeutil::format_day(summary.period.to));
    st.bind(6, timeutil::format_instant(summary.generated_at));
    st.bind(7, timeutil::format_instant(imported_at));
    bind_peer_optional(st, 8, summary.checkins_done);
    bind_peer_optional(st, 9, summary.checkins_days);
    bind_peer_optional(st, 10, summary.current_streak);
    bind_peer_optional(st, 11, summary.mood_average);
    bind_peer_optional(st, 12, summary.mood_change);
    bind_peer_optional(st, 13, summary.craving_average);
    bind_peer_optional(st, 14, summary.craving_change);
    st.bind(15, summary.has_clocks ? 1 : 0);
    st.bind(16, summary.sha256);
    st.bind(17, summary.json);
    st.exec();
    summary.id = journal.db().getLastInsertRowid();
    insert_peer_children(journal, summary);
}

timeutil::Day peer_stored_day(const SQLite::Column& column)
{
    std::string_view text = column.getText();
    auto day = timeutil::parse_stored_day(text);
    if (!day)
        throw JournalError("a kept summary has a malformed day '" + std::string(text) +
                           "'; run 'steady doctor'");
    return *day;
}

std::optional<int> peer_int(const SQLite::Column& column)
{
    return column.isNull() ? std::nullopt : std::optional(column.getInt());
}

std::optional<double> peer_real(const SQLite::Column& column)
{
    return column.isNull() ? std::nullopt : std::optional(column.getDouble());
}

// A row of the summaries query of peer_summaries.
PeerSummary read_peer_row(SQLite::Statement& st)
{
    PeerSummary s;
    s.id = st.getColumn(0).getInt64();
    s.mentee = st.getColumn(1).getString();
    s.period = {peer_stored_day(st.getColumn(2)), peer_stored_day(st.getColumn(3)), false};
    auto at = timeutil::parse_stored_instant(st.getColumn(4).getText());
    if (!at)
        throw JournalError("a kept summary has a malformed time; run 'steady doctor'");
    s.generated_at = *at;
    s.checkins_done = peer_int(st.getColumn(5));
    s.checkins_days = peer_int(st.getColumn(6));
    s.current_streak = peer_int(st.getColumn(7));
    s.mood_average = peer_real(st.getColumn(8));
    s.mood_change = peer_real(st.getColumn(9));
    s.craving_average = peer_real(st.getColumn(10));
    s.craving_change = peer_real(st.getColumn(11));
    s.has_clocks = st.getColumn(12).getInt() != 0;
    return s;
}

// The summary of `summaries` (in order of id) with id `id`, or nullptr.
PeerSummary* peer_by_id(std::vector<PeerSummary>& summaries, std::int64_t id)
{
    auto it = std::lower_bound(summaries.begin(), summaries.end(), id,
                               [](const PeerSummary& s, std::int64_t key) { return s.id < key; });
    return it != summaries.end() && it->id == id ? &*it : nullptr;
}

// Fills in the missed days and clocks of `summaries`, which are in order of id.
void read_peer_children(Journal& journal, std::vector<PeerSummary>& summaries)
{
    SQLite::Statement missed(journal.db(), "SELECT summary_id, day FROM peer_missed "
                                           "ORDER BY summary_id, day");
    PeerSummary* owner = nullptr;
    while (missed.executeStep()) {
        auto id = missed.getColumn(0).getInt64();
        if (!owner || owner->id != id)
            owner = peer_by_id(summaries, id);
        if (owner)
            owner->missed.push_back(peer_stored_day(missed.getColumn(1)));
    }
    SQLite::Statement clocks(journal.db(),
                             "SELECT summary_id, name, run_minutes, lapses, last_lapse "
                             "FROM peer_clocks ORDER BY summary_id, position");
    owner = nullptr;
    while (clocks.executeStep()) {
        auto id = clocks.getColumn(0).getInt64();
        if (!owner || owner->id != id)
            owner = peer_by_id(summaries, id);
        if (!owner)
            continue;
        domain::PeerClock clock{clocks.getColumn(1).getString(), clocks.getColumn(2).getInt64(),
                                clocks.getColumn(3).getInt(), std::nullopt};
        if (!clocks.getColumn(4).isNull())
            clock.last_lapse = peer_stored_day(clocks.getColumn(4));
        owner->clocks.push_back(std::move(clock));
    }
}

} // namespace

ImportOutcome save_peer_summary(Journal& journal, PeerSummary& summary,
                                timeutil::Instant imported_at)
{
    auto kept = kept_peer_summary(journal, summary);
    auto outcome = domain::import_outcome(kept, summary);
    if (outcome == ImportOutcome::replaced) {
        SQLite::Statement remove(journal.db(), "DELETE FROM peer_summaries WHERE id = ?");
        remove.bind(1, kept->id);
        remove.exec();
    }
    if (outcome == ImportOutcome::added || outcome == ImportOutcome::replaced)
        insert_peer_summary(journal, summary, imported_at);
    else
        summary.id = kept->id;
    return outcome;
}

std::vector<PeerSummary> peer_summaries(Journal& journal)
{
    SQLite::Statement st(journal.db(),
                         "SELECT id, mentee, period_from, period_to, generated_at, "
                         "checkins_done, checkins_days, current_streak, mood_average, "
                         "mood_change, craving_average, craving_change, has_clocks "
                         "FROM peer_summaries ORDER BY id");
    std::vector<PeerSummary> summaries;
    while (st.executeStep())
        summaries.push_back(read_peer_row(st));
    read_peer_children(journal, summaries);
    return summaries;
}

} // namespace steady::store
