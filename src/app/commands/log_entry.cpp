#include "app/commands/log_entry.hpp"

#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/output/entries.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/entries.hpp"

namespace steady::app {

namespace {

// Refuses an empty required text (WHAT, NAME) in words that fit the kind.
void check_not_empty(const LogOptions& opt, const domain::Entry& entry)
{
    for (const auto& field : domain::fields()) {
        auto given = opt.flags.single.find(std::string(field.name));
        if (!field.required(entry.kind) || given == opt.flags.single.end() || !given->second ||
            !std::holds_alternative<std::monostate>(entry.get(field.name)))
            continue;
        if (entry.kind == domain::Kind::trigger)
            throw UsageError("say what the trigger was, e.g. "
                             "'steady trigger \"walked past my old bar\"' (WHAT was empty)");
        if (entry.kind == domain::Kind::meeting)
            throw UsageError("say which meeting it was, e.g. "
                             "'steady meeting \"Tuesday NA\"' (NAME was empty)");
        throw UsageError(std::string(field.name) + " must not be empty (" +
                         std::string(field.help) + ")");
    }
}

// A craving's --trigger must name a trigger; saying what the entry is instead
// helps more than "no trigger #4" when the id was simply mistyped.
void check_trigger_link(store::Journal& journal, const domain::Entry& entry)
{
    auto id = entry.get_int("trigger");
    if (!id)
        return;
    auto target = store::find_entry(journal, *id);
    if (target && target->kind != domain::Kind::trigger)
        throw DataError("#" + std::to_string(*id) + " is a " +
                        std::string(domain::kind_name(target->kind)) +
                        ", not a trigger (see 'steady list --kind trigger')");
}

// "" when the entry happened now; " for 2026-11-21 22:10" (or the day alone
// for --at with a day only) when --at placed it elsewhere in time.
std::string when_logged(Context& ctx, const domain::Entry& entry, const timeutil::DateInput& when)
{
    if (entry.at == ctx.time().now)
        return "";
    if (!when.has_time)
        return " for " + timeutil::format_day(entry.day);
    return " for " + local_time(entry.at, *ctx.time().zone);
}

} // namespace

void add_log_flags(CLI::App& cmd, LogOptions& opt, domain::Kind kind, std::string_view positional)
{
    if (!positional.empty()) {
        const auto* field = domain::find_field(positional);
        std::string label = domain::to_upper(positional);
        cmd.add_option(label, opt.flags.single[std::string(positional)], std::string(field->help))
            ->required();
    }
    add_field_flags(cmd, opt.flags, kind, positional);
    cmd.add_option("--at", opt.at, "When it happened (default now), e.g. 'yesterday 22:10'")
        ->type_name("DATE");
}

domain::Entry log_entry(Context& ctx, LogOptions& opt, domain::Kind kind)
{
    domain::Entry entry;
    entry.kind = kind;
    auto when = entry_time(ctx, opt.at);
    place_entry(ctx, entry, when);
    apply_fields(opt.flags, entry);
    check_not_empty(opt, entry);
    domain::validate(entry);
    if (auto id = entry.get_int("trigger"); id && !std::filesystem::exists(ctx.journal_path()))
        throw DataError("no trigger #" + std::to_string(*id) + " (nothing has been logged yet)");
    auto& journal = ctx.journal_for_write();
    std::string doing = "save the " + std::string(domain::kind_name(kind));
    journal.write(doing, [&] {
        check_trigger_link(journal, entry);
        store::add_entry(journal, entry, ctx.time().now);
    });
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        write_entry_json(json, entry);
    } else {
        ctx.out().say("Logged " + std::string(domain::kind_name(kind)) + " #" +
                      std::to_string(entry.id) + when_logged(ctx, entry, when) + ": " +
                      entry_summary(entry, ctx.out()));
    }
    return entry;
}

} // namespace steady::app
