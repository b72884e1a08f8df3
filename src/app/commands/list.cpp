#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/common.hpp"
#include "app/output/entries.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/entries.hpp"

namespace steady::app {

namespace {

struct ListOptions {
    std::optional<std::string> kind;
    std::optional<std::string> period;
    std::optional<std::string> tag;
    std::optional<std::string> search;
    int limit = 30;
};

std::vector<std::string> kind_names()
{
    std::vector<std::string> names;
    for (auto kind : domain::all_kinds())
        names.emplace_back(domain::kind_name(kind));
    return names;
}

store::EntryFilter make_filter(const ListOptions& opt, Context& ctx,
                               std::optional<timeutil::Period>& period)
{
    store::EntryFilter filter;
    if (opt.kind) {
        filter.kind = domain::parse_kind(*opt.kind);
        if (!filter.kind)
            throw UsageError("'" + *opt.kind + "' is not a kind of entry (kinds: " +
                             domain::join(kind_names(), ", ") + ")");
    }
    if (opt.period) {
        period = timeutil::parse_period(*opt.period, ctx.time());
        if (!period->all) {
            filter.from = period->from;
            filter.to = period->to;
        }
    }
    if (opt.tag)
        filter.tag = domain::normalize_tag(*opt.tag);
    if (opt.search)
        filter.search = *opt.search;
    if (opt.limit < 0)
        throw UsageError("--limit must be 0 (all) or more (got " + std::to_string(opt.limit) + ")");
    filter.limit = opt.limit;
    return filter;
}

void run_list(const ListOptions& opt, Context& ctx)
{
    std::optional<timeutil::Period> period;
    auto filter = make_filter(opt, ctx, period);
    auto& journal = ctx.journal_for_read();
    if (period && period->all) // "all" starts where the journal does
        journal.read("read the journal", [&] {
            period->from = store::first_entry_day(journal).value_or(ctx.time().today());
        });
    auto& out = ctx.out();
    if (ctx.options().json) {
        domain::JsonWriter json(out.stream());
        json.begin_object();
        json.key("period");
        if (period) {
            json.begin_object();
            json.key("from").value(timeutil::format_day(period->from));
            json.key("to").value(timeutil::format_day(period->to));
            json.end_object();
        } else {
            json.null();
        }
        json.key("entries").begin_array();
        journal.read("list the journal", [&] {
            store::for_each_entry(journal, filter,
                                  [&](const domain::Entry& e) { write_entry_json(json, e); });
        });
        json.end_array();
        json.end_object();
        return;
    }
    Table table({"ID", "DAY", "TIME", "KIND", "DETAILS"});
    journal.read("list the journal", [&] {
        auto names = reference_names(journal);
        store::for_each_entry(journal, filter, [&](const domain::Entry& e) {
            auto time = local_time(e.at, entry_zone(e, *ctx.time().zone)).substr(11);
            table.add({std::to_string(e.id), timeutil::format_day(e.day), time,
                       std::string(domain::kind_name(e.kind)), entry_summary(e, out, &names)});
        });
    });
    if (table.empty()) {
        out.say("Nothing here yet.");
        return;
    }
    table.print(out);
}

} // namespace

void register_list(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<ListOptions>();
    auto* cmd = root.add_subcommand("list", "List entries, newest first");
    cmd->add_option("--kind", opt->kind, "checkin, trigger, craving, meeting, goal_log, lapse")
        ->type_name("KIND");
    cmd->add_option("--period", opt->period, "e.g. 'this week', 'last 30 days', 2026-11")
        ->type_name("PERIOD");
    cmd->add_option("--tag", opt->tag, "Only entries with this tag")->type_name("TAG");
    cmd->add_option("--search", opt->search, "Only entries whose text contains this")
        ->type_name("TEXT");
    cmd->add_option("--limit", opt->limit, "At most N entries (default 30; 0 for all)")
        ->type_name("N");
    cmd->callback([opt, &ctx] { run_list(*opt, ctx); });
}

} // namespace steady::app
