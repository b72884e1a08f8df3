#pragma once

// Helpers shared by the timeutil parsers; not part of the public interface.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace steady::timeutil::detail {

// `text` without leading and trailing whitespace.
std::string_view trim(std::string_view text);

// `text` trimmed, ASCII-lowercased, with each run of inner whitespace made one space.
std::string normalize(std::string_view text);

// A non-negative whole number made of 1..`max_digits` ASCII digits and nothing
// else; nullopt otherwise.
std::optional<long long> parse_count(std::string_view text, std::size_t max_digits = 6);

// A cursor over text being parsed left to right.
class Scanner {
  public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    bool done() const { return m_pos == m_text.size(); }
    char peek() const { return done() ? '\0' : m_text[m_pos]; }
    // Consumes `c` if it is next.
    bool eat(char c);
    // Reads `min`..`max` digits (as many as there are, up to `max`).
    std::optional<int> digits(std::size_t min, std::size_t max);

  private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

// A date, optionally with a time of day and a UTC offset, as ISO 8601 writes it:
// "2026-11-21", "2026-11-21 22:15", "2026-11-21t22:15:05z", "…+01:00", "…-0500".
struct IsoDateTime {
    date::year_month_day ymd;
    std::optional<std::chrono::seconds> time_of_day;
    std::optional<std::chrono::minutes> utc_offset;
};

enum class IsoStatus { ok, malformed, bad_date, bad_time };

struct IsoResult {
    IsoStatus status = IsoStatus::malformed;
    IsoDateTime value;
};

// Parses lowercase ISO 8601 text (see IsoDateTime). `bad_date` for a well-formed
// but nonexistent date (2026-02-30), `bad_time` for 25:00 or 12:60.
IsoResult parse_iso(std::string_view text);

// True if `text` starts like an ISO date ("dddd-").
bool looks_like_iso_date(std::string_view text);

} // namespace steady::timeutil::detail
