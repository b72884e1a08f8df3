#include <CLI/CLI.hpp>

#include <system_error>

#include "app/commands/commands.hpp"
#include "app/context.hpp"
#include "app/crypt.hpp"
#include "app/output/files.hpp"
#include "base/error.hpp"
#include "domain/backup.hpp"
#include "domain/json.hpp"
#include "domain/text.hpp"
#include "store/backup.hpp"

namespace fs = std::filesystem;

namespace steady::app {

namespace {

struct BackupOptions {
    std::optional<std::string> path;
    bool force = false;
    std::optional<std::string> encrypt_to;
};

// The file name a default backup made now gets, the `n`th in its second;
// encrypted ones end in .gpg.
std::function<std::string(int)> default_names(Context& ctx, const BackupOptions& opt)
{
    const auto& time = ctx.time();
    auto local = time.zone->to_local(time.now);
    std::string suffix = opt.encrypt_to ? std::string(domain::k_encrypted_backup_suffix) : "";
    return [local, suffix](int n) { return domain::backup_name(local, n).file_name() + suffix; };
}

// `plain` encrypted to `to`; a key at fault is a DataError saying so.
std::string encrypted_backup(const PgpRecipient& to, std::string_view plain)
{
    try {
        return encrypt_bytes_to(to, plain, Armor::no);
    } catch (const DataError& e) {
        throw DataError(std::string("cannot encrypt the backup: ") + e.what() +
                        "; nothing was written");
    }
}

// With --encrypt-to KEY, what turns the checked copy into the OpenPGP
// message stored instead: encrypted to KEY of the user's own keyring. The
// key is tried first, so that a key that cannot be used stops the backup
// before the journal is copied at all.
store::BackupTransform backup_encryption(const BackupOptions& opt, Context& ctx)
{
    if (!opt.encrypt_to)
        return {};
    std::string key(domain::trim(*opt.encrypt_to));
    if (key.empty())
        throw UsageError("--encrypt-to needs a key id, fingerprint or address from your keyring");
    PgpRecipient to{Keyring{ctx.user_gnupg_home()}, key};
    encrypted_backup(to, "steady");
    return [to](std::string_view plain) { return encrypted_backup(to, plain); };
}

// What a backup made and removed: for the report.
struct BackupDone {
    store::BackupCopy copy;
    std::optional<std::size_t> kept; // default backups now in the folder, when pruned
    std::vector<fs::path> removed;
};

// Removes default backups in `folder` beyond the newest `keep`, never `made`.
void prune_backups(BackupDone& done, const fs::path& folder, std::size_t keep)
{
    auto made = done.copy.path.filename().string();
    std::vector<std::string> others;
    for (auto& name : store::files_in(folder))
        if (name != made && domain::parse_backup_name(name))
            others.push_back(std::move(name));
    auto remove = domain::backups_to_remove(others, keep > 0 ? keep - 1 : 0);
    done.removed = store::remove_files(folder, remove);
    done.kept = others.size() - done.removed.size() + 1;
}

BackupDone make_backup(const BackupOptions& opt, Context& ctx, const fs::path& journal_path)
{
    auto encrypt = backup_encryption(opt, ctx);
    if (!opt.path) {
        auto folder = ctx.backups_folder();
        auto names = default_names(ctx, opt);
        BackupDone done{
            store::back_up_numbered(ctx.journal_for_read(), folder, names, encrypt), {}, {}};
        prune_backups(done, folder, static_cast<std::size_t>(ctx.config().backup_keep));
        return done;
    }
    if (opt.path->empty())
        throw UsageError("backup needs a file or folder to write to, or no PATH for the default");
    auto target = fs::absolute(*opt.path);
    std::error_code ec;
    if (fs::is_directory(target, ec) || opt.path->back() == '/')
        return {store::back_up_numbered(ctx.journal_for_read(), target, default_names(ctx, opt),
                                        encrypt),
                {},
                {}};
    refuse_the_journal(*opt.path, journal_path, "the backup");
    if (fs::exists(fs::symlink_status(target, ec)) && !opt.force)
        throw CannotCreateError("'" + target.string() +
                                "' already exists; use --force to replace it");
    auto overwrite = opt.force ? store::Overwrite::yes : store::Overwrite::no;
    return {store::back_up(ctx.journal_for_read(), target, overwrite, encrypt), {}, {}};
}

void print_backup(Context& ctx, const BackupOptions& opt, const BackupDone& done)
{
    std::optional<std::string> key;
    if (opt.encrypt_to)
        key = std::string(domain::trim(*opt.encrypt_to));
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object();
        json.key("path").value(done.copy.path.string());
        json.key("bytes").value(static_cast<std::int64_t>(done.copy.bytes));
        json.key("entries").value(done.copy.entries);
        json.key("encrypted_to").value(key);
        json.key("kept");
        done.kept ? json.value(static_cast<std::int64_t>(*done.kept)) : json.null();
        json.key("removed").begin_array();
        for (const auto& path : done.removed)
            json.value(path.string());
        json.end_array().end_object();
        return;
    }
    auto& out = ctx.out();
    auto entries = done.copy.entries;
    out.stream() << "Backed up " << entries << (entries == 1 ? " entry" : " entries") << " to "
                 << done.copy.path.string() << " (" << domain::size_text(done.copy.bytes)
                 << (key ? ", encrypted to " + *key : std::string()) << ").\n";
    if (!done.removed.empty())
        out.say("Removed " + std::to_string(done.removed.size()) + " older backup" +
                (done.removed.size() == 1 ? "" : "s") + "; keeping the newest " +
                std::to_string(*done.kept) + ".");
}

void run_backup(const BackupOptions& opt, Context& ctx)
{
    auto journal_path = ctx.journal_path();
    std::error_code ec;
    if (!fs::exists(journal_path, ec))
        throw NoInputError("no journal at '" + journal_path.string() + "' yet; nothing to back up");
    print_backup(ctx, opt, make_backup(opt, ctx, journal_path));
}

} // namespace

void register_backup(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<BackupOptions>();
    auto* cmd = root.add_subcommand(
        "backup", "Copy the journal safely, even while steady writes to it (default: "
                  "$XDG_DATA_HOME/steady/backups, keeping the newest backup.keep)");
    cmd->add_option("PATH", opt->path,
                    "File to write the backup to, or a folder to put it in (default: the "
                    "backups folder)");
    cmd->add_flag("--force", opt->force, "Replace PATH if it exists");
    cmd->add_option("--encrypt-to", opt->encrypt_to,
                    "Write it as an OpenPGP-encrypted file (.gpg) to this key of your GnuPG "
                    "keyring: a key id, fingerprint or address")
        ->type_name("KEY");
    cmd->callback([opt, &ctx] { run_backup(*opt, ctx); });
}

} // namespace steady::app
