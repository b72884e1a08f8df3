#include "store/plan.hpp"

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>

#include "base/error.hpp"
#include "store/entries.hpp"

namespace steady::store {

using domain::PlanItem;
using domain::PlanSection;

namespace {

timeutil::Instant plan_instant(const SQLite::Column& col)
{
    auto text = col.getString();
    auto at = timeutil::parse_stored_instant(text);
    if (!at)
        throw JournalError("the journal's plan has a malformed time '" + text +
                           "'; run 'steady doctor'");
    return *at;
}

std::string plan_item_quote(const std::string& text)
{
    constexpr std::size_t k_longest = 40;
    if (text.size() <= k_longest)
        return "'" + text + "'";
    auto cut = k_longest;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80)
        --cut; // not inside a UTF-8 character
    return "'" + text.substr(0, cut) + "…'";
}

} // namespace

std::vector<PlanItem> list_plan(Journal& journal)
{
    SQLite::Statement st(journal.db(), "SELECT id, section, text, position, created, updated "
                                       "FROM plan ORDER BY position, id");
    std::vector<PlanItem> items;
    while (st.executeStep()) {
        PlanItem item;
        item.id = st.getColumn(0).getInt64();
        auto section = domain::parse_plan_section(st.getColumn(1).getString());
        if (!section)
            throw JournalError("the journal's plan has an unknown section '" +
                               st.getColumn(1).getString() + "'; run 'steady doctor'");
        item.section = *section;
        item.text = st.getColumn(2).getString();
        item.created = plan_instant(st.getColumn(4));
        item.updated = plan_instant(st.getColumn(5));
        items.push_back(std::move(item));
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const PlanItem& a, const PlanItem& b) { return a.section < b.section; });
    // Numbered as shown: rows written by hand may leave gaps or repeat a position.
    for (std::size_t i = 0; i < items.size(); ++i)
        items[i].position =
            i > 0 && items[i - 1].section == items[i].section ? items[i - 1].position + 1 : 1;
    return items;
}

PlanItem add_plan_item(Journal& journal, PlanSection section, const std::string& text,
                       timeutil::Instant now)
{
    PlanItem item;
    item.section = section;
    item.text = text;
    item.created = now;
    item.updated = now;
    SQLite::Statement next(journal.db(),
                           "SELECT coalesce(max(position), 0) + 1 FROM plan WHERE section = ?");
    next.bind(1, domain::plan_section_name(section));
    next.executeStep();
    item.position = next.getColumn(0).getInt();
    SQLite::Statement st(journal.db(), "INSERT INTO plan (section, text, position, created, "
                                       "updated) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, domain::plan_section_name(section));
    st.bind(2, text);
    st.bind(3, item.position);
    st.bind(4, timeutil::format_instant(now));
    st.bind(5, timeutil::format_instant(now));
    st.exec();
    item.id = journal.db().getLastInsertRowid();
    record_undo(journal, "add", "plan", item.id,
                "added " + plan_item_quote(text) + " to the plan's " +
                    domain::plan_section_name(section),
                now);
    return item;
}

void remove_plan_item(Journal& journal, const PlanItem& item, timeutil::Instant now)
{
    record_plan_undo(journal, "delete",
                     "removed " + plan_item_quote(item.text) + " from the plan's " +
                         domain::plan_section_name(item.section),
                     now);
    SQLite::Statement del(journal.db(), "DELETE FROM plan WHERE id = ?");
    del.bind(1, item.id);
    del.exec();
    // Renumber the section as shown, so positions stay 1..n.
    auto items = list_plan(journal);
    SQLite::Statement renumber(journal.db(), "UPDATE plan SET position = ? WHERE id = ?");
    for (const auto& left : items) {
        if (left.section != item.section)
            continue;
        renumber.bind(1, left.position);
        renumber.bind(2, left.id);
        renumber.exec();
        renumber.reset();
    }
}

void replace_plan(Journal& journal, const std::vector<domain::PlanDraftItem>& items,
                  timeutil::Instant now)
{
    auto before = list_plan(journal);
    record_plan_undo(journal, "edit", "edited the plan", now);
    journal.db().exec("DELETE FROM plan");
    SQLite::Statement st(journal.db(), "INSERT INTO plan (id, section, text, position, created, "
                                       "updated) VALUES (?, ?, ?, ?, ?, ?)");
    std::vector<bool> kept(before.size(), false);
    int position = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        position = i > 0 && items[i - 1].section == item.section ? position + 1 : 1;
        auto same = std::find_if(before.begin(), before.end(), [&](const PlanItem& old) {
            return !kept[static_cast<std::size_t>(&old - before.data())] &&
                   old.section == item.section && old.text == item.text;
        });
        if (same != before.end()) {
            kept[static_cast<std::size_t>(same - before.begin())] = true;
            st.bind(1, same->id);
            st.bind(5, timeutil::format_instant(same->created));
            st.bind(6, timeutil::format_instant(same->position == position ? same->updated : now));
        } else {
            st.bind(1);
            st.bind(5, timeutil::format_instant(now));
            st.bind(6, timeutil::format_instant(now));
        }
        st.bind(2, domain::plan_section_name(item.section));
        st.bind(3, item.text);
        st.bind(4, position);
        st.exec();
        st.reset();
    }
}

} // namespace steady::store
