#pragma once

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>

#include "cli/test_app.hpp"

namespace steady::test {

// How many times `needle` occurs in `text`.
inline std::size_t occurrences(const std::string& text, const std::string& needle)
{
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++n;
    return n;
}

// Adds clock 'alcohol', started 2026-08-24 (90 days 21 h before the tests' now).
inline void add_alcohol(TestApp& app)
{
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-08-24"}).exit_code == 0);
}

} // namespace steady::test

// A refused command: exit code `code`, nothing on stdout, and on stderr one
// message "steady: …" containing `text`.
#define CHECK_REFUSED(result, code, text)                                                          \
    do {                                                                                           \
        const auto& refused_ = (result);                                                           \
        CHECK(refused_.exit_code == (code));                                                       \
        CHECK(refused_.out.empty());                                                               \
        CHECK_THAT(refused_.err, Catch::Matchers::StartsWith("steady: "));                         \
        CHECK_THAT(refused_.err, Catch::Matchers::Contains(text));                                 \
    } while (false)
