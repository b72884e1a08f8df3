#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "cli/test_app.hpp"
#include "domain/text.hpp"
#include "store/entries.hpp"
#include "store/journal.hpp"
#include "store/report.hpp"
#include "unit/fixtures.hpp"

namespace dm = steady::domain;
namespace st = steady::store;
namespace tu = steady::timeutil;
using steady::test::stored_day;
using steady::test::TempDir;

namespace {

const tu::Instant k_written = *tu::parse_stored_instant("2026-11-22T19:00:00Z");

// Every figure of `m` as text, strategies in name order, so two figures
// compare equal exactly when every count, sum, least and most agree.
std::string describe(const dm::MomentFigures& m)
{
    std::ostringstream out;
    out << "triggers " << m.triggers << " cravings " << m.cravings << " resisted " << m.resisted
        << " used " << m.used << "\n";
    for (const auto& [name, t] : m.by_category)
        out << "category '" << name << "' " << t.count << " followed " << t.followed << "\n";
    for (int n : m.triggers_by_weekday)
        out << n << ' ';
    out << "\n";
    for (int n : m.triggers_by_hour)
        out << n << ' ';
    out << "\n";
    for (const auto* s : {&m.trigger_intensity, &m.craving_intensity, &m.craving_minutes})
        out << "stats " << s->count << ' ' << s->sum << ' ' << s->min << ' ' << s->max << "\n";
    auto strategies = m.strategies;
    std::sort(strategies.begin(), strategies.end(), [](const auto& a, const auto& b) {
        return dm::to_lower_utf8(a.name) < dm::to_lower_utf8(b.name);
    });
    for (const auto& s : strategies)
        out << "strategy " << dm::to_lower_utf8(s.name) << ' ' << s.used << ' ' << s.resisted << ' '
            << s.strong << ' ' << s.strong_resisted << "\n";
    for (const auto& day : m.cravings_by_slot)
        for (int n : day)
            out << n << ' ';
    return out.str();
}

// Random triggers and cravings from `from` over `days` days, in two zones,
// some at night (so cravings follow triggers across midnight and across the
// end of a month), with strategies spelt in two cases.
void add_random_moments(st::Journal& journal, std::mt19937& random, const char* from, int days)
{
    static const std::vector<std::string> categories = {"stress", "lonely", "tired", "", "Hungry"};
    static const std::vector<std::string> strategies = {"walk", "Walk", "tea", "called Sam"};
    static const std::vector<std::string> zones = {"Europe/Berlin", "America/New_York"};
    auto start = *tu::parse_stored_instant((std::string(from) + "T00:00:00Z").c_str());
    journal.write("add moments", [&] {
        for (int i = 0; i < days * 3; ++i) {
            dm::Entry e;
            e.at = start + std::chrono::minutes(
                               std::uniform_int_distribution<int>(0, days * 24 * 60 - 1)(random));
            e.tz = zones[random() % zones.size()];
            e.day = tu::day_of(e.at, *tu::Zone::find(e.tz), tu::Minutes{0});
            if (random() % 2 == 0) {
                e.kind = dm::Kind::trigger;
                e.values["what"] = std::string("something");
                if (auto c = categories[random() % categories.size()]; !c.empty())
                    e.values["category"] = c;
                if (random() % 3 != 0)
                    e.values["intensity"] = std::int64_t(1 + random() % 10);
            } else {
                e.kind = dm::Kind::craving;
                e.values["intensity"] = std::int64_t(1 + random() % 10);
                if (random() % 2 == 0)
                    e.values["duration"] = std::int64_t(1 + random() % 90);
                if (random() % 4 != 0)
                    e.values["outcome"] = std::string(random() % 5 == 0 ? "used" : "resisted");
                if (random() % 3 != 0)
                    e.values["strategies"] =
                        std::vector<std::string>{strategies[random() % strategies.size()],
                                                 strategies[random() % strategies.size()]};
            }
            st::add_entry(journal, e, k_written);
        }
    });
}

// The figures of `first`..`last` as report counts them (rollup and entries).
dm::MomentFigures reported(st::Journal& journal, const char* first, const char* last)
{
    dm::Report report;
    report.first = stored_day(first);
    report.last = stored_day(last);
    report.days_counted = static_cast<int>((report.last - report.first).count()) + 1;
    st::count_report(journal, report);
    return report.moments;
}

void check_same(st::Journal& journal, const char* first, const char* last)
{
    CAPTURE(first, last);
    auto direct = st::count_moments_from_entries(journal, stored_day(first), stored_day(last));
    CHECK(describe(reported(journal, first, last)) == describe(direct));
}

std::int64_t rows(st::Journal& journal, const char* sql)
{
    return journal.db().execAndGet(sql).getInt64();
}

const char* k_ranges[][2] = {{"2026-01-01", "2026-06-30"}, {"2026-02-01", "2026-02-28"},
                             {"2026-01-15", "2026-05-10"}, {"2026-03-31", "2026-04-01"},
                             {"2025-12-01", "2026-12-31"}, {"2026-04-30", "2026-06-01"}};

} // namespace

TEST_CASE("the report rollup gives the figures the entries give", "[store][report][rollup]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    std::mt19937 random(20261130);
    add_random_moments(journal, random, "2026-01-01", 181);

    // The last write rebuilt every stale month but the newest.
    CHECK(rows(journal, "SELECT count(*) FROM report_stale") == 1);
    CHECK(rows(journal, "SELECT count(*) FROM report_rollup WHERE dim = 'built'") >= 5);
    for (const auto& range : k_ranges)
        check_same(journal, range[0], range[1]);

    SECTION("after deletes and edits, by steady or by hand")
    {
        std::vector<dm::Entry> some;
        st::EntryFilter filter;
        filter.limit = 0;
        st::for_each_entry(journal, filter, [&](const dm::Entry& e) {
            if (e.id % 7 == 0)
                some.push_back(e);
        });
        journal.write("change", [&] {
            for (auto& e : some) {
                if (e.id % 2 == 0) {
                    st::delete_entry(journal, e, k_written);
                } else {
                    e.values["intensity"] = std::int64_t(9);
                    st::update_entry(journal, e, k_written);
                }
            }
        });
        for (const auto& range : k_ranges)
            check_same(journal, range[0], range[1]);

        // By hand, as a person with sqlite3 might: the month is marked stale.
        journal.db().exec("UPDATE entries SET category = 'by hand' WHERE kind = 'trigger' AND "
                          "day BETWEEN '2026-03-01' AND '2026-03-31'");
        CHECK(rows(journal, "SELECT count(*) FROM report_stale WHERE month = '2026-03'") == 1);
        for (const auto& range : k_ranges)
            check_same(journal, range[0], range[1]);

        // The next write rebuilds it, and the figures still agree.
        add_random_moments(journal, random, "2026-06-20", 2);
        CHECK(rows(journal, "SELECT count(*) FROM report_stale WHERE month = '2026-03'") == 0);
        for (const auto& range : k_ranges)
            check_same(journal, range[0], range[1]);
    }
    SECTION("undo brings the same figures back")
    {
        auto before = describe(reported(journal, "2026-01-01", "2026-06-30"));
        add_random_moments(journal, random, "2026-02-10", 3);
        for (int i = 0; i < 9; ++i)
            journal.write("undo", [&] { st::undo_last(journal, k_written); });
        CHECK(describe(reported(journal, "2026-01-01", "2026-06-30")) == before);
        check_same(journal, "2026-01-01", "2026-06-30");
    }
}

TEST_CASE("a craving after midnight on the 1st follows the trigger of the month before",
          "[store][report][rollup]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    auto add = [&](dm::Kind kind, const char* at) {
        dm::Entry e;
        e.kind = kind;
        e.at = *tu::parse_stored_instant(at);
        e.tz = "UTC";
        e.day = stored_day(std::string(at).substr(0, 10).c_str());
        if (kind == dm::Kind::trigger) {
            e.values["what"] = std::string("late");
            e.values["category"] = std::string("lonely");
        } else {
            e.values["intensity"] = std::int64_t(6);
        }
        journal.write("add", [&] { st::add_entry(journal, e, k_written); });
    };
    add(dm::Kind::trigger, "2026-03-31T23:30:00Z");
    add(dm::Kind::craving, "2026-04-01T00:45:00Z");
    add(dm::Kind::craving, "2026-06-10T12:00:00Z"); // a later month: March is rebuilt

    CHECK(rows(journal, "SELECT count(*) FROM report_rollup WHERE month = '2026-03' AND "
                        "dim = 'built'") == 1);
    auto march = reported(journal, "2026-03-01", "2026-03-31");
    CHECK(march.by_category["lonely"].followed == 1);
    CHECK(march.cravings == 0);
    check_same(journal, "2026-03-01", "2026-04-30");
}
