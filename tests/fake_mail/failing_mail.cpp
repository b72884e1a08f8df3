// A stand-in for steady-mail.so whose OpenPGP entry points report that GnuPG
// itself failed (STEADY_MAIL_FAILED), as when gpg crashes or cannot read its
// keyring: for the tests of what steady makes of that (exit 74).
#include <cstdlib>
#include <cstring>

#include "mail/mail.h"

namespace {

int gnupg_failed(steady_mail_result* result)
{
    result->data = nullptr;
    result->size = 0;
    result->error = strdup("could not list the keys: GnuPG failed: Permission denied");
    return STEADY_MAIL_FAILED;
}

int build_share(const steady_mail_share*, steady_mail_result* result)
{
    return gnupg_failed(result);
}

int build_note(const steady_mail_note*, steady_mail_result* result)
{
    return gnupg_failed(result);
}

int find_summary(steady_mail_bytes, steady_mail_result* result)
{
    return gnupg_failed(result);
}

int import_key(const steady_mail_key_import*, steady_mail_result* result)
{
    return gnupg_failed(result);
}

int encrypt(const steady_mail_encrypt*, steady_mail_result* result)
{
    return gnupg_failed(result);
}

int decrypt(const steady_mail_decrypt*, steady_mail_result* result)
{
    return gnupg_failed(result);
}

void free_result(steady_mail_result* result)
{
    std::free(result->data);
    std::free(result->error);
    result->data = nullptr;
    result->error = nullptr;
}

const steady_mail_api k_failing_api = {STEADY_MAIL_ABI, build_share, build_note, find_summary,
                                       import_key,      encrypt,     decrypt,    free_result};

} // namespace

extern "C" __attribute__((visibility("default"))) const steady_mail_api* steady_mail_v2(void)
{
    return &k_failing_api;
}
