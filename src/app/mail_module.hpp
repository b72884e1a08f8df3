#pragma once

#include <string>

#include "mail/mail.h"

namespace steady::app {

// The entry points of steady-mail.so, loaded on the first call (see
// app/mail.hpp for where it is looked for). When it cannot be loaded, or
// belongs to another version of steady, a DeliveryError (69) says that
// `needs` ("email", "OpenPGP encryption") needs it, which file, and what to do.
const steady_mail_api& mail_module(const std::string& needs);

} // namespace steady::app
