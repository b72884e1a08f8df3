#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using steady::test::TestApp;

TEST_CASE("a meeting is saved with its name, type and duration", "[cli][meeting]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"meeting", "Tuesday NA", "--type", "NA", "--duration", "1h"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "Logged meeting #1: Tuesday NA · duration 1h · type NA\n");
    CHECK(app.query("SELECT name || '|' || type || '|' || duration || '|' || at || '|' || day "
                    "FROM meetings") == "Tuesday NA|NA|60|2026-11-22T19:00:00Z|2026-11-22");
}

TEST_CASE("a meeting's type is free text and its JSON key is type", "[cli][meeting]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"--json", "meeting", "Coffee with Jo", "--type", "sponsor chat", "--at",
                      "yesterday 09:30", "--note", "good talk", "--tag", "support"});

    REQUIRE(r.exit_code == 0);
    for (const char* part :
         {R"("kind": "meeting")", R"("name": "Coffee with Jo")", R"("type": "sponsor chat")",
          R"("duration": null)", R"("at": "2026-11-21T08:30:00Z")", R"("day": "2026-11-21")",
          R"("note": "good talk")", R"("tags": [)"}) {
        CAPTURE(part);
        CHECK_THAT(r.out, Contains(part));
    }
    CHECK(app.query("SELECT type FROM meetings") == "sponsor chat");
}

TEST_CASE("a meeting logged afterwards says when it was", "[cli][meeting][time]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"meeting", "Tuesday NA", "--type", "NA", "--at", "tuesday 19:00"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, StartsWith("Logged meeting #1 for 2026-11-17 19:00: Tuesday NA"));
    CHECK(app.query("SELECT day FROM meetings") == "2026-11-17");
}

TEST_CASE("bad meeting input is refused and the journal does not change", "[cli][meeting][errors]")
{
    struct Row {
        std::vector<std::string> args;
        int code;
        std::string message;
    };
    auto row = GENERATE(values<Row>({
        {{"meeting"}, 64, "NAME is required"},
        {{"meeting", "--type", "AA"}, 64, "NAME is required"},
        {{"meeting", ""}, 64, "say which meeting it was"},
        {{"meeting", "  "}, 64, "say which meeting it was"},
        {{"meeting", "x", "--duration", "abc"}, 64, "'abc' is not a duration"},
        {{"meeting", "x", "--duration=-5m"}, 64, "'-5m' is not a duration"},
        {{"meeting", "x", "--duration", "25h"}, 64, "'25h' is out of range"},
        {{"meeting", "x", "--duration", "0"}, 64, "'0'"},
        {{"meeting", "x", "--at", "2026-11-22 20:02"}, 64, "'2026-11-22 20:02' is in the future"},
        {{"meeting", "x", "--at", "2026-11-23"}, 64, "'2026-11-23' is in the future"},
        {{"meeting", "x", "--intensity", "5"}, 64, "--intensity"},
    }));
    CAPTURE(row.args);
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"meeting", "Tuesday NA"}).exit_code == 0);
    auto before = app.snapshot();

    auto r = app.run(row.args);

    CHECK_REFUSED(r, row.code, row.message);
    CHECK(app.snapshot() == before);
}
