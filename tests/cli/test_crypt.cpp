#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/crypt.hpp"
#include "app/mail.hpp"
#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;
using steady::test::TempDir;
using steady::test::TestApp;

namespace {

const std::string k_crypt_sender = "name = \"Alex\"\nemail = \"alex@example.org\"\n";

void crypt_journal(TestApp& app)
{
    auto ok = [&](std::vector<std::string> args) { REQUIRE(app.run(args).exit_code == 0); };
    ok({"checkin", "--date", "2026-11-17", "--mood", "5", "--craving", "3"});
    ok({"partner", "add", "Sam", "--email", "sam@example.org", "--share", "checkins,mood"});
}

void write_text(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

std::string read_text(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// A throw-away GnuPG home with one key, 'Sam <sam@example.org>', made by the
// real gpg; its agent is stopped and the folder removed at the end.
struct GpgHome {
    TempDir dir;
    GpgHome()
    {
        int status = run("gpg --batch --quiet --passphrase '' --quick-gen-key "
                         "'Sam <sam@example.org>' future-default default never");
        REQUIRE(status == 0);
    }
    ~GpgHome() { run("gpgconf --kill all"); }
    GpgHome(const GpgHome&) = delete;
    GpgHome& operator=(const GpgHome&) = delete;

    // Runs `command` with GNUPGHOME set to this home; its exit status.
    int run(const std::string& command) const
    {
        return std::system(
            ("GNUPGHOME='" + dir.path().string() + "' " + command + " >/dev/null 2>&1").c_str());
    }
};

// Points the loader back at the modules this build made when it goes.
struct RestoreModules {
    RestoreModules() = default;
    ~RestoreModules()
    {
        steady::app::use_mail_module_for_tests(STEADY_MAIL_MODULE);
        steady::app::use_crypt_module_for_tests(STEADY_CRYPT_MODULE);
    }
    RestoreModules(const RestoreModules&) = delete;
    RestoreModules& operator=(const RestoreModules&) = delete;
};

} // namespace

TEST_CASE("OpenPGP messages are told from text by their first bytes", "[crypt]")
{
    using steady::app::is_openpgp_message;
    CHECK(is_openpgp_message("-----BEGIN PGP MESSAGE-----\n\nhQ"));
    CHECK(is_openpgp_message("\n-----BEGIN PGP MESSAGE-----\n"));
    CHECK(is_openpgp_message(std::string("\x85\x01\x0c\x03", 4))); // old-format PKESK v3
    CHECK(is_openpgp_message(std::string("\xc1\x5e\x03\x00", 4))); // new-format PKESK v3
    CHECK(is_openpgp_message(std::string("\x8c\x0d\x04\x09", 4))); // SKESK v4
    CHECK_FALSE(is_openpgp_message("{\"format\": \"steady-journal\"}"));
    CHECK_FALSE(is_openpgp_message("kind,at,mood\ncheckin,2026-11-17,5\n"));
    CHECK_FALSE(is_openpgp_message("\xef\xbb\xbfkind,at\n")); // a BOM
    CHECK_FALSE(is_openpgp_message("\xc3\xa9t\xc3\xa9,x\n")); // UTF-8 text
    CHECK_FALSE(is_openpgp_message("-----BEGIN PGP PUBLIC KEY BLOCK-----\n"));
    CHECK_FALSE(is_openpgp_message(""));
}

TEST_CASE("partner --pgp-key flags are checked before anything is read or written",
          "[cli][partner][crypt][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    crypt_journal(app);
    auto before = app.snapshot();
    CHECK_REFUSED(app.run({"partner", "edit", "Sam", "--pgp-key", "ABCD", "--no-pgp-key"}), 64,
                  "--pgp-key or --no-pgp-key, not both");
    CHECK_REFUSED(app.run({"partner", "edit", "Sam", "--pgp-key", " "}), 64,
                  "--pgp-key needs a key id");
    CHECK_REFUSED(app.run({"partner", "edit", "Sam", "--pgp-key", "./nowhere/sam.asc"}), 66,
                  "no key file './nowhere/sam.asc'");
    CHECK_REFUSED(app.run({"partner", "edit", "Sam"}), 64, "--pgp-key or --no-pgp-key");
    CHECK_REFUSED(app.run({"partner", "edit", "Jo", "--pgp-key", "ABCD"}), 65,
                  "no partner named 'Jo'");
    CHECK(app.snapshot() == before);
    CHECK_FALSE(std::filesystem::exists(app.dir() / ".local/share/steady/gnupg"));
}

TEST_CASE("a file that is not an OpenPGP key is 65 and nothing changes",
          "[cli][partner][crypt][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    crypt_journal(app);
    write_text(app.dir() / "notakey.asc", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnonsense\n");
    write_text(app.dir() / "empty.gpg", "");
    auto before = app.snapshot();
    for (const char* file : {"notakey.asc", "empty.gpg"}) {
        INFO(file);
        auto path = (app.dir() / file).string();
        CHECK_REFUSED(app.run({"partner", "edit", "Sam", "--pgp-key", path}), 65,
                      "the key file '" + path + "' cannot be used: it is not an OpenPGP key");
        CHECK_REFUSED(
            app.run({"partner", "add", "Jo", "--email", "jo@example.org", "--pgp-key", path}), 65,
            "nothing was changed");
    }
    CHECK(app.snapshot() == before);
    CHECK(app.query("SELECT count(*) FROM partners WHERE pgp_fingerprint IS NOT NULL") == "0");
}

TEST_CASE("without the mail module, OpenPGP is 69 and nothing is written", "[cli][crypt][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", k_crypt_sender};
    crypt_journal(app);
    write_text(app.dir() / "sam.asc", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nx\n");
    write_text(app.dir() / "export.gpg", "-----BEGIN PGP MESSAGE-----\n\nx\n");
    auto before = app.snapshot();
    RestoreModules restore;
    steady::app::use_mail_module_for_tests("/nonexistent/steady-mail.so");
    steady::app::use_crypt_module_for_tests("/nonexistent/steady-crypt.so");

    CHECK_REFUSED(
        app.run({"partner", "edit", "Sam", "--pgp-key", (app.dir() / "sam.asc").string()}), 69,
        "OpenPGP encryption needs steady's mail module steady-mail.so, which is not installed");
    CHECK_REFUSED(app.run({"export", "--encrypt-to", "alex@example.org", "--output",
                           (app.dir() / "out.gpg").string()}),
                  69,
                  "OpenPGP encryption needs steady's OpenPGP module steady-crypt.so, which is not "
                  "installed");
    CHECK_REFUSED(
        app.run({"backup", (app.dir() / "b.db.gpg").string(), "--encrypt-to", "alex@example.org"}),
        69, "steady-mail.so");
    CHECK_REFUSED(app.run({"import", (app.dir() / "export.gpg").string()}), 69, "steady-crypt.so");
    CHECK(app.snapshot() == before);
    CHECK_FALSE(std::filesystem::exists(app.dir() / "out.gpg"));
    CHECK_FALSE(std::filesystem::exists(app.dir() / "b.db.gpg"));
}

TEST_CASE("an encrypted export to a terminal is refused", "[cli][export][crypt][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    crypt_journal(app);
    app.out_tty = true;
    CHECK_REFUSED(app.run({"export", "--encrypt-to", "alex@example.org"}), 64, "--output FILE.gpg");
}

TEST_CASE("a partner with a key gets every share encrypted, and the log says so",
          "[cli][share][crypt]")
{
    GpgHome gpg;
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", k_crypt_sender};
    crypt_journal(app);
    auto plain = app.run({"share", "Sam", "--format", "json"});
    REQUIRE(plain.exit_code == 0);
    app.env["GNUPGHOME"] = gpg.dir.path().string();

    auto added = app.run({"partner", "edit", "Sam", "--pgp-key", "sam@example.org"});
    REQUIRE(added.exit_code == 0);
    CHECK_THAT(added.out, Contains("encrypted to "));
    auto fingerprint = app.query("SELECT pgp_fingerprint FROM partners");
    CHECK(fingerprint.size() == 40);
    CHECK_THAT(added.out, Contains(fingerprint + " (Sam <sam@example.org>)"));
    CHECK_THAT(app.run({"partner"}).out, Contains(fingerprint));
    auto listed = json::parse(app.run({"--json", "partner", "list"}).out);
    CHECK(listed["partners"][0]["pgp_fingerprint"] == fingerprint);

    auto share = app.run({"share", "Sam", "--format", "json"});
    REQUIRE(share.exit_code == 0);
    CHECK_THAT(share.out, StartsWith("-----BEGIN PGP MESSAGE-----"));
    CHECK_THAT(share.out, !Contains("steady-summary"));
    write_text(app.dir() / "share.asc", share.out);
    REQUIRE(gpg.run("gpg --batch --quiet --decrypt --output '" +
                    (app.dir() / "share.json").string() + "' '" +
                    (app.dir() / "share.asc").string() + "'") == 0);
    CHECK(read_text(app.dir() / "share.json") == plain.out);

    auto history = json::parse(app.run({"--json", "share", "--history"}).out)["shares"];
    REQUIRE(history.size() == 2);
    CHECK(history[0]["encrypted"] == false);
    CHECK(history[1]["encrypted"] == true);
    CHECK_THAT(app.run({"share", "--history"}).out, Contains("ENCRYPTED"));

    // Undo brings the partner back without the key; --no-pgp-key takes it away too.
    REQUIRE(app.run({"undo"}).exit_code == 0);
    CHECK(app.query("SELECT pgp_fingerprint IS NULL FROM partners") == "1");
    REQUIRE(app.run({"partner", "edit", "Sam", "--pgp-key", fingerprint}).exit_code == 0);
    REQUIRE(app.run({"partner", "edit", "Sam", "--no-pgp-key"}).exit_code == 0);
    CHECK(app.query("SELECT pgp_fingerprint IS NULL FROM partners") == "1");
    CHECK(app.run({"share", "Sam", "--format", "json"}).out == plain.out);
}

TEST_CASE("a key the partner's name does not match, or that is ambiguous, is 65",
          "[cli][partner][crypt][errors]")
{
    GpgHome gpg;
    REQUIRE(gpg.run("gpg --batch --quiet --passphrase '' --quick-gen-key "
                    "'Sam Two <sam2@example.org>' future-default default never") == 0);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    crypt_journal(app);
    app.env["GNUPGHOME"] = gpg.dir.path().string();
    auto before = app.snapshot();
    CHECK_REFUSED(app.run({"partner", "edit", "Sam", "--pgp-key", "nobody@example.org"}), 65,
                  "cannot use the key 'nobody@example.org': no OpenPGP key 'nobody@example.org'");
    auto ambiguous = app.run({"partner", "edit", "Sam", "--pgp-key", "example.org"});
    CHECK_REFUSED(ambiguous, 65, "'example.org' names 2 keys");
    CHECK_THAT(ambiguous.err, Contains("give the full fingerprint"));
    CHECK(app.snapshot() == before);
}

TEST_CASE("import --update keeps a partner's key when the record does not mention it",
          "[cli][import][crypt]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    const std::string fingerprint = "0123456789ABCDEF0123456789ABCDEF01234567";
    auto record = json{{"uuid", "5b7b4f0e-3c2d-4c5e-9a1b-0c2d3e4f5a6b"},
                       {"name", "Sam"},
                       {"email", "sam@example.org"},
                       {"pgp_fingerprint", fingerprint}};
    auto import = [&](const json& partner, std::vector<std::string> flags) {
        auto doc = json::parse(app.run({"export"}).out);
        doc["partners"] = json::array({partner});
        write_text(app.dir() / "partners.json", doc.dump());
        std::vector<std::string> args{"import", (app.dir() / "partners.json").string()};
        args.insert(args.end(), flags.begin(), flags.end());
        auto r = app.run(args);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    };
    import(record, {});
    REQUIRE(app.query("SELECT pgp_fingerprint FROM partners") == fingerprint);

    // An older export, or a hand-written record, without the field.
    record.erase("pgp_fingerprint");
    record["alert_after"] = 3;
    import(record, {"--update"});
    CHECK(app.query("SELECT alert_after FROM partners") == "3");
    CHECK(app.query("SELECT pgp_fingerprint FROM partners") == fingerprint);
    import(record, {"--update"});
    CHECK(app.query("SELECT pgp_fingerprint FROM partners") == fingerprint);

    // Only an explicit null takes the key away.
    record["pgp_fingerprint"] = nullptr;
    import(record, {"--update"});
    CHECK(app.query("SELECT pgp_fingerprint IS NULL FROM partners") == "1");
}

TEST_CASE("an address names the key with exactly that address and not one that contains it",
          "[cli][partner][backup][crypt]")
{
    GpgHome gpg;
    REQUIRE(gpg.run("gpg --batch --quiet --passphrase '' --quick-gen-key "
                    "'X Sam <xsam@example.org>' future-default default never") == 0);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", k_crypt_sender};
    crypt_journal(app);
    app.env["GNUPGHOME"] = gpg.dir.path().string();

    auto added = app.run({"partner", "edit", "Sam", "--pgp-key", "sam@example.org"});
    INFO(added.err);
    REQUIRE(added.exit_code == 0);
    CHECK_THAT(added.out, Contains("(Sam <sam@example.org>)"));
    auto backup =
        app.run({"backup", (app.dir() / "b.db.gpg").string(), "--encrypt-to", "sam@example.org"});
    INFO(backup.err);
    CHECK(backup.exit_code == 0);
    auto other =
        app.run({"backup", (app.dir() / "x.db.gpg").string(), "--encrypt-to", "xsam@example.org"});
    CHECK(other.exit_code == 0);
    // The address of no key is still no key, not every key that contains it.
    CHECK_REFUSED(
        app.run({"backup", (app.dir() / "y.db.gpg").string(), "--encrypt-to", "am@example.org"}),
        65, "no OpenPGP key 'am@example.org'");
}

TEST_CASE("GnuPG itself failing is an I/O error (74) and nothing is written",
          "[cli][crypt][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", k_crypt_sender};
    crypt_journal(app);
    auto before = app.snapshot();
    struct Restore {
        ~Restore() { steady::app::use_mail_module_for_tests(STEADY_MAIL_MODULE); }
    } restore;
    steady::app::use_mail_module_for_tests(STEADY_FAILING_MAIL_MODULE);

    auto backup =
        app.run({"backup", (app.dir() / "b.db.gpg").string(), "--encrypt-to", "alex@example.org"});
    CHECK_REFUSED(backup, 74, "OpenPGP failed, not the key");
    CHECK_THAT(backup.err, Contains("Permission denied"));
    CHECK_REFUSED(app.run({"partner", "edit", "Sam", "--pgp-key", "sam@example.org"}), 74,
                  "GnuPG failed");
    CHECK(app.snapshot() == before);
    CHECK_FALSE(std::filesystem::exists(app.dir() / "b.db.gpg"));
}

TEST_CASE("GnuPG failing midway through an encrypted export or import writes nothing",
          "[cli][export][import][crypt][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", k_crypt_sender};
    crypt_journal(app);
    // An export far larger than what the socket to GnuPG holds, so that
    // GnuPG stops while steady is still writing.
    auto many = json::array();
    for (int n = 0; n < 3000; ++n)
        many.push_back({{"kind", "trigger"},
                        {"at", "2026-10-0" + std::to_string(n % 9 + 1) + " 12:00"},
                        {"what", "noise " + std::string(200, 'x') + std::to_string(n)}});
    write_text(app.dir() / "many.json", many.dump());
    REQUIRE(app.run({"import", (app.dir() / "many.json").string()}).exit_code == 0);
    auto plain = app.run({"export"});
    REQUIRE(plain.out.size() > 600000);
    // What the stand-in "decrypts": the file after its first line, all of it
    // a sound export, before it fails as GnuPG does on a message cut short.
    write_text(app.dir() / "export.gpg", "-----BEGIN PGP MESSAGE-----\n" + plain.out);
    REQUIRE(app.run({"delete", "1", "--yes"}).exit_code == 0);
    auto before = app.snapshot();
    RestoreModules restore;
    steady::app::use_crypt_module_for_tests(STEADY_FAILING_MAIL_MODULE);

    std::filesystem::create_directory(app.dir() / "out");
    auto out = (app.dir() / "out" / "e.gpg").string();
    CHECK_REFUSED(app.run({"export", "--encrypt-to", "alex@example.org", "--output", out}), 74,
                  "OpenPGP failed, not the key: could not encrypt: GnuPG failed");
    CHECK(std::filesystem::is_empty(app.dir() / "out"));
    auto piped = app.run({"export", "--encrypt-to", "alex@example.org"});
    // stdout cannot be taken back: it got the start of a message, never a whole one.
    CHECK(piped.exit_code == 74);
    CHECK_THAT(piped.err, Contains("GnuPG failed"));
    CHECK(piped.out.size() < 100);
    CHECK_REFUSED(app.run({"import", (app.dir() / "export.gpg").string()}), 74, "GnuPG failed");
    CHECK_REFUSED(app.run({"import", "--update", (app.dir() / "export.gpg").string()}), 74,
                  "GnuPG failed");
    CHECK(app.snapshot() == before);
    steady::app::use_crypt_module_for_tests(STEADY_CRYPT_MODULE);
    CHECK(app.run({"import", "--dry-run", (app.dir() / "many.json").string()}).exit_code == 0);
}

TEST_CASE("without the OpenPGP module, encrypted exports and imports are 69; backups still work",
          "[cli][export][import][crypt][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", k_crypt_sender};
    crypt_journal(app);
    write_text(app.dir() / "export.gpg", "-----BEGIN PGP MESSAGE-----\n\nx\n");
    auto before = app.snapshot();
    RestoreModules restore;
    steady::app::use_mail_module_for_tests(STEADY_FAILING_MAIL_MODULE);
    steady::app::use_crypt_module_for_tests("/nonexistent/steady-crypt.so");

    auto out = (app.dir() / "e.gpg").string();
    CHECK_REFUSED(app.run({"export", "--encrypt-to", "alex@example.org", "--output", out}), 69,
                  "steady's OpenPGP module steady-crypt.so, which is not installed (looked for "
                  "/nonexistent/steady-crypt.so); reinstall steady");
    CHECK_REFUSED(app.run({"import", (app.dir() / "export.gpg").string()}), 69,
                  "steady-crypt.so, which is not installed");
    // The mail module still serves what it has: here, its GnuPG failing.
    CHECK_REFUSED(
        app.run({"backup", (app.dir() / "b.db.gpg").string(), "--encrypt-to", "alex@example.org"}),
        74, "GnuPG failed");
    // A file without the entry points (here the mail module) is another version's.
    steady::app::use_crypt_module_for_tests(STEADY_MAIL_MODULE);
    CHECK_REFUSED(app.run({"export", "--encrypt-to", "alex@example.org", "--output", out}), 69,
                  "belongs to another version of steady; reinstall steady");
    CHECK(app.snapshot() == before);
    CHECK_FALSE(std::filesystem::exists(out));
}
