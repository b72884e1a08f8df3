#include <CLI/CLI.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <system_error>

#include "app/commands/commands.hpp"
#include "app/commands/doctor.hpp"
#include "app/context.hpp"
#include "base/error.hpp"
#include "config/config.hpp"
#include "domain/backup.hpp"
#include "store/backup.hpp"

namespace fs = std::filesystem;

namespace steady::app {

namespace {

// Reads the config as every command does, but a broken one is a finding and
// the defaults are used from here on.
ConfigFinding doctor_config(Context& ctx)
{
    ConfigFinding found;
    auto where = config::config_path(ctx.options().config, ctx.io().env);
    found.path = where.path;
    std::error_code ec;
    found.exists = !where.path.empty() && fs::exists(where.path, ec);
    try {
        auto loaded = config::load(where, ctx.io().env);
        for (const auto& warning : loaded.warnings)
            found.warnings.push_back(warning.message);
        ctx.use_config(std::move(loaded.config));
    } catch (const Error& e) {
        if (e.exit_code() != 78 && e.exit_code() != 66)
            throw;
        found.problem = e.what();
        found.problem_code = e.exit_code();
        ctx.use_config(config::Config{});
    }
    return found;
}

// The zone in effect and where it came from. A zone the config names but the
// system lacks is a config problem; the rest of the check goes on without it.
void doctor_zone(Context& ctx, DoctorFindings& found)
{
    try {
        ctx.time();
    } catch (const ConfigError& e) {
        if (!found.config.problem) {
            found.config.problem = e.what();
            found.config.problem_code = 78;
        }
        auto fallback = ctx.config();
        fallback.timezone.reset();
        ctx.use_config(fallback);
    }
    found.zone = ctx.time().zone->name();
    const char* tz = ctx.env("TZ");
    found.zone_source = ctx.config().timezone ? "config" : (tz && *tz ? "TZ" : "system");
}

std::optional<unsigned> permission_bits(const fs::path& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    return static_cast<unsigned>(st.st_mode) & 07777U;
}

// `path` as a shell word: unchanged when safe, else in single quotes.
std::string quoted_for_shell(const std::string& path)
{
    bool safe = !path.empty() &&
                path.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
                                       "OPQRSTUVWXYZ0123456789_./+:@,%-") == std::string::npos;
    if (safe)
        return path;
    std::string quoted = "'";
    for (char c : path)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// Flags `path` when group or others have any access to it.
void check_private(DoctorFindings& found, const fs::path& path, unsigned wanted)
{
    auto mode = permission_bits(path);
    if (!mode || (*mode & 077U) == 0)
        return;
    char octal[8];
    std::snprintf(octal, sizeof octal, "%o", wanted);
    found.too_open.push_back(
        {path, *mode, "chmod " + std::string(octal) + " " + quoted_for_shell(path.string())});
}

void doctor_modes(DoctorFindings& found)
{
    found.journal_mode = permission_bits(found.journal);
    found.folder_mode = permission_bits(found.journal.parent_path());
    if (!found.health.exists)
        return;
    check_private(found, found.journal, 0600);
    for (const char* side : {"-wal", "-shm"})
        check_private(found, found.journal.string() + side, 0600);
    check_private(found, found.journal.parent_path(), 0700);
}

void doctor_backups(Context& ctx, DoctorFindings& found)
{
    found.backups_folder = ctx.backups_folder();
    std::optional<domain::BackupName> newest;
    for (const auto& file : store::files_in(found.backups_folder))
        if (auto name = domain::parse_backup_name(file); name && (!newest || *newest < *name))
            newest = name;
    if (!newest)
        return;
    found.last_backup = found.backups_folder / newest->file_name();
    const auto& time = ctx.time();
    found.backup_age_seconds = (time.now - time.zone->to_sys(newest->made)).count();
}

void doctor_warnings(DoctorFindings& found)
{
    const auto& health = found.health;
    if (health.exists && !health.damage && health.schema_version > store::k_schema_version)
        found.warnings.push_back("the journal was written by a newer steady (schema " +
                                 std::to_string(health.schema_version) + "); upgrade steady");
    for (const auto& warning : found.config.warnings)
        found.warnings.push_back(warning);
}

void run_doctor(Context& ctx)
{
    DoctorFindings found;
    found.config = doctor_config(ctx);
    doctor_zone(ctx, found);
    found.journal = ctx.journal_path();
    found.health = store::inspect_journal(found.journal);
    doctor_modes(found);
    doctor_backups(ctx, found);
    doctor_warnings(found);
    if (ctx.options().json)
        print_doctor_json(ctx.out(), found);
    else
        print_doctor_text(ctx.out(), found);
    if (found.health.corrupt())
        throw JournalError("the journal '" + found.journal.string() +
                           "' is damaged; restore a backup (check one with 'steady --db BACKUP "
                           "list', then copy it over the journal)");
    if (found.config.problem && found.config.problem_code == 66)
        throw NoInputError(*found.config.problem);
    if (found.config.problem)
        throw ConfigError(*found.config.problem);
}

} // namespace

void register_doctor(CLI::App& root, Context& ctx)
{
    auto* cmd = root.add_subcommand(
        "doctor", "Check the journal (integrity, schema, permissions), the config, the time "
                  "zone and backups; never writes");
    cmd->callback([&ctx] { run_doctor(ctx); });
}

} // namespace steady::app
