#include "timeutil/time.hpp"

#include "timeutil/text.hpp"

#include <cstdio>

namespace steady::timeutil {

namespace {

// Writes `value` (0-99) as two digits at `out`.
void put2(char* out, unsigned value)
{
    out[0] = static_cast<char>('0' + value / 10);
    out[1] = static_cast<char>('0' + value % 10);
}

// Writes "YYYY-MM-DD" at `out` (10 characters) for a year of four digits;
// false for any other year. Export and import write millions of these, so
// not through printf.
bool put_day(char* out, const date::year_month_day& ymd)
{
    int year = static_cast<int>(ymd.year());
    if (year < 0 || year > 9999)
        return false;
    put2(out, static_cast<unsigned>(year / 100));
    put2(out + 2, static_cast<unsigned>(year % 100));
    out[4] = '-';
    put2(out + 5, static_cast<unsigned>(ymd.month()));
    out[7] = '-';
    put2(out + 8, static_cast<unsigned>(ymd.day()));
    return true;
}

std::string format_odd_day(const date::year_month_day& ymd)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

} // namespace

std::string format_day(Day day)
{
    date::year_month_day ymd{day};
    char buf[10];
    if (!put_day(buf, ymd))
        return format_odd_day(ymd);
    return {buf, sizeof buf};
}

std::string format_instant(Instant at)
{
    auto day = date::floor<date::days>(at);
    date::year_month_day ymd{Day{day.time_since_epoch()}};
    date::hh_mm_ss<std::chrono::seconds> tod{at - day};
    char buf[20];
    buf[10] = 'T';
    put2(buf + 11, static_cast<unsigned>(tod.hours().count()));
    buf[13] = ':';
    put2(buf + 14, static_cast<unsigned>(tod.minutes().count()));
    buf[16] = ':';
    put2(buf + 17, static_cast<unsigned>(tod.seconds().count()));
    buf[19] = 'Z';
    if (!put_day(buf, ymd))
        return format_odd_day(ymd) + std::string(buf + 10, 10);
    return {buf, sizeof buf};
}

// Accepts exactly "YYYY-MM-DDTHH:MM:SSZ" or SQLite's "YYYY-MM-DD HH:MM:SS" (UTC).
std::optional<Instant> parse_stored_instant(std::string_view text)
{
    bool iso = text.size() == 20 && text[10] == 'T' && text[19] == 'Z';
    bool sqlite = text.size() == 19 && text[10] == ' ';
    if (!iso && !sqlite)
        return std::nullopt;
    auto day = parse_stored_day(text.substr(0, 10));
    detail::Scanner s{text.substr(11, 8)};
    auto h = s.digits(2, 2);
    auto m = h && s.eat(':') ? s.digits(2, 2) : std::nullopt;
    auto sec = m && s.eat(':') ? s.digits(2, 2) : std::nullopt;
    if (!day || !sec || !s.done() || *h > 23 || *m > 59 || *sec > 59)
        return std::nullopt;
    auto local =
        *day + std::chrono::hours{*h} + std::chrono::minutes{*m} + std::chrono::seconds{*sec};
    return Instant{local.time_since_epoch()};
}

std::optional<Day> parse_stored_day(std::string_view text)
{
    // Fixed "YYYY-MM-DD": read on every row of a scan, so no general parser.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int fields[3] = {0, 0, 0};
    constexpr std::size_t starts[3] = {0, 5, 8};
    constexpr std::size_t widths[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f)
        for (std::size_t i = starts[f]; i < starts[f] + widths[f]; ++i) {
            char c = text[i];
            if (c < '0' || c > '9')
                return std::nullopt;
            fields[f] = fields[f] * 10 + (c - '0');
        }
    date::year_month_day ymd{date::year{fields[0]}, date::month{static_cast<unsigned>(fields[1])},
                             date::day{static_cast<unsigned>(fields[2])}};
    if (!ymd.ok())
        return std::nullopt;
    return Day{ymd};
}

std::optional<Minutes> parse_clock_time(std::string_view text)
{
    detail::Scanner s{text};
    auto h = s.digits(1, 2);
    auto m = h && s.eat(':') ? s.digits(2, 2) : std::nullopt;
    if (!m || !s.done() || *h > 23 || *m > 59)
        return std::nullopt;
    return std::chrono::hours{*h} + Minutes{*m};
}

} // namespace steady::timeutil
