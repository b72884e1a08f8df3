#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/output/output.hpp"
#include "domain/json.hpp"
#include "domain/report.hpp"

namespace steady::app {

// What `sos` shows, already chosen: nothing here reads the journal.
struct SosView {
    std::vector<domain::StrategyTally> strategies; // ranked, best first; resisted > 0
    std::vector<std::string> coping;               // the plan's coping items
    std::vector<std::string> people;               // plan people, partners, sos.contacts
    std::vector<std::string> reasons;              // the plan's reasons
    std::optional<std::string> after_a_lapse;      // shown when a lapse is recent
    // Why the journal (or the config) could not be read, one line each.
    std::vector<std::string> problems;
};

// One line of sos's text and how it is painted.
struct SosLine {
    std::string text;
    Tone tone = Tone::plain;
};

// The lines of `view` for a screen `width` columns wide that shows
// `height` lines: sections in the order of SosView with a heading each (empty
// ones left out), every line cut to `width` columns, and when there is more
// than fits, each section cut fairly and its heading saying how many more
// there are. `utf8` chooses the marks (— or -).
std::vector<SosLine> sos_lines(const SosView& view, std::size_t width, std::size_t height,
                               bool utf8);

// `view` as JSON: strategies [{name, resisted, used}], coping, people,
// reasons, after_a_lapse (null unless a lapse is recent), problems; nothing cut.
void write_sos_json(domain::JsonWriter& json, const SosView& view);

} // namespace steady::app
