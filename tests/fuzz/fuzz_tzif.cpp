// libFuzzer target: timeutil::Zone::parse, the TZif (RFC 8536) reader and its
// POSIX TZ footer, over arbitrary bytes. Zone::find reads a file and hands
// its bytes to parse, so this is the whole reader. Every input must end in a
// Zone or nullopt, never an exception. A Zone's offsets stay within RFC
// 8536's ±26 h, and the local time of any instant is a real local time: it
// maps back (to_sys) to an instant with that same local time.

#include "fuzz_time.hpp"

#include <chrono>
#include <vector>

namespace tu = steady::timeutil;
using std::chrono::seconds;
using steady::fuzz::broken;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto zone = tu::Zone::parse("Fuzz/Zone", bytes);
    if (!zone)
        return 0;
    // Instants around the epoch, the years steady's journals live in, the
    // footer's last year, and a few taken from the input's tail.
    std::vector<std::int64_t> probes = {-(std::int64_t{1} << 35),
                                        -2208988800,
                                        -1,
                                        0,
                                        1,
                                        1774746000,
                                        1792890000,
                                        1798761599,
                                        7258118400,
                                        std::int64_t{1} << 35};
    for (std::size_t i = size >= 8 ? size - 8 : size; i + 4 <= size; i += 4) {
        std::int32_t v = 0;
        for (std::size_t k = 0; k < 4; ++k)
            v = static_cast<std::int32_t>(static_cast<std::uint32_t>(v) << 8 | data[i + k]);
        probes.push_back(v);
        probes.push_back(std::int64_t{v} * 64);
    }
    for (auto p : probes) {
        const date::sys_seconds at{seconds{p}};
        auto offset = zone->offset(at);
        if (offset <= -seconds{26 * 3600} || offset >= seconds{26 * 3600})
            broken("an offset beyond 26 hours", "(tzif)", std::to_string(offset.count()));
        auto local = zone->to_local(at);
        auto back = zone->to_sys(local);
        if (zone->to_local(back) != local)
            broken("a local time does not map back to itself", "(tzif)",
                   "at " + std::to_string(p) + " -> " +
                       std::to_string(back.time_since_epoch().count()));
    }
    return 0;
}
