#include "app/commands/commands.hpp"
#include "app/context.hpp"
#include "app/output/entries.hpp"
#include "store/entries.hpp"

namespace steady::app {

void run_dashboard(Context& ctx)
{
    const auto& time = ctx.time();
    auto today = time.today();
    auto& journal = ctx.journal_for_read();
    std::optional<domain::Entry> checkin;
    int streak = 0;
    journal.read("read the journal", [&] {
        checkin = store::find_checkin(journal, today);
        streak = store::checkin_streak(journal, today);
    });
    auto& out = ctx.out();
    if (ctx.options().json) {
        domain::JsonWriter json(out.stream());
        json.begin_object();
        json.key("today").value(timeutil::format_day(today));
        json.key("checked_in").value(checkin.has_value());
        json.key("checkin");
        if (checkin)
            write_entry_json(json, *checkin);
        else
            json.null();
        json.key("streak").value(streak);
        json.end_object();
        return;
    }
    auto& os = out.stream();
    os << out.paint(date::format("%A %e %B %Y", today), Tone::bold) << '\n';
    if (checkin)
        os << "  " << out.paint(std::string(out.glyph("✓", "+")), Tone::good) << " checked in: "
           << entry_summary(*checkin, out) << '\n';
    else
        os << "  " << out.glyph("○", "-")
           << " not checked in yet; 'steady checkin' when you are ready\n";
    if (streak > 0)
        os << "  check-in streak: " << streak << (streak == 1 ? " day" : " days") << '\n';
}

}  // namespace steady::app
