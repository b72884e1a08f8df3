# report and summary from the real binary, as a new user meets them (issue
# 8): nothing created without a journal, four weeks of entries that hold
# every insight, the sections in the order steady(1) gives, the --json
# shape read by python3, ASCII under LC_ALL=C, and each bad input of the
# issue with its exit code and nothing written.
. "$(dirname "$0")/lib.sh"

NOW=2026-11-22T22:00:00

# No journal yet: a gentle empty report, 0, and no journal made.
expect_exit 0 steady report
expect_out_contains "Nothing logged in this period yet"
expect_exit 0 steady summary --json
_check
printf '%s' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert r["period"] == {"from": "2026-11-16", "to": "2026-11-22"}, r["period"]
assert r["covered"] is None and r["checkins"]["done"] == 0 and r["insights"] == []
' || fail "summary --json without a journal: $out"
expect_eq "$(journal_hash)" absent "the journal after report without one"

# Four weeks, Monday 26 October to Sunday 22 November: a check-in a day
# (short nights every fourth day, with a stronger craving), a meeting every
# other day (the better mood), two lonely evenings each Friday that a walk
# got through, a Tuesday morning craving that was not resisted, a hungry
# Wednesday; a goal of three meetings a week.
quiet() { steady -q "$@" >/dev/null || fail "'steady $*' at $NOW failed"; }
NOW=2026-10-26T08:00:00 quiet goal add "3 meetings a week" --target 3 --per week --tracks meetings
for i in $(seq 0 27); do
    day=$(date -u -d "2026-10-26 + $i days" +%F)
    weekday=$(date -u -d "$day" +%u)
    sleep=7 craving=2 mood=5
    [ $((i % 4)) = 0 ] && sleep=5 craving=5
    [ $((i % 2)) = 0 ] && mood=7
    NOW=${day}T21:30:00 quiet checkin --mood $mood --craving $craving --sleep $sleep --sober yes
    [ $((i % 2)) = 0 ] && NOW=${day}T19:00:00 quiet meeting "Home group" --type AA
    if [ "$weekday" = 5 ]; then
        for hour in 19 20; do
            NOW=${day}T$hour:00:00 quiet trigger "alone at home" --category lonely --intensity 7
            NOW=${day}T$hour:30:00 quiet craving --intensity 8 --strategy walk --outcome resisted
        done
    fi
    [ "$weekday" = 2 ] && NOW=${day}T10:00:00 quiet craving --intensity 8 --strategy willpower \
        --outcome used
    [ "$weekday" = 3 ] && NOW=${day}T10:00:00 quiet trigger "skipped lunch" --category hungry
done
before=$(journal_hash)

expect_exit 0 steady report "last 28 days"
report=$out
expect_out_contains "Report 2026-10-26 – 2026-11-22"
expect_out_contains "Check-ins   28 of 28 days, none missed"
expect_out_contains "12: 8 resisted, 4 used · intensity 8"
expect_out_contains "walk  8 of 8 resisted"
expect_out_contains "HALT: hungry 4, angry 0, lonely 8, tired 0"
expect_out_contains "Meetings    14: AA 14"
expect_out_contains "#1 3 meetings a week: 3 of 3 this week, done · 14 in this period"
expect_out_contains "Cravings cluster on Friday evenings: 8 of 12 were Friday 18–22h."
expect_out_contains "After nights under 6 h of sleep, your craving averaged 3.0 higher"
expect_out_contains "'lonely' was most often followed by a craving within 2 hours: 8 of 8 times."
expect_out_contains "On days with a meeting your mood averaged 7.0, against 5.0 on other days."
expect_out_contains "When a craving reached 8 or more, 'walk' helped most"
_check
order=$(printf '%s\n' "$report" | grep -oE '^  (Check-ins|Mood|Craving |Sleep|Cravings|Triggers|Meetings|Goals|Insights)' |
    tr -s ' ' | tr '\n' ',')
expect_eq "$order" " Check-ins, Mood, Craving , Sleep, Cravings, Triggers, Meetings, Goals, Insights," \
    "the report's sections in steady(1)'s order"

# The same figures in --json, as steady(1) documents them.
expect_exit 0 steady summary --period "last 28 days" --json
_check
printf '%s' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert r["period"] == {"from": "2026-10-26", "to": "2026-11-22"}, r["period"]
assert r["covered"] == {"from": "2026-10-26", "to": "2026-11-22", "days": 28}, r["covered"]
c = r["checkins"]
assert (c["done"], c["days"], c["missed"], c["current_streak"], c["longest_streak"]) == (28, 28, [], 28, 28), c
for key in ("mood", "craving", "sleep"):
    assert set(r[key]) >= {"average", "min", "max", "by_day"}, r[key]
    assert len(r[key]["by_day"]) == 28, key
assert "change" in r["mood"] and r["energy"] is None
assert (r["mood"]["average"], r["mood"]["min"], r["mood"]["max"]) == (6, 5, 7), r["mood"]
cr = r["cravings"]
assert (cr["count"], cr["resisted"], cr["used"]) == (12, 8, 4), cr
assert [s["name"] for s in cr["strategies"]] == ["walk", "willpower"], cr["strategies"]
t = r["triggers"]
assert t["count"] == 12 and t["halt"] == {"hungry": 4, "angry": 0, "lonely": 8, "tired": 0}, t
assert t["by_weekday"]["friday"] == 8 and t["by_hour"][19] == 4 and len(t["by_hour"]) == 24, t
assert r["meetings"] == {"count": 14, "by_type": [{"type": "AA", "count": 14}]}, r["meetings"]
goal = r["goals"][0]
assert set(goal) == {"id", "title", "aim", "goal_period", "progress", "expected", "remaining",
                     "days_left", "per_day", "pace", "in_period"}, goal
assert goal["goal_period"] == {"from": "2026-11-16", "to": "2026-11-22"}, goal
assert (goal["progress"], goal["in_period"]) == (3, 14), goal
assert r["goals_done"] == [], r["goals_done"]
kinds = [i["kind"] for i in r["insights"]]
assert kinds == ["craving_cluster", "short_sleep", "trigger_followed", "meeting_mood",
                 "strong_craving_strategy"], kinds
for i in r["insights"]:
    assert i["text"] and isinstance(i["evidence"], dict) and i["evidence"], i
cluster = r["insights"][0]["evidence"]
assert (cluster["weekday"], cluster["part_of_day"], cluster["count"], cluster["cravings"]) == \
    ("Friday", "evening", 8, 12), cluster
' || fail "summary --json: $out"

# Without UTF-8 in the locale: ASCII only, the insights too.
in_c_locale() {
    env -u STEADY_CONFIG -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u LANG -u LC_CTYPE STEADY_NOW="$NOW" \
        TZ="$ZONE" STEADY_DB="$db" HOME="$tmp/home" LC_ALL=C "$STEADY_BIN" "$@"
}
expect_exit 0 in_c_locale report "last 28 days"
_check
if printf '%s' "$out" | LC_ALL=C grep -q '[^ -~]'; then
    fail "report under LC_ALL=C printed bytes that are not ASCII: $out"
fi
expect_out_contains "Report 2026-10-26 to 2026-11-22"
expect_out_contains "8 of 12 were Friday 18-22h."

# Bad input: each refused with its exit code, naming the text; a period
# wholly in the future is a kind report, 0.
expect_exit 64 steady report fortnight
expect_err_contains "'fortnight' is not a period"
expect_exit 64 steady report "2026-11-20..2026-11-01"
expect_err_contains "ends before it starts"
expect_exit 64 steady summary --period "2026-11-20..2026-11-01"
expect_exit 0 steady report 2027
expect_out_contains "That period has not begun yet; nothing has happened in it."
expect_exit 64 steady calendar --by stress
expect_err_contains "cannot colour a calendar by 'stress'"
expect_exit 64 steady report --by mood
expect_eq "$(journal_hash)" "$before" "the journal after report and calendar"
