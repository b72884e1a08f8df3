# Faults on the real binary (issue 12, reliability 3): a journal steady may
# not write, a full disk, a journal that is garbage or from a newer steady, a
# -wal file deleted between runs. Every write that cannot be done exits 73 or
# 74 with a `steady: …` message in words and leaves the journal as it was;
# reads that can be done are done.
#
# File modes do not stop root. As root (CI's container), the read-only cases
# run steady as the user nobody (setpriv), in a folder nobody owns; a user
# other than root runs them as itself. Disk full is a size-limited tmpfs
# where this process may mount one (true ENOSPC), and always RLIMIT_FSIZE
# (prlimit; the EFBIG a write then meets, with SIGXFSZ ignored as a shell
# does for `ulimit -f`).
. "$(dirname "$0")/lib.sh"

# A journal with `n` check-ins on the days before NOW, made by steady.
seed_journal() {
    local n=$1 i
    for i in $(seq 1 "$n"); do
        steady checkin --mood $((i % 10 + 1)) --date "$(date -d "2026-11-22 -$i days" +%F)" \
            >/dev/null || fail "seeding check-in $i"
    done
}

# Integrity of journal $1 (default $db) as sqlite3 sees it.
integrity() {
    sqlite3 -batch "${1:-$db}" 'PRAGMA integrity_check'
}

# The message is steady's, in words: one line starting "steady: ", naming no
# SQLite internals.
expect_clear_message() {
    _check
    case $err in
    "steady: "*) ;;
    *) fail "stderr does not start with 'steady: ': $err" ;;
    esac
    _check
    case $err in
    *"SQLITE_"* | *"sqlite3_"* | *"unable to open database file"* | *"attempt to write a readonly"*)
        fail "stderr shows a raw SQLite message: $err"
        ;;
    esac
}

seed_journal 5
expect_eq "$(sql 'SELECT count(*) FROM entries')" 5 "seeded check-ins"

# ---- read-only folder and read-only file -------------------------------------

# `as_other CMD…` runs CMD as a user the file modes bind: itself, or nobody
# when this is root. $ro is a folder that user owns.
ro=$tmp/ro
mkdir -p "$ro/home"
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
        chmod 711 "$tmp"
        chown -R nobody "$ro"
        as_other() {
            setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups -- "$@"
        }
    else
        as_other() { return 99; }
        echo "SKIP: read-only cases: running as root without setpriv or a user 'nobody'"
    fi
else
    as_other() { "$@"; }
fi
# steady as that user on journal $1.
steady_other() {
    local journal=$1
    shift
    as_other env -u STEADY_CONFIG -u XDG_CONFIG_HOME -u XDG_DATA_HOME STEADY_NOW="$NOW" TZ="$ZONE" \
        STEADY_DB="$journal" HOME="$ro/home" LC_ALL=C.UTF-8 "$STEADY_BIN" "$@"
}

if as_other true 2>/dev/null; then
    # The journal file read-only (0400) in a folder the user may write.
    mkdir -p "$ro/file"
    cp "$db" "$ro/file/journal.db"
    chown -R "$(stat -c %u "$ro")" "$ro/file"
    chmod 400 "$ro/file/journal.db"
    ro_db=$ro/file/journal.db
    hash=$(journal_hash "$ro_db")
    expect_exit 0 steady_other "$ro_db" list --limit 0
    expect_eq "$(grep -c checkin <<<"$out")" 5 "check-ins listed from a read-only journal"
    expect_exit 0 steady_other "$ro_db" report --period all
    expect_out_contains "Check-ins"
    status=0
    steady_other "$ro_db" checkin --mood 3 >"$tmp/.out" 2>"$tmp/.err" || status=$?
    err=$(cat "$tmp/.err")
    _check
    case $status in 73 | 74) ;; *) fail "checkin on a read-only journal exited $status: $err" ;; esac
    expect_clear_message
    expect_err_contains "read-only"
    echo "read-only journal file, checkin: $status, $err"
    expect_eq "$(journal_hash "$ro_db")" "$hash" "read-only journal after checkin"
    expect_eq "$(sqlite3 "$ro_db" 'SELECT count(*) FROM entries')" 5 "entries after the refused checkin"

    # The journal's folder read-only (0500): its file is writable, but SQLite
    # cannot make the -wal beside it.
    mkdir -p "$ro/dir"
    cp "$db" "$ro/dir/journal.db"
    chown -R "$(stat -c %u "$ro")" "$ro/dir"
    chmod 600 "$ro/dir/journal.db"
    chmod 500 "$ro/dir"
    dir_db=$ro/dir/journal.db
    hash=$(journal_hash "$dir_db")
    status=0
    steady_other "$dir_db" list --limit 0 >"$tmp/.out" 2>"$tmp/.err" || status=$?
    out=$(cat "$tmp/.out") err=$(cat "$tmp/.err")
    echo "read-only journal folder, list: $status, ${err:-$(wc -l <<<"$out") lines}"
    _check
    if [ "$status" = 0 ]; then
        [ "$(grep -c checkin <<<"$out")" = 5 ] || fail "list in a read-only folder: $out"
    else
        case $status in 73 | 74) expect_clear_message ;; *) fail "list in a read-only folder exited $status: $err" ;; esac
    fi
    status=0
    steady_other "$dir_db" checkin --mood 3 >"$tmp/.out" 2>"$tmp/.err" || status=$?
    err=$(cat "$tmp/.err")
    _check
    case $status in 73 | 74) ;; *) fail "checkin in a read-only folder exited $status: $err" ;; esac
    expect_clear_message
    echo "read-only journal folder, checkin: $status, $err"
    expect_eq "$(journal_hash "$dir_db")" "$hash" "journal in a read-only folder after checkin"
    expect_eq "$(ls -A "$ro/dir")" journal.db "files in the read-only folder"
    # A new journal in a read-only folder: 73, nothing made.
    status=0
    steady_other "$ro/dir/new.db" checkin --mood 3 >"$tmp/.out" 2>"$tmp/.err" || status=$?
    err=$(cat "$tmp/.err")
    expect_eq "$status" 73 "exit of a new journal in a read-only folder ($err)"
    expect_clear_message
    chmod 700 "$ro/dir"
fi

# ---- disk full ------------------------------------------------------------------

# A big note: its pages do not fit what is left.
big_note=$(head -c 120000 /dev/zero | tr '\0' 'x')
expect_disk_full() { # $1: journal, $2: how, then the command's exit and stderr in $status/$err
    local journal=$1 how=$2
    _check
    [ "$status" = 74 ] || fail "$how: a check-in on a full disk exited $status, not 74: $err"
    expect_clear_message
    expect_eq "$(integrity "$journal")" ok "integrity after $how"
    expect_eq "$(sqlite3 "$journal" 'SELECT count(*) FROM entries')" 5 "entries after $how"
    expect_eq "$(sqlite3 "$journal" "SELECT count(*) FROM entries WHERE note LIKE 'xxx%'")" 0 \
        "the refused check-in after $how"
    echo "$how: $status, $err"
}

# RLIMIT_FSIZE: no file may grow past 40 KB (the -shm's 32 KiB fits).
cp "$db" "$tmp/fsize.db"
status=0
bash -c 'trap "" XFSZ; exec "$@"' sh prlimit --fsize=40000 env STEADY_NOW="$NOW" TZ="$ZONE" \
    STEADY_DB="$tmp/fsize.db" HOME="$tmp/home" "$STEADY_BIN" checkin --mood 4 --note "$big_note" \
    >"$tmp/.out" 2>"$tmp/.err" || status=$?
err=$(cat "$tmp/.err")
expect_disk_full "$tmp/fsize.db" "RLIMIT_FSIZE"
expect_exit 0 env STEADY_DB="$tmp/fsize.db" STEADY_NOW="$NOW" TZ="$ZONE" HOME="$tmp/home" \
    "$STEADY_BIN" checkin --mood 4 --note "$big_note"
expect_eq "$(sqlite3 "$tmp/fsize.db" 'SELECT count(*) FROM entries')" 6 "check-in once the limit is gone"

# A 1 MiB tmpfs, where this process may mount one.
mnt=$tmp/small
mkdir -p "$mnt"
if mount -t tmpfs -o size=1m,mode=700 steady-e2e "$mnt" 2>/dev/null; then
    trap 's=$?; umount "$mnt" 2>/dev/null; (exit $s); _finish' EXIT
    cp "$db" "$mnt/journal.db"
    # Fill the disk but for a few pages.
    head -c 2000000 /dev/zero >"$mnt/filler" 2>/dev/null
    rm -f "$mnt/filler"
    avail=$(($(stat -f -c '%a*%S' "$mnt")))
    head -c $((avail - 60000)) /dev/zero >"$mnt/filler"
    status=0
    env STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$mnt/journal.db" HOME="$tmp/home" \
        "$STEADY_BIN" checkin --mood 4 --note "$big_note" >"$tmp/.out" 2>"$tmp/.err" || status=$?
    err=$(cat "$tmp/.err")
    expect_disk_full "$mnt/journal.db" "a full tmpfs"
    expect_err_contains "disk is full"
    rm -f "$mnt/filler"
    umount "$mnt"
else
    echo "SKIP: full tmpfs: this process may not mount one (RLIMIT_FSIZE above stands for it)"
fi

# ---- garbage and a newer schema -------------------------------------------------

# The journal replaced by bytes that are not SQLite (seeded, so reproducible).
LC_ALL=C awk 'BEGIN { srand(12); for (i = 0; i < 65536; i++) printf "%c", int(rand() * 256) }' \
    >"$tmp/garbage.db"
expect_eq "$(stat -c %s "$tmp/garbage.db")" 65536 "size of the garbage"
hash=$(journal_hash "$tmp/garbage.db")
for command in "list" "report --period all" "checkin --mood 5" "backup $tmp/garbage-backup.db"; do
    # shellcheck disable=SC2086 # the command's words
    expect_exit 74 steady --db "$tmp/garbage.db" $command
    expect_clear_message
    expect_err_contains "not a steady journal"
    expect_eq "$(journal_hash "$tmp/garbage.db")" "$hash" "garbage after '$command'"
done
expect_eq "$(ls -A "$tmp" | grep -c '^garbage')" 1 "files made beside the garbage"

# A journal written by a newer steady: 65, untouched, for reads and writes.
cp "$db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" 'PRAGMA user_version = 99'
hash=$(journal_hash "$tmp/newer.db")
for command in "list" "report --period all" "checkin --mood 5"; do
    # shellcheck disable=SC2086
    expect_exit 65 steady --db "$tmp/newer.db" $command
    expect_clear_message
    expect_err_contains "newer steady"
    expect_eq "$(journal_hash "$tmp/newer.db")" "$hash" "newer journal after '$command'"
done
# doctor reports it, and changes nothing either.
expect_exit 0 steady --db "$tmp/newer.db" doctor
expect_out_contains "newer than this steady"
expect_eq "$(journal_hash "$tmp/newer.db")" "$hash" "newer journal after doctor"
expect_eq "$(sqlite3 "$tmp/newer.db" 'PRAGMA user_version')" 99 "schema of the newer journal"

# ---- the -wal file deleted between runs ----------------------------------------

# After each command steady has checkpointed: the main file alone holds all.
cp "$db" "$tmp/wal.db"
wal() { steady --db "$tmp/wal.db" "$@"; }
for i in 1 2 3; do
    expect_exit 0 wal craving --intensity "$i"
    _check
    [ ! -s "$tmp/wal.db-wal" ] || fail "a -wal with data left after command $i"
    rm -f "$tmp/wal.db-wal" "$tmp/wal.db-shm"
done
expect_eq "$(integrity "$tmp/wal.db")" ok "integrity after deleting the -wal"
expect_eq "$(sqlite3 "$tmp/wal.db" 'SELECT count(*) FROM entries')" 8 "entries after deleting the -wal"
# A reader that holds a snapshot keeps steady from checkpointing; killed
# (-9), it leaves a -wal with the last writes. Deleting it loses those
# writes, which were never in the main file, and nothing else.
checkpointed=$(sqlite3 "$tmp/wal.db" 'SELECT count(*) FROM entries')
(echo 'BEGIN; SELECT count(*) FROM entries;'; sleep 30) | sqlite3 "$tmp/wal.db" >/dev/null &
reader=$!
sleep 0.5
expect_exit 0 wal craving --intensity 9
expect_exit 0 wal trigger "after the reader"
_check
[ -s "$tmp/wal.db-wal" ] || fail "no -wal held by the reader"
kill -9 "$reader"
wait "$reader" 2>/dev/null
rm -f "$tmp/wal.db-wal" "$tmp/wal.db-shm"
expect_eq "$(integrity "$tmp/wal.db")" ok "integrity after deleting a -wal with data"
expect_exit 0 wal list --limit 0
expect_eq "$(sqlite3 "$tmp/wal.db" 'SELECT count(*) FROM entries')" "$checkpointed" \
    "entries after deleting a -wal with data"
expect_exit 0 wal craving --intensity 2
expect_eq "$(sqlite3 "$tmp/wal.db" 'SELECT count(*) FROM entries')" $((checkpointed + 1)) \
    "entries after a write on the journal that lost its -wal"
