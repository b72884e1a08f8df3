#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/health.hpp"

namespace steady::app {

class Output;

// What doctor found about the config file.
struct ConfigFinding {
    std::filesystem::path path; // empty: there is no place for one (no HOME)
    bool exists = false;
    std::optional<std::string> problem; // the error ("path:line:col: what"), if broken
    int problem_code = 0;               // its exit code: 78, or 66 for a missing --config
    std::vector<std::string> warnings;  // unknown keys
};

// A file or folder that group or others can read, and the command that fixes it.
struct TooOpen {
    std::filesystem::path path;
    unsigned mode = 0;
    std::string fix; // "chmod 600 /home/alex/.local/share/steady/journal.db"
};

// Everything `steady doctor` looks at, gathered before anything is printed.
struct DoctorFindings {
    std::filesystem::path journal;
    store::JournalHealth health;
    std::optional<unsigned> journal_mode; // permission bits, when the file exists
    std::optional<unsigned> folder_mode;  // of the journal's folder, when it exists
    std::vector<TooOpen> too_open;
    ConfigFinding config;
    std::string zone;
    std::string zone_source; // "config", "TZ" or "system"
    std::filesystem::path backups_folder;
    std::optional<std::filesystem::path> last_backup; // the newest default-named one
    std::optional<long long> backup_age_seconds;
    std::vector<std::string> warnings; // everything worth fixing, one sentence each

    bool healthy() const { return !health.corrupt() && !config.problem; }
};

// The findings as text, or as JSON (every figure).
void print_doctor_text(Output& out, const DoctorFindings& found);
void print_doctor_json(Output& out, const DoctorFindings& found);

} // namespace steady::app
