#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace steady::app {

// OpenPGP through GPGME, in the module steady-mail.so (see app/mail.hpp):
// loaded on the first call, a DeliveryError (69) when it cannot be or when
// GnuPG's gpg is missing. A key or message at fault (expired, revoked,
// missing, ambiguous, not a key, cannot be decrypted) is a DataError (65)
// whose text says which and why. Nothing here touches the journal.

// A GnuPG home folder: steady's own keyring, or the user's
// (`folder` nullopt: $GNUPGHOME, else ~/.gnupg, as gpg itself finds it).
struct Keyring {
    std::optional<std::filesystem::path> folder;
};

// The key to encrypt to: `key` (a fingerprint, key id or address naming
// exactly one key) in `keyring`.
struct PgpRecipient {
    Keyring keyring;
    std::string key;
};

// A key now in steady's keyring.
struct ImportedKey {
    std::string fingerprint; // upper-case hex
    std::string user_id;     // its first user id, "Sam <sam@example.org>"
};

// Puts one public key into `keyring` (steady's own, an existing folder): the
// key in the file `file` (armored or binary) when it is given, else the one
// key `key_id` names in `from` (the user's keyring). The key must be valid
// now and able to encrypt; otherwise nothing is imported.
ImportedKey import_key_file(const Keyring& keyring, const std::filesystem::path& file);
ImportedKey import_key_from(const Keyring& keyring, const Keyring& from, const std::string& key_id);

// Whether to write ASCII armor or binary OpenPGP.
enum class Armor { no, yes };

// `plain` encrypted to `to`.
std::string encrypt_bytes_to(const PgpRecipient& to, std::string_view plain, Armor armor);

// The file `cipher`, an OpenPGP message, decrypted with the secret keys of
// `keyring` through its gpg-agent.
std::string decrypt_file(const Keyring& keyring, const std::filesystem::path& cipher);

// Whether `head`, the first bytes of a file, begin an OpenPGP message: ASCII
// armor ("-----BEGIN PGP MESSAGE-----"), or a binary packet that starts
// one (a public- or symmetric-key session key, compressed or encrypted
// data). Text (json, csv, with or without a BOM) never does.
bool is_openpgp_message(std::string_view head);

} // namespace steady::app
