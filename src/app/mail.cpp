#include "app/mail.hpp"

#include <dlfcn.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "mail/mail.h"

#ifndef STEADY_MAIL_MODULE_RELATIVE_DIR
#define STEADY_MAIL_MODULE_RELATIVE_DIR "lib/steady"
#endif

namespace steady::app {

namespace {

constexpr const char* k_mail_module_file = "steady-mail.so";

std::string& mail_module_override()
{
    static std::string path;
    return path;
}

// Where the module may be: beside the running executable (the build tree),
// then in lib/steady of the prefix the executable is in (../lib/steady, as
// cmake --install and the .deb put it). No path is compiled in.
std::vector<std::filesystem::path> mail_module_candidates()
{
    if (!mail_module_override().empty())
        return {mail_module_override()};
    std::vector<std::filesystem::path> out;
    std::error_code error;
    auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        out.push_back(self.parent_path() / k_mail_module_file);
        out.push_back(self.parent_path().parent_path() / STEADY_MAIL_MODULE_RELATIVE_DIR /
                      k_mail_module_file);
    }
    return out;
}

// The module's entry points; throws DeliveryError. dlopen() of a module
// already loaded only counts it again, so each call looks it up.
const steady_mail_api& mail_api()
{
    auto candidates = mail_module_candidates();
    for (const auto& path : candidates) {
        std::error_code error;
        if (!std::filesystem::exists(path, error))
            continue;
        // Never unloaded: glib does not support being unloaded.
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = dlerror();
            throw DeliveryError("email needs steady's mail module, and " + path.string() +
                                " could not be loaded: " + (why ? why : "unknown error") +
                                "; install GMime 3 (Debian: libgmime-3.0-0) or reinstall steady");
        }
        auto entry =
            reinterpret_cast<const steady_mail_api* (*)()>(dlsym(handle, STEADY_MAIL_ENTRY));
        const steady_mail_api* api = entry ? entry() : nullptr;
        if (!api || api->abi != STEADY_MAIL_ABI)
            throw DeliveryError("email needs steady's mail module, and " + path.string() +
                                " belongs to another version of steady; reinstall steady");
        return *api;
    }
    std::string looked;
    for (const auto& path : candidates)
        looked += (looked.empty() ? "" : ", ") + path.string();
    throw DeliveryError("email needs steady's mail module " + std::string(k_mail_module_file) +
                        ", which is not installed (looked for " + looked +
                        "); reinstall steady, which comes with it (a share in text, markdown, "
                        "json or html needs no module)");
}

steady_mail_bytes mail_bytes(std::string_view text)
{
    return {text.data(), text.size()};
}

steady_mail_head mail_head(const MailHead& head)
{
    steady_mail_head out{};
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
std::optional<std::string> mail_call(const steady_mail_api& api, Call call, std::string& error)
{
    steady_mail_result result{};
    int status = call(&result);
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

std::string mail_built(const steady_mail_api& api, auto call)
{
    std::string error;
    auto out = mail_call(api, call, error);
    if (!out)
        throw DeliveryError("could not make the email: " + error);
    return *out;
}

} // namespace

std::string build_share_mail(const ShareMail& mail)
{
    const auto& api = mail_api();
    steady_mail_share share{};
    share.head = mail_head(mail.head);
    share.text = mail_bytes(mail.text);
    share.html = mail_bytes(mail.html);
    share.attachment_name = mail_bytes(mail.attachment_name);
    share.attachment = mail_bytes(mail.attachment);
    return mail_built(api, [&](steady_mail_result* r) { return api.build_share(&share, r); });
}

std::string build_note_mail(const NoteMail& mail)
{
    const auto& api = mail_api();
    steady_mail_note note{};
    note.head = mail_head(mail.head);
    note.body = mail_bytes(mail.body);
    return mail_built(api, [&](steady_mail_result* r) { return api.build_note(&note, r); });
}

FoundSummary find_summary_attachment(std::string_view eml)
{
    const auto& api = mail_api();
    FoundSummary found;
    found.json = mail_call(
        api, [&](steady_mail_result* r) { return api.find_summary(mail_bytes(eml), r); },
        found.why_not);
    return found;
}

void use_mail_module_for_tests(std::string path)
{
    mail_module_override() = std::move(path);
}

} // namespace steady::app
