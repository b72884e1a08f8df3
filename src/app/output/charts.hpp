#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace steady::app {

// Terminal charts shared by report, calendar and share. Each draws with
// Unicode block characters when `utf8` is true and falls back to plain
// ASCII otherwise, so a locale without UTF-8 never shows mojibake.

// `values` averaged down to at most `width` columns: consecutive values
// fall into equal buckets and each bucket is the mean of the values it
// has; a bucket with none is a gap (nullopt). Shorter input is returned
// unchanged. `width` 0 is treated as 1.
std::vector<std::optional<double>> squeeze(const std::vector<std::optional<double>>& values,
                                           std::size_t width);

// One character per value, its height scaled from `low` to `high`
// (inclusive; values outside are clamped): "▁▂▃▄▅▆▇█" in UTF-8, "_.-=+*#@"
// in ASCII. A gap (nullopt) is a space, so a missed day shows as a hole.
std::string sparkline(const std::vector<std::optional<double>>& values, double low, double high,
                      bool utf8);

// A horizontal bar for `value` of `max` in at most `width` cells, in
// eighths of a cell in UTF-8 ("█████▍"), whole '#' cells in ASCII. A
// positive value always shows at least the thinnest mark; 0 or a max of 0
// draws nothing.
std::string bar(double value, double max, std::size_t width, bool utf8);

// How many colours a terminal can show.
enum class ColorDepth { none, basic16, palette256, truecolor };

// The depth a terminal says it has: none when colour is off, else
// truecolor when $COLORTERM is "truecolor" or "24bit", 256 when $TERM
// names a 256-colour terminal, and the 16 basic colours otherwise.
ColorDepth color_depth(bool color, const char* colorterm, const char* term);

// What a heatmap cell stands for: a value at some level, a check-in that
// did not record the measure shown, a day without a check-in, or a day
// outside the data (before the journal began, or later than today).
enum class CellKind { value, unrecorded, missed, blank };

// One heatmap cell, two columns wide. A value has `level` 1 (least) to 4
// (most); with colour it is a block whose colour runs from red to green as
// the level rises when `rising_is_good`, the other way round when not, at
// `depth`; without colour it is a shade, "░░ ▒▒ ▓▓ ██" in UTF-8 and
// ".. :: == ##" in ASCII. An unrecorded value is "--", a missed day "··"
// ("__" in ASCII), a blank day two spaces.
std::string heat_cell(CellKind kind, int level, bool rising_is_good, ColorDepth depth, bool utf8);

} // namespace steady::app
