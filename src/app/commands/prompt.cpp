#include <ostream>

#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/context.hpp"
#include "domain/clock.hpp"
#include "store/lookups.hpp"

namespace steady::app {

namespace {

// "90d", or "5h" in the first day.
std::string short_run(std::chrono::seconds elapsed)
{
    using namespace std::chrono_literals;
    if (elapsed < 0s)
        return "0h";
    if (elapsed < 24h)
        return std::to_string(elapsed / 1h) + "h";
    return std::to_string(elapsed / 24h) + "d";
}

// Silences `stream` while it lives.
class Muted {
  public:
    explicit Muted(std::ostream& stream) : m_stream(stream), m_buffer(stream.rdbuf(nullptr)) {}
    ~Muted() { m_stream.rdbuf(m_buffer); }
    Muted(const Muted&) = delete;
    Muted& operator=(const Muted&) = delete;

  private:
    std::ostream& m_stream;
    std::streambuf* m_buffer;
};

// For a shell prompt: never asks, never creates the journal, never fails
// loudly (any problem, even a config warning, prints nothing and exits 0).
void run_prompt(Context& ctx)
{
    Muted quiet(ctx.io().err);
    try {
        auto path = ctx.journal_path();
        if (!std::filesystem::exists(path))
            return;
        const auto& time = ctx.time();
        auto facts = store::prompt_facts(ctx.journal_for_read(), time.today());
        auto& out = ctx.out();
        std::string line(facts.checked_in ? out.glyph("✓", "ok") : out.glyph("○", "-"));
        if (facts.longest_run_start)
            line += " " + short_run(domain::wall_clock_span(*facts.longest_run_start, time.now,
                                                            *time.zone));
        out.stream() << line << '\n';
    } catch (const std::exception&) { // NOLINT(bugprone-empty-catch): a prompt stays quiet
    }
}

} // namespace

void register_prompt(CLI::App& root, Context& ctx)
{
    auto* cmd = root.add_subcommand("prompt", "One short line for a shell prompt, e.g. '✓ 90d'");
    cmd->callback([&ctx] { run_prompt(ctx); });
}

} // namespace steady::app
