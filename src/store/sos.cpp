#include "store/sos.hpp"

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>

#include "domain/json.hpp"
#include "domain/text.hpp"
#include "store/plan.hpp"

namespace steady::store {

using domain::StrategyTally;

namespace {

// Strategies merged ignoring case; a name keeps the spelling first added.
class StrategyMerge {
  public:
    void add(const StrategyTally& more)
    {
        auto key = domain::to_lower_utf8(more.name);
        auto found = std::find(m_keys.begin(), m_keys.end(), key);
        if (found == m_keys.end()) {
            m_keys.push_back(key);
            m_tallies.push_back(more);
            return;
        }
        auto& tally = m_tallies[static_cast<std::size_t>(found - m_keys.begin())];
        tally.used += more.used;
        tally.resisted += more.resisted;
        tally.strong += more.strong;
        tally.strong_resisted += more.strong_resisted;
    }
    std::vector<StrategyTally> take() { return std::move(m_tallies); }

  private:
    std::vector<std::string> m_keys;
    std::vector<StrategyTally> m_tallies;
};

// Counts the cravings of the days from `from` (inclusive) to `to`
// (exclusive), compared as text, into a StrategyMerge, in the order of their
// day and instant; one prepared statement for every stretch.
class CravingStrategyCounter {
  public:
    explicit CravingStrategyCounter(SQLite::Database& db)
        : m_st(db, "SELECT intensity, outcome, strategies FROM entries "
                   "WHERE kind = 'craving' AND deleted IS NULL AND day >= ? AND day < ? "
                   "AND outcome IS NOT NULL AND strategies IS NOT NULL ORDER BY day, at")
    {
    }

    void count(const std::string& from, const std::string& to, StrategyMerge& merge)
    {
        m_st.bind(1, from);
        m_st.bind(2, to);
        while (m_st.executeStep()) {
            bool strong = m_st.getColumn(0).getInt() >= 8;
            bool resisted = m_st.getColumn(1).getString() == "resisted";
            auto names = domain::parse_string_array(m_st.getColumn(2).getString());
            for (const auto& name : names ? *names : std::vector<std::string>{})
                merge.add({name, 1, resisted ? 1 : 0, strong ? 1 : 0, strong && resisted ? 1 : 0});
        }
        m_st.reset();
    }

  private:
    SQLite::Statement m_st;
};

// The month after `month` ("2026-12" -> "2027-01"); "" for text that is not a month.
std::string month_after(const std::string& month)
{
    auto day = timeutil::parse_stored_day(month + "-01");
    if (!day)
        return "";
    date::year_month_day ymd{*day};
    auto next = date::year_month{ymd.year(), ymd.month()} + date::months{1};
    return timeutil::format_day(timeutil::Day{next / 1}).substr(0, 7);
}

// The months whose rollup is built and not stale, oldest first ("2026-10").
std::vector<std::string> sos_built_months(SQLite::Database& db)
{
    SQLite::Statement st(db, "SELECT month FROM report_rollup WHERE dim = 'built' "
                             "AND month NOT IN (SELECT month FROM report_stale) ORDER BY month");
    std::vector<std::string> months;
    while (st.executeStep())
        months.push_back(st.getColumn(0).getString());
    return months;
}

} // namespace

std::vector<StrategyTally> strategy_tallies(Journal& journal)
{
    auto& db = journal.db();
    StrategyMerge merge;
    // Before version 3 there is no rollup: count every craving.
    std::vector<std::string> months;
    if (db.execAndGet("PRAGMA user_version").getInt() >= 3)
        months = sos_built_months(db);
    CravingStrategyCounter cravings(db);
    // Days compare as text: a month's days lie in ["2026-10-", "2026-10.").
    std::string day;
    std::string expected; // the month that follows the last one read
    if (!months.empty()) {
        // Every month's strategy rows in one pass, in month order (from the
        // index report_rollup_dim alone since version 7), walked beside the
        // built months; the rows of a stale month are passed over, its
        // cravings counted from the entries.
        SQLite::Statement rows(db, "SELECT month, key, a, b, c, d FROM report_rollup "
                                   "WHERE dim = 'strategy' ORDER BY month");
        std::string row_month; // the month of the row `rows` is on; "" past the last
        auto step = [&] { row_month = rows.executeStep() ? rows.getColumn(0).getString() : ""; };
        step();
        for (const auto& month : months) {
            if (month != expected)
                cravings.count(day, month + "-", merge);
            while (!row_month.empty() && row_month < month)
                step();
            while (row_month == month) {
                merge.add({rows.getColumn(1).getString(), rows.getColumn(2).getInt(),
                           rows.getColumn(3).getInt(), rows.getColumn(4).getInt(),
                           rows.getColumn(5).getInt()});
                step();
            }
            day = month + ".";
            expected = month_after(month);
        }
    }
    cravings.count(day, "\x7f", merge);
    return merge.take();
}

SosFigures read_sos(Journal& journal, std::optional<timeutil::Day> since)
{
    auto& db = journal.db();
    SosFigures figures;
    if (db.execAndGet("PRAGMA user_version").getInt() == 0)
        return figures; // an empty file: nothing written yet
    figures.strategies = strategy_tallies(journal);
    figures.plan = list_plan(journal);
    SQLite::Statement partners(db, "SELECT name, email FROM partners ORDER BY id");
    while (partners.executeStep())
        figures.partners.push_back(partners.getColumn(0).getString() + " <" +
                                   partners.getColumn(1).getString() + ">");
    if (!since)
        return figures;
    SQLite::Statement lapse(
        db, "SELECT EXISTS (SELECT 1 FROM entries WHERE deleted IS NULL AND day >= ? AND "
            "(kind = 'lapse' OR (kind = 'checkin' AND sober = 0) OR "
            "(kind = 'craving' AND outcome = 'used')))");
    lapse.bind(1, timeutil::format_day(*since));
    figures.recent_lapse = lapse.executeStep() && lapse.getColumn(0).getInt() != 0;
    return figures;
}

} // namespace steady::store
