// A stand-in for steady-mail.so and steady-crypt.so whose OpenPGP entry
// points report that GnuPG itself failed (STEADY_MAIL_FAILED), as when gpg
// crashes or cannot read its keyring: for the tests of what steady makes of
// that (exit 74). Its streaming ones fail midway: encryption after reading
// some of the plain text and writing the start of a message, decryption
// after giving all the "plain text" (the file after its first line), as
// GnuPG does when a message's end is missing or altered.
#include <cstdlib>
#include <cstring>

#include <unistd.h>

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

int stream_failed(steady_mail_result* result)
{
    result->data = nullptr;
    result->size = 0;
    result->error = strdup("could not encrypt: GnuPG failed: Input/output error");
    return STEADY_MAIL_FAILED;
}

int encrypt_stream(const steady_mail_encrypt_stream* request, steady_mail_result* result)
{
    char plain[4096];
    if (::read(request->plain_fd, plain, sizeof plain) <= 0)
        return stream_failed(result);
    const char start[] = "\x85\x01\x0c\x03 the start of a message";
    request->cipher.write(request->cipher.handle, start, sizeof start - 1);
    return stream_failed(result);
}

int decrypt_stream(const steady_mail_decrypt_stream* request, steady_mail_result* result)
{
    char bytes[4096];
    bool first_line = true;
    for (;;) {
        auto n = ::read(request->cipher_fd, bytes, sizeof bytes);
        if (n <= 0)
            break;
        const char* from = bytes;
        if (first_line) {
            const auto* end = static_cast<const char*>(std::memchr(bytes, '\n', size_t(n)));
            if (!end)
                continue;
            first_line = false;
            from = end + 1;
        }
        if (request->plain.write(request->plain.handle, from, size_t(bytes + n - from)) != 0)
            break;
    }
    return stream_failed(result);
}

const steady_mail_stream_api k_failing_stream_api = {STEADY_MAIL_STREAM_ABI, encrypt_stream,
                                                     decrypt_stream, free_result};

} // namespace

extern "C" __attribute__((visibility("default"))) const steady_mail_api* steady_mail_v2(void)
{
    return &k_failing_api;
}

extern "C" __attribute__((visibility("default"))) const steady_mail_stream_api*
steady_mail_stream_v1(void)
{
    return &k_failing_stream_api;
}
