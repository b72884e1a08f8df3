#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "app/mail.hpp"
#include "base/error.hpp"
#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using steady::app::build_note_mail;
using steady::app::build_share_mail;
using steady::app::find_summary_attachment;
using steady::app::MailHead;
using steady::app::NoteMail;
using steady::app::ShareMail;
using steady::test::TestApp;

namespace {

// 2026-11-22T19:00:00Z, shown at +01:00.
MailHead module_head()
{
    MailHead head;
    head.from = {"Alex", "alex@example.org"};
    head.to = {"Sam", "sam@example.org"};
    head.subject = "steady: a test";
    head.at = steady::timeutil::Instant{std::chrono::seconds{1795374000}};
    head.utc_offset = std::chrono::hours{1};
    return head;
}

ShareMail module_share()
{
    ShareMail mail;
    mail.head = module_head();
    mail.text = "Hi Sam,\n\nmood 5 ✓\n";
    mail.html =
        "<!doctype html><html><body><p>Hi Sam, " + std::string(200, 'x') + "</p></body></html>\n";
    mail.attachment_name = "steady-summary-2026-11-16-2026-11-22.json";
    mail.attachment = "{\"format\": \"steady-summary\", \"version\": 1, \"note\": \"Zoë\"}\n";
    return mail;
}

std::vector<std::string> module_lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// The header lines of `email` (before the first empty line), unfolded.
std::vector<std::string> module_headers(const std::string& email)
{
    std::vector<std::string> out;
    for (const auto& line : module_lines(email)) {
        if (line.empty())
            break;
        if ((line[0] == ' ' || line[0] == '\t') && !out.empty())
            out.back() += " " + line.substr(1);
        else
            out.push_back(line);
    }
    return out;
}

bool module_has_header(const std::string& email, const std::string& line)
{
    for (const auto& header : module_headers(email))
        if (header == line)
            return true;
    return false;
}

std::string module_crlf(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

} // namespace

TEST_CASE("the mail module builds a share email: headers, parts, attachment", "[mail]")
{
    auto email = build_share_mail(module_share());

    CHECK(module_has_header(email, "From: Alex <alex@example.org>"));
    CHECK(module_has_header(email, "To: Sam <sam@example.org>"));
    CHECK(module_has_header(email, "Subject: steady: a test"));
    CHECK(module_has_header(email, "Date: Sun, 22 Nov 2026 20:00:00 +0100"));
    CHECK(module_has_header(email, "MIME-Version: 1.0"));
    CHECK_THAT(email, Contains("Message-Id: <"));
    CHECK_THAT(email, Contains("@example.org>"));
    CHECK_THAT(email, Contains("Content-Type: multipart/mixed; boundary="));
    CHECK_THAT(email, Contains("Content-Type: multipart/alternative; boundary="));
    CHECK_THAT(email, Contains("Content-Type: text/plain; charset=utf-8\n"
                               "Content-Transfer-Encoding: quoted-printable"));
    CHECK_THAT(email, Contains("Content-Type: text/html; charset=utf-8\n"
                               "Content-Transfer-Encoding: quoted-printable"));
    CHECK_THAT(email, Contains("Content-Type: application/json"));
    CHECK_THAT(email, Contains("Content-Transfer-Encoding: base64"));
    CHECK_THAT(email, Contains("filename=steady-summary-2026-11-16-2026-11-22.json"));
    CHECK_THAT(email, Contains("mood 5 =E2=9C=93"));
    CHECK(email.find("text/plain") < email.find("text/html"));
    CHECK(email.find("text/html") < email.find("application/json"));
    CHECK(email.find('\r') == std::string::npos);
    for (const auto& line : module_lines(email)) {
        INFO(line);
        CHECK(line.size() <= 78);
    }
    // What find_summary_attachment reads back is the attachment, byte for byte.
    auto found = find_summary_attachment(email);
    REQUIRE(found.json);
    CHECK(*found.json == module_share().attachment);
}

TEST_CASE("the mail module encodes non-ASCII headers and keeps names out of other headers",
          "[mail]")
{
    auto mail = module_share();
    mail.head.from.name = "Al\r\nBcc: evil@example.org";
    mail.head.to.name = "Zoë Ångström\nX-Evil: 1";
    mail.head.to.email = "zoe@example.org\nCc: evil@example.org";
    mail.head.subject = "steady: Zoë's week, 16–22 Nov 2026\nBcc: evil@example.org";

    auto email = build_share_mail(mail);

    for (const auto& header : module_headers(email)) {
        INFO(header);
        CHECK_FALSE(header.rfind("Bcc:", 0) == 0);
        CHECK_FALSE(header.rfind("Cc:", 0) == 0);
        CHECK_FALSE(header.rfind("X-Evil:", 0) == 0);
        for (unsigned char c : header)
            CHECK(c < 0x80);
    }
    CHECK_THAT(email, Contains("To: =?UTF-8?"));
    CHECK_THAT(email, Contains("Subject: steady: =?UTF-8?"));
}

TEST_CASE("the mail module builds a short plain-text note", "[mail]")
{
    NoteMail note;
    note.head = module_head();
    note.head.subject = "steady: Alex has not checked in for 3 days";
    note.body = "Alex has not checked in since 19 Nov.\nMaybe say hello.\n";

    auto email = build_note_mail(note);

    CHECK(module_has_header(email, "From: Alex <alex@example.org>"));
    CHECK(module_has_header(email, "To: Sam <sam@example.org>"));
    CHECK(module_has_header(email, "Subject: steady: Alex has not checked in for 3 days"));
    CHECK(module_has_header(email, "Date: Sun, 22 Nov 2026 20:00:00 +0100"));
    CHECK(module_has_header(email, "Content-Type: text/plain; charset=utf-8"));
    CHECK_THAT(email, Contains("Message-Id: <"));
    CHECK_FALSE(email.find("multipart") != std::string::npos);
    // Plain ASCII in short lines goes as it is.
    CHECK_THAT(email, Contains("\n\nAlex has not checked in since 19 Nov.\nMaybe say hello.\n"));

    note.body = "Zoë " + std::string(120, 'y') + "\n";
    note.head.to.name = "Sam\nBcc: evil@example.org";
    auto encoded = build_note_mail(note);
    CHECK_THAT(encoded, Contains("Content-Transfer-Encoding: quoted-printable"));
    CHECK_THAT(encoded, Contains("Zo=C3=AB"));
    for (const auto& line : module_lines(encoded)) {
        INFO(line);
        CHECK(line.size() <= 78);
        CHECK_FALSE(line.rfind("Bcc:", 0) == 0);
    }
}

TEST_CASE("the mail module finds the summary attachment of an .eml, or says why not", "[mail]")
{
    auto email = build_share_mail(module_share());
    auto want = module_share().attachment;

    SECTION("as sent, with CRLF line ends, or after an mbox From line")
    {
        CHECK(find_summary_attachment(email).json == want);
        CHECK(find_summary_attachment(module_crlf(email)).json == want);
        CHECK(find_summary_attachment("From alex@example.org Sun Nov 22 20:00:00 2026\n" + email)
                  .json == want);
    }
    SECTION("forwarded inside another message")
    {
        std::string forwarded = "From: Riley <riley@example.org>\nTo: Kai <kai@example.org>\n"
                                "Subject: Fwd: my week\nMIME-Version: 1.0\n"
                                "Content-Type: multipart/mixed; boundary=\"outer\"\n\n"
                                "--outer\nContent-Type: text/plain\n\nsee below\n"
                                "--outer\nContent-Type: message/rfc822\n\n" +
                                email + "\n--outer--\n";
        CHECK(find_summary_attachment(forwarded).json == want);
    }
    SECTION("an application/json part under another name")
    {
        std::string other = "From: Riley <riley@example.org>\nSubject: summary\n"
                            "MIME-Version: 1.0\n"
                            "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
                            "--b\nContent-Type: text/plain\n\nhi\n"
                            "--b\nContent-Type: application/json\n"
                            "Content-Disposition: attachment; filename=week.json\n\n"
                            "{\"format\": \"steady-summary\"}\n--b--\n";
        CHECK(find_summary_attachment(other).json == "{\"format\": \"steady-summary\"}");
    }
    SECTION("an email without one")
    {
        auto found = find_summary_attachment("From: Riley <riley@example.org>\nSubject: hi\n\n"
                                             "just text\n");
        CHECK_FALSE(found.json);
        CHECK_THAT(found.why_not, Contains("no steady summary attached"));
    }
    SECTION("not an email at all")
    {
        // An mbox "From " line alone leaves nothing to read (once a null
        // buffer handed to GMime: a critical warning, fatal under ctest).
        for (std::string text : {std::string("{\"format\": \"steady-summary\"}\n"), std::string(""),
                                 std::string("\x89PNG\r\n\x1a\n", 8),
                                 std::string("From sam@example.org Sun Nov 22 20:00:00 2026")}) {
            INFO(text);
            auto found = find_summary_attachment(text);
            CHECK_FALSE(found.json);
            CHECK_THAT(found.why_not, Contains("not an email message"));
        }
    }
}

TEST_CASE("without the mail module, email is 69 naming it and nothing is written",
          "[mail][share][email][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin",
                "name = \"Alex\"\nemail = \"alex@example.org\"\n"};
    REQUIRE(app.run({"partner", "add", "Sam", "--email", "sam@example.org"}).exit_code == 0);
    auto before = app.snapshot();
    struct Restore {
        ~Restore() { steady::app::use_mail_module_for_tests(STEADY_MAIL_MODULE); }
    } restore;
    steady::app::use_mail_module_for_tests("/nonexistent/steady-mail.so");

    auto r = app.run({"share", "sam", "--format", "email"});
    CHECK_REFUSED(r, 69, "mail module steady-mail.so, which is not installed");
    CHECK_THAT(r.err, Contains("/nonexistent/steady-mail.so"));
    CHECK_THAT(r.err, Contains("reinstall steady"));
    CHECK_REFUSED(app.run({"share", "sam", "--send"}), 69, "steady-mail.so");
    CHECK(app.snapshot() == before);
    CHECK_THROWS_AS(find_summary_attachment("From: a@example.org\n\nx\n"), steady::DeliveryError);
    CHECK(app.run({"share", "sam", "--format", "json"}).exit_code == 0);
}
