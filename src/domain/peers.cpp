#include "domain/peers.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "domain/text.hpp"

namespace steady::domain {

using timeutil::Day;

ImportOutcome import_outcome(const std::optional<PeerSummary>& existing,
                             const PeerSummary& incoming)
{
    if (!existing)
        return ImportOutcome::added;
    if (existing->sha256 == incoming.sha256)
        return ImportOutcome::unchanged;
    return incoming.generated_at > existing->generated_at ? ImportOutcome::replaced
                                                          : ImportOutcome::kept_newer;
}

const char* import_outcome_name(ImportOutcome outcome)
{
    switch (outcome) {
    case ImportOutcome::added:
        return "added";
    case ImportOutcome::unchanged:
        return "unchanged";
    case ImportOutcome::replaced:
        return "replaced";
    case ImportOutcome::kept_newer:
        return "kept_newer";
    }
    return "";
}

std::vector<PeerDay> peer_days(const PeerSummary& summary, Day made_on)
{
    std::vector<PeerDay> days;
    auto through = std::min(summary.period.to, made_on);
    auto missed = summary.missed.begin();
    int checked = 0;
    for (auto day = summary.period.from; day <= through; day += date::days{1}) {
        while (missed != summary.missed.end() && *missed < day)
            ++missed;
        bool in = missed == summary.missed.end() || *missed != day;
        days.push_back({day, in});
        checked += in ? 1 : 0;
    }
    if (!summary.checkins_done)
        return days;
    if (checked > *summary.checkins_done && !days.empty() && days.back().checked_in) {
        days.pop_back();
        --checked;
    }
    auto first = days.begin();
    while (checked > *summary.checkins_done && first != days.end() && first->checked_in) {
        ++first;
        --checked;
    }
    days.erase(days.begin(), first);
    return days;
}

std::optional<double> peer_trend(const std::vector<std::optional<double>>& averages,
                                 const std::vector<std::optional<double>>& changes, int history)
{
    std::vector<double> seen;
    std::optional<double> latest_change;
    for (std::size_t i = 0; i < averages.size(); ++i) {
        if (!averages[i])
            continue;
        seen.push_back(*averages[i]);
        latest_change = i < changes.size() ? changes[i] : std::nullopt;
    }
    if (seen.empty())
        return std::nullopt;
    if (seen.size() == 1)
        return latest_change;
    auto count = std::min<std::size_t>(seen.size() - 1, static_cast<std::size_t>(history));
    double sum = 0;
    for (std::size_t i = seen.size() - 1 - count; i < seen.size() - 1; ++i)
        sum += seen[i];
    return seen.back() - sum / static_cast<double>(count);
}

namespace {

// What the summaries say of each day from `first` on: unknown, missed or
// checked in; the newest summary's word on a day wins.
struct PeerCalendar {
    Day first{};
    std::vector<signed char> state; // -1 unknown, 0 missed, 1 checked in

    void set(Day day, bool checked_in)
    {
        auto index = static_cast<std::size_t>((day - first).count());
        state[index] = checked_in ? 1 : 0;
    }
};

// The calendar of `summaries` (sorted oldest made first), `made` their days.
PeerCalendar peer_calendar(const std::vector<const PeerSummary*>& summaries,
                           const std::vector<Day>& made)
{
    PeerCalendar calendar;
    std::vector<std::vector<PeerDay>> days;
    std::optional<Day> last;
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        days.push_back(peer_days(*summaries[i], made[i]));
        const auto& list = days.back();
        if (list.empty())
            continue;
        calendar.first = last ? std::min(calendar.first, list.front().day) : list.front().day;
        last = last ? std::max(*last, list.back().day) : list.back().day;
    }
    if (!last)
        return calendar;
    calendar.state.assign(static_cast<std::size_t>((*last - calendar.first).count()) + 1, -1);
    for (const auto& list : days)
        for (const auto& d : list)
            calendar.set(d.day, d.checked_in);
    return calendar;
}

void peer_count_days(PeerStatus& status, const PeerCalendar& calendar, Day today,
                     const PeerRules& rules)
{
    const auto& state = calendar.state;
    if (state.empty())
        return;
    auto day_at = [&](std::size_t i) { return calendar.first + date::days{static_cast<int>(i)}; };
    for (auto i = state.size(); i-- > 0 && state[i] == 1;)
        ++status.current_streak;
    for (auto i = state.size(); i-- > 0;)
        if (state[i] == 1) {
            status.last_checkin = day_at(i);
            status.days_since_checkin = std::max(0, static_cast<int>((today - day_at(i)).count()));
            break;
        }
    auto window = static_cast<std::size_t>(std::max(rules.rate_window, 1));
    for (auto i = state.size() > window ? state.size() - window : 0; i < state.size(); ++i) {
        status.rate_days += state[i] >= 0 ? 1 : 0;
        status.rate_done += state[i] == 1 ? 1 : 0;
    }
    if (status.rate_days > 0)
        status.checkin_rate = static_cast<double>(status.rate_done) / status.rate_days;
}

void peer_trends(PeerStatus& status, const std::vector<const PeerSummary*>& by_period,
                 const PeerRules& rules)
{
    std::vector<std::optional<double>> mood, mood_change, craving, craving_change;
    for (const auto* s : by_period) {
        mood.push_back(s->mood_average);
        mood_change.push_back(s->mood_change);
        craving.push_back(s->craving_average);
        craving_change.push_back(s->craving_change);
    }
    status.mood_trend = peer_trend(mood, mood_change, rules.trend_history);
    status.craving_trend = peer_trend(craving, craving_change, rules.trend_history);
    status.mood_falling = status.mood_trend && *status.mood_trend <= -rules.trend_threshold;
    status.cravings_rising = status.craving_trend && *status.craving_trend >= rules.trend_threshold;
}

void peer_clocks(PeerStatus& status, const std::vector<const PeerSummary*>& by_period)
{
    for (auto it = by_period.rbegin(); it != by_period.rend(); ++it) {
        const auto& s = **it;
        if (!s.has_clocks)
            continue;
        status.clocks = s.clocks;
        status.clocks_as_of = s.generated_at;
        for (const auto& clock : s.clocks) {
            status.lapse = status.lapse || clock.lapses > 0;
            if (clock.last_lapse && (!status.lapse_day || *clock.last_lapse > *status.lapse_day))
                status.lapse_day = clock.last_lapse;
        }
        return;
    }
}

} // namespace

PeerStatus peer_status(const std::vector<PeerSummary>& summaries, Day today,
                       const timeutil::Zone& zone, timeutil::Minutes day_start,
                       const PeerRules& rules)
{
    PeerStatus status;
    if (summaries.empty())
        return status;
    std::vector<const PeerSummary*> by_made;
    by_made.reserve(summaries.size());
    for (const auto& s : summaries)
        by_made.push_back(&s);
    std::sort(by_made.begin(), by_made.end(), [](const auto* a, const auto* b) {
        return std::tie(a->generated_at, a->period.to, a->id) <
               std::tie(b->generated_at, b->period.to, b->id);
    });
    std::vector<Day> made;
    made.reserve(by_made.size());
    for (const auto* s : by_made)
        made.push_back(timeutil::day_of(s->generated_at, zone, day_start));
    const auto& newest = *by_made.back();
    status.mentee = newest.mentee;
    status.summaries = static_cast<int>(summaries.size());
    status.last_summary_at = newest.generated_at;
    status.days_since_summary = std::max(0, static_cast<int>((today - made.back()).count()));
    status.quiet = status.days_since_summary > rules.quiet_after;
    peer_count_days(status, peer_calendar(by_made, made), today, rules);
    auto by_period = by_made;
    std::stable_sort(by_period.begin(), by_period.end(),
                     [](const auto* a, const auto* b) { return a->period.to < b->period.to; });
    peer_trends(status, by_period, rules);
    peer_clocks(status, by_period);
    return status;
}

std::vector<PeerStatus> peer_statuses(std::vector<PeerSummary> summaries, Day today,
                                      const timeutil::Zone& zone, timeutil::Minutes day_start,
                                      const PeerRules& rules)
{
    std::map<std::string, std::vector<PeerSummary>> by_mentee;
    for (auto& s : summaries)
        by_mentee[to_lower_utf8(s.mentee)].push_back(std::move(s));
    std::vector<PeerStatus> statuses;
    statuses.reserve(by_mentee.size());
    for (auto& [key, theirs] : by_mentee)
        statuses.push_back(peer_status(theirs, today, zone, day_start, rules));
    return statuses;
}

} // namespace steady::domain
