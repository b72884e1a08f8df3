#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "app/output/files.hpp"
#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using steady::test::TestApp;

namespace {

// The journal of test_share.cpp: free text with a marker in each kind the
// person writes, in the last 7 days of the tests' today (Sunday 2026-11-22),
// and Sam, who sees check-ins, mood, cravings and clocks, without notes.
void html_planted_journal(TestApp& app)
{
    auto ok = [&](std::vector<std::string> args) { REQUIRE(app.run(args).exit_code == 0); };
    ok({"checkin", "--date", "2026-11-17", "--mood", "5", "--craving", "3", "--gratitude",
        "GRATITUDE-MARK", "--note", "CHECKIN-NOTE-MARK"});
    ok({"checkin", "--date", "2026-11-19", "--mood", "7", "--craving", "2", "--sleep", "7"});
    ok({"checkin", "--date", "2026-11-22", "--mood", "8", "--craving", "1"});
    ok({"trigger", "TRIGGER-TEXT-MARK", "--category", "lonely", "--coped", "COPED-MARK", "--at",
        "2026-11-18 19:00"});
    ok({"craving", "--intensity", "6", "--strategy", "walk", "--outcome", "resisted", "--note",
        "CRAVING-NOTE-MARK", "--at", "2026-11-18 19:30"});
    ok({"meeting", "MEETING-NAME-MARK", "--type", "AA", "--at", "2026-11-19 19:00"});
    ok({"goal", "add", "GOAL-TITLE-MARK", "--target", "3", "--per", "week", "--tracks",
        "meetings"});
    ok({"clock", "add", "alcohol", "--since", "2026-10-01"});
    ok({"clock", "reset", "alcohol", "--at", "2026-11-20 22:00", "--note", "LAPSE-NOTE-MARK"});
    ok({"partner", "add", "Sam", "--email", "sam@example.org", "--share",
        "checkins,mood,cravings,clocks"});
}

const std::vector<std::string> k_html_free_text = {
    "GRATITUDE-MARK",    "CHECKIN-NOTE-MARK", "TRIGGER-TEXT-MARK", "COPED-MARK",
    "CRAVING-NOTE-MARK", "MEETING-NAME-MARK", "GOAL-TITLE-MARK",   "LAPSE-NOTE-MARK"};

std::string html_of(TestApp& app, std::vector<std::string> args)
{
    args.insert(args.begin(), "share");
    args.insert(args.end(), {"--format", "html"});
    auto r = app.run(args);
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.err.empty());
    return r.out;
}

// Nothing in `html` could run, load or link anything: no script, no URL of
// any scheme or a protocol-relative one, no source attribute, no CSS import
// or url(), no external stylesheet or font.
void check_self_contained(const std::string& html)
{
    for (const char* bad :
         {"<script", "http:", "https:", "src=", "@import", "url(", "<link", "<img", "<iframe",
          "<object", "<embed", "@font-face", "javascript:", "xlink:href", "href="}) {
        INFO(bad);
        CHECK_THAT(html, !Contains(bad));
    }
    CHECK(html.find("//") == std::string::npos);
    // No event handler attribute (onload=, onerror=, …).
    for (auto at = html.find(" on"); at != std::string::npos; at = html.find(" on", at + 1)) {
        auto end = at + 3;
        while (end < html.size() && std::isalpha(static_cast<unsigned char>(html[end])))
            ++end;
        INFO(html.substr(at, end - at + 1));
        CHECK((end == html.size() || html[end] != '='));
    }
}

} // namespace

TEST_CASE("share --format html is one self-contained HTML5 page", "[cli][share][html]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "name = \"Alex\"\n"};
    html_planted_journal(app);

    auto html = html_of(app, {"Sam", "--message", "A hard week, but I am here."});

    CHECK_THAT(html, StartsWith("<!doctype html>\n<html lang=\"en\">\n<head>\n"));
    CHECK_THAT(html, Contains("<meta charset=\"utf-8\">"));
    CHECK_THAT(
        html, Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    CHECK_THAT(html, Contains("<title>Summary 2026-11-16 – 2026-11-22</title>"));
    CHECK_THAT(html, Contains("@media print"));
    CHECK(steady::test::occurrences(html, "<style>") == 1);
    CHECK(html.size() > 200);
    CHECK(html.substr(html.size() - 8) == "</html>\n");
    check_self_contained(html);

    // The content of the text format, in its order.
    auto at = [&](const std::string& part) {
        auto pos = html.find(part);
        INFO(part);
        CHECK(pos != std::string::npos);
        return pos;
    };
    auto hi = at("<p>Hi Sam,</p>");
    auto message = at("<p class=\"message\">A hard week, but I am here.</p>");
    auto period =
        at("Here is Alex&#39;s summary for <time datetime=\"2026-11-16\">2026-11-16</time> "
           "– <time datetime=\"2026-11-22\">2026-11-22</time>.");
    auto missed = at("Days without a check-in:</strong> Nov 18, Nov 20–21.");
    auto checkins = at("<h2>Check-ins</h2>");
    auto mood = at("<h2>Mood</h2>");
    auto cravings = at("<h2>Cravings</h2>");
    auto clocks = at("<h2>Clocks</h2>");
    auto footer = at("— Alex, sent with steady");
    CHECK(hi < message);
    CHECK(message < period);
    CHECK(period < missed);
    CHECK(missed < checkins);
    CHECK(checkins < mood);
    CHECK(mood < cravings);
    CHECK(cravings < clocks);
    CHECK(clocks < footer);
    CHECK_THAT(html, Contains("3 of 6 days"));
    CHECK_THAT(html, Contains("<td>walk</td><td class=\"n\">1 of 1</td>"));
    CHECK_THAT(html, Contains("alcohol: "));
    for (const char* absent : {"Triggers", "Meetings", "Goals", "lonely", "AA"})
        CHECK_THAT(html, !Contains(absent));

    // Charts of mood and craving: scaled to the page, described for screen
    // readers, a gap and a shaded column for each missed day.
    CHECK(steady::test::occurrences(
              html, "<svg viewBox=\"0 0 400 134\" role=\"img\" aria-label=\"") == 2);
    CHECK(steady::test::occurrences(html, "</svg>") == 2);
    CHECK_THAT(html, Contains("<title>Mood by day, Nov 17 to Nov 22, on a scale of 1 to 10: "
                              "average 6.7 (5–8); gaps are days without a value</title>"));
    CHECK_THAT(html, Contains("<title>Craving at check-in by day, Nov 17 to Nov 22"));
    CHECK_THAT(html, Contains("width: 100%"));
    CHECK_THAT(html, Contains("max-width: 40rem"));
    // The figures start on the journal's first day, Nov 17; Nov 18, 20 and
    // 21 have no check-in: shaded in both charts, and each check-in stands
    // alone, as a dot.
    CHECK(steady::test::occurrences(html, "<rect class=\"miss\"") == 6);
    CHECK(steady::test::occurrences(html, "<polyline class=\"mood\"") == 0);
    CHECK(steady::test::occurrences(html, "<circle class=\"mood-dot\"") == 3);
    CHECK(app.query("SELECT format FROM shares ORDER BY id DESC LIMIT 1") == "html");
}

TEST_CASE("html charts join consecutive days and leave a gap for a missed one",
          "[cli][share][html]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    for (const char* day : {"2026-11-16", "2026-11-17", "2026-11-18", "2026-11-20", "2026-11-21"})
        REQUIRE(app.run({"checkin", "--date", day, "--mood", "6"}).exit_code == 0);
    REQUIRE(app.run({"partner", "add", "Jo", "--email", "jo@example.org", "--share", "mood"})
                .exit_code == 0);

    auto html = html_of(app, {"Jo"});

    // 16–18 and 20–21 are two lines; 19 and 22 (today, not yet checked in)
    // have no check-in.
    CHECK(steady::test::occurrences(html, "<polyline class=\"mood\"") == 2);
    CHECK(steady::test::occurrences(html, "<circle class=\"mood-dot\"") == 5);
    CHECK(steady::test::occurrences(html, "<svg") == 1);
    CHECK_THAT(html, !Contains("<h2>Check-ins</h2>"));
    check_self_contained(html);
}

TEST_CASE("html escapes everything a person wrote", "[cli][share][html]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "name = \"Al & <b>Ex</b>\"\n"};
    REQUIRE(app.run({"checkin", "--date", "2026-11-20", "--mood", "6", "--note",
                     "<script>alert(1)</script> and \"><img src=x> & 'quoted'"})
                .exit_code == 0);
    REQUIRE(app.run({"craving", "--intensity", "5", "--strategy", "<i>tea</i>", "--outcome",
                     "resisted", "--at", "2026-11-20 10:00"})
                .exit_code == 0);
    REQUIRE(app.run({"partner", "add", "Jo <b>", "--email", "jo@example.org", "--share", "all",
                     "--notes"})
                .exit_code == 0);

    auto html = html_of(app, {"Jo <b>", "--message", "</p><script>alert(2)</script>\nline 2"});

    CHECK_THAT(html, Contains("&lt;script&gt;alert(1)&lt;/script&gt; and &quot;&gt;&lt;img "
                              "src=x&gt; &amp; &#39;quoted&#39;"));
    CHECK_THAT(html, Contains("<p>Hi Jo &lt;b&gt;,</p>"));
    CHECK_THAT(html, Contains("<p class=\"message\">&lt;/p&gt;&lt;script&gt;alert(2)&lt;/"
                              "script&gt;\nline 2</p>"));
    CHECK_THAT(html, Contains("Here is Al &amp; &lt;b&gt;Ex&lt;/b&gt;&#39;s summary"));
    CHECK_THAT(html, Contains("<td>&lt;i&gt;tea&lt;/i&gt;</td>"));
    for (const char* bad : {"<script", "<img", "<b>", "<i>"})
        CHECK_THAT(html, !Contains(bad));
}

TEST_CASE("html carries free text only when notes are allowed, and only sections in scope",
          "[cli][share][html]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    html_planted_journal(app);
    REQUIRE(app.run({"partner", "add", "Jo", "--email", "jo@example.org", "--share",
                     "checkins,mood,cravings,triggers,goals", "--notes"})
                .exit_code == 0);
    REQUIRE(app.run({"partner", "add", "All", "--email", "all@example.org"}).exit_code == 0);
    REQUIRE(app.run({"partner", "add", "Pat", "--email", "pat@example.org", "--share",
                     "checkins,triggers,meetings", "--notes"})
                .exit_code == 0);

    // Sam: no notes, and no triggers, meetings or goals at all.
    auto sam = html_of(app, {"Sam"});
    for (const auto& mark : k_html_free_text)
        CHECK_THAT(sam, !Contains(mark));
    for (const char* absent : {"lonely", "AA", "id=\"triggers\"", "id=\"notes\""})
        CHECK_THAT(sam, !Contains(absent));
    // Sam with --notes on this share: notes of Sam's sections only.
    auto once = html_of(app, {"Sam", "--notes"});
    for (const char* mark :
         {"GRATITUDE-MARK", "CHECKIN-NOTE-MARK", "CRAVING-NOTE-MARK", "LAPSE-NOTE-MARK"})
        CHECK_THAT(once, Contains(mark));
    for (const char* mark :
         {"TRIGGER-TEXT-MARK", "COPED-MARK", "MEETING-NAME-MARK", "GOAL-TITLE-MARK"})
        CHECK_THAT(once, !Contains(mark));
    CHECK_THAT(once, Contains("<h2>Notes</h2>"));
    // Jo: notes allowed by the partner; no clocks or meetings.
    auto jo = html_of(app, {"Jo"});
    for (const char* mark : {"GRATITUDE-MARK", "TRIGGER-TEXT-MARK", "COPED-MARK", "GOAL-TITLE-MARK",
                             "CRAVING-NOTE-MARK"})
        CHECK_THAT(jo, Contains(mark));
    for (const char* mark :
         {"LAPSE-NOTE-MARK", "MEETING-NAME-MARK", "alcohol", "<h2>Clocks", "<h2>Meetings"})
        CHECK_THAT(jo, !Contains(mark));
    // Everything in scope, notes not allowed: labels, never free text.
    auto all = html_of(app, {"All"});
    for (const auto& mark : k_html_free_text)
        CHECK_THAT(all, !Contains(mark));
    for (const char* label : {"lonely", "walk", "AA", "alcohol", "<h2>Triggers</h2>",
                              "<h2>Meetings</h2>", "<h2>Goals</h2>", "<h2>Clocks</h2>"})
        CHECK_THAT(all, Contains(label));
    CHECK(steady::test::occurrences(all, "<svg") == 2);
    // Pat sees neither mood nor cravings: no chart at all.
    auto pat = html_of(app, {"Pat"});
    CHECK_THAT(pat, !Contains("<svg"));
    CHECK_THAT(pat, !Contains("<h2>Mood</h2>"));
    CHECK_THAT(pat, !Contains("<h2>Cravings</h2>"));
    CHECK_THAT(pat, Contains("<h2>Triggers</h2>"));
    CHECK_THAT(pat, Contains("TRIGGER-TEXT-MARK"));
    CHECK_THAT(pat, !Contains("CRAVING-NOTE-MARK"));
    CHECK_THAT(pat, Contains("Days without a check-in:"));
    for (const auto& html : {sam, once, jo, all, pat})
        check_self_contained(html);
}

TEST_CASE("html of an empty period says so, without charts", "[cli][share][html]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    html_planted_journal(app);

    auto html = html_of(app, {"Sam", "2026-09"});

    CHECK_THAT(html, Contains("<p>Nothing was logged in this period.</p>"));
    CHECK_THAT(html, !Contains("<svg"));
    CHECK_THAT(html, !Contains("GRATITUDE-MARK"));
    check_self_contained(html);
}

TEST_CASE("share --format html --output writes a private file and logs its sha256",
          "[cli][share][html]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    html_planted_journal(app);
    auto printed = html_of(app, {"Sam"});
    auto file = app.dir() / "sam.html";

    auto r = app.run({"share", "Sam", "--format", "HTML", "--output", file.string()});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("(html, sha256 "));
    CHECK(steady::test::file_bytes(file) == printed);
    CHECK(steady::test::mode_of(file) == 0600);
    CHECK(app.query("SELECT sha256 FROM shares ORDER BY id DESC LIMIT 1") ==
          steady::app::sha256_hex(printed));
    CHECK_REFUSED(app.run({"share", "Sam", "--format", "pdf"}), 64,
                  "--format must be text, markdown, json, html or email (got 'pdf')");
}
