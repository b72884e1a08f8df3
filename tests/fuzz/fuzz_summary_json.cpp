// libFuzzer target: parse_peer_summary, `peers import`'s reader of a
// steady-summary json (SPEC §7), over arbitrary bytes. Every input must end
// in a PeerSummary or a DataError that names the file; anything else (a
// crash, a sanitizer report, another exception escaping) is a finding. A
// summary read must hold together: its period does not end before it starts,
// its text and sha256 are those of the input, and what `peers` works out of
// it (peer_status on a day after it was made) runs through.

#include "app/commands/peers.hpp"
#include "base/error.hpp"
#include "domain/peers.hpp"
#include "timeutil/time.hpp"
#include "timeutil/zone.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what, std::string_view text)
{
    std::fprintf(stderr, "property broken: %s\n  input: '%.*s'\n", what,
                 static_cast<int>(text.size()), text.data());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace tu = steady::timeutil;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    steady::domain::PeerSummary summary;
    try {
        summary = steady::app::parse_peer_summary(text, "fuzz.json");
    } catch (const steady::DataError& e) {
        if (!std::string_view(e.what()).starts_with("'fuzz.json' is not a steady summary: "))
            broken("a DataError that does not name the file", e.what());
        return 0;
    }
    if (summary.period.to < summary.period.from)
        broken("a period that ends before it starts", text);
    if (summary.json != text || summary.sha256.size() != 64)
        broken("the summary's text or sha256 is not the input's", text);
    const auto& zone = tu::Zone::utc();
    auto made = tu::day_of(summary.generated_at, zone, tu::Minutes{0});
    steady::domain::PeerRules rules;
    for (auto today : {made, made + date::days{1}, made + date::days{40}})
        (void)steady::domain::peer_status({summary}, today, zone, tu::Minutes{0}, rules);
    return 0;
}
