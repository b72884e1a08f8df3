#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"

namespace steady::app {

void register_goal(CLI::App& root, Context& ctx)
{
    (void)root;
    (void)ctx;
}

}  // namespace steady::app
