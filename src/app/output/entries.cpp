#include "app/output/entries.hpp"


#include "domain/text.hpp"

namespace steady::app {

using domain::Entry;
using domain::FieldType;

const timeutil::Zone& entry_zone(const domain::Entry& entry, const timeutil::Zone& fallback)
{
    const auto* zone = timeutil::Zone::find(entry.tz);
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
        json.key(field.name);
        const auto& value = entry.get(field.name);
        if (std::holds_alternative<std::monostate>(value)) {
            if (field.type == FieldType::list)
                json.begin_array().end_array();
            else
                json.null();
        } else if (field.type == FieldType::boolean) {
            json.value(std::get<std::int64_t>(value) != 0);
        } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
            json.value(*i);
        } else if (const auto* d = std::get_if<double>(&value)) {
            json.value(*d);
        } else if (const auto* s = std::get_if<std::string>(&value)) {
            json.value(*s);
        } else {
            json.value(std::get<std::vector<std::string>>(value));
        }
    }
    json.key("note").value(entry.note);
    json.key("tags").value(entry.tags);
    json.key("created").value(timeutil::format_instant(entry.created));
    json.key("updated").value(timeutil::format_instant(entry.updated));
    json.end_object();
}

std::string entry_summary(const Entry& entry, const Output& out)
{
    std::vector<std::string> parts;
    for (const auto& field : domain::fields()) {
        const auto& value = entry.get(field.name);
        if (!field.applies_to(entry.kind) || std::holds_alternative<std::monostate>(value))
            continue;
        std::string text = domain::format_value(field, value);
        if (field.type == FieldType::boolean)
            parts.push_back(text == "yes" ? std::string(field.name) : "not " + std::string(field.name));
        else if (field.name == "what" || field.name == "name")
            parts.insert(parts.begin(), text);
        else if (field.type == FieldType::reference)
            parts.push_back(std::string(field.flag) + " " + text);  // "clock #1", not "clock_id"
        else
            parts.push_back(std::string(field.name) + " " + text);
    }
    if (entry.note)
        parts.push_back("“" + *entry.note + "”");
    for (const auto& tag : entry.tags)
        parts.push_back("#" + tag);
    return domain::join(parts, std::string(" ") + std::string(out.glyph("·", "-")) + " ");
}

void print_entry(Output& out, const Entry& entry, const timeutil::Zone& zone)
{
    auto& os = out.stream();
    os << out.paint(std::string(domain::kind_name(entry.kind)) + " #" + std::to_string(entry.id),
                    Tone::bold)
       << '\n';
    auto line = [&](std::string_view label, const std::string& value) {
        std::string padded(label);
        padded.resize(11, ' ');
        os << "  " << out.paint(padded, Tone::dim) << value << '\n';
    };
    line("day", timeutil::format_day(entry.day));
    line("at", local_time(entry.at, zone) + " (" + entry.tz + ")");
    for (const auto& field : domain::fields()) {
        const auto& value = entry.get(field.name);
        if (field.applies_to(entry.kind) && !std::holds_alternative<std::monostate>(value))
            line(field.name, domain::format_value(field, value));
    }
    if (entry.note)
        line("note", *entry.note);
    if (!entry.tags.empty())
        line("tags", domain::join(entry.tags, ", "));
    line("uuid", entry.uuid);
}

}  // namespace steady::app
