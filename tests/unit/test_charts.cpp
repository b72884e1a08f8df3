#include <catch2/catch.hpp>

#include "app/output/charts.hpp"

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
