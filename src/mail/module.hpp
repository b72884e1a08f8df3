#pragma once

// What the two halves of steady-mail.so share: module.cpp (email, GMime)
// and crypt.cpp (OpenPGP, GPGME), with result.cpp; crypt.cpp and result.cpp
// are also steady-crypt.so, with crypt_module.cpp. Internal to the modules.

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

#include "mail/mail.h"

namespace steady::mail {

// OpenPGP cannot be used at all (no gpg for GPGME to run): the entry point
// returns STEADY_MAIL_UNAVAILABLE rather than -1.
struct Unavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// GnuPG itself failed (an engine or I/O error, not the key or the input):
// the entry point returns STEADY_MAIL_FAILED rather than -1.
struct EngineFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline std::string_view view(steady_mail_bytes bytes)
{
    return bytes.data ? std::string_view(bytes.data, bytes.size) : std::string_view();
}

// A malloc()ed, NUL-terminated copy of `text`, for a steady_mail_result.
char* copy_out(std::string_view text);

// Fills `result` with `text`.
void set_result(steady_mail_result* result, std::string_view text);

// Releases what `result` holds (free_result of mail/mail.h).
void free_result(steady_mail_result* result);

// Checks GPGME's version once (gpgme_check_version) and that it can run gpg;
// throws Unavailable when it cannot.
void init_crypto();

// `plain` encrypted to `to` (see steady_mail_pgp), armored or binary; throws
// std::runtime_error saying why not (Unavailable when OpenPGP is missing).
std::string encrypt_bytes(const steady_mail_pgp& to, std::string_view plain, bool armor);

// Runs `make`, turning any exception into an error in `result`: -1,
// STEADY_MAIL_UNAVAILABLE for Unavailable, STEADY_MAIL_FAILED for
// EngineFailure.
template <typename Make> int guarded(steady_mail_result* result, Make make)
{
    result->data = nullptr;
    result->size = 0;
    result->error = nullptr;
    int status = -1;
    try {
        make();
        return 0;
    } catch (const Unavailable& e) {
        status = STEADY_MAIL_UNAVAILABLE;
        result->error = nullptr;
        try {
            result->error = copy_out(e.what());
        } catch (...) {
        }
    } catch (const EngineFailure& e) {
        status = STEADY_MAIL_FAILED;
        try {
            result->error = copy_out(e.what());
        } catch (...) {
        }
    } catch (const std::exception& e) {
        try {
            result->error = copy_out(e.what());
        } catch (...) {
        }
    }
    std::free(result->data);
    result->data = nullptr;
    result->size = 0;
    return status;
}

int import_key(const steady_mail_key_import* request, steady_mail_result* result);
int encrypt(const steady_mail_encrypt* request, steady_mail_result* result);
int decrypt(const steady_mail_decrypt* request, steady_mail_result* result);
int encrypt_stream(const steady_mail_encrypt_stream* request, steady_mail_result* result);
int decrypt_stream(const steady_mail_decrypt_stream* request, steady_mail_result* result);

} // namespace steady::mail
