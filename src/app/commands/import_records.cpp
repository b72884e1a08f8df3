#include "app/commands/import_records.hpp"

#include <charconv>

#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/entries.hpp"

namespace steady::app {

using Json = nlohmann::json;

namespace {

// A domain message about typed flags ("--mood must be …") about a record.
std::string without_dashes(std::string text)
{
    for (auto at = text.find("--"); at != std::string::npos; at = text.find("--", at))
        text.erase(at, 2);
    return text;
}

const Json* member(const Json& record, const char* key)
{
    auto it = record.find(key);
    return it == record.end() || it->is_null() ? nullptr : &*it;
}

std::optional<std::string> text_member(const Json& record, const char* key)
{
    const auto* v = member(record, key);
    if (v == nullptr)
        return std::nullopt;
    if (!v->is_string())
        throw DataError(std::string(key) + " must be a text");
    return v->get<std::string>();
}

std::string required_text(const Json& record, const char* key)
{
    auto text = text_member(record, key);
    if (!text || domain::trim(*text).empty())
        throw DataError("'" + std::string(key) + "' is missing");
    return *text;
}

std::optional<std::int64_t> int_member(const Json& record, const char* key, std::int64_t min)
{
    const auto* v = member(record, key);
    if (v == nullptr)
        return std::nullopt;
    std::int64_t n = 0;
    if (v->is_number_integer()) {
        n = v->get<std::int64_t>();
    } else if (v->is_string()) {
        auto s = v->get<std::string>();
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec != std::errc{} || end != s.data() + s.size())
            throw DataError(std::string(key) + " must be a whole number (got '" + s + "')");
    } else {
        throw DataError(std::string(key) + " must be a whole number");
    }
    if (n < min)
        throw DataError(std::string(key) + " must be " + std::to_string(min) + " or more (got " +
                        std::to_string(n) + ")");
    return n;
}

bool bool_member(const Json& record, const char* key)
{
    const auto* v = member(record, key);
    if (v == nullptr)
        return false;
    if (v->is_boolean())
        return v->get<bool>();
    auto text = v->is_string() ? domain::to_lower(v->get<std::string>()) : v->dump();
    if (text == "yes" || text == "true" || text == "1")
        return true;
    if (text == "no" || text == "false" || text == "0")
        return false;
    throw DataError(std::string(key) + " must be true or false (got " + v->dump() + ")");
}

std::optional<timeutil::Instant> instant_member(const Json& record, const char* key)
{
    auto text = text_member(record, key);
    if (!text)
        return std::nullopt;
    auto at = timeutil::parse_stored_instant(*text);
    if (!at)
        throw DataError(std::string(key) +
                        " must be a UTC instant such as 2026-11-20T19:30:00Z "
                        "(got '" +
                        *text + "')");
    return at;
}

std::optional<timeutil::Day> day_member(const Json& record, const char* key)
{
    auto text = text_member(record, key);
    if (!text)
        return std::nullopt;
    auto day = timeutil::parse_stored_day(*text);
    if (!day)
        throw DataError(std::string(key) + " must be a day such as 2026-11-20 (got '" + *text +
                        "')");
    return day;
}

bool is_uuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i])))
            return false;
    }
    return true;
}

// The record's uuid, or a new one; its id, or 0 (the next free one).
template <class T> void identity(T& record, const Json& j)
{
    auto uuid = text_member(j, "uuid");
    if (uuid && !is_uuid(*uuid))
        throw DataError("uuid must look like 3f2b8c1e-6a4d-4f1e-9b2a-7c8d9e0f1a2b (got '" + *uuid +
                        "')");
    record.uuid = uuid ? *uuid : store::new_uuid();
    record.id = int_member(j, "id", 1).value_or(0);
}

template <class T> void stamps(T& record, const Json& j, const timeutil::TimeContext& time)
{
    record.created = instant_member(j, "created").value_or(time.now);
    record.updated = instant_member(j, "updated").value_or(record.created);
}

domain::Value field_value(const domain::Field& field, const Json& v)
{
    using domain::FieldType;
    if (v.is_string()) {
        auto text = v.get<std::string>();
        if (field.type == FieldType::list)
            return domain::Value(domain::split(text, ';'));
        return domain::parse_field(field, text);
    }
    if (v.is_boolean() && field.type == FieldType::boolean)
        return std::int64_t{v.get<bool>() ? 1 : 0};
    if (v.is_number_integer() && field.type == FieldType::decimal)
        return static_cast<double>(v.get<std::int64_t>());
    if (v.is_number() && field.type == FieldType::decimal)
        return v.get<double>() + 0.0; // -0.0 is 0, as "-0" typed is
    if (v.is_number_integer() && field.type != FieldType::text && field.type != FieldType::choice &&
        field.type != FieldType::list)
        return v.get<std::int64_t>();
    if (v.is_array() && field.type == FieldType::list) {
        std::vector<std::string> items;
        for (const auto& item : v) {
            if (!item.is_string())
                throw DataError(std::string(field.name) + " must be a list of texts");
            // Each item as --strategy takes one: trimmed, not empty.
            auto one = domain::parse_field(field, item.get<std::string>());
            items.push_back(std::move(std::get<std::vector<std::string>>(one).front()));
        }
        return items;
    }
    throw DataError(std::string(field.name) + " has the wrong type (got " + v.dump() + ")");
}

bool is_common_key(std::string_view key)
{
    for (const char* common : {"id", "uuid", "kind", "at", "tz", "day", "note", "tags", "created",
                               "updated", "trigger_deleted"})
        if (key == common)
            return true;
    return false;
}

void place(domain::Entry& entry, const Json& record, const timeutil::TimeContext& time)
{
    auto at_text = required_text(record, "at");
    const timeutil::Zone* zone = time.zone;
    if (auto tz = text_member(record, "tz")) {
        zone = timeutil::Zone::find(*tz);
        if (zone == nullptr)
            zone = timeutil::Zone::from_posix(*tz);
        if (zone == nullptr)
            throw DataError("tz must be a time zone such as Europe/Berlin (got '" + *tz + "')");
        entry.tz = *tz;
    } else {
        entry.tz = time.zone->name();
    }
    if (auto at = timeutil::parse_stored_instant(at_text)) {
        entry.at = *at;
    } else {
        auto when = timeutil::parse_date(at_text, time);
        entry.at = when.has_time ? when.at
                                 : timeutil::start_of_day(when.day, *zone, time.day_start) +
                                       std::chrono::hours(12);
    }
    entry.day =
        day_member(record, "day").value_or(timeutil::day_of(entry.at, *zone, time.day_start));
}

} // namespace

domain::Entry entry_from_json(const Json& record, const timeutil::TimeContext& time)
{
    if (!record.is_object())
        throw DataError("is not an object");
    domain::Entry entry;
    auto kind_text = text_member(record, "kind");
    if (!kind_text)
        throw DataError("'kind' is missing (checkin, trigger, craving, meeting, goal_log, lapse)");
    auto kind = domain::parse_kind(*kind_text);
    if (!kind)
        throw DataError("unknown kind '" + *kind_text +
                        "' (kinds: checkin, trigger, craving, meeting, goal_log, lapse)");
    entry.kind = *kind;
    try {
        identity(entry, record);
        place(entry, record, time);
        entry.note = text_member(record, "note");
        if (entry.note && entry.note->empty())
            entry.note.reset();
        if (const auto* tags = member(record, "tags"))
            for (const auto& tag :
                 tags->is_string() ? Json(domain::split(tags->get<std::string>(), ';')) : *tags) {
                if (!tag.is_string())
                    throw DataError("tags must be a list of texts");
                entry.tags.push_back(domain::normalize_tag(tag.get<std::string>()));
            }
        stamps(entry, record, time);
        for (const auto& [key, value] : record.items()) {
            if (is_common_key(key) || value.is_null())
                continue;
            const auto* field = domain::find_field(key);
            if (field == nullptr)
                throw DataError("unknown field '" + key + "'");
            auto parsed = field_value(*field, value);
            if (auto* list = std::get_if<std::vector<std::string>>(&parsed); list && list->empty())
                continue;
            if (!field->applies_to(entry.kind))
                throw DataError("a " + std::string(domain::kind_name(entry.kind)) + " has no " +
                                key);
            domain::check_value(*field, parsed);
            entry.values.insert_or_assign(key, std::move(parsed));
        }
        domain::validate(entry);
    } catch (const UsageError& e) {
        throw DataError(without_dashes(e.what()));
    }
    return entry;
}

domain::Goal goal_from_json(const Json& record, const timeutil::TimeContext& time)
{
    if (!record.is_object())
        throw DataError("is not an object");
    domain::Goal goal;
    identity(goal, record);
    goal.title = required_text(record, "title");
    goal.target = int_member(record, "target", 1);
    goal.total = int_member(record, "total", 1);
    goal.due = day_member(record, "due");
    auto word = [&](const char* key, auto parse, auto fallback) {
        auto text = text_member(record, key);
        if (!text)
            return fallback;
        auto value = parse(*text);
        if (!value)
            throw DataError(std::string(key) + " cannot be '" + *text + "'");
        return *value;
    };
    if (auto per = text_member(record, "per"))
        goal.per = word("per", domain::parse_goal_per, domain::GoalPer::day);
    bool counted = goal.target || goal.total;
    goal.kind = word("kind", domain::parse_goal_kind,
                     counted ? domain::GoalKind::count : domain::GoalKind::once);
    goal.tracks = word("tracks", domain::parse_goal_tracks, domain::GoalTracks::manual);
    goal.status = word("status", domain::parse_goal_status, domain::GoalStatus::active);
    bool recurring = goal.target && goal.per && !goal.total && !goal.due;
    bool by_day = goal.total && goal.due && !goal.target && !goal.per;
    if (goal.kind == domain::GoalKind::count ? !(recurring || by_day) : counted)
        throw DataError("a count goal has target and per, or total and due; a once goal none");
    stamps(goal, record, time);
    return goal;
}

domain::Clock clock_from_json(const Json& record, const timeutil::TimeContext& time)
{
    if (!record.is_object())
        throw DataError("is not an object");
    domain::Clock clock;
    identity(clock, record);
    clock.name = std::string(domain::trim(required_text(record, "name")));
    auto started = instant_member(record, "started_at");
    if (!started)
        throw DataError("'started_at' is missing");
    clock.started_at = *started;
    clock.tz = text_member(record, "tz").value_or(time.zone->name());
    clock.cost_per_day_cents = int_member(record, "cost_per_day_cents", 0);
    stamps(clock, record, time);
    return clock;
}

domain::Partner partner_from_json(const Json& record, const timeutil::TimeContext& time)
{
    if (!record.is_object())
        throw DataError("is not an object");
    domain::Partner partner;
    identity(partner, record);
    try {
        partner.name = domain::checked_partner_name(required_text(record, "name"));
        partner.email = domain::checked_email(required_text(record, "email"));
        partner.scope = domain::Scope::all();
        if (const auto* scope = member(record, "scope")) {
            std::string text = scope->is_string() ? scope->get<std::string>() : "";
            if (scope->is_array())
                for (const auto& s : *scope)
                    text += (text.empty() ? "" : ",") +
                            (s.is_string() ? s.get<std::string>() : s.dump());
            partner.scope = domain::parse_scope(text);
        }
        partner.scope.notes = bool_member(record, "include_notes") ? domain::IncludeNotes::yes
                                                                   : domain::IncludeNotes::no;
        if (auto cadence = text_member(record, "cadence"))
            partner.cadence = domain::parse_cadence(*cadence);
    } catch (const UsageError& e) {
        throw DataError(without_dashes(e.what()));
    }
    if (auto after = int_member(record, "alert_after", 1))
        partner.alert_after = static_cast<int>(std::min<std::int64_t>(*after, 100000));
    if (auto fingerprint = text_member(record, "pgp_fingerprint")) {
        auto upper = domain::to_upper(*fingerprint);
        if (upper.size() < 16 || upper.size() > 64 ||
            upper.find_first_not_of("0123456789ABCDEF") != std::string::npos)
            throw DataError("pgp_fingerprint must be an OpenPGP fingerprint in hex (got '" +
                            *fingerprint + "')");
        partner.pgp_fingerprint = upper;
    }
    stamps(partner, record, time);
    return partner;
}

domain::ShareRecord share_from_json(const Json& record, const timeutil::TimeContext&)
{
    if (!record.is_object())
        throw DataError("is not an object");
    domain::ShareRecord share;
    share.id = int_member(record, "id", 1).value_or(0);
    share.partner_id = int_member(record, "partner_id", 1);
    share.partner_name = required_text(record, "partner_name");
    auto at = instant_member(record, "at");
    if (!at)
        throw DataError("'at' is missing");
    share.at = *at;
    share.what = text_member(record, "what").value_or("summary");
    if (share.what != "summary" && share.what != "alert")
        throw DataError("what must be summary or alert (got '" + share.what + "')");
    if (const auto* period = member(record, "period")) {
        auto from = day_member(*period, "from");
        auto to = day_member(*period, "to");
        if (!from || !to)
            throw DataError("period must be {\"from\": day, \"to\": day}");
        share.period = timeutil::Period{*from, *to, false};
    }
    share.format = required_text(record, "format");
    share.sha256 = required_text(record, "sha256");
    share.delivered = bool_member(record, "delivered");
    share.encrypted = bool_member(record, "encrypted");
    return share;
}

domain::PlanItem plan_item_from_json(const Json& record, const timeutil::TimeContext& time)
{
    if (!record.is_object())
        throw DataError("is not an object");
    domain::PlanItem item;
    item.id = int_member(record, "id", 1).value_or(0);
    const auto section = required_text(record, "section");
    const auto parsed = domain::parse_plan_section(section);
    if (!parsed)
        throw DataError("unknown plan section '" + section + "' (the sections are " +
                        domain::plan_section_list() + ")");
    item.section = *parsed;
    try {
        item.text = domain::checked_plan_text(required_text(record, "text"));
    } catch (const UsageError& e) {
        throw DataError(std::string("text: ") + e.what());
    }
    item.position = static_cast<int>(int_member(record, "position", 1).value_or(0));
    stamps(item, record, time);
    return item;
}

} // namespace steady::app
