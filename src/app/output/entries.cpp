#include "app/output/entries.hpp"

#include "app/output/journal_json.hpp"
#include "domain/text.hpp"
#include "store/clocks.hpp"
#include "store/goals.hpp"

namespace steady::app {

using domain::Entry;
using domain::FieldType;

namespace {

// A reference field of `entry` as a person reads it: "alcohol" for a clock,
// "#2 '90 in 90'" for a goal, "#41" for a trigger or a name not known,
// "#41 (deleted)" for a trigger deleted since.
std::string reference_text(const Entry& entry, const domain::Field& field,
                           const ReferenceNames* names)
{
    const auto& value = entry.get(field.name);
    std::string id_text = domain::format_value(field, value);
    if (entry.deleted_targets.count(field.name))
        return id_text + " (deleted)";
    const auto* id = std::get_if<std::int64_t>(&value);
    if (names == nullptr || id == nullptr)
        return id_text;
    if (field.name == "clock_id") {
        auto found = names->clocks.find(*id);
        return found == names->clocks.end() ? id_text : found->second;
    }
    if (field.name == "goal_id") {
        auto found = names->goals.find(*id);
        return found == names->goals.end() ? id_text : id_text + " '" + found->second + "'";
    }
    return id_text;
}

// A reference to another entry as two keys: "trigger" with the id while
// that entry is live, and "trigger_deleted" with the id once it is deleted,
// each null otherwise.
void write_entry_reference_json(domain::JsonWriter& json, const Entry& entry,
                                const domain::Field& field)
{
    auto id = entry.get_int(field.name);
    bool deleted = entry.deleted_targets.count(field.name) > 0;
    json.key(field.name).value(deleted ? std::nullopt : id);
    json.key(std::string(field.name) + "_deleted").value(deleted ? id : std::nullopt);
}

} // namespace

ReferenceNames reference_names(store::Journal& journal)
{
    ReferenceNames names;
    for (auto& clock : store::list_clocks(journal))
        names.clocks.emplace(clock.id, std::move(clock.name));
    for (auto& goal : store::list_goals(journal, store::GoalSelection::all))
        names.goals.emplace(goal.id, std::move(goal.title));
    return names;
}

const timeutil::Zone& entry_zone(const domain::Entry& entry, const timeutil::Zone& fallback)
{
    const auto* zone = timeutil::Zone::find(entry.tz);
    if (zone == nullptr)
        zone = timeutil::Zone::from_posix(entry.tz); // written under TZ=CET-1CEST,…
    return zone != nullptr ? *zone : fallback;
}

std::string local_time(timeutil::Instant at, const timeutil::Zone& zone)
{
    auto local = zone.to_local(at);
    return date::format("%Y-%m-%d %H:%M", date::floor<std::chrono::minutes>(local));
}

void write_entry_json(domain::JsonWriter& json, const Entry& entry)
{
    json.begin_object();
    json.key("id").value(entry.id);
    json.key("uuid").value(entry.uuid);
    json.key("kind").value(domain::kind_name(entry.kind));
    json.key("at").value(timeutil::format_instant(entry.at));
    json.key("tz").value(entry.tz);
    json.key("day").value(timeutil::format_day(entry.day));
    for (const auto& field : domain::fields()) {
        if (!field.applies_to(entry.kind))
            continue;
        if (field.refers_to_entry()) {
            write_entry_reference_json(json, entry, field);
            continue;
        }
        json.key(field.name);
        write_field_value(json, field, entry.get(field.name));
    }
    json.key("note").value(entry.note);
    json.key("tags").value(entry.tags);
    json.key("created").value(timeutil::format_instant(entry.created));
    json.key("updated").value(timeutil::format_instant(entry.updated));
    json.end_object();
}

std::string entry_summary(const Entry& entry, const Output& out, const ReferenceNames* names)
{
    std::vector<std::string> parts;
    for (const auto& field : domain::fields()) {
        const auto& value = entry.get(field.name);
        if (!field.applies_to(entry.kind) || std::holds_alternative<std::monostate>(value))
            continue;
        std::string text = domain::format_value(field, value);
        if (field.type == FieldType::boolean)
            parts.push_back(text == "yes" ? std::string(field.name)
                                          : "not " + std::string(field.name));
        else if (field.name == "what" || field.name == "name")
            parts.insert(parts.begin(), text);
        else if (field.type == FieldType::reference) // "clock alcohol", not "clock_id 1"
            parts.push_back(std::string(field.flag) + " " + reference_text(entry, field, names));
        else
            parts.push_back(std::string(field.name) + " " + text);
    }
    if (entry.note)
        parts.push_back("“" + *entry.note + "”");
    for (const auto& tag : entry.tags)
        parts.push_back("#" + tag);
    return printable(domain::join(parts, std::string(" ") + std::string(out.glyph("·", "-")) + " "),
                     true);
}

void print_entry(Output& out, const Entry& entry, const timeutil::Zone& zone,
                 const ReferenceNames* names)
{
    auto& os = out.stream();
    os << out.paint(std::string(domain::kind_name(entry.kind)) + " #" + std::to_string(entry.id),
                    Tone::bold)
       << '\n';
    auto line = [&](std::string_view label, const std::string& value) {
        std::string padded(label);
        padded.resize(11, ' ');
        os << "  " << out.paint(padded, Tone::dim) << printable(value) << '\n';
    };
    line("day", timeutil::format_day(entry.day));
    line("at", local_time(entry.at, zone) + " (" + entry.tz + ")");
    for (const auto& field : domain::fields()) {
        const auto& value = entry.get(field.name);
        if (!field.applies_to(entry.kind) || std::holds_alternative<std::monostate>(value))
            continue;
        if (field.type == FieldType::reference) {
            auto text = reference_text(entry, field, names);
            auto id_text = domain::format_value(field, value);
            if (text != id_text && field.name == "clock_id")
                text += " (" + id_text + ")"; // "alcohol (#1)"
            line(field.flag, text);
        } else {
            line(field.name, domain::format_value(field, value));
        }
    }
    if (entry.note)
        line("note", *entry.note);
    if (!entry.tags.empty())
        line("tags", domain::join(entry.tags, ", "));
    line("uuid", entry.uuid);
}

} // namespace steady::app
