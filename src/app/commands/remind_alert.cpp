#include <filesystem>

#include "app/commands/remind.hpp"
#include "app/commands/share.hpp"
#include "app/mail.hpp"
#include "app/output/files.hpp"
#include "app/spawn.hpp"
#include "base/error.hpp"
#include "domain/remind.hpp"
#include "domain/text.hpp"
#include "store/partners.hpp"
#include "store/remind.hpp"
#include "store/shares.hpp"

namespace steady::app {

namespace {

// A partner due an alert now, and how long the silence has lasted.
struct AlertDue {
    domain::Partner partner;
    int days = 0;
};

std::vector<AlertDue> alerts_due_now(Context& ctx, store::Journal& journal)
{
    const auto& time = ctx.time();
    auto day = [&](timeutil::Instant at) {
        return timeutil::day_of(at, *time.zone, time.day_start);
    };
    auto last_checkin = store::last_checkin_day(journal);
    std::vector<AlertDue> due;
    for (auto& partner : store::list_partners(journal)) {
        if (!partner.alert_after)
            continue;
        domain::AlertWatch watch{*partner.alert_after, day(partner.created), std::nullopt};
        if (auto at = store::last_delivered(journal, partner.id, "alert"))
            watch.last_alerted = day(*at);
        if (domain::alert_due(watch, last_checkin, time.today()))
            due.push_back({partner, domain::silent_days(last_checkin, watch.added, time.today())});
    }
    return due;
}

// The sender of alert notes: config email (and name), which must be usable.
MailHead alert_sender(Context& ctx)
{
    const auto& config = ctx.config();
    if (!config.email || !domain::is_email_address(*config.email))
        throw ConfigError("a partner asked to hear when you go quiet (--alert-after), and the "
                          "note needs your address: set email = \"you@example.org\" (and name) "
                          "in the config");
    MailHead head;
    head.from = {config.name.value_or(""), *config.email};
    head.at = ctx.time().now;
    head.utc_offset = ctx.time().zone->offset(head.at);
    return head;
}

// Builds and sends the note of `alert`; fills in `record` and returns why it
// failed ("" when delivered).
std::string send_alert_note(Context& ctx, const MailHead& sender, const AlertDue& alert,
                            domain::ShareRecord& record)
{
    const auto& partner = alert.partner;
    auto text = domain::alert_note(ctx.config().name, partner.name, alert.days);
    NoteMail note{sender, text.body};
    note.head.to = {partner.name, partner.email};
    note.head.subject = text.subject;
    std::string bytes;
    record.sha256 = sha256_hex(bytes);
    try {
        note.head.encrypt_to = share_key(ctx, partner);
        bytes = build_note_mail(note);
    } catch (const Error& e) {
        return e.what();
    }
    // Only a note that was encrypted is logged as encrypted.
    record.encrypted = note.head.encrypt_to.has_value();
    record.sha256 = sha256_hex(bytes);
    auto command = expand_command(ctx.config().share_command,
                                  {{"email", partner.email}, {"name", partner.name}});
    auto result = run_program(command, ctx.io().env, bytes);
    if (!result.started)
        return result.problem + " (see share.command in the config)";
    if (result.exit_code != 0) {
        std::string why = "'" + command_line(command) + "' exited with status " +
                          std::to_string(result.exit_code) + " (see share.command in the config)";
        auto said = domain::trim(result.err.empty() ? result.out : result.err);
        return said.empty() ? why : why + "\n" + std::string(said.substr(0, 4000));
    }
    record.delivered = true;
    return "";
}

} // namespace

std::vector<DueItem> send_due_alerts(Context& ctx, std::vector<std::string>& failed)
{
    if (!std::filesystem::exists(ctx.journal_path()))
        return {};
    auto& journal = ctx.journal_for_read();
    std::vector<AlertDue> due;
    journal.read("read the partners", [&] { due = alerts_due_now(ctx, journal); });
    if (due.empty())
        return {};
    auto sender = alert_sender(ctx);
    const auto& time = ctx.time();
    std::vector<DueItem> items;
    journal.write("send the alerts", [&] {
        items.clear();
        failed.clear();
        for (const auto& alert : alerts_due_now(ctx, journal)) {
            domain::ShareRecord record;
            record.partner_id = alert.partner.id;
            record.partner_name = alert.partner.name;
            record.at = time.now;
            record.what = "alert";
            record.period = timeutil::Period{time.today() - date::days{alert.days},
                                             time.today() - date::days{1}, false};
            record.format = "email";
            auto problem = send_alert_note(ctx, sender, alert, record);
            store::log_share(journal, record);
            if (!problem.empty())
                failed.push_back("could not send " + alert.partner.name + " the note: " + problem);
            items.push_back(
                {"alert", domain::alert_reminder(alert.partner.name, alert.days, record.delivered),
                 [name = alert.partner.name, days = alert.days,
                  delivered = record.delivered](domain::JsonWriter& json) {
                     json.key("partner").value(name);
                     json.key("days_without_checkin").value(days);
                     json.key("delivered").value(delivered);
                 }});
        }
    });
    return items;
}

} // namespace steady::app
