#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "cli/checks.hpp"
#include "cli/test_app.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using steady::test::file_bytes;
using steady::test::TestApp;

namespace {

// A config whose notifier and share.command write what they were given
// to files in the test's folder: the notifier its arguments, one a line,
// the share command its standard input.
std::string capture_config(const TestApp& app, const std::string& extra = "")
{
    auto dir = app.dir().string();
    return "name = \"Alex\"\nemail = \"alex@example.org\"\n" + extra +
           "[remind]\nnotify_command = [\"sh\", \"-c\", \"printf '%s\\\\n' \\\"$@\\\" > '" + dir +
           "/notified'\", \"notify\", \"steady\", \"{message}\"]\n"
           "[share]\ncommand = [\"sh\", \"-c\", \"cat > '" +
           dir + "/sent'\"]\n";
}

// Runs `sql` on the journal as another program would.
void exec_sql(const TestApp& app, const std::string& sql)
{
    SQLite::Database db(app.db_path().string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
}

std::string notified(const TestApp& app)
{
    return file_bytes(app.dir() / "notified");
}

} // namespace

TEST_CASE("remind says nothing and exits 0 when nothing is due", "[cli][remind]")
{
    TestApp app{"2026-11-22T18:59", "Europe/Berlin"};

    auto r = app.run({"remind"});

    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("a missing check-in is due from remind.checkin_after", "[cli][remind]")
{
    TestApp app{"2026-11-22T19:00", "Europe/Berlin"};

    auto due = app.run({"remind"});
    CHECK(due.exit_code == 1);
    CHECK(due.out == "No check-in yet today. When you have a moment: steady checkin\n");
    CHECK(due.err.empty());
    CHECK_FALSE(app.journal_exists());

    REQUIRE(app.run({"checkin", "--mood", "6"}).exit_code == 0);
    auto done = app.run({"remind"});
    CHECK(done.exit_code == 0);
    CHECK(done.out.empty());

    // A later hour in the config moves it; day_starts_at keeps 01:00 in yesterday.
    TestApp late{"2026-11-22T21:00", "Europe/Berlin"};
    late.write_config("day_starts_at = \"04:00\"\n[remind]\ncheckin_after = \"21:30\"\n");
    CHECK(late.run({"remind"}).exit_code == 0);
    late.now = "2026-11-23T01:00";
    CHECK(late.run({"remind"}).exit_code == 1);
    REQUIRE(late.run({"checkin", "--mood", "5"}).exit_code == 0);
    CHECK(late.query("SELECT day FROM checkins") == "2026-11-22");
    CHECK(late.run({"remind"}).exit_code == 0);
}

TEST_CASE("remind --json lists what is due with its kind and fields", "[cli][remind]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};

    auto r = app.run({"remind", "--json"});

    CHECK(r.exit_code == 1);
    auto out = json::parse(r.out);
    CHECK(out.at("today") == "2026-11-22");
    REQUIRE(out.at("items").size() == 1);
    auto item = out.at("items").at(0);
    CHECK(item.at("kind") == "checkin");
    CHECK(item.at("message") == "No check-in yet today. When you have a moment: steady checkin");
    CHECK(item.at("day") == "2026-11-22");
    CHECK(item.at("checkin_after") == "19:00");
    CHECK(item.at("due_at") == "2026-11-22T18:00:00Z");

    REQUIRE(app.run({"checkin", "--mood", "7"}).exit_code == 0);
    auto none = app.run({"remind", "--json"});
    CHECK(none.exit_code == 0);
    CHECK(json::parse(none.out).at("items").empty());
}

TEST_CASE("a partner's summary is due by their cadence, counting delivered ones", "[cli][remind]")
{
    TestApp app{"2026-11-02T10:00", "Europe/Berlin"};
    REQUIRE(app.run({"partner", "add", "Sam", "--email", "sam@example.org", "--every", "sunday"})
                .exit_code == 0);
    REQUIRE(app.run({"partner", "add", "Jo", "--email", "jo@example.org", "--every", "month"})
                .exit_code == 0);
    REQUIRE(app.run({"partner", "add", "Kim", "--email", "kim@example.org"}).exit_code == 0);
    app.now = "2026-11-22T12:00"; // a Sunday, before checkin_after

    auto r = app.run({"remind", "--json"});
    CHECK(r.exit_code == 1);
    auto items = json::parse(r.out).at("items");
    REQUIRE(items.size() == 1);
    CHECK(items.at(0).at("kind") == "summary");
    CHECK(items.at(0).at("partner") == "Sam");
    CHECK(items.at(0).at("every") == "sunday");
    CHECK(items.at(0).at("last_sent").is_null());
    CHECK(items.at(0).at("message") ==
          "Sam's Sunday summary is due (none sent yet): steady share Sam --send");

    // A summary made but not delivered does not count; a delivered one does.
    REQUIRE(app.run({"share", "Sam"}).exit_code == 0);
    CHECK(app.run({"remind"}).exit_code == 1);
    exec_sql(app, "UPDATE shares SET delivered = 1"); // as share --send does
    auto sent = app.run({"remind"});
    CHECK(sent.exit_code == 0);
    CHECK(sent.out.empty());

    // Monday to Saturday that Sunday's summary covers the week; the next
    // Sunday it is due again, naming the last one.
    app.now = "2026-11-28T20:00";
    REQUIRE(app.run({"checkin", "--mood", "5"}).exit_code == 0);
    CHECK(app.run({"remind"}).exit_code == 0);
    app.now = "2026-11-29T12:00";
    auto next = app.run({"remind"});
    CHECK(next.exit_code == 1);
    CHECK(next.out ==
          "Sam's Sunday summary is due (last sent 2026-11-22): steady share Sam --send\n");

    // Jo's month since being added on 11-02 runs out on 12-02.
    app.now = "2026-12-01T12:00";
    CHECK_THAT(app.run({"remind"}).out, !Contains("Jo"));
    app.now = "2026-12-02T12:00";
    CHECK_THAT(app.run({"remind"}).out, Contains("Jo's monthly summary is due (none sent yet)"));
}

TEST_CASE("a goal behind its pace is due; on pace is not", "[cli][remind]")
{
    TestApp app{"2026-11-16T09:00", "Europe/Berlin"}; // Monday
    REQUIRE(app.run({"goal", "add", "Three meetings a week", "--target", "3", "--per", "week",
                     "--tracks", "meetings"})
                .exit_code == 0);
    REQUIRE(app.run({"checkin", "--mood", "6"}).exit_code == 0);
    CHECK(app.run({"remind"}).exit_code == 0); // the first day is never behind

    app.now = "2026-11-20T09:00"; // Friday, no meeting yet
    auto behind = app.run({"remind"});
    CHECK(behind.exit_code == 1);
    CHECK_THAT(behind.out, Contains("Goal #1 Three meetings a week could use some time: 0 of 3 "
                                    "this week, behind"));
    auto item = json::parse(app.run({"remind", "--json"}).out).at("items").at(0);
    CHECK(item.at("kind") == "goal");
    CHECK(item.at("goal").at("id") == 1);
    CHECK(item.at("goal").at("pace") == "behind");

    for (auto day : {"2026-11-17", "2026-11-18", "2026-11-19"})
        REQUIRE(
            app.run({"meeting", "Tuesday group", "--at", std::string(day) + " 19:00"}).exit_code ==
            0);
    CHECK(app.run({"remind"}).exit_code == 0);
}

TEST_CASE("a milestone today is a celebration, and remind does not use it up", "[cli][remind]")
{
    TestApp app{"2026-11-22T08:00", "Europe/Berlin"};
    REQUIRE(app.run({"clock", "add", "alcohol", "--since", "2026-10-23 21:00"}).exit_code == 0);
    REQUIRE(app.run({"checkin", "--mood", "8"}).exit_code == 0);
    auto seen = app.count("SELECT count(*) FROM milestones_seen");

    // 30 days fall at 21:00 today: worth saying in the morning already.
    auto r = app.run({"remind"});
    CHECK(r.exit_code == 1);
    CHECK(r.out == "30 days without alcohol today. That is real.\n");
    CHECK(r.out.find('!') == std::string::npos);
    auto item = json::parse(app.run({"remind", "--json"}).out).at("items").at(0);
    CHECK(item.at("kind") == "milestone");
    CHECK(item.at("clock") == "alcohol");
    CHECK(item.at("milestone") == "30d");
    CHECK(item.at("label") == "30 days");
    CHECK(item.at("at") == "2026-11-22T20:00:00Z");
    CHECK(app.count("SELECT count(*) FROM milestones_seen") == seen);

    app.now = "2026-11-23T08:00"; // the day after: nothing
    REQUIRE(app.run({"checkin", "--mood", "8"}).exit_code == 0);
    CHECK(app.run({"remind"}).exit_code == 0);
}

TEST_CASE("remind --notify runs the notifier with the message, never through a shell",
          "[cli][remind]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    app.write_config(capture_config(app));
    REQUIRE(app.run({"partner", "add", "$(touch pwned) `id`", "--email", "x@example.org", "--every",
                     "week"})
                .exit_code == 0);
    app.now = "2026-12-01T20:00";

    auto r = app.run({"remind", "--notify"});

    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
    CHECK(notified(app) == "steady\n" + r.out);
    CHECK_THAT(r.out, Contains("$(touch pwned) `id`'s weekly summary is due"));
    CHECK_FALSE(std::filesystem::exists(app.dir() / "pwned"));
}

TEST_CASE("remind --notify with nothing due runs nothing", "[cli][remind]")
{
    TestApp app{"2026-11-22T10:00", "Europe/Berlin"};
    app.write_config(capture_config(app));

    auto r = app.run({"remind", "--notify"});

    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK_FALSE(std::filesystem::exists(app.dir() / "notified"));
}

TEST_CASE("a failing or missing notifier is 69, and the reminder is still printed", "[cli][remind]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    app.write_config("[remind]\nnotify_command = [\"sh\", \"-c\", \"echo no display >&2; exit 3\", "
                     "\"x\", \"{message}\"]\n");
    auto failing = app.run({"remind", "--notify"});
    CHECK(failing.exit_code == 69);
    CHECK(failing.out == "No check-in yet today. When you have a moment: steady checkin\n");
    CHECK_THAT(failing.err, Contains("steady: could not notify: "));
    CHECK_THAT(failing.err, Contains("exited with status 3"));
    CHECK_THAT(failing.err, Contains("no display"));

    app.write_config("[remind]\nnotify_command = [\"no-such-notifier\", \"{message}\"]\n");
    auto missing = app.run({"remind", "--notify"});
    CHECK(missing.exit_code == 69);
    CHECK(missing.out == failing.out);
    CHECK_THAT(missing.err, Contains("'no-such-notifier' was not found on PATH"));

    // No notifier configured: nothing to run, the reminder printed as ever.
    app.write_config("");
    auto unset = app.run({"remind", "--notify"});
    CHECK(unset.exit_code == 1);
    CHECK(unset.out == failing.out);
    CHECK(unset.err.empty());
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("remind takes no arguments", "[cli][remind]")
{
    TestApp app{"2026-11-22T20:00", "Europe/Berlin"};
    CHECK_REFUSED(app.run({"remind", "today"}), 64, "today");
    CHECK_REFUSED(app.run({"remind", "--notfiy"}), 64, "--notfiy");
    CHECK_FALSE(app.journal_exists());
}

TEST_CASE("after --alert-after days of silence, remind --notify writes to the partner once",
          "[cli][remind]")
{
    TestApp app{"2026-11-10T20:00", "Europe/Berlin"};
    app.write_config(capture_config(app));
    REQUIRE(app.run({"partner", "add", "Sam", "--email", "sam@example.org", "--alert-after", "3"})
                .exit_code == 0);
    REQUIRE(app.run({"partner", "add", "Jo", "--email", "jo@example.org"}).exit_code == 0);
    REQUIRE(app.run({"checkin", "--mood", "4"}).exit_code == 0);
    auto alerts = [&] { return app.count("SELECT count(*) FROM shares WHERE what = 'alert'"); };

    app.now = "2026-11-13T20:00"; // two whole days without a check-in
    CHECK(app.run({"remind", "--notify"}).exit_code == 1);
    CHECK(alerts() == 0);

    app.now = "2026-11-14T20:00"; // three: Sam is due a note
    // Without --notify nothing is sent.
    auto quiet = app.run({"remind"});
    CHECK(quiet.exit_code == 1);
    CHECK(alerts() == 0);

    // Without the mail module (src/app/note_email.hpp stands in for it) the
    // note cannot be written: logged as not delivered, said, and 69. With
    // it, the note goes to Sam through share.command.
    auto r = app.run({"remind", "--notify"});
    bool stand_in = r.err.find("built without its mail module") != std::string::npos;
    CHECK(alerts() == 1);
    CHECK(app.query("SELECT partner_name || ' ' || format || ' ' || period_from || '..' || "
                    "period_to FROM shares WHERE what = 'alert'") ==
          "Sam email 2026-11-11..2026-11-13");
    if (stand_in) {
        CHECK(r.exit_code == 69);
        CHECK_THAT(r.out, Contains("Could not send Sam the note about 3 days without a check-in"));
        CHECK_THAT(r.err, Contains("steady: could not send Sam the note: "));
        CHECK_THAT(notified(app), Contains("Could not send Sam the note"));
        exec_sql(app, "UPDATE shares SET delivered = 1 WHERE what = 'alert'");
    } else {
        CHECK(r.exit_code == 1);
        CHECK(r.err.empty());
        CHECK_THAT(r.out, Contains("Sent Sam a short note: no check-in for 3 days."));
        CHECK_THAT(notified(app), Contains("Sent Sam a short note"));
        auto sent = file_bytes(app.dir() / "sent");
        CHECK_THAT(sent, Contains("sam@example.org"));
        CHECK_THAT(sent, Contains("Subject: Alex has not checked in for 3 days"));
        CHECK(app.count("SELECT delivered FROM shares WHERE what = 'alert'") == 1);
    }

    // A delivered alert in this silence: no second one, however long it lasts.
    app.now = "2026-11-20T20:00";
    auto again = app.run({"remind", "--notify", "--json"});
    CHECK(again.exit_code == 1);
    CHECK(alerts() == 1);
    const auto again_json = json::parse(again.out);
    for (const auto& item : again_json.at("items"))
        CHECK(item.at("kind") != "alert");

    // A check-in ends the silence; three more days bring one more note.
    REQUIRE(app.run({"checkin", "--mood", "6"}).exit_code == 0);
    app.now = "2026-11-24T20:00";
    auto next = app.run({"remind", "--notify", "--json"});
    CHECK(next.exit_code == (stand_in ? 69 : 1));
    CHECK(alerts() == 2);
    auto items = json::parse(next.out).at("items");
    auto alert = items.at(items.size() - 1);
    CHECK(alert.at("kind") == "alert");
    CHECK(alert.at("partner") == "Sam");
    CHECK(alert.at("days_without_checkin") == 3);
    CHECK(alert.at("delivered") == !stand_in);
}

TEST_CASE("an alert needs the config's email; without it nothing is sent or logged",
          "[cli][remind]")
{
    TestApp app{"2026-11-10T20:00", "Europe/Berlin"};
    REQUIRE(app.run({"partner", "add", "Sam", "--email", "sam@example.org", "--alert-after", "1"})
                .exit_code == 0);
    app.write_config("[remind]\nnotify_command = [\"true\"]\n");
    app.now = "2026-11-12T20:00";
    auto before = app.snapshot();

    auto r = app.run({"remind", "--notify"});

    CHECK(r.exit_code == 78);
    CHECK(r.out == "No check-in yet today. When you have a moment: steady checkin\n");
    CHECK_THAT(r.err, Contains("set email = "));
    CHECK(app.snapshot() == before);
}
