# The mentor's side on the real binary: two mentees, each with their own
# journal and config, share with their mentor as json; the mentor imports
# both summaries into their own journal (once more to see nothing change,
# and a week later a newer one), and peers shows who has gone quiet, whose
# mood is falling and who reported a lapse. Bad files stop the batch.
. "$(dirname "$0")/lib.sh"

# `as NAME steady-args…`: steady in NAME's own journal and config.
as() {
    local who=$1
    shift
    mkdir -p "$tmp/$who"
    printf 'name = "%s"\n' "$who" >"$tmp/$who/config.toml"
    env STEADY_DB="$tmp/$who/journal.db" STEADY_CONFIG="$tmp/$who/config.toml" \
        STEADY_NOW="$NOW" TZ="$ZONE" HOME="$tmp/home" LC_ALL=C.UTF-8 "$STEADY_BIN" "$@"
}

ok() {
    _check
    "$@" >/dev/null 2>"$tmp/.ok.err" || fail "'$*' failed: $(cat "$tmp/.ok.err")"
}

# Kai: two weeks, mood falling in the second, a lapse on Friday the 20th.
ok as Kai clock add alcohol --since 2026-10-01
for d in 09 10 11 12 13 14 15; do ok as Kai checkin --date 2026-11-$d --mood 8 --craving 1; done
mood=8
for d in 16 17 19 20 21 22; do
    ok as Kai checkin --date 2026-11-$d --mood $mood --craving 4
    mood=$((mood - 1))
done
ok as Kai clock reset alcohol --at "2026-11-20 22:00" --note "a hard night"
ok as Kai partner add Sam --email sam@example.org --share all

# Riley: checked in every day for two weeks, shares check-ins and mood only.
for d in 09 10 11 12 13 14 15 16 17 18 19 20 21 22; do ok as Riley checkin --date 2026-11-$d --mood 7; done
ok as Riley partner add Sam --email sam@example.org --share checkins,mood

expect_exit 0 as Kai share sam --format json --output "$tmp/kai.json"
expect_exit 0 as Riley share sam --format json --output "$tmp/riley.json"
NOW=2026-11-15T20:00:00 expect_exit 0 as Riley share sam --format json --output "$tmp/riley-before.json"

# The mentor, in $db.
NOW=2026-11-23T09:00:00
expect_exit 0 steady peers
expect_out_contains "No summaries from mentees yet"

# A bad file in the batch: nothing is imported.
printf 'not a summary\n' >"$tmp/notes.txt"
expect_exit 65 steady peers import "$tmp/kai.json" "$tmp/notes.txt" "$tmp/riley.json"
expect_err_contains "'$tmp/notes.txt' is not a steady summary: it is not JSON"
expect_eq "$(journal_hash)" absent "the journal after a refused batch"
expect_exit 66 steady peers import "$tmp/kai.json" "$tmp/nowhere.json"
expect_err_contains "nowhere.json"

expect_exit 0 steady peers import "$tmp/kai.json" "$tmp/riley.json" "$tmp/riley-before.json"
expect_out_contains "Kai, 2026-11-16..2026-11-22: imported"
expect_out_contains "Riley, 2026-11-09..2026-11-15: imported"
expect_eq "$(sql 'SELECT count(*) FROM peer_summaries')" 3 "summaries kept"
expect_eq "$(sql "SELECT json_extract(summary, '\$.from.name') FROM peer_summaries ORDER BY id LIMIT 1")" \
    Kai "the json kept as received"

before=$(sql 'SELECT * FROM peer_summaries; SELECT * FROM peer_missed; SELECT * FROM peer_clocks')
expect_exit 0 steady peers import "$tmp/kai.json" "$tmp/riley.json"
expect_out_contains "already imported; nothing changed"
expect_eq "$(sql 'SELECT * FROM peer_summaries; SELECT * FROM peer_missed; SELECT * FROM peer_clocks')" \
    "$before" "the journal after importing the same files again"

expect_exit 0 steady peers
expect_out_contains "Kai"
expect_out_contains "a lapse on Nov 20"
expect_out_contains "mood lower"
expect_out_contains "alcohol 1d"
expect_out_contains "6 of 7 days"
expect_out_contains "14 of 14 days"

expect_exit 0 steady peers --json
expect_eq "$(python3 -c '
import json, sys
p = {x["mentee"]: x for x in json.load(sys.stdin)["peers"]}
k, r = p["Kai"], p["Riley"]
print(k["last_checkin"], k["checkin_rate"]["done"], k["checkin_rate"]["days"], k["current_streak"],
      k["flags"]["mood_falling"], k["flags"]["lapse"], k["flags"]["quiet"],
      r["summaries"], r["current_streak"], r["flags"]["lapse"], r["clocks"])
' <<<"$out")" "2026-11-22 6 7 4 True True False 2 14 False []" "peers --json figures"

# A week later with no new summary, both have gone quiet; Kai shares again.
NOW=2026-11-30T09:00:00
expect_exit 0 steady peers --json
expect_eq "$(python3 -c 'import json,sys; print([p["flags"]["quiet"] for p in json.load(sys.stdin)["peers"]])' <<<"$out")" \
    "[True, True]" "quiet after a week"
NOW=2026-11-22T23:00:00 expect_exit 0 as Kai share sam --format json --output "$tmp/kai-late.json"
expect_exit 0 steady peers import "$tmp/kai-late.json"
expect_out_contains "replaced the older summary of that period"

# Cron's bare environment.
expect_exit 0 env -i HOME="$tmp/home" PATH=/usr/bin:/bin STEADY_DB="$db" STEADY_NOW="$NOW" \
    TZ="$ZONE" "$STEADY_BIN" peers
expect_out_contains "Riley"
