#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/output/charts.hpp"
#include "app/output/report.hpp"
#include "domain/text.hpp"

namespace steady::app {

using domain::Report;
using timeutil::Day;

std::string short_day(Day day, bool with_year)
{
    date::year_month_day ymd{day};
    auto text = date::format("%b ", ymd.month()) + std::to_string(unsigned(ymd.day()));
    return with_year ? text + " " + std::to_string(int(ymd.year())) : text;
}

std::string day_list(const std::vector<Day>& days, std::size_t limit, bool utf8)
{
    auto runs = domain::day_runs(days);
    std::string text;
    std::size_t shown = 0;
    int shown_days = 0;
    for (const auto& run : runs) {
        if (shown == limit)
            break;
        // A year is said where it is not the last day's, and on both ends of
        // a run across a new year ("Dec 30 2025–Jan 2 2026").
        date::year_month_day from{run.from};
        date::year_month_day to{run.to};
        auto last_year = date::year_month_day{days.back()}.year();
        if (!text.empty())
            text += ", ";
        text += short_day(run.from, from.year() != last_year);
        if (run.to != run.from) {
            bool same_month = from.year() == to.year() && from.month() == to.month();
            text += utf8 ? "–" : "-";
            text += same_month
                        ? std::to_string(unsigned(to.day()))
                        : short_day(run.to, to.year() != last_year || to.year() != from.year());
        }
        shown_days += static_cast<int>((run.to - run.from).count()) + 1;
        ++shown;
    }
    auto rest = static_cast<int>(days.size()) - shown_days;
    if (rest > 0)
        text += " and " + std::to_string(rest) + (rest == 1 ? " more day" : " more days");
    return text;
}

namespace {

constexpr std::size_t k_report_label = 12;
constexpr std::size_t k_report_chart = 56;

std::string report_plural(int n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

void report_row(Output& out, const std::string& label, const std::string& text)
{
    std::string padded = label;
    padded.resize(std::max(k_report_label, label.size()), ' ');
    out.stream() << "  " << out.paint(padded, Tone::bold)
                 << printable(out.style().utf8 ? text : ascii_marks(text), true) << '\n';
}

void print_heading(Output& out, const Report& r)
{
    auto& os = out.stream();
    const char* dash = out.style().utf8 ? " – " : " to ";
    os << out.paint("Report " + timeutil::format_day(r.period.from) + dash +
                        timeutil::format_day(r.period.to),
                    Tone::bold);
    if (r.days_counted > 0 && (r.first != r.period.from || r.last != r.period.to)) {
        os << " (figures for " << timeutil::format_day(r.first) << dash
           << timeutil::format_day(r.last);
        if (r.first != r.period.from)
            os << ", from the first entry";
        if (r.last != r.period.to)
            os << ", to today";
        os << ")";
    }
    os << '\n';
}

void print_checkins(Output& out, const Report& r)
{
    auto due = domain::days_due(r);
    if (due == 0 && r.checkins.empty())
        return;
    auto streaks = domain::checkin_streaks(r);
    std::string text =
        std::to_string(r.checkins.size()) + " of " + report_plural(due, "day", "days");
    auto missed = domain::missed_days(r);
    text += missed.empty() ? ", none missed" : " · missed " + day_list(missed, 8, out.style().utf8);
    if (domain::day_runs(missed).size() > 8)
        text += " (--json lists them all)";
    report_row(out, "Check-ins", text);
    if (streaks.longest > 0)
        report_row(out, "",
                   "streak " + report_plural(streaks.current, "day", "days") + " · longest " +
                       report_plural(streaks.longest, "day", "days"));
}

void print_measure(Output& out, const Report& r, domain::Measure measure, double low, double high,
                   std::optional<double> previous)
{
    auto stats = domain::stats_of(r, measure);
    if (stats.count == 0)
        return;
    auto line =
        sparkline(squeeze(domain::by_day(r, measure), k_report_chart), low, high, out.style().utf8);
    std::string name = domain::measure_name(measure);
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    std::string unit = measure == domain::Measure::sleep ? " h" : "";
    report_row(out, name, line);
    report_row(out, "",
               "average " + domain::format_tenths(*stats.average()) + unit + " (" +
                   domain::format_tenths(stats.min) + (out.style().utf8 ? "–" : "-") +
                   domain::format_tenths(stats.max) + ")" +
                   change_text(*stats.average(), previous, r.days_counted));
}

void print_cravings(Output& out, const Report& r)
{
    const auto& m = r.moments;
    if (m.cravings == 0)
        return;
    std::string text = std::to_string(m.cravings) + ": " + std::to_string(m.resisted) +
                       " resisted, " + std::to_string(m.used) + " used";
    if (int open = m.cravings - m.resisted - m.used; open > 0)
        text += ", " + std::to_string(open) + " not recorded";
    text += " · intensity " + domain::format_tenths(*m.craving_intensity.average());
    if (auto minutes = m.craving_minutes.average())
        text += " · " + domain::format_span(std::chrono::minutes(std::lround(*minutes))) +
                " on average";
    report_row(out, "Cravings", text);
    // What worked: the strategies that ended a craving resisted at least once.
    std::vector<domain::StrategyTally> worked;
    for (const auto& s : domain::ranked_strategies(m.strategies))
        if (s.resisted > 0 && worked.size() < 5)
            worked.push_back(s);
    if (worked.empty())
        return;
    report_row(out, "", "what worked:");
    std::size_t width = 0;
    for (const auto& s : worked)
        width = std::max(width, display_width(s.name));
    for (const auto& s : worked)
        report_row(out, "",
                   "  " + s.name + std::string(width - display_width(s.name), ' ') + "  " +
                       std::to_string(s.resisted) + " of " + std::to_string(s.used) + " resisted");
}

} // namespace

std::string change_text(double now, std::optional<double> before, int days)
{
    if (!before)
        return {};
    double change = std::round((now - *before) * 10) / 10;
    std::string on = " on the " + report_plural(days, "day", "days") + " before";
    if (change == 0)
        return ", as" + on;
    return (change > 0 ? ", up " : ", down ") + domain::format_tenths(std::abs(change)) + on;
}

void print_report(Output& out, const Report& r)
{
    print_heading(out, r);
    if (r.days_counted == 0 && r.period.from > r.today) {
        out.stream() << "  That period has not begun yet; nothing has happened in it.\n";
        return;
    }
    if (r.empty()) {
        if (r.period.to < r.today)
            out.stream() << "  Nothing was logged in this period.\n";
        else
            out.stream() << "  Nothing logged in this period yet. Check-ins, cravings and "
                            "triggers will show here as you log them.\n";
        print_report_rest(out, r);
        return;
    }
    print_report_sections(out, r, domain::Scope::all());
}

void print_report_sections(Output& out, const Report& r, const domain::Scope& scope)
{
    using domain::Section;
    if (scope.has(Section::checkins))
        print_checkins(out, r);
    if (scope.has(Section::mood))
        print_measure(out, r, domain::Measure::mood, 1, 10, r.previous_mood);
    if (scope.has(Section::cravings))
        print_measure(out, r, domain::Measure::craving, 0, 10, r.previous_craving);
    if (scope.has(Section::checkins)) {
        print_measure(out, r, domain::Measure::energy, 1, 10, std::nullopt);
        print_measure(out, r, domain::Measure::sleep, 0, 12, std::nullopt);
    }
    print_cravings(out, r);
    print_report_triggers(out, r);
    print_report_rest(out, r);
}

} // namespace steady::app
