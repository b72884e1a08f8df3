#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "timeutil/time.hpp"

namespace steady::domain {

// The sections of the relapse-prevention plan (SPEC §5), in the order they
// are shown.
enum class PlanSection { reasons, warning_signs, triggers, coping, people, after_a_lapse };
inline constexpr std::array k_plan_sections = {PlanSection::reasons,  PlanSection::warning_signs,
                                               PlanSection::triggers, PlanSection::coping,
                                               PlanSection::people,   PlanSection::after_a_lapse};

// "reasons", "warning-signs", … as stored and typed.
const char* plan_section_name(PlanSection section);
// "Reasons", "Warning signs", … as headings show them.
const char* plan_section_title(PlanSection section);
// The section `text` names: any case, words joined by spaces, hyphens or
// underscores ("Warning signs", "after_a_lapse"); nullopt for anything else.
std::optional<PlanSection> parse_plan_section(std::string_view text);
// parse_plan_section(`text`), or a UsageError that lists the sections.
PlanSection checked_plan_section(std::string_view text);
// "reasons, warning-signs, triggers, coping, people, after-a-lapse"
std::string plan_section_list();

// One item of the plan. `position` counts from 1 within its section.
struct PlanItem {
    std::int64_t id = 0;
    PlanSection section = PlanSection::reasons;
    std::string text;
    int position = 0;
    timeutil::Instant created{};
    timeutil::Instant updated{};
};

// `text` trimmed; a UsageError when that is empty or holds a line break or
// another control character (an item is one line of the text form).
std::string checked_plan_text(std::string_view text);

// What a person wrote for one section, in order.
struct PlanDraftItem {
    PlanSection section = PlanSection::reasons;
    std::string text;
};

// The plan `items` (ordered by section, then position) as the text form
// `plan edit` opens: a "# Title" heading for every section, empty or not,
// and a "- text" line per item.
std::string render_plan_text(const std::vector<PlanItem>& items);

// The items of the text form `text`, by section in the order of
// k_plan_sections, each section's items in the order written. Blank lines
// and bare "-" lines are skipped; a line that starts with whitespace
// continues the item above it. A DataError "line N: …" for a heading that
// names no section or comes twice, an item before any heading, or any other
// line.
std::vector<PlanDraftItem> parse_plan_text(std::string_view text);

} // namespace steady::domain
