#include <catch2/catch.hpp>

#include <string>

#include "base/error.hpp"
#include "timeutil/time.hpp"

namespace tu = steady::timeutil;

namespace {

// One row: `input` and its minutes, or the prefix of the error it raises.
struct DurationCase {
    const char* input;
    long minutes;
    const char* error = nullptr;
};

const DurationCase k_duration_cases[] = {
    {"20m", 20},
    {"1h30m", 90},
    {"1h", 60},
    {"90", 90},
    {"2h 15m", 135},
    {"2h   15m", 135},
    {"45min", 45},
    {"45mins", 45},
    {"90m", 90},
    {"0h5m", 5},
    {"1H30M", 90},
    {" 20m ", 20},
    {"1", 1},
    {"24h", 1440},
    {"1440", 1440},
    {"23h60m", 1440},
    {"0", 0, "'0' is out of range for a duration (1m to 24h)"},
    {"0m", 0, "'0m' is out of range for a duration (1m to 24h)"},
    {"25h", 0, "'25h' is out of range for a duration (1m to 24h)"},
    {"1441", 0, "'1441' is out of range for a duration"},
    {"24h1m", 0, "'24h1m' is out of range for a duration"},
    {"abc", 0, "'abc' is not a duration (try 20m or 1h30m)"},
    {"-5m", 0, "'-5m' is not a duration (try 20m or 1h30m)"},
    {"", 0, "'' is not a duration (try 20m or 1h30m)"},
    {"m", 0, "'m' is not a duration"},
    {"20x", 0, "'20x' is not a duration"},
    {"1h 30", 0, "'1h 30' is not a duration"},
    {"30m1h", 0, "'30m1h' is not a duration"},
    {"1h1h", 0, "'1h1h' is not a duration"},
    {"1.5h", 0, "'1.5h' is not a duration"},
    {"999999999m", 0, "'999999999m' is not a duration"},
};

} // namespace

TEST_CASE("durations parse to exact minutes; bad ones name the text", "[unit][time][durations]")
{
    for (const auto& c : k_duration_cases) {
        INFO("input '" << c.input << "'");
        try {
            auto parsed = tu::parse_duration(c.input);
            CHECK(c.error == nullptr);
            CHECK(parsed == tu::Minutes{c.minutes});
        } catch (const steady::UsageError& e) {
            if (c.error == nullptr)
                FAIL_CHECK("unexpected error: " << e.what());
            else
                CHECK_THAT(e.what(), Catch::Matchers::StartsWith(c.error));
        }
    }
}

TEST_CASE("durations format as hours and minutes", "[unit][time][durations]")
{
    struct Row {
        long minutes;
        const char* text;
    };
    const Row rows[] = {{20, "20m"},   {60, "1h"}, {90, "1h30m"}, {135, "2h15m"},
                        {1440, "24h"}, {1, "1m"},  {0, "0m"},     {61, "1h1m"}};
    for (const auto& r : rows) {
        INFO(r.minutes << " minutes");
        CHECK(tu::format_duration(tu::Minutes{r.minutes}) == r.text);
        if (r.minutes > 0)
            CHECK(tu::parse_duration(tu::format_duration(tu::Minutes{r.minutes})) ==
                  tu::Minutes{r.minutes});
    }
}
