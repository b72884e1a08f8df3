#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "domain/report.hpp"

namespace steady::domain {

namespace {

// `value` rounded to a tenth, halves away from zero (5.25 is 5.3), so that
// figures a sentence compares add up as printed.
double to_tenth(double value)
{
    return std::round(value * 10) / 10;
}

// `value` with one decimal: "2.1".
std::string one_decimal(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", to_tenth(value));
    return buf;
}

std::string of_count(int part, int whole)
{
    return std::to_string(part) + " of " + std::to_string(whole);
}

// The weekday and part of day whose cravings most exceed that part of the
// day's share on an average weekday, when the period has at least
// k_cluster_min_cravings cravings and the cell holds at least
// k_cluster_min_count of them and at least k_cluster_min_ratio times its
// share (the part of the day's cravings / 7). Comparing a cell with its own
// part of the day keeps the hours a person sleeps from making every
// afternoon look like a cluster.
std::optional<Insight> craving_cluster(const MomentFigures& m)
{
    if (m.cravings < k_cluster_min_cravings)
        return std::nullopt;
    std::array<int, k_day_parts> by_part{};
    for (const auto& day : m.cravings_by_slot)
        for (std::size_t part = 0; part < by_part.size(); ++part)
            by_part[part] += day[part];
    int best_day = 0, best_part = 0, best = 0;
    double best_ratio = 0;
    for (int day = 0; day < 7; ++day)
        for (int part = 0; part < k_day_parts; ++part) {
            int count =
                m.cravings_by_slot[static_cast<std::size_t>(day)][static_cast<std::size_t>(part)];
            double ratio = count == 0 ? 0 : count * 7.0 / by_part[static_cast<std::size_t>(part)];
            if (ratio > best_ratio || (ratio == best_ratio && count > best)) {
                best_ratio = ratio;
                best = count;
                best_day = day;
                best_part = part;
            }
        }
    auto part = static_cast<DayPart>(best_part);
    double expected = by_part[static_cast<std::size_t>(best_part)] / 7.0;
    if (best < k_cluster_min_count || best < k_cluster_min_ratio * expected)
        return std::nullopt;
    std::string when = std::string(weekday_name(best_day)) + " " + day_part_name(part);
    Insight insight{"craving_cluster",
                    "Cravings cluster on " + when + "s: " + of_count(best, m.cravings) + " were " +
                        weekday_name(best_day) + " " + day_part_hours(part, true) + ".",
                    {}};
    insight.evidence = {{"weekday", std::string(weekday_name(best_day))},
                        {"part_of_day", std::string(day_part_name(part))},
                        {"hours", std::string(day_part_hours(part, false))},
                        {"count", std::int64_t{best}},
                        {"cravings", std::int64_t{m.cravings}},
                        {"expected", expected}};
    return insight;
}

// Check-in craving after nights under k_sleep_short_hours against the rest.
std::optional<Insight> short_sleep(const Report& report)
{
    Stats short_nights, rest;
    for (const auto& c : report.checkins)
        if (c.sleep && c.craving)
            (*c.sleep < k_sleep_short_hours ? short_nights : rest).add(*c.craving);
    if (short_nights.count < k_sleep_min_days || rest.count < k_sleep_min_days)
        return std::nullopt;
    double difference = *short_nights.average() - *rest.average();
    if (difference < k_sleep_min_difference)
        return std::nullopt;
    double shown = to_tenth(*short_nights.average()) - to_tenth(*rest.average());
    Insight insight{"short_sleep",
                    "After nights under 6 h of sleep, your craving averaged " + one_decimal(shown) +
                        " higher (" + one_decimal(*short_nights.average()) + " against " +
                        one_decimal(*rest.average()) + ").",
                    {}};
    insight.evidence = {{"short_nights", std::int64_t{short_nights.count}},
                        {"other_nights", std::int64_t{rest.count}},
                        {"craving_after_short", *short_nights.average()},
                        {"craving_after_other", *rest.average()},
                        {"difference", difference}};
    return insight;
}

// The trigger category most often followed by a craving within 2 hours,
// among those with at least k_followed_min_triggers triggers, when at least
// half of its triggers were.
std::optional<Insight> trigger_followed(const MomentFigures& m)
{
    const std::string* best_name = nullptr;
    const CategoryTally* best = nullptr;
    for (const auto& [name, tally] : m.by_category) {
        if (name.empty() || tally.count < k_followed_min_triggers)
            continue;
        if (!best || tally.followed * best->count > best->followed * tally.count ||
            (tally.followed * best->count == best->followed * tally.count &&
             tally.count > best->count)) {
            best = &tally;
            best_name = &name;
        }
    }
    if (!best || best->followed * 2 < best->count)
        return std::nullopt;
    Insight insight{"trigger_followed",
                    "Of your triggers, '" + *best_name +
                        "' was most often followed by a craving within 2 hours: " +
                        of_count(best->followed, best->count) + " times.",
                    {}};
    insight.evidence = {{"category", *best_name},
                        {"followed", std::int64_t{best->followed}},
                        {"triggers", std::int64_t{best->count}}};
    return insight;
}

// Mood on days with a meeting against days without one.
std::optional<Insight> meeting_mood(const Report& report)
{
    Stats with, without;
    auto meeting = report.meeting_days.begin();
    for (const auto& c : report.checkins) {
        while (meeting != report.meeting_days.end() && *meeting < c.day)
            ++meeting;
        bool met = meeting != report.meeting_days.end() && *meeting == c.day;
        (met ? with : without).add(c.mood);
    }
    if (with.count < k_meeting_min_days || without.count < k_meeting_min_days)
        return std::nullopt;
    double difference = *with.average() - *without.average();
    if (std::abs(difference) < k_meeting_min_difference)
        return std::nullopt;
    Insight insight{"meeting_mood",
                    "On days with a meeting your mood averaged " + one_decimal(*with.average()) +
                        ", against " + one_decimal(*without.average()) + " on other days.",
                    {}};
    insight.evidence = {{"meeting_days", std::int64_t{with.count}},
                        {"other_days", std::int64_t{without.count}},
                        {"mood_on_meeting_days", *with.average()},
                        {"mood_on_other_days", *without.average()}};
    return insight;
}

// The strategy that most often ended a craving of intensity 8 or more as
// resisted, among those used on at least k_strong_min_uses such cravings.
std::optional<Insight> strong_craving_strategy(const MomentFigures& m)
{
    auto better = [](const StrategyTally& a, const StrategyTally& b) {
        return ranks_before(a.strong_resisted, a.strong, a.name, b.strong_resisted, b.strong,
                            b.name);
    };
    const StrategyTally* best = nullptr;
    for (const auto& s : m.strategies) {
        if (s.strong < k_strong_min_uses || s.strong_resisted == 0)
            continue;
        if (!best || better(s, *best))
            best = &s;
    }
    if (!best)
        return std::nullopt;
    Insight insight{"strong_craving_strategy",
                    "When a craving reached 8 or more, '" + best->name +
                        "' helped most: resisted " + of_count(best->strong_resisted, best->strong) +
                        " times.",
                    {}};
    insight.evidence = {{"strategy", best->name},
                        {"resisted", std::int64_t{best->strong_resisted}},
                        {"used", std::int64_t{best->strong}}};
    return insight;
}

} // namespace

std::vector<Insight> insights(const Report& report)
{
    std::vector<Insight> found;
    for (auto insight :
         {craving_cluster(report.moments), short_sleep(report), trigger_followed(report.moments),
          meeting_mood(report), strong_craving_strategy(report.moments)})
        if (insight)
            found.push_back(std::move(*insight));
    return found;
}

} // namespace steady::domain
