#include "domain/calendar.hpp"

#include <algorithm>
#include <string>

#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::domain {

CalendarMeasure parse_calendar_measure(std::string_view text)
{
    auto word = to_lower(std::string(text));
    for (auto by : {CalendarMeasure::mood, CalendarMeasure::craving, CalendarMeasure::sober})
        if (word == calendar_measure_name(by))
            return by;
    throw UsageError("cannot colour a calendar by '" + std::string(text) +
                     "' (choose mood, craving or sober)");
}

const char* calendar_measure_name(CalendarMeasure by)
{
    switch (by) {
    case CalendarMeasure::craving:
        return "craving";
    case CalendarMeasure::sober:
        return "sober";
    case CalendarMeasure::mood:
        break;
    }
    return "mood";
}

bool rising_is_good(CalendarMeasure by)
{
    return by != CalendarMeasure::craving;
}

std::array<ValueRange, 4> heat_levels(CalendarMeasure by)
{
    switch (by) {
    case CalendarMeasure::craving:
        return {{{0, 1}, {2, 4}, {5, 7}, {8, 10}}};
    case CalendarMeasure::sober:
        return {{{0, 0}, {1, 0}, {1, 0}, {1, 1}}};
    case CalendarMeasure::mood:
        break;
    }
    return {{{1, 3}, {4, 5}, {6, 7}, {8, 10}}};
}

int heat_level(CalendarMeasure by, int value)
{
    auto levels = heat_levels(by);
    value = std::clamp(value, levels.front().low, levels.back().high);
    for (int level = 4; level > 1; --level) {
        const auto& range = levels[static_cast<std::size_t>(level - 1)];
        if (range.low <= range.high && value >= range.low)
            return level;
    }
    return 1;
}

const char* day_state_name(DayState state)
{
    switch (state) {
    case DayState::value:
        return "value";
    case DayState::unrecorded:
        return "unrecorded";
    case DayState::missed:
        return "missed";
    case DayState::blank:
        break;
    }
    return "blank";
}

int Calendar::count(DayState state) const
{
    return static_cast<int>(std::count_if(days.begin(), days.end(),
                                          [state](const auto& d) { return d.state == state; }));
}

namespace {

std::optional<int> calendar_value(const CheckinDay& checkin, CalendarMeasure by)
{
    switch (by) {
    case CalendarMeasure::craving:
        return checkin.craving;
    case CalendarMeasure::sober:
        if (checkin.sober)
            return *checkin.sober ? 1 : 0;
        return std::nullopt;
    case CalendarMeasure::mood:
        break;
    }
    return checkin.mood;
}

} // namespace

Calendar build_calendar(const timeutil::Period& period, CalendarMeasure by,
                        const std::vector<CheckinDay>& checkins,
                        std::optional<timeutil::Day> journal_start, timeutil::Day today)
{
    Calendar cal{period, by, today, {}};
    auto next = std::lower_bound(checkins.begin(), checkins.end(), period.from,
                                 [](const CheckinDay& c, timeutil::Day d) { return c.day < d; });
    for (auto day = period.from; day <= period.to; day += date::days{1}) {
        CalendarDay cell{day, DayState::blank, std::nullopt, 0};
        if (next != checkins.end() && next->day == day) {
            cell.value = calendar_value(*next, by);
            cell.state = cell.value ? DayState::value : DayState::unrecorded;
            if (cell.value)
                cell.level = heat_level(by, *cell.value);
            ++next;
        } else if (journal_start && day >= *journal_start && day < today) {
            cell.state = DayState::missed;
        }
        cal.days.push_back(cell);
    }
    return cal;
}

} // namespace steady::domain
