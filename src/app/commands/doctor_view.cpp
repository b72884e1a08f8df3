#include <cstdio>
#include <string>

#include "app/commands/doctor.hpp"
#include "app/output/output.hpp"
#include "domain/backup.hpp"
#include "domain/json.hpp"
#include "domain/text.hpp"
#include "store/journal.hpp"

namespace steady::app {

namespace {

std::string mode_text(unsigned mode)
{
    char text[8];
    std::snprintf(text, sizeof text, "%04o", mode);
    return text;
}

std::string doctor_count(std::int64_t n, const std::string& one, const std::string& many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

void doctor_line(Output& out, const std::string& label, const std::string& text)
{
    std::string padded = label;
    padded.resize(12, ' ');
    out.stream() << padded << text << '\n';
}

std::string integrity_text(const store::JournalHealth& health)
{
    if (health.damage)
        return "UNREADABLE: " + *health.damage;
    if (!health.corrupt())
        return "ok (integrity_check, foreign_key_check)";
    std::string text = "DAMAGED: " + domain::join(health.integrity, "; ");
    if (health.foreign_key_problems > 0)
        text += "; " +
                doctor_count(health.foreign_key_problems, "broken reference", "broken references");
    return text;
}

std::string schema_text(int version)
{
    if (version == store::k_schema_version)
        return std::to_string(version) + " (this steady's)";
    if (version > store::k_schema_version)
        return std::to_string(version) + " (newer than this steady's " +
               std::to_string(store::k_schema_version) + ")";
    return std::to_string(version) + " (older; the next write brings it to " +
           std::to_string(store::k_schema_version) + ")";
}

std::string entries_text(const store::JournalCounts& counts)
{
    static const char* names[][2] = {{"check-in", "check-ins"}, {"trigger", "triggers"},
                                     {"craving", "cravings"},   {"meeting", "meetings"},
                                     {"goal log", "goal logs"}, {"lapse", "lapses"}};
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < counts.entries.size() && i < std::size(names); ++i)
        parts.push_back(doctor_count(counts.entries[i].second, names[i][0], names[i][1]));
    return domain::join(parts, ", ");
}

void print_journal_text(Output& out, const DoctorFindings& found)
{
    const auto& health = found.health;
    if (!health.exists) {
        doctor_line(out, "Journal",
                    found.journal.string() + ": none yet; your first entry creates it "
                                             "(e.g. 'steady checkin')");
        return;
    }
    doctor_line(out, "Journal",
                found.journal.string() + " (" + domain::size_text(health.bytes) + ", WAL " +
                    domain::size_text(health.wal_bytes) + ")");
    doctor_line(out, "Integrity", integrity_text(health));
    if (!health.damage)
        doctor_line(out, "Schema", schema_text(health.schema_version));
    std::string modes = "file " + (found.journal_mode ? mode_text(*found.journal_mode) : "?") +
                        ", folder " + (found.folder_mode ? mode_text(*found.folder_mode) : "?");
    doctor_line(out, "Permissions", modes + (found.too_open.empty() ? ": private" : ": TOO OPEN"));
    if (health.counts) {
        doctor_line(out, "Entries", entries_text(*health.counts));
        doctor_line(out, "Records",
                    doctor_count(health.counts->goals, "goal", "goals") + ", " +
                        doctor_count(health.counts->clocks, "clock", "clocks") + ", " +
                        doctor_count(health.counts->partners, "partner", "partners"));
    }
}

std::optional<std::string> optional_mode(const std::optional<unsigned>& mode)
{
    return mode ? std::optional<std::string>(mode_text(*mode)) : std::nullopt;
}

void write_counts_json(domain::JsonWriter& json, const store::JournalHealth& health)
{
    json.key("counts");
    if (!health.counts) {
        json.null();
        return;
    }
    json.begin_object();
    for (const auto& [kind, n] : health.counts->entries)
        json.key(kind).value(n);
    json.key("goals").value(health.counts->goals);
    json.key("clocks").value(health.counts->clocks);
    json.key("partners").value(health.counts->partners);
    json.end_object();
}

void write_journal_json(domain::JsonWriter& json, const DoctorFindings& found)
{
    const auto& health = found.health;
    bool readable = health.exists && !health.damage;
    json.key("journal").begin_object();
    json.key("path").value(found.journal.string());
    json.key("exists").value(health.exists);
    json.key("bytes").value(static_cast<std::int64_t>(health.bytes));
    json.key("wal_bytes").value(static_cast<std::int64_t>(health.wal_bytes));
    json.key("mode").value(optional_mode(found.journal_mode));
    json.key("folder").value(found.journal.parent_path().string());
    json.key("folder_mode").value(optional_mode(found.folder_mode));
    json.key("damage").value(health.damage);
    json.key("integrity");
    readable ? json.value(health.integrity) : json.null();
    json.key("foreign_key_problems");
    readable ? json.value(health.foreign_key_problems) : json.null();
    json.key("corrupt").value(health.corrupt());
    json.key("schema_version");
    readable ? json.value(health.schema_version) : json.null();
    json.key("schema_expected").value(store::k_schema_version);
    json.end_object();
    write_counts_json(json, health);
}

} // namespace

void print_doctor_text(Output& out, const DoctorFindings& found)
{
    print_journal_text(out, found);
    const auto& config = found.config;
    std::string config_text = config.path.empty() ? "none (no HOME): defaults"
                              : !config.exists    ? config.path.string() + ": none, defaults"
                                                  : config.path.string() + ": ok";
    if (config.problem)
        config_text = "BROKEN: " + *config.problem;
    doctor_line(out, "Config", config_text);
    std::string source = found.zone_source == "config" ? "from config 'timezone'"
                         : found.zone_source == "TZ"   ? "from $TZ"
                                                       : "the system's";
    doctor_line(out, "Time zone", found.zone + " (" + source + ")");
    if (found.last_backup)
        doctor_line(out, "Backup",
                    domain::age_text(*found.backup_age_seconds) + " (" +
                        found.last_backup->string() + ")");
    else
        doctor_line(out, "Backup", "no backup yet: run 'steady backup'");
    for (const auto& open : found.too_open)
        out.stream() << "warning: " << open.path.string() << " can be read by others (mode "
                     << mode_text(open.mode) << "); to fix it:\n  " << open.fix << '\n';
    for (const auto& warning : found.warnings)
        out.stream() << "warning: " << warning << '\n';
    if (found.healthy())
        out.say(found.warnings.empty() && found.too_open.empty()
                    ? "All is well."
                    : "Healthy, but see the warnings above.");
}

void print_doctor_json(Output& out, const DoctorFindings& found)
{
    domain::JsonWriter json(out.stream());
    json.begin_object();
    json.key("healthy").value(found.healthy());
    write_journal_json(json, found);
    const auto& config = found.config;
    json.key("config").begin_object();
    json.key("path");
    config.path.empty() ? json.null() : json.value(config.path.string());
    json.key("exists").value(config.exists);
    json.key("ok").value(!config.problem);
    json.key("error").value(config.problem);
    json.key("warnings").value(config.warnings);
    json.end_object();
    json.key("timezone").begin_object();
    json.key("name").value(found.zone);
    json.key("source").value(found.zone_source);
    json.end_object();
    json.key("backup").begin_object();
    json.key("folder").value(found.backups_folder.string());
    json.key("last");
    found.last_backup ? json.value(found.last_backup->string()) : json.null();
    json.key("age_seconds");
    found.backup_age_seconds ? json.value(static_cast<std::int64_t>(*found.backup_age_seconds))
                             : json.null();
    json.key("age");
    found.backup_age_seconds ? json.value(domain::age_text(*found.backup_age_seconds))
                             : json.null();
    json.end_object();
    json.key("permissions").begin_array();
    for (const auto& open : found.too_open) {
        json.begin_object();
        json.key("path").value(open.path.string());
        json.key("mode").value(mode_text(open.mode));
        json.key("fix").value(open.fix);
        json.end_object();
    }
    json.end_array();
    json.key("warnings").value(found.warnings);
    json.end_object();
}

} // namespace steady::app
