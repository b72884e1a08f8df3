#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;
using steady::test::TestApp;

namespace {

const char* k_sos_now = "2026-11-22T20:00";

void add_craving(TestApp& app, const char* at, const char* outcome,
                 std::vector<std::string> strategies)
{
    std::vector<std::string> args = {"craving", "--intensity", "6",    "--at",
                                     at,        "--outcome",   outcome};
    for (const auto& s : strategies) {
        args.push_back("--strategy");
        args.push_back(s);
    }
    REQUIRE(app.run(args).exit_code == 0);
}

} // namespace

TEST_CASE("sos shows what worked, the plan, the people and the reasons, in that order",
          "[cli][sos]")
{
    TestApp app{k_sos_now, "Europe/Berlin",
                "[sos]\ncontacts = [\"988 Suicide & Crisis Lifeline (US)\"]\n"};
    add_craving(app, "2026-11-01 10:00", "resisted", {"walk", "tea"});
    add_craving(app, "2026-11-02 10:00", "resisted", {"Walk"});
    add_craving(app, "2026-11-03 10:00", "used", {"tea"});
    add_craving(app, "2026-11-04 10:00", "used", {"scrolling"});
    REQUIRE(app.run({"plan", "add", "coping", "walk round the block"}).exit_code == 0);
    REQUIRE(app.run({"plan", "add", "people", "Sam 0151 555 0101"}).exit_code == 0);
    REQUIRE(app.run({"plan", "add", "reasons", "be there for my kids"}).exit_code == 0);
    REQUIRE(app.run({"plan", "add", "after-a-lapse", "tell Sam the same day"}).exit_code == 0);
    REQUIRE(app.run({"partner", "add", "Jo", "--email", "jo@example.org"}).exit_code == 0);
    auto before = app.snapshot();

    auto r = app.run({"sos"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    // No lapse in the last seven days: no after-a-lapse line.
    CHECK(r.out == "What has worked for you\n"
                   "  walk — resisted 2 of 2 cravings\n"
                   "  tea — resisted 1 of 2 cravings\n"
                   "Your coping plan\n"
                   "  walk round the block\n"
                   "People to call\n"
                   "  Sam 0151 555 0101\n"
                   "  Jo <jo@example.org>\n"
                   "  988 Suicide & Crisis Lifeline (US)\n"
                   "Your reasons\n"
                   "  be there for my kids\n");
    CHECK(app.snapshot() == before);

    auto j = json::parse(app.run({"sos", "--json"}).out);
    CHECK(j.at("strategies").at(0) == json{{"name", "walk"}, {"resisted", 2}, {"used", 2}});
    CHECK(j.at("people").size() == 3);
    CHECK(j.at("after_a_lapse").is_null());
    CHECK(j.at("problems").empty());
}

TEST_CASE("sos ranks strategies as report does", "[cli][sos]")
{
    TestApp app{k_sos_now, "Europe/Berlin"};
    for (int i = 0; i < 9; ++i)
        add_craving(app, ("2026-10-" + std::to_string(10 + i) + " 09:00").c_str(),
                    i == 0 ? "used" : "resisted", {"meeting"});
    add_craving(app, "2026-10-20 09:00", "resisted", {"tea"});
    auto sos = json::parse(app.run({"sos", "--json"}).out).at("strategies");
    auto report = json::parse(app.run({"report", "all", "--json"}).out);
    REQUIRE(sos.size() == 2);
    // 8 of 9 outranks 1 of 1: the one ranking rule.
    CHECK(sos.at(0).at("name") == "meeting");
    CHECK(sos.at(1).at("name") == "tea");
    CHECK_THAT(report.dump(), Contains("meeting"));
}

TEST_CASE("sos shows one line of after-a-lapse when a lapse is recent", "[cli][sos]")
{
    TestApp app{k_sos_now, "Europe/Berlin"};
    REQUIRE(app.run({"plan", "add", "after-a-lapse", "tell Sam the same day"}).exit_code == 0);
    REQUIRE(app.run({"plan", "add", "after-a-lapse", "it is one day, not the story"}).exit_code ==
            0);
    CHECK_THAT(app.run({"sos"}).out, !Contains("After a lapse"));
    add_craving(app, "2026-11-20 22:00", "used", {});
    auto r = app.run({"sos"});
    CHECK_THAT(r.out, Contains("After a lapse: tell Sam the same day\n"));
    CHECK_THAT(r.out, !Contains("not the story"));
    app.now = "2026-11-28T09:00"; // eight days on
    CHECK_THAT(app.run({"sos"}).out, !Contains("After a lapse"));
}

TEST_CASE("sos without a journal shows the config and creates nothing", "[cli][sos]")
{
    TestApp app{k_sos_now, "Europe/Berlin", "[sos]\ncontacts = [\"Sam +1 555 0100\"]\n"};
    auto r = app.run({"sos"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, StartsWith("People to call\n  Sam +1 555 0100\n"));
    CHECK_THAT(r.out, Contains("There is no journal at"));
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("sos with a corrupt journal shows the config and exits 0", "[cli][sos][errors]")
{
    TestApp app{k_sos_now, "Europe/Berlin", "[sos]\ncontacts = [\"Sam +1 555 0100\"]\n"};
    steady::test::write_file(app.db_path(), std::string(4096, '\x5a') + "garbage");
    auto before = steady::test::file_digest(app.db_path());
    auto r = app.run({"sos"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Sam +1 555 0100"));
    CHECK_THAT(r.out, Contains("The journal could not be read"));
    CHECK(steady::test::file_digest(app.db_path()) == before);
}

TEST_CASE("sos with a broken config still shows the journal", "[cli][sos][errors]")
{
    TestApp app{k_sos_now, "Europe/Berlin"};
    REQUIRE(app.run({"plan", "add", "coping", "tea"}).exit_code == 0);
    app.write_config("[sos\ncontacts = 3\n");
    auto r = app.run({"sos"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("  tea\n"));
    CHECK_THAT(r.out, Contains("The config could not be read"));
}

TEST_CASE("sos takes no arguments and no colour when piped", "[cli][sos][errors]")
{
    TestApp app{k_sos_now, "Europe/Berlin", "[sos]\ncontacts = [\"Sam\"]\n"};
    CHECK_REFUSED(app.run({"sos", "now"}), 64, "unexpected argument 'now'");
    CHECK_THAT(app.run({"sos"}).out, !Contains("\x1b["));
    app.out_tty = true;
    CHECK_THAT(app.run({"sos"}).out, Contains("\x1b[1mPeople to call"));
}
