#include "domain/remind.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace steady::domain {

using timeutil::Day;
using timeutil::Instant;
using timeutil::Minutes;

Instant checkin_due_at(Day today, const timeutil::Zone& zone, Minutes day_start,
                       Minutes checkin_after)
{
    Day date = checkin_after < day_start ? today + date::days{1} : today;
    return timeutil::to_instant(date::local_seconds{date} + checkin_after, zone);
}

bool checkin_due(CheckedIn checked_in, Instant now, Day today, const timeutil::Zone& zone,
                 Minutes day_start, Minutes checkin_after)
{
    return checked_in == CheckedIn::no &&
           checkin_due_at(today, zone, day_start, checkin_after) <= now;
}

Day cadence_window_start(Cadence cadence, Day today)
{
    switch (cadence) {
    case Cadence::sunday:
        return today - (date::weekday{today} - date::Sunday);
    case Cadence::week:
        return today - date::days{6};
    case Cadence::month: {
        date::year_month_day ymd{today};
        auto month_ago = ymd.year() / ymd.month() / date::last - date::months{1};
        auto day = std::min(ymd.day(), date::year_month_day_last{month_ago}.day());
        return Day{month_ago.year() / month_ago.month() / day} + date::days{1};
    }
    }
    return today;
}

bool summary_due(Cadence cadence, std::optional<Day> last_delivered, Day added, Day today)
{
    auto start = cadence_window_start(cadence, today);
    if (last_delivered && *last_delivered >= start)
        return false;
    return added < start;
}

int silent_days(std::optional<Day> last_checkin, Day since, Day today)
{
    Day from = last_checkin ? std::max(*last_checkin, since) : since;
    auto days = (today - from).count() - 1;
    return days > 0 ? static_cast<int>(days) : 0;
}

bool alert_due(const AlertWatch& watch, std::optional<Day> last_checkin, Day today)
{
    if (silent_days(last_checkin, watch.added, today) < watch.alert_after)
        return false;
    bool alerted_this_silence =
        watch.last_alerted && (!last_checkin || *watch.last_alerted > *last_checkin);
    return !alerted_this_silence;
}

std::vector<MilestoneAt> milestones_today(const ClockStatus& status, Day today,
                                          const timeutil::Zone& zone, Minutes day_start)
{
    auto marks = status.reached;
    marks.push_back(status.next);
    std::vector<MilestoneAt> found;
    for (const auto& m : marks)
        if (timeutil::day_of(m.at, zone, day_start) == today)
            found.push_back(m);
    return found;
}

std::string checkin_reminder()
{
    return "No check-in yet today. When you have a moment: steady checkin";
}

namespace {

std::string cadence_adjective(Cadence cadence)
{
    switch (cadence) {
    case Cadence::sunday:
        return "Sunday";
    case Cadence::week:
        return "weekly";
    case Cadence::month:
        return "monthly";
    }
    return "";
}

std::string days_text(int days)
{
    return std::to_string(days) + (days == 1 ? " day" : " days");
}

} // namespace

std::string summary_reminder(const std::string& partner, Cadence cadence,
                             std::optional<Day> last_delivered)
{
    std::string last = last_delivered ? "last sent " + timeutil::format_day(*last_delivered)
                                      : std::string("none sent yet");
    return partner + "'s " + cadence_adjective(cadence) + " summary is due (" + last +
           "): steady share " + shell_word(partner) + " --send";
}

std::string goal_reminder(std::int64_t id, const std::string& title, const std::string& progress)
{
    return "Goal #" + std::to_string(id) + " " + title + " could use some time: " + progress;
}

std::string milestone_reminder(const std::string& label, const std::string& clock)
{
    return label + " without " + clock + " today. That is real.";
}

std::string alert_reminder(const std::string& partner, int days, bool delivered)
{
    if (delivered)
        return "Sent " + partner + " a short note: no check-in for " + days_text(days) + ".";
    return "Could not send " + partner + " the note about " + days_text(days) +
           " without a check-in; remind tries again next time.";
}

AlertNote alert_note(const std::optional<std::string>& from, const std::string& partner, int days)
{
    std::string who = from ? *from : std::string("The person who added you as a partner");
    AlertNote note;
    note.subject =
        (from ? *from : std::string("Your partner")) + " has not checked in for " + days_text(days);
    note.body = "Hi " + partner + ",\n\n" + who + " has not checked in with steady for " +
                days_text(days) + " and asked steady to let you know when that happens.\n\n" +
                "There is nothing more in this note. A call or a short message from you may be "
                "welcome.\n\n"
                "(steady sends this once; the next check-in ends the silence.)\n";
    return note;
}

} // namespace steady::domain
