#include <algorithm>

#include "app/output/export.hpp"
#include "domain/text.hpp"

namespace steady::app {

MarkdownJournal::MarkdownJournal(std::ostream& out, const timeutil::Zone& fallback,
                                 ReferenceNames names)
    : m_out(out), m_fallback(fallback), m_names(std::move(names))
{
}

void MarkdownJournal::title(timeutil::Day from, timeutil::Day to)
{
    m_out << "# Journal, " << timeutil::format_day(from) << " to " << timeutil::format_day(to)
          << "\n";
}

void MarkdownJournal::add(const domain::Entry& entry)
{
    if (!m_day || *m_day != entry.day) {
        m_day = entry.day;
        m_out << "\n## " << date::format("%A %F", entry.day) << "\n\n";
    }
    Output plain(m_out, OutputStyle{false, true, false});
    auto copy = entry;
    auto note = copy.note;
    copy.note.reset();
    std::string kind(domain::kind_name(entry.kind));
    std::replace(kind.begin(), kind.end(), '_', ' ');
    m_out << "- " << local_time(entry.at, entry_zone(entry, m_fallback)).substr(11) << " **" << kind
          << "** " << entry_summary(copy, plain, &m_names) << "\n";
    if (note)
        for (const auto& line : domain::split(*note, '\n'))
            m_out << "  > " << line << "\n";
}

namespace {

// `text` escaped as an RFC 5545 TEXT value.
std::string ics_text(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c != '\r')
            out += c;
    }
    return out;
}

// `line` folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8
// character, with CRLF line ends.
void write_ics_line(std::ostream& out, std::string_view line)
{
    std::size_t limit = 75;
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        out << line.substr(0, cut) << "\r\n ";
        line.remove_prefix(cut);
        limit = 74; // the leading space counts
    }
    out << line << "\r\n";
}

std::string ics_date(timeutil::Day day)
{
    return date::format("%Y%m%d", day);
}

} // namespace

void write_ics(std::ostream& out, const std::vector<IcsEvent>& events, timeutil::Instant now)
{
    auto stamp = date::format("%Y%m%dT%H%M%SZ", date::floor<std::chrono::seconds>(now));
    write_ics_line(out, "BEGIN:VCALENDAR");
    write_ics_line(out, "VERSION:2.0");
    write_ics_line(out, "PRODID:-//steady//steady export//EN");
    write_ics_line(out, "CALSCALE:GREGORIAN");
    for (const auto& event : events) {
        write_ics_line(out, "BEGIN:VEVENT");
        write_ics_line(out, "UID:" + event.uid);
        write_ics_line(out, "DTSTAMP:" + stamp);
        write_ics_line(out, "DTSTART;VALUE=DATE:" + ics_date(event.day));
        write_ics_line(out, "DTEND;VALUE=DATE:" + ics_date(event.day + date::days{1}));
        write_ics_line(out, "SUMMARY:" + ics_text(event.summary));
        if (!event.description.empty())
            write_ics_line(out, "DESCRIPTION:" + ics_text(event.description));
        write_ics_line(out, "TRANSP:TRANSPARENT");
        write_ics_line(out, "END:VEVENT");
    }
    write_ics_line(out, "END:VCALENDAR");
}

} // namespace steady::app
