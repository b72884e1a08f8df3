#include "app/output/output.hpp"

#include <algorithm>
#include <utility>

namespace steady::app {

std::string Output::paint(std::string_view text, Tone tone) const
{
    if (!m_style.color || tone == Tone::plain)
        return std::string(text);
    const char* code = "";
    switch (tone) {
    case Tone::good:
        code = "\x1b[32m";
        break;
    case Tone::warn:
        code = "\x1b[33m";
        break;
    case Tone::dim:
        code = "\x1b[2m";
        break;
    case Tone::bold:
        code = "\x1b[1m";
        break;
    case Tone::plain:
        break;
    }
    return code + std::string(text) + "\x1b[0m";
}

void Output::say(std::string_view line)
{
    if (!m_style.quiet)
        m_out << line << '\n';
}

namespace {

// Whether `text` starts with an explicit bidi embedding, override or
// isolate (U+202A to U+202E, U+2066 to U+2069), three bytes in UTF-8.
bool bidi_control(std::string_view text)
{
    if (text.size() < 3 || text[0] != '\xe2')
        return false;
    auto second = static_cast<unsigned char>(text[1]);
    auto third = static_cast<unsigned char>(text[2]);
    return (second == 0x80 && third >= 0xaa && third <= 0xae) ||
           (second == 0x81 && third >= 0xa6 && third <= 0xa9);
}

} // namespace

std::string printable(std::string_view text, bool one_line)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        auto byte = static_cast<unsigned char>(c);
        auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        bool blank = c == '\n' || c == '\t' || (one_line && c == '\r');
        if (blank) {
            out += one_line ? ' ' : c;
        } else if (byte == 0xc2 && next >= 0x80 && next <= 0x9f) {
            out += '?'; // a C1 control (U+0080 to U+009F: CSI, OSC, …), which xterm obeys
            ++i;
        } else if (bidi_control(text.substr(i))) {
            out += '?'; // would reorder the rest of the line where the terminal does bidi
            i += 2;
        } else {
            out += byte < 0x20 || byte == 0x7f ? '?' : c;
        }
    }
    return out;
}

std::string ascii_marks(std::string_view text)
{
    static constexpr std::pair<std::string_view, std::string_view> k_marks[] = {
        {"·", "-"}, {"–", "-"}, {"—", "--"}, {"…", "..."}};
    std::string out(text);
    for (const auto& [mark, ascii] : k_marks)
        for (auto at = out.find(mark); at != std::string::npos; at = out.find(mark, at))
            out.replace(at, mark.size(), ascii);
    return out;
}

namespace {

// The columns code point `c` takes in a terminal: 2 for East Asian wide and
// fullwidth characters and most emoji, 0 for combining marks and zero-width
// spaces, else 1 (a short table, as wcwidth's would be, but locale-free).
std::size_t code_point_width(char32_t c)
{
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || c == 0xFE0F)
        return 0;
    bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
                (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
                (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
                (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
                (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

} // namespace

std::size_t display_width(std::string_view text)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = byte < 0x80    ? 1
                             : byte >= 0xF0 ? 4
                             : byte >= 0xE0 ? 3
                             : byte >= 0xC0 ? 2
                                            : 1;
        if (i + length > text.size())
            length = 1;
        char32_t c = length == 1 ? byte : byte & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k)
            c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        width += code_point_width(c);
        i += length;
    }
    return width;
}

void Table::print(Output& out) const
{
    std::vector<std::size_t> widths(m_header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));
    };
    measure(m_header);
    for (const auto& row : m_rows)
        measure(row);
    auto print_row = [&](const std::vector<std::string>& row, Tone tone) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size())
                line += std::string(widths[i] - display_width(row[i]) + 2, ' ');
        }
        out.stream() << out.paint(line, tone) << '\n';
    };
    print_row(m_header, Tone::bold);
    for (const auto& row : m_rows)
        print_row(row, Tone::plain);
}

} // namespace steady::app
