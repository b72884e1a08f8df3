#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "app/crypt.hpp"
#include "domain/share.hpp"

namespace steady::app {

// The formats a share is written in.
enum class ShareFormat { text, markdown, json, html, email };
const char* share_format_name(ShareFormat format);

// `share` as the bytes of `format`. Text and markdown greet the partner by
// name, give the sender's message first, then the period, the days without
// a check-in, each section in scope with figures, the notes when allowed,
// and a sign-off; `utf8` chooses between UTF-8 and ASCII marks and charts.
// JSON is the steady-summary object documented under SHARE JSON in steady(1).
// HTML is one self-contained page with the content of the text format and
// inline SVG charts of mood and craving: no script, nothing loaded from
// anywhere, every value escaped.
// Renderers read only `share`, never the journal. Email needs addresses and
// is made by share_email instead.
std::string render_share(const domain::Share& share, ShareFormat format, bool utf8);

// Who an emailed share is from and to: the sender's config `name` and
// `email`, the partner's name and address (both addresses already checked
// with domain::is_email_address), and the offset from UTC of the sender's
// zone when the share was made, for the Date header.
struct MailEnvelope {
    std::optional<std::string> from_name;
    std::string from_email;
    std::string to_name;
    std::string to_email;
    std::chrono::seconds utc_offset{0};
    // The partner's key: the email is then PGP/MIME encrypted to it.
    std::optional<PgpRecipient> encrypt_to;
};

// `share` as an RFC 5322 message with MIME, CRLF-free (LF line ends, as
// sendmail -t expects): From, To, Subject naming the period, Date, a random
// Message-ID at the sender's domain; multipart/mixed holding
// multipart/alternative (the text and an HTML version, quoted-printable)
// and the JSON as the attachment steady-summary-FROM-TO.json (base64). All
// text is UTF-8, header words outside ASCII are RFC 2047-encoded, no line
// is longer than 78 octets, and control characters in names become spaces
// so that no name can add a header. Made by the mail module (app/mail.hpp):
// throws its DeliveryError when the module is missing.
std::string share_email(const domain::Share& share, const MailEnvelope& envelope);
// "steady: Alex's week, 16–22 Nov 2026", "steady: my month, Nov 2026", …
std::string share_mail_subject(const domain::Share& share);

// The parts of the renderers. `text` with control characters other than
// newlines shown as '?', so that what a person wrote cannot move a cursor
// or colour a partner's terminal.
std::string share_printable(std::string_view text);
// "check-in gratitude", "trigger", "trigger, how they coped", "lapse", …
std::string share_note_label(const domain::ReportNote& note);
std::string share_text(const domain::Share& share, bool utf8);
std::string share_markdown(const domain::Share& share, bool utf8);
std::string share_json(const domain::Share& share);
std::string share_html(const domain::Share& share);

} // namespace steady::app
