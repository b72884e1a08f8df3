#include <algorithm>
#include <cstdio>
#include <string>

#include "app/output/calendar_draw.hpp"

namespace steady::app {

using domain::Calendar;
using domain::CalendarMeasure;
using domain::DayState;
using timeutil::Day;

namespace {

void print_calendar_heading(Output& out, const Calendar& cal)
{
    std::string name = domain::calendar_measure_name(cal.by);
    out.stream() << out.paint("Calendar " + timeutil::format_day(cal.period.from) +
                                  (out.style().utf8 ? " – " : " to ") +
                                  timeutil::format_day(cal.period.to),
                              Tone::bold)
                 << (out.style().utf8 ? " · by " : " - by ") << name << "\n\n";
}

// "November 2026", or "November – December 2026" for a grid over two months.
std::string month_grid_title(const Calendar& cal, bool utf8)
{
    date::year_month_day from{cal.period.from};
    date::year_month_day to{cal.period.to};
    auto year = [](const date::year_month_day& ymd) {
        return " " + std::to_string(int(ymd.year()));
    };
    std::string title = month_full_name(unsigned(from.month()));
    if (from.year() != to.year())
        title += year(from);
    if (from.month() != to.month() || from.year() != to.year())
        title += std::string(utf8 ? " – " : " - ") + month_full_name(unsigned(to.month()));
    return title + year(to);
}

// One day of the grid: its number and its cell, five columns; five spaces
// for a day outside the period.
std::string month_grid_day(const Output& out, const Calendar& cal, Day day, ColorDepth depth)
{
    if (day < cal.period.from || day > cal.period.to)
        return "     ";
    char number[4];
    std::snprintf(number, sizeof number, "%2u", unsigned(date::year_month_day{day}.day()));
    auto label = day == cal.today ? out.paint(number, Tone::bold) : std::string(number);
    return label + " " + calendar_cell(out, cal, day, depth);
}

void print_month_grid(Output& out, const Calendar& cal, date::weekday week_start, ColorDepth depth)
{
    auto& os = out.stream();
    os << month_grid_title(cal, out.style().utf8) << '\n';
    std::string header;
    for (unsigned i = 0; i < 7; ++i)
        header += weekday_abbrev(week_start + date::days{i}) + "   ";
    os << out.paint(trim_line_end(header), Tone::dim) << '\n';
    for (auto week = week_start_of(cal.period.from, week_start); week <= cal.period.to;
         week += date::days{7}) {
        std::string line;
        for (int i = 0; i < 7; ++i)
            line += month_grid_day(out, cal, week + date::days{i}, depth) + " ";
        os << trim_line_end(line) << '\n';
    }
}

// "1–3", or "8–10"; for sober "no" and "yes".
std::string level_label(CalendarMeasure by, const domain::ValueRange& range, bool utf8)
{
    if (by == CalendarMeasure::sober)
        return range.low == 1 ? "yes" : "no";
    if (range.low == range.high)
        return std::to_string(range.low);
    return std::to_string(range.low) + (utf8 ? "–" : "-") + std::to_string(range.high);
}

void print_legend(Output& out, const Calendar& cal, ColorDepth depth)
{
    bool utf8 = out.style().utf8;
    std::string name = domain::calendar_measure_name(cal.by);
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    std::string line = name;
    auto levels = domain::heat_levels(cal.by);
    for (int level = 1; level <= 4; ++level) {
        const auto& range = levels[static_cast<std::size_t>(level - 1)];
        if (range.low > range.high)
            continue;
        line += "  " +
                heat_cell(CellKind::value, level, domain::rising_is_good(cal.by), depth, utf8) +
                " " + level_label(cal.by, range, utf8);
    }
    line +=
        "   " + out.paint(heat_cell(CellKind::missed, 0, true, depth, utf8), Tone::dim) + " missed";
    if (cal.count(DayState::unrecorded) > 0)
        line += "   " + heat_cell(CellKind::unrecorded, 0, true, depth, utf8) + " not recorded";
    out.stream() << line << '\n';
    if (cal.count(DayState::blank) > 0)
        out.stream() << "Empty days came before your first entry, or are not over yet.\n";
}

} // namespace

void print_calendar(Output& out, const Calendar& cal, date::weekday week_start, ColorDepth depth)
{
    auto& os = out.stream();
    print_calendar_heading(out, cal);
    auto length = (cal.period.to - cal.period.from).count() + 1;
    auto weeks = (cal.period.to - week_start_of(cal.period.from, week_start)).count() / 7 + 1;
    if (length <= k_month_grid_days) {
        print_month_grid(out, cal, week_start, depth);
    } else if (weeks <= 53) {
        print_heatmap(out, cal, cal.period.from, cal.period.to, week_start, depth);
    } else {
        for (auto year = date::year_month_day{cal.period.from}.year();
             year <= date::year_month_day{cal.period.to}.year(); ++year) {
            if (year != date::year_month_day{cal.period.from}.year())
                os << '\n';
            os << out.paint(std::to_string(int(year)), Tone::bold) << '\n';
            print_heatmap(out, cal, std::max(cal.period.from, Day{year / date::January / 1}),
                          std::min(cal.period.to, Day{year / date::December / 31}), week_start,
                          depth);
        }
    }
    os << '\n';
    print_legend(out, cal, depth);
    if (cal.in_future())
        os << "That period has not begun yet; nothing has happened in it.\n";
    else if (cal.count(DayState::value) + cal.count(DayState::unrecorded) +
                 cal.count(DayState::missed) ==
             0)
        os << "Nothing logged in this period yet; check-ins will fill these days in.\n";
}

} // namespace steady::app
