#include "app/commands/log_entry.hpp"

#include <CLI/CLI.hpp>

#include "app/output/entries.hpp"
#include "domain/error.hpp"
#include "domain/text.hpp"
#include "store/entries.hpp"

namespace steady::app {

void add_log_flags(CLI::App& cmd, LogOptions& opt, domain::Kind kind, std::string_view positional)
{
    if (!positional.empty()) {
        const auto* field = domain::find_field(positional);
        std::string label = domain::to_upper(positional);
        cmd.add_option(label, opt.flags.single[std::string(positional)], std::string(field->help))
            ->required();
    }
    add_field_flags(cmd, opt.flags, kind, positional);
    cmd.add_option("--at", opt.at, "When it happened (default now), e.g. 'yesterday 22:10'")
        ->type_name("DATE");
}

domain::Entry log_entry(Context& ctx, LogOptions& opt, domain::Kind kind)
{
    domain::Entry entry;
    entry.kind = kind;
    place_entry(ctx, entry, entry_time(ctx, opt.at));
    apply_fields(opt.flags, entry);
    for (const auto& field : domain::fields()) {
        bool missing = std::holds_alternative<std::monostate>(entry.get(field.name));
        if (missing && field.required(kind) && opt.flags.single.count(std::string(field.name)) &&
            opt.flags.single.at(std::string(field.name)))
            throw UsageError(std::string(field.name) + " must not be empty (" +
                             std::string(field.help) + ")");
    }
    domain::validate(entry);
    auto& journal = ctx.journal_for_write();
    std::string doing = "save the " + std::string(domain::kind_name(kind));
    journal.write(doing, [&] { store::add_entry(journal, entry, ctx.time().now); });
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        write_entry_json(json, entry);
    } else {
        ctx.out().say("Logged " + std::string(domain::kind_name(kind)) + " #" +
                      std::to_string(entry.id) + ": " + entry_summary(entry, ctx.out()));
    }
    return entry;
}

}  // namespace steady::app
