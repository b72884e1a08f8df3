#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "timeutil/time.hpp"

namespace steady::domain {

// A clock as a mentee's summary reported it: the run at the time the
// summary was made, and the lapses within its period.
struct PeerClock {
    std::string name;
    std::int64_t run_minutes = 0;
    int lapses = 0;
    std::optional<timeutil::Day> last_lapse;
};

// One steady-summary a mentee sent, as the mentor's journal keeps it: who,
// which period, when it was made, and the figures `peers` reads. A figure
// of a section the mentee did not share is nullopt (or empty).
struct PeerSummary {
    std::int64_t id = 0;
    std::string mentee;                // the summary's from.name
    std::optional<std::string> mentor; // its to.name
    timeutil::Period period{};
    timeutil::Instant generated_at{};
    std::optional<int> checkins_done;  // sections.checkins.done
    std::optional<int> checkins_days;  // sections.checkins.days (days due)
    std::optional<int> current_streak; // sections.checkins.current_streak
    std::optional<double> mood_average;
    std::optional<double> mood_change;     // against the period before, as the mentee saw it
    std::optional<double> craving_average; // the check-ins' craving level, 0-10
    std::optional<double> craving_change;
    std::vector<timeutil::Day> missed; // missed_days, in order
    bool has_clocks = false;           // the clocks section was shared
    std::vector<PeerClock> clocks;
    std::string sha256; // of the file's json text
    std::string json;   // the json text as received (empty when not loaded)
};

// What importing a summary does to the one already kept for the same
// mentee and period (`existing`, nullopt when none).
enum class ImportOutcome { added, unchanged, replaced, kept_newer };

// added without an existing one; unchanged when both have the same sha256;
// replaced when `incoming` was made later; kept_newer otherwise (the kept
// one is as new or newer).
ImportOutcome import_outcome(const std::optional<PeerSummary>& existing,
                             const PeerSummary& incoming);
const char* import_outcome_name(ImportOutcome outcome);

// One day a summary accounts for, and whether it had a check-in.
struct PeerDay {
    timeutil::Day day;
    bool checked_in = false;
};

// The days `summary` accounts for, oldest first: from its period's first day
// to its last or `made_on` (the day it was made), whichever is earlier. The
// days in `missed` had no check-in and the others had one, except that when
// the summary gives checkins_done, the days beyond that count are dropped:
// first the last day (a day still open when it was made, which no summary
// calls missed), then days from the start (before the mentee's journal began).
std::vector<PeerDay> peer_days(const PeerSummary& summary, timeutil::Day made_on);

// How a mentor's view of one mentee is worked out.
struct PeerRules {
    int quiet_after = 3;          // config peers.quiet_after: days without a summary
    double trend_threshold = 1.0; // points of the 1-10 (mood) or 0-10 (craving) scale
    int rate_window = 28;         // days the check-in rate is counted over
    int trend_history = 3;        // earlier summaries the latest one is compared with
};

// A mentee as the mentor sees them, every figure from their summaries.
struct PeerStatus {
    std::string mentee; // as their newest summary spells it
    int summaries = 0;
    timeutil::Instant last_summary_at{};
    int days_since_summary = 0; // from the day the newest summary was made to today (0 if later)
    std::optional<timeutil::Day> last_checkin;
    std::optional<int> days_since_checkin;
    int rate_done = 0;                  // check-in days within the rate window
    int rate_days = 0;                  // days the summaries account for within it
    std::optional<double> checkin_rate; // rate_done / rate_days, nullopt when 0 days
    int current_streak = 0;             // check-in days in a row up to the last day accounted for
    std::vector<PeerClock> clocks;      // from the newest summary that shared clocks
    std::optional<timeutil::Instant> clocks_as_of;
    std::optional<double> mood_trend;    // latest average minus the earlier ones'
    std::optional<double> craving_trend; // likewise
    bool quiet = false;                  // days_since_summary > quiet_after
    bool mood_falling = false;           // mood_trend <= -threshold
    bool cravings_rising = false;        // craving_trend >= threshold
    bool lapse = false;                  // the newest summary with clocks reports a lapse
    std::optional<timeutil::Day> lapse_day;
};

// The change of a measure over a mentee's summaries, sorted oldest first:
// the latest average minus the mean of up to `history` averages before it;
// with none before it, the latest summary's own change against its previous
// period; nullopt without any average. `averages` and `changes` are
// parallel, one per summary.
std::optional<double> peer_trend(const std::vector<std::optional<double>>& averages,
                                 const std::vector<std::optional<double>>& changes, int history);

// The status of one mentee from `summaries` (all theirs, any order, at least
// one) on mentor's day `today`; a summary's day is the day its generated_at
// falls on in `zone` with `day_start`. Where summaries overlap, the newest
// one's word on a day counts.
PeerStatus peer_status(const std::vector<PeerSummary>& summaries, timeutil::Day today,
                       const timeutil::Zone& zone, timeutil::Minutes day_start,
                       const PeerRules& rules);

// Every mentee of `summaries` (ignoring case of the name), each with
// peer_status, in order of name ignoring case.
std::vector<PeerStatus> peer_statuses(std::vector<PeerSummary> summaries, timeutil::Day today,
                                      const timeutil::Zone& zone, timeutil::Minutes day_start,
                                      const PeerRules& rules);

} // namespace steady::domain
