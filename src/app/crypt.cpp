#include "app/crypt.hpp"

#include <array>
#include <fstream>
#include <iterator>

#include "app/mail_module.hpp"
#include "base/error.hpp"

namespace steady::app {

namespace {

constexpr const char* k_pgp_needs = "OpenPGP encryption";

const char* folder_or_null(const Keyring& keyring, std::string& holder)
{
    if (!keyring.folder)
        return nullptr;
    holder = keyring.folder->string();
    return holder.c_str();
}

// Calls an entry point of `api` and returns its bytes; throws what a failure
// means (see throw_pgp_error).
template <typename Call> std::string pgp_call(const steady_mail_api& api, Call call)
{
    steady_mail_result result{};
    int status = call(&result);
    std::string out = status == 0 && result.data ? std::string(result.data, result.size) : "";
    std::string error = result.error ? result.error : "the mail module failed";
    api.free_result(&result);
    if (status != 0)
        throw_pgp_error(status, error);
    return out;
}

ImportedKey imported(const std::string& text)
{
    auto line = text.find('\n');
    return {text.substr(0, line), line == std::string::npos ? "" : text.substr(line + 1)};
}

// Whether the OpenPGP packet with tag `tag` whose body starts with `first`
// is one that begins a message.
bool opens_message(unsigned tag, unsigned char first)
{
    switch (tag) {
    case 1: // public-key encrypted session key
        return first == 3 || first == 6;
    case 3: // symmetric-key encrypted session key
        return first == 4 || first == 5 || first == 6;
    case 8: // compressed data
        return first <= 3;
    case 18: // symmetrically encrypted and integrity protected data
        return first == 1 || first == 2;
    case 20: // AEAD encrypted data
        return first == 1;
    default:
        return false;
    }
}

} // namespace

void throw_pgp_error(int status, const std::string& error)
{
    if (status == STEADY_MAIL_UNAVAILABLE)
        throw DeliveryError(error);
    if (status == STEADY_MAIL_FAILED)
        throw JournalError("OpenPGP failed, not the key: " + error +
                           "; nothing was written. Try again, or check GnuPG with 'gpg "
                           "--list-keys'");
    throw DataError(error);
}

ImportedKey import_key_file(const Keyring& keyring, const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw NoInputError("cannot read the key file '" + file.string() + "'");
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto& api = mail_module(k_pgp_needs);
    std::string to;
    steady_mail_key_import request{};
    request.to_homedir = folder_or_null(keyring, to);
    request.key_data = {bytes.data(), bytes.size()};
    return imported(
        pgp_call(api, [&](steady_mail_result* r) { return api.import_key(&request, r); }));
}

ImportedKey import_key_from(const Keyring& keyring, const Keyring& from, const std::string& key_id)
{
    const auto& api = mail_module(k_pgp_needs);
    std::string to, source;
    steady_mail_key_import request{};
    request.to_homedir = folder_or_null(keyring, to);
    request.from_homedir = folder_or_null(from, source);
    request.key_id = key_id.c_str();
    return imported(
        pgp_call(api, [&](steady_mail_result* r) { return api.import_key(&request, r); }));
}

std::string encrypt_bytes_to(const PgpRecipient& to, std::string_view plain, Armor armor)
{
    const auto& api = mail_module(k_pgp_needs);
    std::string home;
    steady_mail_encrypt request{};
    request.to = {folder_or_null(to.keyring, home), to.key.c_str()};
    request.plain = {plain.data(), plain.size()};
    request.plain_fd = -1;
    request.armor = armor == Armor::yes ? 1 : 0;
    return pgp_call(api, [&](steady_mail_result* r) { return api.encrypt(&request, r); });
}

bool is_openpgp_message(std::string_view head)
{
    auto text = head.substr(std::min(head.find_first_not_of(" \t\r\n"), head.size()));
    if (text.starts_with("-----BEGIN PGP MESSAGE-----"))
        return true;
    if (head.size() < 3)
        return false;
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
    if ((byte(0) & 0x80) == 0)
        return false;
    if (byte(0) & 0x40) { // new format: tag, then a length of 1, 2 or 5 octets
        unsigned tag = byte(0) & 0x3f;
        std::size_t body = byte(1) < 192 ? 2 : byte(1) < 224 ? 3 : byte(1) == 255 ? 6 : 2;
        return body < head.size() && opens_message(tag, byte(body));
    }
    unsigned tag = (byte(0) >> 2) & 0x0f; // old format: tag, then 1, 2, 4 or no length octets
    constexpr std::array<std::size_t, 4> k_body = {2, 3, 5, 1};
    std::size_t body = k_body[byte(0) & 3];
    return body < head.size() && opens_message(tag, byte(body));
}

} // namespace steady::app
