#pragma once

#include <optional>
#include <string>

#include "app/commands/common.hpp"

namespace steady::app {

// What every "log a moment" command (trigger, craving, meeting) takes: the
// kind's field flags, --at, --note and --tag.
struct LogOptions {
    FieldFlags flags;
    std::optional<std::string> at;
};

// Adds --at to `cmd` and the kind's field flags (see add_field_flags); the
// field named `positional` is the command's required argument.
void add_log_flags(CLI::App& cmd, LogOptions& opt, domain::Kind kind,
                   std::string_view positional = {});

// Builds an entry of `kind` from `opt`, validates it, saves it in one
// transaction and prints what was saved. Returns the saved entry.
domain::Entry log_entry(Context& ctx, LogOptions& opt, domain::Kind kind);

}  // namespace steady::app
