# Several steady processes writing one journal at once: none loses its write,
# and a writer holding the lock for a while is waited for (busy timeout ≥ 5 s).
. "$(dirname "$0")/lib.sh"

expect_exit 0 steady checkin --date 2026-10-01 --mood 5  # the journal exists before the race

# Twelve check-ins for twelve different days, started together.
pids=()
for n in $(seq 1 12); do
    steady checkin --date "$n days ago" --mood $((n % 10 + 1)) >"$tmp/race.$n.out" 2>&1 &
    pids+=($!)
done
for n in $(seq 1 12); do
    _check
    status=0
    wait "${pids[n - 1]}" || status=$?
    [ "$status" = 0 ] || fail "concurrent check-in $n exited $status: $(cat "$tmp/race.$n.out")"
done
expect_eq "$(sql "SELECT count(*) FROM checkins WHERE day BETWEEN '2026-11-10' AND '2026-11-21'")" 12 \
    "check-ins written concurrently"
expect_eq "$(sql "SELECT group_concat(mood, ',') FROM (SELECT mood FROM checkins WHERE day > '2026-11-01' ORDER BY day DESC)")" \
    "2,3,4,5,6,7,8,9,10,1,2,3" "moods of the concurrent check-ins, newest first"
expect_eq "$(sql 'SELECT count(DISTINCT id) FROM entries')" 13 "distinct ids"

# Creating the journal concurrently: four processes race to make a new file.
fresh=$tmp/fresh/journal.db
pids=()
for n in 1 2 3 4; do
    steady --db "$fresh" checkin --date "2026-11-0$n" --mood "$n" >"$tmp/create.$n.out" 2>&1 &
    pids+=($!)
done
for n in 1 2 3 4; do
    _check
    status=0
    wait "${pids[n - 1]}" || status=$?
    [ "$status" = 0 ] || fail "racing to create, check-in $n exited $status: $(cat "$tmp/create.$n.out")"
done
expect_eq "$(sqlite3 "$fresh" 'SELECT group_concat(day) FROM (SELECT day FROM checkins ORDER BY day)')" \
    "2026-11-01,2026-11-02,2026-11-03,2026-11-04" "check-ins racing to create the journal"

# Another program holds the write lock for 7 s. The busy timeout is at
# least 5 s: steady either waits it out and writes (exit 0), or gives up
# after 5 s or more with 75, "try again", and nothing written.
hold_journal "$db" 7 'BEGIN IMMEDIATE'
start=$(date +%s.%N)
status=0
steady checkin --date 2026-10-02 --mood 7 >"$tmp/locked.out" 2>"$tmp/locked.err" || status=$?
waited=$(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $start}")
wait "$holder"
saved=$(sql "SELECT count(*) FROM checkins WHERE day = '2026-10-02' AND mood = 7")
_check
case $status in
0) [ "$saved" = 1 ] || fail "steady said it saved while locked, but the journal has $saved" ;;
75) [ "$saved" = 0 ] || fail "steady exited 75 but the check-in is in the journal"
    grep -q "^steady: .*try again" "$tmp/locked.err" || fail "75 without 'try again': $(cat "$tmp/locked.err")" ;;
*) fail "steady exited $status while the journal was locked: $(cat "$tmp/locked.err")" ;;
esac
_check
awk "BEGIN {exit !($waited >= 5)}" || fail "steady waited only ${waited}s for the lock (busy timeout < 5 s)"
echo "locked journal: steady exited $status after ${waited}s"
expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity after the lock contention"
