#include <algorithm>
#include <cctype>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/commands/clock.hpp"
#include "app/commands/commands.hpp"
#include "app/commands/log_entry.hpp"
#include "app/output/entries.hpp"
#include "base/error.hpp"
#include "domain/text.hpp"
#include "store/clocks.hpp"

namespace steady::app {

namespace {

using domain::Clock;

// The clocks a lapse at `at` could reset: started by then and not reset since.
std::vector<Clock> resettable_clocks(Context& ctx, timeutil::Instant at)
{
    auto& journal = ctx.journal_for_read();
    std::vector<Clock> clocks;
    journal.read("read the clocks", [&] {
        for (auto& clock : store::list_clocks(journal)) {
            auto lapses = store::clock_lapses(journal, clock.id);
            if (clock.started_at <= at && (lapses.empty() || lapses.back().at < at))
                clocks.push_back(std::move(clock));
        }
    });
    return clocks;
}

// "alcohol", "alcohol or nicotine", "alcohol, nicotine or gambling".
std::string names_of(const std::vector<Clock>& clocks, std::string_view last_separator)
{
    std::string text;
    for (std::size_t i = 0; i < clocks.size(); ++i) {
        if (i > 0)
            text += i + 1 == clocks.size() ? last_separator : ", ";
        text += clocks[i].name;
    }
    return text;
}

// The clocks an answer names: "y" for the only clock, names separated by
// commas, or nothing for empty, "n", "no" and "none". Anything else is a
// UsageError saying what would do.
std::vector<std::string> chosen_clocks(std::string_view answer, const std::vector<Clock>& clocks)
{
    std::string lower = domain::to_lower(domain::trim(answer));
    if (lower.empty() || lower == "n" || lower == "no" || lower == "none")
        return {};
    if (clocks.size() == 1 && (lower == "y" || lower == "yes"))
        return {clocks.front().name};
    std::vector<std::string> names;
    for (const auto& part : domain::split(lower, ',')) {
        auto it = std::find_if(clocks.begin(), clocks.end(),
                               [&](const Clock& c) { return domain::to_lower(c.name) == part; });
        if (it == clocks.end())
            throw UsageError(clocks.size() == 1
                                 ? "answer y or n (got '" + std::string(answer) + "')"
                                 : "answer " + names_of(clocks, " or ") +
                                       ", or press Enter for none (got '" + part + "')");
        if (std::find(names.begin(), names.end(), it->name) == names.end())
            names.push_back(it->name);
    }
    return names;
}

// Asks on the terminal which of `clocks` to reset until the answer makes
// sense; the end of input means none.
std::vector<std::string> ask_which(Context& ctx, const std::vector<Clock>& clocks)
{
    auto& io = ctx.io();
    std::string question = clocks.size() == 1
                               ? "Reset clock '" + clocks.front().name + "'? [y/N] "
                               : "Reset a clock? (" + names_of(clocks, ", ") + "; Enter for none) ";
    for (;;) {
        io.err << question << std::flush;
        std::string line;
        if (!std::getline(io.in, line))
            return {};
        try {
            return chosen_clocks(line, clocks);
        } catch (const UsageError& e) {
            io.err << "  " << e.what() << '\n';
        }
    }
}

// "If you want to restart a clock: steady clock reset alcohol", with the
// time `at` when it is given and not now.
std::string reset_hint(Context& ctx, const std::vector<Clock>& clocks,
                       std::optional<timeutil::Instant> at)
{
    std::string line = "If you want to restart a clock: steady clock reset " +
                       (clocks.size() == 1 ? domain::shell_word(clocks.front().name) : "NAME");
    if (at && *at != ctx.time().now)
        line += " --at \"" + local_time(*at, *ctx.time().zone) + "\"";
    if (clocks.size() > 1)
        line += " (NAME is " + names_of(clocks, " or ") + ")";
    return line;
}

// After a craving that ended in use: asks on a terminal whether to reset a
// clock at the craving's time, else says how to. Never resets unasked.
void offer_reset(Context& ctx, const domain::Entry& craving)
{
    // A lapse is data, not failure; whether it resets a clock is the user's call.
    ctx.out().say("Thank you for logging it honestly.");
    auto clocks = resettable_clocks(ctx, craving.at);
    if (clocks.empty())
        return;
    if (!ctx.io().in_tty || !ctx.io().out_tty)
        return ctx.out().say(reset_hint(ctx, clocks, craving.at));
    auto names = ask_which(ctx, clocks);
    if (names.empty())
        ctx.out().say("No clock was reset.");
    for (const auto& name : names)
        reset_clock(ctx, name, {craving.at, craving.day, true}, std::nullopt);
}

void run_craving(LogOptions& opt, Context& ctx)
{
    auto entry = log_entry(ctx, opt, domain::Kind::craving);
    if (entry.get_text("outcome") == "used" && !ctx.options().json)
        offer_reset(ctx, entry);
}

} // namespace

std::optional<std::string> clock_reset_hint(Context& ctx, timeutil::Instant at)
{
    auto clocks = resettable_clocks(ctx, at);
    if (clocks.empty())
        return std::nullopt;
    return reset_hint(ctx, clocks, std::nullopt);
}

void register_craving(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<LogOptions>();
    auto* cmd = root.add_subcommand("craving", "Log a craving as it happens");
    cmd->alias("urge");
    add_log_flags(*cmd, *opt, domain::Kind::craving);
    cmd->callback([opt, &ctx] { run_craving(*opt, ctx); });
}

} // namespace steady::app
