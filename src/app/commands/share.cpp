#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/partner.hpp"
#include "app/commands/report_build.hpp"
#include "app/commands/share.hpp"
#include "app/crypt.hpp"
#include "app/output/files.hpp"
#include "app/output/share.hpp"
#include "app/spawn.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/partners.hpp"
#include "store/shares.hpp"

namespace steady::app {

namespace {

// The format asked for; --send means email, and any other --format with it
// is a UsageError.
ShareFormat parse_share_format(const ShareOptions& opt, bool json)
{
    if (!opt.format)
        return opt.send ? ShareFormat::email : json ? ShareFormat::json : ShareFormat::text;
    for (auto format : {ShareFormat::text, ShareFormat::markdown, ShareFormat::json,
                        ShareFormat::html, ShareFormat::email}) {
        if (domain::to_lower(domain::trim(*opt.format)) != share_format_name(format))
            continue;
        if (opt.send && format != ShareFormat::email)
            throw UsageError("--send sends an email; leave out --format " + *opt.format);
        return format;
    }
    throw UsageError("--format must be text, markdown, json, html or email (got '" + *opt.format +
                     "')");
}

// The partner named `name`, read without creating a journal.
domain::Partner partner_to_share_with(Context& ctx, const std::string& name)
{
    if (!std::filesystem::exists(ctx.journal_path()))
        throw DataError("no partner named '" + name +
                        "' (no partners yet; 'steady partner add NAME --email E' adds one)");
    domain::Partner partner;
    auto& journal = ctx.journal_for_read();
    journal.read("read the partner", [&] { partner = require_partner(journal, name); });
    return partner;
}

domain::Share build_share(const ShareOptions& opt, Context& ctx, const domain::Partner& partner)
{
    auto period = report_period(ctx, opt.positional_period, opt.period);
    auto scope = partner.scope;
    if (opt.notes)
        scope.notes = domain::IncludeNotes::yes;
    auto share = domain::make_share(build_report(ctx, period, scope.notes), scope);
    share.from = ctx.config().name;
    share.to = partner.name;
    if (opt.message && !domain::trim(*opt.message).empty())
        share.message = std::string(domain::trim(*opt.message));
    share.generated_at = ctx.time().now;
    return share;
}

// `share` as bytes in `format`; to a partner with a key, encrypted to it:
// the email as PGP/MIME, any other format as an ASCII-armored message.
std::string share_bytes(Context& ctx, const domain::Share& share, const domain::Partner& partner,
                        ShareFormat format)
{
    auto envelope =
        format == ShareFormat::email ? share_envelope(ctx, partner, share) : MailEnvelope{};
    auto key = share_key(ctx, partner);
    try {
        if (format == ShareFormat::email) {
            envelope.encrypt_to = key;
            return share_email(share, envelope);
        }
        auto bytes = render_share(share, format, ctx.out().style().utf8);
        return key ? encrypt_bytes_to(*key, bytes, Armor::yes) : bytes;
    } catch (const DataError& e) {
        throw DataError("cannot encrypt the summary for " + partner.name + ": " + e.what() +
                        ". Nothing was sent or written; 'steady partner edit " + partner.name +
                        " --pgp-key KEYID|FILE' sets a new key (--no-pgp-key shares in clear)");
    }
}

void run_share(const ShareOptions& opt, Context& ctx)
{
    if (opt.history)
        return run_share_history(opt, ctx);
    if (!opt.partner)
        throw UsageError("name the partner to share with, e.g. 'steady share Sam' (see 'steady "
                         "partner list')");
    auto format = parse_share_format(opt, ctx.options().json);
    if (opt.send && opt.output)
        throw UsageError("--send and --output cannot be used together; --output saves a "
                         "summary without sending it");
    if (opt.output)
        refuse_the_journal(*opt.output, ctx.journal_path(), "the summary");
    auto partner = partner_to_share_with(ctx, *opt.partner);
    auto share = build_share(opt, ctx, partner);
    auto bytes = share_bytes(ctx, share, partner, format);
    domain::ShareRecord record;
    record.encrypted = partner.pgp_fingerprint.has_value();
    record.partner_name = partner.name;
    record.at = ctx.time().now;
    record.period = share.report.period;
    record.format = share_format_name(format);
    record.sha256 = sha256_hex(bytes);
    std::vector<std::string> command;
    ProgramResult delivery;
    if (opt.send) {
        command = share_command_for(ctx, partner);
        delivery = run_program(command, ctx.io().env, bytes);
        record.delivered = delivery.started && delivery.exit_code == 0;
    }
    auto& journal = ctx.journal_for_write();
    journal.write("log the share", [&] {
        record.partner_id = require_partner(journal, partner.name).id;
        store::log_share(journal, record);
        if (opt.output)
            write_file_atomically(*opt.output, bytes);
    });
    if (opt.send)
        return report_delivery(ctx, record, command, delivery);
    if (!opt.output) {
        ctx.out().stream() << bytes;
        return;
    }
    ctx.out().say("Wrote the summary for " + partner.name + " to " + *opt.output + " (" +
                  record.format + (record.encrypted ? ", encrypted to their key" : "") +
                  ", sha256 " + record.sha256.substr(0, 12) +
                  "). Nothing was sent; 'steady share --history' lists it.");
}

} // namespace

void register_share(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<ShareOptions>();
    auto* cmd = root.add_subcommand("share", "A progress summary for a partner, with only what "
                                             "they may see");
    cmd->add_option("PARTNER", opt->partner, "The partner's name (see 'steady partner list')");
    cmd->add_option("PERIOD", opt->positional_period,
                    "The period, e.g. 'last week' (default: config share.default_period, 'last 7 "
                    "days')");
    cmd->add_option("--period", opt->period, "The period, as PERIOD");
    cmd->add_option("--format", opt->format, "text (default), markdown, json, html or email")
        ->type_name("FORMAT");
    cmd->add_option("--output", opt->output, "Write it to this file (mode 0600), not stdout")
        ->type_name("FILE");
    cmd->add_option("--message", opt->message, "A few words of your own, shown first")
        ->type_name("TEXT");
    cmd->add_flag("--notes", opt->notes, "Include your notes and free text this time");
    cmd->add_flag("--send", opt->send,
                  "Email it to the partner through config share.command (sendmail -t -i)");
    cmd->add_flag("--history", opt->history,
                  "List what was shared (with PARTNER: with them), not a new summary");
    cmd->callback([opt, &ctx] { run_share(*opt, ctx); });
}

} // namespace steady::app
