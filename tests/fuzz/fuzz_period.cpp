// libFuzzer target: timeutil::parse_period (SPEC §3 periods) over arbitrary
// text in a fuzzed context (see fuzz_time.hpp). Every input must end in a
// Period or a UsageError naming the text. A Period never ends before it
// starts, "all" runs from 1970-01-01 to today, and FROM..TO written out reads
// back as the same days.

#include "fuzz_time.hpp"

#include <algorithm>

namespace tu = steady::timeutil;
using steady::fuzz::broken;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto in = steady::fuzz::read_input(data, size);
    const auto& ctx = in.ctx;
    tu::Period p;
    try {
        p = tu::parse_period(in.text, ctx);
    } catch (const steady::UsageError& e) {
        steady::fuzz::check_message(e, in.text);
        return 0;
    }
    auto range = tu::format_day(p.from) + ".." + tu::format_day(p.to);
    if (p.to < p.from)
        broken("a period ends before it starts", in.text, range);
    if (p.all &&
        (p.from != std::min(tu::Day{date::year{1970} / 1 / 1}, ctx.today()) || p.to != ctx.today()))
        broken("'all' is not 1970-01-01 to today", in.text, range);
    if (!steady::fuzz::writable(p.from) || !steady::fuzz::writable(p.to))
        return 0;
    auto again = tu::parse_period(range, ctx);
    if (again.from != p.from || again.to != p.to || again.all)
        broken("FROM..TO does not read back as the same days", in.text,
               range + " read as " + tu::format_day(again.from) + ".." + tu::format_day(again.to));
    return 0;
}
