#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/context.hpp"
#include "domain/json.hpp"
#include "store/entries.hpp"

namespace steady::app {

namespace {

void run_undo(Context& ctx)
{
    // A missing journal reads as empty: nothing to undo, and nothing created.
    auto& journal = ctx.journal_for_read();
    std::optional<std::string> undone;
    journal.write("undo", [&] { undone = store::undo_last(journal, ctx.time().now); });
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object().key("undone").value(undone).end_object();
        return;
    }
    if (undone)
        ctx.out().say("Undone: " + *undone + ".");
    else
        ctx.out().say("Nothing to undo.");
}

}  // namespace

void register_undo(CLI::App& root, Context& ctx)
{
    auto* cmd = root.add_subcommand("undo", "Reverse the last add, edit or delete (repeatable)");
    cmd->callback([&ctx] { run_undo(ctx); });
}

}  // namespace steady::app
