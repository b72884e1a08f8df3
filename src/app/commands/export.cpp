#include <functional>
#include <optional>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/export.hpp"
#include "app/commands/partner.hpp"
#include "app/crypt.hpp"
#include "app/output/export.hpp"
#include "app/output/files.hpp"
#include "app/output/journal_json.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/entries.hpp"
#include "store/exchange.hpp"
#include "store/plan.hpp"

namespace steady::app {

namespace {

struct ExportOptions {
    std::optional<std::string> format;
    std::optional<std::string> kind;
    std::optional<std::string> period;
    std::optional<std::string> output;
    std::optional<std::string> encrypt_to;
};

enum class ExportFormat { json, csv, markdown, ics };

ExportFormat parse_export_format(const std::optional<std::string>& text)
{
    if (!text)
        return ExportFormat::json;
    auto lower = domain::to_lower(domain::trim(*text));
    if (lower == "json")
        return ExportFormat::json;
    if (lower == "csv")
        return ExportFormat::csv;
    if (lower == "markdown" || lower == "md")
        return ExportFormat::markdown;
    if (lower == "ics")
        return ExportFormat::ics;
    throw UsageError("--format must be json, csv, markdown or ics (got '" + *text + "')");
}

store::EntryFilter export_filter(const ExportOptions& opt, Context& ctx, ExportFormat format)
{
    store::EntryFilter filter;
    filter.limit = 0;
    filter.order =
        format == ExportFormat::markdown ? store::EntryOrder::by_day : store::EntryOrder::by_id;
    if (opt.kind) {
        filter.kind = domain::parse_kind(*opt.kind);
        if (!filter.kind)
            throw UsageError("'" + *opt.kind +
                             "' is not a kind of entry (kinds: checkin, trigger, craving, "
                             "meeting, goal_log, lapse)");
    }
    if (format == ExportFormat::csv && !filter.kind)
        throw UsageError("a csv export holds one kind: add --kind (checkin, trigger, craving, "
                         "meeting, goal_log or lapse)");
    if (opt.period) {
        auto period = timeutil::parse_period(*opt.period, ctx.time());
        if (!period.all) {
            filter.from = period.from;
            filter.to = period.to;
        }
    }
    return filter;
}

// One record as a compact JSON object on a line of its own.
template <class T, class Write>
void write_line_record(domain::JsonWriter& json, std::ostringstream& line, const T& record,
                       Write write)
{
    line.str({});
    domain::JsonWriter compact(line, false);
    write(compact, record);
    json.raw(line.view());
}

// The plan, section by section, each section's items in order.
void write_plan_records(domain::JsonWriter& json, std::ostringstream& line, store::Journal& journal)
{
    json.key("plan").begin_array();
    for (const auto& item : store::list_plan(journal))
        write_line_record(json, line, item, write_journal_plan_item);
    json.end_array();
}

std::int64_t export_json(std::ostream& out, Context& ctx, store::Journal& journal,
                         const store::EntryFilter& filter)
{
    domain::JsonWriter json(out);
    std::ostringstream line;
    std::int64_t count = 0;
    json.begin_object();
    json.key("format").value("steady-journal");
    json.key("version").value(1);
    json.key("exported_at").value(timeutil::format_instant(ctx.time().now));
    json.key("goals").begin_array();
    store::for_each_goal(
        journal, [&](const auto& g) { write_line_record(json, line, g, write_journal_goal); });
    json.end_array().key("clocks").begin_array();
    store::for_each_clock(
        journal, [&](const auto& c) { write_line_record(json, line, c, write_journal_clock); });
    json.end_array().key("partners").begin_array();
    store::for_each_partner(
        journal, [&](const auto& p) { write_line_record(json, line, p, write_partner_json); });
    json.end_array().key("shares").begin_array();
    store::for_each_share(
        journal, [&](const auto& s) { write_line_record(json, line, s, write_journal_share); });
    json.end_array();
    write_plan_records(json, line, journal);
    json.key("entries").begin_array();
    store::for_each_entry(journal, filter, [&](const domain::Entry& e) {
        write_line_record(json, line, e, write_journal_entry);
        ++count;
    });
    json.end_array();
    json.end_object();
    return count;
}

std::int64_t export_csv(std::ostream& out, store::Journal& journal,
                        const store::EntryFilter& filter)
{
    std::int64_t count = 0;
    write_csv_record(out, csv_columns(*filter.kind));
    store::for_each_entry(journal, filter, [&](const domain::Entry& e) {
        write_csv_record(out, csv_cells(e));
        ++count;
    });
    return count;
}

std::int64_t export_markdown(std::ostream& out, Context& ctx, store::Journal& journal,
                             const store::EntryFilter& filter)
{
    MarkdownJournal markdown(out, *ctx.time().zone, reference_names(journal));
    auto from = filter.from.value_or(store::first_entry_day(journal).value_or(ctx.time().today()));
    markdown.title(from, filter.to.value_or(ctx.time().today()));
    std::int64_t count = 0;
    store::for_each_entry(journal, filter, [&](const domain::Entry& e) {
        markdown.add(e);
        ++count;
    });
    return count;
}

std::int64_t write_export(std::ostream& out, Context& ctx, store::Journal& journal,
                          ExportFormat format, const store::EntryFilter& filter)
{
    switch (format) {
    case ExportFormat::json:
        return export_json(out, ctx, journal, filter);
    case ExportFormat::csv:
        return export_csv(out, journal, filter);
    case ExportFormat::markdown:
        return export_markdown(out, ctx, journal, filter);
    case ExportFormat::ics: {
        auto events = ics_events(ctx, journal);
        write_ics(out, events, ctx.time().now);
        return static_cast<std::int64_t>(events.size());
    }
    }
    return 0;
}

std::string counted(std::int64_t count, ExportFormat format)
{
    bool one = count == 1;
    if (format == ExportFormat::ics)
        return std::to_string(count) + (one ? " event" : " events");
    return std::to_string(count) + (one ? " entry" : " entries");
}

// Encrypts what `write` writes to the stream it is given to `to`, writing
// the binary OpenPGP message to `out` as it is made; nothing is held whole.
// When writing to `out` fails, `report` throws that failure.
void encrypt_export(const PgpRecipient& to, std::ostream& out,
                    const std::function<void(std::ostream&)>& write,
                    const std::function<void()>& report)
{
    try {
        PgpEncryption encryption(to, Armor::no, out);
        try {
            write(encryption.plain());
            encryption.finish();
        } catch (...) {
            encryption.stop(); // throws GnuPG's error when it stopped first (the key)
            if (!out)
                report();
            throw;
        }
    } catch (const DataError& e) {
        throw DataError(std::string("cannot encrypt the export: ") + e.what() +
                        "; nothing was written");
    }
    if (!out)
        report();
}

// --encrypt-to KEY: the export, encrypted as it is made to KEY of the
// user's keyring (binary OpenPGP), written to --output or stdout.
void run_encrypted_export(const ExportOptions& opt, Context& ctx, ExportFormat format,
                          const store::EntryFilter& filter)
{
    std::string key(domain::trim(*opt.encrypt_to));
    if (key.empty())
        throw UsageError("--encrypt-to needs a key id, fingerprint or address from your keyring");
    if (!opt.output && ctx.io().out_tty)
        throw UsageError("an encrypted export is binary; write it to a file with --output "
                         "FILE.gpg, or pipe it");
    auto& journal = ctx.journal_for_read();
    std::optional<AtomicFile> file;
    if (opt.output)
        file.emplace(*opt.output);
    auto& out = file ? file->stream() : ctx.out().stream();
    auto report = [&] {
        if (file)
            file->commit(); // throws, naming the file, as the stream has failed
        throw JournalError("could not write the export to stdout");
    };
    std::int64_t count = 0;
    encrypt_export(
        {Keyring{ctx.user_gnupg_home()}, key}, out,
        [&](std::ostream& plain) {
            journal.read("export the journal",
                         [&] { count = write_export(plain, ctx, journal, format, filter); });
        },
        report);
    if (!file) {
        if (!out.flush())
            report();
        return;
    }
    file->commit();
    ctx.out().say("Wrote " + counted(count, format) + " to " + *opt.output + ", encrypted to " +
                  key + ".");
}

void run_export(const ExportOptions& opt, Context& ctx)
{
    auto format = parse_export_format(opt.format);
    auto filter = export_filter(opt, ctx, format);
    if (opt.output)
        refuse_the_journal(*opt.output, ctx.journal_path(), "the export");
    if (opt.encrypt_to)
        return run_encrypted_export(opt, ctx, format, filter);
    auto& journal = ctx.journal_for_read();
    std::int64_t count = 0;
    if (!opt.output) {
        auto& out = ctx.out().stream();
        journal.read("export the journal",
                     [&] { count = write_export(out, ctx, journal, format, filter); });
        if (!out.flush())
            throw JournalError("could not write the export to stdout");
        return;
    }
    AtomicFile file(*opt.output);
    journal.read("export the journal",
                 [&] { count = write_export(file.stream(), ctx, journal, format, filter); });
    file.commit();
    ctx.out().say("Wrote " + counted(count, format) + " to " + *opt.output + ".");
}

} // namespace

void register_export(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<ExportOptions>();
    auto* cmd = root.add_subcommand("export", "Write the journal out: json (all of it, to "
                                              "import again), csv, markdown or ics");
    cmd->add_option("--format", opt->format, "json (default), csv, markdown or ics")
        ->type_name("FORMAT");
    cmd->add_option("--kind", opt->kind,
                    "Only this kind of entry (required for csv): checkin, trigger, craving, "
                    "meeting, goal_log, lapse")
        ->type_name("KIND");
    cmd->add_option("--period", opt->period, "Only entries of this period, e.g. 2026, 'last month'")
        ->type_name("PERIOD");
    cmd->add_option("--output", opt->output,
                    "Write to this file (atomically, mode 0600), not "
                    "stdout")
        ->type_name("FILE");
    cmd->add_option("--encrypt-to", opt->encrypt_to,
                    "Encrypt it (binary OpenPGP, e.g. --output journal.json.gpg) to this key of "
                    "your GnuPG keyring: a key id, fingerprint or address")
        ->type_name("KEY");
    cmd->callback([opt, &ctx] { run_export(*opt, ctx); });
}

} // namespace steady::app
