#include <charconv>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/common.hpp"
#include "app/commands/partner.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/partners.hpp"

namespace steady::app {

namespace {

using domain::Partner;

struct PartnerOptions {
    std::string name;
    std::optional<std::string> new_name;
    std::optional<std::string> email;
    std::optional<std::string> share;
    bool notes = false;
    bool no_notes = false;
    std::optional<std::string> every;
    std::optional<std::string> alert_after;
    std::optional<std::string> pgp_key;
    bool no_pgp_key = false;
    bool yes = false;
};

// --alert-after `text`: a number of days from 1 to 365, or "never" (nullopt).
std::optional<int> parse_alert_after(const std::string& text)
{
    auto word = domain::trim(text);
    if (word == "never")
        return std::nullopt;
    int days = 0;
    auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), days);
    if (ec != std::errc{} || end != word.data() + word.size() || days < 1 || days > 365)
        throw UsageError("--alert-after must be a number of days from 1 to 365, or never (got '" +
                         text + "')");
    return days;
}

void print_partner(Context& ctx, const char* key, const Partner& partner, const std::string& line)
{
    if (!ctx.options().json)
        return ctx.out().say(line);
    domain::JsonWriter json(ctx.out().stream());
    json.begin_object().key(key);
    write_partner_json(json, partner);
    json.end_object();
}

std::string cadence_text(const Partner& partner)
{
    if (!partner.cadence)
        return "";
    return std::string(", a summary every ") + domain::cadence_name(*partner.cadence);
}

void run_partner_add(const PartnerOptions& opt, Context& ctx)
{
    Partner partner;
    partner.name = domain::checked_partner_name(opt.name);
    partner.email = domain::checked_email(opt.email.value_or(""));
    partner.scope = opt.share ? domain::parse_scope(*opt.share) : domain::Scope::all();
    partner.scope.notes = opt.notes ? domain::IncludeNotes::yes : domain::IncludeNotes::no;
    if (opt.every)
        partner.cadence = domain::parse_cadence(*opt.every);
    if (opt.alert_after)
        partner.alert_after = parse_alert_after(*opt.alert_after);
    std::optional<ImportedKey> key;
    if (opt.pgp_key) {
        key = partner_key(ctx, *opt.pgp_key);
        partner.pgp_fingerprint = key->fingerprint;
    }
    auto& journal = ctx.journal_for_write();
    journal.write("add the partner", [&] { store::add_partner(journal, partner, ctx.time().now); });
    print_partner(ctx, "partner", partner,
                  "Added partner " + partner.name + " <" + partner.email + ">: shares " +
                      describe_scope(partner.scope) + cadence_text(partner) + "." + key_text(key) +
                      " Make a summary for them with: steady share " +
                      domain::shell_word(partner.name));
}

// Checks that the edit flags of `opt` can go together and change something.
void check_partner_edit(const PartnerOptions& opt)
{
    if (opt.notes && opt.no_notes)
        throw UsageError("give --notes or --no-notes, not both");
    if (opt.pgp_key && opt.no_pgp_key)
        throw UsageError("give --pgp-key or --no-pgp-key, not both");
    if (!opt.new_name && !opt.email && !opt.share && !opt.notes && !opt.no_notes && !opt.every &&
        !opt.alert_after && !opt.pgp_key && !opt.no_pgp_key)
        throw UsageError("nothing to change; give --name, --email, --share, --notes, --no-notes, "
                         "--every, --alert-after, --pgp-key or --no-pgp-key");
}

// Applies the edit flags of `opt` to `partner`, with `key` the key
// --pgp-key put in steady's keyring.
void apply_partner_edit(const PartnerOptions& opt, const std::optional<ImportedKey>& key,
                        Partner& partner)
{
    if (opt.new_name)
        partner.name = domain::checked_partner_name(*opt.new_name);
    if (opt.email)
        partner.email = domain::checked_email(*opt.email);
    if (opt.share)
        partner.scope = domain::change_scope(partner.scope, *opt.share);
    if (opt.notes || opt.no_notes)
        partner.scope.notes = opt.notes ? domain::IncludeNotes::yes : domain::IncludeNotes::no;
    if (opt.every && domain::trim(*opt.every) == "never")
        partner.cadence.reset();
    else if (opt.every)
        partner.cadence = domain::parse_cadence(*opt.every);
    if (opt.alert_after)
        partner.alert_after = parse_alert_after(*opt.alert_after);
    if (key)
        partner.pgp_fingerprint = key->fingerprint;
    if (opt.no_pgp_key)
        partner.pgp_fingerprint.reset();
}

[[noreturn]] void no_partners_yet(const std::string& name)
{
    throw DataError("no partner named '" + name +
                    "' (no partners yet; 'steady partner add NAME --email E' adds one)");
}

void run_partner_edit(const PartnerOptions& opt, Context& ctx)
{
    check_partner_edit(opt);
    if (!std::filesystem::exists(ctx.journal_path()))
        no_partners_yet(opt.name);
    auto& journal = ctx.journal_for_write();
    journal.read("read the partner", [&] { require_partner(journal, opt.name); });
    auto key = opt.pgp_key ? std::optional(partner_key(ctx, *opt.pgp_key)) : std::nullopt;
    Partner partner;
    journal.write("change the partner", [&] {
        partner = require_partner(journal, opt.name);
        apply_partner_edit(opt, key, partner);
        store::update_partner(journal, partner, ctx.time().now);
    });
    print_partner(ctx, "partner", partner,
                  "Partner " + partner.name + " <" + partner.email + "> now sees " +
                      describe_scope(partner.scope) + cadence_text(partner) + "." + key_text(key) +
                      (opt.no_pgp_key ? " Shares to them are no longer encrypted." : "") +
                      " 'steady undo' reverses it.");
}

void run_partner_remove(const PartnerOptions& opt, Context& ctx)
{
    if (!std::filesystem::exists(ctx.journal_path()))
        no_partners_yet(opt.name);
    Partner partner;
    auto& reader = ctx.journal_for_read();
    reader.read("read the partners", [&] { partner = require_partner(reader, opt.name); });
    std::string what = "partner " + partner.name + " <" + partner.email + ">";
    if (!opt.yes) {
        if (!ctx.io().in_tty)
            throw UsageError("not removing " + what + " without --yes (stdin is not a terminal)");
        if (!confirm(ctx, "Remove " + what +
                              "? Their share log stays; 'steady undo' brings "
                              "them back.")) {
            ctx.out().say("Kept " + what + ".");
            return;
        }
    }
    auto& journal = ctx.journal_for_write();
    journal.write("remove the partner", [&] {
        partner = require_partner(journal, opt.name);
        store::remove_partner(journal, partner, ctx.time().now);
    });
    print_partner(ctx, "removed", partner,
                  "Removed " + what +
                      ". The log of what was shared with them stays; "
                      "'steady undo' brings them back.");
}

void add_scope_flags(CLI::App& cmd, PartnerOptions& opt, bool editing)
{
    cmd.add_option("--share", opt.share,
                   editing ? "The sections they see: a list or 'all' replaces them; +x adds, -y "
                             "removes (e.g. +triggers,-mood)"
                           : "The sections they see: checkins, mood, cravings, triggers, "
                             "meetings, goals, clocks, or all (default all)")
        ->type_name("SECTIONS");
    cmd.add_flag("--notes", opt.notes, "Let notes and other free text go to them");
    cmd.add_option("--every", opt.every,
                   editing ? "How often they expect a summary: sunday, week, month or never"
                           : "How often they expect a summary: sunday, week or month")
        ->type_name("WHEN");
    cmd.add_option("--alert-after", opt.alert_after,
                   editing ? "Tell them after N days without a check-in (never: not at all)"
                           : "Tell them after N days without a check-in")
        ->type_name("N");
    cmd.add_option("--pgp-key", opt.pgp_key,
                   "Encrypt every share to them to this OpenPGP key: a key file, or a key id, "
                   "fingerprint or address in your GnuPG keyring")
        ->type_name("KEYID|FILE");
}

} // namespace

void register_partner(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<PartnerOptions>();
    auto* cmd = root.add_subcommand("partner", "Accountability partners and what each may see");
    cmd->require_subcommand(0, 1);
    auto* add = cmd->add_subcommand("add", "Add a partner who may receive summaries");
    add->add_option("NAME", opt->name, "What you call them, e.g. Sam")->required();
    add->add_option("--email", opt->email, "Their email address")->type_name("EMAIL")->required();
    add_scope_flags(*add, *opt, false);
    add->callback([opt, &ctx] { run_partner_add(*opt, ctx); });
    auto* list =
        cmd->add_subcommand("list", "Every partner and what they see (as 'steady partner')");
    list->callback([&ctx] { run_partner_list(ctx); });
    auto* edit = cmd->add_subcommand("edit", "Change a partner's name, email or what they see");
    edit->add_option("NAME", opt->name, "The partner's name")->required();
    edit->add_option("--name", opt->new_name, "Their new name")->type_name("NAME");
    edit->add_option("--email", opt->email, "Their new email address")->type_name("EMAIL");
    add_scope_flags(*edit, *opt, true);
    edit->add_flag("--no-notes", opt->no_notes, "Keep notes and other free text from them");
    edit->add_flag("--no-pgp-key", opt->no_pgp_key,
                   "Stop encrypting shares to them (their key stays in steady's keyring)");
    edit->callback([opt, &ctx] { run_partner_edit(*opt, ctx); });
    auto* remove = cmd->add_subcommand("remove", "Remove a partner (their share log stays)");
    remove->add_option("NAME", opt->name, "The partner's name")->required();
    remove->add_flag("-y,--yes", opt->yes, "Do not ask (needed when not on a terminal)");
    remove->callback([opt, &ctx] { run_partner_remove(*opt, ctx); });
    cmd->callback([cmd, &ctx] {
        if (cmd->get_subcommands().empty())
            run_partner_list(ctx);
    });
}

} // namespace steady::app
