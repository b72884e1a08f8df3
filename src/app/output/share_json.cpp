#include <sstream>

#include "app/output/report_json.hpp"
#include "app/output/share.hpp"

namespace steady::app {

using domain::JsonWriter;
using domain::Section;
using domain::Share;

namespace {

// The notes of section `section`, as "notes": [{day, kind, field, text}];
// nothing at all when notes are not allowed.
void share_json_notes(JsonWriter& json, const Share& share, Section section)
{
    if (share.scope.notes != domain::IncludeNotes::yes)
        return;
    json.key("notes").begin_array();
    for (const auto& note : share.report.notes) {
        if (domain::note_section(note.kind) != section)
            continue;
        json.begin_object();
        json.key("day").value(timeutil::format_day(note.day));
        json.key("kind").value(note.kind);
        json.key("field").value(note.field);
        json.key("text").value(note.text);
        json.end_object();
    }
    json.end_array();
}

void share_json_section(JsonWriter& json, const Share& share, Section section)
{
    const auto& r = share.report;
    if (section == Section::mood) // the one section that is a single measure, or null
        return write_measure(json, r, domain::Measure::mood, r.previous_mood, true, "mood");
    json.key(domain::section_name(section));
    switch (section) {
    case Section::checkins:
        json.begin_object();
        write_checkin_fields(json, r);
        write_measure(json, r, domain::Measure::energy, std::nullopt, false);
        write_measure(json, r, domain::Measure::sleep, std::nullopt, false);
        break;
    case Section::mood:
    case Section::cravings:
        json.begin_object();
        write_craving_fields(json, r.moments);
        write_measure(json, r, domain::Measure::craving, r.previous_craving, true, "at_checkin");
        break;
    case Section::triggers:
        json.begin_object();
        write_trigger_fields(json, r.moments, r.week_start);
        break;
    case Section::meetings:
        json.begin_object();
        write_meeting_fields(json, r);
        break;
    case Section::goals:
        json.begin_object().key("goals");
        write_goals_array(json, r);
        break;
    case Section::clocks:
        json.begin_object().key("clocks");
        write_clocks_array(json, r);
        break;
    }
    share_json_notes(json, share, section);
    json.end_object();
}

} // namespace

std::string share_json(const Share& share)
{
    std::ostringstream os;
    JsonWriter json(os);
    const auto& r = share.report;
    json.begin_object();
    json.key("format").value("steady-summary");
    json.key("version").value(1);
    json.key("from").begin_object().key("name").value(share.from).end_object();
    json.key("to").begin_object().key("name").value(share.to).end_object();
    json.key("period").begin_object();
    json.key("from").value(timeutil::format_day(r.period.from));
    json.key("to").value(timeutil::format_day(r.period.to));
    json.end_object();
    json.key("generated_at").value(timeutil::format_instant(share.generated_at));
    json.key("message").value(share.message);
    json.key("sections").begin_object();
    for (auto section : share.scope.sections())
        share_json_section(json, share, section);
    json.key("insights");
    write_insights_array(json, r);
    json.end_object();
    json.key("missed_days");
    write_days(json, share.missed_days);
    json.end_object();
    return os.str();
}

} // namespace steady::app
