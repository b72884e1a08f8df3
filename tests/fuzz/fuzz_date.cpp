// libFuzzer target: timeutil::parse_date (SPEC §3 date inputs) and read_now
// over arbitrary text in a fuzzed context (see fuzz_time.hpp). Every input
// must end in a DateInput or a UsageError naming the text. A DateInput must
// hold together: its day is the logical day of its instant, a whole day
// starts at its day's start, and both format back to text that parses to the
// same value.

#include "fuzz_time.hpp"

namespace tu = steady::timeutil;
using steady::fuzz::broken;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto in = steady::fuzz::read_input(data, size);
    const auto& ctx = in.ctx;
    tu::DateInput d;
    try {
        d = tu::parse_date(in.text, ctx);
    } catch (const steady::UsageError& e) {
        steady::fuzz::check_message(e, in.text);
        return 0;
    }
    if (d.has_time && d.day != tu::day_of(d.at, *ctx.zone, ctx.day_start))
        broken("the day of a time is not its logical day", in.text,
               tu::format_instant(d.at) + " on " + tu::format_day(d.day));
    if (!d.has_time && d.at != tu::start_of_day(d.day, *ctx.zone, ctx.day_start))
        broken("a whole day does not start at its day's start", in.text,
               tu::format_instant(d.at) + " for " + tu::format_day(d.day));
    if (!steady::fuzz::writable(d.day))
        return 0;
    auto day_text = tu::format_day(d.day);
    auto again = tu::parse_date(day_text, ctx);
    if (again.day != d.day || again.has_time)
        broken("a day does not read back as itself", in.text, day_text);
    if (d.has_time) {
        auto at_text = tu::format_instant(d.at);
        if (tu::parse_date(at_text, ctx).at != d.at)
            broken("an instant does not read back as itself", in.text, at_text);
    }
    return 0;
}
