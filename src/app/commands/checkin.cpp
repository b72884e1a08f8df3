#include <algorithm>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/commands/clock.hpp"
#include "app/commands/commands.hpp"
#include "app/commands/common.hpp"
#include "app/commands/milestones.hpp"
#include "app/commands/prompt_fields.hpp"
#include "app/output/entries.hpp"
#include "base/error.hpp"
#include "store/entries.hpp"

namespace steady::app {

namespace {

struct CheckinOptions {
    FieldFlags flags;
    std::optional<std::string> date;
    bool amend = false;
    bool interactive = false;
};

domain::Entry amended(Context& ctx, const CheckinOptions& opt, timeutil::Day day)
{
    if (!any_given(opt.flags))
        throw UsageError("--amend needs something to change, e.g. --mood 6");
    auto existing = store::find_checkin(ctx.journal_for_read(), day);
    if (!existing)
        throw DataError("no check-in for " + timeutil::format_day(day) +
                        " to amend; run 'steady checkin' without --amend");
    apply_fields(opt.flags, *existing, Editing::yes);
    return *existing;
}

[[noreturn]] void already_checked_in(const domain::Entry& existing)
{
    throw DataError("already checked in for " + timeutil::format_day(existing.day) + " (#" +
                    std::to_string(existing.id) + "); use --amend to change it");
}

void report(Context& ctx, const domain::Entry& entry, bool amend)
{
    auto& journal = ctx.journal_for_write();
    int streak = 0;
    bool first = false;
    std::vector<std::pair<domain::Clock, domain::ClockStatus>> clocks;
    journal.read("read the streak and clocks", [&] {
        streak = store::checkin_streak(journal, ctx.time().today());
        first = !amend && streak <= 1 && !store::has_other_checkin(journal, entry.id);
        clocks = clock_statuses(ctx, journal);
    });
    auto milestones = observe_milestones(ctx);
    auto& out = ctx.out();
    if (ctx.options().json) {
        domain::JsonWriter json(out.stream());
        json.begin_object();
        json.key("entry");
        write_entry_json(json, entry);
        json.key("streak").value(streak);
        json.key("clocks").begin_array();
        for (const auto& [clock, status] : clocks)
            write_clock_glance_json(json, clock, status, ctx.config().currency);
        json.end_array();
        json.key("announcements").value(milestones);
        json.end_object();
        return;
    }
    std::string day = timeutil::format_day(entry.day);
    out.say((amend ? "Updated the check-in for " : "Checked in for ") + day + " (#" +
            std::to_string(entry.id) + "): " + entry_summary(entry, out));
    if (streak > 1)
        out.say("Check-in streak: " + std::to_string(streak) + " days.");
    else if (first)
        out.say("Your first check-in. Every one counts.");
    else if (!amend)
        out.say("Every check-in counts. Welcome back.");
    for (const auto& [clock, status] : clocks)
        out.say(clock_glance(ctx, clock, status));
    for (const auto& line : milestones)
        out.say(line);
    // Not sober is said, not judged; whether a clock restarts is the user's call.
    if (entry.get_int("sober") == 0)
        if (auto hint = clock_reset_hint(ctx, entry.at))
            out.say(*hint);
}

// What a check-in asks: config `checkin.ask`, after any field a check-in
// cannot do without (mood) that the list leaves out.
std::vector<std::string> questions(const std::vector<std::string>& ask)
{
    std::vector<std::string> all;
    for (const auto& field : domain::fields()) {
        std::string name(field.name);
        if (field.required(domain::Kind::checkin) &&
            std::find(ask.begin(), ask.end(), name) == ask.end())
            all.push_back(name);
    }
    all.insert(all.end(), ask.begin(), ask.end());
    return all;
}

// Everything is asked, parsed and validated before the journal is opened
// to write, so bad input leaves no trace (not even a new empty journal).
void run_checkin(CheckinOptions& opt, Context& ctx)
{
    auto when = entry_time(ctx, opt.date);
    domain::Entry entry;
    entry.kind = domain::Kind::checkin;
    place_entry(ctx, entry, when);
    if (opt.amend) {
        entry = amended(ctx, opt, entry.day);
    } else {
        apply_fields(opt.flags, entry); // a bad value is the first thing to hear about
        if (auto existing = store::find_checkin(ctx.journal_for_read(), entry.day))
            already_checked_in(*existing);
        if (opt.interactive || ctx.io().in_tty)
            prompt_missing(ctx, entry, questions(ctx.config().checkin_ask), opt.flags,
                           opt.interactive && !ctx.io().in_tty);
        else if (!entry.get_int("mood"))
            throw UsageError("a check-in needs --mood (1 to 10) when not on a terminal; "
                             "or use -i to answer on stdin");
    }
    domain::validate(entry);
    auto& journal = ctx.journal_for_write();
    journal.write("save the check-in", [&] {
        if (opt.amend)
            store::update_entry(journal, entry, ctx.time().now);
        else
            store::add_entry(journal, entry, ctx.time().now);
    });
    report(ctx, entry, opt.amend);
}

} // namespace

void register_checkin(CLI::App& root, Context& ctx)
{
    auto opt = std::make_shared<CheckinOptions>();
    auto* cmd = root.add_subcommand("checkin", "Today's check-in: mood, craving, sober, a note");
    add_field_flags(*cmd, opt->flags, domain::Kind::checkin);
    cmd->add_option("--date", opt->date, "The day it is for (default today), e.g. yesterday")
        ->type_name("DATE");
    cmd->add_flag("--amend", opt->amend, "Change that day's check-in (only the fields given)");
    cmd->add_flag("-i,--interactive", opt->interactive,
                  "Ask for what is missing, reading answers from stdin");
    cmd->callback([opt, &ctx] { run_checkin(*opt, ctx); });
}

} // namespace steady::app
