#include "store/lookups.hpp"

#include <array>
#include <utility>

#include <SQLiteCpp/SQLiteCpp.h>

namespace steady::store {

namespace {

// Words spelt in several cases ("Stress", "stress") are offered once, as the
// user wrote them most often (of equals, most recently).
constexpr std::array<std::pair<std::string_view, const char*>, 7> k_lookups = {{
    {"categories",
     "SELECT category, max(n * 4294967296 + last) FROM (SELECT category, count(*) AS n, "
     "max(id) AS last FROM entries "
     "WHERE kind = 'trigger' AND deleted IS NULL AND category IS NOT NULL "
     "GROUP BY category) GROUP BY steady_lower(category) ORDER BY 1"},
    {"strategies", "SELECT value, max(n * 4294967296 + last) FROM (SELECT s.value AS value, "
                   "count(*) AS n, max(entries.id) AS last "
                   "FROM entries, json_each(entries.strategies) AS s WHERE kind = 'craving' "
                   "AND deleted IS NULL GROUP BY s.value) GROUP BY steady_lower(value) "
                   "ORDER BY 1"},
    {"types", "SELECT type, max(n * 4294967296 + last) FROM (SELECT type, count(*) AS n, "
              "max(id) AS last FROM entries "
              "WHERE kind = 'meeting' AND deleted IS NULL AND type IS NOT NULL GROUP BY type) "
              "GROUP BY steady_lower(type) ORDER BY 1"},
    {"tags", "SELECT DISTINCT t.value FROM entries, json_each(entries.tags) AS t "
             "WHERE deleted IS NULL ORDER BY 1"},
    {"clocks", "SELECT name FROM clocks ORDER BY name"},
    {"goals", "SELECT id FROM goals WHERE status = 'active' ORDER BY id"},
    {"partners", "SELECT name FROM partners ORDER BY name"},
}};

} // namespace

std::vector<std::string> past_values(Journal& journal, std::string_view what)
{
    std::vector<std::string> values;
    for (const auto& [name, sql] : k_lookups) {
        if (name != what)
            continue;
        SQLite::Statement st(journal.db(), sql);
        while (st.executeStep())
            values.push_back(st.getColumn(0).getString());
    }
    return values;
}

PromptFacts prompt_facts(Journal& journal, timeutil::Day today)
{
    SQLite::Statement st(journal.db(), R"sql(
        SELECT
          EXISTS (SELECT 1 FROM entries WHERE kind = 'checkin' AND day = ? AND deleted IS NULL),
          (SELECT min(run_start) FROM (
             SELECT coalesce((SELECT max(e.at) FROM entries AS e
                              WHERE e.kind = 'lapse' AND e.clock_id = c.id
                                AND e.deleted IS NULL), c.started_at) AS run_start
             FROM clocks AS c)))sql");
    st.bind(1, timeutil::format_day(today));
    PromptFacts facts;
    if (!st.executeStep())
        return facts;
    facts.checked_in = st.getColumn(0).getInt() != 0;
    if (!st.getColumn(1).isNull())
        facts.longest_run_start = timeutil::parse_stored_instant(st.getColumn(1).getString());
    return facts;
}

} // namespace steady::store
