#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "cli/test_app.hpp"
#include "domain/text.hpp"
#include "store/entries.hpp"
#include "store/journal.hpp"
#include "store/report.hpp"
#include "store/sos.hpp"
#include "unit/fixtures.hpp"

namespace dm = steady::domain;
namespace st = steady::store;
namespace tu = steady::timeutil;
using steady::test::stored_day;
using steady::test::TempDir;

namespace {

const tu::Instant k_sos_written = *tu::parse_stored_instant("2026-11-22T19:00:00Z");

// The strategies' figures as text, in name order (ignoring case).
std::string describe_strategies(std::vector<dm::StrategyTally> strategies)
{
    std::sort(strategies.begin(), strategies.end(), [](const auto& a, const auto& b) {
        return dm::to_lower_utf8(a.name) < dm::to_lower_utf8(b.name);
    });
    std::ostringstream out;
    for (const auto& s : strategies)
        out << s.name << ' ' << s.used << ' ' << s.resisted << ' ' << s.strong << ' '
            << s.strong_resisted << "\n";
    return out.str();
}

// Random cravings (and some triggers) from `from` over `days` days in two
// zones, with strategies spelt in two cases and some without an outcome.
void add_sos_cravings(st::Journal& journal, std::mt19937& random, const char* from, int days)
{
    static const std::vector<std::string> strategies = {"walk", "Walk", "tea", "called Sam",
                                                        "urge surfing"};
    static const std::vector<std::string> zones = {"Europe/Berlin", "America/New_York"};
    auto start = *tu::parse_stored_instant((std::string(from) + "T00:00:00Z").c_str());
    journal.write("add cravings", [&] {
        for (int i = 0; i < days * 3; ++i) {
            dm::Entry e;
            e.at = start + std::chrono::minutes(
                               std::uniform_int_distribution<int>(0, days * 24 * 60 - 1)(random));
            e.tz = zones[random() % zones.size()];
            e.day = tu::day_of(e.at, *tu::Zone::find(e.tz), tu::Minutes{0});
            if (random() % 5 == 0) {
                e.kind = dm::Kind::trigger;
                e.values["what"] = std::string("something");
            } else {
                e.kind = dm::Kind::craving;
                e.values["intensity"] = std::int64_t(1 + random() % 10);
                if (random() % 4 != 0)
                    e.values["outcome"] = std::string(random() % 4 == 0 ? "used" : "resisted");
                if (random() % 5 != 0)
                    e.values["strategies"] =
                        std::vector<std::string>{strategies[random() % strategies.size()],
                                                 strategies[random() % strategies.size()]};
            }
            st::add_entry(journal, e, k_sos_written);
        }
    });
}

// What sos counts against a full count of every craving from the entries.
void check_sos_agrees(st::Journal& journal)
{
    auto all =
        st::count_moments_from_entries(journal, stored_day("2000-01-01"), stored_day("2099-12-31"));
    auto sos = st::strategy_tallies(journal);
    CHECK(describe_strategies(sos) == describe_strategies(all.strategies));
    CHECK(describe_strategies(dm::ranked_strategies(sos)) ==
          describe_strategies(dm::ranked_strategies(all.strategies)));
}

std::int64_t sos_rows(st::Journal& journal, const char* sql)
{
    return journal.db().execAndGet(sql).getInt64();
}

} // namespace

TEST_CASE("sos's strategy counts agree with a full recount of the cravings", "[store][sos][rollup]")
{
    TempDir tmp;
    auto journal = st::Journal::open_for_write(tmp.path() / "journal.db");
    std::mt19937 random(20261201);
    add_sos_cravings(journal, random, "2025-10-01", 300);

    // Most months come from the rollup; the newest is counted from the entries.
    CHECK(sos_rows(journal, "SELECT count(*) FROM report_rollup WHERE dim = 'built'") >= 8);
    CHECK(sos_rows(journal, "SELECT count(*) FROM report_stale") == 1);
    check_sos_agrees(journal);

    SECTION("after edits and deletes")
    {
        std::vector<dm::Entry> some;
        st::EntryFilter filter;
        filter.limit = 0;
        filter.kind = dm::Kind::craving;
        st::for_each_entry(journal, filter, [&](const dm::Entry& e) {
            if (e.id % 5 == 0)
                some.push_back(e);
        });
        journal.write("change", [&] {
            for (auto& e : some) {
                if (e.id % 2 == 0) {
                    st::delete_entry(journal, e, k_sos_written);
                } else {
                    e.values["outcome"] = std::string("used");
                    e.values["strategies"] = std::vector<std::string>{"WALK", "new one"};
                    st::update_entry(journal, e, k_sos_written);
                }
            }
        });
        check_sos_agrees(journal);
    }
    SECTION("after a change by hand, before any write rebuilds the month")
    {
        journal.db().exec("UPDATE entries SET outcome = 'used' WHERE kind = 'craving' AND "
                          "day BETWEEN '2026-01-01' AND '2026-01-31'");
        CHECK(sos_rows(journal, "SELECT count(*) FROM report_stale WHERE month = '2026-01'") == 1);
        check_sos_agrees(journal);
    }
    SECTION("after undo")
    {
        auto before = describe_strategies(st::strategy_tallies(journal));
        add_sos_cravings(journal, random, "2026-02-10", 2);
        for (int i = 0; i < 6; ++i)
            journal.write("undo", [&] { st::undo_last(journal, k_sos_written); });
        CHECK(describe_strategies(st::strategy_tallies(journal)) == before);
        check_sos_agrees(journal);
    }
}

TEST_CASE("sos reads a journal read-only and never writes it", "[store][sos]")
{
    TempDir tmp;
    auto path = tmp.path() / "journal.db";
    {
        auto journal = st::Journal::open_for_write(path);
        std::mt19937 random(7);
        add_sos_cravings(journal, random, "2026-10-01", 40);
    }
    auto reader = st::Journal::open_read_only(path, std::chrono::milliseconds{100});
    st::SosFigures figures;
    reader.read("read", [&] { figures = st::read_sos(reader, stored_day("2026-11-01")); });
    CHECK_FALSE(figures.strategies.empty());
    CHECK_THROWS_AS(reader.db().exec("DELETE FROM plan"), SQLite::Exception);
    CHECK_THROWS_AS(
        st::Journal::open_read_only(tmp.path() / "none.db", std::chrono::milliseconds{100}),
        steady::NoInputError);
    CHECK_FALSE(std::filesystem::exists(tmp.path() / "none.db"));
}
