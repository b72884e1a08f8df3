#include <cmath>
#include <filesystem>

#include "app/commands/peers.hpp"
#include "app/output/output.hpp"
#include "app/output/report.hpp"
#include "app/output/share.hpp"
#include "domain/json.hpp"
#include "domain/text.hpp"
#include "store/peers.hpp"

namespace steady::app {

using domain::PeerStatus;

namespace {

std::optional<double> peer_two_decimals(std::optional<double> value)
{
    if (!value)
        return std::nullopt;
    return std::round(*value * 100) / 100;
}

void write_peer_json(domain::JsonWriter& json, const PeerStatus& p)
{
    auto day = [](const std::optional<timeutil::Day>& d) {
        return d ? std::optional(timeutil::format_day(*d)) : std::nullopt;
    };
    json.begin_object();
    json.key("mentee").value(p.mentee);
    json.key("summaries").value(p.summaries);
    json.key("last_summary_at").value(timeutil::format_instant(p.last_summary_at));
    json.key("days_since_summary").value(p.days_since_summary);
    json.key("last_checkin").value(day(p.last_checkin));
    json.key("days_since_checkin").value(p.days_since_checkin);
    json.key("checkin_rate").begin_object();
    json.key("done").value(p.rate_done);
    json.key("days").value(p.rate_days);
    json.key("rate").value(peer_two_decimals(p.checkin_rate));
    json.end_object();
    json.key("current_streak").value(p.current_streak);
    json.key("clocks_as_of")
        .value(p.clocks_as_of ? std::optional(timeutil::format_instant(*p.clocks_as_of))
                              : std::nullopt);
    json.key("clocks").begin_array();
    for (const auto& clock : p.clocks) {
        json.begin_object();
        json.key("name").value(clock.name);
        json.key("run_minutes").value(clock.run_minutes);
        json.key("lapses").value(clock.lapses);
        json.key("last_lapse").value(day(clock.last_lapse));
        json.end_object();
    }
    json.end_array();
    json.key("mood_trend").value(peer_two_decimals(p.mood_trend));
    json.key("craving_trend").value(peer_two_decimals(p.craving_trend));
    json.key("flags").begin_object();
    json.key("quiet").value(p.quiet);
    json.key("mood_falling").value(p.mood_falling);
    json.key("cravings_rising").value(p.cravings_rising);
    json.key("lapse").value(p.lapse);
    json.end_object();
    json.key("lapse_day").value(day(p.lapse_day));
    json.end_object();
}

std::string peer_days_ago(int days)
{
    if (days <= 0)
        return "today";
    return days == 1 ? std::string("yesterday") : std::to_string(days) + " days ago";
}

std::string peer_run_text(std::int64_t minutes)
{
    constexpr std::int64_t minutes_a_day = std::int64_t{24} * 60;
    if (minutes >= minutes_a_day)
        return std::to_string(minutes / minutes_a_day) + "d";
    return std::to_string(minutes / 60) + "h";
}

std::string peer_clocks_text(const PeerStatus& p)
{
    std::vector<std::string> parts;
    for (const auto& clock : p.clocks)
        parts.push_back(share_printable(clock.name) + " " + peer_run_text(clock.run_minutes));
    return parts.empty() ? "-" : domain::join(parts, ", ");
}

// What a mentor may want to notice, in plain words.
std::string peer_notice(const PeerStatus& p)
{
    std::vector<std::string> parts;
    if (p.quiet)
        parts.push_back("no summary for " + std::to_string(p.days_since_summary) + " days");
    if (p.lapse)
        parts.push_back(p.lapse_day ? "a lapse on " + short_day(*p.lapse_day, false)
                                    : std::string("a lapse"));
    if (p.mood_falling)
        parts.push_back("mood lower");
    if (p.cravings_rising)
        parts.push_back("cravings higher");
    return domain::join(parts, ", ");
}

void print_peers_table(Context& ctx, const std::vector<PeerStatus>& peers)
{
    Table table({"MENTEE", "LAST CHECK-IN", "LAST SUMMARY", "CHECK-INS", "STREAK", "CLOCKS",
                 "WORTH A CALL"});
    bool any = false;
    for (const auto& p : peers) {
        auto notice = peer_notice(p);
        any = any || !notice.empty();
        table.add(
            {share_printable(p.mentee), p.last_checkin ? short_day(*p.last_checkin, false) : "-",
             peer_days_ago(p.days_since_summary),
             p.rate_days > 0
                 ? std::to_string(p.rate_done) + " of " + std::to_string(p.rate_days) + " days"
                 : "-",
             std::to_string(p.current_streak) + (p.current_streak == 1 ? " day" : " days"),
             peer_clocks_text(p), notice.empty() ? "-" : notice});
    }
    table.print(ctx.out());
    if (any)
        ctx.out().say("A flag is a reason to reach out, not a verdict.");
}

} // namespace

void run_peers_view(Context& ctx)
{
    std::vector<domain::PeerSummary> summaries;
    if (std::filesystem::exists(ctx.journal_path())) {
        auto& journal = ctx.journal_for_read();
        journal.read("read your mentees' summaries",
                     [&] { summaries = store::peer_summaries(journal); });
    }
    domain::PeerRules rules;
    rules.quiet_after = ctx.config().peers_quiet_after;
    const auto& time = ctx.time();
    auto peers = domain::peer_statuses(std::move(summaries), time.today(), *time.zone,
                                       time.day_start, rules);
    if (ctx.options().json) {
        domain::JsonWriter json(ctx.out().stream());
        json.begin_object().key("quiet_after").value(rules.quiet_after);
        json.key("peers").begin_array();
        for (const auto& p : peers)
            write_peer_json(json, p);
        json.end_array().end_object();
        return;
    }
    if (peers.empty()) {
        ctx.out().stream() << "No summaries from mentees yet.\n"
                              "When someone shares with you, 'steady peers import FILE' keeps "
                              "their summary\n(the .json file, or the email it came in).\n";
        return;
    }
    print_peers_table(ctx, peers);
}

} // namespace steady::app
