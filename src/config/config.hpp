#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace steady::config {

// The user's settings (SPEC §2), every key optional. Defaults are those of a
// missing config file. Times are "HH:MM" already validated; durations of
// milestones are validated strings such as "24h", "7d", "6mo", "1y".
struct Config {
    std::optional<std::string> name;
    std::optional<std::string> email;
    std::optional<std::string> timezone;  // IANA name; timeutil::resolve_zone validates it
    int day_starts_at_minutes = 0;        // "04:00" -> 240
    std::string week_starts = "monday";   // a weekday name in lower case
    std::optional<std::filesystem::path> journal;  // "~" expanded
    std::optional<std::string> currency;           // ISO 4217-like code, e.g. "EUR"
    std::vector<std::string> milestones = {"24h", "7d",  "30d", "60d", "90d",
                                           "6mo", "9mo", "1y",  "18mo"};
    std::vector<std::string> checkin_ask = {"mood", "craving", "sober", "note"};
    int remind_checkin_after_minutes = 19 * 60;
    std::vector<std::string> remind_notify_command;
    std::vector<std::string> share_command = {"sendmail", "-t", "-i"};
    std::string share_default_period = "last 7 days";
    std::vector<std::string> sos_contacts;
    int peers_quiet_after = 3;
    int backup_keep = 10;
};

// A problem with a config file that still lets the command run (an unknown
// key), already phrased: "unknown key 'foo' in /path/config.toml:3".
struct Warning {
    std::string message;
};

struct Loaded {
    Config config;
    std::vector<Warning> warnings;
};

// Where the config lives: `flag` (--config) if given, else `$STEADY_CONFIG`,
// else `$XDG_CONFIG_HOME/steady/config.toml`, else `$HOME/.config/steady/config.toml`.
std::filesystem::path config_path(const std::optional<std::string>& flag);

// Reads `path`. A missing file gives defaults, unless `explicit_path` (the user
// named it with --config or $STEADY_CONFIG): then it is a NoInputError (66).
// A malformed file, a wrong type or an invalid value is a ConfigError whose
// message is "path:line:column: what".
Loaded load(const std::filesystem::path& path, bool explicit_path);

}  // namespace steady::config
