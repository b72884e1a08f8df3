#include <array>
#include <set>

#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/context.hpp"
#include "domain/entry.hpp"
#include "domain/text.hpp"
#include "store/lookups.hpp"

namespace steady::app {

namespace {

constexpr std::array<std::string_view, 11> k_default_categories = {
    "people",      "places", "things", "emotions", "stress", "boredom",
    "celebration", "hungry", "angry",  "lonely",   "tired"};
constexpr std::array<std::string_view, 5> k_default_types = {"AA", "NA", "SMART", "therapy",
                                                             "mentor"};

std::vector<std::string> with_defaults(std::vector<std::string> past, auto defaults)
{
    std::vector<std::string> all(defaults.begin(), defaults.end());
    std::set<std::string> folded; // "Stress" is the default "stress"
    for (const auto& word : all)
        folded.insert(domain::to_lower_utf8(word));
    for (auto& value : past)
        if (folded.insert(domain::to_lower_utf8(value)).second)
            all.push_back(std::move(value));
    return all;
}

// Prints the words completion offers for `what`, one per line. Quiet on any
// problem: completion must never print an error into the user's command line.
void run_complete(const std::string& what, Context& ctx)
{
    try {
        std::vector<std::string> words;
        if (what == "kinds") {
            for (auto kind : domain::all_kinds())
                words.emplace_back(domain::kind_name(kind));
        } else {
            auto& journal = ctx.journal_for_read();
            words = store::past_values(journal, what);
            if (what == "categories")
                words = with_defaults(std::move(words), k_default_categories);
            else if (what == "types")
                words = with_defaults(std::move(words), k_default_types);
        }
        for (const auto& word : words)
            ctx.out().stream() << word << '\n';
    } catch (const std::exception&) { // NOLINT(bugprone-empty-catch): see above
    }
}

} // namespace

void register_complete(CLI::App& root, Context& ctx)
{
    auto what = std::make_shared<std::string>();
    auto* cmd = root.add_subcommand("_complete", "Words for shell completion");
    cmd->group(""); // hidden from --help
    cmd->add_option("WHAT", *what,
                    "kinds, categories, strategies, types, tags, clocks, goals or partners")
        ->required();
    cmd->callback([what, &ctx] { run_complete(*what, ctx); });
}

} // namespace steady::app
