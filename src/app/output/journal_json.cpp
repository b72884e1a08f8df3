#include "app/output/journal_json.hpp"

namespace steady::app {

using domain::FieldType;
using timeutil::format_day;
using timeutil::format_instant;

namespace {

} // namespace

void write_field_value(domain::JsonWriter& json, const domain::Field& field,
                       const domain::Value& value)
{
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

void write_journal_entry(domain::JsonWriter& json, const domain::Entry& entry)
{
    json.begin_object();
    json.key("id").value(entry.id);
    json.key("uuid").value(entry.uuid);
    json.key("kind").value(domain::kind_name(entry.kind));
    json.key("at").value(format_instant(entry.at));
    json.key("tz").value(entry.tz);
    json.key("day").value(format_day(entry.day));
    for (const auto& field : domain::fields()) {
        if (!field.applies_to(entry.kind))
            continue;
        json.key(field.name);
        if (entry.deleted_targets.count(field.name))
            json.null();
        else
            write_field_value(json, field, entry.get(field.name));
    }
    json.key("note").value(entry.note);
    json.key("tags").value(entry.tags);
    json.key("created").value(format_instant(entry.created));
    json.key("updated").value(format_instant(entry.updated));
    json.end_object();
}

void write_journal_goal(domain::JsonWriter& json, const domain::Goal& goal)
{
    json.begin_object();
    json.key("id").value(goal.id);
    json.key("uuid").value(goal.uuid);
    json.key("title").value(goal.title);
    json.key("kind").value(domain::goal_kind_name(goal.kind));
    json.key("target").value(goal.target);
    json.key("per");
    if (goal.per)
        json.value(domain::goal_per_name(*goal.per));
    else
        json.null();
    json.key("total").value(goal.total);
    json.key("due").value(goal.due ? std::optional(format_day(*goal.due)) : std::nullopt);
    json.key("tracks").value(domain::goal_tracks_name(goal.tracks));
    json.key("status").value(domain::goal_status_name(goal.status));
    json.key("created").value(format_instant(goal.created));
    json.key("updated").value(format_instant(goal.updated));
    json.end_object();
}

void write_journal_clock(domain::JsonWriter& json, const domain::Clock& clock)
{
    json.begin_object();
    json.key("id").value(clock.id);
    json.key("uuid").value(clock.uuid);
    json.key("name").value(clock.name);
    json.key("started_at").value(format_instant(clock.started_at));
    json.key("tz").value(clock.tz);
    json.key("cost_per_day_cents").value(clock.cost_per_day_cents);
    json.key("created").value(format_instant(clock.created));
    json.key("updated").value(format_instant(clock.updated));
    json.end_object();
}

void write_journal_share(domain::JsonWriter& json, const domain::ShareRecord& share)
{
    json.begin_object();
    json.key("id").value(share.id);
    json.key("partner_id").value(share.partner_id);
    json.key("partner_name").value(share.partner_name);
    json.key("at").value(format_instant(share.at));
    json.key("what").value(share.what);
    json.key("period");
    if (share.period) {
        json.begin_object();
        json.key("from").value(format_day(share.period->from));
        json.key("to").value(format_day(share.period->to));
        json.end_object();
    } else {
        json.null();
    }
    json.key("format").value(share.format);
    json.key("sha256").value(share.sha256);
    json.key("delivered").value(share.delivered);
    json.key("encrypted").value(share.encrypted);
    json.end_object();
}

void write_journal_plan_item(domain::JsonWriter& json, const domain::PlanItem& item)
{
    json.begin_object();
    json.key("id").value(item.id);
    json.key("section").value(domain::plan_section_name(item.section));
    json.key("position").value(item.position);
    json.key("text").value(item.text);
    json.key("created").value(format_instant(item.created));
    json.key("updated").value(format_instant(item.updated));
    json.end_object();
}

} // namespace steady::app
