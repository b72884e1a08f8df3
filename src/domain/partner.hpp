#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "timeutil/time.hpp"

namespace steady::domain {

// The parts of a summary a partner may see (SPEC §5, `--share`).
enum class Section { checkins, mood, cravings, triggers, meetings, goals, clocks };
inline constexpr std::array k_sections = {Section::checkins, Section::mood,     Section::cravings,
                                          Section::triggers, Section::meetings, Section::goals,
                                          Section::clocks};

// "checkins", "mood", …
const char* section_name(Section section);
// The section named `name` (exactly, lower case), or nullopt.
std::optional<Section> parse_section(std::string_view name);

// Whether free text (notes, trigger descriptions, gratitude, goal titles) may
// leave with a share.
enum class IncludeNotes { no, yes };

// What a partner may see: a set of sections, and whether notes come too.
class Scope {
  public:
    Scope() = default;
    // Every section.
    static Scope all();

    bool has(Section section) const { return (m_bits & bit(section)) != 0; }
    void add(Section section) { m_bits |= bit(section); }
    void remove(Section section) { m_bits &= ~bit(section); }
    bool empty() const { return m_bits == 0; }
    // The sections in the order of k_sections.
    std::vector<Section> sections() const;

    IncludeNotes notes = IncludeNotes::no;

    bool operator==(const Scope&) const = default;

  private:
    static unsigned bit(Section section) { return 1U << static_cast<unsigned>(section); }
    unsigned m_bits = 0;
};

// The sections of `text`, a comma-separated list of section names or "all"
// ("checkins,mood,cravings"); notes are not set. An unknown or missing name
// is a UsageError listing the valid ones.
Scope parse_scope(std::string_view text);

// `scope` changed by `text`: "+triggers" adds, "-mood" removes, and a list of
// such ("+triggers,-mood") does each; a plain list or "all" replaces the
// sections. Mixing the two forms, or a change that leaves no section, is a
// UsageError. Notes are kept.
Scope change_scope(Scope scope, std::string_view text);

// The sections as stored and shown: "checkins,mood,cravings" in the order of
// k_sections ("" for none).
std::string format_scope(const Scope& scope);

// How often a partner expects a summary (`--every`).
enum class Cadence { sunday, week, month };
const char* cadence_name(Cadence cadence);
// "sunday", "week" or "month"; anything else is a UsageError.
Cadence parse_cadence(std::string_view text);

// An accountability partner as stored.
struct Partner {
    std::int64_t id = 0;
    std::string uuid;
    std::string name;
    std::string email;
    Scope scope;
    std::optional<Cadence> cadence;
    std::optional<int> alert_after; // days without a check-in before an alert
    // The OpenPGP key every share to them is encrypted to: its fingerprint
    // (upper-case hex) in steady's keyring; nullopt: shares go in clear.
    std::optional<std::string> pgp_fingerprint;
    timeutil::Instant created{};
    timeutil::Instant updated{};
};

// `text` trimmed, as a partner's name: not empty, not starting with '-', no
// control characters (newlines, tabs, escapes). Otherwise a UsageError.
std::string checked_partner_name(std::string_view text);

// Whether `text` is an RFC 5322 addr-spec: a dot-atom or quoted-string local
// part, '@', and a dot-atom domain with at least one dot; atoms may hold
// UTF-8 (RFC 6532). Never: spaces, control characters, commas, angle
// brackets or a domain literal, even quoted; at most 254 bytes.
bool is_email_address(std::string_view text);

// `text` trimmed when is_email_address holds; otherwise a UsageError naming it.
std::string checked_email(std::string_view text);

} // namespace steady::domain
