// libFuzzer target: the .eml reader of `steady peers import` (SPEC §7), the
// real one: summary_json_from_email (src/app) calls steady-mail.so's
// find_summary (src/mail, GMime) through app/mail.cpp's dlopen(), then
// parse_peer_summary reads what it found, as read_peer_summary does for a
// file that is an email. The module loaded is the sanitized build of
// src/mail/ beside this binary (CMakeLists.txt: steady-mail.so in
// tests/fuzz/ of the build), so ASan, UBSan and libFuzzer's coverage see the
// module's code; GMime, glib and gpgme are Debian's shared libraries, not
// instrumented (ASan still sees every malloc and free they make).
//
// Each input is used twice:
//   1. As an .eml file. It must end in a DataError "'fuzz.eml' is not a
//      steady summary: " followed by one of the module's reasons, or in the
//      attachment's bytes; those bytes, read as a summary, end in a summary
//      whose text is those bytes or in a DataError naming the file; and
//      attached by steady's own writer to a share email they are found
//      again, byte for byte.
//   2. As the bytes of a summary attachment: the share email steady builds
//      with them attached (subject and text made of the input too), as sent,
//      saved with CRLF line ends, after an mbox "From " line, or forwarded
//      inside another message (by the input's size), must give back exactly
//      those bytes.
// Anything else (a crash, a sanitizer report, a GLib critical warning,
// another exception, another reason) is a finding.

#include "app/commands/peers.hpp"
#include "app/mail.hpp"
#include "app/mail_summary.hpp"
#include "base/error.hpp"
#include "domain/peers.hpp"
#include "timeutil/time.hpp"

#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

namespace {

namespace app = steady::app;

const std::string k_file = "fuzz.eml";
const std::string k_refused = "'fuzz.eml' is not a steady summary: ";

[[noreturn]] void broken(const char* what, std::string_view detail, std::string_view input)
{
    std::fprintf(stderr, "property broken: %s\n  detail: '%.*s'\n  input: %zu bytes\n", what,
                 static_cast<int>(detail.size()), detail.data(), input.size());
    std::abort();
}

// The module's reasons for an email without a summary (src/mail/module.cpp).
bool known_reason(std::string_view why)
{
    for (std::string_view reason :
         {"it is not an email message (no mail headers)",
          "it is not an email message (no From, Subject or Date)",
          "the email is encrypted (PGP/MIME); decrypt it first",
          "the email has no steady summary attached (steady-summary-FROM-TO.json)",
          "its steady summary attachment could not be decoded"})
        if (why.starts_with(reason))
            return true;
    return false;
}

app::ShareMail share_with(std::string_view attachment, std::string_view input)
{
    app::ShareMail mail;
    mail.head.from = {"Riley", "riley@example.org"};
    mail.head.to = {"Sam", "sam@example.org"};
    mail.head.subject = "steady: " + std::string(input.substr(0, 60));
    mail.head.at = steady::timeutil::Instant{std::chrono::seconds{1795374000}};
    mail.head.utc_offset = std::chrono::hours{1};
    mail.text = std::string(input.substr(0, 200));
    mail.html = "<p>see the attachment</p>\n";
    mail.attachment_name = "steady-summary-2026-11-16-2026-11-22.json";
    mail.attachment = std::string(attachment);
    return mail;
}

std::string crlf(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

// `attachment` sent by steady and read back, in one of four ways.
void round_trip(std::string_view attachment, std::string_view input, unsigned way)
{
    std::string email;
    try {
        email = app::build_share_mail(share_with(attachment, input));
    } catch (const std::exception& e) {
        broken("steady could not build a share email", e.what(), input);
    }
    switch (way % 4) {
    case 1:
        email = crlf(email);
        break;
    case 2:
        email = "From riley@example.org Sun Nov 22 20:00:00 2026\n" + email;
        break;
    case 3: {
        // As a mail program forwards it: under a boundary that the message
        // does not hold (a fixed one, which the input can write into the
        // text part, would end the forwarded message there).
        std::string boundary = "outer-fuzz";
        while (email.find(boundary) != std::string::npos)
            boundary += "-x";
        email = "From: Kai <kai@example.org>\nTo: Sam <sam@example.org>\n"
                "Subject: Fwd: a week\nMIME-Version: 1.0\n"
                "Content-Type: multipart/mixed; boundary=\"" +
                boundary + "\"\n\n--" + boundary + "\nContent-Type: text/plain\n\nsee below\n--" +
                boundary + "\nContent-Type: message/rfc822\n\n" + email + "\n--" + boundary +
                "--\n";
        break;
    }
    default:
        break;
    }
    auto found = app::find_summary_attachment(email);
    if (!found.json)
        broken("the attachment of steady's own email was not found", found.why_not, input);
    if (*found.json != attachment)
        broken("the attachment read back is not the one sent", *found.json, input);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // glib 2.74's slice allocator keeps freed blocks in magazines, hiding
    // them from ASan; with this every g_slice is a malloc.
    setenv("G_SLICE", "always-malloc", 1);
    // A GLib critical warning (GMime or gpgme given a null or wrong argument
    // by the module) is a finding: fatal, and GLib's trap made an abort, so
    // that libFuzzer keeps the input. Set before the module loads GLib.
    setenv("G_DEBUG", "fatal-criticals", 1);
    std::signal(SIGTRAP, [](int) { std::abort(); });
    // Load the module and initialise GMime (its one-time tables) before the
    // first input, so that neither counts as that input's leak.
    try {
        round_trip("{}", "", 0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz_eml: %s\n", e.what());
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    std::string json;
    try {
        json = app::summary_json_from_email(input, k_file);
    } catch (const steady::DataError& e) {
        std::string_view what = e.what();
        if (!what.starts_with(k_refused) || !known_reason(what.substr(k_refused.size())))
            broken("a refusal that does not name the file and a reason", what, input);
        round_trip(input, input, static_cast<unsigned>(size));
        return 0;
    } catch (const std::exception& e) {
        broken("an exception other than a DataError", e.what(), input);
    }
    try {
        auto summary = app::parse_peer_summary(json, k_file);
        if (summary.json != json)
            broken("the summary's text is not the attachment's", summary.json, input);
    } catch (const steady::DataError& e) {
        if (!std::string_view(e.what()).starts_with(k_refused))
            broken("a bad attachment's refusal does not name the file", e.what(), input);
    } catch (const std::exception& e) {
        broken("an exception other than a DataError", e.what(), input);
    }
    round_trip(json, input, static_cast<unsigned>(size));
    round_trip(input, input, static_cast<unsigned>(size) + 1);
    return 0;
}
