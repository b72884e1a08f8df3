#include "app/output/calendar.hpp"

namespace steady::app {

void write_calendar_json(domain::JsonWriter& json, const domain::Calendar& cal)
{
    json.begin_object();
    json.key("period")
        .begin_object()
        .key("from")
        .value(timeutil::format_day(cal.period.from))
        .key("to")
        .value(timeutil::format_day(cal.period.to))
        .end_object();
    json.key("by").value(domain::calendar_measure_name(cal.by));
    json.key("days").begin_array();
    for (const auto& day : cal.days) {
        json.begin_object().key("day").value(timeutil::format_day(day.day)).key("value");
        if (!day.value)
            json.null();
        else if (cal.by == domain::CalendarMeasure::sober)
            json.value(*day.value != 0);
        else
            json.value(*day.value);
        json.key("level");
        if (day.value)
            json.value(day.level);
        else
            json.null();
        json.key("state").value(domain::day_state_name(day.state)).end_object();
    }
    json.end_array();
    json.end_object();
}

} // namespace steady::app
