#include "domain/clock.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::domain {

using timeutil::Instant;

namespace {

struct UnitInfo {
    MilestoneUnit unit;
    std::string_view suffix;
    std::string_view singular;
    std::string_view plural;
    std::int64_t minutes;
};

constexpr std::array<UnitInfo, 5> k_units = {{
    {MilestoneUnit::hours, "h", "hour", "hours", 60},
    {MilestoneUnit::days, "d", "day", "days", 1440},
    {MilestoneUnit::weeks, "w", "week", "weeks", 10080},
    {MilestoneUnit::months, "mo", "month", "months", 43830},
    {MilestoneUnit::years, "y", "year", "years", 525960},
}};

const UnitInfo& info(MilestoneUnit unit)
{
    return *std::find_if(k_units.begin(), k_units.end(),
                         [unit](const UnitInfo& u) { return u.unit == unit; });
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

Instant calendar_months_later(Instant start, int months, const timeutil::Zone& zone)
{
    auto local = zone.to_local(start);
    auto day = date::floor<date::days>(local);
    auto time_of_day = local - day;
    date::year_month_day ymd{day};
    auto month = date::year_month{ymd.year(), ymd.month()} + date::months{months};
    auto last = date::year_month_day_last{month.year(), date::month_day_last{month.month()}};
    auto clamped = std::min(ymd.day(), last.day());
    return timeutil::to_instant(date::local_days{month / clamped} + time_of_day, zone);
}

// The runs of a clock: from its start to the first lapse, between lapses,
// and from the last lapse on (still running). `lapses` sorted by instant.
std::vector<Run> runs_of(const Clock& clock, const std::vector<Lapse>& lapses, Instant now,
                         const timeutil::Zone& zone)
{
    std::vector<Run> runs;
    Instant start = clock.started_at;
    auto add = [&](Instant from, std::optional<Instant> end) {
        auto length =
            date::floor<std::chrono::minutes>(wall_clock_span(from, end.value_or(now), zone));
        runs.push_back({from, end, length});
    };
    for (const auto& lapse : lapses) {
        if (lapse.at < start)
            continue;
        add(start, lapse.at);
        start = lapse.at;
    }
    add(start, std::nullopt);
    return runs;
}

void count_clean_days(ClockStatus& status, const Clock& clock, const std::vector<Lapse>& lapses,
                      const timeutil::TimeContext& time)
{
    auto first = timeutil::day_of(clock.started_at, *time.zone, time.day_start);
    auto today = time.today();
    if (today < first)
        return;
    std::set<timeutil::Day> lapse_days;
    for (const auto& lapse : lapses)
        if (lapse.day >= first && lapse.day <= today)
            lapse_days.insert(lapse.day);
    status.days = static_cast<int>((today - first).count()) + 1;
    status.clean_days = status.days - static_cast<int>(lapse_days.size());
    status.clean_percent = status.clean_days * 100 / status.days;
}

// Money saved over every run and over the current one (the last of `runs`),
// each to the second on the wall clock, rounded once.
void count_money_saved(ClockStatus& status, const Clock& clock, const std::vector<Run>& runs,
                       const timeutil::TimeContext& time)
{
    if (!clock.cost_per_day_cents)
        return;
    auto clean = [&](const Run& run) {
        return wall_clock_span(run.start, run.end.value_or(time.now), *time.zone);
    };
    std::chrono::seconds all{0};
    for (const auto& run : runs)
        all += clean(run);
    status.saved_cents = money_saved_cents(*clock.cost_per_day_cents, all);
    status.saved_this_run_cents = money_saved_cents(*clock.cost_per_day_cents, clean(runs.back()));
}

void find_milestones(ClockStatus& status, const std::vector<Milestone>& milestones,
                     const timeutil::TimeContext& time)
{
    std::optional<MilestoneAt> next;
    for (std::size_t n = 0; n < milestones.size() + 10000; ++n) {
        auto m = nth_milestone(milestones, n);
        MilestoneAt at{m, milestone_instant(m, status.current.start, *time.zone)};
        if (at.at <= time.now) {
            status.reached.push_back(at);
            continue;
        }
        if (!next || at.at < next->at)
            next = at;
        if (n >= milestones.size())
            break;
    }
    std::sort(status.reached.begin(), status.reached.end(),
              [](const MilestoneAt& a, const MilestoneAt& b) { return a.at < b.at; });
    if (next)
        status.next = *next;
}

// Currencies whose symbol goes before the number in English usage (CLDR's
// "en" symbols), by ISO 4217 code; any other is written as its code after
// the number. A symbol shared by several currencies ("$") belongs to one.
struct CurrencySymbol {
    std::string_view code;
    std::string_view symbol;
};

constexpr std::array<CurrencySymbol, 17> k_currency_symbols = {{
    {"AUD", "A$"},
    {"BRL", "R$"},
    {"CAD", "CA$"},
    {"CNY", "CN¥"},
    {"EUR", "€"},
    {"GBP", "£"},
    {"HKD", "HK$"},
    {"ILS", "₪"},
    {"INR", "₹"},
    {"JPY", "¥"},
    {"KRW", "₩"},
    {"MXN", "MX$"},
    {"NGN", "₦"},
    {"NZD", "NZ$"},
    {"PHP", "₱"},
    {"TWD", "NT$"},
    {"USD", "$"},
}};

// The symbol written before amounts in `code`, or "" for none.
std::string_view leading_symbol(std::string_view code)
{
    for (const auto& entry : k_currency_symbols)
        if (entry.code == code)
            return entry.symbol;
    return {};
}

} // namespace

std::string Milestone::key() const
{
    return std::to_string(count) + std::string(info(unit).suffix);
}

std::string Milestone::label() const
{
    return plural(count, info(unit).singular, info(unit).plural);
}

std::int64_t Milestone::nominal_minutes() const
{
    return count * info(unit).minutes;
}

std::optional<Milestone> parse_milestone(std::string_view text)
{
    text = trim(text);
    int count = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (ec != std::errc{} || count < 1 || count > 999999 || end == text.data())
        return std::nullopt;
    std::string_view suffix(end, static_cast<std::size_t>(text.data() + text.size() - end));
    for (const auto& u : k_units)
        if (suffix == u.suffix)
            return Milestone{count, u.unit};
    return std::nullopt;
}

std::vector<Milestone> milestone_list(const std::vector<std::string>& specs)
{
    std::vector<Milestone> list;
    for (const auto& spec : specs) {
        auto m = parse_milestone(spec);
        if (!m)
            throw ConfigError("milestone '" + spec + "' is not a duration like 24h, 7d, 6mo or 1y");
        list.push_back(*m);
    }
    std::stable_sort(list.begin(), list.end(), [](const Milestone& a, const Milestone& b) {
        return a.nominal_minutes() < b.nominal_minutes();
    });
    auto same = [](const Milestone& a, const Milestone& b) {
        return a.nominal_minutes() == b.nominal_minutes();
    };
    list.erase(std::unique(list.begin(), list.end(), same), list.end());
    return list;
}

Milestone nth_milestone(const std::vector<Milestone>& list, std::size_t n)
{
    if (n < list.size())
        return list[n];
    auto year = info(MilestoneUnit::years).minutes;
    auto first_year = list.back().nominal_minutes() / year + 1;
    return {static_cast<int>(first_year + static_cast<std::int64_t>(n - list.size())),
            MilestoneUnit::years};
}

std::chrono::seconds wall_clock_span(Instant from, Instant to, const timeutil::Zone& zone)
{
    auto span = zone.to_local(to) - zone.to_local(from);
    return std::max(span, std::chrono::seconds{0});
}

Instant milestone_instant(const Milestone& m, Instant start, const timeutil::Zone& zone)
{
    switch (m.unit) {
    case MilestoneUnit::hours:
        return timeutil::to_instant(zone.to_local(start) + std::chrono::hours{m.count}, zone);
    case MilestoneUnit::days:
    case MilestoneUnit::weeks: {
        auto days = date::days{m.unit == MilestoneUnit::weeks ? m.count * 7 : m.count};
        return timeutil::to_instant(zone.to_local(start) + days, zone);
    }
    case MilestoneUnit::months:
        return calendar_months_later(start, m.count, zone);
    case MilestoneUnit::years:
        return calendar_months_later(start, m.count * 12, zone);
    }
    return start;
}

ClockStatus clock_status(const Clock& clock, std::vector<Lapse> lapses,
                         const std::vector<Milestone>& milestones,
                         const timeutil::TimeContext& time)
{
    std::sort(lapses.begin(), lapses.end(),
              [](const Lapse& a, const Lapse& b) { return a.at < b.at; });
    ClockStatus status;
    auto runs = runs_of(clock, lapses, time.now, *time.zone);
    status.current = runs.back();
    status.longest = runs.back();
    for (const auto& run : runs)
        if (run.length > status.longest.length)
            status.longest = run;
    count_clean_days(status, clock, lapses, time);
    count_money_saved(status, clock, runs, time);
    find_milestones(status, milestones, time);
    return status;
}

std::int64_t money_saved_cents(std::int64_t cost_per_day_cents, std::chrono::seconds elapsed)
{
    constexpr std::int64_t day = 86400;
    return (cost_per_day_cents * elapsed.count() + day / 2) / day;
}

std::vector<MilestoneAt> unseen_milestones(const std::vector<MilestoneAt>& reached,
                                           const std::set<std::string>& seen)
{
    std::vector<MilestoneAt> out;
    for (const auto& m : reached)
        if (!seen.count(m.milestone.key()))
            out.push_back(m);
    return out;
}

std::string format_span(std::chrono::minutes span)
{
    auto days = date::floor<date::days>(span);
    auto hours = date::floor<std::chrono::hours>(span - days);
    auto minutes = span - days - hours;
    if (days.count() > 0) {
        std::string text = plural(days.count(), "day", "days");
        return hours.count() > 0 ? text + " " + std::to_string(hours.count()) + " h" : text;
    }
    if (hours.count() > 0)
        return std::to_string(hours.count()) + " h " + std::to_string(minutes.count()) + " min";
    return std::to_string(minutes.count()) + " min";
}

std::string format_money(std::int64_t cents, const std::optional<std::string>& currency,
                         Charset charset)
{
    auto magnitude = cents < 0 ? -cents : cents;
    std::string whole = std::to_string(magnitude / 100);
    for (auto at = static_cast<std::ptrdiff_t>(whole.size()) - 3; at > 0; at -= 3)
        whole.insert(static_cast<std::size_t>(at), ",");
    auto fraction = magnitude % 100;
    std::string number = whole + (fraction < 10 ? ".0" : ".") + std::to_string(fraction);
    std::string sign = cents < 0 ? "-" : "";
    if (!currency)
        return sign + number;
    auto symbol = leading_symbol(*currency);
    bool ascii = std::all_of(symbol.begin(), symbol.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!symbol.empty() && (ascii || charset == Charset::utf8))
        return sign + std::string(symbol) + number;
    return sign + number + " " + *currency;
}

std::optional<std::int64_t> parse_money(std::string_view text)
{
    text = trim(text);
    auto dot = text.find('.');
    auto whole = text.substr(0, dot);
    auto fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    auto digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.empty() || whole.size() > 7 || !digits(whole) || !digits(fraction) ||
        fraction.size() > 2 || (dot != std::string_view::npos && fraction.empty()))
        return std::nullopt;
    std::int64_t cents = 0;
    std::from_chars(whole.data(), whole.data() + whole.size(), cents);
    cents *= 100;
    if (!fraction.empty())
        cents += (fraction[0] - '0') * 10 + (fraction.size() > 1 ? fraction[1] - '0' : 0);
    if (cents > 100'000'000)
        return std::nullopt;
    return cents;
}

} // namespace steady::domain
