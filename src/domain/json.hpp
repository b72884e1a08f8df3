#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace steady::domain {

// A streaming JSON writer: values are written as they come, so a listing of
// any length never lives in memory. Commas and nesting are tracked here;
// callers only say what comes next.
class JsonWriter {
  public:
    explicit JsonWriter(std::ostream& out, bool pretty = true) : m_out(out), m_pretty(pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // The key of the next value inside an object.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(double number);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    JsonWriter& value(const std::vector<std::string>& list);
    template <class T> JsonWriter& value(const std::optional<T>& maybe)
    {
        return maybe ? value(*maybe) : null();
    }
    // Writes `raw`, which must already be valid JSON.
    JsonWriter& raw(std::string_view json);

  private:
    void before_value();
    void newline();
    // Writes straight to the stream's buffer (a writer may write millions of
    // pieces: export); a short write marks the stream bad.
    void put(std::string_view text);
    void put(char c) { put(std::string_view(&c, 1)); }
    void put_quoted(std::string_view text);

    std::ostream& m_out;
    bool m_pretty;
    std::vector<bool> m_first; // per open container: nothing written yet
    bool m_after_key = false;
};

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

// A list of strings as a compact JSON array: ["a","b"].
std::string json_array(const std::vector<std::string>& list);

} // namespace steady::domain

namespace steady::domain {

// Reads a JSON array of strings such as ["a","b\n"]; nullopt when `json` is
// anything else.
std::optional<std::vector<std::string>> parse_string_array(std::string_view json);

} // namespace steady::domain
