#include <filesystem>

#include "app/commands/partner.hpp"
#include "app/mail_module.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::app {

ImportedKey partner_key(Context& ctx, const std::string& text)
{
    std::string spec(domain::trim(text));
    if (spec.empty())
        throw UsageError("--pgp-key needs a key id, fingerprint, email address or key file");
    std::error_code ec;
    bool file = std::filesystem::exists(spec, ec);
    if (file && !std::filesystem::is_regular_file(spec, ec))
        throw UsageError("--pgp-key '" + spec + "' is a folder; give a key file or a key id");
    if (!file && spec.find('/') != std::string::npos)
        throw NoInputError("no key file '" + spec + "'");
    // The module first: without it there is no key to keep, and steady's
    // keyring folder (and its gpg.conf) is not made for nothing.
    mail_module("OpenPGP encryption");
    Keyring keyring{ctx.keyring_folder(CreateFolder::yes)};
    try {
        return file ? import_key_file(keyring, spec)
                    : import_key_from(keyring, Keyring{ctx.user_gnupg_home()}, spec);
    } catch (const DataError& e) {
        throw DataError((file ? "the key file '" + spec + "' cannot be used: "
                              : "cannot use the key '" + spec + "': ") +
                        e.what() + "; nothing was changed");
    }
}

std::string key_text(const std::optional<ImportedKey>& key)
{
    if (!key)
        return "";
    return " Shares to them are encrypted to " + key->fingerprint +
           (key->user_id.empty() ? "" : " (" + key->user_id + ")") + ".";
}

} // namespace steady::app
