// libFuzzer target: config::parse over arbitrary bytes. Every input must end in
// a Config or a ConfigError naming the file; anything else (a crash, a
// sanitizer report, another exception escaping) is a finding.

#include "base/error.hpp"
#include "config/config.hpp"

#include <toml++/toml.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

static_assert(TOML_HEADER_ONLY == 1 && TOML_SHARED_LIB == 0,
              "the fuzz target must compile toml++'s parser itself, so the sanitizers see it");

namespace {

const steady::config::Env k_fuzz_env = {{"HOME", "/home/fuzz"}};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        steady::config::parse(text, "fuzz.toml", k_fuzz_env);
    } catch (const steady::ConfigError& e) {
        if (!std::string_view(e.what()).starts_with("fuzz.toml")) {
            std::fprintf(stderr, "a ConfigError that does not name the file: %s\n", e.what());
            std::abort();
        }
    }
    return 0;
}
