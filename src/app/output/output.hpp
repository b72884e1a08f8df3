#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace steady::app {

struct OutputStyle {
    bool color = false; // ANSI colour (only on a terminal, never with NO_COLOR)
    bool utf8 = true;   // the locale can show UTF-8 (else charts fall back to ASCII)
    bool quiet = false; // -q: say only what was asked for
};

enum class Tone { plain, good, warn, dim, bold };

// Where a command's words go: stdout, with the style the user asked for.
class Output {
  public:
    Output(std::ostream& out, OutputStyle style) : m_out(out), m_style(style) {}

    std::ostream& stream() { return m_out; }
    const OutputStyle& style() const { return m_style; }

    // `text` in `tone` (colour only when enabled).
    std::string paint(std::string_view text, Tone tone) const;
    // A line of chatter (confirmations, encouragement): dropped with -q.
    void say(std::string_view line);
    // `utf8` when the locale shows it, else `ascii`.
    std::string_view glyph(std::string_view utf8, std::string_view ascii) const
    {
        return m_style.utf8 ? utf8 : ascii;
    }

  private:
    std::ostream& m_out;
    OutputStyle m_style;
};

// A plain text table: columns padded to their widest cell (display width,
// counting UTF-8 code points), the last column left ragged.
class Table {
  public:
    explicit Table(std::vector<std::string> header) : m_header(std::move(header)) {}
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    void print(Output& out) const;
    bool empty() const { return m_rows.empty(); }

  private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

// `text` with the typographic marks steady itself writes (· – — …) replaced
// by ASCII ones, for a locale without UTF-8; other characters, such as the
// user's own words, pass unchanged.
std::string ascii_marks(std::string_view text);

// `text`, a person's own words (a note, a trigger, a name), safe to print
// on a terminal: control characters (escape, bell, …, DEL and the C1
// controls U+0080 to U+009F) and bidi embeddings, overrides and isolates
// (U+202A to U+202E, U+2066 to U+2069) shown as '?', so that what was
// written, or imported from elsewhere, cannot move the cursor, colour the
// terminal or reorder the line. Newlines and tabs stay; with `one_line`
// they, and carriage returns, become spaces.
std::string printable(std::string_view text, bool one_line = false);

// The number of terminal columns `text` (UTF-8) takes: a column a character,
// two for East Asian wide ones, none for combining marks.
std::size_t display_width(std::string_view text);

} // namespace steady::app
