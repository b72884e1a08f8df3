#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "timeutil/time.hpp"

namespace steady::domain {

// The kinds of journal entry (SPEC §4). Their names are the JSON `kind`
// values and the `entries.kind` column.
enum class Kind { checkin, trigger, craving, meeting, goal_log, lapse };

std::string_view kind_name(Kind kind);
// "checkin", "goal_log" (also "goal-log"); nullopt for anything else.
std::optional<Kind> parse_kind(std::string_view text);
// Every kind, in their canonical order.
std::span<const Kind> all_kinds();

// A kind-specific value: absent, whole number (booleans are 0/1, durations
// minutes, references ids), decimal, text, or a list of texts.
using Value =
    std::variant<std::monostate, std::int64_t, double, std::string, std::vector<std::string>>;

enum class FieldType { integer, decimal, boolean, text, duration, reference, list, choice };

// One kind-specific field, described as data: how the command line names it,
// which column holds it, its type and range, and which kinds have it.
struct Field {
    std::string_view name;   // JSON key: "mood", "trigger", "strategies"
    std::string_view flag;   // command-line flag without "--": "mood", "trigger", "strategy"
    std::string_view column; // column of the entries table: "mood", "trigger_id"
    FieldType type;
    std::vector<Kind> kinds;
    std::vector<Kind> required_for;
    double min = 0;
    double max = 0;
    std::vector<std::string_view> choices; // for FieldType::choice
    std::string_view help;

    bool applies_to(Kind kind) const;
    bool required(Kind kind) const;
    // Whether this is a reference to another entry (a craving's trigger),
    // which can be deleted, and undeleted, while the reference stays.
    bool refers_to_entry() const;
};

// Every kind-specific field of SPEC §4.
const std::vector<Field>& fields();
// The field named `name` (the flag/JSON name), or nullptr.
const Field* find_field(std::string_view name);

// One journal entry. Common fields are members; kind-specific ones live in
// `values`, keyed by Field::name, absent when not set.
struct Entry {
    std::int64_t id = 0;
    std::string uuid;
    Kind kind = Kind::checkin;
    timeutil::Instant at{};
    std::string tz;
    timeutil::Day day{};
    std::optional<std::string> note;
    std::vector<std::string> tags;
    timeutil::Instant created{};
    timeutil::Instant updated{};
    std::map<std::string, Value, std::less<>> values;
    // The fields (Field::name, such as "trigger") that refer to an entry
    // deleted since: the id stays in `values`, so that undoing the delete
    // restores the link. Filled in by the store as it reads; never stored.
    std::set<std::string, std::less<>> deleted_targets;

    const Value& get(std::string_view name) const;
    std::optional<std::int64_t> get_int(std::string_view name) const;
    std::optional<double> get_decimal(std::string_view name) const;
    std::optional<std::string> get_text(std::string_view name) const;
    std::vector<std::string> get_list(std::string_view name) const;
};

// Parses the user's `text` for `field` into a value, checking type and range.
// Throws UsageError naming the flag and the text:
// "--mood must be a whole number from 1 to 10 (got 'high')".
Value parse_field(const Field& field, std::string_view text);

// Checks that `value`, read from a file rather than typed (import), has
// `field`'s type and lies in its range, as parse_field checks typed text.
// Throws UsageError naming the field by its JSON name:
// "mood must be a whole number from 1 to 10 (got 99)".
void check_value(const Field& field, const Value& value);

// Checks that `entry` has every field its kind requires, no field of another
// kind, and every value in range. Throws UsageError naming the flag.
void validate(const Entry& entry);

// A value as a person reads it: "7", "yes", "1h30m", "walk, called Sam".
std::string format_value(const Field& field, const Value& value);

// A tag as stored: trimmed, lower case, no leading '#'. Throws UsageError
// for an empty tag or one with whitespace or commas.
std::string normalize_tag(std::string_view text);

} // namespace steady::domain
