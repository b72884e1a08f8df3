#include "app/commands/plan.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/output/journal_json.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/plan.hpp"

namespace steady::app {

using domain::PlanItem;
using domain::PlanSection;

namespace {

struct PlanOptions {
    std::string section;
    std::vector<std::string> words;
    std::string number;
};

// What `section` holds, for messages: "coping has 2 items (1-2)".
std::string plan_section_holds(const std::vector<PlanItem>& items, PlanSection section)
{
    auto count = std::count_if(items.begin(), items.end(),
                               [&](const PlanItem& item) { return item.section == section; });
    std::string name = domain::plan_section_name(section);
    if (count == 0)
        return name + " has no items (see 'steady plan')";
    if (count == 1)
        return name + " has one item, 1 (see 'steady plan')";
    return name + " has " + std::to_string(count) + " items, 1 to " + std::to_string(count) +
           " (see 'steady plan')";
}

void run_plan_add(const PlanOptions& opt, Context& ctx)
{
    auto section = domain::checked_plan_section(opt.section);
    std::string joined;
    for (const auto& word : opt.words)
        joined += (joined.empty() ? "" : " ") + word;
    auto text = domain::checked_plan_text(joined);
    auto& journal = ctx.journal_for_write();
    PlanItem item;
    journal.write("add to the plan",
                  [&] { item = store::add_plan_item(journal, section, text, ctx.time().now); });
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object().key("added");
        write_journal_plan_item(json, item);
        json.end_object();
        return;
    }
    ctx.out().say("Added to " + std::string(domain::plan_section_name(section)) + " (" +
                  std::to_string(item.position) + "): " + text);
}

int parse_plan_number(const std::string& text)
{
    int number = 0;
    auto word = domain::trim(text);
    auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), number);
    if (ec != std::errc{} || end != word.data() + word.size() || number < 1)
        throw UsageError("N must be the number of an item, 1 or more, as 'steady plan' shows "
                         "it (got '" +
                         text + "')");
    return number;
}

void run_plan_remove(const PlanOptions& opt, Context& ctx)
{
    auto section = domain::checked_plan_section(opt.section);
    auto number = parse_plan_number(opt.number);
    if (!std::filesystem::exists(ctx.journal_path()))
        throw DataError(std::string(domain::plan_section_name(section)) +
                        " has no items (the plan is empty)");
    auto& journal = ctx.journal_for_write();
    PlanItem removed;
    journal.write("change the plan", [&] {
        auto items = store::list_plan(journal);
        auto found = std::find_if(items.begin(), items.end(), [&](const PlanItem& item) {
            return item.section == section && item.position == number;
        });
        if (found == items.end())
            throw DataError("no item " + std::to_string(number) + " in " +
                            domain::plan_section_name(section) + ": " +
                            plan_section_holds(items, section));
        removed = *found;
        store::remove_plan_item(journal, removed, ctx.time().now);
    });
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object().key("removed");
        write_journal_plan_item(json, removed);
        json.end_object();
        return;
    }
    ctx.out().say("Removed from " + std::string(domain::plan_section_name(section)) + ": " +
                  removed.text + ". 'steady undo' puts it back.");
}

void print_plan_text(Output& out, const std::vector<PlanItem>& items)
{
    if (items.empty()) {
        out.stream() << "Your plan is empty. It is written on a good day for a bad one: start "
                        "with\n  steady plan add reasons \"…\"\n(sections: "
                     << domain::plan_section_list() << ")\n";
        return;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        if (i == 0 || items[i - 1].section != item.section)
            out.stream() << (i == 0 ? "" : "\n")
                         << out.paint(domain::plan_section_title(item.section), Tone::bold) << '\n';
        out.stream() << "  " << item.position << ". " << item.text << '\n';
    }
}

void run_plan_show(Context& ctx)
{
    print_plan(ctx, read_plan(ctx));
}

} // namespace

std::vector<PlanItem> read_plan(Context& ctx)
{
    std::vector<PlanItem> items;
    if (!std::filesystem::exists(ctx.journal_path()))
        return items;
    auto& journal = ctx.journal_for_read();
    journal.read("read the plan", [&] { items = store::list_plan(journal); });
    return items;
}

void print_plan(Context& ctx, const std::vector<PlanItem>& items)
{
    if (!ctx.options().json)
        return print_plan_text(ctx.out(), items);
    domain::JsonWriter json(ctx.out().stream());
    json.begin_object().key("plan").begin_array();
    for (const auto& item : items)
        write_journal_plan_item(json, item);
    json.end_array().end_object();
}

void register_plan(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<PlanOptions>();
    auto* cmd = root.add_subcommand("plan", "Your relapse-prevention plan: reasons, warning "
                                            "signs, triggers, coping, people, after a lapse");
    cmd->require_subcommand(0, 1);
    auto* add = cmd->add_subcommand("add", "Add an item to the end of a section");
    add->add_option("SECTION", opt->section,
                    "reasons, warning-signs, triggers, coping, people or after-a-lapse")
        ->required();
    add->add_option("TEXT", opt->words, "The item, one line (quote it, or give the words)")
        ->required();
    add->callback([opt, &ctx] { run_plan_add(*opt, ctx); });
    auto* remove = cmd->add_subcommand("remove", "Remove item N of a section");
    remove->add_option("SECTION", opt->section, "The section")->required();
    remove->add_option("N", opt->number, "The item's number, as 'steady plan' shows it")
        ->required();
    remove->callback([opt, &ctx] { run_plan_remove(*opt, ctx); });
    auto* edit = cmd->add_subcommand("edit", "Edit the whole plan in $VISUAL or $EDITOR");
    edit->callback([&ctx] { run_plan_edit(ctx); });
    cmd->callback([cmd, &ctx] {
        if (cmd->get_subcommands().empty())
            run_plan_show(ctx);
    });
}

} // namespace steady::app
