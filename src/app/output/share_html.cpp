#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "app/output/charts.hpp"
#include "app/output/report.hpp"
#include "app/output/share.hpp"
#include "domain/text.hpp"

namespace steady::app {

using domain::Measure;
using domain::Report;
using domain::Section;
using domain::Share;

namespace {

// One stylesheet, inline: a single fluid column that fits a 360 px phone
// without sideways scrolling (charts scale to the column, table cells wrap
// long words), a dark scheme when the reader's system asks for one, and a
// print layout in black on white. No fonts, images or other files.
constexpr const char* k_html_style = R"(:root {
  color-scheme: light dark;
  --fg: #1f2328; --bg: #ffffff; --muted: #57606a; --line: #d0d7de;
  --accent: #1f7a63; --craving: #b35c00; --miss: #eef1f4; --quote: #f3f7f5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --bg: #111417; --muted: #9ba6b0; --line: #363d44;
    --accent: #5cc8a8; --craving: #f0a050; --miss: #1d2227; --quote: #18201d;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
}
main { max-width: 40rem; margin: 0 auto; padding: 1rem 1rem 2rem; }
h1 { font-size: 1.35rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 {
  font-size: 1.1rem; margin: 1.75rem 0 0.5rem; padding-bottom: 0.2rem;
  border-bottom: 1px solid var(--line);
}
p, li, td, th { overflow-wrap: anywhere; }
time { white-space: nowrap; }
p { margin: 0.5rem 0; }
ul { margin: 0.5rem 0; padding-left: 1.25rem; }
.message {
  white-space: pre-wrap; background: var(--quote); border-left: 4px solid var(--accent);
  padding: 0.5rem 0.75rem; margin: 1rem 0;
}
.missed { border-left: 4px solid var(--craving); padding-left: 0.75rem; }
.muted, figcaption { color: var(--muted); }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem 0.3rem 0; border-bottom: 1px solid var(--line); }
th { font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; padding-right: 0; }
figure { margin: 0.75rem 0; }
figcaption { font-size: 0.85rem; }
svg { display: block; width: 100%; height: auto; max-width: 36rem; }
svg text { font: 12px system-ui, sans-serif; fill: var(--muted); }
.grid { stroke: var(--line); stroke-width: 1; }
.miss { fill: var(--miss); }
.mood { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
.mood-dot { fill: var(--accent); }
.craving { fill: none; stroke: var(--craving); stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
.craving-dot { fill: var(--craving); }
.notes li { margin-bottom: 0.75rem; }
.note { white-space: pre-wrap; margin: 0.1rem 0 0; }
footer { margin-top: 2rem; padding-top: 0.5rem; border-top: 1px solid var(--line); color: var(--muted); }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #333; --line: #999; --miss: #e6e6e6; --quote: #fff; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section, figure, tr, li { break-inside: avoid; page-break-inside: avoid; }
  svg { max-width: 16cm; }
}
)";

// `text` safe in HTML text and in a quoted attribute: control characters
// shown as '?' (as in every format), and & < > " ' as character references,
// so that nothing a person wrote can become markup, a script or a link.
std::string html_escaped(std::string_view text)
{
    std::string out;
    for (char c : share_printable(text)) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// A coordinate to one decimal, whatever the locale.
std::string html_coord(double value)
{
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 1);
    std::string text(buf, ec == std::errc() ? end : buf);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        text.resize(text.size() - 2);
    return text == "-0" ? "0" : text;
}

std::string html_days(int n)
{
    return std::to_string(n) + (n == 1 ? " day" : " days");
}

std::string html_period(const Report& r)
{
    return timeutil::format_day(r.period.from) + " – " + timeutil::format_day(r.period.to);
}

// The period in the page, each day a <time> that does not break at its
// hyphens on a narrow screen.
std::string html_period_marked(const Report& r)
{
    auto day = [](timeutil::Day d) {
        auto text = timeutil::format_day(d);
        return "<time datetime=\"" + text + "\">" + text + "</time>";
    };
    return day(r.period.from) + " – " + day(r.period.to);
}

// ", up 0.5 on the 7 days before", as the text report says it.
std::string html_change(double now, std::optional<double> before, int days)
{
    if (!before)
        return {};
    double change = std::round((now - *before) * 10) / 10;
    std::string on = " on the " + html_days(days) + " before";
    if (change == 0)
        return ", as" + on;
    return (change > 0 ? ", up " : ", down ") + domain::format_tenths(std::abs(change)) + on;
}

// "average 6 (5–7)", with `unit` after the average.
std::string html_stats(const domain::Stats& stats, const char* unit = "")
{
    return "average " + domain::format_tenths(*stats.average()) + unit + " (" +
           domain::format_tenths(stats.min) + "–" + domain::format_tenths(stats.max) + ")";
}

// The chart of `measure` over the covered days, as inline SVG: one point a
// day joined by a line, a gap where a day has no value, and a shaded
// column for each day without a check-in. A long period is averaged down to
// at most 62 columns (then without the shading, as a column is several
// days). The SVG scales to the width of the page through its viewBox.
struct HtmlChart {
    Measure measure;
    double low;
    double high;
    const char* label; // "Mood", "Craving at check-in"
    const char* css;   // "mood" or "craving": the line's class
};

std::string html_chart(const Share& share, const HtmlChart& chart)
{
    const auto& r = share.report;
    constexpr double width = 400, left = 26, right = 392, top = 8, bottom = 112, height = 134;
    constexpr std::size_t most = 62;
    auto daily = domain::by_day(r, chart.measure);
    bool squeezed = daily.size() > most;
    auto values = squeeze(daily, most);
    if (values.empty())
        return {};
    double step = (right - left) / static_cast<double>(values.size());
    auto x_of = [&](std::size_t i) { return left + (static_cast<double>(i) + 0.5) * step; };
    auto y_of = [&](double v) {
        return top + (chart.high - std::clamp(v, chart.low, chart.high)) /
                         (chart.high - chart.low) * (bottom - top);
    };
    auto stats = domain::stats_of(r, chart.measure);
    std::string description = std::string(chart.label) + " by day, " + short_day(r.first, false) +
                              " to " + short_day(r.last, false) + ", on a scale of " +
                              html_coord(chart.low) + " to " + html_coord(chart.high) + ": " +
                              html_stats(stats) +
                              (squeezed ? "; each point is the average of a few days"
                                        : "; gaps are days without a value");
    std::ostringstream os;
    os << "<figure>\n<svg viewBox=\"0 0 " << html_coord(width) << ' ' << html_coord(height)
       << "\" role=\"img\" aria-label=\"" << html_escaped(description) << "\">\n<title>"
       << html_escaped(description) << "</title>\n";
    if (!squeezed) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            auto day = r.first + date::days{static_cast<int>(i)};
            if (std::binary_search(share.missed_days.begin(), share.missed_days.end(), day))
                os << "<rect class=\"miss\" x=\""
                   << html_coord(left + static_cast<double>(i) * step) << "\" y=\""
                   << html_coord(top) << "\" width=\"" << html_coord(step) << "\" height=\""
                   << html_coord(bottom - top) << "\"/>\n";
        }
    }
    double mid = std::round((chart.low + chart.high) / 2);
    for (double v : {chart.low, mid, chart.high})
        os << "<line class=\"grid\" x1=\"" << html_coord(left) << "\" x2=\"" << html_coord(right)
           << "\" y1=\"" << html_coord(y_of(v)) << "\" y2=\"" << html_coord(y_of(v))
           << "\"/><text x=\"" << html_coord(left - 4) << "\" y=\"" << html_coord(y_of(v) + 4)
           << "\" text-anchor=\"end\">" << html_coord(v) << "</text>\n";
    // The runs of consecutive values, each a polyline (or a lone dot).
    for (std::size_t i = 0; i < values.size();) {
        if (!values[i]) {
            ++i;
            continue;
        }
        auto end = i;
        std::string points;
        for (; end < values.size() && values[end]; ++end)
            points += (points.empty() ? "" : " ") + html_coord(x_of(end)) + "," +
                      html_coord(y_of(*values[end]));
        if (end - i > 1)
            os << "<polyline class=\"" << chart.css << "\" points=\"" << points << "\"/>\n";
        i = end;
    }
    double dot = values.size() <= 31 ? 3.5 : 2;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i])
            os << "<circle class=\"" << chart.css << "-dot\" cx=\"" << html_coord(x_of(i))
               << "\" cy=\"" << html_coord(y_of(*values[i])) << "\" r=\"" << html_coord(dot)
               << "\"/>\n";
    os << "<text x=\"" << html_coord(left) << "\" y=\"" << html_coord(height - 6) << "\">"
       << html_escaped(short_day(r.first, false)) << "</text>";
    if (r.last != r.first)
        os << "<text x=\"" << html_coord(right) << "\" y=\"" << html_coord(height - 6)
           << "\" text-anchor=\"end\">" << html_escaped(short_day(r.last, false)) << "</text>";
    os << "\n</svg>\n";
    if (!squeezed && !share.missed_days.empty())
        os << "<figcaption>Shaded: days without a check-in.</figcaption>\n";
    os << "</figure>\n";
    return os.str();
}

void html_checkins(std::ostream& os, const Report& r)
{
    auto streaks = domain::checkin_streaks(r);
    os << "<section id=\"checkins\">\n<h2>Check-ins</h2>\n<ul>\n<li>" << r.checkins.size() << " of "
       << html_days(domain::days_due(r)) << "; streak " << html_days(streaks.current)
       << ", longest " << html_days(streaks.longest) << "</li>\n";
    if (auto energy = domain::stats_of(r, Measure::energy); energy.count > 0)
        os << "<li>Energy: " << html_stats(energy) << "</li>\n";
    if (auto sleep = domain::stats_of(r, Measure::sleep); sleep.count > 0)
        os << "<li>Sleep: " << html_stats(sleep, " h") << "</li>\n";
    os << "</ul>\n</section>\n";
}

void html_mood(std::ostream& os, const Share& share)
{
    const auto& r = share.report;
    auto stats = domain::stats_of(r, Measure::mood);
    os << "<section id=\"mood\">\n<h2>Mood</h2>\n<p>"
       << html_stats(stats) + html_change(*stats.average(), r.previous_mood, r.days_counted)
       << " <span class=\"muted\">(1 low, 10 high)</span></p>\n"
       << html_chart(share, {Measure::mood, 1, 10, "Mood", "mood"}) << "</section>\n";
}

void html_cravings(std::ostream& os, const Share& share)
{
    const auto& r = share.report;
    const auto& m = r.moments;
    os << "<section id=\"cravings\">\n<h2>Cravings</h2>\n<p>" << m.cravings
       << " logged: " << m.resisted << " resisted, " << m.used << " used";
    if (int open = m.cravings - m.resisted - m.used; open > 0)
        os << ", " << open << " not recorded";
    if (auto intensity = m.craving_intensity.average())
        os << "; intensity " << domain::format_tenths(*intensity);
    os << "</p>\n";
    auto strategies = domain::ranked_strategies(m.strategies);
    if (!strategies.empty()) {
        os << "<table>\n<thead><tr><th>Strategy</th><th class=\"n\">Resisted</th></tr></thead>\n"
              "<tbody>\n";
        for (const auto& s : strategies)
            os << "<tr><td>" << html_escaped(s.name) << "</td><td class=\"n\">" << s.resisted
               << " of " << s.used << "</td></tr>\n";
        os << "</tbody>\n</table>\n";
    }
    if (auto stats = domain::stats_of(r, Measure::craving); stats.count > 0)
        os << "<p>Craving at check-in: "
           << html_stats(stats) + html_change(*stats.average(), r.previous_craving, r.days_counted)
           << " <span class=\"muted\">(0 none, 10 strongest)</span></p>\n"
           << html_chart(share, {Measure::craving, 0, 10, "Craving at check-in", "craving"});
    os << "</section>\n";
}

// A two-column table of names and counts; `none` names the empty key.
void html_counts(std::ostream& os, const char* heading, const std::map<std::string, int>& counts,
                 const char* none)
{
    if (counts.empty())
        return;
    os << "<table>\n<thead><tr><th>" << heading
       << "</th><th class=\"n\">Count</th></tr></thead>\n<tbody>\n";
    for (const auto& [name, count] : counts)
        os << "<tr><td>" << (name.empty() ? none : html_escaped(name)) << "</td><td class=\"n\">"
           << count << "</td></tr>\n";
    os << "</tbody>\n</table>\n";
}

void html_triggers(std::ostream& os, const Report& r)
{
    const auto& m = r.moments;
    os << "<section id=\"triggers\">\n<h2>Triggers</h2>\n<p>" << m.triggers << " logged";
    if (auto intensity = m.trigger_intensity.average())
        os << "; intensity " << domain::format_tenths(*intensity);
    os << "</p>\n";
    std::map<std::string, int> categories;
    for (const auto& [name, tally] : m.by_category)
        categories[name] = tally.count;
    html_counts(os, "Category", categories, "no category");
    os << "</section>\n";
}

void html_rest(std::ostream& os, const Share& share)
{
    const auto& r = share.report;
    if (share.scope.has(Section::meetings)) {
        os << "<section id=\"meetings\">\n<h2>Meetings</h2>\n<p>" << r.meetings
           << " attended</p>\n";
        html_counts(os, "Type", r.meetings_by_type, "other");
        os << "</section>\n";
    }
    if (share.scope.has(Section::goals)) {
        os << "<section id=\"goals\">\n<h2>Goals</h2>\n<ul>\n";
        for (const auto& goal : r.goals)
            os << "<li>#" << goal.goal.id
               << (goal.goal.title.empty() ? "" : " " + html_escaped(goal.goal.title)) << ": "
               << html_escaped(domain::describe_progress(goal.goal, goal.today)) << ", "
               << goal.in_period << " in this period</li>\n";
        if (r.goals.empty())
            os << "<li>no goals in progress</li>\n";
        os << "</ul>\n</section>\n";
    }
    if (share.scope.has(Section::clocks)) {
        os << "<section id=\"clocks\">\n<h2>Clocks</h2>\n<ul>\n";
        for (const auto& clock : r.clocks) {
            os << "<li>" << html_escaped(clock.name) << ": "
               << html_escaped(domain::format_span(clock.current_run)) << " now";
            if (!clock.lapses.empty())
                os << "; reset " << html_escaped(day_list(clock.lapses, 4, true))
                   << " (the clean days before still count)";
            if (!clock.reached.empty())
                os << "; " << html_escaped(reached_text(clock));
            os << "</li>\n";
        }
        if (r.clocks.empty())
            os << "<li>no clocks</li>\n";
        os << "</ul>\n</section>\n";
    }
    if (!r.insights.empty()) {
        os << "<section id=\"insights\">\n<h2>Insights</h2>\n<ul>\n";
        for (const auto& insight : r.insights)
            os << "<li>" << html_escaped(insight.text) << "</li>\n";
        os << "</ul>\n</section>\n";
    }
}

void html_notes(std::ostream& os, const Report& r)
{
    if (r.notes.empty())
        return;
    os << "<section id=\"notes\">\n<h2>Notes</h2>\n<ul class=\"notes\">\n";
    for (const auto& note : r.notes)
        os << "<li><strong>" << html_escaped(short_day(note.day, false)) << "</strong>, "
           << html_escaped(share_note_label(note)) << ":<p class=\"note\">"
           << html_escaped(note.text) << "</p></li>\n";
    os << "</ul>\n</section>\n";
}

void html_head(std::ostream& os, const Share& share)
{
    os << "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          // Even if something slipped through the escaping, the page may load
          // and run nothing: no scripts, no fetches, only its own styles.
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'\">\n"
          "<meta name=\"referrer\" content=\"no-referrer\">\n<title>Summary "
       << html_escaped(html_period(share.report)) << "</title>\n<style>\n"
       << k_html_style << "</style>\n</head>\n";
}

} // namespace

std::string share_html(const Share& share)
{
    std::ostringstream os;
    const auto& r = share.report;
    html_head(os, share);
    os << "<body>\n<main>\n<h1>Summary " << html_period_marked(r) << "</h1>\n<p>Hi "
       << html_escaped(share.to) << ",</p>\n";
    if (share.message)
        os << "<p class=\"message\">" << html_escaped(*share.message) << "</p>\n";
    os << "<p>Here is " << (share.from ? html_escaped(*share.from) + "&#39;s" : "my")
       << " summary for " << html_period_marked(r) << ".</p>\n";
    if (r.days_counted > 0)
        os << (share.missed_days.empty()
                   ? std::string("<p>A check-in every day so far.</p>\n")
                   : "<p class=\"missed\"><strong>Days without a check-in:</strong> " +
                         html_escaped(day_list(share.missed_days, 12, true)) + ".</p>\n");
    if (r.days_counted == 0 && r.period.from > r.today)
        os << "<p>That period has not begun yet; nothing has happened in it.</p>\n";
    else if (r.empty() && r.notes.empty())
        os << "<p>Nothing was logged in this period.</p>\n";
    if (r.days_counted > 0 && share.scope.has(Section::checkins))
        html_checkins(os, r);
    if (share.scope.has(Section::mood) && domain::stats_of(r, Measure::mood).count > 0)
        html_mood(os, share);
    if (share.scope.has(Section::cravings) && r.days_counted > 0)
        html_cravings(os, share);
    if (share.scope.has(Section::triggers) && r.days_counted > 0)
        html_triggers(os, r);
    html_rest(os, share);
    html_notes(os, r);
    os << "<footer>\n<p>— " << (share.from ? html_escaped(*share.from) + ", s" : std::string("S"))
       << "ent with steady</p>\n</footer>\n</main>\n</body>\n</html>\n";
    return os.str();
}

} // namespace steady::app
