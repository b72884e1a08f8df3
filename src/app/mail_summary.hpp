#pragma once

#include <string>
#include <string_view>

namespace steady::app {

// The steady-summary json attached to the email `bytes` (a whole RFC 5322
// message, as saved from a mail client), found in its MIME tree; `file`
// only names the email in messages. An email without such an attachment is
// a DataError (65) naming `file` and why. This build has no mail module:
// every email is a DataError saying so (mail_summary_stub.cpp).
std::string summary_json_from_email(std::string_view bytes, const std::string& file);

} // namespace steady::app
