#include <catch2/catch.hpp>

#include "base/error.hpp"
#include "domain/calendar.hpp"
#include "unit/fixtures.hpp"

using namespace steady;
using domain::CalendarMeasure;
using domain::DayState;
using test::stored_day;

TEST_CASE("values map to the four heat levels", "[calendar][unit]")
{
    struct Row {
        CalendarMeasure by;
        int value;
        int level;
    };
    const Row rows[] = {
        {CalendarMeasure::mood, 1, 1},    {CalendarMeasure::mood, 3, 1},
        {CalendarMeasure::mood, 4, 2},    {CalendarMeasure::mood, 5, 2},
        {CalendarMeasure::mood, 6, 3},    {CalendarMeasure::mood, 7, 3},
        {CalendarMeasure::mood, 8, 4},    {CalendarMeasure::mood, 10, 4},
        {CalendarMeasure::craving, 0, 1}, {CalendarMeasure::craving, 1, 1},
        {CalendarMeasure::craving, 2, 2}, {CalendarMeasure::craving, 4, 2},
        {CalendarMeasure::craving, 5, 3}, {CalendarMeasure::craving, 7, 3},
        {CalendarMeasure::craving, 8, 4}, {CalendarMeasure::craving, 10, 4},
        {CalendarMeasure::sober, 0, 1},   {CalendarMeasure::sober, 1, 4},
    };
    for (const auto& row : rows) {
        INFO(domain::calendar_measure_name(row.by) << " " << row.value);
        CHECK(domain::heat_level(row.by, row.value) == row.level);
    }
    CHECK(domain::rising_is_good(CalendarMeasure::mood));
    CHECK_FALSE(domain::rising_is_good(CalendarMeasure::craving));
    CHECK(domain::rising_is_good(CalendarMeasure::sober));
}

TEST_CASE("the measure to colour by is one of three words", "[calendar][unit]")
{
    CHECK(domain::parse_calendar_measure("mood") == CalendarMeasure::mood);
    CHECK(domain::parse_calendar_measure("CRAVING") == CalendarMeasure::craving);
    CHECK(domain::parse_calendar_measure("sober") == CalendarMeasure::sober);
    CHECK_THROWS_AS(domain::parse_calendar_measure("energy"), UsageError);
    CHECK_THROWS_WITH(domain::parse_calendar_measure(""),
                      Catch::Contains("mood, craving or sober"));
}

TEST_CASE("a calendar day is a value, unrecorded, missed or blank", "[calendar][unit]")
{
    // The journal began on the 3rd; today is the 6th.
    timeutil::Period period{stored_day("2026-11-01"), stored_day("2026-11-08")};
    std::vector<domain::CheckinDay> checkins(2);
    checkins[0].day = stored_day("2026-11-03");
    checkins[0].mood = 8;
    checkins[0].craving = 2;
    checkins[1].day = stored_day("2026-11-05");
    checkins[1].mood = 4;

    auto cal = domain::build_calendar(period, CalendarMeasure::craving, checkins,
                                      stored_day("2026-11-02"), stored_day("2026-11-06"));

    REQUIRE(cal.days.size() == 8);
    const DayState want[] = {DayState::blank,  DayState::missed,     DayState::value,
                             DayState::missed, DayState::unrecorded, DayState::blank,
                             DayState::blank,  DayState::blank};
    for (std::size_t i = 0; i < 8; ++i) {
        INFO("day " << i + 1);
        CHECK(cal.days[i].day == period.from + date::days{static_cast<int>(i)});
        CHECK(cal.days[i].state == want[i]);
    }
    CHECK(cal.days[2].value == 2);
    CHECK(cal.days[2].level == 2);
    CHECK_FALSE(cal.days[4].value);
    CHECK(cal.count(DayState::missed) == 2);
    CHECK_FALSE(cal.in_future());

    auto empty = domain::build_calendar(period, CalendarMeasure::mood, {}, std::nullopt,
                                        stored_day("2026-11-06"));
    CHECK(empty.count(DayState::blank) == 8);
    auto later = domain::build_calendar(period, CalendarMeasure::mood, {}, std::nullopt,
                                        stored_day("2026-10-31"));
    CHECK(later.in_future());
}
