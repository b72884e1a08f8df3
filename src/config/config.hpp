#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace steady::config {

// The process environment as the app hands it over (name -> value); config
// code never calls std::getenv.
using Env = std::map<std::string, std::string>;

// The user's settings (SPEC §2), every key optional. Defaults are those of a
// missing config file. Times are "HH:MM" already validated; durations of
// milestones are validated strings such as "24h", "7d", "6mo", "1y".
struct Config {
    std::optional<std::string> name;
    std::optional<std::string> email;
    std::optional<std::string> timezone;          // IANA name; timeutil::resolve_zone validates it
    int day_starts_at_minutes = 0;                // "04:00" -> 240
    std::string week_starts = "monday";           // a weekday name in lower case
    std::optional<std::filesystem::path> journal; // "~" expanded
    std::optional<std::string> currency;          // ISO 4217-like code, e.g. "EUR"
    std::vector<std::string> milestones = {"24h", "7d",  "30d", "60d", "90d",
                                           "6mo", "9mo", "1y",  "18mo"};
    std::vector<std::string> checkin_ask = {"mood", "craving", "sober", "note"};
    int remind_checkin_after_minutes = 19 * 60;
    std::vector<std::string> remind_notify_command;
    std::vector<std::string> share_command = {"sendmail", "-t", "-i"};
    std::string share_default_period = "last 7 days"; // parsed later by timeutil
    std::vector<std::string> sos_contacts;
    int peers_quiet_after = 3;
    int backup_keep = 10;
};

// A problem with a config file that still lets the command run (an unknown
// key), already phrased: "unknown key 'remind.foo' in /path/config.toml:3 (ignored)".
struct Warning {
    std::string message;
};

struct Loaded {
    Config config;
    std::vector<Warning> warnings; // in the order of their lines in the file
};

// Where the config lives and whether the user named it (then a missing file is
// an error rather than "use the defaults").
struct ConfigLocation {
    std::filesystem::path path; // empty: no usable location, so no config file
    bool explicit_path = false;
};

// Where the config lives: `flag` (--config) if given, else `$STEADY_CONFIG` if
// set and non-empty (both explicit), else `$XDG_CONFIG_HOME/steady/config.toml`
// if that variable is an absolute path, else `$HOME/.config/steady/config.toml`,
// else an empty path. An empty `flag` is a UsageError (64).
ConfigLocation config_path(const std::optional<std::string>& flag, const Env& env);

// `text` with a leading "~" or "~/" replaced by `$HOME` from `env`; any other
// text ("~alex/x", "/abs", "rel") unchanged. A "~" without a non-empty $HOME
// is a ConfigError (78).
std::filesystem::path expand_home(std::string_view text, const Env& env);

// Reads `path`. A missing file (or an empty `path`) gives defaults, unless
// `explicit_path` (the user named it with --config or $STEADY_CONFIG): then it
// is a NoInputError (66). An unreadable file, a malformed file, a wrong type or
// an invalid value is a ConfigError (78) whose message is "path:line:column: what".
// `env` supplies $HOME for "~" in `journal`.
Loaded load(const std::filesystem::path& path, bool explicit_path, const Env& env);

// load(where.path, where.explicit_path, env).
Loaded load(const ConfigLocation& where, const Env& env);

// Parses `text` as the contents of a config file; `path` only names the file in
// messages. Errors and warnings as for load().
Loaded parse(std::string_view text, const std::filesystem::path& path, const Env& env);

} // namespace steady::config
