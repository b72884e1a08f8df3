#pragma once

// What the time grammar targets share: the context an input is read in, and
// the way a target reports a broken property.
//
// An input is "CONTEXT\nTEXT" or just "TEXT". CONTEXT is
// "ZONE NOW DAY_START WEEK_START" ("Europe/Berlin 2026-11-22T20:00:00 04:00 1"):
// one of a few zones (named ones resolve, others fall back to UTC), a
// $STEADY_NOW value read by read_now (a bad one falls back to a Sunday evening
// in 2026), a day start HH:MM and a weekday digit 0..6 (0 = Sunday). Seeds are
// readable rows of the unit tables; the mutator changes context and text.

#include "base/error.hpp"
#include "timeutil/time.hpp"
#include "timeutil/zone.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace steady::fuzz {

[[noreturn]] inline void broken(const char* what, std::string_view text, const std::string& detail)
{
    std::fprintf(stderr, "property broken: %s\n  input: '%.*s'\n  %s\n", what,
                 static_cast<int>(text.size()), text.data(), detail.c_str());
    std::abort();
}

struct Input {
    timeutil::TimeContext ctx;
    std::string_view text;
};

inline std::string_view next_word(std::string_view& line)
{
    auto space = line.find(' ');
    auto word = line.substr(0, space);
    line = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
    return word;
}

inline const timeutil::Zone& pick_zone(std::string_view name)
{
    // A fixed set: Zone::find keeps every zone it loads, and a fuzzer that
    // could name any file would measure the file system, not the parser.
    for (const char* known :
         {"UTC", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Australia/Lord_Howe",
          "Pacific/Chatham", "Asia/Kolkata", "America/St_Johns"})
        if (name == known)
            if (const auto* zone = timeutil::Zone::find(known))
                return *zone;
    return timeutil::Zone::utc();
}

inline Input read_input(const std::uint8_t* data, std::size_t size)
{
    std::string_view all(reinterpret_cast<const char*>(data), size);
    Input in{{}, all};
    std::string_view header;
    if (auto newline = all.find('\n'); newline != std::string_view::npos) {
        header = all.substr(0, newline);
        in.text = all.substr(newline + 1);
    }
    const auto& zone = pick_zone(next_word(header));
    in.ctx.zone = &zone;
    std::string now{next_word(header)};
    try {
        in.ctx.now = timeutil::read_now(now.c_str(), zone);
    } catch (const UsageError&) {
        in.ctx.now = timeutil::read_now("2026-11-22T20:00:00", zone);
    }
    if (auto start = timeutil::parse_clock_time(next_word(header)))
        in.ctx.day_start = *start;
    auto week = next_word(header);
    if (week.size() == 1 && week[0] >= '0' && week[0] <= '6')
        in.ctx.week_start = date::weekday{static_cast<unsigned>(week[0] - '0')};
    return in;
}

// True when `day` formats as the four-digit year the grammar reads back.
inline bool writable(timeutil::Day day)
{
    auto y = static_cast<int>(date::year_month_day{day}.year());
    return y >= 0 && y <= 9999;
}

// A UsageError's message names the input: it starts with a quote or "period '".
inline void check_message(const UsageError& e, std::string_view text)
{
    std::string_view message = e.what();
    if (!message.starts_with("'") && !message.starts_with("period '"))
        broken("a usage error that does not name the input", text, message.data());
}

} // namespace steady::fuzz
