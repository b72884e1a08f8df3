#include "domain/partner.hpp"

#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::domain {

namespace {

constexpr std::array<const char*, k_sections.size()> k_section_names = {
    "checkins", "mood", "cravings", "triggers", "meetings", "goals", "clocks"};

std::string valid_sections()
{
    std::string text;
    for (const char* name : k_section_names)
        text += std::string(text.empty() ? "" : ", ") + name;
    return text + " or all";
}

Section required_section(std::string_view name)
{
    if (auto section = parse_section(name))
        return *section;
    throw UsageError("'" + std::string(name) +
                     "' is not a section to share (sections: " + valid_sections() + ")");
}

// RFC 5322 atext, with RFC 6532's UTF-8 beyond ASCII.
bool is_atext(unsigned char c)
{
    if (c >= 0x80)
        return true;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c)) !=
           std::string_view::npos;
}

// One or more atoms of atext joined by single dots.
bool is_dot_atom(std::string_view text)
{
    if (text.empty() || text.front() == '.' || text.back() == '.')
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '.' ? text[i - 1] == '.' : !is_atext(c))
            return false;
    }
    return true;
}

// '"', then printable characters other than '"' and '\' or a '\' and any
// printable character, then '"'.
bool is_quoted_string(std::string_view text)
{
    if (text.size() < 2 || text.front() != '"' || text.back() != '"')
        return false;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] == '"')
            return false;
        if (text[i] == '\\' && ++i + 1 >= text.size())
            return false;
    }
    return true;
}

} // namespace

const char* section_name(Section section)
{
    return k_section_names[static_cast<std::size_t>(section)];
}

std::optional<Section> parse_section(std::string_view name)
{
    for (std::size_t i = 0; i < k_sections.size(); ++i)
        if (name == k_section_names[i])
            return k_sections[i];
    return std::nullopt;
}

Scope Scope::all()
{
    Scope scope;
    for (auto section : k_sections)
        scope.add(section);
    return scope;
}

std::vector<Section> Scope::sections() const
{
    std::vector<Section> list;
    for (auto section : k_sections)
        if (has(section))
            list.push_back(section);
    return list;
}

Scope parse_scope(std::string_view text)
{
    Scope scope;
    auto names = split(text, ',');
    if (names.empty())
        throw UsageError("--share needs at least one section (sections: " + valid_sections() + ")");
    for (const auto& name : names) {
        if (to_lower(name) == "all")
            scope = Scope::all();
        else
            scope.add(required_section(to_lower(name)));
    }
    return scope;
}

Scope change_scope(Scope scope, std::string_view text)
{
    auto items = split(text, ',');
    std::size_t signed_items = 0;
    for (const auto& item : items)
        signed_items += item.front() == '+' || item.front() == '-';
    if (signed_items == 0) {
        auto replaced = parse_scope(text);
        replaced.notes = scope.notes;
        return replaced;
    }
    if (signed_items != items.size())
        throw UsageError("--share '" + std::string(text) +
                         "' mixes changes (+x, -y) and a list; give one or the other");
    for (const auto& item : items) {
        auto name = to_lower(trim(std::string_view(item).substr(1)));
        bool adding = item.front() == '+';
        if (name == "all") {
            for (auto section : k_sections)
                adding ? scope.add(section) : scope.remove(section);
            continue;
        }
        auto section = required_section(name);
        adding ? scope.add(section) : scope.remove(section);
    }
    if (scope.empty())
        throw UsageError("--share '" + std::string(text) +
                         "' would leave nothing to share; 'steady partner remove' removes a "
                         "partner");
    return scope;
}

std::string format_scope(const Scope& scope)
{
    std::string text;
    for (auto section : scope.sections())
        text += std::string(text.empty() ? "" : ",") + section_name(section);
    return text;
}

const char* cadence_name(Cadence cadence)
{
    switch (cadence) {
    case Cadence::sunday:
        return "sunday";
    case Cadence::week:
        return "week";
    case Cadence::month:
        return "month";
    }
    return "week";
}

Cadence parse_cadence(std::string_view text)
{
    auto word = to_lower(trim(text));
    for (auto cadence : {Cadence::sunday, Cadence::week, Cadence::month})
        if (word == cadence_name(cadence))
            return cadence;
    throw UsageError("--every must be sunday, week or month (got '" + std::string(text) + "')");
}

std::string checked_partner_name(std::string_view text)
{
    std::string name(trim(text));
    if (name.empty())
        throw UsageError("a partner needs a name, e.g. 'steady partner add Sam --email "
                         "sam@example.org'");
    if (name.front() == '-')
        throw UsageError("'" + name + "' cannot be a partner's name (names do not start with '-')");
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f)
            throw UsageError("a partner's name cannot hold a newline, tab or other control "
                             "character");
    return name;
}

bool is_email_address(std::string_view text)
{
    if (text.size() > 254)
        return false;
    for (unsigned char c : text)
        if (c <= 0x20 || c == 0x7f || c == ',' || c == '<' || c == '>')
            return false;
    auto at = text.rfind('@');
    if (at == std::string_view::npos)
        return false;
    auto local = text.substr(0, at);
    auto domain = text.substr(at + 1);
    if (!is_dot_atom(local) && !is_quoted_string(local))
        return false;
    return is_dot_atom(domain) && domain.find('.') != std::string_view::npos;
}

std::string checked_email(std::string_view text)
{
    auto email = trim(text);
    if (!is_email_address(email)) {
        std::string shown;
        for (char c : text)
            shown += c == '\n' ? std::string("\\n") : std::string(1, c < 0x20 ? '?' : c);
        throw UsageError("'" + shown +
                         "' is not an email address (like sam@example.org: no spaces, commas "
                         "or angle brackets)");
    }
    return std::string(email);
}

} // namespace steady::domain
