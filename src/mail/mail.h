/* The interface of steady-mail.so, the module that builds and reads email
 * with GMime. steady loads it with dlopen() only when a command makes or
 * reads an email, so the binary itself never links GMime, glib, gio or
 * gpgme (they cost ~10 ms at every start). Plain C, so that the binary and
 * the module agree whatever each was compiled with; app/mail.hpp is the
 * C++ side steady's commands use.
 *
 * The module exports one function, steady_mail_v1(), returning a table of
 * entry points whose `abi` field must equal STEADY_MAIL_ABI. A change that
 * breaks callers bumps STEADY_MAIL_ABI and the entry's name. */
#ifndef STEADY_MAIL_MAIL_H
#define STEADY_MAIL_MAIL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define STEADY_MAIL_ABI 1
#define STEADY_MAIL_ENTRY "steady_mail_v1"

/* Bytes, not NUL-terminated; UTF-8 where they are text. */
typedef struct {
    const char* data;
    size_t size;
} steady_mail_bytes;

/* A display name (may be empty) and an addr-spec the caller has checked.
 * Control characters in either (newlines too) become spaces, so no value
 * can start a header of its own. */
typedef struct {
    steady_mail_bytes name;
    steady_mail_bytes email;
} steady_mail_mailbox;

/* What every message has: From, To, Subject (RFC 2047-encoded where not
 * ASCII), Date (`date` seconds since the epoch, shown at `utc_offset`
 * seconds east of UTC) and a random Message-ID at the sender's domain. */
typedef struct {
    steady_mail_mailbox from;
    steady_mail_mailbox to;
    steady_mail_bytes subject;
    int64_t date;
    int32_t utc_offset;
} steady_mail_head;

/* A shared summary: multipart/mixed holding multipart/alternative (`text`
 * as text/plain, `html` as text/html, both quoted-printable) and
 * `attachment` as an application/json attachment named `attachment_name`
 * (base64). */
typedef struct {
    steady_mail_head head;
    steady_mail_bytes text;
    steady_mail_bytes html;
    steady_mail_bytes attachment_name;
    steady_mail_bytes attachment;
} steady_mail_share;

/* A short note: one text/plain part holding `body`. */
typedef struct {
    steady_mail_head head;
    steady_mail_bytes body;
} steady_mail_note;

/* What an entry point gives back: on success `data`/`size` (the message,
 * LF line ends, no line longer than 78 octets; or the attachment found) and
 * `error` NULL; on failure `error`, a NUL-terminated sentence saying why.
 * Either way free_result() releases it. */
typedef struct {
    char* data;
    size_t size;
    char* error;
} steady_mail_result;

typedef struct {
    int abi;
    /* Each returns 0 on success, -1 with result->error set otherwise. */
    int (*build_share)(const steady_mail_share* share, steady_mail_result* result);
    int (*build_note)(const steady_mail_note* note, steady_mail_result* result);
    /* The decoded body of the first part of the message `eml` named
     * steady-summary-*.json (or else the first application/json part), in
     * any depth of multiparts and forwarded messages. */
    int (*find_summary)(steady_mail_bytes eml, steady_mail_result* result);
    void (*free_result)(steady_mail_result* result);
} steady_mail_api;

/* The module's only exported symbol. */
const steady_mail_api* steady_mail_v1(void);

#ifdef __cplusplus
}
#endif

#endif
