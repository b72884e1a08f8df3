#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/partner.hpp"
#include "timeutil/time.hpp"

namespace steady::domain {

// What `remind` (SPEC §8) finds due. Each rule is a pure function of days
// and instants the app reads once; none of them reads the clock or the zone.

// The instant a missing check-in for logical day `today` becomes due: local
// time `checkin_after` on today's calendar date in `zone`, or on the next
// calendar date when `checkin_after` is earlier than `day_start` (with days
// starting at 04:00, "02:00" is the small hours that still belong to
// today). A local time in a DST gap or overlap resolves as
// timeutil::to_instant does.
timeutil::Instant checkin_due_at(timeutil::Day today, const timeutil::Zone& zone,
                                 timeutil::Minutes day_start, timeutil::Minutes checkin_after);

// Whether the check-in is due at `now`: `today` has none and
// checkin_due_at(today, …) is not after `now`.
enum class CheckedIn { no, yes };
bool checkin_due(CheckedIn checked_in, timeutil::Instant now, timeutil::Day today,
                 const timeutil::Zone& zone, timeutil::Minutes day_start,
                 timeutil::Minutes checkin_after);

// The first day of the window in which a partner with `cadence` expects a
// summary, as seen on `today` (inclusive, local days):
//   sunday: the most recent Sunday, today when today is a Sunday;
//   week:   the last 7 days, today - 6;
//   month:  the day after the same day a calendar month ago (clamped to the
//           end of a shorter month: on 03-31 and 03-29 that is 02-28, so
//           the window starts 03-01).
timeutil::Day cadence_window_start(Cadence cadence, timeutil::Day today);

// Whether a summary to a partner with `cadence` is due on `today`: none was
// delivered on or after cadence_window_start (`last_delivered` is the day
// of the newest delivered one, nullopt for none), and the partner was added
// (on day `added`) before that window began, so a partner added this week
// is not owed one before their first full window has passed.
bool summary_due(Cadence cadence, std::optional<timeutil::Day> last_delivered, timeutil::Day added,
                 timeutil::Day today);

// Whole days without a check-in before `today` (today, not over yet, is not
// counted): the days after `last_checkin` up to yesterday. Counting starts
// no earlier than `since` (the day a partner was added): a silence is noticed
// only from the day someone was asked to notice it. 0 when today or
// yesterday has a check-in.
int silent_days(std::optional<timeutil::Day> last_checkin, timeutil::Day since,
                timeutil::Day today);

// One partner who asked to hear about a silence (`--alert-after`).
struct AlertWatch {
    int alert_after = 0;                       // days, 1..365
    timeutil::Day added{};                     // the day the partner was added
    std::optional<timeutil::Day> last_alerted; // day of the newest delivered alert
};

// Whether that partner is due an alert on `today`: silent_days reaches
// `alert_after`, and no alert was delivered during this silence, that is
// after the last check-in day (or ever, when there is none). So each silence
// brings one alert, and a check-in ends it.
bool alert_due(const AlertWatch& watch, std::optional<timeutil::Day> last_checkin,
               timeutil::Day today);

// The milestones of a clock's current run that fall on logical day `today`
// (in `zone`, days starting `day_start` after midnight): those of
// `status.reached` and `status.next` whose instant's day is today, reached
// already or later today, earliest first.
std::vector<MilestoneAt> milestones_today(const ClockStatus& status, timeutil::Day today,
                                          const timeutil::Zone& zone, timeutil::Minutes day_start);

// The lines remind prints, plain and kind, no exclamation marks.

// "No check-in yet today. When you have a moment: steady checkin"
std::string checkin_reminder();

// "Sam's Sunday summary is due (last sent 2026-11-08): steady share Sam --send";
// "(none sent yet)" without one.
std::string summary_reminder(const std::string& partner, Cadence cadence,
                             std::optional<timeutil::Day> last_delivered);

// "Goal #7 Three meetings a week could use some time: 1 of 3 this week,
// behind: …", from the goal's id, title and describe_progress.
std::string goal_reminder(std::int64_t id, const std::string& title, const std::string& progress);

// "30 days without alcohol today. That is real."
std::string milestone_reminder(const std::string& label, const std::string& clock);

// The line saying an alert went out, or why it did not:
// "Sent Sam a short note: no check-in for 4 days." /
// "Could not send Sam the note about 4 days without a check-in; remind tries again next time."
std::string alert_reminder(const std::string& partner, int days, bool delivered);

// The note a partner gets after a silence: a subject and a short plain body
// that asks for nothing but kindness and tells nothing but the silence.
// `from` is the sender's name (config `name`), nullopt for none.
struct AlertNote {
    std::string subject;
    std::string body;
};
AlertNote alert_note(const std::optional<std::string>& from, const std::string& partner, int days);

} // namespace steady::domain
