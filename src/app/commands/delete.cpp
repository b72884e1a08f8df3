#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/common.hpp"
#include "base/error.hpp"
#include "store/entries.hpp"

namespace steady::app {

namespace {

struct DeleteOptions {
    std::string id;
    bool yes = false;
};

void run_delete(const DeleteOptions& opt, Context& ctx)
{
    auto id = parse_id(opt.id);
    auto entry = store::find_entry(ctx.journal_for_read(), id);
    if (!entry)
        throw DataError("no entry #" + std::to_string(id) + " (see 'steady list')");
    std::string what = std::string(domain::kind_name(entry->kind)) + " #" + std::to_string(id) +
                       " of " + timeutil::format_day(entry->day);
    if (!opt.yes) {
        if (!ctx.io().in_tty)
            throw UsageError("not deleting " + what + " without --yes (stdin is not a terminal)");
        if (!confirm(ctx, "Delete " + what + "? 'steady undo' brings it back.")) {
            ctx.out().say("Kept " + what + "."); // the user's "no" is an answer, not an error
            return;
        }
    }
    auto& journal = ctx.journal_for_write();
    journal.write("delete the entry",
                  [&] { store::delete_entry(journal, *entry, ctx.time().now); });
    ctx.out().say("Deleted " + what + ". 'steady undo' brings it back.");
}

} // namespace

void register_delete(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<DeleteOptions>();
    auto* cmd = root.add_subcommand("delete", "Delete an entry (undo brings it back)");
    cmd->add_option("ID", opt->id, "The entry's id (see 'steady list')")->required();
    cmd->add_flag("-y,--yes", opt->yes, "Do not ask (needed when not on a terminal)");
    cmd->callback([opt, &ctx] { run_delete(*opt, ctx); });
}

} // namespace steady::app
