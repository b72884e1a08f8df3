#include "store/report.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "domain/json.hpp"
#include "domain/text.hpp"

namespace steady::store {

using domain::MomentFigures;
using timeutil::Day;

namespace {

void bind_days(SQLite::Statement& st, Day from, Day to)
{
    st.bind(1, timeutil::format_day(from));
    st.bind(2, timeutil::format_day(to));
}

Day stored_day(const SQLite::Column& column)
{
    auto text = column.getString();
    auto day = timeutil::parse_stored_day(text);
    if (!day)
        throw JournalError("the journal has a malformed day '" + text + "'; run 'steady doctor'");
    return *day;
}

template <class T> std::optional<T> optional_column(const SQLite::Column& column)
{
    if (column.isNull())
        return std::nullopt;
    if constexpr (std::is_same_v<T, double>)
        return column.getDouble();
    else
        return static_cast<T>(column.getInt64());
}

void count_previous(Journal& journal, domain::Report& report)
{
    SQLite::Statement st(journal.db(),
                         "SELECT avg(mood), avg(craving) FROM entries "
                         "WHERE kind = 'checkin' AND deleted IS NULL AND day BETWEEN ? AND ?");
    auto length = date::days{report.days_counted};
    bind_days(st, report.first - length, report.first - date::days{1});
    if (st.executeStep()) {
        report.previous_mood = optional_column<double>(st.getColumn(0));
        report.previous_craving = optional_column<double>(st.getColumn(1));
    }
}

void count_meetings(Journal& journal, domain::Report& report)
{
    SQLite::Statement st(journal.db(),
                         "SELECT day, coalesce(type, '') FROM entries "
                         "WHERE kind = 'meeting' AND deleted IS NULL AND day BETWEEN ? AND ? "
                         "ORDER BY day");
    bind_days(st, report.first, report.last);
    while (st.executeStep()) {
        auto day = stored_day(st.getColumn(0));
        ++report.meetings;
        ++report.meetings_by_type[st.getColumn(1).getString()];
        if (report.meeting_days.empty() || report.meeting_days.back() != day)
            report.meeting_days.push_back(day);
    }
}

// Where and when one trigger or craving happened: its instant, its local
// hour and the weekday of its day (0 = Sunday).
struct Moment {
    timeutil::Instant at{};
    int hour = 0;
    int weekday = 0;
};

// Reads columns 0..2 (at, tz, day) of the current row; the zone of the last
// row is kept, as most rows share one.
class MomentReader {
  public:
    explicit MomentReader(const timeutil::Zone& fallback) : m_fallback(fallback) {}

    Moment read(SQLite::Statement& st)
    {
        Moment moment;
        const char* at = st.getColumn(0).getText();
        auto instant = timeutil::parse_stored_instant(at);
        if (!instant)
            throw JournalError(std::string("the journal has a malformed time '") + at +
                               "'; run 'steady doctor'");
        moment.at = *instant;
        const char* tz = st.getColumn(1).getText();
        if (!m_zone || m_tz != tz) {
            m_tz = tz;
            const auto* zone = timeutil::Zone::find(m_tz);
            m_zone = zone ? zone : &m_fallback;
        }
        auto local = m_zone->to_local(moment.at);
        auto since_midnight = local - date::floor<date::days>(local);
        moment.hour = static_cast<int>(
            std::chrono::duration_cast<std::chrono::hours>(since_midnight).count());
        moment.weekday = static_cast<int>(date::weekday{stored_day(st.getColumn(2))}.c_encoding());
        return moment;
    }

  private:
    const timeutil::Zone& m_fallback;
    const timeutil::Zone* m_zone = nullptr;
    std::string m_tz;
};

// Adds the craving in the current row of `st` (at, tz, day, intensity,
// duration, outcome, strategies) to `m`.
void add_craving(MomentFigures& m, const Moment& when, SQLite::Statement& st,
                 std::vector<std::string>& strategy_keys)
{
    ++m.cravings;
    auto intensity = st.getColumn(3).getInt();
    m.craving_intensity.add(intensity);
    if (!st.getColumn(4).isNull())
        m.craving_minutes.add(st.getColumn(4).getInt());
    std::string outcome = st.getColumn(5).isNull() ? "" : st.getColumn(5).getString();
    bool resisted = outcome == "resisted";
    m.resisted += resisted ? 1 : 0;
    m.used += outcome == "used" ? 1 : 0;
    m.cravings_by_slot[static_cast<std::size_t>(when.weekday)]
                      [static_cast<std::size_t>(domain::day_part(when.hour))] += 1;
    // A strategy's record counts only cravings whose end is known.
    if (st.getColumn(6).isNull() || outcome.empty())
        return;
    auto names = domain::parse_string_array(st.getColumn(6).getString());
    for (const auto& name : names ? *names : std::vector<std::string>{}) {
        auto key = domain::to_lower_utf8(name);
        auto found = std::find(strategy_keys.begin(), strategy_keys.end(), key);
        auto index = static_cast<std::size_t>(found - strategy_keys.begin());
        if (found == strategy_keys.end()) {
            strategy_keys.push_back(key);
            m.strategies.push_back({name, 0, 0, 0, 0});
        }
        auto& tally = m.strategies[index];
        ++tally.used;
        tally.resisted += resisted ? 1 : 0;
        if (intensity >= 8) {
            ++tally.strong;
            tally.strong_resisted += resisted ? 1 : 0;
        }
    }
}

void add_trigger(MomentFigures& m, const Moment& when, SQLite::Statement& st, bool followed)
{
    ++m.triggers;
    auto& tally = m.by_category[st.getColumn(3).isNull() ? "" : st.getColumn(3).getString()];
    ++tally.count;
    tally.followed += followed ? 1 : 0;
    if (!st.getColumn(4).isNull())
        m.trigger_intensity.add(st.getColumn(4).getInt());
    ++m.triggers_by_weekday[static_cast<std::size_t>(when.weekday)];
    ++m.triggers_by_hour[static_cast<std::size_t>(when.hour)];
}

// The triggers and cravings of the days `from`..`to`, counted from the
// entries. Both streams come in the order of their day and instant and are
// walked side by side, so each trigger sees the first craving after it; the
// cravings of the two days after `to` are read for that alone, not counted
// (two: an hour later in another zone can be two days on).
MomentFigures scan_moments(SQLite::Database& db, Day from, Day to)
{
    SQLite::Statement triggers(db, "SELECT at, tz, day, category, intensity FROM entries "
                                   "WHERE kind = 'trigger' AND deleted IS NULL "
                                   "AND day BETWEEN ? AND ? ORDER BY day, at");
    SQLite::Statement cravings(db, "SELECT at, tz, day, intensity, duration, outcome, strategies "
                                   "FROM entries WHERE kind = 'craving' AND deleted IS NULL "
                                   "AND day BETWEEN ? AND ? ORDER BY day, at");
    bind_days(triggers, from, to);
    bind_days(cravings, from, to + date::days{2});
    auto last_counted = timeutil::format_day(to);
    MomentReader trigger_reader(timeutil::Zone::utc()), craving_reader(timeutil::Zone::utc());
    std::vector<std::string> strategy_keys;
    MomentFigures m;
    std::optional<Moment> craving;
    auto next_craving = [&] {
        craving.reset();
        if (!cravings.executeStep())
            return;
        craving = craving_reader.read(cravings);
        if (cravings.getColumn(2).getString() <= last_counted)
            add_craving(m, *craving, cravings, strategy_keys);
    };
    next_craving();
    while (triggers.executeStep()) {
        auto trigger = trigger_reader.read(triggers);
        while (craving && craving->at <= trigger.at)
            next_craving();
        bool followed = craving && craving->at - trigger.at <= std::chrono::hours{2};
        add_trigger(m, trigger, triggers, followed);
    }
    while (craving)
        next_craving();
    return m;
}

using Month = date::year_month;

Day first_day(Month month)
{
    return Day{month / 1};
}

Day last_day(Month month)
{
    return Day{month / date::last};
}

std::string month_key(Month month)
{
    return timeutil::format_day(first_day(month)).substr(0, 7);
}

// One row of report_rollup: (month, dim, key, a, b, c, d).
void put_row(SQLite::Statement& insert, const std::string& dim, const std::string& key,
             std::int64_t a, std::int64_t b = 0, std::int64_t c = 0, std::int64_t d = 0)
{
    insert.bind(2, dim);
    insert.bind(3, key);
    insert.bind(4, a);
    insert.bind(5, b);
    insert.bind(6, c);
    insert.bind(7, d);
    insert.exec();
    insert.reset();
}

void put_stats(SQLite::Statement& insert, const std::string& dim, const domain::Stats& stats)
{
    if (stats.count > 0)
        put_row(insert, dim, "", stats.count, std::llround(stats.sum), std::llround(stats.min),
                std::llround(stats.max));
}

// Writes `m` as the rollup rows of `month`, with the row that says it is built.
void write_rollup(SQLite::Database& db, Month month, const MomentFigures& m)
{
    SQLite::Statement insert(db, "INSERT INTO report_rollup (month, dim, key, a, b, c, d) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, month_key(month));
    put_row(insert, "built", "", 1);
    for (const auto& [name, tally] : m.by_category)
        put_row(insert, "category", name, tally.count, tally.followed);
    for (std::size_t i = 0; i < 7; ++i)
        if (m.triggers_by_weekday[i] > 0)
            put_row(insert, "trigger_weekday", std::to_string(i), m.triggers_by_weekday[i]);
    for (std::size_t i = 0; i < 24; ++i)
        if (m.triggers_by_hour[i] > 0)
            put_row(insert, "trigger_hour", std::to_string(i), m.triggers_by_hour[i]);
    put_stats(insert, "trigger_intensity", m.trigger_intensity);
    put_row(insert, "cravings", "", m.cravings, m.resisted, m.used);
    put_stats(insert, "craving_intensity", m.craving_intensity);
    put_stats(insert, "craving_minutes", m.craving_minutes);
    for (const auto& s : m.strategies)
        put_row(insert, "strategy", s.name, s.used, s.resisted, s.strong, s.strong_resisted);
    for (std::size_t day = 0; day < 7; ++day)
        for (std::size_t part = 0; part < domain::k_day_parts; ++part)
            if (int n = m.cravings_by_slot[day][part]; n > 0)
                put_row(insert, "craving_slot", std::to_string(day * domain::k_day_parts + part),
                        n);
}

domain::Stats stats_row(SQLite::Statement& st)
{
    domain::Stats stats;
    stats.count = st.getColumn(3).getInt();
    stats.sum = static_cast<double>(st.getColumn(4).getInt64());
    stats.min = static_cast<double>(st.getColumn(5).getInt64());
    stats.max = static_cast<double>(st.getColumn(6).getInt64());
    return stats;
}

// Adds the current row of `st` (month, dim, key, a, b, c, d) to `m`.
void read_rollup_row(SQLite::Statement& st, MomentFigures& m)
{
    auto dim = st.getColumn(1).getString();
    auto key = st.getColumn(2).getString();
    auto a = st.getColumn(3).getInt();
    auto b = st.getColumn(4).getInt();
    auto index = [&] { return static_cast<std::size_t>(std::stoi(key)); };
    if (dim == "category") {
        m.by_category[key].count += a;
        m.by_category[key].followed += b;
        m.triggers += a;
    } else if (dim == "trigger_weekday") {
        m.triggers_by_weekday.at(index()) += a;
    } else if (dim == "trigger_hour") {
        m.triggers_by_hour.at(index()) += a;
    } else if (dim == "trigger_intensity") {
        domain::add_stats(m.trigger_intensity, stats_row(st));
    } else if (dim == "cravings") {
        m.cravings += a;
        m.resisted += b;
        m.used += st.getColumn(5).getInt();
    } else if (dim == "craving_intensity") {
        domain::add_stats(m.craving_intensity, stats_row(st));
    } else if (dim == "craving_minutes") {
        domain::add_stats(m.craving_minutes, stats_row(st));
    } else if (dim == "strategy") {
        MomentFigures one;
        one.strategies.push_back({key, a, b, st.getColumn(5).getInt(), st.getColumn(6).getInt()});
        domain::add_figures(m, one);
    } else if (dim == "craving_slot") {
        auto slot = index();
        m.cravings_by_slot.at(slot / domain::k_day_parts).at(slot % domain::k_day_parts) += a;
    }
}

// The months of `first`..`last` (whole months only) whose rollup is built and
// not stale.
std::vector<std::string> built_months(SQLite::Database& db, Day first, Day last)
{
    SQLite::Statement st(db, "SELECT month FROM report_rollup WHERE dim = 'built' "
                             "AND month BETWEEN ? AND ? "
                             "AND month NOT IN (SELECT month FROM report_stale) ORDER BY month");
    st.bind(1, timeutil::format_day(first).substr(0, 7));
    st.bind(2, timeutil::format_day(last).substr(0, 7));
    std::vector<std::string> months;
    while (st.executeStep()) {
        auto month = st.getColumn(0).getString();
        auto day = timeutil::parse_stored_day(month + "-01");
        if (!day)
            continue;
        Month ym{date::year_month_day{*day}.year(), date::year_month_day{*day}.month()};
        if (first_day(ym) >= first && last_day(ym) <= last)
            months.push_back(month);
    }
    return months;
}

// The figures of `first`..`last`: built months from their rollup, every
// other day from the entries.
MomentFigures count_moments(SQLite::Database& db, Day first, Day last)
{
    auto months = built_months(db, first, last);
    MomentFigures m;
    SQLite::Statement rows(db, "SELECT month, dim, key, a, b, c, d FROM report_rollup "
                               "WHERE month = ?");
    auto day = first;
    for (const auto& month : months) {
        auto start = *timeutil::parse_stored_day(month + "-01");
        if (day < start)
            domain::add_figures(m, scan_moments(db, day, start - date::days{1}));
        rows.bind(1, month);
        while (rows.executeStep())
            read_rollup_row(rows, m);
        rows.reset();
        Month ym{date::year_month_day{start}.year(), date::year_month_day{start}.month()};
        day = last_day(ym) + date::days{1};
    }
    if (day <= last)
        domain::add_figures(m, scan_moments(db, day, last));
    return m;
}

} // namespace

std::vector<domain::CheckinDay> checkin_days(Journal& journal, Day from, Day to)
{
    SQLite::Statement st(journal.db(),
                         "SELECT day, mood, craving, sober, energy, sleep FROM entries "
                         "WHERE kind = 'checkin' AND deleted IS NULL AND day BETWEEN ? AND ? "
                         "ORDER BY day");
    bind_days(st, from, to);
    std::vector<domain::CheckinDay> days;
    while (st.executeStep()) {
        domain::CheckinDay day;
        day.day = stored_day(st.getColumn(0));
        day.mood = st.getColumn(1).getInt();
        day.craving = optional_column<int>(st.getColumn(2));
        day.sober = optional_column<bool>(st.getColumn(3));
        day.energy = optional_column<int>(st.getColumn(4));
        day.sleep = optional_column<double>(st.getColumn(5));
        days.push_back(day);
    }
    return days;
}

void count_report(Journal& journal, domain::Report& report)
{
    if (report.days_counted == 0)
        return;
    report.checkins = checkin_days(journal, report.first, report.last);
    count_previous(journal, report);
    count_meetings(journal, report);
    report.moments = count_moments(journal.db(), report.first, report.last);
}

domain::MomentFigures count_moments_from_entries(Journal& journal, Day first, Day last)
{
    return scan_moments(journal.db(), first, last);
}

void refresh_report_rollup(Journal& journal)
{
    auto& db = journal.db();
    std::vector<std::string> stale;
    {
        SQLite::Statement st(db, "SELECT month FROM report_stale ORDER BY month");
        while (st.executeStep())
            stale.push_back(st.getColumn(0).getString());
    }
    if (!stale.empty())
        stale.pop_back(); // the newest, most likely still being written: counted when read
    for (const auto& month : stale) {
        SQLite::Statement clear(db, "DELETE FROM report_rollup WHERE month = ?");
        clear.bind(1, month);
        clear.exec();
        SQLite::Statement done(db, "DELETE FROM report_stale WHERE month = ?");
        done.bind(1, month);
        done.exec();
        auto start = timeutil::parse_stored_day(month + "-01");
        if (!start)
            continue; // a malformed day written by hand: that month is always counted directly
        Month ym{date::year_month_day{*start}.year(), date::year_month_day{*start}.month()};
        write_rollup(db, ym, scan_moments(db, first_day(ym), last_day(ym)));
    }
}

} // namespace steady::store
