#include <gmime/gmime.h>

#include <array>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "app/output/share.hpp"
#include "domain/text.hpp"
#include "timeutil/time.hpp"

namespace steady::app {

using domain::Share;

namespace {

template <typename T> struct MailUnref {
    void operator()(T* object) const { g_object_unref(object); }
};
template <typename T> using MailRef = std::unique_ptr<T, MailUnref<T>>;

// `text` for a header: control characters (newlines too) as spaces, trimmed,
// so that it stays one header word whatever a name holds.
std::string mail_header_text(std::string_view text)
{
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        out += byte < 0x20 || byte == 0x7f ? ' ' : c;
    }
    return std::string(domain::trim(out));
}

// A leaf part of type `type`/`subtype` holding `bytes` in `encoding`.
GMimeObject* mail_part(const char* type, const char* subtype, const std::string& bytes,
                       GMimeContentEncoding encoding)
{
    GMimePart* part = g_mime_part_new_with_type(type, subtype);
    MailRef<GMimeStream> stream{g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size())};
    MailRef<GMimeDataWrapper> wrapper{
        g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT)};
    g_mime_part_set_content(part, wrapper.get());
    g_mime_part_set_content_encoding(part, encoding);
    if (std::string_view(type) == "text")
        g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
    return GMIME_OBJECT(part);
}

void mail_add_part(GMimeMultipart* multipart, GMimeObject* part)
{
    g_mime_multipart_add(multipart, part);
    g_object_unref(part);
}

void mail_add_mailbox(GMimeMessage* message, GMimeAddressType type, const std::string& name,
                      const std::string& address)
{
    InternetAddress* mailbox = internet_address_mailbox_new(name.empty() ? nullptr : name.c_str(),
                                                            mail_header_text(address).c_str());
    internet_address_set_charset(mailbox, "utf-8");
    internet_address_list_add(g_mime_message_get_addresses(message, type), mailbox);
    g_object_unref(mailbox);
}

void mail_set_date(GMimeMessage* message, timeutil::Instant at, std::chrono::seconds utc_offset)
{
    GDateTime* utc = g_date_time_new_from_unix_utc(at.time_since_epoch().count());
    GTimeZone* zone = g_time_zone_new_offset(static_cast<gint32>(utc_offset.count()));
    GDateTime* local = g_date_time_to_timezone(utc, zone);
    g_mime_message_set_date(message, local);
    g_date_time_unref(local);
    g_time_zone_unref(zone);
    g_date_time_unref(utc);
}

void mail_set_message_id(GMimeMessage* message, const std::string& from_email)
{
    auto at = from_email.rfind('@');
    std::string domain = at == std::string::npos ? "steady.local" : from_email.substr(at + 1);
    char* id = g_mime_utils_generate_message_id(domain.c_str());
    g_mime_message_set_message_id(message, id);
    g_free(id);
}

// The three bodies: multipart/mixed of multipart/alternative (text, html)
// and the JSON attachment.
GMimeObject* mail_body(const Share& share)
{
    auto text = share_text(share, true);
    GMimeMultipart* alternative = g_mime_multipart_new_with_subtype("alternative");
    mail_add_part(alternative,
                  mail_part("text", "plain", text, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE));
    mail_add_part(alternative, mail_part("text", "html", share_html(share),
                                         GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE));
    GMimeMultipart* mixed = g_mime_multipart_new_with_subtype("mixed");
    mail_add_part(mixed, GMIME_OBJECT(alternative));
    const auto& period = share.report.period;
    std::string file = "steady-summary-" + timeutil::format_day(period.from) + "-" +
                       timeutil::format_day(period.to) + ".json";
    GMimeObject* json =
        mail_part("application", "json", share_json(share), GMIME_CONTENT_ENCODING_BASE64);
    g_mime_object_set_disposition(json, "attachment");
    g_mime_part_set_filename(GMIME_PART(json), file.c_str());
    mail_add_part(mixed, json);
    return GMIME_OBJECT(mixed);
}

} // namespace

std::string share_email(const Share& share, const MailEnvelope& envelope)
{
    g_mime_init();
    MailRef<GMimeMessage> message{g_mime_message_new(TRUE)};
    mail_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM,
                     mail_header_text(envelope.from_name.value_or("")), envelope.from_email);
    mail_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, mail_header_text(envelope.to_name),
                     envelope.to_email);
    auto subject = share_mail_subject(share);
    g_mime_message_set_subject(message.get(), subject.c_str(), "utf-8");
    mail_set_date(message.get(), share.generated_at, envelope.utc_offset);
    mail_set_message_id(message.get(), envelope.from_email);
    GMimeObject* body = mail_body(share);
    g_mime_message_set_mime_part(message.get(), body);
    g_object_unref(body);

    GMimeFormatOptions* options = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_UNIX);
    char* bytes = g_mime_object_to_string(GMIME_OBJECT(message.get()), options);
    g_mime_format_options_free(options);
    std::string out(bytes);
    g_free(bytes);
    return out;
}

std::string share_mail_subject(const Share& share)
{
    static constexpr std::array<const char*, 12> k_months = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto& period = share.report.period;
    date::year_month_day from{period.from}, to{period.to};
    auto month = [&](date::year_month_day day) {
        return std::string(k_months[unsigned(day.month()) - 1]) + " " +
               std::to_string(int(day.year()));
    };
    auto day_month = [&](date::year_month_day day) {
        return std::to_string(unsigned(day.day())) + " " + k_months[unsigned(day.month()) - 1];
    };
    auto days = (period.to - period.from).count() + 1;
    bool one_month = from.year() == to.year() && from.month() == to.month();
    bool whole_month = one_month && from.day() == date::day{1} &&
                       to == date::year_month_day{to.year() / to.month() / date::last};
    std::string when =
        days == 1     ? day_month(from) + " " + std::to_string(int(from.year()))
        : whole_month ? month(from)
        : one_month   ? std::to_string(unsigned(from.day())) + "–" + day_month(to) + " " +
                          std::to_string(int(to.year()))
        : from.year() == to.year()
            ? day_month(from) + " – " + day_month(to) + " " + std::to_string(int(to.year()))
            : day_month(from) + " " + std::to_string(int(from.year())) + " – " + day_month(to) +
                  " " + std::to_string(int(to.year()));
    std::string kind = days == 1 ? "day" : days == 7 ? "week" : whole_month ? "month" : "summary";
    auto name = mail_header_text(share.from.value_or(""));
    return "steady: " + (name.empty() ? std::string("my") : name + "'s") + " " + kind + ", " + when;
}

} // namespace steady::app
