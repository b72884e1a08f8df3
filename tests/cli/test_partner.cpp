#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using steady::test::TestApp;

namespace {

void add_sam_and_jo(TestApp& app)
{
    REQUIRE(app.run({"partner", "add", "Sam", "--email", "sam@example.org", "--share",
                     "checkins,mood,cravings,clocks", "--every", "sunday"})
                .exit_code == 0);
    REQUIRE(app.run({"partner", "add", "Jo", "--email", "jo@example.org", "--share",
                     "checkins,mood,cravings,triggers,goals", "--notes", "--alert-after", "3"})
                .exit_code == 0);
}

json partners_json(TestApp& app)
{
    auto r = app.run({"partner", "list", "--json"});
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out).at("partners");
}

} // namespace

TEST_CASE("partner add keeps what each partner may see", "[cli][partner]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"partner", "add", "Sam", "--email", "sam@example.org", "--share",
                      "checkins,mood,cravings,clocks", "--every", "sunday"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("Added partner Sam <sam@example.org>: shares checkins, mood, "
                               "cravings and clocks, without notes, a summary every sunday"));
    REQUIRE(app.run({"partner", "add", "Jo", "--email", "jo@example.org", "--share",
                     "checkins,mood,cravings,triggers,goals", "--notes", "--alert-after", "3"})
                .exit_code == 0);
    auto list = partners_json(app);
    REQUIRE(list.size() == 2);
    CHECK(list[0]["name"] == "Sam");
    CHECK(list[0]["email"] == "sam@example.org");
    CHECK(list[0]["scope"] == json{"checkins", "mood", "cravings", "clocks"});
    CHECK(list[0]["include_notes"] == false);
    CHECK(list[0]["cadence"] == "sunday");
    CHECK(list[0]["alert_after"].is_null());
    CHECK(list[1]["scope"] == json{"checkins", "mood", "cravings", "triggers", "goals"});
    CHECK(list[1]["include_notes"] == true);
    CHECK(list[1]["cadence"].is_null());
    CHECK(list[1]["alert_after"] == 3);
    auto text = app.run({"partner", "list"}).out;
    CHECK_THAT(text, Contains("NAME"));
    CHECK_THAT(text, Contains("Sam   sam@example.org  checkins,mood,cravings,clocks"));
    CHECK(app.run({"partner"}).out == text);
}

TEST_CASE("partner add without --share shares every section, without notes", "[cli][partner]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"partner", "add", "Ana", "--email", "ana@example.org"}).exit_code == 0);
    auto list = partners_json(app);
    CHECK(list[0]["scope"].size() == 7);
    CHECK(list[0]["include_notes"] == false);
    CHECK(app.query("SELECT scope FROM partners") ==
          "checkins,mood,cravings,triggers,meetings,goals,clocks");
}

TEST_CASE("partner list with no partners says how to add one", "[cli][partner]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    CHECK_THAT(app.run({"partner", "list"}).out, Contains("No partners yet"));
    CHECK(partners_json(app).empty());
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("partner edit changes the scope, notes, cadence and email", "[cli][partner]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_sam_and_jo(app);

    REQUIRE(app.run({"partner", "edit", "sam", "--share", "+triggers"}).exit_code == 0);
    CHECK(partners_json(app)[0]["scope"] ==
          json{"checkins", "mood", "cravings", "triggers", "clocks"});
    REQUIRE(app.run({"partner", "edit", "SAM", "--share", "-mood"}).exit_code == 0);
    CHECK(partners_json(app)[0]["scope"] == json{"checkins", "cravings", "triggers", "clocks"});
    REQUIRE(app.run({"partner", "edit", "sam", "--share", "+meetings,-clocks"}).exit_code == 0);
    CHECK(partners_json(app)[0]["scope"] == json{"checkins", "cravings", "triggers", "meetings"});
    REQUIRE(app.run({"partner", "edit", "sam", "--share", "all"}).exit_code == 0);
    CHECK(partners_json(app)[0]["scope"].size() == 7);
    REQUIRE(app.run({"partner", "edit", "sam", "--notes", "--every", "month", "--alert-after", "5",
                     "--email", "sam@recovery.example.net"})
                .exit_code == 0);
    auto sam = partners_json(app)[0];
    CHECK(sam["include_notes"] == true);
    CHECK(sam["cadence"] == "month");
    CHECK(sam["alert_after"] == 5);
    CHECK(sam["email"] == "sam@recovery.example.net");
    REQUIRE(app.run({"partner", "edit", "sam", "--no-notes", "--every", "never", "--alert-after",
                     "never"})
                .exit_code == 0);
    sam = partners_json(app)[0];
    CHECK(sam["include_notes"] == false);
    CHECK(sam["cadence"].is_null());
    CHECK(sam["alert_after"].is_null());
    REQUIRE(app.run({"partner", "edit", "sam", "--name", "Samira"}).exit_code == 0);
    CHECK(partners_json(app)[0]["name"] == "Samira");
}

TEST_CASE("undo takes back a partner's add, edit and remove", "[cli][partner][undo]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_sam_and_jo(app);
    auto before_edit = partners_json(app);
    REQUIRE(app.run({"partner", "edit", "sam", "--share", "-mood"}).exit_code == 0);

    CHECK_THAT(app.run({"undo"}).out, Contains("edited partner 'Sam'"));
    CHECK(partners_json(app) == before_edit);

    app.now = "2026-11-22T20:05";
    REQUIRE(app.run({"partner", "remove", "jo", "--yes"}).exit_code == 0);
    CHECK(partners_json(app).size() == 1);
    CHECK_THAT(app.run({"undo"}).out, Contains("removed partner 'Jo'"));
    CHECK(partners_json(app) == before_edit);

    CHECK_THAT(app.run({"undo"}).out, Contains("added partner 'Jo'"));
    CHECK(partners_json(app).size() == 1);
}

TEST_CASE("partner remove asks on a terminal and needs --yes otherwise", "[cli][partner]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_sam_and_jo(app);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"partner", "remove", "jo"}), 64, "--yes");
    CHECK(app.snapshot() == before);

    app.in_tty = true;
    app.stdin_text = "n\n";
    auto kept = app.run({"partner", "remove", "jo"});
    CHECK(kept.exit_code == 0);
    CHECK_THAT(kept.out, Contains("Kept partner Jo"));
    CHECK(app.snapshot() == before);

    app.stdin_text = "y\n";
    auto removed = app.run({"partner", "remove", "jo"});
    CHECK(removed.exit_code == 0);
    CHECK_THAT(removed.out, Contains("Removed partner Jo <jo@example.org>"));
    CHECK(partners_json(app).size() == 1);
}

TEST_CASE("partner names are unique ignoring case", "[cli][partner][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_sam_and_jo(app);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"partner", "add", "sam", "--email", "other@example.org"}), 65,
                  "a partner named 'Sam' already exists");
    CHECK_REFUSED(app.run({"partner", "edit", "jo", "--name", "SAM"}), 65,
                  "a partner named 'Sam' already exists");
    CHECK(app.snapshot() == before);
}

TEST_CASE("an unknown partner is 65 naming the partners there are", "[cli][partner][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    CHECK_REFUSED(app.run({"partner", "edit", "sammy", "--notes"}), 65, "no partners yet");
    CHECK_FALSE(app.journal_exists());
    add_sam_and_jo(app);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"partner", "edit", "sammy", "--notes"}), 65,
                  "no partner named 'sammy' (partners: Sam, Jo)");
    CHECK_REFUSED(app.run({"partner", "remove", "sammy", "--yes"}), 65,
                  "no partner named 'sammy' (partners: Sam, Jo)");
    CHECK(app.snapshot() == before);
}

TEST_CASE("bad partner input is refused before anything is written", "[cli][partner][errors]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    auto add = [&](const std::string& name, const std::string& email,
                   std::vector<std::string> more = {}) {
        std::vector<std::string> args{"partner", "add", name, "--email", email};
        args.insert(args.end(), more.begin(), more.end());
        return app.run(args);
    };

    CHECK_REFUSED(add("", "sam@example.org"), 64, "needs a name");
    CHECK_REFUSED(add("Sam\nBcc: x@evil.example", "sam@example.org"), 64, "control character");
    CHECK_REFUSED(add("Sam\tQ", "sam@example.org"), 64, "control character");
    for (const char* email :
         {"sam", "sam@example", "sam @example.org", "sam@example.org\nBcc: x@evil.example",
          "sam@example.org, x@evil.example", "Sam <sam@example.org>", "$(touch pwned)@example.org",
          "sam;rm@example.org", "sam@@example.org", ".sam@example.org", "sam..x@example.org",
          "sam@example..org", "sam@[127.0.0.1]", "\"sam x\"@example.org", "@example.org"}) {
        INFO(email);
        CHECK_REFUSED(add("Sam", email), 64, "is not an email address");
    }
    CHECK_REFUSED(add("Sam", "sam@example.org", {"--share", "checkins,feelings"}), 64,
                  "'feelings' is not a section to share (sections: checkins, mood, cravings, "
                  "triggers, meetings, goals, clocks or all)");
    CHECK_REFUSED(add("Sam", "sam@example.org", {"--every", "tuesday"}), 64,
                  "sunday, week or month");
    CHECK_REFUSED(add("Sam", "sam@example.org", {"--alert-after", "0"}), 64, "--alert-after");
    CHECK_REFUSED(add("Sam", "sam@example.org", {"--alert-after", "three"}), 64, "--alert-after");
    CHECK(app.run({"partner", "add", "Sam"}).exit_code == 64);
    CHECK_FALSE(app.journal_exists());

    REQUIRE(add("Sam", "sam@example.org").exit_code == 0);
    auto before = app.snapshot();
    CHECK_REFUSED(app.run({"partner", "edit", "sam"}), 64, "nothing to change");
    CHECK_REFUSED(app.run({"partner", "edit", "sam", "--share", "+triggers,mood"}), 64, "mixes");
    CHECK_REFUSED(app.run({"partner", "edit", "sam", "--share", "-all"}), 64, "nothing to share");
    CHECK_REFUSED(app.run({"partner", "edit", "sam", "--share", "+feelings"}), 64,
                  "'feelings' is not a section");
    CHECK_REFUSED(app.run({"partner", "edit", "sam", "--notes", "--no-notes"}), 64, "not both");
    CHECK(app.snapshot() == before);
}

TEST_CASE("unusual but valid names and addresses are stored literally", "[cli][partner]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    for (const char* email : {"o'brien@example.org", "\"sam;x\"@example.org",
                              "sam+steady@mail.example.org", "zoë@exämple.org"}) {
        INFO(email);
        auto name = std::string("P ") + email;
        REQUIRE(app.run({"partner", "add", name, "--email", email}).exit_code == 0);
        CHECK(app.query("SELECT email FROM partners ORDER BY id DESC LIMIT 1") == email);
    }
    REQUIRE(app.run({"partner", "add", "Sam \"$(touch pwned)\"; echo", "--email", "s@example.org"})
                .exit_code == 0);
    CHECK(app.query("SELECT name FROM partners WHERE email = 's@example.org'") ==
          "Sam \"$(touch pwned)\"; echo");
    CHECK_FALSE(std::filesystem::exists(app.dir() / "pwned"));
    CHECK(partners_json(app).back()["name"] == "Sam \"$(touch pwned)\"; echo");
}

TEST_CASE("_complete partners offers the partners' names", "[cli][partner][complete]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    add_sam_and_jo(app);
    CHECK(app.run({"_complete", "partners"}).out == "Jo\nSam\n");
}
