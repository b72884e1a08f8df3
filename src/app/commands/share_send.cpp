#include <filesystem>
#include <string>
#include <vector>

#include "app/commands/share.hpp"
#include "app/spawn.hpp"
#include "base/error.hpp"
#include "domain/partner.hpp"
#include "domain/text.hpp"

namespace steady::app {

MailEnvelope share_envelope(Context& ctx, const domain::Partner& partner,
                            const domain::Share& share)
{
    const auto& config = ctx.config();
    if (!config.email)
        throw ConfigError("an emailed summary needs your address: set email = "
                          "\"you@example.org\" (and name) in the config");
    if (!domain::is_email_address(*config.email))
        throw ConfigError("the config's email '" + share_printable(*config.email) +
                          "' is not an email address (like alex@example.org)");
    if (!domain::is_email_address(partner.email))
        throw DataError(partner.name + "'s email '" + share_printable(partner.email) +
                        "' is not an email address; 'steady partner edit " + partner.name +
                        " --email E' changes it");
    MailEnvelope envelope;
    envelope.from_name = config.name;
    envelope.from_email = *config.email;
    envelope.to_name = partner.name;
    envelope.to_email = partner.email;
    envelope.utc_offset = ctx.time().zone->offset(share.generated_at);
    return envelope;
}

std::optional<PgpRecipient> share_key(Context& ctx, const domain::Partner& partner)
{
    if (!partner.pgp_fingerprint)
        return std::nullopt;
    auto keyring = ctx.keyring_folder(CreateFolder::no);
    std::error_code ec;
    if (!std::filesystem::is_directory(keyring, ec))
        throw DataError("cannot encrypt to " + partner.name + "'s key: steady's keyring " +
                        keyring.string() + " is missing, and with it their key " +
                        *partner.pgp_fingerprint + "; 'steady partner edit " + partner.name +
                        " --pgp-key KEYID|FILE' adds it again. Nothing was sent or written");
    return PgpRecipient{Keyring{keyring}, *partner.pgp_fingerprint};
}

std::vector<std::string> share_command_for(Context& ctx, const domain::Partner& partner)
{
    return expand_command(ctx.config().share_command,
                          {{"email", partner.email}, {"name", partner.name}});
}

void report_delivery(Context& ctx, const domain::ShareRecord& record,
                     const std::vector<std::string>& command, const ProgramResult& result)
{
    if (result.started && result.exit_code == 0) {
        ctx.out().say("Sent the summary for " + record.partner_name +
                      (record.encrypted ? ", encrypted to their key," : "") + " with '" +
                      command.at(0) + "' (sha256 " + record.sha256.substr(0, 12) +
                      "); 'steady share --history' lists it as delivered.");
        return;
    }
    std::string why = !result.started ? result.problem
                                      : "'" + command_line(command) + "' exited with status " +
                                            std::to_string(result.exit_code);
    std::string message = "could not send the summary for " + record.partner_name + ": " + why +
                          " (see share.command in the config); it is logged as not delivered";
    auto said = domain::trim(result.err.empty() ? result.out : result.err);
    if (!said.empty())
        message += "\n" + share_printable(said.substr(0, 4000));
    throw DeliveryError(message);
}

} // namespace steady::app
