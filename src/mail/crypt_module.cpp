// steady-crypt.so: the OpenPGP that streams (export --encrypt-to, import of
// an encrypted file), GPGME alone. A module of its own, without GMime, glib
// and gio, because those cost 3.5 MiB of mapped pages once loaded, and an
// encrypted import of a large journal has none to spare (SPEC §11: 32 MiB).
#include "mail/module.hpp"

namespace steady::mail {

namespace {

constexpr steady_mail_stream_api k_stream_api = {STEADY_MAIL_STREAM_ABI, encrypt_stream,
                                                 decrypt_stream, free_result};

} // namespace

} // namespace steady::mail

extern "C" __attribute__((visibility("default"))) const steady_mail_stream_api*
steady_mail_stream_v1(void)
{
    return &steady::mail::k_stream_api;
}
