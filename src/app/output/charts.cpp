#include "app/output/charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace steady::app {

std::vector<std::optional<double>> squeeze(const std::vector<std::optional<double>>& values,
                                           std::size_t width)
{
    width = std::max<std::size_t>(width, 1);
    if (values.size() <= width)
        return values;
    std::vector<std::optional<double>> out(width);
    for (std::size_t column = 0; column < width; ++column) {
        auto first = column * values.size() / width;
        auto last = (column + 1) * values.size() / width;
        double sum = 0;
        int count = 0;
        for (auto i = first; i < last; ++i)
            if (values[i]) {
                sum += *values[i];
                ++count;
            }
        if (count > 0)
            out[column] = sum / count;
    }
    return out;
}

std::string sparkline(const std::vector<std::optional<double>>& values, double low, double high,
                      bool utf8)
{
    static constexpr std::array<std::string_view, 8> k_blocks = {"▁", "▂", "▃", "▄",
                                                                 "▅", "▆", "▇", "█"};
    static constexpr std::string_view k_ascii = "_.-=+*#@";
    std::string line;
    for (const auto& value : values) {
        if (!value) {
            line += ' ';
            continue;
        }
        double share = high > low ? (std::clamp(*value, low, high) - low) / (high - low) : 0.5;
        auto step = std::min<std::size_t>(7, static_cast<std::size_t>(std::lround(share * 7)));
        if (utf8)
            line += k_blocks[step];
        else
            line += k_ascii[step];
    }
    return line;
}

std::string bar(double value, double max, std::size_t width, bool utf8)
{
    if (value <= 0 || max <= 0 || width == 0)
        return {};
    static constexpr std::array<std::string_view, 8> k_eighths = {"▏", "▎", "▍", "▌",
                                                                  "▋", "▊", "▉", "█"};
    double cells = std::min(value, max) / max * static_cast<double>(width);
    if (!utf8) {
        auto whole = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(cells)));
        return std::string(whole, '#');
    }
    auto eighths = std::max<long>(1, std::lround(cells * 8));
    std::string out;
    for (long i = 0; i < eighths / 8; ++i)
        out += k_eighths[7];
    if (eighths % 8 != 0)
        out += k_eighths[static_cast<std::size_t>(eighths % 8 - 1)];
    return out;
}

ColorDepth color_depth(bool color, const char* colorterm, const char* term)
{
    if (!color)
        return ColorDepth::none;
    std::string_view ct = colorterm ? colorterm : "";
    if (ct == "truecolor" || ct == "24bit")
        return ColorDepth::truecolor;
    std::string_view t = term ? term : "";
    if (t.find("256color") != std::string_view::npos)
        return ColorDepth::palette256;
    return ColorDepth::basic16;
}

namespace {

// The background escape for step `step` (0 red .. 3 green) at `depth`.
std::string heat_background(int step, ColorDepth depth)
{
    static constexpr std::array<int, 4> k_basic = {41, 43, 42, 102};
    static constexpr std::array<int, 4> k_palette = {160, 214, 112, 28};
    static constexpr std::array<std::array<int, 3>, 4> k_rgb = {
        {{215, 48, 39}, {253, 174, 97}, {166, 217, 106}, {26, 152, 80}}};
    auto i = static_cast<std::size_t>(step);
    switch (depth) {
    case ColorDepth::truecolor:
        return "\x1b[48;2;" + std::to_string(k_rgb[i][0]) + ";" + std::to_string(k_rgb[i][1]) +
               ";" + std::to_string(k_rgb[i][2]) + "m";
    case ColorDepth::palette256:
        return "\x1b[48;5;" + std::to_string(k_palette[i]) + "m";
    default:
        return "\x1b[" + std::to_string(k_basic[i]) + "m";
    }
}

} // namespace

std::string heat_cell(CellKind kind, int level, bool rising_is_good, ColorDepth depth, bool utf8)
{
    if (kind == CellKind::blank)
        return "  ";
    if (kind == CellKind::missed)
        return utf8 ? "··" : "__";
    if (kind == CellKind::unrecorded)
        return "--";
    int step = std::clamp(level, 1, 4) - 1;
    if (depth != ColorDepth::none)
        return heat_background(rising_is_good ? step : 3 - step, depth) + "  \x1b[0m";
    static constexpr std::array<std::string_view, 4> k_shades = {"░░", "▒▒", "▓▓", "██"};
    static constexpr std::array<std::string_view, 4> k_marks = {"..", "::", "==", "##"};
    auto i = static_cast<std::size_t>(step);
    return std::string(utf8 ? k_shades[i] : k_marks[i]);
}

} // namespace steady::app
