#pragma once

// A stand-in for the note part of app/mail.hpp, which the mail branch adds
// (email made by the GMime module, src/mail/). The declarations below are
// the same as there; when the branches meet, delete this file and
// note_email.cpp and include "app/mail.hpp" in remind_alert.cpp instead.

#include <chrono>
#include <string>

#include "timeutil/time.hpp"

namespace steady::app {

// A display name (may be empty) and an address the caller has checked.
struct MailBox {
    std::string name;
    std::string email;
};

// The headers of a message: From, To, Subject, Date (`at`, shown at
// `utc_offset` east of UTC) and a Message-ID.
struct MailHead {
    MailBox from;
    MailBox to;
    std::string subject;
    timeutil::Instant at;
    std::chrono::seconds utc_offset{0};
};

// A short note as email: one text/plain part.
struct NoteMail {
    MailHead head;
    std::string body;
};

// The message as bytes (RFC 5322 with MIME, UTF-8), ready for
// share.command. Here, without the mail module, it throws a DeliveryError
// (69) saying so, and no note leaves.
std::string build_note_mail(const NoteMail& mail);

} // namespace steady::app
