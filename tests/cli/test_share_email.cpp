#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/output/files.hpp"
#include "app/output/share.hpp"
#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;
using steady::test::TestApp;

namespace {

const std::string k_sender = "name = \"Alex\"\nemail = \"alex@example.org\"\n";

// A journal with a check-in, a craving and partner Sam (check-ins, mood, cravings).
void email_journal(TestApp& app)
{
    auto ok = [&](std::vector<std::string> args) { REQUIRE(app.run(args).exit_code == 0); };
    ok({"checkin", "--date", "2026-11-17", "--mood", "5", "--craving", "3"});
    ok({"craving", "--intensity", "6", "--outcome", "resisted", "--at", "2026-11-18 19:30"});
    ok({"partner", "add", "Sam", "--email", "sam@example.org", "--share",
        "checkins,mood,cravings"});
}

std::vector<std::string> email_lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// The value of header `name` (first occurrence, unfolded), or "".
std::string header_of(const std::string& email, const std::string& name)
{
    auto lines = email_lines(email);
    for (std::size_t i = 0; i < lines.size() && !lines[i].empty(); ++i) {
        if (lines[i].rfind(name + ": ", 0) != 0)
            continue;
        std::string value = lines[i].substr(name.size() + 2);
        while (i + 1 < lines.size() && !lines[i + 1].empty() &&
               (lines[i + 1][0] == ' ' || lines[i + 1][0] == '\t'))
            value += " " + lines[++i].substr(1);
        return value;
    }
    return "";
}

// Base64 `lines` (the body of the attachment) decoded.
std::string base64_decoded(const std::string& text)
{
    static const std::string k_alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (char c : text) {
        auto at = k_alphabet.find(c);
        if (at == std::string::npos)
            continue;
        bits = (bits << 6) | static_cast<unsigned>(at);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xff);
        }
    }
    return out;
}

// The base64 body of the part whose headers mention `filename`.
std::string attachment_of(const std::string& email, const std::string& filename)
{
    auto at = email.find("filename=" + filename);
    REQUIRE(at != std::string::npos);
    auto body = email.find("\n\n", at) + 2;
    auto end = email.find("\n--", body);
    return base64_decoded(email.substr(body, end - body));
}

// The message's own header: everything before the first empty line.
std::string header_block(const std::string& email)
{
    return email.substr(0, email.find("\n\n"));
}

} // namespace

TEST_CASE("share --format email is a MIME message with text, html and the json attached",
          "[cli][share][email]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", k_sender};
    email_journal(app);

    auto r = app.run({"share", "sam", "--format", "email"});

    REQUIRE(r.exit_code == 0);
    const auto& email = r.out;
    CHECK(header_of(email, "From") == "Alex <alex@example.org>");
    CHECK(header_of(email, "To") == "Sam <sam@example.org>");
    CHECK(header_of(email, "Date") == "Sun, 22 Nov 2026 20:00:00 +0100");
    CHECK_THAT(header_of(email, "Message-Id"), StartsWith("<"));
    CHECK_THAT(header_of(email, "Message-Id"), Contains("@example.org>"));
    CHECK(header_of(email, "Subject") == "steady: Alex's week, =?UTF-8?B?MTbigJMyMg==?= Nov 2026");
    CHECK(header_of(email, "MIME-Version") == "1.0");
    CHECK_THAT(header_of(email, "Content-Type"), StartsWith("multipart/mixed; boundary="));
    CHECK_THAT(email, Contains("Content-Type: multipart/alternative; boundary="));
    CHECK_THAT(email, Contains("Content-Type: text/plain; charset=utf-8\n"
                               "Content-Transfer-Encoding: quoted-printable"));
    CHECK_THAT(email, Contains("Content-Type: text/html; charset=utf-8\n"
                               "Content-Transfer-Encoding: quoted-printable"));
    CHECK_THAT(email, Contains("Content-Disposition: attachment;"));
    CHECK_THAT(email, Contains("filename=steady-summary-2026-11-16-2026-11-22.json"));
    CHECK(email.find("text/plain") < email.find("text/html"));
    CHECK(email.find("text/html") < email.find("application/json"));
    CHECK_THAT(email, Contains("Hi Sam,"));
    for (const auto& line : email_lines(email)) {
        INFO(line);
        CHECK(line.size() <= 78);
    }
    auto printed = app.run({"share", "sam", "--format", "json"}).out;
    CHECK(attachment_of(email, "steady-summary-2026-11-16-2026-11-22.json") == printed);
    CHECK(json::parse(printed)["from"]["name"] == "Alex");
    CHECK(app.query("SELECT format || ' ' || delivered || ' ' || sha256 FROM shares ORDER BY id "
                    "LIMIT 1") == "email 0 " + steady::app::sha256_hex(email));
}

TEST_CASE("an email's subject names the sender and the period", "[cli][share][email]")
{
    steady::domain::Share share;
    auto day = [](int y, unsigned m, unsigned d) {
        return steady::timeutil::Day{date::year{y} / date::month{m} / date::day{d}};
    };
    auto subject = [&](steady::timeutil::Day from, steady::timeutil::Day to) {
        share.report.period = {from, to, false};
        return steady::app::share_mail_subject(share);
    };
    share.from = "Alex";
    CHECK(subject(day(2026, 11, 16), day(2026, 11, 22)) == "steady: Alex's week, 16–22 Nov 2026");
    CHECK(subject(day(2026, 11, 1), day(2026, 11, 30)) == "steady: Alex's month, Nov 2026");
    CHECK(subject(day(2026, 11, 22), day(2026, 11, 22)) == "steady: Alex's day, 22 Nov 2026");
    CHECK(subject(day(2026, 10, 28), day(2026, 11, 3)) ==
          "steady: Alex's week, 28 Oct – 3 Nov 2026");
    CHECK(subject(day(2026, 12, 20), day(2027, 1, 9)) ==
          "steady: Alex's summary, 20 Dec 2026 – 9 Jan 2027");
    share.from = std::nullopt;
    CHECK(subject(day(2026, 11, 16), day(2026, 11, 22)) == "steady: my week, 16–22 Nov 2026");
    share.from = "Al\nBcc: x@example.org";
    CHECK(subject(day(2026, 11, 16), day(2026, 11, 22)) ==
          "steady: Al Bcc: x@example.org's week, 16–22 Nov 2026");
}

TEST_CASE("an email needs the config's email, and checks both addresses",
          "[cli][share][email][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "name = \"Alex\"\n"};
    email_journal(app);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"share", "sam", "--format", "email"}), 78, "set email =");
    CHECK_REFUSED(app.run({"share", "sam", "--send"}), 78, "set email =");
    app.write_config("email = \"alex@example.org\\nBcc: evil@example.org\"\n");
    CHECK_REFUSED(app.run({"share", "sam", "--format", "email"}), 78, "not an email address");
    app.write_config(k_sender);
    CHECK_REFUSED(app.run({"share", "sam", "--send", "--format", "text"}), 64, "--send");
    CHECK_REFUSED(app.run({"share", "sam", "--send", "--output", "x.eml"}), 64, "--output");
    CHECK_REFUSED(app.run({"share", "sam", "--format", "pdf"}), 64, "json, html or email");
    CHECK(app.snapshot() == before);
}

TEST_CASE("names cannot add headers to an email", "[cli][share][email]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin",
                "name = \"Alex\\r\\nBcc: evil@example.org\"\nemail = \"alex@example.org\"\n"};
    email_journal(app);
    std::string name = "Jo \"the boss\" <evil@example.org>, Bcc: evil@example.org";
    REQUIRE(app.run({"partner", "add", name, "--email", "jo@example.org"}).exit_code == 0);

    auto email = app.run({"share", name, "--format", "email"}).out;

    for (const auto& line : email_lines(header_block(email))) {
        INFO(line);
        CHECK_FALSE(line.rfind("Bcc:", 0) == 0);
        CHECK_FALSE(line.rfind("Cc:", 0) == 0);
    }
    CHECK(header_of(email, "To") ==
          R"("Jo \"the boss\" <evil@example.org>, Bcc: evil@example.org" <jo@example.org>)");

    steady::domain::Share share;
    share.report.period = {steady::timeutil::Day{}, steady::timeutil::Day{}, false};
    steady::app::MailEnvelope envelope;
    envelope.from_name = "A\r\nBcc: evil@example.org";
    envelope.from_email = "a@example.org";
    envelope.to_name = "Zoë\nX-Evil: 1";
    envelope.to_email = "z@example.org";
    auto direct = steady::app::share_email(share, envelope);
    for (const auto& line : email_lines(header_block(direct))) {
        INFO(line);
        CHECK_FALSE(line.rfind("Bcc:", 0) == 0);
        CHECK_FALSE(line.rfind("X-Evil:", 0) == 0);
        CHECK(line.find('\r') == std::string::npos);
    }
    CHECK_THAT(header_of(direct, "To"), StartsWith("=?UTF-8?"));
}

namespace {

// The config of the sender with share.command = `command` (TOML array items).
std::string mail_config(const std::string& command)
{
    return k_sender + "[share]\ncommand = [" + command + "]\n";
}

} // namespace

TEST_CASE("share --send pipes the email to share.command and logs it delivered",
          "[cli][share][email][send]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto sent = app.dir() / "sent.eml";
    auto args = app.dir() / "args.txt";
    app.write_config(mail_config("'sh', '-c', 'cat > \"$0\"; printf \"%s|%s\" \"$1\" \"$2\" > "
                                 "\"$3\"', '" +
                                 sent.string() + "', '{email}', 'to {name}!', '" + args.string() +
                                 "'"));
    email_journal(app);

    auto r = app.run({"share", "Sam", "--send"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Sent the summary for Sam"));
    CHECK_THAT(r.out, Contains("delivered"));
    auto email = steady::test::file_bytes(sent);
    CHECK(header_of(email, "To") == "Sam <sam@example.org>");
    CHECK_THAT(email, Contains("multipart/alternative"));
    CHECK(steady::test::file_bytes(args) == "sam@example.org|to Sam!");
    CHECK(app.query("SELECT format || ' ' || delivered || ' ' || sha256 FROM shares") ==
          "email 1 " + steady::app::sha256_hex(email));
}

TEST_CASE("a delivery that fails is 69 with the program's stderr, logged as not delivered",
          "[cli][share][email][send][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin",
                mail_config("'sh', '-c', 'cat >/dev/null; echo \"smtp: connection refused\" "
                            ">&2; exit 1'")};
    email_journal(app);

    auto failed = app.run({"share", "Sam", "--send"});

    CHECK_REFUSED(failed, 69, "exited with status 1");
    CHECK_THAT(failed.err, Contains("logged as not delivered"));
    CHECK_THAT(failed.err, Contains("\nsmtp: connection refused"));
    CHECK(app.query("SELECT format || ' ' || delivered FROM shares") == "email 0");

    app.write_config(mail_config("'steady-no-such-mailer', '-t'"));
    CHECK_REFUSED(app.run({"share", "Sam", "--send"}), 69,
                  "'steady-no-such-mailer' was not found on PATH");
    app.write_config(mail_config("'/no/such/sendmail'"));
    CHECK_REFUSED(app.run({"share", "Sam", "--send"}), 69, "'/no/such/sendmail' was not found");
    CHECK(app.count("SELECT count(*) FROM shares WHERE delivered = 0") == 3);
}

TEST_CASE("a command that reads nothing and succeeds neither hangs nor kills steady",
          "[cli][share][email][send]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", mail_config("'/bin/true'")};
    email_journal(app);
    std::string long_message(400 * 1024, 'x'); // far more than a pipe holds

    auto r = app.run({"share", "Sam", "--send", "--message", long_message});

    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Sent the summary for Sam"));
    CHECK(app.query("SELECT delivered FROM shares") == "1");
}
