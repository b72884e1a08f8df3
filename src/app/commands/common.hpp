#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/entry.hpp"

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace steady::app {

// Text flags of one entry kind as the user typed them, keyed by field name;
// parsed and range-checked by apply_fields.
struct FieldFlags {
    std::map<std::string, std::optional<std::string>> single;
    std::vector<std::string> strategies;
    std::optional<std::string> note;
    std::vector<std::string> tags;
};

// Adds a --flag for every field of `kind` (or of every kind when nullopt),
// plus --note and --tag, storing into `flags`. The field named `positional`
// is the command's argument instead and gets no flag.
void add_field_flags(CLI::App& cmd, FieldFlags& flags, std::optional<domain::Kind> kind,
                     std::string_view positional = {});

// Whether flags correct an existing entry (edit, --amend) or make a new one.
enum class Editing { no, yes };

// Copies the flags that were given into `entry`, parsing each. An empty
// text clears an optional field; --tag and --strategy replace their lists,
// and when editing, one empty `--tag ''` or `--strategy ''` empties them.
// A flag the entry's kind does not have is a UsageError before its value
// is looked at.
void apply_fields(const FieldFlags& flags, domain::Entry& entry, Editing editing = Editing::no);

// True when any of `flags` was given.
bool any_given(const FieldFlags& flags);

// When an entry given by --at/--date `text` (or now) happened: a time in the
// future beyond a minute is a UsageError.
timeutil::DateInput entry_time(Context& ctx, const std::optional<std::string>& text);

// Fills in `entry`'s at, tz and day from `when`.
void place_entry(Context& ctx, domain::Entry& entry, const timeutil::DateInput& when);

// Parses an id argument ("41" or "#41"); anything else is a UsageError.
std::int64_t parse_id(const std::string& text);

// Asks `question` on the terminal and returns true for y/yes.
bool confirm(Context& ctx, const std::string& question);

} // namespace steady::app
