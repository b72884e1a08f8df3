#include "app/mail.hpp"

#include <dlfcn.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "app/mail_module.hpp"
#include "base/error.hpp"
#include "mail/mail.h"

#ifndef STEADY_MAIL_MODULE_RELATIVE_DIR
#define STEADY_MAIL_MODULE_RELATIVE_DIR "lib/steady"
#endif

namespace steady::app {

namespace {

constexpr const char* k_mail_module_file = "steady-mail.so";
constexpr const char* k_crypt_module_file = "steady-crypt.so";

// The path tests gave for the module `file`, or "".
std::string& module_override(std::string_view file)
{
    static std::string mail;
    static std::string crypt;
    return file == k_crypt_module_file ? crypt : mail;
}

// Where the module `file` may be: beside the running executable (the build
// tree), then in lib/steady of the prefix the executable is in
// (../lib/steady, as cmake --install and the .deb put it). No path is
// compiled in.
std::vector<std::filesystem::path> module_candidates(const char* file)
{
    if (!module_override(file).empty())
        return {module_override(file)};
    std::vector<std::filesystem::path> out;
    std::error_code error;
    auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        out.push_back(self.parent_path() / file);
        out.push_back(self.parent_path().parent_path() / STEADY_MAIL_MODULE_RELATIVE_DIR / file);
    }
    return out;
}

// The module, loaded (dlopen() of a module already loaded only counts it
// again, so each call looks it up), and the file it came from.
struct LoadedModule {
    void* handle;
    std::filesystem::path path;
};

// The module `file` ("steady's mail module" in messages: `what`), for
// `needs`; `libraries` says which Debian packages it needs.
LoadedModule load_module(const char* file, const std::string& what, const std::string& needs,
                         const char* libraries)
{
    auto candidates = module_candidates(file);
    for (const auto& path : candidates) {
        std::error_code error;
        if (!std::filesystem::exists(path, error))
            continue;
        // Never unloaded: glib does not support being unloaded.
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = dlerror();
            std::string text = needs;
            text += " needs " + what;
            text += ", and " + path.string();
            text += " could not be loaded: ";
            text += why ? why : "unknown error";
            text += "; install " + std::string(libraries) + " or reinstall steady";
            throw DeliveryError(text);
        }
        return {handle, path};
    }
    std::string looked;
    for (const auto& path : candidates)
        looked += (looked.empty() ? "" : ", ") + path.string();
    throw DeliveryError(needs + " needs " + what + " " + file +
                        ", which is not installed (looked for " + looked +
                        "); reinstall steady, which comes with it" +
                        (needs == "email" ? " (a share in text, markdown, json or html needs no "
                                            "module)"
                                          : ""));
}

[[noreturn]] void other_version(const std::string& what, const std::string& needs,
                                const LoadedModule& module)
{
    throw DeliveryError(needs + " needs " + what + ", and " + module.path.string() +
                        " belongs to another version of steady; reinstall steady");
}

} // namespace

const steady_mail_api& mail_module(const std::string& needs)
{
    const std::string what = "steady's mail module";
    auto module = load_module(k_mail_module_file, what, needs,
                              "GMime 3 and GPGME (Debian: libgmime-3.0-0, libgpgme11)");
    auto entry =
        reinterpret_cast<const steady_mail_api* (*)()>(dlsym(module.handle, STEADY_MAIL_ENTRY));
    const steady_mail_api* api = entry ? entry() : nullptr;
    if (!api || api->abi != STEADY_MAIL_ABI)
        other_version(what, needs, module);
    return *api;
}

const steady_mail_stream_api& mail_stream_module(const std::string& needs)
{
    const std::string what = "steady's OpenPGP module";
    auto module = load_module(k_crypt_module_file, what, needs, "GPGME (Debian: libgpgme11)");
    auto entry = reinterpret_cast<const steady_mail_stream_api* (*)()>(
        dlsym(module.handle, STEADY_MAIL_STREAM_ENTRY));
    const steady_mail_stream_api* api = entry ? entry() : nullptr;
    if (!api || api->abi != STEADY_MAIL_STREAM_ABI)
        other_version(what, needs, module);
    return *api;
}

namespace {

const steady_mail_api& mail_api()
{
    return mail_module("email");
}

steady_mail_bytes mail_bytes(std::string_view text)
{
    return {text.data(), text.size()};
}

// `head` for the module; `keyring` holds the text its pointers point into.
steady_mail_head mail_head(const MailHead& head, std::string& keyring)
{
    steady_mail_head out{};
    if (head.encrypt_to) {
        if (head.encrypt_to->keyring.folder)
            keyring = head.encrypt_to->keyring.folder->string();
        out.encrypt_to = {head.encrypt_to->keyring.folder ? keyring.c_str() : nullptr,
                          head.encrypt_to->key.c_str()};
    }
    out.from = {mail_bytes(head.from.name), mail_bytes(head.from.email)};
    out.to = {mail_bytes(head.to.name), mail_bytes(head.to.email)};
    out.subject = mail_bytes(head.subject);
    out.date = head.at.time_since_epoch().count();
    out.utc_offset = static_cast<std::int32_t>(head.utc_offset.count());
    return out;
}

// Calls `entry` of `api` and returns its bytes, or the error it gave as
// `error` with "it" the message (nullopt then).
template <typename Call>
std::optional<std::string> mail_call(const steady_mail_api& api, Call call, std::string& error,
                                     int& status)
{
    steady_mail_result result{};
    status = call(&result);
    std::optional<std::string> out;
    if (status == 0 && result.data)
        out = std::string(result.data, result.size);
    else if (status == 0)
        out = std::string();
    else
        error = result.error ? result.error : "the mail module failed";
    api.free_result(&result);
    return out;
}

std::string mail_built(const steady_mail_api& api, const MailHead& head, auto call)
{
    std::string error;
    int status = 0;
    auto out = mail_call(api, call, error, status);
    if (out)
        return *out;
    if (status == -1 && head.encrypt_to)
        throw DataError(error);
    throw DeliveryError("could not make the email: " + error);
}

} // namespace

std::string build_share_mail(const ShareMail& mail)
{
    const auto& api = mail_api();
    steady_mail_share share{};
    std::string keyring;
    share.head = mail_head(mail.head, keyring);
    share.text = mail_bytes(mail.text);
    share.html = mail_bytes(mail.html);
    share.attachment_name = mail_bytes(mail.attachment_name);
    share.attachment = mail_bytes(mail.attachment);
    return mail_built(api, mail.head,
                      [&](steady_mail_result* r) { return api.build_share(&share, r); });
}

std::string build_note_mail(const NoteMail& mail)
{
    const auto& api = mail_api();
    steady_mail_note note{};
    std::string keyring;
    note.head = mail_head(mail.head, keyring);
    note.body = mail_bytes(mail.body);
    return mail_built(api, mail.head,
                      [&](steady_mail_result* r) { return api.build_note(&note, r); });
}

FoundSummary find_summary_attachment(std::string_view eml)
{
    const auto& api = mail_api();
    FoundSummary found;
    int status = 0;
    found.json = mail_call(
        api, [&](steady_mail_result* r) { return api.find_summary(mail_bytes(eml), r); },
        found.why_not, status);
    return found;
}

void use_mail_module_for_tests(std::string path)
{
    module_override(k_mail_module_file) = std::move(path);
}

void use_crypt_module_for_tests(std::string path)
{
    module_override(k_crypt_module_file) = std::move(path);
}

} // namespace steady::app
