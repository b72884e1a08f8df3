#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "timeutil/time.hpp"

namespace steady::app {

// A short plain-text note by email: who it is from and to, its subject and
// body, and when it was written (with the sender's UTC offset then).
struct NoteEmail {
    std::optional<std::string> from_name;
    std::string from_email;
    std::string to_name;
    std::string to_email;
    std::string subject;
    std::string body;
    timeutil::Instant date{};
    std::chrono::seconds utc_offset{0};
};

// The RFC 5322 message of `note` (text/plain, UTF-8), ready for
// share.command. Built by the mail module; until it is part of this build
// this is a stand-in that throws a DeliveryError (69) saying so, and no
// note leaves.
std::string build_note_email(const NoteEmail& note);

} // namespace steady::app
