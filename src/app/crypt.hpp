#pragma once

#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
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

// `plain` encrypted to `to`, for small texts (a share, a backup's image).
std::string encrypt_bytes_to(const PgpRecipient& to, std::string_view plain, Armor armor);

// OpenPGP encryption as a stream, for exports of any size: what is written
// to plain() is encrypted to `to` as it comes, by GnuPG in a thread of its
// own, and the message is written to `cipher` as it is made (binary, or
// ASCII armor). Neither is ever held whole in memory, and nothing touches
// the disk but `cipher`. The key is looked up before anything is read, so a
// key that cannot be used stops the first writes to plain(): they throw.
// A missing mail module is a DeliveryError (69) from the constructor.
class PgpEncryption {
  public:
    PgpEncryption(const PgpRecipient& to, Armor armor, std::ostream& cipher);
    ~PgpEncryption(); // stops GnuPG, if finish() was not called, and waits for it
    PgpEncryption(const PgpEncryption&) = delete;
    PgpEncryption& operator=(const PgpEncryption&) = delete;

    // Where the plain text goes. Once GnuPG has stopped (a key at fault, a
    // failure), writing to it throws.
    std::ostream& plain();

    // Ends the plain text and waits for GnuPG to write the rest: a
    // DataError (65) when the key is at fault, a DeliveryError (69) without
    // gpg, a JournalError (74) when GnuPG failed. When writing to `cipher`
    // failed instead, it returns, and `cipher` is left failed for the caller
    // to report as any failed write to it.
    void finish();

    // For a caller whose writing to plain() failed: ends the plain text and
    // waits for GnuPG, then throws its error if it failed (the cause, when
    // the key was at fault), as finish() does; else returns, and the caller
    // rethrows its own.
    void stop();

    struct State; // the thread running GnuPG and the pipe to it

  private:
    std::unique_ptr<State> m_state;
};

// OpenPGP decryption as a stream, for imports of any size: the plain text
// of the message in the file `cipher`, decrypted with the secret keys of
// `keyring` through its gpg-agent, read from plain() as GnuPG (in a thread
// of its own) decrypts it, never held whole and never written to disk.
// GnuPG checks a message's integrity only at its end, so what was read
// counts only once finish() returned: read it inside the transaction that
// finish() can still roll back. The constructor throws NoInputError (66)
// for a file it cannot read and DeliveryError (69) without the module.
class PgpDecryption {
  public:
    PgpDecryption(const Keyring& keyring, const std::filesystem::path& cipher);
    ~PgpDecryption(); // stops GnuPG, if finish() was not called, and waits for it
    PgpDecryption(const PgpDecryption&) = delete;
    PgpDecryption& operator=(const PgpDecryption&) = delete;

    // The plain text; it ends early (end of file) when GnuPG fails.
    std::istream& plain();

    // Reads what plain() has left, waits for GnuPG and throws if it failed:
    // a DataError (65) when the message cannot be decrypted (no secret key,
    // cut short, altered), a DeliveryError (69) without gpg, a JournalError
    // (74) when GnuPG itself failed.
    void finish();

    // For a reader that failed: when GnuPG had already failed, which is then
    // the cause (a message cut short ends plain() early), throws its error as
    // finish() does; else stops GnuPG, waits for it and returns, and the
    // reader rethrows its own.
    void stop();

    struct State; // the thread running GnuPG and the pipe from it

  private:
    std::unique_ptr<State> m_state;
};

// Whether `head`, the first bytes of a file, begin an OpenPGP message: ASCII
// armor ("-----BEGIN PGP MESSAGE-----"), or a binary packet that starts
// one (a public- or symmetric-key session key, compressed or encrypted
// data). Text (json, csv, with or without a BOM) never does.
bool is_openpgp_message(std::string_view head);

} // namespace steady::app
