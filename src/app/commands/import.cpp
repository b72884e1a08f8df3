#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/import_csv.hpp"
#include "app/commands/import_json.hpp"
#include "app/context.hpp"
#include "app/crypt.hpp"
#include "app/new_journal.hpp"
#include "base/error.hpp"
#include "domain/json.hpp"
#include "domain/text.hpp"
#include "store/exchange.hpp"

namespace steady::app {

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

// A record of the file, read and checked, waiting to be written.
struct Item {
    std::int64_t index;
    ImportRecord record;
};

// Reading a large file (JSON or CSV, then each record checked and turned
// into a domain value) costs about half what writing its records does, so
// import reads on a thread of its own and writes on this one: the two
// overlap on a machine with two cores. Records pass in file order, in
// batches, through a queue of a few batches, so memory does not grow with
// the file. What the reader throws reaches the writer after every record
// before it, so the first bad record of the file is the one named, as if
// one thread did both; when the writer stops (a record refused), the reader
// is stopped at its next record.
class RecordQueue {
  public:
    struct Stopped {}; // thrown to the reader when the writer has stopped

    // Reader: one more record.
    void push(std::int64_t index, ImportRecord record)
    {
        m_pending.push_back(Item{index, std::move(record)});
        if (m_pending.size() < k_batch)
            return;
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [&] { return m_batches.size() < k_depth || m_stopped; });
        if (m_stopped)
            throw Stopped{};
        m_batches.push_back(std::exchange(m_pending, {}));
        m_ready.notify_one();
    }

    // Reader: no more records; `error` is what ended the reading, if anything.
    void end(std::exception_ptr error)
    {
        std::lock_guard lock(m_mutex);
        if (!m_pending.empty())
            m_batches.push_back(std::exchange(m_pending, {}));
        m_error = std::move(error);
        m_ended = true;
        m_ready.notify_one();
    }

    // Writer: the next batch into `batch`; false after the last. Throws
    // what ended the reading once every record before it has been taken.
    bool pop(std::vector<Item>& batch)
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_batches.empty() || m_ended; });
        if (!m_batches.empty()) {
            batch = std::move(m_batches.front());
            m_batches.pop_front();
            m_room.notify_one();
            return true;
        }
        if (m_error)
            std::rethrow_exception(m_error);
        return false;
    }

    // Writer: no more batches are wanted.
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_room.notify_one();
    }

  private:
    static constexpr std::size_t k_batch = 256;
    static constexpr std::size_t k_depth = 4;
    std::vector<Item> m_pending; // the reader's own
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_room;
    std::deque<std::vector<Item>> m_batches;
    std::exception_ptr m_error;
    bool m_ended = false;
    bool m_stopped = false;
};

void write_records(RecordQueue& queue, store::ImportWriter& writer, ImportCounts& counts);

// Runs `read` (which pushes each record into the queue) on a thread of its
// own while this thread writes what it reads.
template <class Read>
void read_and_write(Read read, store::ImportWriter& writer, ImportCounts& counts)
{
    RecordQueue queue;
    std::thread reader([&] {
        std::exception_ptr error;
        try {
            read(queue);
        } catch (const RecordQueue::Stopped&) { // NOLINT(bugprone-empty-catch): the writer stopped
        } catch (...) {
            error = std::current_exception();
        }
        queue.end(error);
    });
    struct Join { // also when the writer throws
        RecordQueue& queue;
        std::thread& reader;
        ~Join()
        {
            queue.stop();
            reader.join();
        }
    } join{queue, reader};
    write_records(queue, writer, counts);
}

void write_records(RecordQueue& queue, store::ImportWriter& writer, ImportCounts& counts)
{
    std::vector<Item> batch;
    while (queue.pop(batch))
        for (auto& item : batch)
            std::visit(
                [&](auto& record) {
                    if constexpr (std::is_same_v<std::decay_t<decltype(record)>, ImportedPartner>)
                        counts.add(writer.put(record.partner, item.index,
                                              record.keeps_key ? store::ImportWriter::KeepKey::yes
                                                               : store::ImportWriter::KeepKey::no));
                    else
                        counts.add(writer.put(record, item.index));
                },
                item.record);
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
    // Into a journal that does not exist yet, the import makes it aside and
    // gives it its name only when every record is in: a refused file leaves
    // no journal (nor its folders) behind.
    std::optional<NewJournal> fresh;
    if (!opt.dry_run)
        if (auto path = new_journal_path(ctx.journal_path()))
            fresh.emplace(*path);
    auto& journal = opt.dry_run ? ctx.journal_for_read()
                    : fresh     ? fresh->journal()
                                : ctx.journal_for_write();
    store::ready_for_import(journal);
    try {
        journal.write("import " + opt.file, [&] {
            store::ImportWriter writer(journal,
                                       opt.update ? store::Replace::yes : store::Replace::no,
                                       csv ? store::RecordLabel([](std::int64_t line) {
                                           return "line " + std::to_string(line);
                                       })
                                           : store::RecordLabel(json_label));
            const auto& time = ctx.time();
            try {
                read_and_write(
                    [&](RecordQueue& queue) {
                        auto push = [&](std::int64_t index, auto record) {
                            queue.push(index, std::move(record));
                        };
                        if (csv)
                            read_csv_entries(in, time, push);
                        else
                            read_json_records(in, time, push);
                    },
                    writer, counts);
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
    if (fresh)
        fresh->publish();
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
