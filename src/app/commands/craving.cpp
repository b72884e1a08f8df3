#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/log_entry.hpp"

namespace steady::app {

namespace {

void run_craving(LogOptions& opt, Context& ctx)
{
    auto entry = log_entry(ctx, opt, domain::Kind::craving);
    if (entry.get_text("outcome") != "used" || ctx.options().json)
        return;
    // A lapse is data, not failure; whether it resets a clock is the user's call.
    ctx.out().say("Thank you for logging it honestly. If this was a lapse, "
                  "'steady clock reset NAME' restarts that clock; nothing was reset.");
}

}  // namespace

void register_craving(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<LogOptions>();
    auto* cmd = root.add_subcommand("craving", "Log a craving as it happens");
    cmd->alias("urge");
    add_log_flags(*cmd, *opt, domain::Kind::craving);
    cmd->callback([opt, &ctx] { run_craving(*opt, ctx); });
}

}  // namespace steady::app
