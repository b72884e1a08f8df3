// steady-mail.so, its OpenPGP half: keys, encryption and decryption through
// GPGME (which runs gpg), for the entry points import_key, encrypt and
// decrypt of mail/mail.h and for PGP/MIME email (module.cpp).

#include <gpgme.h>
#include <sys/types.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "mail/module.hpp"

namespace steady::mail {

namespace {

struct ContextRelease {
    void operator()(gpgme_ctx_t ctx) const { gpgme_release(ctx); }
};
using GpgContext = std::unique_ptr<gpgme_context, ContextRelease>;

struct DataRelease {
    void operator()(gpgme_data_t data) const { gpgme_data_release(data); }
};
using GpgData = std::unique_ptr<gpgme_data, DataRelease>;

struct KeyRelease {
    void operator()(gpgme_key_t key) const { gpgme_key_unref(key); }
};
using GpgKey = std::unique_ptr<_gpgme_key, KeyRelease>;

std::string gpg_error_text(gpgme_error_t error)
{
    return gpgme_strerror(error);
}

// Whether `error` is GnuPG or the system failing (gpg crashed, a keyring
// it may not read, a full disk, no memory) rather than a key or message at
// fault.
bool engine_failed(gpgme_error_t error)
{
    auto code = gpgme_err_code(error);
    if (gpgme_err_code_to_errno(code) != 0)
        return true; // EACCES, EIO, ENOSPC, EPIPE, ENOMEM, …
    switch (code) {
    case GPG_ERR_INV_ENGINE:
    case GPG_ERR_ENGINE_TOO_OLD:
    case GPG_ERR_BUG:
    case GPG_ERR_INTERNAL:
    case GPG_ERR_TIMEOUT:
        return true;
    default:
        return false;
    }
}

void check_gpg(gpgme_error_t error, const std::string& doing)
{
    if (!error)
        return;
    if (engine_failed(error))
        throw EngineFailure(doing + ": GnuPG failed: " + gpg_error_text(error));
    throw std::runtime_error(doing + ": " + gpg_error_text(error));
}

// Where a homedir is, for messages.
std::string keyring_name(const char* homedir)
{
    return homedir ? std::string("the keyring in ") + homedir
                   : std::string("your keyring ($GNUPGHOME or ~/.gnupg)");
}

GpgContext new_gpg_context(const char* homedir)
{
    init_crypto();
    gpgme_ctx_t raw = nullptr;
    check_gpg(gpgme_new(&raw), "could not start GPGME");
    GpgContext ctx{raw};
    check_gpg(gpgme_set_protocol(raw, GPGME_PROTOCOL_OpenPGP), "could not choose OpenPGP");
    if (homedir)
        check_gpg(gpgme_ctx_set_engine_info(raw, GPGME_PROTOCOL_OpenPGP, nullptr, homedir),
                  std::string("could not use the GnuPG folder ") + homedir);
    gpgme_set_offline(raw, 1);
    return ctx;
}

GpgData memory_data(std::string_view bytes)
{
    gpgme_data_t raw = nullptr;
    // GPGME refuses a null buffer, which an empty view may have.
    check_gpg(gpgme_data_new_from_mem(&raw, bytes.empty() ? "" : bytes.data(), bytes.size(), 0),
              "could not hold the data");
    return GpgData{raw};
}

GpgData fd_data(int fd)
{
    gpgme_data_t raw = nullptr;
    check_gpg(gpgme_data_new_from_fd(&raw, fd), "could not read the data");
    return GpgData{raw};
}

GpgData empty_data()
{
    gpgme_data_t raw = nullptr;
    check_gpg(gpgme_data_new(&raw), "could not hold the data");
    return GpgData{raw};
}

// The bytes `data` holds; releases it.
std::string take_bytes(GpgData data)
{
    std::size_t size = 0;
    char* bytes = gpgme_data_release_and_get_mem(data.release(), &size);
    if (!bytes)
        return {};
    std::string out(bytes, size);
    gpgme_free(bytes);
    return out;
}

std::string key_fingerprint(gpgme_key_t key)
{
    if (key->fpr)
        return key->fpr;
    return key->subkeys && key->subkeys->fpr ? key->subkeys->fpr : "";
}

std::string key_user_id(gpgme_key_t key)
{
    return key->uids && key->uids->uid ? key->uids->uid : "";
}

std::string describe_key(gpgme_key_t key)
{
    auto uid = key_user_id(key);
    return key_fingerprint(key) + (uid.empty() ? "" : " (" + uid + ")");
}

std::string utc_day(long seconds)
{
    std::time_t at = seconds;
    std::tm tm{};
    gmtime_r(&at, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

bool expired_now(gpgme_subkey_t subkey, std::time_t now)
{
    return subkey->expired || (subkey->expires > 0 && subkey->expires <= now);
}

// Throws unless `key` is a public key that can be encrypted to now: not
// revoked, expired, disabled or invalid, with a subkey that can encrypt.
void check_usable(gpgme_key_t key)
{
    auto who = "the OpenPGP key " + describe_key(key);
    auto now = std::time(nullptr);
    gpgme_subkey_t primary = key->subkeys;
    if (key->revoked || (primary && primary->revoked))
        throw std::runtime_error(who + " is revoked");
    if (primary && expired_now(primary, now))
        throw std::runtime_error(who + " expired on " + utc_day(primary->expires) +
                                 " (UTC); ask for a renewed key");
    if (key->expired)
        throw std::runtime_error(who + " has expired; ask for a renewed key");
    if (key->disabled)
        throw std::runtime_error(who + " is disabled");
    if (key->invalid)
        throw std::runtime_error(who + " is not valid");
    for (gpgme_subkey_t sub = key->subkeys; sub; sub = sub->next)
        if (sub->can_encrypt && !sub->revoked && !sub->disabled && !sub->invalid &&
            !expired_now(sub, now))
            return;
    throw std::runtime_error(who + " has no subkey that can encrypt now (expired or revoked)");
}

// Every key the current listing of `ctx` gives, one per primary key.
std::vector<GpgKey> listed_keys(gpgme_ctx_t ctx)
{
    std::vector<GpgKey> keys;
    std::set<std::string> seen;
    for (;;) {
        gpgme_key_t raw = nullptr;
        auto error = gpgme_op_keylist_next(ctx, &raw);
        if (gpgme_err_code(error) == GPG_ERR_EOF)
            break;
        check_gpg(error, "could not list the keys");
        GpgKey key{raw};
        if (seen.insert(key_fingerprint(raw)).second)
            keys.push_back(std::move(key));
    }
    gpgme_op_keylist_end(ctx);
    return keys;
}

// What gpg is asked for to find `pattern`: a bare address
// ("sam@example.org") as "<sam@example.org>", so that it names exactly the
// keys with that address and not those of "xsam@example.org" too (gpg
// matches a plain pattern as a substring of the user id). Fingerprints, key
// ids and gpg's own prefixed forms ("=…", "<…>", "@…", "*…") go as given.
std::string keylist_pattern(const std::string& pattern)
{
    if (pattern.find('@') == std::string::npos ||
        pattern.find_first_of("<>") != std::string::npos ||
        std::string_view("=@*+#&%^").find(pattern.front()) != std::string_view::npos ||
        pattern.find_first_of(" \t") != std::string::npos)
        return pattern;
    return "<" + pattern + ">";
}

// The one key `spec` names in the keyring of `ctx` (at `homedir`).
GpgKey one_key(gpgme_ctx_t ctx, const char* spec, const char* homedir)
{
    std::string pattern = spec ? spec : "";
    if (pattern.empty())
        throw std::runtime_error("no OpenPGP key named");
    check_gpg(gpgme_op_keylist_start(ctx, keylist_pattern(pattern).c_str(), 0),
              "could not list the keys");
    auto keys = listed_keys(ctx);
    if (keys.empty())
        throw std::runtime_error("no OpenPGP key '" + pattern + "' in " + keyring_name(homedir));
    if (keys.size() > 1) {
        std::string names;
        for (const auto& key : keys)
            names += (names.empty() ? "" : ", ") + describe_key(key.get());
        throw std::runtime_error("'" + pattern + "' names " + std::to_string(keys.size()) +
                                 " keys in " + keyring_name(homedir) + ": " + names +
                                 "; give the full fingerprint");
    }
    return std::move(keys.front());
}

// The one public key held in `bytes`, checked but not imported.
GpgKey one_key_in(gpgme_ctx_t ctx, std::string_view bytes)
{
    auto data = memory_data(bytes);
    std::vector<GpgKey> keys;
    try {
        if (!gpgme_op_keylist_from_data_start(ctx, data.get(), 0))
            keys = listed_keys(ctx);
    } catch (const EngineFailure&) {
        throw;
    } catch (const std::runtime_error&) {
        keys.clear(); // GnuPG found no key packets in it
    }
    if (keys.empty())
        throw std::runtime_error("it is not an OpenPGP key (export one with 'gpg --export "
                                 "--armor KEYID')");
    if (keys.size() > 1)
        throw std::runtime_error("it holds " + std::to_string(keys.size()) +
                                 " keys; give a file with only the partner's key");
    if (keys.front()->secret)
        throw std::runtime_error("it holds a secret key; give the public key only ('gpg "
                                 "--export --armor KEYID')");
    return std::move(keys.front());
}

// Imports `bytes` into the keyring of `ctx` and returns the key `fingerprint`
// as it is there afterwards, checked again (a revocation already there
// counts).
GpgKey import_into(gpgme_ctx_t ctx, std::string_view bytes, const std::string& fingerprint)
{
    auto data = memory_data(bytes);
    check_gpg(gpgme_op_import(ctx, data.get()), "could not import the key");
    gpgme_import_result_t imported = gpgme_op_import_result(ctx);
    if (!imported || imported->considered == 0)
        throw std::runtime_error("GnuPG imported no key");
    gpgme_key_t raw = nullptr;
    check_gpg(gpgme_get_key(ctx, fingerprint.c_str(), &raw, 0),
              "the key " + fingerprint + " is not in steady's keyring after importing it");
    GpgKey key{raw};
    check_usable(key.get());
    return key;
}

std::string exported_key(gpgme_ctx_t ctx, const std::string& fingerprint)
{
    auto out = empty_data();
    gpgme_set_armor(ctx, 0);
    check_gpg(gpgme_op_export(ctx, fingerprint.c_str(), GPGME_EXPORT_MODE_MINIMAL, out.get()),
              "could not export the key " + fingerprint);
    auto bytes = take_bytes(std::move(out));
    if (bytes.empty())
        throw std::runtime_error("GnuPG exported nothing for the key " + fingerprint);
    return bytes;
}

// Encrypts `plain` to `to` into `cipher`.
void encrypt_into(const steady_mail_pgp& to, gpgme_data_t plain, gpgme_data_t cipher, bool armor)
{
    auto ctx = new_gpg_context(to.homedir);
    auto key = one_key(ctx.get(), to.recipient, to.homedir);
    check_usable(key.get());
    gpgme_set_armor(ctx.get(), armor ? 1 : 0);
    gpgme_key_t recipients[2] = {key.get(), nullptr};
    auto error = gpgme_op_encrypt(ctx.get(), recipients, GPGME_ENCRYPT_ALWAYS_TRUST, plain, cipher);
    gpgme_encrypt_result_t result = gpgme_op_encrypt_result(ctx.get());
    if (result && result->invalid_recipients)
        throw std::runtime_error("GnuPG cannot encrypt to " + describe_key(key.get()) + ": " +
                                 gpg_error_text(result->invalid_recipients->reason));
    check_gpg(error, "could not encrypt to " + describe_key(key.get()));
}

std::string encrypt_data(const steady_mail_pgp& to, gpgme_data_t plain, bool armor)
{
    auto cipher = empty_data();
    encrypt_into(to, plain, cipher.get(), armor);
    return take_bytes(std::move(cipher));
}

// GPGME's write callback over a steady_mail_sink.
ssize_t sink_write(void* handle, const void* buffer, std::size_t size)
{
    const auto* sink = static_cast<const steady_mail_sink*>(handle);
    if (int error = sink->write(sink->handle, static_cast<const char*>(buffer), size)) {
        errno = error;
        return -1;
    }
    return static_cast<ssize_t>(size);
}

// A GPGME data object that hands what is written to it to `sink`.
GpgData sink_data(const steady_mail_sink& sink, gpgme_data_cbs& callbacks)
{
    if (!sink.write)
        throw std::runtime_error("no sink to write to");
    callbacks = {};
    callbacks.write = sink_write;
    gpgme_data_t raw = nullptr;
    check_gpg(gpgme_data_new_from_cbs(&raw, &callbacks, const_cast<steady_mail_sink*>(&sink)),
              "could not hold the data");
    return GpgData{raw};
}

} // namespace

void init_crypto()
{
    static const char* version = gpgme_check_version(nullptr);
    if (!version)
        throw Unavailable("GPGME could not start");
    if (auto error = gpgme_engine_check_version(GPGME_PROTOCOL_OpenPGP))
        throw Unavailable("OpenPGP needs GnuPG's gpg program, which GPGME could not run (" +
                          gpg_error_text(error) + "); install gpg (Debian: gpg)");
}

std::string encrypt_bytes(const steady_mail_pgp& to, std::string_view plain, bool armor)
{
    init_crypto();
    auto data = memory_data(plain);
    return encrypt_data(to, data.get(), armor);
}

int import_key(const steady_mail_key_import* request, steady_mail_result* result)
{
    return guarded(result, [&] {
        init_crypto();
        auto ctx = new_gpg_context(request->to_homedir);
        std::string bytes;
        std::string fingerprint;
        if (request->key_id) {
            auto from = new_gpg_context(request->from_homedir);
            auto key = one_key(from.get(), request->key_id, request->from_homedir);
            check_usable(key.get());
            fingerprint = key_fingerprint(key.get());
            bytes = exported_key(from.get(), fingerprint);
        } else {
            bytes = std::string(view(request->key_data));
            auto key = one_key_in(ctx.get(), bytes);
            check_usable(key.get());
            fingerprint = key_fingerprint(key.get());
        }
        auto key = import_into(ctx.get(), bytes, fingerprint);
        set_result(result, fingerprint + "\n" + key_user_id(key.get()));
    });
}

int encrypt(const steady_mail_encrypt* request, steady_mail_result* result)
{
    return guarded(result, [&] {
        init_crypto();
        auto plain =
            request->plain_fd >= 0 ? fd_data(request->plain_fd) : memory_data(view(request->plain));
        set_result(result, encrypt_data(request->to, plain.get(), request->armor != 0));
    });
}

int decrypt(const steady_mail_decrypt* request, steady_mail_result* result)
{
    return guarded(result, [&] {
        init_crypto();
        auto ctx = new_gpg_context(request->homedir);
        auto cipher = fd_data(request->cipher_fd);
        auto plain = empty_data();
        check_gpg(gpgme_op_decrypt(ctx.get(), cipher.get(), plain.get()),
                  "it could not be decrypted with " + keyring_name(request->homedir));
        set_result(result, take_bytes(std::move(plain)));
    });
}

int encrypt_stream(const steady_mail_encrypt_stream* request, steady_mail_result* result)
{
    return guarded(result, [&] {
        init_crypto();
        auto plain = fd_data(request->plain_fd);
        gpgme_data_cbs callbacks{};
        auto cipher = sink_data(request->cipher, callbacks);
        encrypt_into(request->to, plain.get(), cipher.get(), request->armor != 0);
    });
}

int decrypt_stream(const steady_mail_decrypt_stream* request, steady_mail_result* result)
{
    return guarded(result, [&] {
        init_crypto();
        auto ctx = new_gpg_context(request->homedir);
        auto cipher = fd_data(request->cipher_fd);
        gpgme_data_cbs callbacks{};
        auto plain = sink_data(request->plain, callbacks);
        check_gpg(gpgme_op_decrypt(ctx.get(), cipher.get(), plain.get()),
                  "it could not be decrypted with " + keyring_name(request->homedir));
    });
}

} // namespace steady::mail
