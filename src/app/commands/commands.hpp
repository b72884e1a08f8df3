#pragma once

#include <array>
#include <string_view>

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
void register_report(CLI::App& root, Context& ctx);
void register_calendar(CLI::App& root, Context& ctx);
void register_prompt(CLI::App& root, Context& ctx);
void register_partner(CLI::App& root, Context& ctx);
void register_share(CLI::App& root, Context& ctx);
void register_backup(CLI::App& root, Context& ctx);
void register_doctor(CLI::App& root, Context& ctx);
void register_remind(CLI::App& root, Context& ctx);
void register_complete(CLI::App& root, Context& ctx);

struct Command {
    std::string_view names; // the name, then any aliases, space-separated
    Register add;
};

// The command table: every subcommand of steady, in the order --help lists
// them. A run that names one command registers only that one (see run.cpp).
inline constexpr std::array k_commands = {
    Command{"checkin", &register_checkin},
    Command{"trigger", &register_trigger},
    Command{"craving urge", &register_craving},
    Command{"meeting", &register_meeting},
    Command{"clock", &register_clock},
    Command{"goal", &register_goal},
    Command{"list", &register_list},
    Command{"show", &register_show},
    Command{"edit", &register_edit},
    Command{"delete", &register_delete},
    Command{"undo", &register_undo},
    Command{"report summary", &register_report},
    Command{"calendar", &register_calendar},
    Command{"partner", &register_partner},
    Command{"share", &register_share},
    Command{"remind", &register_remind},
    Command{"prompt", &register_prompt},
    Command{"backup", &register_backup},
    Command{"doctor", &register_doctor},
    Command{"_complete", &register_complete},
};

// `steady` alone: today at a glance.
void run_dashboard(Context& ctx);

} // namespace steady::app
