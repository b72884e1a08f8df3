#include <chrono>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/context.hpp"
#include "app/output/sos.hpp"
#include "base/error.hpp"
#include "store/sos.hpp"

namespace steady::app {

namespace {

// sos waits this long at most for a writer's lock, then shows what it has.
constexpr std::chrono::milliseconds k_sos_busy{200};
// A lapse this many days back, today included, is recent.
constexpr int k_recent_lapse_days = 7;
constexpr std::size_t k_screen_width = 80;
constexpr std::size_t k_screen_lines = 23; // 24 rows, one left for the shell prompt

// The config, or the defaults and a line saying why it could not be read.
const config::Config& sos_config(Context& ctx, SosView& view)
{
    try {
        return ctx.config();
    } catch (const Error& e) {
        view.problems.push_back(std::string("The config could not be read (") + e.what() + ").");
        ctx.use_config(config::Config{});
        return ctx.config();
    }
}

// Fills `view` from the journal; says so in view.problems when it cannot.
void sos_from_journal(Context& ctx, SosView& view)
{
    std::optional<timeutil::Day> since;
    try {
        since = ctx.time().today() - date::days{k_recent_lapse_days - 1};
    } catch (const Error&) { // NOLINT(bugprone-empty-catch): without a clock, no lapse line
    }
    std::filesystem::path path;
    store::SosFigures figures;
    try {
        path = ctx.journal_path();
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            view.problems.push_back("There is no journal at " + path.string() + " yet.");
            return;
        }
        auto journal = store::Journal::open_read_only(path, k_sos_busy);
        journal.read("read the journal", [&] { figures = store::read_sos(journal, since); });
    } catch (const Error& e) {
        view.problems.push_back(std::string("The journal could not be read (") + e.what() +
                                "); this is what the config holds.");
        return;
    }
    for (const auto& s : domain::ranked_strategies(figures.strategies))
        if (s.resisted > 0)
            view.strategies.push_back(s);
    for (const auto& item : figures.plan) {
        if (item.section == domain::PlanSection::coping)
            view.coping.push_back(item.text);
        else if (item.section == domain::PlanSection::people)
            view.people.push_back(item.text);
        else if (item.section == domain::PlanSection::reasons)
            view.reasons.push_back(item.text);
        else if (item.section == domain::PlanSection::after_a_lapse && figures.recent_lapse &&
                 !view.after_a_lapse)
            view.after_a_lapse = item.text;
    }
    view.people.insert(view.people.end(), figures.partners.begin(), figures.partners.end());
}

void run_sos(Context& ctx)
{
    SosView view;
    const auto& contacts = sos_config(ctx, view).sos_contacts;
    sos_from_journal(ctx, view);
    view.people.insert(view.people.end(), contacts.begin(), contacts.end());
    auto& out = ctx.out();
    if (ctx.options().json) {
        domain::JsonWriter json(out.stream());
        write_sos_json(json, view);
        return;
    }
    for (const auto& line : sos_lines(view, k_screen_width, k_screen_lines, out.style().utf8))
        out.stream() << out.paint(line.text, line.tone) << '\n';
}

} // namespace

void register_sos(CLI::App& root, Context& ctx)
{
    auto* cmd = root.add_subcommand("sos", "For a hard moment: what has worked for you, your "
                                           "plan, who to call (never writes, works offline)");
    cmd->callback([&ctx] { run_sos(ctx); });
}

} // namespace steady::app
