#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include "app/output/charts.hpp"
#include "app/output/report.hpp"
#include "app/output/share.hpp"
#include "domain/text.hpp"

namespace steady::app {

using domain::Report;
using domain::Section;
using domain::Share;

namespace {

// The person's own words with markdown's marks escaped, so that a note
// cannot become a link, an image, a list, a rule or a heading in the
// partner's reader. The
// autolinks of GitHub's markdown need no marks at all ("http://…",
// "www.…", an address): the ':' before "//" and the '.' after "www" are
// escaped too, which breaks the pattern a reader looks for; an '@' is
// followed by an invisible WORD JOINER (U+2060), as readers find addresses
// after undoing escapes.
std::string md_escaped(std::string_view text)
{
    auto plain = share_printable(text);
    std::string out;
    out.reserve(plain.size() + plain.size() / 8);
    // The line so far: only spaces; only spaces and digits; a digit in it.
    bool blank = true;
    bool numeric = true;
    bool digit = false;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        char c = plain[i];
        if (c == '@') {
            out += "@\u2060";
            blank = numeric = false;
            continue;
        }
        bool autolink = (c == ':' && plain.compare(i + 1, 2, "//") == 0) ||
                        (c == '.' && i >= 3 &&
                         domain::to_lower(std::string_view(plain).substr(i - 3, 3)) == "www");
        // At the start of a line (after any spaces): a list item, a rule or
        // a heading's underline ("- ", "+ ", "---", "===", "2. ", "3) ").
        bool block = (blank && (c == '-' || c == '+' || c == '=')) ||
                     (numeric && digit && (c == '.' || c == ')'));
        if (autolink || block ||
            std::string_view("\\`*_[]<>|!#~").find(c) != std::string_view::npos)
            out += '\\';
        if (c == '\n') {
            out += "  \n";
            blank = numeric = true;
            digit = false;
        } else {
            out += c;
            if (std::isdigit(static_cast<unsigned char>(c))) {
                blank = false;
                digit = true;
            } else if (c != ' ') {
                blank = numeric = false;
            }
        }
    }
    return out;
}

std::string md_decimal(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", value);
    std::string text = buf;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        text.resize(text.size() - 2);
    return text;
}

std::string md_days(int n)
{
    return std::to_string(n) + (n == 1 ? " day" : " days");
}

// `previous`: the average of as many days before the period, for the trend.
void md_measure(std::ostream& os, const Report& r, domain::Measure measure, const char* label,
                double low, double high, bool utf8, std::optional<double> previous = std::nullopt)
{
    auto stats = domain::stats_of(r, measure);
    if (stats.count == 0)
        return;
    os << "- " << label << ": average " << md_decimal(*stats.average()) << " ("
       << md_decimal(stats.min) << (utf8 ? "–" : "-") << md_decimal(stats.max) << ")"
       << change_text(*stats.average(), previous, r.days_counted) << ", by day `"
       << sparkline(squeeze(domain::by_day(r, measure), 56), low, high, utf8) << "`\n";
}

void md_checkins(std::ostream& os, const Share& share, bool utf8)
{
    const auto& r = share.report;
    auto streaks = domain::checkin_streaks(r);
    os << "\n## Check-ins\n\n- " << r.checkins.size() << " of " << md_days(domain::days_due(r))
       << "; streak " << md_days(streaks.current) << ", longest " << md_days(streaks.longest)
       << "\n";
    md_measure(os, r, domain::Measure::energy, "Energy", 1, 10, utf8);
    md_measure(os, r, domain::Measure::sleep, "Sleep (hours)", 0, 12, utf8);
}

void md_cravings(std::ostream& os, const Report& r, bool utf8)
{
    const auto& m = r.moments;
    os << "\n## Cravings\n\n- " << m.cravings << " logged: " << m.resisted << " resisted, "
       << m.used << " used";
    if (int open = m.cravings - m.resisted - m.used; open > 0)
        os << ", " << open << " not recorded";
    if (auto intensity = m.craving_intensity.average())
        os << ", intensity " << md_decimal(*intensity);
    if (auto minutes = m.craving_minutes.average())
        os << ", " << domain::format_span(std::chrono::minutes(std::lround(*minutes)))
           << " on average";
    os << "\n";
    for (const auto& s : domain::ranked_strategies(m.strategies))
        os << "- " << md_escaped(s.name) << ": " << s.resisted << " of " << s.used << " resisted\n";
    md_measure(os, r, domain::Measure::craving, "Craving at check-in", 0, 10, utf8,
               r.previous_craving);
}

void md_triggers(std::ostream& os, const Report& r, bool utf8)
{
    const auto& m = r.moments;
    os << "\n## Triggers\n\n- " << m.triggers << " logged";
    if (auto intensity = m.trigger_intensity.average())
        os << ", intensity " << md_decimal(*intensity);
    os << "\n";
    for (const auto& [name, tally] : m.by_category)
        os << "- " << (name.empty() ? "no category" : md_escaped(name)) << ": " << tally.count
           << "\n";
    if (m.triggers == 0)
        return;
    if (auto halt = halt_list(m); !halt.empty())
        os << "- HALT: " << halt << "\n";
    os << "- By weekday:";
    for (unsigned i = 0; i < 7; ++i) {
        auto weekday = (r.week_start + date::days{i}).c_encoding();
        os << (i == 0 ? " " : ", ")
           << std::string(domain::weekday_name(static_cast<int>(weekday))).substr(0, 3) << " "
           << m.triggers_by_weekday[weekday];
    }
    int most = *std::max_element(m.triggers_by_hour.begin(), m.triggers_by_hour.end());
    std::vector<std::optional<double>> hours;
    for (int count : m.triggers_by_hour)
        hours.push_back(count > 0 ? std::optional<double>(count) : std::nullopt);
    os << "\n- By hour, 0 to 23: `" << sparkline(hours, 0, most, utf8) << "`\n";
}

void md_rest(std::ostream& os, const Share& share, bool utf8)
{
    const auto& r = share.report;
    if (share.scope.has(Section::meetings)) {
        os << "\n## Meetings\n\n- " << r.meetings << " attended\n";
        for (const auto& [type, count] : r.meetings_by_type)
            os << "- " << (type.empty() ? "other" : md_escaped(type)) << ": " << count << "\n";
    }
    if (share.scope.has(Section::goals)) {
        os << "\n## Goals\n\n";
        for (const auto& goal : r.goals)
            os << "- #" << goal.goal.id
               << (goal.goal.title.empty() ? "" : " " + md_escaped(goal.goal.title)) << ": "
               << domain::describe_progress(goal.goal, goal.today) << ", " << goal.in_period
               << " in this period\n";
        if (r.goals.empty())
            os << "- no goals in progress\n";
    }
    if (share.scope.has(Section::clocks)) {
        os << "\n## Clocks\n\n";
        for (const auto& clock : r.clocks) {
            os << "- " << md_escaped(clock.name) << ": " << domain::format_span(clock.current_run)
               << " now";
            if (!clock.lapses.empty())
                os << "; reset " << day_list(clock.lapses, 4, utf8);
            if (!clock.reached.empty())
                os << "; " << reached_text(clock);
            os << "\n";
        }
        if (r.clocks.empty())
            os << "- no clocks\n";
    }
    if (!r.insights.empty()) {
        os << "\n## Insights\n\n";
        for (const auto& insight : r.insights)
            os << "- " << md_escaped(insight.text) << "\n";
    }
}

void md_notes(std::ostream& os, const Report& r)
{
    if (r.notes.empty())
        return;
    os << "\n## Notes\n\n";
    for (const auto& note : r.notes)
        os << "- " << short_day(note.day, false) << ", " << share_note_label(note) << ": "
           << md_escaped(note.text) << "\n";
}

} // namespace

std::string share_markdown(const Share& share, bool utf8)
{
    std::ostringstream os;
    const auto& r = share.report;
    std::string dash = utf8 ? " – " : " to ";
    os << "# Summary " << timeutil::format_day(r.period.from) << dash
       << timeutil::format_day(r.period.to) << "\n\nHi " << md_escaped(share.to) << ",\n\n";
    if (share.message)
        os << md_escaped(*share.message) << "\n\n";
    os << "Here is " << (share.from ? md_escaped(*share.from) + "'s" : std::string("my"))
       << " summary for " << timeutil::format_day(r.period.from) << dash
       << timeutil::format_day(r.period.to) << ".\n";
    if (r.days_counted > 0)
        os << "\n"
           << (share.missed_days.empty()
                   ? std::string("A check-in every day so far.")
                   : "**Days without a check-in:** " + day_list(share.missed_days, 12, utf8) + ".")
           << "\n";
    if (r.days_counted == 0 && r.period.from > r.today)
        os << "\nThat period has not begun yet; nothing has happened in it.\n";
    else if (r.empty() && r.notes.empty())
        os << "\nNothing was logged in this period.\n";
    if (r.days_counted > 0 && share.scope.has(Section::checkins))
        md_checkins(os, share, utf8);
    if (share.scope.has(Section::mood) && domain::stats_of(r, domain::Measure::mood).count > 0) {
        os << "\n## Mood\n\n";
        md_measure(os, r, domain::Measure::mood, "Mood", 1, 10, utf8, r.previous_mood);
    }
    if (share.scope.has(Section::cravings) && r.days_counted > 0)
        md_cravings(os, r, utf8);
    if (share.scope.has(Section::triggers) && r.days_counted > 0)
        md_triggers(os, r, utf8);
    md_rest(os, share, utf8);
    md_notes(os, r);
    os << "\n---\n\n"
       << (share.from ? md_escaped(*share.from) + ", s" : std::string("S")) << "ent with steady\n";
    return os.str();
}

} // namespace steady::app
