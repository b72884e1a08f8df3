#pragma once

#include <string>
#include <string_view>

#include "domain/share.hpp"

namespace steady::app {

// The formats a share is written in.
enum class ShareFormat { text, markdown, json, html };
const char* share_format_name(ShareFormat format);

// `share` as the bytes of `format`. Text and markdown greet the partner by
// name, give the sender's message first, then the period, the days without
// a check-in, each section in scope with figures, the notes when allowed,
// and a sign-off; `utf8` chooses between UTF-8 and ASCII marks and charts.
// JSON is the steady-summary object documented under SHARE JSON in steady(1).
// HTML is one self-contained page with the content of the text format and
// inline SVG charts of mood and craving: no script, nothing loaded from
// anywhere, every value escaped.
// Renderers read only `share`, never the journal.
std::string render_share(const domain::Share& share, ShareFormat format, bool utf8);

// The parts of the renderers. `text` with control characters other than
// newlines shown as '?', so that what a person wrote cannot move a cursor
// or colour a partner's terminal.
std::string share_printable(std::string_view text);
// "check-in gratitude", "trigger", "trigger, how they coped", "lapse", …
std::string share_note_label(const domain::ReportNote& note);
std::string share_text(const domain::Share& share, bool utf8);
std::string share_markdown(const domain::Share& share, bool utf8);
std::string share_json(const domain::Share& share);
std::string share_html(const domain::Share& share);

} // namespace steady::app
