# `import` and `export --output` killed with SIGKILL at random moments
# (issue 12, reliability 2). A killed import leaves the journal intact
# (integrity_check ok) holding all of the import or none of it; a killed
# export leaves under its target name nothing or a whole export, never half
# of one. Seeded (FAULTS_SEED, default 12): a failing trial reproduces.
. "$(dirname "$0")/lib.sh"

trials=${FAULTS_TRIALS:-20}
RANDOM=${FAULTS_SEED:-12}
entries=${FAULTS_ENTRIES:-6000}

# The file to import: a generated journal of 6,000 cravings with notes (and
# the check-in steady made it with), exported by steady.
source_db=$tmp/source.db
expect_exit 0 env STEADY_DB="$source_db" "$STEADY_BIN" checkin --mood 5 --date 2020-01-01
sqlite3 -batch "$source_db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $((entries - 1)))
     INSERT INTO entries (uuid, kind, at, tz, day, created, updated, intensity, note)
     SELECT printf('00000000-0000-4000-8000-%012d', i), 'craving',
            strftime('%Y-%m-%dT%H:%M:%SZ', 1500000000 + i * 3000, 'unixepoch'), 'Europe/Berlin',
            date(1500000000 + i * 3000, 'unixepoch'), '2026-11-22T19:00:00Z',
            '2026-11-22T19:00:00Z', i % 10 + 1, 'note ' || hex(randomblob(40)) FROM n;"
expect_exit 0 env STEADY_DB="$source_db" "$STEADY_BIN" export --format json --output "$tmp/import.json"
expect_out_contains "Wrote $entries entries"

# The journal it goes into: a few entries of its own.
expect_exit 0 steady checkin --mood 6
expect_exit 0 steady craving --intensity 4 --note mine
expect_exit 0 steady trigger "the journal's own" --category lonely
count() {
    sqlite3 -batch "${1:-$db}" 'SELECT count(*) FROM entries WHERE deleted IS NULL'
}
before=$(count)
after=$((before + entries))
cp "$db" "$tmp/pristine.db"
[ -e "$db-wal" ] && fail "a -wal file beside the journal between runs"

# `run_steady ARGS…` in the background as the process itself (exec), so
# that $! is steady's pid and kill -9 kills steady, not a subshell.
run_steady() {
    STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$db" HOME="$tmp/home" LC_ALL=C.UTF-8 \
        exec "$STEADY_BIN" "$@"
}
# `kill_after MS ARGS…`: runs steady ARGS in the background, kills it with
# SIGKILL after MS milliseconds; $status is its exit status.
kill_after() {
    local ms=$1
    shift
    run_steady "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
    kill -9 "$pid" 2>/dev/null
    status=0
    wait "$pid" 2>/dev/null || status=$?
}
restore() {
    rm -f "$db-wal" "$db-shm"
    cp "$tmp/pristine.db" "$db"
}

# How long one whole import takes here (the file in the page cache).
expect_exit 0 steady import "$tmp/import.json"
restore
start=$(date +%s%N)
expect_exit 0 steady import "$tmp/import.json"
took_ms=$((($(date +%s%N) - start) / 1000000))
expect_eq "$(count)" "$after" "entries after a whole import"
span=$((took_ms * 12 / 10 + 1))
echo "importing $entries entries takes $took_ms ms; killing within $span ms"

killed=0 all=0 outcomes=""
for trial in $(seq 1 "$trials"); do
    restore
    delay_ms=$((RANDOM % span))
    kill_after "$delay_ms" import "$tmp/import.json"
    [ "$status" = 137 ] && killed=$((killed + 1))
    expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity after import trial $trial (killed at $delay_ms ms)"
    held=$(count)
    _check
    case $held in
    "$before") outcomes+=" $delay_ms:none" ;;
    "$after") outcomes+=" $delay_ms:all"; all=$((all + 1)) ;;
    *) fail "import trial $trial (killed at $delay_ms ms): the journal holds $held entries, not $before or $after" ;;
    esac
    _check
    [ "$status" = 137 ] || [ "$held" = "$after" ] ||
        fail "import trial $trial exited $status and imported nothing"
done
echo "import trials (delay ms: what the journal holds):$outcomes"
echo "$trials killed imports: $killed killed, $all had committed everything"
# A killed import is simply run again.
expect_exit 0 steady import "$tmp/import.json"
expect_eq "$(count)" "$after" "entries after importing again after a kill"
expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity after importing again"

# Into a journal not made yet: the import makes it aside, under a hidden
# temporary name, and links it into place only when it is whole. Killed,
# it leaves no journal or the whole one; its abandoned temporary files
# (with SQLite's -wal and -shm) go with the next import once a minute old.
new_folder=$tmp/new
new_db=$new_folder/journal.db
new_trials=$(((trials + 1) / 2))
fresh_none=0 fresh_all=0
for trial in $(seq 1 "$new_trials"); do
    rm -rf "$new_folder"
    delay_ms=$((RANDOM % span))
    db=$new_db kill_after "$delay_ms" import "$tmp/import.json"
    _check
    if [ -e "$new_db" ]; then
        fresh_all=$((fresh_all + 1))
        expect_eq "$(sqlite3 -batch "$new_db" 'PRAGMA integrity_check')" ok             "integrity of the new journal, trial $trial (killed at $delay_ms ms)"
        expect_eq "$(count "$new_db")" "$entries" "the new journal of trial $trial is whole"
    else
        fresh_none=$((fresh_none + 1))
        [ "$status" = 137 ] || fail "new-journal trial $trial exited $status and left no journal"
    fi
done
echo "$new_trials killed imports into a new journal: $fresh_none left none, $fresh_all a whole one"
# The last trial's leftovers, if any, aged past the minute; then the import again.
rm -rf "$new_folder"
db=$new_db kill_after $((took_ms / 3)) import "$tmp/import.json"
left=$(find "$new_folder" -name '.journal.db.steady-*' 2>/dev/null | wc -l)
echo "a kill a third of the way in left $left hidden files"
find "$new_folder" -name '.journal.db.steady-*' -exec touch -d '2 minutes ago' {} + 2>/dev/null
expect_exit 0 env STEADY_DB="$new_db" STEADY_NOW="$NOW" TZ="$ZONE" HOME="$tmp/home" \
    "$STEADY_BIN" import "$tmp/import.json"
expect_eq "$(count "$new_db")" "$entries" "the new journal after importing again"
expect_eq "$(find "$new_folder" -name '.journal.db.steady-*' | wc -l)" 0 \
    "no hidden temporary journal files left after the next import"

# Export: kill `export --output` at random moments over the big journal.
out_dir=$tmp/exports
mkdir -p "$out_dir"
expect_exit 0 steady export --format json --output "$out_dir/warm.json"
start=$(date +%s%N)
expect_exit 0 steady export --format json --output "$out_dir/timed.json"
took_ms=$((($(date +%s%N) - start) / 1000000))
rm -f "$out_dir/warm.json" "$out_dir/timed.json"
span=$((took_ms * 12 / 10 + 1))
echo "exporting $after entries takes $took_ms ms; killing within $span ms"
hash=$(journal_hash)

killed=0 whole=0 outcomes=""
for trial in $(seq 1 "$trials"); do
    target=$out_dir/trial-$trial.json
    delay_ms=$((RANDOM % span))
    kill_after "$delay_ms" export --format json --output "$target"
    [ "$status" = 137 ] && killed=$((killed + 1))
    expect_eq "$(journal_hash)" "$hash" "journal after export trial $trial"
    if [ -e "$target" ]; then
        whole=$((whole + 1))
        outcomes+=" $delay_ms:$([ "$status" = 137 ] && echo killed || echo done),whole"
        got=$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["entries"]))' <"$target" 2>&1)
        expect_eq "$got" "$after" "entries in the export of trial $trial (killed at $delay_ms ms)"
        expect_eq "$(mode_of "$target")" 600 "mode of the export of trial $trial"
    else
        outcomes+=" $delay_ms:$([ "$status" = 137 ] && echo killed || echo "exit $status"),none"
        _check
        [ "$status" = 137 ] || fail "export trial $trial exited $status and left no file"
    fi
done
echo "export trials (delay ms: how it ended, what is under the name):$outcomes"
left=$(ls -A "$out_dir" | grep -Evc '^trial-[0-9]+\.json$')
echo "$trials killed exports: $killed killed, $whole left a whole export, $left temporary files left by kills"
# What a kill leaves is hidden and never under an export's name.
expect_eq "$(ls -A "$out_dir" | grep -Ev '^trial-[0-9]+\.json$' | grep -vc '^\.trial-[0-9]*\.json\.steady-')" 0 \
    "files in the export folder other than exports and hidden temporary files"
_check
[ "$killed" -gt 0 ] || fail "no kill landed while an export was running"
# The next write into the folder removes what killed ones left once they are
# a minute old and no running write holds them.
ls -A "$out_dir" | grep '\.steady-' | while read -r name; do
    touch -d '2 minutes ago' "$out_dir/$name"
done
expect_exit 0 steady export --format csv --kind checkin --output "$out_dir/after.csv"
expect_eq "$(ls -A "$out_dir" | grep -c '\.steady-')" 0 "abandoned temporary files after an export"
