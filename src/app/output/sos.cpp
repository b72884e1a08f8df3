#include "app/output/sos.hpp"

#include <algorithm>

namespace steady::app {

namespace {

struct SosSection {
    std::string heading;
    std::string hint; // where the rest is
    std::vector<std::string> items;
    std::size_t shown = 0;
};

// `text` cut to at most `width` terminal columns, ending in an ellipsis when cut.
std::string fit_width(const std::string& text, std::size_t width, bool utf8)
{
    if (display_width(text) <= width)
        return text;
    std::string ellipsis = utf8 ? "…" : "...";
    std::size_t budget = width - display_width(ellipsis);
    std::string kept;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t len = 1;
        while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xc0) == 0x80)
            ++len;
        auto next = kept + text.substr(i, len);
        if (display_width(next) > budget)
            break;
        kept = std::move(next);
        i += len;
    }
    return kept + ellipsis;
}

// `text` broken between words into lines of at most `width` columns (a
// longer word is left for fit_width to cut).
std::vector<std::string> wrap_words(const std::string& text, std::size_t width)
{
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        auto word = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? text.size() : end + 1;
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            lines.push_back(line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty())
        lines.push_back(line);
    return lines;
}

std::string strategy_line(const domain::StrategyTally& s, bool utf8)
{
    return s.name + (utf8 ? " — " : " - ") + "resisted " + std::to_string(s.resisted) + " of " +
           std::to_string(s.used) + (s.used == 1 ? " craving" : " cravings");
}

// Shares `room` lines among `sections` one at a time, in order, so each
// shows as many items as it can and none is left out while another grows.
void share_room(std::vector<SosSection>& sections, std::size_t room)
{
    bool grew = true;
    while (room > 0 && grew) {
        grew = false;
        for (auto& section : sections) {
            if (room == 0)
                break;
            if (section.shown < section.items.size()) {
                ++section.shown;
                --room;
                grew = true;
            }
        }
    }
}

} // namespace

std::vector<SosLine> sos_lines(const SosView& view, std::size_t width, std::size_t height,
                               bool utf8)
{
    std::vector<SosSection> sections;
    auto add = [&](std::string heading, std::string hint, std::vector<std::string> items) {
        if (!items.empty())
            sections.push_back({std::move(heading), std::move(hint), std::move(items), 0});
    };
    std::vector<std::string> strategies;
    for (const auto& s : view.strategies)
        strategies.push_back(strategy_line(s, utf8));
    add("What has worked for you", "steady report all", std::move(strategies));
    add("Your coping plan", "steady plan", view.coping);
    add("People to call", "steady plan, steady partner", view.people);
    add("Your reasons", "steady plan", view.reasons);

    std::vector<SosLine> tail;
    if (view.after_a_lapse)
        tail.push_back({"After a lapse: " + *view.after_a_lapse, Tone::plain});
    if (sections.empty() && !view.after_a_lapse)
        tail.push_back({"Nothing to show yet. On a good day, write your plan for a day like "
                        "this: 'steady plan add coping \"…\"', 'steady plan add people \"…\"'.",
                        Tone::plain});
    for (const auto& problem : view.problems)
        for (auto& line : wrap_words(problem, width))
            tail.push_back({std::move(line), Tone::dim});

    std::size_t fixed = sections.size() + tail.size();
    share_room(sections, height > fixed ? height - fixed : 0);
    std::vector<SosLine> lines;
    for (const auto& section : sections) {
        auto heading = section.heading;
        if (section.shown < section.items.size())
            heading += " (" + std::to_string(section.items.size() - section.shown) +
                       " more: " + section.hint + ")";
        lines.push_back({heading, Tone::bold});
        for (std::size_t i = 0; i < section.shown; ++i)
            lines.push_back({"  " + section.items[i], Tone::plain});
    }
    lines.insert(lines.end(), tail.begin(), tail.end());
    if (lines.size() > height)
        lines.resize(height);
    for (auto& line : lines) {
        if (!utf8)
            line.text = ascii_marks(line.text);
        line.text = fit_width(line.text, width, utf8);
    }
    return lines;
}

void write_sos_json(domain::JsonWriter& json, const SosView& view)
{
    json.begin_object();
    json.key("strategies").begin_array();
    for (const auto& s : view.strategies) {
        json.begin_object();
        json.key("name").value(s.name);
        json.key("resisted").value(s.resisted);
        json.key("used").value(s.used);
        json.end_object();
    }
    json.end_array();
    json.key("coping").value(view.coping);
    json.key("people").value(view.people);
    json.key("reasons").value(view.reasons);
    json.key("after_a_lapse").value(view.after_a_lapse);
    json.key("problems").value(view.problems);
    json.end_object();
}

} // namespace steady::app
