#include "domain/report.hpp"

#include <algorithm>
#include <cmath>

#include "domain/text.hpp"

namespace steady::domain {

using timeutil::Day;

void Stats::add(double value)
{
    min = count == 0 ? value : std::min(min, value);
    max = count == 0 ? value : std::max(max, value);
    sum += value;
    ++count;
}

std::optional<double> Stats::average() const
{
    if (count == 0)
        return std::nullopt;
    return sum / count;
}

DayPart day_part(int hour)
{
    if (hour >= 6 && hour < 12)
        return DayPart::morning;
    if (hour >= 12 && hour < 18)
        return DayPart::afternoon;
    if (hour >= 18 && hour < 22)
        return DayPart::evening;
    return DayPart::night;
}

const char* day_part_name(DayPart part)
{
    switch (part) {
    case DayPart::night:
        return "night";
    case DayPart::morning:
        return "morning";
    case DayPart::afternoon:
        return "afternoon";
    case DayPart::evening:
        return "evening";
    }
    return "";
}

const char* day_part_hours(DayPart part, bool utf8)
{
    switch (part) {
    case DayPart::night:
        return utf8 ? "22–06h" : "22-06h";
    case DayPart::morning:
        return utf8 ? "06–12h" : "06-12h";
    case DayPart::afternoon:
        return utf8 ? "12–18h" : "12-18h";
    case DayPart::evening:
        return utf8 ? "18–22h" : "18-22h";
    }
    return "";
}

int day_part_length(DayPart part)
{
    switch (part) {
    case DayPart::night:
        return 8;
    case DayPart::evening:
        return 4;
    default:
        return 6;
    }
}

const char* weekday_name(int weekday)
{
    static constexpr const char* k_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                              "Thursday", "Friday", "Saturday"};
    return k_names[((weekday % 7) + 7) % 7];
}

void add_stats(Stats& into, const Stats& more)
{
    if (more.count == 0)
        return;
    into.min = into.count == 0 ? more.min : std::min(into.min, more.min);
    into.max = into.count == 0 ? more.max : std::max(into.max, more.max);
    into.sum += more.sum;
    into.count += more.count;
}

void add_figures(MomentFigures& into, const MomentFigures& more)
{
    into.triggers += more.triggers;
    for (const auto& [name, tally] : more.by_category) {
        auto& mine = into.by_category[name];
        mine.count += tally.count;
        mine.followed += tally.followed;
    }
    for (std::size_t i = 0; i < 7; ++i)
        into.triggers_by_weekday[i] += more.triggers_by_weekday[i];
    for (std::size_t i = 0; i < 24; ++i)
        into.triggers_by_hour[i] += more.triggers_by_hour[i];
    add_stats(into.trigger_intensity, more.trigger_intensity);
    into.cravings += more.cravings;
    into.resisted += more.resisted;
    into.used += more.used;
    add_stats(into.craving_intensity, more.craving_intensity);
    add_stats(into.craving_minutes, more.craving_minutes);
    for (const auto& s : more.strategies) {
        auto key = to_lower_utf8(s.name);
        auto mine =
            std::find_if(into.strategies.begin(), into.strategies.end(),
                         [&](const StrategyTally& t) { return to_lower_utf8(t.name) == key; });
        if (mine == into.strategies.end()) {
            into.strategies.push_back(s);
            continue;
        }
        mine->used += s.used;
        mine->resisted += s.resisted;
        mine->strong += s.strong;
        mine->strong_resisted += s.strong_resisted;
    }
    for (std::size_t day = 0; day < 7; ++day)
        for (std::size_t part = 0; part < k_day_parts; ++part)
            into.cravings_by_slot[day][part] += more.cravings_by_slot[day][part];
}

bool Report::empty() const
{
    return checkins.empty() && moments.triggers == 0 && moments.cravings == 0 && meetings == 0 &&
           std::all_of(clocks.begin(), clocks.end(),
                       [](const ReportClock& c) { return c.lapses.empty() && c.reached.empty(); });
}

std::optional<timeutil::Period> covered_days(const timeutil::Period& period,
                                             std::optional<Day> journal_start, Day today)
{
    if (!journal_start)
        return std::nullopt;
    auto from = std::max(period.from, *journal_start);
    auto to = std::min(period.to, today);
    if (from > to)
        return std::nullopt;
    return timeutil::Period{from, to, false};
}

namespace {

// Whether the last covered day is today and has no check-in yet: it is not
// over, so it is neither missed nor the end of a streak.
bool today_still_open(const Report& report)
{
    return report.days_counted > 0 && report.last == report.today &&
           (report.checkins.empty() || report.checkins.back().day != report.today);
}

} // namespace

int days_due(const Report& report)
{
    return report.days_counted - (today_still_open(report) ? 1 : 0);
}

std::vector<Day> missed_days(const Report& report)
{
    std::vector<Day> missed;
    if (report.days_counted == 0)
        return missed;
    auto last = today_still_open(report) ? report.last - date::days{1} : report.last;
    auto next = report.checkins.begin();
    for (auto day = report.first; day <= last; day += date::days{1}) {
        while (next != report.checkins.end() && next->day < day)
            ++next;
        if (next == report.checkins.end() || next->day != day)
            missed.push_back(day);
    }
    return missed;
}

std::vector<DayRun> day_runs(const std::vector<Day>& days)
{
    std::vector<DayRun> runs;
    for (auto day : days) {
        if (!runs.empty() && runs.back().to + date::days{1} == day)
            runs.back().to = day;
        else
            runs.push_back({day, day});
    }
    return runs;
}

Streaks checkin_streaks(const Report& report)
{
    Streaks streaks;
    int run = 0;
    Day previous{};
    for (const auto& checkin : report.checkins) {
        run = (run > 0 && previous + date::days{1} == checkin.day) ? run + 1 : 1;
        previous = checkin.day;
        streaks.longest = std::max(streaks.longest, run);
    }
    if (report.checkins.empty())
        return streaks;
    auto end = today_still_open(report) ? report.last - date::days{1} : report.last;
    if (previous == end)
        streaks.current = run;
    return streaks;
}

const char* measure_name(Measure measure)
{
    switch (measure) {
    case Measure::mood:
        return "mood";
    case Measure::craving:
        return "craving";
    case Measure::energy:
        return "energy";
    case Measure::sleep:
        return "sleep";
    }
    return "";
}

namespace {

std::optional<double> measure_of(const CheckinDay& checkin, Measure measure)
{
    switch (measure) {
    case Measure::mood:
        return checkin.mood;
    case Measure::craving:
        return checkin.craving ? std::optional<double>(*checkin.craving) : std::nullopt;
    case Measure::energy:
        return checkin.energy ? std::optional<double>(*checkin.energy) : std::nullopt;
    case Measure::sleep:
        return checkin.sleep;
    }
    return std::nullopt;
}

} // namespace

std::vector<std::optional<double>> by_day(const Report& report, Measure measure)
{
    std::vector<std::optional<double>> values(static_cast<std::size_t>(report.days_counted));
    for (const auto& checkin : report.checkins) {
        auto index = (checkin.day - report.first).count();
        if (index >= 0 && index < report.days_counted)
            values[static_cast<std::size_t>(index)] = measure_of(checkin, measure);
    }
    return values;
}

Stats stats_of(const Report& report, Measure measure)
{
    Stats stats;
    for (const auto& checkin : report.checkins)
        if (auto value = measure_of(checkin, measure))
            stats.add(*value);
    return stats;
}

double wilson_lower_bound(int successes, int trials)
{
    if (trials <= 0)
        return 0;
    constexpr double z = 1.96;
    double n = trials;
    double p = successes / n;
    double centre = p + z * z / (2 * n);
    double spread = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    return (centre - spread) / (1 + z * z / n);
}

bool ranks_before(int resisted, int used, const std::string& name, int other_resisted,
                  int other_used, const std::string& other_name)
{
    double mine = wilson_lower_bound(resisted, used);
    double theirs = wilson_lower_bound(other_resisted, other_used);
    if (mine != theirs)
        return mine > theirs;
    if (used != other_used)
        return used > other_used;
    return to_lower_utf8(name) < to_lower_utf8(other_name);
}

std::vector<StrategyTally> ranked_strategies(const std::vector<StrategyTally>& tallies)
{
    auto ranked = tallies;
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return ranks_before(a.resisted, a.used, a.name, b.resisted, b.used, b.name);
    });
    return ranked;
}

std::vector<MilestoneRun> milestones_between(const Clock& clock, std::vector<Lapse> lapses,
                                             const std::vector<Milestone>& milestones,
                                             const timeutil::Zone& zone, timeutil::Instant from,
                                             timeutil::Instant to)
{
    std::sort(lapses.begin(), lapses.end(),
              [](const Lapse& a, const Lapse& b) { return a.at < b.at; });
    std::vector<MilestoneRun> runs;
    auto start = clock.started_at;
    std::optional<timeutil::Day> reset;
    for (std::size_t run = 0; run <= lapses.size(); ++run) {
        auto end = run < lapses.size() ? std::min(lapses[run].at, to) : to;
        MilestoneRun reached{reset, {}};
        for (std::size_t n = 0;; ++n) {
            auto m = nth_milestone(milestones, n);
            auto at = milestone_instant(m, start, zone);
            if (at > end || at >= to)
                break;
            if (at >= from)
                reached.labels.push_back(m.label());
        }
        if (!reached.labels.empty())
            runs.push_back(std::move(reached));
        if (run < lapses.size()) {
            start = lapses[run].at;
            reset = lapses[run].day;
        }
    }
    return runs;
}

std::vector<std::string> milestone_labels(const std::vector<MilestoneRun>& runs)
{
    std::vector<std::string> labels;
    for (const auto& run : runs)
        labels.insert(labels.end(), run.labels.begin(), run.labels.end());
    return labels;
}

} // namespace steady::domain
