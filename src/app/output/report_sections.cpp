#include <algorithm>
#include <array>
#include <cstdio>

#include "app/output/charts.hpp"
#include "app/output/report.hpp"
#include "domain/text.hpp"

namespace steady::app {

using domain::Report;

namespace {

constexpr std::array<const char*, 4> k_halt = {"hungry", "angry", "lonely", "tired"};

void section_row(Output& out, const std::string& label, const std::string& text)
{
    std::string padded = label;
    padded.resize(std::max<std::size_t>(12, label.size()), ' ');
    out.stream() << "  " << out.paint(padded, Tone::bold)
                 << printable(out.style().utf8 ? text : ascii_marks(text), true) << '\n';
}

std::string category_list(const domain::MomentFigures& m)
{
    std::vector<std::pair<std::string, int>> counts;
    for (const auto& [name, tally] : m.by_category)
        counts.emplace_back(name.empty() ? "(none)" : name, tally.count);
    std::stable_sort(counts.begin(), counts.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string text;
    for (const auto& [name, count] : counts)
        text += (text.empty() ? "" : ", ") + name + " " + std::to_string(count);
    return text;
}

void print_weekdays(Output& out, const Report& r)
{
    const auto& m = r.moments;
    int most = *std::max_element(m.triggers_by_weekday.begin(), m.triggers_by_weekday.end());
    for (unsigned i = 0; i < 7; ++i) {
        auto weekday = (r.week_start + date::days{i}).c_encoding();
        auto count = m.triggers_by_weekday[weekday];
        std::string name = domain::weekday_name(static_cast<int>(weekday));
        section_row(out, "",
                    "  " + name.substr(0, 3) + " " + bar(count, most, 20, out.style().utf8) + " " +
                        std::to_string(count));
    }
}

void print_hours(Output& out, const domain::MomentFigures& m)
{
    int most = *std::max_element(m.triggers_by_hour.begin(), m.triggers_by_hour.end());
    std::vector<std::optional<double>> hours;
    for (int count : m.triggers_by_hour)
        hours.push_back(count > 0 ? std::optional<double>(count) : std::nullopt);
    section_row(out, "", "by hour: " + sparkline(hours, 0, most, out.style().utf8));
    section_row(out, "", "         0     6     12    18  23");
}

} // namespace

std::string halt_list(const domain::MomentFigures& m)
{
    std::string text;
    int any = 0;
    for (const char* halt : k_halt) {
        int count = 0;
        for (const auto& [name, tally] : m.by_category)
            if (domain::to_lower(name) == halt)
                count += tally.count;
        any += count;
        text += (text.empty() ? "" : ", ") + std::string(halt) + " " + std::to_string(count);
    }
    return any > 0 ? text : std::string();
}

void print_report_triggers(Output& out, const Report& r)
{
    const auto& m = r.moments;
    if (m.triggers == 0)
        return;
    std::string text = std::to_string(m.triggers);
    if (auto intensity = m.trigger_intensity.average())
        text += " · intensity " + domain::format_tenths(*intensity);
    section_row(out, "Triggers", text);
    section_row(out, "", "by category: " + category_list(m));
    if (auto halt = halt_list(m); !halt.empty())
        section_row(out, "", "HALT: " + halt);
    section_row(out, "", "by weekday:");
    print_weekdays(out, r);
    print_hours(out, m);
}

namespace {

void print_meetings(Output& out, const Report& r)
{
    if (r.meetings == 0)
        return;
    std::string text = std::to_string(r.meetings);
    std::string types;
    for (const auto& [type, count] : r.meetings_by_type)
        types += (types.empty() ? "" : ", ") + (type.empty() ? std::string("other") : type) + " " +
                 std::to_string(count);
    section_row(out, "Meetings", text + ": " + types);
}

void print_goals(Output& out, const Report& r)
{
    bool first = true;
    for (const auto& goal : r.goals) {
        section_row(out, first ? "Goals" : "",
                    "#" + std::to_string(goal.goal.id) +
                        (goal.goal.title.empty() ? "" : " " + goal.goal.title) + ": " +
                        domain::describe_progress(goal.goal, goal.today) + " · " +
                        std::to_string(goal.in_period) + " in this period");
        first = false;
    }
    for (const auto& goal : r.goals_done) {
        std::string text = "#" + std::to_string(goal.goal.id) +
                           (goal.goal.title.empty() ? "" : " " + goal.goal.title) + ": done on " +
                           short_day(*goal.done_on, false);
        if (goal.goal.kind != domain::GoalKind::once)
            text += " · " + std::to_string(goal.in_period) + " in this period";
        section_row(out, first ? "Goals" : "", text);
        first = false;
    }
}

} // namespace

std::string reached_text(const domain::ReportClock& clock)
{
    auto labels = domain::milestone_labels(clock.reached);
    if (labels.empty())
        return "";
    // "after the reset on Nov 12", the year said where it is not the last
    // reset's, as the list of resets beside it says it.
    auto after = [&](const domain::MilestoneRun& run) {
        bool with_year =
            !clock.lapses.empty() && date::year_month_day{*run.reset}.year() !=
                                         date::year_month_day{clock.lapses.back()}.year();
        return "after the reset on " + short_day(*run.reset, with_year);
    };
    if (labels.size() > 4) {
        std::string text = "reached " + std::to_string(labels.size()) +
                           " milestones, most recently " + labels.back();
        if (clock.reached.size() > 1 && clock.reached.back().reset)
            text += " (" + after(clock.reached.back()) + ")";
        return text;
    }
    std::string text = "reached";
    for (std::size_t i = 0; i < clock.reached.size(); ++i) {
        const auto& run = clock.reached[i];
        if (i > 0 && run.reset)
            text += "; " + after(run) + ",";
        for (std::size_t k = 0; k < run.labels.size(); ++k)
            text += (k == 0 ? " " : ", ") + run.labels[k];
    }
    return text;
}

namespace {

void print_clocks(Output& out, const Report& r)
{
    bool first = true;
    for (const auto& clock : r.clocks) {
        std::string text = clock.name + ": " + domain::format_span(clock.current_run) + " now";
        if (!clock.lapses.empty())
            text += " · reset " + day_list(clock.lapses, 4, out.style().utf8) +
                    " (the clean days before still count)";
        if (!clock.reached.empty())
            text += " · " + reached_text(clock);
        section_row(out, first ? "Clocks" : "", text);
        first = false;
    }
}

} // namespace

void print_report_rest(Output& out, const Report& r)
{
    print_meetings(out, r);
    print_goals(out, r);
    print_clocks(out, r);
    if (r.insights.empty())
        return;
    out.stream() << "  " << out.paint("Insights", Tone::bold) << '\n';
    for (const auto& insight : r.insights) {
        auto text = out.style().utf8 ? insight.text : ascii_marks(insight.text);
        out.stream() << "    " << out.glyph("·", "-") << " " << printable(text, true) << '\n';
    }
}

} // namespace steady::app
