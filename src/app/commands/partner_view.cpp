#include <filesystem>

#include "app/commands/partner.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/partners.hpp"

namespace steady::app {

domain::Partner require_partner(store::Journal& journal, const std::string& name)
{
    if (auto partner = store::find_partner(journal, name))
        return *partner;
    std::vector<std::string> names;
    for (const auto& partner : store::list_partners(journal))
        names.push_back(partner.name);
    throw DataError("no partner named '" + name + "' (" +
                    (names.empty() ? "no partners yet; 'steady partner add NAME --email E' adds one"
                                   : "partners: " + domain::join(names, ", ")) +
                    ")");
}

void write_partner_json(domain::JsonWriter& json, const domain::Partner& partner)
{
    std::vector<std::string> sections;
    for (auto section : partner.scope.sections())
        sections.emplace_back(domain::section_name(section));
    json.begin_object()
        .key("id")
        .value(partner.id)
        .key("uuid")
        .value(partner.uuid)
        .key("name")
        .value(partner.name)
        .key("email")
        .value(partner.email)
        .key("scope")
        .value(sections)
        .key("include_notes")
        .value(partner.scope.notes == domain::IncludeNotes::yes)
        .key("cadence");
    if (partner.cadence)
        json.value(domain::cadence_name(*partner.cadence));
    else
        json.null();
    json.key("alert_after")
        .value(partner.alert_after)
        .key("pgp_fingerprint")
        .value(partner.pgp_fingerprint)
        .key("created")
        .value(timeutil::format_instant(partner.created))
        .key("updated")
        .value(timeutil::format_instant(partner.updated))
        .end_object();
}

std::string describe_scope(const domain::Scope& scope)
{
    std::string notes =
        scope.notes == domain::IncludeNotes::yes ? ", with notes" : ", without notes";
    if (scope == domain::Scope::all() || scope.sections().size() == domain::k_sections.size())
        return "everything" + notes;
    std::vector<std::string> names;
    for (auto section : scope.sections())
        names.emplace_back(domain::section_name(section));
    std::string last = names.back();
    names.pop_back();
    return (names.empty() ? last : domain::join(names, ", ") + " and " + last) + notes;
}

namespace {

std::string cadence_cell(const domain::Partner& partner)
{
    if (!partner.cadence)
        return "-";
    switch (*partner.cadence) {
    case domain::Cadence::sunday:
        return "Sundays";
    case domain::Cadence::week:
        return "weekly";
    case domain::Cadence::month:
        return "monthly";
    }
    return "-";
}

} // namespace

void run_partner_list(Context& ctx)
{
    std::vector<domain::Partner> partners;
    if (std::filesystem::exists(ctx.journal_path())) {
        auto& journal = ctx.journal_for_read();
        journal.read("read the partners", [&] { partners = store::list_partners(journal); });
    }
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object().key("partners").begin_array();
        for (const auto& partner : partners)
            write_partner_json(json, partner);
        json.end_array().end_object();
        return;
    }
    if (partners.empty()) {
        ctx.out().say("No partners yet. Add one, e.g.: steady partner add Sam --email "
                      "sam@example.org --share checkins,mood,cravings --every sunday");
        return;
    }
    Table table({"NAME", "EMAIL", "SHARES", "NOTES", "EVERY", "ALERT AFTER", "PGP KEY"});
    for (const auto& partner : partners)
        table.add({partner.name, partner.email, domain::format_scope(partner.scope),
                   partner.scope.notes == domain::IncludeNotes::yes ? "yes" : "no",
                   cadence_cell(partner),
                   partner.alert_after ? std::to_string(*partner.alert_after) + " days" : "-",
                   partner.pgp_fingerprint.value_or("-")});
    table.print(ctx.out());
}

} // namespace steady::app
