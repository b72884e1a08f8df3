#pragma once

#include <array>

namespace CLI {
class App;
}

namespace steady::app {

class Context;

// Each command adds itself to the root app: its flags, help and callback.
using Register = void (*)(CLI::App& root, Context& ctx);

void register_checkin(CLI::App& root, Context& ctx);
void register_list(CLI::App& root, Context& ctx);
void register_show(CLI::App& root, Context& ctx);
void register_edit(CLI::App& root, Context& ctx);
void register_delete(CLI::App& root, Context& ctx);
void register_undo(CLI::App& root, Context& ctx);
void register_trigger(CLI::App& root, Context& ctx);
void register_craving(CLI::App& root, Context& ctx);
void register_meeting(CLI::App& root, Context& ctx);
void register_clock(CLI::App& root, Context& ctx);
void register_goal(CLI::App& root, Context& ctx);
void register_prompt(CLI::App& root, Context& ctx);
void register_complete(CLI::App& root, Context& ctx);

// The command table: every subcommand of steady, in the order --help lists them.
inline constexpr std::array k_commands = {
    &register_checkin, &register_trigger, &register_craving, &register_meeting,
    &register_clock,   &register_goal,    &register_list,    &register_show,
    &register_edit,    &register_delete,  &register_undo,    &register_prompt,
    &register_complete,
};

// `steady` alone: today at a glance.
void run_dashboard(Context& ctx);

}  // namespace steady::app
