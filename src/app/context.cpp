#include "app/context.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "app/output/files.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"

namespace fs = std::filesystem;

namespace steady::app {

namespace {

date::weekday weekday_named(const std::string& name)
{
    static const char* names[] = {"sunday",   "monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday"};
    for (unsigned i = 0; i < 7; ++i)
        if (name == names[i])
            return date::weekday{i};
    throw ConfigError("week_starts must be a weekday name (got '" + name + "')");
}

} // namespace

const char* Context::env(const std::string& name) const
{
    auto it = m_io.env.find(name);
    return it == m_io.env.end() ? nullptr : it->second.c_str();
}

void Context::load_config()
{
    auto where = config::config_path(m_options.config, m_io.env);
    auto loaded = config::load(where.path, where.explicit_path, m_io.env);
    for (const auto& warning : loaded.warnings)
        m_io.err << "steady: warning: " << warning.message << '\n';
    m_config = std::move(loaded.config);
}

const config::Config& Context::config()
{
    if (!m_config)
        load_config();
    return *m_config;
}

const timeutil::TimeContext& Context::time()
{
    if (!m_time) {
        const auto& cfg = config();
        timeutil::TimeContext t;
        t.zone = &timeutil::resolve_zone(cfg.timezone, env("TZ"));
        t.now = timeutil::read_now(env("STEADY_NOW"), *t.zone);
        t.day_start = timeutil::Minutes(cfg.day_starts_at_minutes);
        t.week_start = weekday_named(cfg.week_starts);
        m_time = t;
    }
    return *m_time;
}

void Context::use_config(config::Config config)
{
    m_config = std::move(config);
    m_time.reset();
}

Output& Context::out()
{
    if (!m_out) {
        bool color = false;
        if (m_options.color == "always")
            color = true;
        else if (m_options.color == "auto") {
            // no-color.org: only a value that is not empty turns colour off.
            const char* no_color = env("NO_COLOR");
            color = m_io.out_tty && (no_color == nullptr || *no_color == '\0');
        }
        const char* lang = env("LC_ALL");
        if (!lang || !*lang)
            lang = env("LC_CTYPE");
        if (!lang || !*lang)
            lang = env("LANG");
        std::string locale = domain::to_lower(lang ? lang : "");
        bool utf8 =
            locale.find("utf-8") != std::string::npos || locale.find("utf8") != std::string::npos;
        m_out = std::make_unique<Output>(m_io.out, OutputStyle{color, utf8, m_options.quiet});
    }
    return *m_out;
}

namespace {

// `path` made absolute, so SQLite never reads it as one of its own names:
// ":memory:" would be a journal that vanishes on exit, "file:…" a URI.
fs::path journal_file(const fs::path& path)
{
    return path.is_absolute() ? path : fs::absolute(path);
}

} // namespace

fs::path Context::journal_path()
{
    if (m_options.db) {
        if (m_options.db->empty())
            throw UsageError("--db needs a path to the journal, e.g. --db ~/journal.db");
        return journal_file(*m_options.db);
    }
    if (const char* db = env("STEADY_DB"); db && *db)
        return journal_file(db);
    if (const auto& journal = config().journal)
        return journal_file(*journal);
    if (const char* xdg = env("XDG_DATA_HOME"); xdg && *xdg == '/')
        return fs::path(xdg) / "steady" / "journal.db";
    const char* home = env("HOME");
    if (!home || !*home)
        throw UsageError("cannot find the journal: HOME is not set (use --db PATH or $STEADY_DB)");
    return fs::path(home) / ".local" / "share" / "steady" / "journal.db";
}

fs::path Context::backups_folder()
{
    if (const char* xdg = env("XDG_DATA_HOME"); xdg && *xdg == '/')
        return fs::path(xdg) / "steady" / "backups";
    const char* home = env("HOME");
    if (!home || !*home)
        throw UsageError("cannot find the backup folder: HOME is not set (give a PATH)");
    return fs::path(home) / ".local" / "share" / "steady" / "backups";
}

fs::path Context::keyring_folder(CreateFolder create)
{
    fs::path data;
    if (const char* xdg = env("XDG_DATA_HOME"); xdg && *xdg == '/') {
        data = fs::path(xdg) / "steady";
    } else {
        const char* home = env("HOME");
        if (!home || !*home)
            throw UsageError("cannot find steady's keyring folder: HOME is not set");
        data = fs::path(home) / ".local" / "share" / "steady";
    }
    auto folder = data / "gnupg";
    if (create == CreateFolder::no)
        return folder;
    std::error_code ec;
    for (const auto& dir : {data, folder}) {
        if (fs::is_directory(dir, ec))
            continue;
        fs::create_directories(dir.parent_path(), ec);
        if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
            throw CannotCreateError("cannot create steady's keyring folder '" + dir.string() +
                                    "': " + std::strerror(errno));
    }
    if (::chmod(folder.c_str(), 0700) != 0)
        throw CannotCreateError("cannot make steady's keyring folder '" + folder.string() +
                                "' private: " + std::strerror(errno));
    // It holds public keys only: gpg needs no agent there, and should not
    // leave one running after each command.
    auto conf = folder / "gpg.conf";
    if (!fs::exists(conf, ec)) {
        std::ofstream out(conf);
        out << "# steady's keyring: partners' public keys only\nno-autostart\n";
        out.close();
        if (!out) {
            fs::remove(conf, ec); // a half-written gpg.conf would break every gpg call
            throw CannotCreateError("cannot write '" + conf.string() + "' in steady's keyring");
        }
    }
    return folder;
}

std::optional<fs::path> Context::user_gnupg_home() const
{
    if (const char* home = env("GNUPGHOME"); home && *home)
        return fs::path(home);
    return std::nullopt;
}

store::Journal& Context::journal_for_write()
{
    if (!m_journal || !m_journal_writable) {
        // What a killed import into a new journal left beside it (a hidden
        // temporary journal, most of the import) goes at the next write.
        remove_abandoned_temps(journal_path().parent_path());
        m_journal = store::Journal::open_for_write(journal_path());
        m_journal_writable = true;
    }
    return *m_journal;
}

store::Journal& Context::journal_for_read()
{
    if (m_journal)
        return *m_journal;
    auto path = journal_path();
    if (fs::exists(path)) {
        // An existing journal is opened once, able to write, so a command
        // that reads first and then writes keeps one connection.
        m_journal = store::Journal::open_for_write(path);
        m_journal_writable = true;
    } else {
        m_journal = store::Journal::open_for_read(path);
    }
    return *m_journal;
}

} // namespace steady::app
