// steady-mail.so: the email entry points of mail/mail.h, made with GMime 3
// (the OpenPGP ones are in crypt.cpp). Built as a CMake MODULE and loaded by
// app/mail.cpp with dlopen(), so that GMime, glib and gpgme are mapped only
// into the processes that make or read email or need OpenPGP.

#include <gmime/gmime.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

#include "mail/mail.h"
#include "mail/module.hpp"

namespace steady::mail {

namespace {

template <typename T> struct Unref {
    void operator()(T* object) const { g_object_unref(object); }
};
template <typename T> using Ref = std::unique_ptr<T, Unref<T>>;

// `text` as one header word: control characters (newlines too) as spaces,
// trimmed, so that it stays in its header whatever it holds.
std::string header_word(std::string_view text)
{
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        out += byte < 0x20 || byte == 0x7f ? ' ' : c;
    }
    auto first = out.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

void init_once()
{
    static bool done = [] {
        g_mime_init();
        return true;
    }();
    (void)done;
}

// A stream over a copy of `bytes`. GMime refuses a null buffer, which an
// empty view may have (a critical warning, and no stream).
GMimeStream* memory_stream(std::string_view bytes)
{
    return g_mime_stream_mem_new_with_buffer(bytes.empty() ? "" : bytes.data(), bytes.size());
}

// A leaf part of type `type`/`subtype` holding `bytes` in `encoding`
// (GMIME_CONTENT_ENCODING_DEFAULT: the best of 7bit, quoted-printable and
// base64 for 7-bit transport).
GMimeObject* leaf_part(const char* type, const char* subtype, std::string_view bytes,
                       GMimeContentEncoding encoding)
{
    GMimePart* part = g_mime_part_new_with_type(type, subtype);
    Ref<GMimeStream> stream{memory_stream(bytes)};
    Ref<GMimeDataWrapper> wrapper{
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT)};
    g_mime_part_set_content(part, wrapper.get());
    if (std::string_view(type) == "text")
        g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
    if (encoding == GMIME_CONTENT_ENCODING_DEFAULT)
        encoding = g_mime_part_get_best_content_encoding(part, GMIME_ENCODING_CONSTRAINT_7BIT);
    g_mime_part_set_content_encoding(part, encoding);
    return GMIME_OBJECT(part);
}

void add_part(GMimeMultipart* multipart, GMimeObject* part)
{
    g_mime_multipart_add(multipart, part);
    g_object_unref(part);
}

void add_mailbox(GMimeMessage* message, GMimeAddressType type, const steady_mail_mailbox& box)
{
    auto name = header_word(view(box.name));
    auto address = header_word(view(box.email));
    InternetAddress* mailbox =
        internet_address_mailbox_new(name.empty() ? nullptr : name.c_str(), address.c_str());
    internet_address_set_charset(mailbox, "utf-8");
    internet_address_list_add(g_mime_message_get_addresses(message, type), mailbox);
    g_object_unref(mailbox);
}

void set_date(GMimeMessage* message, std::int64_t at, std::int32_t utc_offset)
{
    GDateTime* utc = g_date_time_new_from_unix_utc(at);
    GTimeZone* zone = g_time_zone_new_offset(utc_offset);
    GDateTime* local = g_date_time_to_timezone(utc, zone);
    g_mime_message_set_date(message, local);
    g_date_time_unref(local);
    g_time_zone_unref(zone);
    g_date_time_unref(utc);
}

void set_message_id(GMimeMessage* message, std::string_view from_email)
{
    auto at = from_email.rfind('@');
    std::string domain =
        at == std::string::npos ? "steady.local" : header_word(from_email.substr(at + 1));
    if (domain.empty() || domain.find_first_of(" <>") != std::string::npos)
        domain = "steady.local";
    char* id = g_mime_utils_generate_message_id(domain.c_str());
    g_mime_message_set_message_id(message, id);
    g_free(id);
}

std::string object_text(GMimeObject* object)
{
    GMimeFormatOptions* options = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_UNIX);
    char* bytes = g_mime_object_to_string(object, options);
    g_mime_format_options_free(options);
    std::string text(bytes ? bytes : "");
    g_free(bytes);
    return text;
}

// `body`, with `subject` as its protected header, encrypted to `to` as the
// multipart/encrypted of RFC 3156.
Ref<GMimeObject> pgp_mime(GMimeObject* body, const std::string& subject, const steady_mail_pgp& to)
{
    g_mime_object_set_content_type_parameter(body, "protected-headers", "v1");
    g_mime_object_set_header(body, "Subject", subject.c_str(), "utf-8");
    auto armored = encrypt_bytes(to, object_text(body), true);
    GMimeMultipart* encrypted = g_mime_multipart_new_with_subtype("encrypted");
    Ref<GMimeObject> out{GMIME_OBJECT(encrypted)};
    g_mime_object_set_content_type_parameter(out.get(), "protocol", "application/pgp-encrypted");
    GMimeObject* control =
        leaf_part("application", "pgp-encrypted", "Version: 1\n", GMIME_CONTENT_ENCODING_7BIT);
    g_mime_object_set_header(control, "Content-Description", "PGP/MIME version identification",
                             nullptr);
    add_part(encrypted, control);
    GMimeObject* payload =
        leaf_part("application", "octet-stream", armored, GMIME_CONTENT_ENCODING_7BIT);
    g_mime_object_set_header(payload, "Content-Description", "OpenPGP encrypted message", nullptr);
    g_mime_object_set_disposition(payload, "inline");
    g_mime_part_set_filename(GMIME_PART(payload), "encrypted.asc");
    add_part(encrypted, payload);
    return out;
}

// A message with the headers of `head` and `body` as its MIME part, which
// it takes; PGP/MIME when `head` says whom to encrypt to.
Ref<GMimeMessage> new_message(const steady_mail_head& head, GMimeObject* body)
{
    Ref<GMimeObject> part{body};
    auto subject = header_word(view(head.subject));
    if (head.encrypt_to.recipient) {
        part = pgp_mime(body, subject, head.encrypt_to);
        subject = "Encrypted message";
    }
    Ref<GMimeMessage> message{g_mime_message_new(TRUE)};
    add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, head.from);
    add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, head.to);
    g_mime_message_set_subject(message.get(), subject.c_str(), "utf-8");
    set_date(message.get(), head.date, head.utc_offset);
    set_message_id(message.get(), view(head.from.email));
    g_mime_message_set_mime_part(message.get(), part.get());
    return message;
}

char* message_text(GMimeMessage* message, std::size_t& size)
{
    GMimeFormatOptions* options = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_UNIX);
    char* bytes = g_mime_object_to_string(GMIME_OBJECT(message), options);
    g_mime_format_options_free(options);
    std::string_view text(bytes);
    char* out = nullptr;
    try {
        out = copy_out(text);
    } catch (...) {
        g_free(bytes);
        throw;
    }
    size = text.size();
    g_free(bytes);
    return out;
}

// Runs `make` (which fills `result`) with GMime ready.
template <typename Make> int with_gmime(steady_mail_result* result, Make make)
{
    return guarded(result, [&] {
        init_once();
        make();
    });
}

int build_share(const steady_mail_share* share, steady_mail_result* result)
{
    return with_gmime(result, [&] {
        GMimeMultipart* alternative = g_mime_multipart_new_with_subtype("alternative");
        add_part(alternative, leaf_part("text", "plain", view(share->text),
                                        GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE));
        add_part(alternative, leaf_part("text", "html", view(share->html),
                                        GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE));
        GMimeMultipart* mixed = g_mime_multipart_new_with_subtype("mixed");
        add_part(mixed, GMIME_OBJECT(alternative));
        GMimeObject* json = leaf_part("application", "json", view(share->attachment),
                                      GMIME_CONTENT_ENCODING_BASE64);
        g_mime_object_set_disposition(json, "attachment");
        auto file = header_word(view(share->attachment_name));
        g_mime_part_set_filename(GMIME_PART(json), file.c_str());
        add_part(mixed, json);
        auto message = new_message(share->head, GMIME_OBJECT(mixed));
        result->data = message_text(message.get(), result->size);
    });
}

int build_note(const steady_mail_note* note, steady_mail_result* result)
{
    return with_gmime(result, [&] {
        GMimeObject* body =
            leaf_part("text", "plain", view(note->body), GMIME_CONTENT_ENCODING_DEFAULT);
        auto message = new_message(note->head, body);
        result->data = message_text(message.get(), result->size);
    });
}

// The summary part among `object` and what it holds: the first leaf named
// steady-summary-*.json, else the first application/json leaf.
struct SummarySearch {
    GMimePart* named = nullptr;
    GMimePart* json = nullptr;
};

void search_summary(GMimeObject* object, SummarySearch& found, int depth)
{
    if (!object || depth > 32 || found.named)
        return;
    if (GMIME_IS_MULTIPART(object)) {
        auto* multipart = GMIME_MULTIPART(object);
        int count = g_mime_multipart_get_count(multipart);
        for (int i = 0; i < count; ++i)
            search_summary(g_mime_multipart_get_part(multipart, i), found, depth + 1);
        return;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (inner)
            search_summary(g_mime_message_get_mime_part(inner), found, depth + 1);
        return;
    }
    if (!GMIME_IS_PART(object))
        return;
    auto* part = GMIME_PART(object);
    const char* filename = g_mime_part_get_filename(part);
    std::string_view name = filename ? filename : "";
    if (name.size() > 5 && name.rfind("steady-summary-", 0) == 0 &&
        name.substr(name.size() - 5) == ".json") {
        found.named = part;
        return;
    }
    GMimeContentType* type = g_mime_object_get_content_type(object);
    if (!found.json && type && g_mime_content_type_is_type(type, "application", "json"))
        found.json = part;
}

std::string decoded_content(GMimePart* part)
{
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (!content)
        return {};
    Ref<GMimeStream> out{g_mime_stream_mem_new()};
    if (g_mime_data_wrapper_write_to_stream(content, out.get()) < 0)
        throw std::runtime_error("its steady summary attachment could not be decoded");
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
    return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

int find_summary(steady_mail_bytes eml, steady_mail_result* result)
{
    return with_gmime(result, [&] {
        auto text = view(eml);
        // An mbox file's first line ("From sender date") is not a header.
        if (text.rfind("From ", 0) == 0) {
            auto end = text.find('\n');
            text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        }
        Ref<GMimeStream> stream{memory_stream(text)};
        Ref<GMimeParser> parser{g_mime_parser_new_with_stream(stream.get())};
        g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
        Ref<GMimeMessage> message{g_mime_parser_construct_message(parser.get(), nullptr)};
        if (!message || !g_mime_message_get_mime_part(message.get()))
            throw std::runtime_error("it is not an email message (no mail headers)");
        InternetAddressList* from = g_mime_message_get_from(message.get());
        bool has_head = (from && internet_address_list_length(from) > 0) ||
                        g_mime_message_get_subject(message.get()) ||
                        g_mime_message_get_date(message.get());
        if (!has_head)
            throw std::runtime_error("it is not an email message (no From, Subject or Date)");
        GMimeContentType* top =
            g_mime_object_get_content_type(g_mime_message_get_mime_part(message.get()));
        if (top && g_mime_content_type_is_type(top, "multipart", "encrypted"))
            throw std::runtime_error("the email is encrypted (PGP/MIME); decrypt it first, e.g. "
                                     "with your mail program or 'gpg --decrypt'");
        SummarySearch found;
        search_summary(g_mime_message_get_mime_part(message.get()), found, 0);
        GMimePart* part = found.named ? found.named : found.json;
        if (!part)
            throw std::runtime_error("the email has no steady summary attached "
                                     "(steady-summary-FROM-TO.json)");
        auto json = decoded_content(part);
        result->data = copy_out(json);
        result->size = json.size();
    });
}

constexpr steady_mail_api k_api = {STEADY_MAIL_ABI, build_share, build_note, find_summary,
                                   import_key,      encrypt,     decrypt,    free_result};

} // namespace

} // namespace steady::mail

extern "C" __attribute__((visibility("default"))) const steady_mail_api* steady_mail_v2(void)
{
    return &steady::mail::k_api;
}
