#include "app/commands/commands.hpp"
#include "app/commands/goal_summary.hpp"
#include "app/commands/milestones.hpp"
#include "app/context.hpp"
#include "app/output/entries.hpp"
#include "store/clocks.hpp"
#include "store/entries.hpp"

namespace steady::app {

namespace {

// What `steady` alone shows: today's check-in, the streak, each clock's
// current run and next milestone, active goals and those done today.
struct Glance {
    timeutil::Day today{};
    std::optional<domain::Entry> checkin;
    int streak = 0;
    std::vector<std::pair<domain::Clock, domain::ClockStatus>> clocks;
    std::vector<std::string> goals;
    std::vector<std::string> goals_done_today;
    std::vector<std::string> announcements;
};

Glance look(Context& ctx)
{
    Glance glance;
    glance.today = ctx.time().today();
    glance.announcements = observe_milestones(ctx);
    auto& journal = ctx.journal_for_read();
    journal.read("read the journal", [&] {
        glance.checkin = store::find_checkin(journal, glance.today);
        glance.streak = store::checkin_streak(journal, glance.today);
        glance.clocks = clock_statuses(ctx, journal);
    });
    glance.goals = goals_due_this_week(ctx);
    glance.goals_done_today = goals_done_today(ctx);
    return glance;
}

void write_json(Context& ctx, const Glance& glance)
{
    domain::JsonWriter json(ctx.out().stream());
    json.begin_object();
    json.key("today").value(timeutil::format_day(glance.today));
    json.key("checked_in").value(glance.checkin.has_value());
    json.key("checkin");
    if (glance.checkin)
        write_entry_json(json, *glance.checkin);
    else
        json.null();
    json.key("streak").value(glance.streak);
    json.key("clocks").begin_array();
    for (const auto& [clock, status] : glance.clocks)
        write_clock_glance_json(json, clock, status, ctx.config().currency);
    json.end_array();
    json.key("goals");
    write_active_goals_json(ctx, json);
    json.key("goals_done_today");
    write_goals_done_today_json(ctx, json);
    json.key("announcements").value(glance.announcements);
    json.end_object();
}

void print_text(Context& ctx, const Glance& glance)
{
    auto& out = ctx.out();
    auto& os = out.stream();
    for (const auto& line : glance.announcements)
        out.say(line);
    os << out.paint(date::format("%A %e %B %Y", glance.today), Tone::bold) << '\n';
    if (glance.checkin)
        os << "  " << out.paint(std::string(out.glyph("✓", "+")), Tone::good)
           << " checked in: " << entry_summary(*glance.checkin, out) << '\n';
    else
        os << "  " << out.glyph("○", "-")
           << " not checked in yet; 'steady checkin' when you are ready\n";
    if (glance.streak > 0)
        os << "  check-in streak: " << glance.streak << (glance.streak == 1 ? " day" : " days")
           << '\n';
    for (const auto& [clock, status] : glance.clocks)
        os << "  " << clock_glance(ctx, clock, status) << '\n';
    if (!glance.goals.empty()) {
        os << "  goals:\n";
        for (const auto& line : glance.goals)
            os << "    " << line << '\n';
    }
    for (const auto& line : glance.goals_done_today)
        os << "  " << out.paint(std::string(out.glyph("✓", "+")), Tone::good)
           << " goal done today: " << line << '\n';
}

} // namespace

void run_dashboard(Context& ctx)
{
    auto glance = look(ctx);
    if (ctx.options().json)
        write_json(ctx, glance);
    else
        print_text(ctx, glance);
}

} // namespace steady::app
