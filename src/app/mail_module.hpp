#pragma once

#include <string>

#include "mail/mail.h"

namespace steady::app {

// The entry points of steady-mail.so, loaded on the first call (see
// app/mail.hpp for where it is looked for). When it cannot be loaded, or
// belongs to another version of steady, a DeliveryError (69) says that
// `needs` ("email", "OpenPGP encryption") needs it, which file, and what to do.
const steady_mail_api& mail_module(const std::string& needs);

// The entry points that stream OpenPGP, from steady's OpenPGP module
// steady-crypt.so (GPGME without GMime), found and refused as the mail
// module is.
const steady_mail_stream_api& mail_stream_module(const std::string& needs);

// Throws what the nonzero `status` of an OpenPGP entry point, with its
// sentence `error`, means: a DeliveryError (69) when OpenPGP is unavailable,
// a JournalError (74, an I/O error) when GnuPG itself failed, else a
// DataError (65): the input or the key is at fault.
[[noreturn]] void throw_pgp_error(int status, const std::string& error);

} // namespace steady::app
