#include <catch2/catch.hpp>

#include <optional>
#include <vector>

#include "app/output/charts.hpp"
#include "app/output/output.hpp"

using namespace steady::app;

TEST_CASE("a heat cell is two columns: a shade, a colour or a mark", "[calendar][charts][unit]")
{
    CHECK(heat_cell(CellKind::value, 1, true, ColorDepth::none, true) == "░░");
    CHECK(heat_cell(CellKind::value, 4, true, ColorDepth::none, true) == "██");
    // The shade follows the level whichever way is good; colour does not.
    CHECK(heat_cell(CellKind::value, 4, false, ColorDepth::none, true) == "██");
    CHECK(heat_cell(CellKind::value, 2, true, ColorDepth::none, false) == "::");
    CHECK(heat_cell(CellKind::value, 9, true, ColorDepth::none, false) == "##");
    CHECK(heat_cell(CellKind::missed, 0, true, ColorDepth::none, true) == "··");
    CHECK(heat_cell(CellKind::missed, 0, true, ColorDepth::truecolor, false) == "__");
    CHECK(heat_cell(CellKind::unrecorded, 0, true, ColorDepth::none, true) == "--");
    CHECK(heat_cell(CellKind::unrecorded, 0, true, ColorDepth::basic16, false) == "--");
    CHECK(heat_cell(CellKind::blank, 3, true, ColorDepth::palette256, true) == "  ");

    CHECK(heat_cell(CellKind::value, 1, true, ColorDepth::basic16, true) == "\x1b[41m  \x1b[0m");
    CHECK(heat_cell(CellKind::value, 1, false, ColorDepth::basic16, true) == "\x1b[102m  \x1b[0m");
    CHECK(heat_cell(CellKind::value, 4, true, ColorDepth::palette256, true) ==
          "\x1b[48;5;28m  \x1b[0m");
    CHECK(heat_cell(CellKind::value, 4, true, ColorDepth::truecolor, true) ==
          "\x1b[48;2;26;152;80m  \x1b[0m");
}

TEST_CASE("the colour depth comes from --color, $COLORTERM and $TERM", "[calendar][charts][unit]")
{
    CHECK(color_depth(false, "truecolor", "xterm-256color") == ColorDepth::none);
    CHECK(color_depth(true, "truecolor", "xterm") == ColorDepth::truecolor);
    CHECK(color_depth(true, "24bit", nullptr) == ColorDepth::truecolor);
    CHECK(color_depth(true, nullptr, "xterm-256color") == ColorDepth::palette256);
    CHECK(color_depth(true, "", "screen-256color") == ColorDepth::palette256);
    CHECK(color_depth(true, nullptr, "xterm") == ColorDepth::basic16);
    CHECK(color_depth(true, nullptr, nullptr) == ColorDepth::basic16);
}

TEST_CASE("a sparkline has one mark a value and a gap for a missing one", "[charts][unit]")
{
    std::vector<std::optional<double>> values = {1, 10, std::nullopt, 5.5, 0, 99};
    CHECK(sparkline(values, 1, 10, true) == "▁█ ▅▁█");
    CHECK(sparkline(values, 1, 10, false) == "_@ +_@");
    CHECK(sparkline({}, 0, 10, true).empty());
    // A flat line (low == high) sits in the middle rather than dividing by zero.
    CHECK(sparkline({3.0, 3.0}, 3, 3, false) == "++");
}

TEST_CASE("squeeze averages a long series into at most the columns there are", "[charts][unit]")
{
    std::vector<std::optional<double>> days = {2, 4, std::nullopt, std::nullopt, 6, std::nullopt};
    auto three = squeeze(days, 3);
    REQUIRE(three.size() == 3);
    CHECK(three[0] == 3.0);
    CHECK_FALSE(three[1]);
    CHECK(three[2] == 6.0);
    CHECK(squeeze(days, 10) == days);
    CHECK(squeeze(days, 0).size() == 1);
    CHECK(squeeze(days, 0)[0] == 4.0);
}

TEST_CASE("a bar is eighths of a cell in UTF-8 and whole cells in ASCII", "[charts][unit]")
{
    CHECK(bar(10, 10, 4, true) == "████");
    CHECK(bar(5, 10, 4, true) == "██");
    CHECK(bar(1, 10, 4, true) == "▍");
    CHECK(bar(1, 1000, 4, true) == "▏"); // the thinnest mark, never nothing
    CHECK(bar(5, 10, 4, false) == "##");
    CHECK(bar(1, 1000, 4, false) == "#");
    CHECK(bar(0, 10, 4, true).empty());
    CHECK(bar(3, 0, 4, true).empty());
    CHECK(bar(20, 10, 4, false) == "####");
}

TEST_CASE("display width counts wide characters twice and marks not at all", "[charts][unit]")
{
    CHECK(display_width("walk") == 4);
    CHECK(display_width("Spaziergang ä") == 13);
    CHECK(display_width("散歩する") == 8);
    CHECK(display_width("e\xcc\x81") == 1); // e and a combining acute accent
    CHECK(display_width("▁▂█") == 3);
    CHECK(display_width("\xff") == 1); // not UTF-8: one column a byte
}
