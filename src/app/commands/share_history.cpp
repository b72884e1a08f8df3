#include <filesystem>

#include "app/commands/partner.hpp"
#include "app/commands/share.hpp"
#include "app/output/entries.hpp"
#include "base/error.hpp"
#include "store/partners.hpp"
#include "store/shares.hpp"

namespace steady::app {

namespace {

void write_history_json(Context& ctx, const std::vector<domain::ShareRecord>& records)
{
    domain::JsonWriter json(ctx.out().stream());
    json.begin_object().key("shares").begin_array();
    for (const auto& r : records) {
        json.begin_object();
        json.key("id").value(r.id);
        json.key("partner").begin_object();
        json.key("id").value(r.partner_id);
        json.key("name").value(r.partner_name);
        json.end_object();
        json.key("at").value(timeutil::format_instant(r.at));
        json.key("what").value(r.what);
        json.key("period");
        if (r.period) {
            json.begin_object();
            json.key("from").value(timeutil::format_day(r.period->from));
            json.key("to").value(timeutil::format_day(r.period->to));
            json.end_object();
        } else {
            json.null();
        }
        json.key("format").value(r.format);
        json.key("sha256").value(r.sha256);
        json.key("delivered").value(r.delivered);
        json.key("encrypted").value(r.encrypted);
        json.end_object();
    }
    json.end_array().end_object();
}

} // namespace

void run_share_history(const ShareOptions& opt, Context& ctx)
{
    if (opt.positional_period || opt.period || opt.format || opt.output || opt.message || opt.notes)
        throw UsageError("--history takes at most a partner's name, no period or other flags");
    std::vector<domain::ShareRecord> records;
    if (std::filesystem::exists(ctx.journal_path())) {
        auto& journal = ctx.journal_for_read();
        journal.read("read the share log", [&] {
            records = store::share_history(journal, opt.partner);
            if (opt.partner && records.empty())
                require_partner(journal, *opt.partner);
        });
    } else if (opt.partner) {
        throw DataError("no partner named '" + *opt.partner + "' (no partners yet)");
    }
    if (ctx.options().json)
        return write_history_json(ctx, records);
    if (records.empty()) {
        ctx.out().say(opt.partner ? "Nothing shared with " + *opt.partner + " yet."
                                  : std::string("Nothing shared yet."));
        return;
    }
    Table table({"WHEN", "PARTNER", "PERIOD", "FORMAT", "SENT", "ENCRYPTED", "SHA256"});
    for (const auto& r : records)
        table.add({local_time(r.at, *ctx.time().zone), r.partner_name,
                   r.period ? timeutil::format_day(r.period->from) + ".." +
                                  timeutil::format_day(r.period->to)
                            : "-",
                   r.what == "alert" ? "alert" : r.format, r.delivered ? "yes" : "no",
                   r.encrypted ? "yes" : "no", r.sha256.substr(0, 12)});
    table.print(ctx.out());
}

} // namespace steady::app
