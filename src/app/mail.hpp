#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "app/crypt.hpp"
#include "timeutil/time.hpp"

namespace steady::app {

// Email, made and read by the module steady-mail.so (src/mail/), which
// links GMime. The module is loaded on the first call, from beside the
// running executable or else from ../lib/steady beside its folder (the
// installed layout); when it cannot be loaded, or was built
// for another version of its interface, each call throws a DeliveryError
// (69) that names the file and what to do. Nothing here touches the
// journal.

// A display name (may be empty) and an address the caller has checked.
// Control characters in either become spaces, so no value adds a header.
struct MailBox {
    std::string name;
    std::string email;
};

// The headers of a message: From, To, Subject (RFC 2047 where not ASCII),
// Date (`at`, shown at `utc_offset` east of UTC) and a random Message-ID at
// the sender's domain. With `encrypt_to`, the message is PGP/MIME (RFC
// 3156) encrypted to that key, its outer Subject the neutral "Encrypted
// message" and the real one a protected header inside; a key that cannot be
// used is then a DataError (65), and nothing is made.
struct MailHead {
    MailBox from;
    MailBox to;
    std::string subject;
    timeutil::Instant at;
    std::chrono::seconds utc_offset{0};
    std::optional<PgpRecipient> encrypt_to;
};

// A share as email: multipart/mixed of multipart/alternative (`text`,
// `html`; quoted-printable) and `attachment` as the application/json file
// `attachment_name` (base64).
struct ShareMail {
    MailHead head;
    std::string text;
    std::string html;
    std::string attachment_name;
    std::string attachment;
};

// A short note as email: one text/plain part (7bit when it can be, else
// quoted-printable or base64).
struct NoteMail {
    MailHead head;
    std::string body;
};

// The message as bytes: RFC 5322 with MIME, UTF-8, LF line ends (as
// `sendmail -t` reads them), no line longer than 78 octets.
std::string build_share_mail(const ShareMail& mail);
std::string build_note_mail(const NoteMail& mail);

// What find_summary_attachment found: the decoded bytes of the summary
// attachment, or why there is none (a sentence about the message, e.g. "it
// is not an email message (no mail headers)").
struct FoundSummary {
    std::optional<std::string> json;
    std::string why_not;
};

// The steady-summary attachment of the message `eml` (the bytes of an .eml
// file): the first part named steady-summary-*.json, else the first
// application/json part, in any depth of multiparts and forwarded messages.
// The JSON is not checked here.
FoundSummary find_summary_attachment(std::string_view eml);

// Tests point the loader at a module of their choosing ("" restores the
// normal search): steady-mail.so, or steady-crypt.so; steady itself never
// calls these.
void use_mail_module_for_tests(std::string path);
void use_crypt_module_for_tests(std::string path);

} // namespace steady::app
