// libFuzzer target: timeutil::parse_duration (SPEC §3 durations) over
// arbitrary text. Every input must end in 1 minute to 24 hours or a
// UsageError naming the text, and format_duration's text reads back as the
// same duration.

#include "fuzz_time.hpp"

namespace tu = steady::timeutil;
using steady::fuzz::broken;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    tu::Minutes d;
    try {
        d = tu::parse_duration(text);
    } catch (const steady::UsageError& e) {
        steady::fuzz::check_message(e, text);
        return 0;
    }
    if (d < tu::Minutes{1} || d > tu::Minutes{24 * 60})
        broken("a duration out of 1m..24h", text, std::to_string(d.count()) + " minutes");
    auto written = tu::format_duration(d);
    if (tu::parse_duration(written) != d)
        broken("a duration does not read back as itself", text, written);
    return 0;
}
