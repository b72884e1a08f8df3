#include "domain/share.hpp"

#include <algorithm>

namespace steady::domain {

Section note_section(const std::string& kind)
{
    if (kind == "trigger")
        return Section::triggers;
    if (kind == "craving")
        return Section::cravings;
    if (kind == "meeting")
        return Section::meetings;
    if (kind == "goal_log")
        return Section::goals;
    if (kind == "lapse")
        return Section::clocks;
    return Section::checkins;
}

std::vector<Section> insight_sections(const std::string& kind)
{
    if (kind == "craving_cluster" || kind == "strong_craving_strategy")
        return {Section::cravings};
    if (kind == "short_sleep")
        return {Section::checkins, Section::cravings};
    if (kind == "trigger_followed")
        return {Section::triggers, Section::cravings};
    if (kind == "meeting_mood")
        return {Section::meetings, Section::mood};
    return {k_sections.begin(), k_sections.end()};
}

namespace {

// Check-in measures of the sections out of `scope` removed; the days go
// when no measure of them is left to share.
void redact_checkins(Report& r, const Scope& scope)
{
    bool checkins = scope.has(Section::checkins);
    bool mood = scope.has(Section::mood);
    bool cravings = scope.has(Section::cravings);
    if (!checkins && !mood && !cravings) {
        r.checkins.clear();
    }
    for (auto& day : r.checkins) {
        if (!mood)
            day.mood = 0;
        if (!cravings)
            day.craving.reset();
        if (!checkins) {
            day.sober.reset();
            day.energy.reset();
            day.sleep.reset();
        }
    }
    if (!mood)
        r.previous_mood.reset();
    if (!cravings)
        r.previous_craving.reset();
}

void redact_moments(MomentFigures& m, const Scope& scope)
{
    if (!scope.has(Section::triggers)) {
        m.triggers = 0;
        m.by_category.clear();
        m.triggers_by_weekday = {};
        m.triggers_by_hour = {};
        m.trigger_intensity = {};
    }
    if (!scope.has(Section::cravings)) {
        m.cravings = 0;
        m.resisted = 0;
        m.used = 0;
        m.craving_intensity = {};
        m.craving_minutes = {};
        m.strategies.clear();
        m.cravings_by_slot = {};
        for (auto& [name, tally] : m.by_category)
            tally.followed = 0;
    }
}

bool insight_in_scope(const Insight& insight, const Scope& scope)
{
    auto needs = insight_sections(insight.kind);
    return std::all_of(needs.begin(), needs.end(), [&](Section s) { return scope.has(s); });
}

} // namespace

Report redact(const Report& report, const Scope& scope)
{
    Report r = report;
    bool notes = scope.notes == IncludeNotes::yes;
    redact_checkins(r, scope);
    redact_moments(r.moments, scope);
    if (!scope.has(Section::meetings)) {
        r.meetings = 0;
        r.meetings_by_type.clear();
        r.meeting_days.clear();
    }
    if (!scope.has(Section::goals))
        r.goals.clear();
    for (auto& goal : r.goals)
        if (!notes)
            goal.goal.title.clear();
    if (!scope.has(Section::clocks))
        r.clocks.clear();
    std::erase_if(r.insights, [&](const Insight& i) { return !insight_in_scope(i, scope); });
    std::erase_if(r.notes, [&](const ReportNote& note) {
        return !notes || !scope.has(note_section(note.kind));
    });
    return r;
}

Share make_share(const Report& report, const Scope& scope)
{
    Share share;
    share.scope = scope;
    share.report = redact(report, scope);
    share.missed_days = missed_days(report);
    return share;
}

} // namespace steady::domain
