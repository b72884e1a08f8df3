# export and import on the real binary, read by the tools a user would use:
# the ics by Debian's python3-icalendar (every event's date and UID), the
# csv by Python's csv module and by sqlite3's `.import --csv`; export to a
# folder that does not exist is 73, and to a full disk (a file size limit)
# 74 with no file left under the target name; import of a missing file 66.
. "$(dirname "$0")/lib.sh"

# Debian's python3, where python3-icalendar is installed.
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3)
"$py" -c 'import icalendar' 2>/dev/null || {
    echo "skipped: python3-icalendar is not installed (Debian package 'python3-icalendar')"
    exit 0
}

NOW=2026-11-01T09:00:00
steady clock add alcohol --since 2026-10-25 >/dev/null || fail "clock add"
steady goal add "90 meetings" --total 90 --by 2027-01-30 >/dev/null || fail "goal add"
steady goal add "daily reading" --target 1 --per day >/dev/null || fail "goal add"
NOW=2026-11-20T21:00:00
steady checkin --mood 7 --note 'a "good", long day' --tag work >/dev/null || fail "checkin"
for n in $(seq 1 5); do
    steady craving --intensity $n --strategy walk --strategy "called Sam" \
        --at "2026-11-1$n 18:00" >/dev/null || fail "craving $n"
done

# ics: a real parser reads every event with its date and UID.
expect_exit 0 steady export --format ics --output "$tmp/steady.ics"
expect_eq "$(mode_of "$tmp/steady.ics")" 600 "mode of the ics"
clock_uuid=$(sql "SELECT uuid FROM clocks")
goal_uuid=$(sql "SELECT uuid FROM goals WHERE title = '90 meetings'")
events=$("$py" - "$tmp/steady.ics" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for event in cal.walk('VEVENT'):
    start = event.get('DTSTART').dt
    print(event.get('UID'), start.isoformat(), type(start).__name__, event.get('SUMMARY'))
PY
)
_check
grep -qxF "goal-$goal_uuid@steady 2027-01-30 date Goal due: 90 meetings" <<<"$events" ||
    fail "no goal event in: $events"
_check
grep -qxF "milestone-$clock_uuid-20261024T220000Z-30d@steady 2026-11-24 date 30 days without alcohol" <<<"$events" ||
    fail "no 30-day milestone in: $events"
_check
grep -q "daily reading" <<<"$events" && fail "a goal without a due day has an event: $events"

# csv: Python's csv module and sqlite3's .import read the documented columns.
expect_exit 0 steady export --format csv --kind craving --period 2026 --output "$tmp/cravings.csv"
rows=$("$py" - "$tmp/cravings.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.DictReader(f))
print(len(rows), rows[0]['intensity'], rows[0]['strategies'], rows[0]['day'])
PY
)
expect_eq "$rows" "5 1 walk;called Sam 2026-11-11" "cravings read by python csv"
expect_exit 0 steady export --format csv --kind checkin --output "$tmp/checkins.csv"
sqlite3 "$tmp/sheet.db" ".import --csv $tmp/checkins.csv checkins" || fail "sqlite3 .import"
expect_eq "$(sqlite3 "$tmp/sheet.db" 'SELECT mood, note, tags FROM checkins')" \
    '7|a "good", long day|work' "checkins read by sqlite3 .import"
expect_eq "$(sqlite3 "$tmp/sheet.db" "SELECT group_concat(name, ',') FROM pragma_table_info('checkins')")" \
    "id,uuid,kind,at,tz,day,mood,craving,sober,energy,sleep,gratitude,note,tags,created,updated" \
    "the csv columns"

# json: the round trip through files, and importing it twice adds nothing.
expect_exit 0 steady export --output "$tmp/all.json"
other=$tmp/other.db
expect_exit 0 env STEADY_DB="$other" "$STEADY_BIN" import "$tmp/all.json"
expect_exit 0 env STEADY_DB="$other" "$STEADY_BIN" import "$tmp/all.json"
expect_out_contains "added 0, updated 0, skipped 9 "
STEADY_NOW=$NOW TZ=$ZONE STEADY_DB="$other" HOME="$tmp/home" "$STEADY_BIN" export >"$tmp/again.json"
expect_eq "$(grep -v exported_at "$tmp/again.json")" "$(grep -v exported_at "$tmp/all.json")" \
    "export after import"

# Where the export cannot go.
expect_exit 73 steady export --output "$tmp/no/such/folder/all.json"
expect_err_contains "all.json"
# Enough entries for an export of 300 kB, from hand-written records.
"$py" -c '
import json
print(json.dumps([{"kind": "trigger", "at": "2026-10-%02d 12:00" % (n % 28 + 1), "what": "noise " * 10}
                  for n in range(3000)]))' >"$tmp/many.json"
expect_exit 0 steady import "$tmp/many.json"
echo "an older export" >"$tmp/kept.json"
expect_exit 74 prlimit --fsize=100000 env STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$db" \
    HOME="$tmp/home" "$STEADY_BIN" export --output "$tmp/kept.json"
expect_err_contains "kept.json"
expect_eq "$(cat "$tmp/kept.json")" "an older export" "the file after a failed export"
expect_eq "$(ls -A "$tmp" | grep -c steady-)" 0 "temporary files left"

expect_exit 66 steady import "$tmp/nothing-here.json"
expect_err_contains "nothing-here.json"
