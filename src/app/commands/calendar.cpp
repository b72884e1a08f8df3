#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/commands/commands.hpp"
#include "app/commands/report_build.hpp"
#include "app/output/calendar.hpp"
#include "store/entries.hpp"
#include "store/report.hpp"

namespace steady::app {

namespace {

struct CalendarOptions {
    std::optional<std::string> positional;
    std::optional<std::string> period;
    std::string by = "mood";
};

// The calendar of `period`: reads the journal's first day and the period's
// check-ins (a missing journal is an empty calendar, nothing created).
domain::Calendar read_calendar(Context& ctx, timeutil::Period period, domain::CalendarMeasure by)
{
    auto today = ctx.time().today();
    std::vector<domain::CheckinDay> checkins;
    std::optional<timeutil::Day> start;
    if (period.all)
        period.from = today;
    if (std::filesystem::exists(ctx.journal_path())) {
        auto& journal = ctx.journal_for_read();
        journal.read("read the journal for the calendar", [&] {
            start = store::first_entry_day(journal);
            if (period.all)
                period.from = std::min(start.value_or(today), today);
            checkins = store::checkin_days(journal, period.from, period.to);
        });
    }
    return domain::build_calendar(period, by, checkins, start, today);
}

void run_calendar(const CalendarOptions& opt, Context& ctx)
{
    auto by = domain::parse_calendar_measure(opt.by);
    auto period = opt.positional || opt.period ? report_period(ctx, opt.positional, opt.period)
                                               : timeutil::parse_period("this month", ctx.time());
    auto cal = read_calendar(ctx, period, by);
    auto& out = ctx.out();
    if (ctx.options().json) {
        domain::JsonWriter json(out.stream());
        write_calendar_json(json, cal);
        return;
    }
    auto depth = color_depth(out.style().color, ctx.env("COLORTERM"), ctx.env("TERM"));
    print_calendar(out, cal, ctx.time().week_start, depth);
}

} // namespace

void register_calendar(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<CalendarOptions>();
    auto* cmd = root.add_subcommand("calendar", "Days coloured by mood, craving or sober: a month "
                                                "grid, or a year heatmap");
    cmd->add_option("PERIOD", opt->positional,
                    "The period, e.g. 2026-11, 2026, 'last 90 days' (default: this month)");
    cmd->add_option("--period", opt->period, "The period, as PERIOD");
    cmd->add_option("--by", opt->by, "What colours the days: mood (default), craving or sober");
    cmd->callback([opt, &ctx] { run_calendar(*opt, ctx); });
}

} // namespace steady::app
