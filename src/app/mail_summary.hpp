#pragma once

#include <string>
#include <string_view>

namespace steady::app {

// The steady-summary json attached to the email `bytes` (a whole RFC 5322
// message, as saved from a mail client), found in its MIME tree; `file`
// only names the email in messages. An email without such an attachment is
// a DataError (65) naming `file` and why; without the mail module
// (steady-mail.so), a DeliveryError (69) saying so.
std::string summary_json_from_email(std::string_view bytes, const std::string& file);

} // namespace steady::app
