# Every check-in lands on the day a person would say it belongs to: with a
# late day start, in a zone behind UTC, and on DST change days (SPEC §3).
# Checked three ways: what steady says, `list --json`, and the file itself.
. "$(dirname "$0")/lib.sh"

printf 'day_starts_at = "04:00"\n' >"$tmp/late.toml"
printf 'timezone = "Asia/Tokyo"\n' >"$tmp/tokyo.toml"
printf 'timezone = "America/New_York"\nday_starts_at = "04:00"\n' >"$tmp/ny-late.toml"
: >"$tmp/none.toml"

json_field() {  # json_field FILE PATH: a value from a JSON file, via sqlite3's json1
    sqlite3 :memory: "SELECT json_extract(CAST(readfile('$1') AS TEXT), '$2')"
}

# lands NOW ZONE CONFIG DAY AT: a check-in at NOW (STEADY_NOW) in ZONE with
# CONFIG is stored for DAY at the UTC instant AT, in zone ZONE (or the config's).
lands() {
    local zone=$2 config=$3 day=$4 at=$5 tz=$2
    case $config in tokyo | ny-late) tz=$(sed -n 's/^timezone = "\(.*\)"/\1/p' "$tmp/$config.toml") ;; esac
    fresh_journal
    NOW=$1 ZONE=$zone
    expect_exit 0 steady --config "$tmp/$config.toml" checkin --mood 5
    expect_out_contains "Checked in for $day "
    expect_exit 0 steady --config "$tmp/$config.toml" list --json
    printf '%s' "$out" >"$tmp/list.json"
    expect_eq "$(json_field "$tmp/list.json" '$.entries[0].day')" "$day" "day in list --json for $1 $zone $config"
    expect_eq "$(json_field "$tmp/list.json" '$.entries[0].at')" "$at" "at in list --json for $1 $zone $config"
    expect_eq "$(json_field "$tmp/list.json" '$.entries[0].tz')" "$tz" "tz in list --json for $1 $zone $config"
    expect_eq "$(sql 'SELECT day, at, tz FROM checkins')" "$day|$at|$tz" "stored row for $1 $zone $config"
    # The period "today" (as the user's day) finds it too.
    expect_exit 0 steady --config "$tmp/$config.toml" list --period today --json
    printf '%s' "$out" >"$tmp/today.json"
    expect_eq "$(json_field "$tmp/today.json" '$.entries[0].day')" "$day" "list --period today for $1 $zone $config"
}

#     STEADY_NOW                ZONE                 CONFIG   DAY         AT (UTC)
# day_starts_at = "04:00": 01:30 is still the day before, 04:00 is the new day.
lands 2026-11-22T01:30:00       Europe/Berlin        late     2026-11-21  2026-11-22T00:30:00Z
lands 2026-11-22T03:59:00       Europe/Berlin        late     2026-11-21  2026-11-22T02:59:00Z
lands 2026-11-22T04:00:00       Europe/Berlin        late     2026-11-22  2026-11-22T03:00:00Z
lands 2026-11-22T01:30:00       Europe/Berlin        none     2026-11-22  2026-11-22T00:30:00Z
# 01:30Z is 17:30 the evening before in Los Angeles.
lands 2026-11-22T01:30:00Z      America/Los_Angeles  none     2026-11-21  2026-11-22T01:30:00Z
lands 2026-11-22T01:30:00-08:00 America/Los_Angeles  none     2026-11-22  2026-11-22T09:30:00Z
# Config `timezone` beats $TZ: 01:30Z is 10:30 in Tokyo.
lands 2026-11-22T01:30:00Z      America/Los_Angeles  tokyo    2026-11-22  2026-11-22T01:30:00Z
# Europe/Berlin springs forward 2026-03-29 02:00 -> 03:00.
lands 2026-03-29T00:30:00       Europe/Berlin        none     2026-03-29  2026-03-28T23:30:00Z
lands 2026-03-29T02:30:00       Europe/Berlin        none     2026-03-29  2026-03-29T01:00:00Z
lands 2026-03-29T23:30:00       Europe/Berlin        none     2026-03-29  2026-03-29T21:30:00Z
lands 2026-03-29T03:30:00       Europe/Berlin        late     2026-03-28  2026-03-29T01:30:00Z
# Europe/Berlin falls back 2026-10-25 03:00 -> 02:00 (02:30 happens twice: the earlier).
lands 2026-10-25T02:30:00       Europe/Berlin        none     2026-10-25  2026-10-25T00:30:00Z
lands 2026-10-25T23:30:00       Europe/Berlin        none     2026-10-25  2026-10-25T22:30:00Z
lands 2026-10-25T03:30:00       Europe/Berlin        late     2026-10-24  2026-10-25T02:30:00Z
# America/New_York springs forward 2026-03-08 02:00 -> 03:00.
lands 2026-03-08T02:30:00       America/New_York     none     2026-03-08  2026-03-08T07:00:00Z
lands 2026-03-08T23:30:00       America/New_York     none     2026-03-08  2026-03-09T03:30:00Z
lands 2026-03-08T01:30:00       America/New_York     none     2026-03-08  2026-03-08T06:30:00Z
# America/New_York falls back 2026-11-01 02:00 -> 01:00 (01:30 twice: the earlier, EDT).
lands 2026-11-01T01:30:00       America/New_York     none     2026-11-01  2026-11-01T05:30:00Z
lands 2026-11-01T23:30:00       America/New_York     none     2026-11-01  2026-11-02T04:30:00Z
lands 2026-11-01T03:30:00       America/New_York     ny-late  2026-10-31  2026-11-01T08:30:00Z
lands 2026-11-01T04:00:00Z      UTC                  ny-late  2026-10-31  2026-11-01T04:00:00Z

# A week of check-ins across Berlin's fall-back day: one per day, no day
# lost or doubled, each at 21:00 local.
fresh_journal
ZONE=Europe/Berlin
for d in 23 24 25 26 27; do
    NOW=2026-10-${d}T21:00:00
    expect_exit 0 steady checkin --mood 6
done
expect_eq "$(sql "SELECT group_concat(day || ' ' || at, ',') FROM (SELECT day, at FROM checkins ORDER BY at)")" \
    "2026-10-23 2026-10-23T19:00:00Z,2026-10-24 2026-10-24T19:00:00Z,2026-10-25 2026-10-25T20:00:00Z,2026-10-26 2026-10-26T20:00:00Z,2026-10-27 2026-10-27T20:00:00Z" \
    "check-ins across the fall-back day"
NOW=2026-10-27T21:30:00
expect_exit 0 steady list --period "2026-10-25" --json
printf '%s' "$out" >"$tmp/day.json"
expect_eq "$(json_field "$tmp/day.json" '$.entries[0].day')/$(json_field "$tmp/day.json" '$.entries[1].day')" \
    "2026-10-25/" "list --period 2026-10-25 holds exactly that day's check-in"

# --date on a DST day, from the day after: the day asked for.
fresh_journal
ZONE=America/New_York NOW=2026-03-09T12:00:00
expect_exit 0 steady checkin --date 2026-03-08 --mood 4
expect_exit 65 steady checkin --date yesterday --mood 4
expect_err_contains "already checked in for 2026-03-08"
expect_exit 0 steady checkin --date 2026-03-08 --mood 7 --amend
expect_eq "$(sql 'SELECT day, mood FROM checkins')" "2026-03-08|7" "--date on New York's spring-forward day"
