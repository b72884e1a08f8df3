#include "app/commands/common.hpp"

#include <charconv>
#include <iostream>

#include <CLI/CLI.hpp>

#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::app {

using domain::Entry;

namespace {

std::string type_name(const domain::Field& field)
{
    switch (field.type) {
    case domain::FieldType::integer:
        return "N";
    case domain::FieldType::decimal:
        return "HOURS";
    case domain::FieldType::boolean:
        return "yes|no";
    case domain::FieldType::duration:
        return "DURATION";
    case domain::FieldType::reference:
        return "ID";
    case domain::FieldType::choice:
        return domain::join(field.choices, "|");
    case domain::FieldType::text:
    case domain::FieldType::list:
        return "TEXT";
    }
    return "TEXT";
}

} // namespace

void add_field_flags(CLI::App& cmd, FieldFlags& flags, std::optional<domain::Kind> kind,
                     std::string_view positional)
{
    for (const auto& field : domain::fields()) {
        if ((kind && !field.applies_to(*kind)) || field.name == positional)
            continue;
        std::string flag = "--" + std::string(field.flag);
        if (field.type == domain::FieldType::list) {
            cmd.add_option(flag, flags.strategies, std::string(field.help) + "; repeatable")
                ->type_name("TEXT");
            continue;
        }
        auto [it, added] = flags.single.emplace(std::string(field.name), std::nullopt);
        cmd.add_option(flag, it->second, std::string(field.help))->type_name(type_name(field));
    }
    cmd.add_option("--note", flags.note, "A note in your own words");
    cmd.add_option("--tag", flags.tags, "A tag; repeatable")->type_name("TAG");
}

namespace {

// A field the entry's kind does not have is a usage error, said before
// anything about the value given for it.
void check_applies(const domain::Field& field, const Entry& entry)
{
    if (!field.applies_to(entry.kind))
        throw UsageError("a " + std::string(domain::kind_name(entry.kind)) + " has no --" +
                         std::string(field.flag));
}

// `--tag ''` or `--strategy ''` given alone: on edit, empty the list.
bool clears_list(const std::vector<std::string>& values, Editing editing)
{
    return editing == Editing::yes && values.size() == 1 && domain::trim(values.front()).empty();
}

} // namespace

void apply_fields(const FieldFlags& flags, Entry& entry, Editing editing)
{
    for (const auto& [name, text] : flags.single) {
        if (!text)
            continue;
        const auto* field = domain::find_field(name);
        check_applies(*field, entry);
        bool cleared = domain::trim(*text).empty() && !field->required(entry.kind);
        auto value = cleared ? domain::Value{} : domain::parse_field(*field, *text);
        if (std::holds_alternative<std::monostate>(value))
            entry.values.erase(name);
        else
            entry.values[name] = std::move(value);
    }
    if (!flags.strategies.empty()) {
        const auto* field = domain::find_field("strategies");
        check_applies(*field, entry);
        std::vector<std::string> list;
        if (!clears_list(flags.strategies, editing))
            for (const auto& s : flags.strategies)
                list.push_back(
                    std::get<std::vector<std::string>>(domain::parse_field(*field, s)).front());
        if (list.empty())
            entry.values.erase("strategies");
        else
            entry.values["strategies"] = list;
    }
    if (flags.note) {
        auto note = domain::trim(*flags.note);
        entry.note = note.empty() ? std::nullopt : std::optional<std::string>(note);
    }
    if (clears_list(flags.tags, editing)) {
        entry.tags.clear();
    } else if (!flags.tags.empty()) {
        entry.tags.clear();
        for (const auto& tag : flags.tags) {
            auto normal = domain::normalize_tag(tag);
            if (std::find(entry.tags.begin(), entry.tags.end(), normal) == entry.tags.end())
                entry.tags.push_back(normal);
        }
    }
}

bool any_given(const FieldFlags& flags)
{
    for (const auto& [name, text] : flags.single)
        if (text)
            return true;
    return !flags.strategies.empty() || flags.note || !flags.tags.empty();
}

timeutil::DateInput entry_time(Context& ctx, const std::optional<std::string>& text)
{
    const auto& time = ctx.time();
    if (!text)
        return {time.now, time.today(), true};
    auto when = timeutil::parse_date(*text, time);
    if (when.has_time && when.at > time.now + std::chrono::minutes(1))
        throw UsageError("'" + *text + "' is in the future; log things once they have happened");
    if (!when.has_time && when.day > time.today())
        throw UsageError("'" + *text + "' is in the future; log things once they have happened");
    if (!when.has_time && when.day == time.today())
        return {time.now, when.day, true};
    return when;
}

void place_entry(Context& ctx, Entry& entry, const timeutil::DateInput& when)
{
    const auto& time = ctx.time();
    entry.at = when.has_time ? when.at
                             : timeutil::start_of_day(when.day, *time.zone, time.day_start) +
                                   std::chrono::hours(12);
    entry.tz = time.zone->name();
    entry.day = when.has_time ? timeutil::day_of(entry.at, *time.zone, time.day_start) : when.day;
}

std::int64_t parse_id(const std::string& text)
{
    std::string_view digits = domain::trim(text);
    if (!digits.empty() && digits.front() == '#')
        digits.remove_prefix(1);
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc{} || end != digits.data() + digits.size() || id <= 0 || digits.empty())
        throw UsageError("'" + text + "' is not an entry id (ids are numbers, see 'steady list')");
    return id;
}

bool confirm(Context& ctx, const std::string& question)
{
    ctx.io().err << question << " [y/N] " << std::flush;
    std::string answer;
    if (!std::getline(ctx.io().in, answer))
        return false;
    auto lower = domain::to_lower(domain::trim(answer));
    return lower == "y" || lower == "yes";
}

} // namespace steady::app
