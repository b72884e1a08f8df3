#include <cmath>
#include <type_traits>
#include <variant>

#include "app/output/report.hpp"
#include "app/output/report_json.hpp"
#include "domain/text.hpp"

namespace steady::app {

using domain::JsonWriter;
using domain::Report;

namespace {

// Averages and changes to two decimals: 6.14, not 6.142857142857.
std::optional<double> two_decimals(std::optional<double> value)
{
    if (!value)
        return std::nullopt;
    return std::round(*value * 100) / 100;
}

} // namespace

void write_days(JsonWriter& json, const std::vector<timeutil::Day>& days)
{
    json.begin_array();
    for (auto day : days)
        json.value(timeutil::format_day(day));
    json.end_array();
}

void write_checkin_fields(JsonWriter& json, const Report& r)
{
    auto streaks = domain::checkin_streaks(r);
    json.key("done").value(static_cast<std::int64_t>(r.checkins.size()));
    json.key("days").value(domain::days_due(r));
    json.key("missed");
    write_days(json, domain::missed_days(r));
    json.key("current_streak").value(streaks.current);
    json.key("longest_streak").value(streaks.longest);
}

void write_measure(JsonWriter& json, const Report& r, domain::Measure measure,
                   std::optional<double> previous, bool has_previous, std::string_view key)
{
    auto stats = domain::stats_of(r, measure);
    json.key(key.empty() ? std::string_view(domain::measure_name(measure)) : key);
    if (stats.count == 0) {
        json.null();
        return;
    }
    json.begin_object();
    json.key("average").value(two_decimals(stats.average()));
    json.key("min").value(stats.min);
    json.key("max").value(stats.max);
    if (has_previous) {
        json.key("previous").value(two_decimals(previous));
        json.key("change").value(previous ? two_decimals(*stats.average() - *previous)
                                          : std::nullopt);
    }
    json.key("by_day").begin_array();
    for (const auto& value : domain::by_day(r, measure))
        json.value(value);
    json.end_array();
    json.end_object();
}

void write_craving_fields(JsonWriter& json, const domain::MomentFigures& m)
{
    json.key("count").value(m.cravings);
    json.key("resisted").value(m.resisted);
    json.key("used").value(m.used);
    json.key("unrecorded").value(m.cravings - m.resisted - m.used);
    json.key("average_intensity").value(two_decimals(m.craving_intensity.average()));
    json.key("average_minutes").value(two_decimals(m.craving_minutes.average()));
    json.key("strategies").begin_array();
    for (const auto& s : domain::ranked_strategies(m.strategies)) {
        json.begin_object();
        json.key("name").value(s.name);
        json.key("used").value(s.used);
        json.key("resisted").value(s.resisted);
        json.key("score").value(two_decimals(domain::wilson_lower_bound(s.resisted, s.used)));
        json.end_object();
    }
    json.end_array();
}

void write_trigger_fields(JsonWriter& json, const domain::MomentFigures& m,
                          date::weekday week_start)
{
    json.key("count").value(m.triggers);
    json.key("average_intensity").value(two_decimals(m.trigger_intensity.average()));
    json.key("by_category").begin_array();
    for (const auto& [name, tally] : m.by_category) {
        json.begin_object();
        json.key("category");
        name.empty() ? json.null() : json.value(name);
        json.key("count").value(tally.count);
        json.key("followed_by_craving").value(tally.followed);
        json.end_object();
    }
    json.end_array();
    json.key("halt").begin_object();
    for (const char* halt : {"hungry", "angry", "lonely", "tired"}) {
        int count = 0;
        for (const auto& [name, tally] : m.by_category)
            count += domain::to_lower(name) == halt ? tally.count : 0;
        json.key(halt).value(count);
    }
    json.end_object();
    json.key("by_weekday").begin_object();
    for (unsigned i = 0; i < 7; ++i) {
        auto weekday = (week_start + date::days{i}).c_encoding();
        json.key(domain::to_lower(domain::weekday_name(static_cast<int>(weekday))))
            .value(m.triggers_by_weekday[weekday]);
    }
    json.end_object();
    json.key("by_hour").begin_array();
    for (int count : m.triggers_by_hour)
        json.value(count);
    json.end_array();
}

void write_meeting_fields(JsonWriter& json, const Report& r)
{
    json.key("count").value(r.meetings);
    json.key("by_type").begin_array();
    for (const auto& [type, count] : r.meetings_by_type) {
        json.begin_object();
        json.key("type");
        type.empty() ? json.null() : json.value(type);
        json.key("count").value(count);
        json.end_object();
    }
    json.end_array();
}

namespace {

// Goals as write_goals_array writes them, and done_on for a goal done.
void write_goal_objects(JsonWriter& json, const std::vector<domain::ReportGoal>& goals)
{
    json.begin_array();
    for (const auto& goal : goals) {
        json.begin_object();
        const auto& p = goal.today;
        json.key("id").value(goal.goal.id);
        json.key("title");
        goal.goal.title.empty() ? json.null() : json.value(goal.goal.title);
        json.key("aim").value(domain::describe_shape(goal.goal));
        json.key("goal_period").begin_object();
        json.key("from").value(timeutil::format_day(p.period.from));
        json.key("to").value(timeutil::format_day(p.period.to));
        json.end_object();
        json.key("progress").value(p.progress);
        json.key("expected").value(two_decimals(p.expected));
        json.key("remaining").value(p.remaining);
        bool once = goal.goal.kind == domain::GoalKind::once; // as goal list --json says
        json.key("days_left").value(once ? std::nullopt : std::optional(p.days_left));
        json.key("per_day").value(p.per_day);
        json.key("pace").value(domain::pace_name(p.pace));
        json.key("in_period").value(goal.in_period);
        if (goal.done_on)
            json.key("done_on").value(timeutil::format_day(*goal.done_on));
        json.end_object();
    }
    json.end_array();
}

} // namespace

void write_goals_array(JsonWriter& json, const Report& r)
{
    write_goal_objects(json, r.goals);
}

void write_clocks_array(JsonWriter& json, const Report& r)
{
    json.begin_array();
    for (const auto& clock : r.clocks) {
        json.begin_object();
        json.key("name").value(clock.name);
        json.key("run_minutes").value(static_cast<std::int64_t>(clock.current_run.count()));
        json.key("lapses");
        write_days(json, clock.lapses);
        json.key("milestones").value(domain::milestone_labels(clock.reached));
        json.end_object();
    }
    json.end_array();
}

void write_insights_array(JsonWriter& json, const Report& r)
{
    json.begin_array();
    for (const auto& insight : r.insights) {
        json.begin_object();
        json.key("kind").value(insight.kind);
        json.key("text").value(insight.text);
        json.key("evidence").begin_object();
        for (const auto& [name, value] : insight.evidence) {
            json.key(name);
            std::visit(
                [&](const auto& v) {
                    if constexpr (std::is_same_v<std::decay_t<decltype(v)>, double>)
                        json.value(std::round(v * 100) / 100);
                    else
                        json.value(v);
                },
                value);
        }
        json.end_object();
        json.end_object();
    }
    json.end_array();
}

void write_report_json(JsonWriter& json, const Report& r)
{
    json.begin_object();
    json.key("period").begin_object();
    json.key("from").value(timeutil::format_day(r.period.from));
    json.key("to").value(timeutil::format_day(r.period.to));
    json.end_object();
    json.key("covered");
    if (r.days_counted > 0) {
        json.begin_object();
        json.key("from").value(timeutil::format_day(r.first));
        json.key("to").value(timeutil::format_day(r.last));
        json.key("days").value(r.days_counted);
        json.end_object();
    } else {
        json.null();
    }
    json.key("checkins").begin_object();
    write_checkin_fields(json, r);
    json.end_object();
    write_measure(json, r, domain::Measure::mood, r.previous_mood, true);
    write_measure(json, r, domain::Measure::craving, r.previous_craving, true);
    write_measure(json, r, domain::Measure::energy, std::nullopt, false);
    write_measure(json, r, domain::Measure::sleep, std::nullopt, false);
    json.key("cravings").begin_object();
    write_craving_fields(json, r.moments);
    json.end_object();
    json.key("triggers").begin_object();
    write_trigger_fields(json, r.moments, r.week_start);
    json.end_object();
    json.key("meetings").begin_object();
    write_meeting_fields(json, r);
    json.end_object();
    json.key("goals");
    write_goals_array(json, r);
    json.key("goals_done");
    write_goal_objects(json, r.goals_done);
    json.key("clocks");
    write_clocks_array(json, r);
    json.key("insights");
    write_insights_array(json, r);
    json.end_object();
}

} // namespace steady::app
