#!/bin/sh
# Writes the seed corpora of fuzz_import_json, fuzz_import_csv and
# fuzz_summary_json: the files of tests/cli/test_import.cpp's and
# test_peers.cpp's cases (hand-written records, bad imports, bad summaries)
# and what the steady binary given writes for a small journal (its export as
# json and as csv of each kind, its summary for a partner). Run from the
# repository root after changing those tests:
# tests/fuzz/seed_readers.sh build/steady. The files are checked in; files
# named found_* (inputs that were findings) are kept.
set -eu
steady=$(realpath "$1")
json=tests/fuzz/corpus/import_json
csv=tests/fuzz/corpus/import_csv
summary=tests/fuzz/corpus/summary_json
mkdir -p "$json" "$csv" "$summary"
find "$json" "$csv" "$summary" -type f ! -name 'found_*' -delete
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
export STEADY_DB="$tmp/j.db" HOME="$tmp" TZ=Europe/Berlin LANG=C.UTF-8 STEADY_NOW=2026-11-01T09:00
s() { "$steady" "$@" >/dev/null; }
s clock add alcohol --since 2026-09-01
s clock add nicotine --since 2026-10-01 --cost-per-day 7.5
s goal add "90 meetings" --total 90 --by 2027-01-30 --tracks meetings
s goal add read --target 1 --per day
s partner add Sam --email sam@example.org --every sunday --alert-after 3 --notes
s partner add Jo --email jo@example.org --share checkins,mood
export STEADY_NOW=2026-11-20T21:00
s checkin --mood 7 --craving 2 --sober yes --sleep 6.3 --energy 5 \
  --gratitude 'Sam called, "again"' --note "$(printf 'line one\nline two\ttab ü')" --tag work --tag évening
s trigger "the office" --category stress --intensity 6 --coped walked
s trigger "a bar" --category places
s craving --intensity 8 --trigger 2 --strategy walk --strategy "called Sam" --outcome resisted --duration 20m
s meeting "Tuesday NA" --type NA --duration 1h
s goal log 2 --count 3
s clock reset alcohol --note "a wedding"
export STEADY_NOW=2026-11-21T10:00
s checkin --mood 4
s share sam --output "$tmp/sam.txt"
"$steady" share sam "last 7 days" --format json > "$summary/share_week"
"$steady" share jo "last 30 days" --format json > "$summary/share_month"
s plan add reasons "be there for my kids"
s plan add coping 'tea "and" a book'
"$steady" export > "$json/export_all"
"$steady" export --kind craving > "$json/export_cravings"
for kind in checkin trigger craving meeting lapse goal_log; do
    "$steady" export --format csv --kind "$kind" > "$csv/export_$kind"
done
w() { printf '%b' "$2" > "$1"; }
head='{"format": "steady-journal", "version": 1, "entries": ['
w "$json/hand_records" '[{"kind": "checkin", "at": "2026-11-20T19:30:00Z", "mood": 6},
 {"kind": "craving", "at": "2026-11-21 22:10", "intensity": "7", "duration": "1h30m", "strategies": ["tea"]},
 {"kind": "meeting", "at": "yesterday", "name": "Friday AA"}]'
w "$json/plan" '{"format": "steady-journal", "version": 1, "plan": [
 {"section": "coping", "text": "call Sam"}, {"section": "Coping", "text": "  a long walk "},
 {"section": "reasons", "text": "my kids", "position": 7}]}'
w "$json/bad_truncated" "$head"'{"kind": "trigger", "at": "2026-11-20T10:00:00Z", "what": "x"},'
w "$json/bad_format" '{"format": "steady-summary", "version": 1}'
w "$json/bad_version" '{"format": "steady-journal", "version": 2, "entries": []}'
w "$json/bad_mood" "$head"'{"kind": "checkin", "at": "2026-11-20T19:00:00Z", "mood": 99}]}'
w "$json/bad_kind" "$head"'{"kind": "dream", "at": "2026-11-20T19:00:00Z"}]}'
w "$json/bad_dup" "$head"'{"kind": "trigger", "at": "2026-11-20T10:00:00Z", "what": "a", "uuid": "3f2b8c1e-6a4d-4f1e-9b2a-7c8d9e0f1a2b"}, {"kind": "trigger", "at": "2026-11-20T10:00:00Z", "what": "b", "uuid": "3f2b8c1e-6a4d-4f1e-9b2a-7c8d9e0f1a2b"}]}'
w "$json/bad_nogoal" "$head"'{"kind": "goal_log", "at": "2026-11-20T19:00:00Z", "goal_id": 9}]}'
w "$json/bad_latin1" "$head"'{"kind": "trigger", "at": "2026-11-20T10:00:00Z", "what": "caf\xe9"}]}'
w "$csv/hand_bom" '\xef\xbb\xbfkind,at,mood,sober,note\r\ncheckin,2026-11-10 21:00,6,no,"a, b"\r\ncheckin,2026-11-11,5,yes,\r\n'
w "$csv/bad_nomood" 'kind,at,craving\r\ncheckin,2026-11-20 10:00,3\r\n'
w "$csv/bad_quote" 'kind,at,what\r\ntrigger,2026-11-20 10:00,"open\r\n'
w "$csv/bad_latin1" 'kind,at,what\r\ntrigger,2026-11-20 10:00,caf\xe9\r\n'
python3 - "$summary" <<'PY'
import json, pathlib, sys
folder = pathlib.Path(sys.argv[1])
def minimal():
    return {"format": "steady-summary", "version": 1, "from": {"name": "Riley"},
            "to": {"name": "Sam"}, "period": {"from": "2026-11-16", "to": "2026-11-22"},
            "generated_at": "2026-11-22T19:00:00Z", "message": None, "sections": {},
            "missed_days": ["2026-11-18"]}
def with_(key, value):
    j = minimal(); j[key] = value; return json.dumps(j)
def without(key):
    j = minimal(); del j[key]; return json.dumps(j)
cases = {
    "minimal": json.dumps(minimal()),
    "not_json": "hello, Sam",
    "truncated": json.dumps(minimal())[:40],
    "array": "[1, 2]",
    "export": '{"format": "steady-journal", "version": 1}',
    "no_format": '{"version": 1}',
    "newer_version": with_("version", 2),
    "version_text": with_("version", "1"),
    "no_sender": without("from"),
    "null_name": with_("from", {"name": None}),
    "no_period": without("period"),
    "bad_day": with_("period", {"from": "2026-02-30", "to": "2026-03-01"}),
    "reversed": with_("period", {"from": "2026-11-22", "to": "2026-11-16"}),
    "bad_time": with_("generated_at", "yesterday"),
    "no_missed": without("missed_days"),
    "bad_missed": with_("missed_days", ["2026-13-01"]),
    "no_sections": without("sections"),
    "mood_text": with_("sections", {"mood": {"average": "high"}}),
    "negative": with_("sections", {"checkins": {"done": -1}}),
    "clock_no_name": with_("sections", {"clocks": {"clocks": [{"run_minutes": 5}]}}),
}
for name, text in cases.items():
    (folder / name).write_text(text)
PY
