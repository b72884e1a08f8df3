#pragma once

#include <optional>
#include <string>

#include "app/context.hpp"

namespace steady::app {

// The flags and arguments of `steady share`.
struct ShareOptions {
    std::optional<std::string> partner;
    std::optional<std::string> positional_period;
    std::optional<std::string> period;
    std::optional<std::string> format;
    std::optional<std::string> output;
    std::optional<std::string> message;
    bool notes = false;
    bool history = false;
};

// `steady share --history [PARTNER]`: the share log, oldest first, as a
// table or (with --json) {"shares": [...]}. A PARTNER that is neither a
// partner nor named in the log is a DataError listing the partners.
void run_share_history(const ShareOptions& opt, Context& ctx);

} // namespace steady::app
