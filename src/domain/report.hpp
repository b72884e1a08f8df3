#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "domain/clock.hpp"
#include "domain/goal.hpp"
#include "timeutil/time.hpp"

namespace steady::domain {

// One day's check-in, as report and calendar read it.
struct CheckinDay {
    timeutil::Day day{};
    int mood = 0;
    std::optional<int> craving;
    std::optional<bool> sober;
    std::optional<int> energy;
    std::optional<double> sleep;
};

// Count, sum, least and most of a measure over some days.
struct Stats {
    int count = 0;
    double sum = 0;
    double min = 0;
    double max = 0;

    void add(double value);
    std::optional<double> average() const;
};

// A strategy and how the cravings it was used on ended.
struct StrategyTally {
    std::string name; // as the person first wrote it
    int used = 0;     // cravings it was named on
    int resisted = 0; // of those, ended `resisted`
    int strong = 0;   // cravings of intensity 8 or more it was named on
    int strong_resisted = 0;
};

// Parts of a day, for when cravings cluster: night 22–06, morning 06–12,
// afternoon 12–18, evening 18–22 (local hours).
enum class DayPart { night, morning, afternoon, evening };
inline constexpr int k_day_parts = 4;
DayPart day_part(int hour);
// "morning"; "Friday evening" reads as weekday + ' ' + this.
const char* day_part_name(DayPart part);
// "06–12h"
const char* day_part_hours(DayPart part, bool utf8);
// How many hours part `part` spans (8, 6, 6, 4).
int day_part_length(DayPart part);

// How triggers of one category went.
struct CategoryTally {
    int count = 0;
    int followed = 0; // followed by a craving within 2 hours
};

// The triggers and cravings of a period, counted in one pass over them.
struct MomentFigures {
    int triggers = 0;
    std::map<std::string, CategoryTally> by_category; // key: category as written; "" none
    std::array<int, 7> triggers_by_weekday{};         // 0 = Sunday
    std::array<int, 24> triggers_by_hour{};           // local hour
    Stats trigger_intensity;

    int cravings = 0;
    int resisted = 0;
    int used = 0; // the rest have no outcome recorded
    Stats craving_intensity;
    Stats craving_minutes;
    std::vector<StrategyTally> strategies;                          // in the order first seen
    std::array<std::array<int, k_day_parts>, 7> cravings_by_slot{}; // weekday × part
};

// Adds the figures of `more` to `into`: counts and tallies summed, strategies
// of the same name (ignoring case) merged under the first spelling.
void add_figures(MomentFigures& into, const MomentFigures& more);

// Adds `more` to `into` as if each value added to `more` had been added to `into`.
void add_stats(Stats& into, const Stats& more);

// A goal's place in a report: where it stands today, as `goal list` shows
// it, and what the period added to it.
struct ReportGoal {
    Goal goal;
    GoalProgress today;
    std::int64_t in_period = 0;
    std::optional<timeutil::Day> done_on; // for a goal marked done: the day it was
};

// The milestones one run of a clock reached within a report's period.
struct MilestoneRun {
    std::optional<timeutil::Day> reset; // the day of the lapse the run began with; none: the
                                        // clock's start
    std::vector<std::string> labels;    // in the order reached
};

// A clock's place in a report.
struct ReportClock {
    std::string name;
    std::chrono::minutes current_run{0};
    std::vector<timeutil::Day> lapses; // lapse days within the period
    std::vector<MilestoneRun> reached; // the runs that reached any within the period, in order
};

// The milestones of every run of `clock` (its start, then after each of
// `lapses`, in any order) that fell in [`from`, `to`), earliest first, run
// by run (a run that reached none is left out), counted on the wall clock
// of `zone` as clock_status counts them. `milestones` must not be empty.
std::vector<MilestoneRun> milestones_between(const Clock& clock, std::vector<Lapse> lapses,
                                             const std::vector<Milestone>& milestones,
                                             const timeutil::Zone& zone, timeutil::Instant from,
                                             timeutil::Instant to);

// Every label of `runs`, in order.
std::vector<std::string> milestone_labels(const std::vector<MilestoneRun>& runs);

// A piece of free text the person wrote on a day of the period: a note, a
// gratitude, what a trigger was and how they coped, a meeting's name, what
// happened at a lapse. Read only for a share that may carry notes.
struct ReportNote {
    timeutil::Day day{};
    std::string kind;  // the entry's kind: "checkin", "trigger", "lapse", …
    std::string field; // "note", "gratitude", "what", "coped", "name"
    std::string text;
};

// One observation drawn from the person's own data, printed only when the
// data holds enough evidence (see insights()).
struct Insight {
    std::string kind; // "craving_cluster", "short_sleep", "trigger_followed", …
    std::string text; // one plain sentence
    // The figures it rests on, by name: counts, averages, and the weekday
    // or category it names.
    std::vector<std::pair<std::string, std::variant<std::int64_t, double, std::string>>> evidence;
};

// The figures of a period: what the store counted, and what the domain
// derives from it. No text but names the person wrote; renderers turn it
// into words.
struct Report {
    timeutil::Period period; // as resolved from the user's words
    timeutil::Day today{};
    date::weekday week_start = date::Monday; // config week_starts: the order of weekdays
    // The days the figures cover: the period cut to the journal's first day
    // and to today. `days_counted` is 0 when none of the period has come
    // yet or the journal has no entry by its end.
    timeutil::Day first{};
    timeutil::Day last{};
    int days_counted = 0;

    std::vector<CheckinDay> checkins; // of first..last, by day
    MomentFigures moments;
    int meetings = 0;
    std::map<std::string, int> meetings_by_type; // "" for no type
    std::vector<timeutil::Day> meeting_days;     // covered days with a meeting, ascending
    std::optional<double> previous_mood;         // average over the days before `first`
    std::optional<double> previous_craving;
    std::vector<ReportGoal> goals;      // in progress
    std::vector<ReportGoal> goals_done; // marked done on a covered day, with done_on
    std::vector<ReportClock> clocks;
    std::vector<Insight> insights;
    std::vector<ReportNote> notes; // empty unless asked for, by day

    bool empty() const;
};

// The covered days of `period`: from the later of its start and
// `journal_start` (the day of the first entry) to the earlier of its end and
// `today`. nullopt when that is no day at all.
std::optional<timeutil::Period> covered_days(const timeutil::Period& period,
                                             std::optional<timeutil::Day> journal_start,
                                             timeutil::Day today);

// The covered days a check-in was due on: all of them, but today while it
// has no check-in yet (the day is not over).
int days_due(const Report& report);

// Days of first..last without a check-in, earliest first.
std::vector<timeutil::Day> missed_days(const Report& report);

// A run of consecutive days.
struct DayRun {
    timeutil::Day from{};
    timeutil::Day to{};
};
// `days` (ascending) as runs of consecutive days.
std::vector<DayRun> day_runs(const std::vector<timeutil::Day>& days);

// The check-in streak ending on `report.last` (or the day before, when that
// day has no check-in yet and is today) and the longest one within the
// covered days.
struct Streaks {
    int current = 0;
    int longest = 0;
};
Streaks checkin_streaks(const Report& report);

// Mood, craving, energy or sleep of each covered day (nullopt: not recorded).
enum class Measure { mood, craving, energy, sleep };
const char* measure_name(Measure measure);
std::vector<std::optional<double>> by_day(const Report& report, Measure measure);
Stats stats_of(const Report& report, Measure measure);

// The lower bound of the 95% Wilson score interval for `successes` of
// `trials` (0 for no trials): how sure the data is that the rate is at
// least this, so "9 of 10" outranks "1 of 1".
double wilson_lower_bound(int successes, int trials);

// Whether a strategy that ended `resisted` of `used` cravings, named `name`,
// ranks before one that ended `other_resisted` of `other_used`, named
// `other_name`: by wilson_lower_bound, then by more uses, then by name
// ignoring case, so the same figures always rank the same way.
bool ranks_before(int resisted, int used, const std::string& name, int other_resisted,
                  int other_used, const std::string& other_name);

// The strategies ranked by wilson_lower_bound of resisted / used, best
// first; ties by more uses, then name.
std::vector<StrategyTally> ranked_strategies(const std::vector<StrategyTally>& tallies);

// Evidence thresholds of the insights; the man page states them.
inline constexpr int k_cluster_min_cravings = 8;
inline constexpr int k_cluster_min_count = 3;
inline constexpr double k_cluster_min_ratio = 2.0;
inline constexpr int k_sleep_min_days = 3;
inline constexpr double k_sleep_short_hours = 6.0;
inline constexpr double k_sleep_min_difference = 1.0;
inline constexpr int k_followed_min_triggers = 5;
inline constexpr int k_meeting_min_days = 3;
inline constexpr double k_meeting_min_difference = 0.5;
inline constexpr int k_strong_min_uses = 3;

// The insights the figures hold enough evidence for, in a fixed order
// (craving_cluster, short_sleep, trigger_followed, meeting_mood,
// strong_craving_strategy).
std::vector<Insight> insights(const Report& report);

// "Friday"
const char* weekday_name(int weekday);

} // namespace steady::domain
