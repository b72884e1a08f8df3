#include <CLI/CLI.hpp>

#include "app/commands/commands.hpp"
#include "app/commands/report_build.hpp"
#include "app/output/report.hpp"

namespace steady::app {

namespace {

struct ReportOptions {
    std::optional<std::string> positional;
    std::optional<std::string> period;
};

void run_report(const ReportOptions& opt, Context& ctx)
{
    auto period = report_period(ctx, opt.positional, opt.period);
    auto report = build_report(ctx, period);
    auto& out = ctx.out();
    if (!ctx.options().json)
        return print_report(out, report);
    domain::JsonWriter json(out.stream());
    write_report_json(json, report);
}

} // namespace

void register_report(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<ReportOptions>();
    auto* cmd = root.add_subcommand("report", "The period at a glance: check-ins, mood, cravings, "
                                              "triggers, meetings, goals, clocks and insights");
    cmd->alias("summary");
    cmd->add_option("PERIOD", opt->positional,
                    "The period, e.g. 'last month', 2026-W47, 2026 (default: config "
                    "share.default_period, 'last 7 days')");
    cmd->add_option("--period", opt->period, "The period, as PERIOD");
    cmd->callback([opt, &ctx] { run_report(*opt, ctx); });
}

} // namespace steady::app
