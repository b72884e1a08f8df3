#pragma once

// What the text of a config file must pass before toml++ sees it. Private to
// src/config.

#include <string>
#include <string_view>

namespace steady::config::detail {

// Throws ConfigError "path:line:column: what" (`path` as given) at the first
// place where `text` holds something toml++ 3.3 does not survive cleanly:
// bytes that are not UTF-8; a non-ASCII character outside quoted strings and
// comments; a non-ASCII character after a backslash in a "…" or """…"""
// string, or first after a line-ending backslash; a table header whose name
// starts with anything but a bare key character or a quote; a '}' inside a
// list; a date and 'T' without a digit after it. On such input toml++ 3.3
// reaches __builtin_unreachable or a state it asserts is impossible (upstream
// issues 294 and 295, and what tests/fuzz found). TOML 1.0 forbids all of it
// but the non-ASCII character after a line-ending backslash. A UTF-8 byte
// order mark at the start is allowed. Lines and columns count from 1, columns
// in characters, as toml++ counts them.
void guard_parser(std::string_view text, const std::string& path);

} // namespace steady::config::detail
