#include <array>
#include <chrono>
#include <string>
#include <string_view>

#include "app/mail.hpp"
#include "app/output/share.hpp"
#include "domain/text.hpp"
#include "timeutil/time.hpp"

namespace steady::app {

using domain::Share;

namespace {

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

} // namespace

std::string share_email(const Share& share, const MailEnvelope& envelope)
{
    ShareMail mail;
    mail.head.from = {mail_header_text(envelope.from_name.value_or("")), envelope.from_email};
    mail.head.to = {mail_header_text(envelope.to_name), envelope.to_email};
    mail.head.subject = share_mail_subject(share);
    mail.head.at = share.generated_at;
    mail.head.utc_offset = envelope.utc_offset;
    mail.head.encrypt_to = envelope.encrypt_to;
    mail.text = share_text(share, true);
    mail.html = share_html(share);
    const auto& period = share.report.period;
    mail.attachment_name = "steady-summary-" + timeutil::format_day(period.from) + "-" +
                           timeutil::format_day(period.to) + ".json";
    mail.attachment = share_json(share);
    return build_share_mail(mail);
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
