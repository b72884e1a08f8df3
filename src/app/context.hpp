#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/output/output.hpp"
#include "app/run.hpp"
#include "config/config.hpp"
#include "store/journal.hpp"
#include "timeutil/time.hpp"

namespace steady::app {

// The global flags, as parsed.
struct GlobalOptions {
    std::optional<std::string> db;
    std::optional<std::string> config;
    bool json = false;
    std::string color = "auto";
    bool quiet = false;
};

// Whether to make a folder that is missing.
enum class CreateFolder { no, yes };

// What a command gets: the world (streams, environment), the global flags,
// and, loaded on first use, the config, the clock and zone, and the journal.
class Context {
  public:
    Context(Io& io, GlobalOptions& options) : m_io(io), m_options(options) {}

    Io& io() { return m_io; }
    const GlobalOptions& options() const { return m_options; }
    // The environment variable `name`, or nullptr when unset.
    const char* env(const std::string& name) const;

    const config::Config& config();
    // Uses `config` from now on instead of reading the config file: doctor
    // reads the file itself, to report a broken one rather than stop at it.
    void use_config(config::Config config);
    const timeutil::TimeContext& time();
    Output& out();

    std::filesystem::path journal_path();
    // Where `backup` puts backups by default: $XDG_DATA_HOME/steady/backups,
    // else ~/.local/share/steady/backups (whatever journal is in use).
    std::filesystem::path backups_folder();
    // steady's own OpenPGP keyring, partners' public keys: the GnuPG home
    // $XDG_DATA_HOME/steady/gnupg, else ~/.local/share/steady/gnupg; with
    // CreateFolder::yes made (mode 0700, and its parents) when missing, with
    // a gpg.conf that keeps gpg from starting an agent there.
    std::filesystem::path keyring_folder(CreateFolder create);
    // The user's own GnuPG home: $GNUPGHOME, else nullopt (gpg's default,
    // ~/.gnupg).
    std::optional<std::filesystem::path> user_gnupg_home() const;
    // The journal, opened (and created) to write.
    store::Journal& journal_for_write();
    // The journal to read; a missing one reads as empty and is not created.
    store::Journal& journal_for_read();

    // The exit code of a run that did not fail: 0, or 1 when `remind`
    // found something due (SPEC §9).
    int exit_code() const { return m_exit_code; }
    void set_exit_code(int code) { m_exit_code = code; }

  private:
    void load_config();

    Io& m_io;
    GlobalOptions& m_options;
    std::optional<config::Config> m_config;
    std::optional<timeutil::TimeContext> m_time;
    std::unique_ptr<Output> m_out;
    std::optional<store::Journal> m_journal;
    bool m_journal_writable = false;
    int m_exit_code = 0;
};

} // namespace steady::app
