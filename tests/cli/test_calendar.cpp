#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using steady::test::TestApp;

namespace {

// Check-ins of November 2026 (the tests' today is Sunday the 22nd): the
// journal begins on the 2nd; the 3rd and 4th are missed; the 21st has no
// craving recorded.
void november(TestApp& app)
{
    struct Row {
        const char* day;
        const char* mood;
        const char* craving;
        const char* sober;
    };
    const Row rows[] = {{"2026-11-02", "2", "9", "no"},  {"2026-11-05", "5", "3", "yes"},
                        {"2026-11-06", "7", "0", "yes"}, {"2026-11-09", "9", "6", "yes"},
                        {"2026-11-20", "8", "1", "yes"}, {"2026-11-21", "6", "", ""}};
    for (const auto& row : rows) {
        std::vector<std::string> args = {"checkin", "--date", row.day, "--mood", row.mood};
        if (*row.craving)
            args.insert(args.end(), {"--craving", row.craving, "--sober", row.sober});
        REQUIRE(app.run(args).exit_code == 0);
    }
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// `line` from terminal column `column` on, counting UTF-8 code points.
std::string from_column(const std::string& line, std::size_t column)
{
    std::size_t at = 0;
    for (std::size_t seen = 0; at < line.size() && seen < column; ++seen)
        do
            ++at;
        while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80);
    return line.substr(at);
}

// What a month grid shows for day `day` ("7" → "7 ▓▓") and the weekday
// label above it ("Sat"), read off the grid as a user would.
struct GridDay {
    std::string cell;
    std::string weekday;
};

GridDay grid_day(const std::string& out, int day)
{
    auto lines = lines_of(out);
    std::size_t header = 0;
    while (header < lines.size() && lines[header].rfind("Mon", 0) != 0 &&
           lines[header].rfind("Sun", 0) != 0)
        ++header;
    REQUIRE(header < lines.size());
    char number[4];
    std::snprintf(number, sizeof number, "%2d ", day);
    for (auto i = header + 1; i < lines.size() && !lines[i].empty(); ++i)
        for (std::size_t column = 0; column < 7; ++column) {
            auto rest = from_column(lines[i], 6 * column) + "     "; // a row's end is trimmed
            if (rest.rfind(number, 0) == 0) {
                auto cell = from_column(rest, 3);
                return {cell.substr(0, cell.size() - from_column(cell, 2).size()),
                        from_column(lines[header], 6 * column).substr(0, 3)};
            }
        }
    FAIL("day " << day << " is not in the grid:\n" << out);
    return {};
}

} // namespace

TEST_CASE("calendar draws this month, each day under its weekday", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    november(app);

    auto r = app.run({"calendar"});

    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Contains("Calendar 2026-11-01 – 2026-11-30 · by mood"));
    CHECK_THAT(r.out, Contains("November 2026\nMon   Tue   Wed   Thu   Fri   Sat   Sun\n"));
    // November 2026 begins on a Sunday: alone in the first row, last column.
    CHECK(grid_day(r.out, 1).weekday == "Sun");
    CHECK(grid_day(r.out, 2).weekday == "Mon");
    CHECK(grid_day(r.out, 22).weekday == "Sun");
    CHECK(grid_day(r.out, 30).weekday == "Mon");
    CHECK(lines_of(r.out)[4] == std::string(36, ' ') + " 1");
}

TEST_CASE("week_starts sunday moves the weekday columns", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "week_starts = \"sunday\"\n"};
    november(app);

    auto r = app.run({"calendar", "2026-11"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Sun   Mon   Tue   Wed   Thu   Fri   Sat\n"));
    CHECK(grid_day(r.out, 1).weekday == "Sun");
    CHECK(grid_day(r.out, 7).weekday == "Sat");
    CHECK(grid_day(r.out, 29).weekday == "Sun");
    CHECK_THAT(lines_of(r.out)[4], Catch::Matchers::StartsWith(" 1 "));
}

TEST_CASE("known moods show at their levels; missed days differ from blank ones", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    november(app);

    auto r = app.run({"--color", "never", "calendar", "2026-11"});

    REQUIRE(r.exit_code == 0);
    CHECK(grid_day(r.out, 2).cell == "░░");  // mood 2
    CHECK(grid_day(r.out, 5).cell == "▒▒");  // mood 5
    CHECK(grid_day(r.out, 6).cell == "▓▓");  // mood 7
    CHECK(grid_day(r.out, 9).cell == "██");  // mood 9
    CHECK(grid_day(r.out, 3).cell == "··");  // missed
    CHECK(grid_day(r.out, 19).cell == "··"); // missed
    CHECK(grid_day(r.out, 1).cell == "  ");  // before the first entry
    CHECK(grid_day(r.out, 22).cell == "  "); // today, not over yet
    CHECK(grid_day(r.out, 25).cell == "  "); // still to come
    CHECK_THAT(r.out, Contains("Mood  ░░ 1–3  ▒▒ 4–5  ▓▓ 6–7  ██ 8–10   ·· missed\n"));
}

TEST_CASE("calendar --by craving and --by sober colour by those answers", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    november(app);

    auto craving = app.run({"calendar", "--by", "craving"});
    REQUIRE(craving.exit_code == 0);
    CHECK_THAT(craving.out, Contains("· by craving"));
    CHECK(grid_day(craving.out, 2).cell == "██");  // craving 9
    CHECK(grid_day(craving.out, 6).cell == "░░");  // craving 0
    CHECK(grid_day(craving.out, 21).cell == "--"); // checked in, no craving given
    CHECK_THAT(craving.out, Contains("Craving  ░░ 0–1  ▒▒ 2–4  ▓▓ 5–7  ██ 8–10"));
    CHECK_THAT(craving.out, Contains("-- not recorded"));

    auto sober = app.run({"calendar", "--by", "Sober"});
    REQUIRE(sober.exit_code == 0);
    CHECK(grid_day(sober.out, 2).cell == "░░");
    CHECK(grid_day(sober.out, 5).cell == "██");
    CHECK_THAT(sober.out, Contains("Sober  ░░ no  ██ yes"));
}

TEST_CASE("a year is a heatmap: week columns, weekday rows, month labels", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    november(app);

    auto r = app.run({"calendar", "2026", "--by", "craving"});

    REQUIRE(r.exit_code == 0);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() > 10);
    CHECK(lines[0] == "Calendar 2026-01-01 – 2026-12-31 · by craving");
    CHECK_THAT(lines[2], Catch::Matchers::StartsWith("    Jan     Feb"));
    CHECK_THAT(lines[2], Contains("Dec"));
    const char* weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (int i = 0; i < 7; ++i)
        CHECK(lines[3 + static_cast<std::size_t>(i)].substr(0, 4) ==
              std::string(weekdays[i]) + " ");
    // 1 January 2026 is a Thursday: the first column starts on Monday 29
    // December 2025, and 31 December 2026 is in column 53.
    CHECK(from_column(lines[3], 4).substr(0, 2) == "  ");
    // Monday 2 November (craving 9) is in week column 45 (0-based 44).
    CHECK(from_column(lines[3], 4 + 2 * 44).substr(0, 6) == "██");
    // Tuesday 3 November: missed.
    CHECK(from_column(lines[4], 4 + 2 * 44).substr(0, 4) == "··");
}

TEST_CASE("a year heatmap's weeks start on week_starts", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin", "week_starts = \"sunday\"\n"};
    november(app);

    auto r = app.run({"calendar", "2026", "--by", "craving"});

    REQUIRE(r.exit_code == 0);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() > 10);
    const char* weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    for (int i = 0; i < 7; ++i)
        CHECK(lines[3 + static_cast<std::size_t>(i)].substr(0, 4) ==
              std::string(weekdays[i]) + " ");
    // The first column starts on Sunday 28 December 2025, so Monday 2
    // November (craving 9) is in week column 45 (0-based 44), one row down
    // from its Sunday; Tuesday the 3rd, missed, below it; Friday the 20th
    // (craving 1) and Saturday the 21st (no craving) end column 47.
    CHECK(from_column(lines[3], 4 + 2 * 44).substr(0, 2) == "  ");
    CHECK(from_column(lines[4], 4 + 2 * 44).substr(0, 6) == "██");
    CHECK(from_column(lines[5], 4 + 2 * 44).substr(0, 4) == "··");
    CHECK(from_column(lines[8], 4 + 2 * 46).substr(0, 6) == "░░");
    CHECK(from_column(lines[9], 4 + 2 * 46).substr(0, 2) == "--");
    // December's label over the week of Tuesday 1 December, column 49.
    CHECK(from_column(lines[2], 4 + 2 * 48).substr(0, 3) == "Dec");
}

TEST_CASE("calendar --json has every day of the period with its value and state", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    november(app);

    auto r = app.run({"--json", "calendar", "--period", "2026-11"});
    REQUIRE(r.exit_code == 0);
    auto j = json::parse(r.out);
    CHECK(j["period"] == json{{"from", "2026-11-01"}, {"to", "2026-11-30"}});
    CHECK(j["by"] == "mood");
    REQUIRE(j["days"].size() == 30);
    CHECK(j["days"][0] ==
          json{{"day", "2026-11-01"}, {"value", nullptr}, {"level", nullptr}, {"state", "blank"}});
    CHECK(j["days"][1] ==
          json{{"day", "2026-11-02"}, {"value", 2}, {"level", 1}, {"state", "value"}});
    CHECK(j["days"][2]["state"] == "missed");
    CHECK(j["days"][21]["state"] == "blank"); // today
    CHECK(j["days"][29]["state"] == "blank");

    auto sober = json::parse(app.run({"--json", "calendar", "2026-11", "--by", "sober"}).out);
    CHECK(sober["days"][1]["value"] == false);
    CHECK(sober["days"][4]["value"] == true);
    CHECK(sober["days"][20]["state"] == "unrecorded");
}

TEST_CASE("calendar refuses bad input and writes nothing", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    november(app);
    auto before = app.snapshot();

    CHECK_REFUSED(app.run({"calendar", "fortnight"}), 64, "'fortnight' is not a period");
    CHECK_REFUSED(app.run({"calendar", "2026-11-20..2026-11-10"}), 64, "ends before it starts");
    auto by = app.run({"calendar", "--by", "energy"});
    CHECK_REFUSED(by, 64, "'energy'");
    CHECK_THAT(by.err, Contains("mood, craving or sober"));
    CHECK_REFUSED(app.run({"calendar", "2026-11", "--period", "2026-10"}), 64, "once");
    CHECK(app.snapshot() == before);
}

TEST_CASE("a period wholly in the future is all blank days, and says so", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    november(app);

    auto r = app.run({"calendar", "2027-02"});

    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("February 2027"));
    CHECK_THAT(r.out, Contains("has not begun yet"));
    CHECK(grid_day(r.out, 1).cell == "  ");
    CHECK(grid_day(r.out, 28).cell == "  ");
}

TEST_CASE("without a journal, calendar is empty and creates nothing", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"calendar"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Nothing logged in this period yet"));
    CHECK(grid_day(r.out, 10).cell == "  ");
    auto j = json::parse(app.run({"calendar", "all", "--json"}).out);
    CHECK(j["days"].size() == 1);
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("colour only when asked for, at the depth the terminal says", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    november(app);

    SECTION("piped: no escape codes")
    {
        CHECK(app.run({"calendar"}).out.find('\x1b') == std::string::npos);
        CHECK(app.run({"calendar", "2026"}).out.find('\x1b') == std::string::npos);
    }
    SECTION("a terminal with NO_COLOR: no escape codes")
    {
        app.out_tty = true;
        app.env["NO_COLOR"] = "1";
        app.env["TERM"] = "xterm-256color";
        CHECK(app.run({"calendar"}).out.find('\x1b') == std::string::npos);
    }
    SECTION("--color never on a terminal: no escape codes")
    {
        app.out_tty = true;
        CHECK(app.run({"--color", "never", "calendar"}).out.find('\x1b') == std::string::npos);
    }
    SECTION("the 16 basic colours unless the terminal says more")
    {
        auto out = app.run({"--color", "always", "calendar"}).out;
        CHECK_THAT(out, Contains("\x1b[41m  \x1b[0m")); // mood 2: red
        CHECK_THAT(out, !Contains("\x1b[48;"));
    }
    SECTION("256 colours with TERM=xterm-256color")
    {
        app.env["TERM"] = "xterm-256color";
        CHECK_THAT(app.run({"--color", "always", "calendar"}).out, Contains("\x1b[48;5;"));
        CHECK_THAT(app.run({"--color", "never", "calendar"}).out, !Contains("\x1b"));
    }
    SECTION("truecolor with COLORTERM=truecolor")
    {
        app.env["COLORTERM"] = "truecolor";
        auto out = app.run({"--color", "always", "calendar", "2026"}).out;
        CHECK_THAT(out, Contains("\x1b[48;2;"));
        CHECK_THAT(out, !Contains("\x1b[48;5;"));
    }
}

TEST_CASE("calendar without UTF-8 in the locale draws in ASCII", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    november(app);
    app.env["LANG"] = "C";

    for (const auto* period : {"2026-11", "2026", "all"}) {
        auto r = app.run({"calendar", period, "--by", "craving"});
        REQUIRE(r.exit_code == 0);
        for (unsigned char c : r.out)
            CHECK(c < 0x80);
    }
    auto r = app.run({"calendar"});
    CHECK(grid_day(r.out, 2).cell == "..");
    CHECK(grid_day(r.out, 3).cell == "__");
    CHECK_THAT(r.out, Contains("Calendar 2026-11-01 to 2026-11-30 - by mood"));
}

TEST_CASE("a period over a year is drawn a calendar year at a time", "[cli][calendar]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    november(app);
    REQUIRE(app.run({"checkin", "--date", "2025-03-10", "--mood", "6"}).exit_code == 0);

    auto r = app.run({"calendar", "all"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("Calendar 2025-03-10 – 2026-11-22"));
    CHECK_THAT(r.out, Contains("\n2025\n    Mar"));
    CHECK_THAT(r.out, Contains("\n2026\n    Jan"));
}
