#include "domain/plan.hpp"

#include <algorithm>

#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::domain {

namespace {

struct PlanSectionNames {
    PlanSection section;
    const char* name;
    const char* title;
};

constexpr std::array<PlanSectionNames, 6> k_plan_section_names = {{
    {PlanSection::reasons, "reasons", "Reasons"},
    {PlanSection::warning_signs, "warning-signs", "Warning signs"},
    {PlanSection::triggers, "triggers", "Triggers"},
    {PlanSection::coping, "coping", "Coping"},
    {PlanSection::people, "people", "People"},
    {PlanSection::after_a_lapse, "after-a-lapse", "After a lapse"},
}};

const PlanSectionNames& plan_names_of(PlanSection section)
{
    return k_plan_section_names.at(static_cast<std::size_t>(section));
}

// `text` in lower case with runs of spaces, hyphens and underscores made one hyphen.
std::string plan_section_key(std::string_view text)
{
    std::string key;
    for (char c : to_lower(trim(text))) {
        bool joiner = c == ' ' || c == '-' || c == '_' || c == '\t';
        if (!joiner)
            key += c;
        else if (!key.empty() && key.back() != '-')
            key += '-';
    }
    return key;
}

bool has_control_character(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f;
    });
}

[[noreturn]] void plan_line_error(std::size_t line, const std::string& what)
{
    throw DataError("line " + std::to_string(line) + ": " + what);
}

} // namespace

const char* plan_section_name(PlanSection section)
{
    return plan_names_of(section).name;
}

const char* plan_section_title(PlanSection section)
{
    return plan_names_of(section).title;
}

std::optional<PlanSection> parse_plan_section(std::string_view text)
{
    auto key = plan_section_key(text);
    for (const auto& names : k_plan_section_names)
        if (key == names.name)
            return names.section;
    return std::nullopt;
}

std::string plan_section_list()
{
    std::vector<std::string> names;
    names.reserve(k_plan_section_names.size());
    for (const auto& section : k_plan_section_names)
        names.emplace_back(section.name);
    return join(names, ", ");
}

PlanSection checked_plan_section(std::string_view text)
{
    if (auto section = parse_plan_section(text))
        return *section;
    throw UsageError("no plan section '" + std::string(text) +
                     "' (sections: " + plan_section_list() + ")");
}

std::string checked_plan_text(std::string_view text)
{
    auto trimmed = std::string(trim(text));
    if (trimmed.empty())
        throw UsageError("a plan item needs some text, e.g. steady plan add reasons \"be there "
                         "for my kids\"");
    if (has_control_character(trimmed))
        throw UsageError("a plan item is one line of text, without line breaks or tabs");
    return trimmed;
}

std::string render_plan_text(const std::vector<PlanItem>& items)
{
    std::string text;
    for (auto section : k_plan_sections) {
        if (!text.empty())
            text += '\n';
        text += std::string("# ") + plan_section_title(section) + '\n';
        for (const auto& item : items)
            if (item.section == section)
                text += "- " + item.text + '\n';
    }
    return text;
}

std::vector<PlanDraftItem> parse_plan_text(std::string_view text)
{
    std::array<std::vector<std::string>, k_plan_sections.size()> by_section;
    std::array<std::size_t, k_plan_sections.size()> heading_line{};
    std::optional<PlanSection> current;
    std::string* last_item = nullptr;
    std::size_t number = 0;
    while (!text.empty()) {
        auto end = text.find('\n');
        auto line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (trim(line).empty()) {
            last_item = nullptr;
            continue;
        }
        if (line.front() == '#') {
            auto hashes = line.find_first_not_of('#');
            auto name =
                hashes == std::string_view::npos ? std::string_view{} : trim(line.substr(hashes));
            auto section = parse_plan_section(name);
            if (!section)
                plan_line_error(number, "'" + std::string(trim(line)) +
                                            "' is not a section of the plan (sections: " +
                                            plan_section_list() + ")");
            auto index = static_cast<std::size_t>(*section);
            if (heading_line[index] != 0)
                plan_line_error(number, "'# " + std::string(plan_section_title(*section)) +
                                            "' already began on line " +
                                            std::to_string(heading_line[index]) +
                                            "; put its items under one heading");
            heading_line[index] = number;
            current = section;
            last_item = nullptr;
        } else if (line.front() == '-') {
            if (!current)
                plan_line_error(number, "an item before any heading (start with '# Reasons', "
                                        "'# Coping', …)");
            auto item = std::string(trim(line.substr(1)));
            if (has_control_character(item))
                plan_line_error(number, "an item holds a tab or another control character");
            auto& list = by_section.at(static_cast<std::size_t>(*current));
            if (item.empty()) {
                last_item = nullptr;
                continue;
            }
            list.push_back(item);
            last_item = &list.back();
        } else if ((line.front() == ' ' || line.front() == '\t') && last_item) {
            auto more = trim(line);
            if (has_control_character(more))
                plan_line_error(number, "an item holds a tab or another control character");
            *last_item += ' ' + std::string(more);
        } else {
            plan_line_error(number, "expected '# Section' or '- item', not '" +
                                        std::string(trim(line)) + "'");
        }
    }
    std::vector<PlanDraftItem> items;
    for (auto section : k_plan_sections)
        for (auto& item : by_section.at(static_cast<std::size_t>(section)))
            items.push_back({section, std::move(item)});
    return items;
}

} // namespace steady::domain
