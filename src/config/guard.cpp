#include "config/guard.hpp"

#include "base/error.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

namespace steady::config::detail {

namespace {

// One UTF-8 encoded character: its code point and its length in bytes.
struct Utf8Char {
    char32_t code;
    std::size_t size;
};

// The character at the start of non-empty `text`, or none if its bytes are not
// UTF-8: a stray continuation byte, a cut-off sequence, an overlong form, a
// surrogate or a value past U+10FFFF.
std::optional<Utf8Char> utf8_char_at(std::string_view text)
{
    const auto lead = static_cast<unsigned char>(text[0]);
    if (lead < 0x80)
        return Utf8Char{lead, 1};
    std::size_t size = 4;
    if ((lead & 0xE0) == 0xC0)
        size = 2;
    else if ((lead & 0xF0) == 0xE0)
        size = 3;
    else if ((lead & 0xF8) != 0xF0)
        return std::nullopt;
    if (text.size() < size)
        return std::nullopt;
    char32_t code = lead & (0x7Fu >> size);
    for (std::size_t i = 1; i < size; ++i) {
        const auto next = static_cast<unsigned char>(text[i]);
        if ((next & 0xC0) != 0x80)
            return std::nullopt;
        code = (code << 6) | (next & 0x3Fu);
    }
    constexpr char32_t k_smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < k_smallest[size] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return std::nullopt;
    return Utf8Char{code, size};
}

// `c` (the character at the start of `text`) as messages quote it: "'#'",
// "'é' (U+00E9)", or "U+0001" for a control character.
std::string quote_char(std::string_view text, Utf8Char c)
{
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c.code));
    if (c.code < 0x20 || c.code == 0x7F)
        return code;
    const std::string quoted = "'" + std::string(text.substr(0, c.size)) + "'";
    return c.code < 0x80 ? quoted : quoted + " (" + code + ")";
}

bool is_bare_key_start(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '"' || c == '\'';
}

bool is_ascii_digit(int c)
{
    return c >= '0' && c <= '9';
}

// A bare value toml++ may read as the date of a date and time: ten
// characters once its underscores are dropped, a digit first and '-' as the
// fifth and eighth. toml++'s own test is narrower; being wider only refuses
// text that is no valid value either.
bool looks_like_toml_date(std::string_view text)
{
    std::string kept;
    for (const char c : text)
        if (c != '_')
            kept += c;
    return kept.size() == 10 && is_ascii_digit(kept[0]) && kept[4] == '-' && kept[7] == '-';
}

// What ends a value for toml++ (is_value_terminator), in ASCII.
bool ends_toml_value(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == ']' || c == '}' || c == ',' || c == '#';
}

bool is_space_or_break(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// One pass over the text that tracks strings, comments, table headers and the
// brackets of values, just enough to know where toml++ will be.
class TextGuard {
  public:
    TextGuard(std::string_view text, const std::string& path) : m_text(text), m_path(path) {}

    void check();

  private:
    struct Open {
        char bracket; // '[' or '{'
        int line;
        int column;
    };

    // The byte `ahead` bytes on, or -1 past the end.
    int byte(std::size_t ahead = 0) const
    {
        const std::size_t at = m_at + ahead;
        return at < m_text.size() ? static_cast<unsigned char>(m_text[at]) : -1;
    }
    Utf8Char current() const;
    void advance();
    void advance(std::size_t count);
    std::size_t run_of(char quote) const;
    [[noreturn]] void fail(const std::string& what) const { fail_at(m_line, m_column, what); }
    [[noreturn]] void fail_at(int line, int column, const std::string& what) const;

    bool opens_string() const;
    void check_mark(int c);
    void check_date_then_space();
    void check_header();
    void check_string(char quote);
    void check_escape(bool multi_line);
    void check_closing_brace();

    std::string_view m_text;
    const std::string& m_path;
    std::size_t m_at = 0;
    int m_line = 1;
    int m_column = 1;
    std::vector<Open> m_open;  // the brackets of the values the text is inside
    bool m_line_start = true;  // nothing but blanks so far on this line
    int m_previous = -1;       // the last byte outside strings and comments, -1 at first
    bool m_value_next = false; // after '=', or '[' or ',' in a list: a value may start
    bool m_bare = false;       // inside a value that is not a string, list or table
    std::size_t m_bare_start = 0;
};

void TextGuard::check()
{
    if (m_text.starts_with("\xEF\xBB\xBF"))
        m_at = 3;
    while (m_at < m_text.size()) {
        const int c = byte();
        if (m_bare && c == ' ')
            check_date_then_space();
        if (is_space_or_break(c) || c == '#')
            m_bare = false;
        if (is_space_or_break(c)) {
            m_line_start = m_line_start || c == '\n';
            m_previous = c;
            advance();
        } else if (c == '#') {
            while (byte() != -1 && byte() != '\n')
                advance();
        } else if ((c == '"' || c == '\'') && opens_string()) {
            check_string(static_cast<char>(c));
            m_line_start = m_value_next = false;
            m_previous = c;
        } else if (c >= 0x80) {
            fail(quote_char(m_text.substr(m_at), current()) +
                 " may only appear inside a quoted string or a comment");
        } else {
            check_mark(c);
            m_line_start = false;
            m_previous = c;
        }
    }
}

// toml++ reads a quote as the start of a string only where a key or a value
// starts; inside a bare value (1"…") or a bare key (a"…") it is a character
// like any other, and so is what follows it.
bool TextGuard::opens_string() const
{
    constexpr std::string_view k_before_string = " \t\r\n=[{,.";
    return !m_bare && (m_previous == -1 || k_before_string.find(static_cast<char>(m_previous)) !=
                                               std::string_view::npos);
}

// At an ASCII character outside strings and comments, but for blanks and '#'.
void TextGuard::check_mark(int c)
{
    const bool value_start = std::exchange(m_value_next, false);
    if (c == ',' || c == ']' || c == '}')
        m_bare = false;
    if (m_bare) {
        const std::string_view date = m_text.substr(m_bare_start, m_at - m_bare_start);
        if ((c == 'T' || c == 't') && looks_like_toml_date(date) && !is_ascii_digit(byte(1))) {
            advance();
            fail("'" + std::string(date) + static_cast<char>(c) +
                 "' must be followed by a time like 07:32:00");
        }
        advance();
        return;
    }
    if (c == '[' && m_line_start && m_open.empty())
        return check_header();
    if (c == '[' || c == '{') {
        m_open.push_back({static_cast<char>(c), m_line, m_column});
        m_value_next = c == '[';
    } else if (c == ']' && !m_open.empty() && m_open.back().bracket == '[') {
        m_open.pop_back();
    } else if (c == '}') {
        check_closing_brace();
    } else if (c == '=' || (c == ',' && !m_open.empty() && m_open.back().bracket == '[')) {
        m_value_next = true;
    } else if (value_start) {
        m_bare = true;
        m_bare_start = m_at;
    }
    advance();
}

// At a space after a bare value. toml++ reads "1979-05-27 07:32:00" as one
// date and time, and after a date, a space and one digit it asserts that a
// second digit follows (parse_value's scan).
void TextGuard::check_date_then_space()
{
    const std::string_view date = m_text.substr(m_bare_start, m_at - m_bare_start);
    if (!looks_like_toml_date(date) || !is_ascii_digit(byte(1)) || !ends_toml_value(byte(2)))
        return;
    const std::string written = std::string(date) + ' ' + static_cast<char>(byte(1));
    advance(2);
    fail("'" + written + "' is not a date and time; write one like 1979-05-27 07:32:00");
}

Utf8Char TextGuard::current() const
{
    const auto c = utf8_char_at(m_text.substr(m_at));
    if (!c) {
        char lead[16];
        std::snprintf(lead, sizeof lead, "0x%02X", static_cast<unsigned>(byte()));
        fail(std::string("bytes that are not UTF-8 (from ") + lead + "); save the file as UTF-8");
    }
    return *c;
}

void TextGuard::advance()
{
    const Utf8Char c = current();
    m_at += c.size;
    if (c.code == '\n') {
        ++m_line;
        m_column = 1;
    } else {
        ++m_column;
    }
}

void TextGuard::advance(std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i)
        advance();
}

std::size_t TextGuard::run_of(char quote) const
{
    std::size_t n = 0;
    while (byte(n) == quote)
        ++n;
    return n;
}

void TextGuard::fail_at(int line, int column, const std::string& what) const
{
    throw ConfigError(m_path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                      what);
}

// At the '[' that starts a line outside any value: "[name]" or "[[name]]".
void TextGuard::check_header()
{
    const int line = m_line;
    const int column = m_column;
    advance(byte(1) == '[' ? 2 : 1);
    while (byte() == ' ' || byte() == '\t')
        advance();
    const int c = byte();
    if (c == -1 || c == '\r' || c == '\n' || c == ']')
        fail_at(line, column, "a table header needs a name, like [remind]");
    if (c < 0x80 && !is_bare_key_start(c))
        fail_at(line, column,
                "a table name cannot start with " + quote_char(m_text.substr(m_at), current()));
}

// At the opening `quote` of a string; stops after its closing quotes, or at
// the line break or the end of the text that leaves it unclosed.
void TextGuard::check_string(char quote)
{
    const bool multi_line = run_of(quote) >= 3;
    advance(multi_line ? 3 : 1);
    while (m_at < m_text.size()) {
        const int c = byte();
        if (c == quote) {
            const std::size_t run = run_of(quote);
            if (!multi_line || run >= 3) {
                advance(multi_line ? std::min<std::size_t>(run, 5) : 1);
                return;
            }
            advance(run);
        } else if (c == '\n' && !multi_line) {
            return;
        } else if (c == '\\' && quote == '"') {
            check_escape(multi_line);
        } else {
            advance();
        }
    }
}

// At a backslash in a "…" or """…""" string.
void TextGuard::check_escape(bool multi_line)
{
    advance();
    const int c = byte();
    if (c >= 0x80)
        fail("a backslash cannot escape " + quote_char(m_text.substr(m_at), current()));
    if (multi_line && is_space_or_break(c)) {
        while (is_space_or_break(byte()))
            advance();
        if (byte() >= 0x80)
            fail(quote_char(m_text.substr(m_at), current()) +
                 " cannot come right after a line-ending backslash; join the two lines");
        return;
    }
    if (c != -1 && c != '\n')
        advance();
}

void TextGuard::check_closing_brace()
{
    if (!m_open.empty() && m_open.back().bracket == '[')
        fail("'}' cannot close the list opened at line " + std::to_string(m_open.back().line) +
             ", column " + std::to_string(m_open.back().column));
    if (!m_open.empty())
        m_open.pop_back();
}

} // namespace

void guard_parser(std::string_view text, const std::string& path)
{
    TextGuard(text, path).check();
}

} // namespace steady::config::detail
