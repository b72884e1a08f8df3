#include "app/commands/prompt_fields.hpp"

#include <iostream>

#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::app {

namespace {

bool was_given(const FieldFlags& flags, const std::string& name)
{
    if (name == "note")
        return flags.note.has_value();
    if (name == "tags")
        return !flags.tags.empty();
    auto it = flags.single.find(name);
    return it != flags.single.end() && it->second.has_value();
}

std::string question(const std::string& name)
{
    if (name == "note")
        return "Note (optional): ";
    if (name == "tags")
        return "Tags, separated by spaces (optional): ";
    const auto* field = domain::find_field(name);
    std::string label = name;
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label + ", " + std::string(field->help) + ": ";
}

// Applies one answer; throws UsageError when it does not parse.
void apply_answer(domain::Entry& entry, const std::string& name, std::string_view answer)
{
    if (name == "note") {
        entry.note = std::string(answer);
        return;
    }
    if (name == "tags") {
        for (const auto& tag : domain::split(answer, ' '))
            entry.tags.push_back(domain::normalize_tag(tag));
        return;
    }
    const auto* field = domain::find_field(name);
    entry.values[name] = domain::parse_field(*field, answer);
}

} // namespace

void prompt_missing(Context& ctx, domain::Entry& entry, const std::vector<std::string>& ask,
                    const FieldFlags& flags, bool strict)
{
    auto& io = ctx.io();
    for (const auto& name : ask) {
        if (was_given(flags, name))
            continue;
        const auto* field = domain::find_field(name);
        bool required = field && field->required(entry.kind);
        for (;;) {
            if (!strict) // answers piped to -i need no questions on the screen
                io.err << question(name) << std::flush;
            std::string line;
            if (!std::getline(io.in, line)) {
                if (required)
                    throw UsageError("no answer for " + name + " (stdin ended); nothing was saved");
                break;
            }
            auto answer = domain::trim(line);
            if (answer.empty() && !required)
                break;
            try {
                if (answer.empty())
                    throw UsageError(name + " is needed (" + std::string(field->help) + ")");
                apply_answer(entry, name, answer);
                break;
            } catch (const UsageError& e) {
                if (strict)
                    throw;
                io.err << "  " << e.what() << '\n';
            }
        }
    }
}

} // namespace steady::app
