#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/output/share.hpp"
#include "app/spawn.hpp"
#include "domain/partner.hpp"
#include "domain/share.hpp"

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
    bool send = false;
};

// `steady share --history [PARTNER]`: the share log, oldest first, as a
// table or (with --json) {"shares": [...]}. A PARTNER that is neither a
// partner nor named in the log is a DataError listing the partners.
void run_share_history(const ShareOptions& opt, Context& ctx);

// The addresses of an email of `share` to `partner`, from config `name` and
// `email`: a ConfigError (78) when `email` is not set or is not an address
// (saying to set it), a DataError (65) when the partner's is not one.
MailEnvelope share_envelope(Context& ctx, const domain::Partner& partner,
                            const domain::Share& share);

// The key shares to `partner` are encrypted to, in steady's keyring;
// nullopt when they have none. A DataError (65) when steady's keyring is
// missing.
std::optional<PgpRecipient> share_key(Context& ctx, const domain::Partner& partner);

// Config share.command for `partner`: {email} and {name} replaced in each
// argument, to be run without a shell.
std::vector<std::string> share_command_for(Context& ctx, const domain::Partner& partner);

// Says that `record` was delivered by `command`, or throws the DeliveryError
// (69) of `result`, with what the program wrote to stderr.
void report_delivery(Context& ctx, const domain::ShareRecord& record,
                     const std::vector<std::string>& command, const ProgramResult& result);

} // namespace steady::app
