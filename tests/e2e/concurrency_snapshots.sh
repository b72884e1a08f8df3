# Forty `steady craving` processes at once against one journal, with a
# `report`, an `export` and a `backup` started among them (issue 12,
# reliability 1): every writer exits 0 with its row saved and no "locked" or
# "busy" error, and each reader sees one transaction boundary: the cravings
# it holds are exactly those committed up to some moment, never a gap.
. "$(dirname "$0")/lib.sh"

writers=40

# A journal with some weight, so the readers take long enough to overlap the
# writers: steady makes it, the sqlite3 shell adds 20,000 cravings.
expect_exit 0 steady checkin --mood 5
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
     INSERT INTO entries (uuid, kind, at, tz, day, created, updated, intensity, note)
     SELECT printf('00000000-0000-4000-8000-%012d', i), 'craving',
            strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + i * 1200, 'unixepoch'), 'Europe/Berlin',
            date(1700000000 + i * 1200, 'unixepoch'), '2026-11-22T19:00:00Z',
            '2026-11-22T19:00:00Z', i % 10 + 1, 'filler ' || i FROM n;"
before=$(sql "SELECT count(*) FROM entries WHERE kind = 'craving' AND deleted IS NULL")
expect_eq "$before" 20000 "cravings before the race"
after=$((before + writers))

start=$(date +%s%N)
pids=()
write() {
    steady craving --intensity $(($1 % 10 + 1)) --note "race $1" --at "2026-11-22 19:$(printf %02d $(($1 % 60)))" \
        >"$tmp/w.$1.out" 2>&1 &
    pids+=($!)
}
for n in $(seq 1 20); do write "$n"; done
steady report --period all --json >"$tmp/report.json" 2>"$tmp/report.err" &
report_pid=$!
steady export --format json --output "$tmp/export.json" >"$tmp/export.out" 2>"$tmp/export.err" &
export_pid=$!
steady --json backup "$tmp/backup.db" >"$tmp/backup.json" 2>"$tmp/backup.err" &
backup_pid=$!
for n in $(seq 21 "$writers"); do write "$n"; done

for n in $(seq 1 "$writers"); do
    _check
    status=0
    wait "${pids[n - 1]}" || status=$?
    [ "$status" = 0 ] || fail "craving $n exited $status: $(cat "$tmp/w.$n.out")"
done
for what in report export backup; do
    pid_var=${what}_pid
    _check
    status=0
    wait "${!pid_var}" || status=$?
    [ "$status" = 0 ] || fail "$what exited $status: $(cat "$tmp/$what.err")"
done
took_ms=$((($(date +%s%N) - start) / 1000000))
echo "$writers cravings, a report, an export and a backup at once: $took_ms ms"

_check
if grep -il 'locked\|busy' "$tmp"/w.*.out "$tmp"/*.err; then
    fail "a locked or busy error above"
fi
expect_eq "$(sql "SELECT count(*) FROM entries WHERE kind = 'craving' AND deleted IS NULL")" "$after" \
    "cravings after the race"
expect_eq "$(sql "SELECT count(DISTINCT note) FROM entries WHERE note LIKE 'race %'")" "$writers" \
    "distinct racing cravings"
expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity after the race"

# `within WHAT COUNT`: COUNT lies on a transaction boundary of the race.
within() {
    _check
    [ "$2" -ge "$before" ] && [ "$2" -le "$after" ] ||
        fail "$1 holds $2 cravings, not between $before and $after"
}
# `a_prefix WHAT IDS`: the craving ids a reader saw (one per line) are all
# the cravings committed up to the newest of them: since each craving's id is
# given inside its own write transaction, a snapshot is a prefix by id.
a_prefix() {
    local seen newest wanted
    seen=$(sort -n <<<"$2" | tr '\n' ,)
    newest=$(sort -n <<<"$2" | tail -1)
    wanted=$(sql "SELECT id FROM entries WHERE kind = 'craving' AND id <= $newest ORDER BY id" | tr '\n' ,)
    _check
    [ "$seen" = "$wanted" ] || fail "$1 is not a snapshot: its cravings are not all those up to id $newest"
}

report_count=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["cravings"]["count"])' <"$tmp/report.json")
within report "$report_count"

export_ids=$(python3 -c '
import json, sys
for e in json.load(sys.stdin)["entries"]:
    if e["kind"] == "craving":
        print(e["id"])' <"$tmp/export.json")
export_count=$(wc -l <<<"$export_ids")
within export "$export_count"
a_prefix export "$export_ids"
grep -q "^Wrote $((export_count + 1)) entries to " "$tmp/export.out" ||
    fail "export said '$(cat "$tmp/export.out")' for $export_count cravings and a check-in"

expect_eq "$(sqlite3 "$tmp/backup.db" 'PRAGMA integrity_check')" ok "integrity of the backup"
backup_count=$(sqlite3 "$tmp/backup.db" "SELECT count(*) FROM entries WHERE kind = 'craving' AND deleted IS NULL")
within backup "$backup_count"
a_prefix backup "$(sqlite3 "$tmp/backup.db" "SELECT id FROM entries WHERE kind = 'craving'")"
said=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["entries"])' <"$tmp/backup.json")
expect_eq "$said" "$(sqlite3 "$tmp/backup.db" 'SELECT count(*) FROM entries WHERE deleted IS NULL')" \
    "entries the backup says it holds"
echo "snapshots: report $report_count, export $export_count, backup $backup_count cravings (of $before..$after)"
