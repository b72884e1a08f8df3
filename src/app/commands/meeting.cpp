#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/log_entry.hpp"

namespace steady::app {

void register_meeting(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<LogOptions>();
    auto* cmd = root.add_subcommand("meeting", "Log a meeting you attended");
    add_log_flags(*cmd, *opt, domain::Kind::meeting, "name");
    cmd->callback([opt, &ctx] { log_entry(ctx, *opt, domain::Kind::meeting); });
}

}  // namespace steady::app
