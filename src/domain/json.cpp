#include "domain/json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>

namespace steady::domain {

std::string json_quote(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    // Runs of characters that need no escape (nearly all text) are copied
    // whole: export quotes millions of strings.
    std::size_t plain = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text, plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default: {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        }
        }
    }
    out.append(text, plain, text.size() - plain);
    out += '"';
    return out;
}

std::string json_array(const std::vector<std::string>& list)
{
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0)
            out += ',';
        out += json_quote(list[i]);
    }
    return out + "]";
}

void JsonWriter::put(std::string_view text)
{
    auto size = static_cast<std::streamsize>(text.size());
    if (size > 0 && m_out.rdbuf()->sputn(text.data(), size) != size)
        m_out.setstate(std::ios::badbit);
}

void JsonWriter::put_quoted(std::string_view text)
{
    // Quoting in place, without json_quote's string, when nothing needs an
    // escape (keys, nearly every value).
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') {
            put(json_quote(text));
            return;
        }
    put('"');
    put(text);
    put('"');
}

void JsonWriter::newline()
{
    if (!m_pretty)
        return;
    put('\n');
    for (std::size_t i = 0; i < m_first.size(); ++i)
        put("  ");
}

void JsonWriter::before_value()
{
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_first.empty())
        return;
    if (!m_first.back())
        put(',');
    m_first.back() = false;
    newline();
}

JsonWriter& JsonWriter::begin_object()
{
    before_value();
    put('{');
    m_first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object()
{
    bool empty = m_first.back();
    m_first.pop_back();
    if (!empty)
        newline();
    put('}');
    if (m_first.empty() && m_pretty)
        put('\n');
    return *this;
}

JsonWriter& JsonWriter::begin_array()
{
    before_value();
    put('[');
    m_first.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_array()
{
    bool empty = m_first.back();
    m_first.pop_back();
    if (!empty)
        newline();
    put(']');
    if (m_first.empty() && m_pretty)
        put('\n');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name)
{
    before_value();
    put_quoted(name);
    put(m_pretty ? ": " : ":");
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text)
{
    before_value();
    put_quoted(text);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number)
{
    before_value();
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, number).ptr;
    put(std::string_view(buf, static_cast<std::size_t>(end - buf)));
    return *this;
}

JsonWriter& JsonWriter::value(double number)
{
    before_value();
    if (!std::isfinite(number)) {
        put("null");
        return *this;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", number + 0.0); // never "-0"
    put(buf);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag)
{
    before_value();
    put(flag ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::null()
{
    before_value();
    put("null");
    return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& list)
{
    begin_array();
    for (const auto& item : list)
        value(item);
    return end_array();
}

JsonWriter& JsonWriter::raw(std::string_view json)
{
    before_value();
    put(json);
    return *this;
}

} // namespace steady::domain

namespace steady::domain {

namespace {

void append_utf8(std::string& out, unsigned code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// Reads the string literal starting at json[pos] == '"'; advances pos past it.
std::optional<std::string> read_string(std::string_view json, std::size_t& pos)
{
    std::string out;
    for (++pos; pos < json.size(); ++pos) {
        char c = json[pos];
        if (c == '"') {
            ++pos;
            return out;
        }
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++pos >= json.size())
            return std::nullopt;
        switch (json[pos]) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'u': {
            if (pos + 4 >= json.size())
                return std::nullopt;
            unsigned code = static_cast<unsigned>(
                std::stoul(std::string(json.substr(pos + 1, 4)), nullptr, 16));
            append_utf8(out, code);
            pos += 4;
            break;
        }
        default:
            out += json[pos];
        }
    }
    return std::nullopt;
}

void skip_space(std::string_view json, std::size_t& pos)
{
    while (pos < json.size() &&
           (json[pos] == ' ' || json[pos] == '\n' || json[pos] == '\t' || json[pos] == '\r'))
        ++pos;
}

} // namespace

std::optional<std::vector<std::string>> parse_string_array(std::string_view json)
{
    std::vector<std::string> items;
    std::size_t pos = 0;
    skip_space(json, pos);
    if (pos >= json.size() || json[pos++] != '[')
        return std::nullopt;
    skip_space(json, pos);
    if (pos < json.size() && json[pos] == ']')
        return items;
    while (pos < json.size()) {
        skip_space(json, pos);
        if (pos >= json.size() || json[pos] != '"')
            return std::nullopt;
        auto item = read_string(json, pos);
        if (!item)
            return std::nullopt;
        items.push_back(std::move(*item));
        skip_space(json, pos);
        if (pos < json.size() && json[pos] == ']')
            return items;
        if (pos >= json.size() || json[pos++] != ',')
            return std::nullopt;
    }
    return std::nullopt;
}

} // namespace steady::domain
