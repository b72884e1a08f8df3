#include "timeutil/time.hpp"

#include "base/error.hpp"
#include "timeutil/text.hpp"

#include <algorithm>
#include <cassert>

namespace steady::timeutil {

namespace {

[[noreturn]] void not_a_period(std::string_view text)
{
    throw UsageError("'" + std::string{text} +
                     "' is not a period (try 'this week', 'last 30 days', '2026-11' or 'all')");
}

Period month_of(date::year_month ym)
{
    return {Day{ym / 1}, Day{ym / date::last}};
}

Period year_of(date::year y)
{
    return {Day{y / date::January / 1}, Day{y / date::December / 31}};
}

Period week_from(Day first)
{
    return {first, first + date::days{6}};
}

// The Monday that starts ISO week 1 of `y` (the week holding 4 January).
Day iso_week_one(date::year y)
{
    Day jan4{y / date::January / 4};
    return jan4 - (date::weekday{jan4} - date::Monday);
}

// "this week", "last month", "this year", … ; nullopt if not such a phrase.
std::optional<Period> calendar_unit(std::string_view norm, const TimeContext& ctx)
{
    bool last = norm.starts_with("last ");
    if (!last && !norm.starts_with("this "))
        return std::nullopt;
    auto unit = norm.substr(5);
    auto today = ctx.today();
    if (unit == "week") {
        Day first = today - (date::weekday{today} - ctx.week_start);
        return week_from(last ? first - date::days{7} : first);
    }
    date::year_month_day ymd{today};
    if (unit == "month")
        return month_of(ymd.year() / ymd.month() - date::months{last ? 1 : 0});
    if (unit == "year")
        return year_of(ymd.year() - date::years{last ? 1 : 0});
    return std::nullopt;
}

// "last 7 days", "last 2 weeks": rolling, ending today inclusive.
std::optional<Period> rolling(std::string_view norm, const TimeContext& ctx)
{
    if (!norm.starts_with("last "))
        return std::nullopt;
    auto rest = norm.substr(5);
    auto space = rest.find(' ');
    if (space == std::string_view::npos)
        return std::nullopt;
    auto n = detail::parse_count(rest.substr(0, space), 5);
    auto unit = rest.substr(space + 1);
    long long per = unit == "day" || unit == "days" ? 1 : unit == "week" || unit == "weeks" ? 7 : 0;
    if (!n || *n < 1 || per == 0)
        return std::nullopt;
    auto today = ctx.today();
    return Period{today - date::days{*n * per - 1}, today};
}

// "2026-w47" (ISO 8601 week, always Monday..Sunday).
std::optional<Period> iso_week(std::string_view original, std::string_view norm)
{
    detail::Scanner s{norm};
    auto y = s.digits(4, 4);
    s.eat('-');
    auto w = y && s.eat('w') ? s.digits(2, 2) : std::nullopt;
    if (!w || !s.done())
        return std::nullopt;
    date::year year{*y};
    auto weeks = (iso_week_one(year + date::years{1}) - iso_week_one(year)).count() / 7;
    if (*w < 1 || *w > weeks)
        throw UsageError("'" + std::string{original} + "' is not a week (" + std::to_string(*y) +
                         " has ISO weeks 01 to " + std::to_string(weeks) + ")");
    return week_from(iso_week_one(year) + date::days{7 * (*w - 1)});
}

// "2026q3", "2026-q3".
std::optional<Period> quarter(std::string_view original, std::string_view norm)
{
    detail::Scanner s{norm};
    auto y = s.digits(4, 4);
    s.eat('-');
    auto q = y && s.eat('q') ? s.digits(1, 1) : std::nullopt;
    if (!q || !s.done())
        return std::nullopt;
    if (*q < 1 || *q > 4)
        throw UsageError("'" + std::string{original} + "' is not a quarter (try " +
                         std::to_string(*y) + "Q1 to " + std::to_string(*y) + "Q4)");
    auto first = date::year{*y} / date::month{static_cast<unsigned>(*q * 3 - 2)};
    return Period{Day{first / 1}, month_of(first + date::months{2}).to};
}

// "2026", "2026-11".
std::optional<Period> year_or_month(std::string_view norm)
{
    detail::Scanner s{norm};
    auto y = s.digits(4, 4);
    if (y && s.done())
        return year_of(date::year{*y});
    auto m = y && s.eat('-') ? s.digits(2, 2) : std::nullopt;
    if (!m || !s.done() || *m < 1 || *m > 12)
        return std::nullopt;
    return month_of(date::year{*y} / date::month{static_cast<unsigned>(*m)});
}

Period checked(std::string_view original, Period p)
{
    if (p.to < p.from)
        throw UsageError("period '" + std::string{original} + "' ends before it starts");
    return p;
}

// "A..B", "from A to B", "since A"; nullopt if none of these.
std::optional<Period> range(std::string_view original, std::string_view norm,
                            const TimeContext& ctx)
{
    std::string_view a, b;
    if (auto dots = norm.find(".."); dots != std::string_view::npos) {
        a = norm.substr(0, dots);
        b = norm.substr(dots + 2);
    } else if (auto to = norm.find(" to "); norm.starts_with("from ") && to != norm.npos) {
        a = norm.substr(5, to - 5);
        b = norm.substr(to + 4);
    } else if (norm.starts_with("since ")) {
        {
            // Since a day still to come: that one day, a period that has not begun.
            auto from = parse_date(norm.substr(6), ctx).day;
            return checked(original, {from, std::max(from, ctx.today())});
        }
    } else {
        return std::nullopt;
    }
    if (detail::trim(a).empty() || detail::trim(b).empty())
        not_a_period(original);
    return checked(original, {parse_date(a, ctx).day, parse_date(b, ctx).day});
}

std::optional<Period> single_day(std::string_view original, std::string_view norm,
                                 const TimeContext& ctx)
{
    if (detail::looks_like_iso_date(norm) && norm.size() >= 10) {
        auto day = parse_date(original, ctx).day;
        return Period{day, day};
    }
    try {
        auto day = parse_date(norm, ctx).day;
        return Period{day, day};
    } catch (const UsageError&) {
        return std::nullopt;
    }
}

} // namespace

Period parse_period(std::string_view text, const TimeContext& ctx)
{
    assert(ctx.zone != nullptr);
    auto original = detail::trim(text);
    auto norm = detail::normalize(text);
    if (norm == "all") {
        // From 1970, or from today under a clock set before it: never reversed.
        auto today = ctx.today();
        return {std::min(Day{date::year{1970} / 1 / 1}, today), today, true};
    }
    for (auto* parse : {calendar_unit, rolling})
        if (auto p = parse(norm, ctx))
            return *p;
    if (auto p = iso_week(original, norm))
        return *p;
    if (auto p = quarter(original, norm))
        return *p;
    if (auto p = year_or_month(norm))
        return *p;
    if (auto p = range(original, norm, ctx))
        return *p;
    if (auto p = single_day(original, norm, ctx))
        return *p;
    not_a_period(original);
}

} // namespace steady::timeutil
