#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/log_entry.hpp"

namespace steady::app {

void register_trigger(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<LogOptions>();
    auto* cmd = root.add_subcommand("trigger", "Log a trigger: what happened, and how you coped");
    add_log_flags(*cmd, *opt, domain::Kind::trigger, "what");
    cmd->callback([opt, &ctx] { log_entry(ctx, *opt, domain::Kind::trigger); });
}

}  // namespace steady::app
