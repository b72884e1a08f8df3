#pragma once

// The keys of SPEC §2 as data: what each must be and how it is stored. Private
// to src/config (it exposes toml++, which lives here and only here).

#include "config/config.hpp"

#include <toml++/toml.h>

#include <span>
#include <string>
#include <string_view>

namespace steady::config::detail {

// One value of the file as a key's reader sees it.
struct Field {
    const toml::node& node;
    std::string_view key;      // dotted, e.g. "remind.checkin_after"
    std::string_view expected; // completes "'key' must be …"
    const std::string& path;   // names the file in messages
    const Env& env;
};

// A key of SPEC §2: its dotted name, what its value must be (phrased to follow
// "must be"), and a reader that validates the value and stores it in `Config`,
// throwing ConfigError "path:line:column: 'key' must be …" otherwise.
struct KeySpec {
    std::string_view key;
    std::string_view expected;
    void (*read)(const Field&, Config&);
};

// Every key of SPEC §2, top-level ones first.
std::span<const KeySpec> key_specs();

// "path:line:column" of the start of `where`, or "path:line" without
// `with_column`; just "path" when toml++ recorded no position.
std::string location(const std::string& path, const toml::source_region& where,
                     bool with_column = true);

} // namespace steady::config::detail
