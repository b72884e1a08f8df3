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
    if (st.getColumn(6).isNull())
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

// Both streams in the order of their day and instant, walked side by side
// so that each trigger sees the first craving after it.
void count_moments(Journal& journal, domain::Report& report, const timeutil::Zone& fallback)
{
    SQLite::Statement triggers(journal.db(),
                               "SELECT at, tz, day, category, intensity FROM entries "
                               "WHERE kind = 'trigger' AND deleted IS NULL AND day BETWEEN ? AND ? "
                               "ORDER BY day, at");
    SQLite::Statement cravings(journal.db(),
                               "SELECT at, tz, day, intensity, duration, outcome, strategies "
                               "FROM entries WHERE kind = 'craving' AND deleted IS NULL "
                               "AND day BETWEEN ? AND ? ORDER BY day, at");
    bind_days(triggers, report.first, report.last);
    bind_days(cravings, report.first, report.last);
    MomentReader trigger_reader(fallback), craving_reader(fallback);
    std::vector<std::string> strategy_keys;
    auto& m = report.moments;
    std::optional<Moment> craving;
    auto next_craving = [&] {
        craving.reset();
        if (cravings.executeStep()) {
            craving = craving_reader.read(cravings);
            add_craving(m, *craving, cravings, strategy_keys);
        }
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

void count_report(Journal& journal, domain::Report& report, const timeutil::Zone& fallback)
{
    if (report.days_counted == 0)
        return;
    report.checkins = checkin_days(journal, report.first, report.last);
    count_previous(journal, report);
    count_meetings(journal, report);
    count_moments(journal, report, fallback);
}

} // namespace steady::store
