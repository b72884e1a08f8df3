#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/peers.hpp"
#include "app/output/share.hpp"
#include "base/error.hpp"
#include "domain/json.hpp"
#include "store/peers.hpp"

namespace steady::app {

namespace {

struct PeersOptions {
    std::vector<std::string> files;
    bool skip_bad = false;
};

struct PeerImport {
    std::string file;
    domain::PeerSummary summary;
    domain::ImportOutcome outcome = domain::ImportOutcome::added;
};

struct PeerBadFile {
    std::string file;
    std::string why; // the whole message, naming the file
    int exit_code = 65;
};

std::string peer_period_text(const timeutil::Period& period)
{
    return timeutil::format_day(period.from) + ".." + timeutil::format_day(period.to);
}

std::string peer_outcome_text(const PeerImport& item)
{
    using domain::ImportOutcome;
    switch (item.outcome) {
    case ImportOutcome::added:
        return "imported";
    case ImportOutcome::unchanged:
        return "already imported; nothing changed";
    case ImportOutcome::replaced:
        return "replaced the older summary of that period";
    case ImportOutcome::kept_newer:
        return "kept the newer summary of that period already imported";
    }
    return "";
}

void print_peer_imports(Context& ctx, const std::vector<PeerImport>& imports,
                        const std::vector<PeerBadFile>& bad)
{
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object().key("imported").begin_array();
        for (const auto& i : imports) {
            json.begin_object();
            json.key("file").value(i.file);
            json.key("mentee").value(i.summary.mentee);
            json.key("period").begin_object();
            json.key("from").value(timeutil::format_day(i.summary.period.from));
            json.key("to").value(timeutil::format_day(i.summary.period.to));
            json.end_object();
            json.key("generated_at").value(timeutil::format_instant(i.summary.generated_at));
            json.key("result").value(domain::import_outcome_name(i.outcome));
            json.end_object();
        }
        json.end_array().key("skipped").begin_array();
        for (const auto& b : bad)
            json.begin_object().key("file").value(b.file).key("error").value(b.why).end_object();
        json.end_array().end_object();
        return;
    }
    int changed = 0;
    for (const auto& i : imports) {
        ctx.out().say(i.file + ": " + share_printable(i.summary.mentee) + ", " +
                      peer_period_text(i.summary.period) + ": " + peer_outcome_text(i));
        changed += i.outcome == domain::ImportOutcome::added ||
                           i.outcome == domain::ImportOutcome::replaced
                       ? 1
                       : 0;
    }
    ctx.out().say(changed == 0 ? std::string("Nothing new to import.")
                               : "'steady peers' shows how everyone is doing.");
}

void run_peers_import(const PeersOptions& opt, Context& ctx)
{
    std::vector<PeerImport> imports;
    std::vector<PeerBadFile> bad;
    for (const auto& file : opt.files) {
        try {
            imports.push_back({file, read_peer_summary(file), {}});
        } catch (const Error& e) {
            if (!opt.skip_bad)
                throw;
            bad.push_back({file, e.what(), e.exit_code()});
        }
    }
    for (const auto& b : bad)
        ctx.io().err << "steady: " << b.why << " (skipped)\n";
    if (imports.empty())
        throw DataError("nothing imported: every file was bad");
    auto& journal = ctx.journal_for_write();
    journal.write("import the summaries", [&] {
        for (auto& i : imports)
            i.outcome = store::save_peer_summary(journal, i.summary, ctx.time().now);
    });
    print_peer_imports(ctx, imports, bad);
}

} // namespace

void register_peers(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<PeersOptions>();
    auto* cmd =
        root.add_subcommand("peers", "Mentees' summaries: who is doing how, who went quiet");
    cmd->require_subcommand(0, 1);
    auto* import_cmd = cmd->add_subcommand(
        "import", "Keep summaries your mentees sent (steady-summary .json files or emails)");
    import_cmd->add_option("FILE", opt->files, "A summary .json file or a saved email (.eml)")
        ->required();
    import_cmd->add_flag("--skip-bad", opt->skip_bad,
                         "Import the good files and name the bad ones, instead of importing none");
    import_cmd->callback([opt, &ctx] { run_peers_import(*opt, ctx); });
    cmd->callback([cmd, &ctx] {
        if (cmd->get_subcommands().empty())
            run_peers_view(ctx);
    });
}

} // namespace steady::app
