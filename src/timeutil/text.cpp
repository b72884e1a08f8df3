#include "timeutil/text.hpp"

#include <cctype>

namespace steady::timeutil::detail {

namespace {

bool is_space(char c)
{
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

std::optional<std::chrono::seconds> scan_time_of_day(Scanner& s, bool& in_range)
{
    auto hour = s.digits(1, 2);
    if (!hour || !s.eat(':'))
        return std::nullopt;
    auto minute = s.digits(2, 2);
    if (!minute)
        return std::nullopt;
    int second = 0;
    if (s.eat(':')) {
        auto sec = s.digits(2, 2);
        if (!sec)
            return std::nullopt;
        second = *sec;
    }
    in_range = *hour <= 23 && *minute <= 59 && second <= 59;
    return std::chrono::hours{*hour} + std::chrono::minutes{*minute} + std::chrono::seconds{second};
}

// "z", "+01:00", "+0100", "+01", "-05:00"; nullopt (and `ok` false) if malformed.
std::optional<std::chrono::minutes> scan_offset(Scanner& s, bool& ok)
{
    ok = true;
    if (s.eat('z'))
        return std::chrono::minutes{0};
    int sign = s.eat('+') ? 1 : s.eat('-') ? -1 : 0;
    if (sign == 0)
        return std::nullopt;
    auto hours = s.digits(2, 2);
    std::optional<int> mins = 0;
    if (s.eat(':') || !s.done())
        mins = s.digits(2, 2);
    if (!hours || !mins || *hours > 23 || *mins > 59) {
        ok = false;
        return std::nullopt;
    }
    return std::chrono::minutes{sign * (*hours * 60 + *mins)};
}

} // namespace

std::string_view trim(std::string_view text)
{
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string normalize(std::string_view text)
{
    std::string out;
    bool pending_space = false;
    for (char c : trim(text)) {
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::optional<long long> parse_count(std::string_view text, std::size_t max_digits)
{
    if (text.empty() || text.size() > max_digits)
        return std::nullopt;
    long long value = 0;
    for (char c : text) {
        if (!is_digit(c))
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool Scanner::eat(char c)
{
    if (peek() != c || done())
        return false;
    ++m_pos;
    return true;
}

std::optional<int> Scanner::digits(std::size_t min, std::size_t max)
{
    std::size_t n = 0;
    int value = 0;
    while (n < max && m_pos + n < m_text.size() && is_digit(m_text[m_pos + n])) {
        value = value * 10 + (m_text[m_pos + n] - '0');
        ++n;
    }
    if (n < min)
        return std::nullopt;
    m_pos += n;
    return value;
}

bool looks_like_iso_date(std::string_view text)
{
    return text.size() >= 5 && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2]) &&
           is_digit(text[3]) && text[4] == '-';
}

IsoResult parse_iso(std::string_view text)
{
    IsoResult r;
    Scanner s{text};
    auto y = s.digits(4, 4);
    auto m = y && s.eat('-') ? s.digits(2, 2) : std::nullopt;
    auto d = m && s.eat('-') ? s.digits(2, 2) : std::nullopt;
    if (!d)
        return r;
    r.value.ymd = date::year{*y} / date::month{static_cast<unsigned>(*m)} /
                  date::day{static_cast<unsigned>(*d)};
    bool time_in_range = true;
    if (!s.done()) {
        if (!s.eat('t') && !s.eat(' '))
            return r;
        r.value.time_of_day = scan_time_of_day(s, time_in_range);
        bool offset_ok = true;
        if (r.value.time_of_day && !s.done())
            r.value.utc_offset = scan_offset(s, offset_ok);
        if (!r.value.time_of_day || !offset_ok || !s.done())
            return r;
    }
    r.status = !r.value.ymd.ok() ? IsoStatus::bad_date
               : !time_in_range  ? IsoStatus::bad_time
                                 : IsoStatus::ok;
    return r;
}

} // namespace steady::timeutil::detail
