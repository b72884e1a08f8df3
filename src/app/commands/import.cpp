#include <array>
#include <filesystem>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/import_csv.hpp"
#include "app/commands/import_records.hpp"
#include "app/context.hpp"
#include "app/crypt.hpp"
#include "base/error.hpp"
#include "domain/json.hpp"
#include "domain/text.hpp"
#include "store/exchange.hpp"

namespace steady::app {

using nlohmann::json;

namespace {

struct ImportOptions {
    std::string file;
    std::optional<std::string> format;
    bool dry_run = false;
    bool update = false;
};

struct ImportCounts {
    std::int64_t added = 0;
    std::int64_t updated = 0;
    std::int64_t skipped = 0;

    void add(store::Outcome outcome)
    {
        ++(outcome == store::Outcome::added     ? added
           : outcome == store::Outcome::updated ? updated
                                                : skipped);
    }
};

// Thrown at the end of a dry run, so that Journal::write rolls back.
struct DryRunDone {};

// The sections of a steady-journal file, in the order export writes them.
constexpr std::array<const char*, 6> k_sections = {"goals",  "clocks", "partners",
                                                   "shares", "plan",   "entries"};
constexpr std::int64_t k_root_array = 6; // a file that is one array of entries
constexpr int k_position_bits = 40;

std::string json_label(std::int64_t index)
{
    auto section = index >> k_position_bits;
    auto position = std::to_string(index & ((std::int64_t{1} << k_position_bits) - 1));
    if (section == k_root_array)
        return "[" + position + "]";
    return std::string(k_sections.at(static_cast<std::size_t>(section))) + "[" + position + "]";
}

template <class Convert> auto labelled(const std::string& label, Convert convert)
{
    try {
        return convert();
    } catch (const DataError& e) {
        throw DataError(label + ": " + e.what());
    }
}

// Reads a steady-journal file as it streams past, one record at a time, and
// hands each to `writer`: the file is never held in memory.
class JsonImport {
  public:
    JsonImport(const timeutil::TimeContext& time, store::ImportWriter& writer, ImportCounts& counts)
        : m_time(time), m_writer(writer), m_counts(counts)
    {
    }

    bool event(int depth, json::parse_event_t event, json& parsed)
    {
        using E = json::parse_event_t;
        if (depth == 0 && (event == E::object_start || event == E::array_start)) {
            m_root = event == E::object_start ? Root::object : Root::array;
            m_section = m_root == Root::array ? k_root_array : -1;
            return true;
        }
        if (depth == 0 && event == E::value)
            throw DataError("not a steady journal export (a JSON object is expected)");
        int record_depth = m_root == Root::array ? 1 : 2;
        if (m_root == Root::object && depth == 1)
            return top_level(event, parsed);
        if (depth == record_depth && event == E::value)
            throw DataError(json_label(index()) + " is not an object");
        if (depth == record_depth && event == E::object_end) {
            record(parsed);
            ++m_position;
            return false;
        }
        return true;
    }

    void finish() const
    {
        if (m_root == Root::object && !m_format_seen)
            throw DataError("not a steady journal export (\"format\": \"steady-journal\" is "
                            "missing)");
    }

  private:
    enum class Root { none, object, array };

    std::int64_t index() const { return (m_section << k_position_bits) | m_position; }

    bool top_level(json::parse_event_t event, json& parsed)
    {
        using E = json::parse_event_t;
        if (event == E::key) {
            m_key = parsed.get<std::string>();
            return true;
        }
        if (event == E::value) {
            top_level_value(parsed);
            return false;
        }
        if (event == E::array_start) {
            auto found = std::find_if(k_sections.begin(), k_sections.end(),
                                      [&](const char* name) { return m_key == name; });
            if (found == k_sections.end())
                throw DataError("unknown section '" + m_key + "'");
            m_section = found - k_sections.begin();
            m_position = 0;
            return true;
        }
        if (event == E::object_start)
            throw DataError("unknown section '" + m_key + "'");
        return event != E::array_end && event != E::object_end;
    }

    void top_level_value(const json& value)
    {
        if (m_key == "format") {
            if (value != "steady-journal")
                throw DataError("not a steady journal export (format " + value.dump() +
                                ", expected \"steady-journal\")");
            m_format_seen = true;
        } else if (m_key == "version") {
            if (!value.is_number_integer() || value.get<std::int64_t>() < 1)
                throw DataError("version must be 1 (got " + value.dump() + ")");
            if (value.get<std::int64_t>() > 1)
                throw DataError("written by a newer steady (version " + value.dump() +
                                "; this one reads version 1): update steady to import it");
        }
    }

    void record(const json& parsed)
    {
        auto idx = index();
        auto label = json_label(idx);
        switch (m_section) {
        case 0: {
            auto goal = labelled(label, [&] { return goal_from_json(parsed, m_time); });
            m_counts.add(m_writer.put(goal, idx));
            break;
        }
        case 1: {
            auto clock = labelled(label, [&] { return clock_from_json(parsed, m_time); });
            m_counts.add(m_writer.put(clock, idx));
            break;
        }
        case 2: {
            auto partner = labelled(label, [&] { return partner_from_json(parsed, m_time); });
            // No pgp_fingerprint at all keeps a stored key; only null clears it.
            auto keep = parsed.is_object() && !parsed.contains("pgp_fingerprint")
                            ? store::ImportWriter::KeepKey::yes
                            : store::ImportWriter::KeepKey::no;
            m_counts.add(m_writer.put(partner, idx, keep));
            break;
        }
        case 3: {
            auto share = labelled(label, [&] { return share_from_json(parsed, m_time); });
            m_counts.add(m_writer.put(share, idx));
            break;
        }
        case 4: {
            auto item = labelled(label, [&] { return plan_item_from_json(parsed, m_time); });
            m_counts.add(m_writer.put(item, idx));
            break;
        }
        default: {
            auto entry = labelled(label, [&] { return entry_from_json(parsed, m_time); });
            m_counts.add(m_writer.put(entry, idx));
        }
        }
    }

    const timeutil::TimeContext& m_time;
    store::ImportWriter& m_writer;
    ImportCounts& m_counts;
    Root m_root = Root::none;
    std::string m_key;
    std::int64_t m_section = -1;
    std::int64_t m_position = 0;
    bool m_format_seen = false;
};

// "[json.exception.parse_error.101] parse error at line 3, …" without the bracket.
std::string parse_error_text(const json::exception& e)
{
    std::string text = e.what();
    auto close = text.find("] ");
    return close == std::string::npos ? text : text.substr(close + 2);
}

void import_json_file(std::istream& in, Context& ctx, store::ImportWriter& writer,
                      ImportCounts& counts)
{
    JsonImport reader(ctx.time(), writer, counts);
    try {
        auto discarded = json::parse(in, [&](int depth, json::parse_event_t event, json& parsed) {
            return reader.event(depth, event, parsed);
        });
        (void)discarded;
    } catch (const json::exception& e) {
        throw DataError("not valid JSON: " + parse_error_text(e));
    }
    reader.finish();
}

void import_csv_file(std::istream& in, Context& ctx, store::ImportWriter& writer,
                     ImportCounts& counts)
{
    read_csv_records(in, [&](const json& record, std::int64_t line) {
        auto entry = labelled("line " + std::to_string(line),
                              [&] { return entry_from_json(record, ctx.time()); });
        counts.add(writer.put(entry, line));
    });
}

bool is_csv(const ImportOptions& opt)
{
    if (!opt.format) {
        std::filesystem::path name(opt.file);
        auto extension = domain::to_lower(name.extension().string());
        if (extension == ".gpg" || extension == ".pgp" || extension == ".asc")
            extension = domain::to_lower(name.stem().extension().string());
        return extension == ".csv";
    }
    auto format = domain::to_lower(domain::trim(*opt.format));
    if (format != "json" && format != "csv")
        throw UsageError("--format must be json or csv (got '" + *opt.format + "')");
    return format == "csv";
}

void print_counts(Context& ctx, const ImportOptions& opt, const ImportCounts& counts)
{
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object();
        json.key("file").value(opt.file);
        json.key("dry_run").value(opt.dry_run);
        json.key("added").value(counts.added);
        json.key("updated").value(counts.updated);
        json.key("skipped").value(counts.skipped);
        json.end_object();
        return;
    }
    auto n = [](std::int64_t count) { return std::to_string(count); };
    if (opt.dry_run)
        ctx.out().stream() << "Would add " << n(counts.added) << ", update " << n(counts.updated)
                           << ", skip " << n(counts.skipped)
                           << " (dry run: nothing was written).\n";
    else
        ctx.out().say("Imported " + opt.file + ": added " + n(counts.added) + ", updated " +
                      n(counts.updated) + ", skipped " + n(counts.skipped) + " already there.");
}

// When `in` (the file `path`) is an OpenPGP message, its decryption,
// started: through the user's own gpg-agent; else nullptr.
std::unique_ptr<PgpDecryption> start_decryption(Context& ctx, const std::string& path,
                                                std::ifstream& in)
{
    std::string head(64, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    in.clear();
    in.seekg(0);
    if (!is_openpgp_message(head))
        return nullptr;
    return std::make_unique<PgpDecryption>(Keyring{ctx.user_gnupg_home()}, path);
}

// Reads the records of `in` into the journal, in one transaction; with
// `decryption`, `in` is its plain text, and the transaction is rolled back
// unless all of it decrypted and checked.
void import_records(const ImportOptions& opt, Context& ctx, std::istream& in,
                    PgpDecryption* decryption, bool csv, ImportCounts& counts)
{
    auto& journal = opt.dry_run ? ctx.journal_for_read() : ctx.journal_for_write();
    store::ready_for_import(journal);
    try {
        journal.write("import " + opt.file, [&] {
            store::ImportWriter writer(journal,
                                       opt.update ? store::Replace::yes : store::Replace::no,
                                       csv ? store::RecordLabel([](std::int64_t line) {
                                           return "line " + std::to_string(line);
                                       })
                                           : store::RecordLabel(json_label));
            try {
                if (csv)
                    import_csv_file(in, ctx, writer, counts);
                else
                    import_json_file(in, ctx, writer, counts);
            } catch (...) {
                if (decryption)
                    decryption->stop(); // a message cut short: its error, not the reader's
                throw;
            }
            if (decryption)
                decryption->finish();
            writer.finish();
            if (opt.dry_run)
                throw DryRunDone{};
        });
    } catch (const DryRunDone&) { // NOLINT(bugprone-empty-catch): rolled back on purpose
    }
}

void run_import(const ImportOptions& opt, Context& ctx)
{
    bool csv = is_csv(opt);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(opt.file, ec))
        throw NoInputError(std::filesystem::exists(opt.file, ec)
                               ? "'" + opt.file + "' is not a file"
                               : "no file '" + opt.file + "'");
    std::ifstream file(opt.file, std::ios::binary);
    if (!file)
        throw NoInputError("cannot read '" + opt.file + "'");
    ImportCounts counts;
    try {
        auto decryption = start_decryption(ctx, opt.file, file);
        std::istream& in = decryption ? decryption->plain() : file;
        if (in.peek() == std::char_traits<char>::eof()) {
            if (decryption)
                decryption->finish(); // why there is nothing: the key, most likely
            throw DataError("the file is empty");
        }
        import_records(opt, ctx, in, decryption.get(), csv, counts);
    } catch (const DataError& e) {
        throw DataError(opt.file + ": " + e.what() + "; nothing was imported");
    }
    print_counts(ctx, opt, counts);
}

} // namespace

void register_import(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<ImportOptions>();
    auto* cmd = root.add_subcommand("import", "Bring records in from a json export or a csv file "
                                              "(all or nothing, idempotent)");
    cmd->add_option("FILE", opt->file, "The file: a steady export, or records written by hand")
        ->required();
    cmd->add_option("--format", opt->format, "json or csv (default: by the file's extension)")
        ->type_name("FORMAT");
    cmd->add_flag("--dry-run", opt->dry_run,
                  "Say what would be added, updated and skipped; "
                  "write nothing");
    cmd->add_flag("--update", opt->update,
                  "Let a record replace the stored one with its uuid but other content");
    cmd->callback([opt, &ctx] { run_import(*opt, ctx); });
}

} // namespace steady::app
