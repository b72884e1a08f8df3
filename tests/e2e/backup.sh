# backup and doctor on the real binary: a backup taken while twenty steady
# processes write is a whole, consistent journal and none of them fails;
# backup and doctor work under cron's bare environment; doctor finds a
# damaged journal without changing a byte of it.
. "$(dirname "$0")/lib.sh"

backups=$tmp/home/.local/share/steady/backups

for n in $(seq 1 30); do
    steady craving --intensity $((n % 10 + 1)) --at "2026-11-0$((n % 9 + 1)) 10:00" >/dev/null ||
        fail "seeding craving $n"
done
before=$(sql "SELECT count(*) FROM cravings")

# Twenty writers and one backup, started together.
pids=()
for n in $(seq 1 20); do
    steady craving --intensity $((n % 10 + 1)) >"$tmp/race.$n.out" 2>&1 &
    pids+=($!)
done
expect_exit 0 steady --json backup
backup_json=$out
for n in $(seq 1 20); do
    _check
    status=0
    wait "${pids[n - 1]}" || status=$?
    [ "$status" = 0 ] || fail "craving $n beside the backup exited $status: $(cat "$tmp/race.$n.out")"
done
after=$(sql "SELECT count(*) FROM cravings")
expect_eq "$after" $((before + 20)) "cravings after the race"

copy=$(sed -n 's/^  "path": "\(.*\)",$/\1/p' <<<"$backup_json")
_check
[ -f "$copy" ] || fail "no backup at '$copy' (output: $backup_json)"
expect_eq "$(sqlite3 "$copy" 'PRAGMA integrity_check')" ok "integrity of the backup"
expect_eq "$(sqlite3 "$copy" 'PRAGMA user_version')" "$(sql 'PRAGMA user_version')" "schema of the backup"
copied=$(sqlite3 "$copy" 'SELECT count(*) FROM cravings')
_check
[ "$copied" -ge "$before" ] && [ "$copied" -le "$after" ] ||
    fail "the backup holds $copied cravings, not between $before and $after"
echo "backup beside 20 writers: $copied cravings (before $before, after $after)"
expect_eq "$(mode_of "$copy")" 600 "mode of the backup"
expect_eq "$(mode_of "$backups")" 700 "mode of the backups folder"
expect_eq "$(ls -A "$backups" | grep -vc '^journal-.*\.db$')" 0 "temporary files left in the backups folder"
expect_exit 0 steady --db "$copy" list --limit 0
expect_eq "$(grep -c 'craving' <<<"$out")" "$copied" "cravings listed from the backup"

# Under cron: env -i, the default journal and backups folder under HOME.
home=$tmp/cronhome
mkdir -p "$home"
bare() {
    env -i HOME="$home" PATH=/usr/bin:/bin STEADY_NOW=2026-11-22T20:00:00 TZ=UTC "$@"
}
expect_exit 0 bare "$STEADY_BIN" checkin --mood 6
expect_exit 0 bare "$STEADY_BIN" backup
expect_out_contains "$home/.local/share/steady/backups/journal-20261122-200000.db"
expect_eq "$(sqlite3 "$home/.local/share/steady/backups/journal-20261122-200000.db" 'SELECT mood FROM checkins')" \
    6 "the check-in in the cron backup"
expect_exit 0 sh -c 'umask 000; exec "$@"' sh env -i HOME="$home" PATH=/usr/bin:/bin \
    STEADY_NOW=2026-11-22T20:00:00 "$STEADY_BIN" backup
expect_eq "$(mode_of "$home/.local/share/steady/backups/journal-20261122-200000-2.db")" 600 \
    "backup mode under umask 000"
expect_exit 0 bare "$STEADY_BIN" doctor
expect_out_contains "Integrity   ok"
expect_out_contains "just now"

# doctor leaves the journal byte for byte as it was, and leaves nothing beside it.
hash=$(journal_hash)
listing=$(ls -A "$tmp")
expect_exit 0 steady doctor
expect_eq "$(journal_hash)" "$hash" "journal after doctor"
expect_eq "$(ls -A "$tmp")" "$listing" "files beside the journal after doctor"

# A journal with a damaged page: 74, and not a byte changed by doctor.
cp "$db" "$tmp/damaged.db"
pages=$(sqlite3 "$tmp/damaged.db" 'PRAGMA page_count')
head -c 4096 /dev/zero | tr '\0' '\377' |
    dd of="$tmp/damaged.db" bs=4096 seek=$((pages - 2)) count=1 conv=notrunc 2>/dev/null
hash=$(journal_hash "$tmp/damaged.db")
expect_exit 74 steady --db "$tmp/damaged.db" doctor
expect_err_contains "steady: the journal '$tmp/damaged.db' is damaged"
expect_eq "$(journal_hash "$tmp/damaged.db")" "$hash" "damaged journal after doctor"

# A backup of a journal that is not one is refused, and leaves nothing.
printf 'not a journal\n' >"$tmp/text.db"
expect_exit 74 steady --db "$tmp/text.db" backup "$tmp/out/copy.db"
expect_eq "$(ls -A "$tmp/out" 2>/dev/null)" "" "files left after a refused backup"
