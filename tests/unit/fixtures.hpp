#pragma once

// The moment, places and small helpers the time, goal and store tests share.

#include <date/date.h>

#include "timeutil/time.hpp"
#include "timeutil/zone.hpp"

namespace steady::test {

inline constexpr const char* k_sun = "2026-11-22T20:00:00"; // a Sunday evening
inline constexpr const char* k_berlin = "Europe/Berlin";
inline constexpr const char* k_ny = "America/New_York";
inline constexpr const char* k_utc = "UTC";
inline constexpr auto k_mon = date::Monday;

// The day "YYYY-MM-DD" names; the text must be valid.
inline timeutil::Day stored_day(const char* text)
{
    return *timeutil::parse_stored_day(text);
}

// The zone called `name`; it must exist.
inline const timeutil::Zone& find_zone(const char* name)
{
    return *timeutil::Zone::find(name);
}

} // namespace steady::test
