/* The interface of steady-mail.so, the module that builds and reads email
 * with GMime and encrypts and decrypts OpenPGP with GPGME. steady loads it
 * with dlopen() only when a command makes or reads an email or needs
 * OpenPGP, so the binary itself never links GMime, glib, gio or gpgme (they
 * cost ~10 ms at every start). Plain C, so that the binary and the module
 * agree whatever each was compiled with; app/mail.hpp and app/crypt.hpp are
 * the C++ side steady's commands use. It is also the interface of
 * steady-crypt.so, the OpenPGP that streams (encrypted export and import),
 * GPGME without GMime, glib and gio, whose mappings cost 3.5 MiB.
 *
 * steady-mail.so exports steady_mail_v2(), returning a table of entry points
 * whose `abi` field must equal STEADY_MAIL_ABI; steady-crypt.so exports
 * steady_mail_stream_v1(), the entry points that stream OpenPGP
 * (STEADY_MAIL_STREAM_ABI). A change that breaks callers bumps the table's
 * ABI number and its entry's name. */
#ifndef STEADY_MAIL_MAIL_H
#define STEADY_MAIL_MAIL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define STEADY_MAIL_ABI 2
#define STEADY_MAIL_ENTRY "steady_mail_v2"

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

/* An OpenPGP key to encrypt to: `recipient` (NUL-terminated; a
 * fingerprint, key id or address that names exactly one key) in the GnuPG
 * home folder `homedir` (NUL-terminated; NULL for the user's own:
 * $GNUPGHOME, else ~/.gnupg). A NULL `recipient` means "do not encrypt".
 * The key must be valid now (not expired, revoked or disabled) and able to
 * encrypt; it is trusted as named (no web of trust is consulted). */
typedef struct {
    const char* homedir;
    const char* recipient;
} steady_mail_pgp;

/* What every message has: From, To, Subject (RFC 2047-encoded where not
 * ASCII), Date (`date` seconds since the epoch, shown at `utc_offset`
 * seconds east of UTC) and a random Message-ID at the sender's domain.
 *
 * With `encrypt_to.recipient` set, the message is PGP/MIME (RFC 3156):
 * multipart/encrypted; protocol="application/pgp-encrypted", a first part
 * application/pgp-encrypted holding "Version: 1" and a second
 * application/octet-stream holding the ASCII-armored OpenPGP message, which
 * decrypts to the MIME entity the message would have had in clear, with
 * the real Subject as a protected header (protected-headers="v1"). The
 * outer Subject is then the neutral "Encrypted message". */
typedef struct {
    steady_mail_mailbox from;
    steady_mail_mailbox to;
    steady_mail_bytes subject;
    int64_t date;
    int32_t utc_offset;
    steady_mail_pgp encrypt_to;
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

/* A public key for steady's own keyring `to_homedir` (NUL-terminated, a
 * folder the caller has made): with `key_id` (NUL-terminated) the one key
 * it names in the keyring `from_homedir` (NULL: the user's own), else the
 * one key held in `key_data` (armored or binary). The key must be a single
 * public key, valid now and able to encrypt; nothing is imported
 * otherwise. On success the result is "FINGERPRINT\nUSER ID". */
typedef struct {
    const char* from_homedir;
    const char* key_id;
    steady_mail_bytes key_data;
    const char* to_homedir;
} steady_mail_key_import;

/* Plain bytes to encrypt to `to`: `plain`, or when `plain_fd` >= 0 what
 * can be read from that descriptor. `armor` nonzero: an ASCII-armored
 * message, else binary OpenPGP. The result is the ciphertext. */
typedef struct {
    steady_mail_pgp to;
    steady_mail_bytes plain;
    int plain_fd;
    int armor;
} steady_mail_encrypt;

/* An OpenPGP message (armored or binary) read from `cipher_fd`, decrypted
 * with the secret keys of `homedir` (NULL: the user's own) through its
 * gpg-agent, which may ask for a passphrase. The result is the plain text. */
typedef struct {
    const char* homedir;
    int cipher_fd;
} steady_mail_decrypt;

/* What the entry points return: 0 on success; -1 with result->error set
 * when the input or the key is at fault (a key that is expired, revoked,
 * missing or ambiguous, a file that is not a key, a message that cannot be
 * decrypted); -2 with result->error set when OpenPGP is unavailable (no
 * gpg program for GPGME to run); -3 with result->error set when GnuPG
 * itself failed (gpg crashed or could not read or write: a keyring it may
 * not read, a full disk), whatever the key. An older caller takes -3 as -1. */
#define STEADY_MAIL_UNAVAILABLE (-2)
#define STEADY_MAIL_FAILED (-3)

typedef struct {
    int abi;
    int (*build_share)(const steady_mail_share* share, steady_mail_result* result);
    int (*build_note)(const steady_mail_note* note, steady_mail_result* result);
    /* The decoded body of the first part of the message `eml` named
     * steady-summary-*.json (or else the first application/json part), in
     * any depth of multiparts and forwarded messages. */
    int (*find_summary)(steady_mail_bytes eml, steady_mail_result* result);
    int (*import_key)(const steady_mail_key_import* request, steady_mail_result* result);
    int (*encrypt)(const steady_mail_encrypt* request, steady_mail_result* result);
    int (*decrypt)(const steady_mail_decrypt* request, steady_mail_result* result);
    void (*free_result)(steady_mail_result* result);
} steady_mail_api;

const steady_mail_api* steady_mail_v2(void);

/* Streaming OpenPGP, in steady-crypt.so: the text goes through as it
 * comes, and is never held whole in memory, by steady or by the module. */

#define STEADY_MAIL_STREAM_ABI 1
#define STEADY_MAIL_STREAM_ENTRY "steady_mail_stream_v1"

/* Where output goes, piece by piece: `write` is called with each piece in
 * order (from the thread that called the entry point) and returns 0 once
 * it took all `size` bytes, or an errno value to stop the operation. */
typedef struct {
    void* handle;
    int (*write)(void* handle, const char* data, size_t size);
} steady_mail_sink;

/* What can be read from `plain_fd` (to its end of file), encrypted to `to`
 * (as for steady_mail_encrypt) and given to `cipher` as it is made: ASCII
 * armor when `armor` is nonzero, else binary OpenPGP. The key is checked
 * before anything is read. The descriptor is not closed. */
typedef struct {
    steady_mail_pgp to;
    int plain_fd;
    steady_mail_sink cipher;
    int armor;
} steady_mail_encrypt_stream;

/* The OpenPGP message read from `cipher_fd`, decrypted as for
 * steady_mail_decrypt and given to `plain` as it is decrypted. GnuPG checks
 * a message's integrity only at its end, so bytes given to `plain` count
 * only once the entry point returned 0: on any error, what was given must
 * be thrown away. The descriptor is not closed. */
typedef struct {
    const char* homedir;
    int cipher_fd;
    steady_mail_sink plain;
} steady_mail_decrypt_stream;

/* Each returns as the entry points above (0, -1, STEADY_MAIL_UNAVAILABLE,
 * STEADY_MAIL_FAILED), with only `error` set in `result`; a sink that
 * stopped the operation makes it STEADY_MAIL_FAILED. */
typedef struct {
    int abi;
    int (*encrypt)(const steady_mail_encrypt_stream* request, steady_mail_result* result);
    int (*decrypt)(const steady_mail_decrypt_stream* request, steady_mail_result* result);
    void (*free_result)(steady_mail_result* result);
} steady_mail_stream_api;

const steady_mail_stream_api* steady_mail_stream_v1(void);

#ifdef __cplusplus
}
#endif

#endif
