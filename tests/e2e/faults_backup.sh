# `backup` killed with SIGKILL at random moments (issue 12, reliability 2 and
# 3): whenever it dies, the journal is intact and byte for byte as it was, and
# the backup's name holds either nothing or a whole, checked backup, never a
# half one. Seeded (FAULTS_SEED, default 12): a failing trial reproduces.
. "$(dirname "$0")/lib.sh"

trials=${FAULTS_TRIALS:-20}
RANDOM=${FAULTS_SEED:-12}

# A journal big enough that a backup takes a while: steady makes it, the
# sqlite3 shell fills it (60,000 cravings with notes, about 45 MB).
expect_exit 0 steady checkin --mood 5
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
     INSERT INTO entries (uuid, kind, at, tz, day, created, updated, intensity, note)
     SELECT printf('00000000-0000-4000-8000-%012d', i), 'craving',
            strftime('%Y-%m-%dT%H:%M:%SZ', 1500000000 + i * 3000, 'unixepoch'), 'Europe/Berlin',
            date(1500000000 + i * 3000, 'unixepoch'), '2026-11-22T19:00:00Z',
            '2026-11-22T19:00:00Z', i % 10 + 1, hex(randomblob(180)) FROM n;"
entries=$(sql 'SELECT count(*) FROM entries WHERE deleted IS NULL')
expect_eq "$entries" 60001 "entries in the big journal"
hash=$(journal_hash)

# How long one whole backup takes here, once the journal is in the page
# cache (the first takes several times as long); kills fall anywhere in
# 0..1.2 times that.
expect_exit 0 steady backup "$tmp/warm.db"
start=$(date +%s%N)
expect_exit 0 steady backup "$tmp/timed.db"
took_ms=$((($(date +%s%N) - start) / 1000000))
span=$((took_ms * 12 / 10 + 1))
echo "one backup of $(du -h "$db" | cut -f1) takes $took_ms ms; killing within $span ms"

out_dir=$tmp/backups
mkdir -p "$out_dir"
# `backup` in the background as the process itself (exec): lib.sh's `steady`
# is a function, and a function sent to the background is a subshell, so its
# pid would be the shell's and kill -9 would leave steady running.
backup_process() {
    STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$db" HOME="$tmp/home" LC_ALL=C.UTF-8 \
        exec "$STEADY_BIN" backup "$1"
}
killed=0 whole=0 outcomes=""
for trial in $(seq 1 "$trials"); do
    target=$out_dir/trial-$trial.db
    delay_ms=$((RANDOM % span))
    backup_process "$target" >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null
    status=0
    wait "$pid" 2>/dev/null || status=$?
    [ "$status" = 137 ] && killed=$((killed + 1))
    expect_eq "$(journal_hash)" "$hash" "journal after trial $trial (killed at $delay_ms ms)"
    if [ -e "$target" ]; then
        whole=$((whole + 1))
        outcomes+=" $delay_ms:$([ "$status" = 137 ] && echo killed || echo done),whole"
        expect_eq "$(sqlite3 "$target" 'PRAGMA integrity_check')" ok \
            "integrity of the backup of trial $trial (killed at $delay_ms ms)"
        expect_eq "$(sqlite3 "$target" 'SELECT count(*) FROM entries WHERE deleted IS NULL')" \
            "$entries" "entries in the backup of trial $trial"
        _check
        [ ! -e "$target-journal" ] && [ ! -e "$target-wal" ] ||
            fail "trial $trial: a side file beside the backup"
    else
        outcomes+=" $delay_ms:$([ "$status" = 137 ] && echo killed || echo "exit $status"),none"
        _check
        [ "$status" = 137 ] || fail "trial $trial: backup exited $status and left no backup"
    fi
done
echo "trials (delay ms: how it ended, what is under the name):$outcomes"
expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity of the journal after $trials killed backups"
expect_eq "$(journal_hash)" "$hash" "journal after $trials killed backups"
expect_exit 0 steady craving --intensity 3
expect_eq "$(sql 'SELECT count(*) FROM entries WHERE deleted IS NULL')" $((entries + 1)) \
    "a write after the killed backups"
left=$(ls -A "$out_dir" | grep -c '^\.steady-backup-')
expect_eq "$(ls -A "$out_dir" | grep -Evc '^(\.steady-backup-|trial-[0-9]+\.db$)')" 0 \
    "files under other names in the backup folder"
echo "$trials trials: $killed killed, $whole left a whole backup under its name, $left temporary files left by kills"
# A kill leaves its temporary copy (hidden, never under a backup's name). The
# next backup removes those no running backup holds once a minute old.
_check
[ "$left" -gt 0 ] || fail "no kill landed while a temporary copy existed"
ls -A "$out_dir" | grep '^\.steady-backup-' | while read -r name; do
    touch -d '2 minutes ago' "$out_dir/$name"
done
expect_exit 0 steady backup "$out_dir/after.db"
expect_eq "$(sqlite3 "$out_dir/after.db" 'PRAGMA integrity_check')" ok "a backup after the kills"
expect_eq "$(ls -A "$out_dir" | grep -c '^\.steady-backup-')" 0 "abandoned temporary copies after a backup"
