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

std::size_t display_width(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
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
