#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/entry.hpp"
#include "support/journal_files.hpp"

namespace steady::test {

// What one run of steady gave back.
struct RunResult {
    int exit_code = 0;
    std::string out;
    std::string err;
};

// A fresh, private temporary folder, removed with everything in it when the
// object goes.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

// steady as a user meets it, run in-process through app::run() with a fixed
// clock and zone, a journal in a temporary folder (which is also HOME), no
// config unless one is given, and LANG=C.UTF-8. Tests change `now`, `stdin`,
// the tty flags and `env` between runs as a user would between commands.
class TestApp {
  public:
    // `now` is $STEADY_NOW, `tz` is $TZ; `config` (TOML text), when given, is
    // written to a file named by $STEADY_CONFIG.
    TestApp(std::string now_text, std::string tz_name,
            std::optional<std::string> config = std::nullopt);

    // Runs `steady args…` and returns its exit code, stdout and stderr.
    RunResult run(const std::vector<std::string>& args);

    // The temporary folder (also $HOME).
    const std::filesystem::path& dir() const { return m_dir.path(); }
    // $STEADY_DB: <dir>/journal.db.
    std::filesystem::path db_path() const { return dir() / "journal.db"; }
    bool journal_exists() const { return std::filesystem::exists(db_path()); }

    // Writes `text` as the config file and points $STEADY_CONFIG at it.
    void write_config(const std::string& text);

    // The first column of the first row of `sql` run read-only against the
    // journal, as text ("" for NULL or no row).
    std::string query(const std::string& sql) const;
    // query(sql) as a number.
    std::int64_t count(const std::string& sql) const;

    // Saves `entry` straight through the store, as a later command (trigger,
    // craving, …) would; returns its id. `entry.at`, `tz` and `day` must be set.
    std::int64_t add_entry(domain::Entry entry);

    // Every row of every table of the journal and its schema version, as one
    // text; equal snapshots mean the journal did not change. "<no journal>"
    // when the file does not exist.
    std::string snapshot() const;

    std::string now;
    std::string tz;
    std::string stdin_text;
    bool in_tty = false;
    bool out_tty = false;
    // The environment of the next run; the constructor fills in the basics.
    std::map<std::string, std::string> env;

  private:
    TempDir m_dir;
};

// A short fingerprint of the bytes of the file at `path` (size and hash), to
// compare before and after without printing a binary file in a failure.
std::string file_digest(const std::filesystem::path& path);

// The permission bits of `path` (e.g. 0600).
unsigned mode_of(const std::filesystem::path& path);

} // namespace steady::test
