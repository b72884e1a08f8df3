#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/common.hpp"
#include "app/output/entries.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/clocks.hpp"
#include "store/entries.hpp"

namespace steady::app {

namespace {

struct EditOptions {
    std::string id;
    FieldFlags flags;
    std::optional<std::string> at;
};

// A lapse cannot be moved before its clock started, nor onto a clock that
// started after it, as `clock reset` refuses it (64).
void check_lapse(Context& ctx, store::Journal& journal, const domain::Entry& entry)
{
    if (entry.kind != domain::Kind::lapse)
        return;
    auto clock_id = entry.get_int("clock_id");
    for (const auto& clock : store::list_clocks(journal)) {
        if (clock.id == clock_id && entry.at < clock.started_at)
            throw UsageError("clock '" + clock.name + "' started at " +
                             local_time(clock.started_at, *ctx.time().zone) +
                             "; a lapse cannot come before that");
    }
}

// --clock takes the clock's name, as `clock reset` does, or its id.
void resolve_clock_name(FieldFlags& flags, store::Journal& journal)
{
    auto given = flags.single.find("clock_id");
    if (given == flags.single.end() || !given->second)
        return;
    std::string text(domain::trim(*given->second));
    std::string_view digits = text;
    if (!digits.empty() && digits.front() == '#')
        digits.remove_prefix(1);
    if (digits.empty() || digits.find_first_not_of("0123456789") == std::string_view::npos)
        return; // an id (or nothing): checked as any id is
    auto clock = store::find_clock(journal, text);
    if (!clock)
        throw DataError("no clock named '" + text + "' (see 'steady clock')");
    given->second = std::to_string(clock->id);
}

void run_edit(EditOptions& opt, Context& ctx)
{
    auto id = parse_id(opt.id);
    if (!any_given(opt.flags) && !opt.at)
        throw UsageError("nothing to change; give the fields to change, e.g. --mood 6 or --note");
    auto entry = store::find_entry(ctx.journal_for_read(), id);
    if (!entry)
        throw DataError("no entry #" + std::to_string(id) + " (see 'steady list')");
    if (entry->kind == domain::Kind::lapse) // else apply_fields says it has no --clock
        resolve_clock_name(opt.flags, ctx.journal_for_read());
    apply_fields(opt.flags, *entry, Editing::yes);
    if (opt.at)
        place_entry(ctx, *entry, entry_time(ctx, opt.at));
    domain::validate(*entry);
    auto& journal = ctx.journal_for_write();
    journal.write("save the change", [&] {
        check_lapse(ctx, journal, *entry);
        store::update_entry(journal, *entry, ctx.time().now);
    });
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        write_entry_json(json, *entry);
        return;
    }
    ReferenceNames names;
    journal.read("read the names", [&] { names = reference_names(journal); });
    ctx.out().say("Updated " + std::string(domain::kind_name(entry->kind)) + " #" +
                  std::to_string(entry->id) + ": " + entry_summary(*entry, ctx.out(), &names));
}

} // namespace

void register_edit(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<EditOptions>();
    auto* cmd = root.add_subcommand("edit", "Correct an entry: give the fields to change");
    cmd->add_option("ID", opt->id, "The entry's id (see 'steady list')")->required();
    add_field_flags(*cmd, opt->flags, std::nullopt);
    cmd->add_option("--at,--date", opt->at, "When it happened (or the check-in's day)")
        ->type_name("DATE");
    cmd->callback([opt, &ctx] { run_edit(*opt, ctx); });
}

} // namespace steady::app
