#include "domain/entry.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::domain {

namespace {

constexpr std::array k_kinds = {Kind::checkin, Kind::trigger,  Kind::craving,
                                Kind::meeting, Kind::goal_log, Kind::lapse};

std::vector<Field> make_fields()
{
    using K = Kind;
    using T = FieldType;
    // One field per line, so the table reads as a table.
    // clang-format off
    return {
        {"mood", "mood", "mood", T::integer, {K::checkin}, {K::checkin}, 1, 10, {}, "1 (low) to 10 (great)"},
        {"craving", "craving", "craving", T::integer, {K::checkin}, {}, 0, 10, {}, "0 (none) to 10"},
        {"sober", "sober", "sober", T::boolean, {K::checkin}, {}, 0, 1, {}, "yes or no"},
        {"energy", "energy", "energy", T::integer, {K::checkin}, {}, 1, 10, {}, "1 to 10"},
        {"sleep", "sleep", "sleep", T::decimal, {K::checkin}, {}, 0, 24, {}, "hours slept, e.g. 7.5"},
        {"gratitude", "gratitude", "gratitude", T::text, {K::checkin}, {}, 0, 0, {}, "something you are grateful for"},
        {"what", "what", "what", T::text, {K::trigger, K::lapse}, {K::trigger}, 0, 0, {}, "what happened"},
        {"category", "category", "category", T::text, {K::trigger}, {}, 0, 0, {}, "people, places, things, emotions, …"},
        {"intensity", "intensity", "intensity", T::integer, {K::trigger, K::craving}, {K::craving}, 1, 10, {}, "1 (mild) to 10 (overwhelming)"},
        {"coped", "coped", "coped", T::text, {K::trigger}, {}, 0, 0, {}, "how you coped"},
        {"duration", "duration", "duration", T::duration, {K::craving, K::meeting}, {}, 1, 1440, {}, "e.g. 20m or 1h30m"},
        {"trigger", "trigger", "trigger_id", T::reference, {K::craving}, {}, 1, 0, {}, "id of the trigger behind it"},
        {"strategies", "strategy", "strategies", T::list, {K::craving}, {}, 0, 0, {}, "what you did about it"},
        {"outcome", "outcome", "outcome", T::choice, {K::craving}, {}, 0, 0, {"resisted", "used"}, "resisted or used"},
        {"name", "name", "name", T::text, {K::meeting}, {K::meeting}, 0, 0, {}, "the meeting's name"},
        {"type", "type", "type", T::text, {K::meeting}, {}, 0, 0, {}, "AA, NA, SMART, therapy, mentor, …"},
        {"goal_id", "goal", "goal_id", T::reference, {K::goal_log}, {K::goal_log}, 1, 0, {}, "the goal's id"},
        {"count", "count", "count", T::integer, {K::goal_log}, {}, 1, 1000000, {}, "how many (default 1)"},
        {"clock_id", "clock", "clock_id", T::reference, {K::lapse}, {K::lapse}, 1, 0, {}, "the clock's id"},
    };
    // clang-format on
}

const Value k_absent{};

// `number` as a person writes it: 1000000, not 1e+06.
std::string plain_number(double number)
{
    char buf[32];
    if (number == std::floor(number) && std::fabs(number) < 1e15)
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(number));
    else
        std::snprintf(buf, sizeof buf, "%g", number);
    return buf;
}

std::string range_text(const Field& field)
{
    std::string range = plain_number(field.min) + " to " + plain_number(field.max);
    return field.type == FieldType::decimal ? "a number from " + range
                                            : "a whole number from " + range;
}

[[noreturn]] void bad_value(const Field& field, std::string_view text, const std::string& want)
{
    throw UsageError("--" + std::string(field.flag) + " must be " + want + " (got '" +
                     std::string(text) + "')");
}

Value parse_number(const Field& field, std::string_view text)
{
    if (field.type == FieldType::decimal) {
        double number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(number) ||
            number < field.min || number > field.max)
            bad_value(field, text, range_text(field));
        return number + 0.0; // "-0" is 0, not a negative zero written back as "-0"
    }
    auto digits = text;
    if (field.type == FieldType::reference && !digits.empty() && digits.front() == '#')
        digits.remove_prefix(1); // "#41", as list and show print ids
    std::int64_t number = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    auto as_double = static_cast<double>(number);
    bool in_range = as_double >= field.min && (field.max == 0 || as_double <= field.max);
    if (ec != std::errc{} || end != digits.data() + digits.size() || !in_range) {
        if (field.type == FieldType::reference)
            bad_value(field, text, "an id such as 41");
        bad_value(field, text, range_text(field));
    }
    return number;
}

} // namespace

std::string_view kind_name(Kind kind)
{
    switch (kind) {
    case Kind::checkin:
        return "checkin";
    case Kind::trigger:
        return "trigger";
    case Kind::craving:
        return "craving";
    case Kind::meeting:
        return "meeting";
    case Kind::goal_log:
        return "goal_log";
    case Kind::lapse:
        return "lapse";
    }
    return "checkin";
}

std::optional<Kind> parse_kind(std::string_view text)
{
    std::string lower = to_lower(trim(text));
    if (lower == "goal-log")
        return Kind::goal_log;
    for (Kind kind : k_kinds)
        if (kind_name(kind) == lower)
            return kind;
    return std::nullopt;
}

std::span<const Kind> all_kinds()
{
    return k_kinds;
}

bool Field::applies_to(Kind kind) const
{
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool Field::required(Kind kind) const
{
    return std::find(required_for.begin(), required_for.end(), kind) != required_for.end();
}

bool Field::refers_to_entry() const
{
    return type == FieldType::reference && column == "trigger_id";
}

const std::vector<Field>& fields()
{
    static const std::vector<Field> table = make_fields();
    return table;
}

const Field* find_field(std::string_view name)
{
    for (const auto& field : fields())
        if (field.name == name)
            return &field;
    return nullptr;
}

const Value& Entry::get(std::string_view name) const
{
    auto it = values.find(name);
    return it == values.end() ? k_absent : it->second;
}

std::optional<std::int64_t> Entry::get_int(std::string_view name) const
{
    if (const auto* v = std::get_if<std::int64_t>(&get(name)))
        return *v;
    return std::nullopt;
}

std::optional<double> Entry::get_decimal(std::string_view name) const
{
    const Value& v = get(name);
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    return std::nullopt;
}

std::optional<std::string> Entry::get_text(std::string_view name) const
{
    if (const auto* v = std::get_if<std::string>(&get(name)))
        return *v;
    return std::nullopt;
}

std::vector<std::string> Entry::get_list(std::string_view name) const
{
    if (const auto* v = std::get_if<std::vector<std::string>>(&get(name)))
        return *v;
    return {};
}

Value parse_field(const Field& field, std::string_view raw)
{
    std::string_view text = trim(raw);
    switch (field.type) {
    case FieldType::integer:
    case FieldType::decimal:
    case FieldType::reference:
        return parse_number(field, text);
    case FieldType::boolean: {
        std::string lower = to_lower(text);
        if (lower == "yes" || lower == "y" || lower == "true" || lower == "1")
            return std::int64_t{1};
        if (lower == "no" || lower == "n" || lower == "false" || lower == "0")
            return std::int64_t{0};
        bad_value(field, raw, "yes or no");
    }
    case FieldType::duration:
        return static_cast<std::int64_t>(timeutil::parse_duration(text).count());
    case FieldType::choice: {
        std::string lower = to_lower(text);
        for (auto choice : field.choices)
            if (choice == lower)
                return lower;
        bad_value(field, raw, join(field.choices, " or "));
    }
    case FieldType::text:
        if (text.empty())
            return Value{};
        return std::string(text);
    case FieldType::list:
        if (text.empty())
            bad_value(field, raw, "a non-empty text");
        return std::vector<std::string>{std::string(text)};
    }
    return Value{};
}

void check_value(const Field& field, const Value& value)
{
    if (std::holds_alternative<std::monostate>(value))
        return;
    auto name = std::string(field.name);
    auto fail = [&](const std::string& want, const std::string& got) {
        throw UsageError(name + " must be " + want + " (got " + got + ")");
    };
    switch (field.type) {
    case FieldType::decimal: {
        const auto* d = std::get_if<double>(&value);
        if (d == nullptr || !std::isfinite(*d) || *d < field.min || *d > field.max)
            fail(range_text(field), d ? plain_number(*d) : "another type");
        return;
    }
    case FieldType::integer:
    case FieldType::boolean:
    case FieldType::duration:
    case FieldType::reference: {
        const auto* i = std::get_if<std::int64_t>(&value);
        auto want = field.type == FieldType::boolean     ? std::string("true or false")
                    : field.type == FieldType::reference ? std::string("an id such as 41")
                    : field.type == FieldType::duration  ? std::string("minutes from 1 to 1440")
                                                         : range_text(field);
        if (i == nullptr)
            fail(want, "another type");
        auto n = static_cast<double>(*i);
        if (n < field.min || (field.max != 0 && n > field.max))
            fail(want, std::to_string(*i));
        return;
    }
    case FieldType::choice: {
        const auto* s = std::get_if<std::string>(&value);
        if (s == nullptr ||
            std::find(field.choices.begin(), field.choices.end(), *s) == field.choices.end())
            fail(join(field.choices, " or "), s ? "'" + *s + "'" : "another type");
        return;
    }
    case FieldType::text:
        if (!std::holds_alternative<std::string>(value))
            fail("a text", "another type");
        return;
    case FieldType::list:
        if (!std::holds_alternative<std::vector<std::string>>(value))
            fail("a list of texts", "another type");
        return;
    }
}

void validate(const Entry& entry)
{
    for (const auto& field : fields()) {
        bool present = !std::holds_alternative<std::monostate>(entry.get(field.name));
        if (!present && field.required(entry.kind)) {
            throw UsageError("a " + std::string(kind_name(entry.kind)) + " needs --" +
                             std::string(field.flag) + " (" + std::string(field.help) + ")");
        }
        if (present && !field.applies_to(entry.kind)) {
            throw UsageError("a " + std::string(kind_name(entry.kind)) + " has no --" +
                             std::string(field.flag));
        }
    }
    for (const auto& [name, value] : entry.values) {
        if (!find_field(name))
            throw UsageError("unknown field '" + name + "'");
    }
}

std::string format_value(const Field& field, const Value& value)
{
    if (std::holds_alternative<std::monostate>(value))
        return "";
    switch (field.type) {
    case FieldType::boolean:
        return std::get<std::int64_t>(value) != 0 ? "yes" : "no";
    case FieldType::duration:
        return timeutil::format_duration(timeutil::Minutes(std::get<std::int64_t>(value)));
    case FieldType::reference:
        return "#" + std::to_string(std::get<std::int64_t>(value));
    case FieldType::decimal: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", std::get<double>(value));
        return buf;
    }
    case FieldType::list:
        return join(std::get<std::vector<std::string>>(value), ", ");
    case FieldType::integer:
        return std::to_string(std::get<std::int64_t>(value));
    case FieldType::text:
    case FieldType::choice:
        return std::get<std::string>(value);
    }
    return "";
}

std::string normalize_tag(std::string_view text)
{
    // Every leading '#' and the space around them, so that a tag read again
    // (an export imported) is the same tag: "##urgent" is "urgent", not
    // "#urgent" then "urgent"; "#\f#x" is "x".
    std::string_view t = trim(text);
    while (!t.empty() && t.front() == '#')
        t = trim(t.substr(1));
    if (t.empty() || t.find_first_of(" \t\n,") != std::string_view::npos)
        throw UsageError("'" + std::string(text) + "' is not a tag (one word, e.g. --tag work)");
    return to_lower_utf8(t);
}

} // namespace steady::domain
