#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/common.hpp"
#include "app/output/entries.hpp"
#include "base/error.hpp"
#include "store/entries.hpp"

namespace steady::app {

namespace {

void run_show(const std::string& id_text, Context& ctx)
{
    auto id = parse_id(id_text);
    auto& journal = ctx.journal_for_read();
    std::optional<domain::Entry> entry;
    ReferenceNames names;
    journal.read("read the journal", [&] {
        entry = store::find_entry(journal, id);
        if (entry && !ctx.options().json)
            names = reference_names(journal);
    });
    if (!entry)
        throw DataError("no entry #" + std::to_string(id) + " (see 'steady list')");
    auto& out = ctx.out();
    if (ctx.options().json) {
        domain::JsonWriter json(out.stream());
        write_entry_json(json, *entry);
        return;
    }
    print_entry(out, *entry, entry_zone(*entry, *ctx.time().zone), &names);
}

} // namespace

void register_show(CLI::App& root, Context& ctx)
{
    auto id = std::make_shared<std::string>();
    auto* cmd = root.add_subcommand("show", "Show one entry in full");
    cmd->add_option("ID", *id, "The entry's id (see 'steady list')")->required();
    cmd->callback([id, &ctx] { run_show(*id, ctx); });
}

} // namespace steady::app
