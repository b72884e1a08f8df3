#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "app/output/output.hpp"
#include "app/output/report.hpp"
#include "app/output/share.hpp"

namespace steady::app {

using domain::Share;

const char* share_format_name(ShareFormat format)
{
    switch (format) {
    case ShareFormat::text:
        return "text";
    case ShareFormat::markdown:
        return "markdown";
    case ShareFormat::json:
        return "json";
    case ShareFormat::html:
        return "html";
    case ShareFormat::email:
        return "email";
    }
    return "text";
}

std::string render_share(const Share& share, ShareFormat format, bool utf8)
{
    switch (format) {
    case ShareFormat::text:
        return share_text(share, utf8);
    case ShareFormat::markdown:
        return share_markdown(share, utf8);
    case ShareFormat::json:
        return share_json(share);
    case ShareFormat::html:
        return share_html(share);
    case ShareFormat::email:
        throw std::logic_error("render_share: an email needs share_email and its addresses");
    }
    return {};
}

std::string share_printable(std::string_view text)
{
    auto out = printable(text);
    std::replace(out.begin(), out.end(), '\t', '?');
    return out;
}

std::string share_note_label(const domain::ReportNote& note)
{
    std::string kind = note.kind == "checkin"    ? "check-in"
                       : note.kind == "goal_log" ? "goal log"
                                                 : note.kind;
    if (note.field == "gratitude")
        return kind + ", grateful for";
    if (note.field == "coped")
        return kind + ", how it was coped with";
    if (note.field == "what" && note.kind == "lapse")
        return kind + ", what happened";
    return kind;
}

namespace {

// A text block indented by `indent` on every line.
std::string share_indented(const std::string& text, const std::string& indent)
{
    std::string out = indent;
    for (char c : text)
        out += c == '\n' ? "\n" + indent : std::string(1, c);
    return out;
}

void share_text_notes(Output& out, const Share& share)
{
    if (share.report.notes.empty())
        return;
    out.stream() << "  "
                 << "Notes" << '\n';
    for (const auto& note : share.report.notes) {
        out.stream() << "    " << short_day(note.day, false) << ", " << share_note_label(note)
                     << ":\n"
                     << share_indented(share_printable(note.text), "      ") << '\n';
    }
}

void share_text_heading(Output& out, const Share& share)
{
    auto& os = out.stream();
    const auto& r = share.report;
    os << "Hi " << share_printable(share.to) << ",\n\n";
    if (share.message)
        os << share_printable(*share.message) << "\n\n";
    os << "Here is " << (share.from ? share_printable(*share.from) + "'s" : std::string("my"))
       << " summary for " << timeutil::format_day(r.period.from) << out.glyph(" – ", " to ")
       << timeutil::format_day(r.period.to) << ".\n";
    if (r.days_counted == 0)
        return;
    if (share.missed_days.empty())
        os << "A check-in every day so far.\n";
    else
        os << "Days without a check-in: " << day_list(share.missed_days, 12, out.style().utf8)
           << ".\n";
}

} // namespace

std::string share_text(const Share& share, bool utf8)
{
    std::ostringstream bytes;
    Output out(bytes, OutputStyle{false, utf8, false});
    const auto& r = share.report;
    share_text_heading(out, share);
    bytes << '\n';
    if (r.days_counted == 0 && r.period.from > r.today) {
        bytes << "  That period has not begun yet; nothing has happened in it.\n";
    } else if (r.empty() && r.notes.empty()) {
        bytes << "  Nothing was logged in this period.\n";
        print_report_rest(out, r);
    } else {
        print_report_sections(out, r, share.scope);
        share_text_notes(out, share);
    }
    bytes << '\n'
          << out.glyph("— ", "-- ") << (share.from ? share_printable(*share.from) + ", " : "")
          << "sent with steady\n";
    return bytes.str();
}

} // namespace steady::app
