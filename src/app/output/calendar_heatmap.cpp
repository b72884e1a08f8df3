#include <array>
#include <string>
#include <utility>
#include <vector>

#include "app/output/calendar_draw.hpp"
#include "domain/report.hpp"

namespace steady::app {

using timeutil::Day;

const char* month_abbrev(unsigned month)
{
    static constexpr std::array k_abbrevs = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return k_abbrevs[(month + 11) % 12];
}

const char* month_full_name(unsigned month)
{
    static constexpr std::array k_names = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};
    return k_names[(month + 11) % 12];
}

std::string weekday_abbrev(date::weekday day)
{
    return std::string(domain::weekday_name(static_cast<int>(day.c_encoding()))).substr(0, 3);
}

Day week_start_of(Day day, date::weekday week_start)
{
    return day - (date::weekday{day} - week_start);
}

std::string trim_line_end(std::string line)
{
    line.erase(line.find_last_not_of(' ') + 1);
    return line;
}

std::string calendar_cell(const Output& out, const domain::Calendar& cal, Day day, ColorDepth depth)
{
    if (day < cal.period.from || day > cal.period.to)
        return "  ";
    const auto& d = cal.days[static_cast<std::size_t>((day - cal.period.from).count())];
    auto kind = d.state == domain::DayState::value        ? CellKind::value
                : d.state == domain::DayState::unrecorded ? CellKind::unrecorded
                : d.state == domain::DayState::missed     ? CellKind::missed
                                                          : CellKind::blank;
    auto cell = heat_cell(kind, d.level, domain::rising_is_good(cal.by), depth, out.style().utf8);
    return kind == CellKind::missed ? out.paint(cell, Tone::dim) : cell;
}

namespace {

constexpr std::size_t k_heatmap_label = 4; // "Mon "

// The month labels above the week columns starting on `first`: the month of
// each column that holds a 1st, and of the first column when it fits.
std::string heatmap_months(Day first, std::size_t columns, Day from, Day to)
{
    std::string line(k_heatmap_label + 2 * columns + 2, ' ');
    auto place = [&](std::size_t at, unsigned month) {
        if (at + 3 > line.size() || line.find_first_not_of(' ', at > 0 ? at - 1 : 0) < at + 4)
            return;
        line.replace(at, 3, month_abbrev(month));
    };
    std::vector<std::pair<std::size_t, unsigned>> labels;
    for (std::size_t column = 0; column < columns; ++column)
        for (int row = 0; row < 7; ++row) {
            auto day = first + date::days{static_cast<int>(7 * column) + row};
            date::year_month_day ymd{day};
            if (day >= from && day <= to && (ymd.day() == date::day{1} || day == from))
                labels.emplace_back(k_heatmap_label + 2 * column, unsigned(ymd.month()));
        }
    // Later labels first, so the first column's label gives way to a 1st
    // that follows right after it.
    for (auto it = labels.rbegin(); it != labels.rend(); ++it)
        place(it->first, it->second);
    return trim_line_end(line);
}

} // namespace

void print_heatmap(Output& out, const domain::Calendar& cal, Day from, Day to,
                   date::weekday week_start, ColorDepth depth)
{
    auto first = week_start_of(from, week_start);
    auto columns = static_cast<std::size_t>((to - first).count() / 7 + 1);
    auto& os = out.stream();
    os << heatmap_months(first, columns, from, to) << '\n';
    for (unsigned row = 0; row < 7; ++row) {
        std::string line = weekday_abbrev(week_start + date::days{row}) + " ";
        for (std::size_t column = 0; column < columns; ++column) {
            auto day = first + date::days{static_cast<int>(7 * column + row)};
            line += day < from || day > to ? "  " : calendar_cell(out, cal, day, depth);
        }
        os << trim_line_end(line) << '\n';
    }
}

} // namespace steady::app
