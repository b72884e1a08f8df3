# Under cron's bare environment (`env -i HOME=… PATH=…`): the default journal
# path, its private modes, XDG_DATA_HOME, and which journal setting wins.
. "$(dirname "$0")/lib.sh"

home=$tmp/cronhome
mkdir -p "$home"
bare() {  # steady as cron runs it, plus any VAR=value given first
    env -i HOME="$home" PATH=/usr/bin:/bin STEADY_NOW=2026-11-22T20:00:00 TZ=UTC "$@"
}

# A check-in from cron lands in ~/.local/share/steady/journal.db.
expect_exit 0 bare "$STEADY_BIN" checkin --mood 6
expect_out_contains "2026-11-22"
journal=$home/.local/share/steady/journal.db
[ -f "$journal" ] || fail "no journal at $journal"
expect_eq "$(mode_of "$home/.local/share/steady")" 700 "mode of the journal folder"
expect_eq "$(mode_of "$journal")" 600 "mode of the journal file"
expect_eq "$(sqlite3 "$journal" 'SELECT day, mood FROM checkins')" "2026-11-22|6" "the cron check-in"
expect_eq "$(sqlite3 "$journal" 'PRAGMA journal_mode')" wal "journal mode"
# Folders above the journal's own that steady created are private too.
expect_eq "$(mode_of "$home/.local")" 700 "mode of the created ~/.local"

# -wal and -shm are private while they exist: hold a reader open so
# they stay, and look at them while a second steady writes.
hold_journal "$journal" 120 'BEGIN; SELECT count(*) FROM entries'
expect_exit 0 bare "$STEADY_BIN" checkin --date 2026-11-21 --mood 4
for side in wal shm; do
    if [ -e "$journal-$side" ]; then
        expect_eq "$(mode_of "$journal-$side")" 600 "mode of journal.db-$side"
    else
        fail "journal.db-$side absent while a reader held the journal"
    fi
done
release_journal

# Exactly as cron runs it: no STEADY_NOW, no TZ; the system clock and zone.
home3=$tmp/plainhome
mkdir -p "$home3"
expect_exit 0 env -i HOME="$home3" PATH=/usr/bin:/bin "$STEADY_BIN" checkin --mood 6
today=$(env -i PATH=/usr/bin:/bin date +%F)
expect_eq "$(sqlite3 "$home3/.local/share/steady/journal.db" 'SELECT day, mood FROM checkins')" \
    "$today|6" "check-in under a bare env -i"
expect_exit 0 env -i HOME="$home3" PATH=/usr/bin:/bin "$STEADY_BIN"
expect_eq "$err" "" "stderr of the bare dashboard"

# With a permissive umask, the journal and its folder are still private.
home2=$tmp/umaskhome
mkdir -p "$home2"
expect_exit 0 sh -c 'umask 000; exec "$@"' sh env -i HOME="$home2" PATH=/usr/bin:/bin \
    "$STEADY_BIN" checkin --mood 5
expect_eq "$(mode_of "$home2/.local/share/steady")" 700 "folder mode under umask 000"
expect_eq "$(mode_of "$home2/.local/share/steady/journal.db")" 600 "file mode under umask 000"

# XDG_DATA_HOME moves the default journal.
expect_exit 0 bare XDG_DATA_HOME="$tmp/xdg" "$STEADY_BIN" checkin --mood 3
expect_eq "$(sqlite3 "$tmp/xdg/steady/journal.db" 'SELECT mood FROM checkins')" 3 "check-in under XDG_DATA_HOME"
expect_eq "$(mode_of "$tmp/xdg/steady")" 700 "mode of the XDG journal folder"

# --db beats $STEADY_DB beats config `journal` (with ~ expanded).
mkdir -p "$home/.config/steady"
printf 'journal = "~/x.db"\n' >"$home/.config/steady/config.toml"
expect_exit 0 bare "$STEADY_BIN" checkin --date 2026-11-01 --mood 1
expect_exit 0 bare STEADY_DB="$tmp/env.db" "$STEADY_BIN" checkin --date 2026-11-02 --mood 2
expect_exit 0 bare STEADY_DB="$tmp/env.db" "$STEADY_BIN" --db "$tmp/flag.db" checkin --date 2026-11-03 --mood 3
expect_eq "$(sqlite3 "$home/x.db" 'SELECT day FROM checkins')" 2026-11-01 "journal from config"
expect_eq "$(sqlite3 "$tmp/env.db" 'SELECT day FROM checkins')" 2026-11-02 "journal from STEADY_DB"
expect_eq "$(sqlite3 "$tmp/flag.db" 'SELECT day FROM checkins')" 2026-11-03 "journal from --db"
expect_eq "$(sqlite3 "$journal" "SELECT count(*) FROM checkins WHERE day LIKE '2026-11-0_'")" 0 \
    "default journal untouched once a journal is configured"
[ -e "$home/~" ] && fail "a folder named '~' was created in HOME"

# Reading works the same way under env -i, and prints no colour.
expect_exit 0 bare "$STEADY_BIN" list
expect_out_contains "2026-11-01"
case $out in *$'\e['*) fail "colour in cron output: $out" ;; esac

# A machine without the tz database (no tzdata, or $TZDIR elsewhere): UTC
# still works, built in; a named zone is a clear error and writes nothing.
home4=$tmp/nozones
mkdir -p "$home4"
expect_exit 0 env -i HOME="$home4" PATH=/usr/bin:/bin TZDIR=/nonexistent TZ=UTC \
    STEADY_NOW=2026-11-22T23:30:00 "$STEADY_BIN" checkin --mood 6
expect_eq "$(sqlite3 "$home4/.local/share/steady/journal.db" 'SELECT day, tz FROM checkins')" \
    "2026-11-22|UTC" "check-in in built-in UTC"
before=$(journal_hash "$home4/.local/share/steady/journal.db")
expect_exit 64 env -i HOME="$home4" PATH=/usr/bin:/bin TZDIR=/nonexistent TZ=Europe/Berlin \
    STEADY_NOW=2026-11-23T12:00:00 "$STEADY_BIN" checkin --mood 6
expect_err_contains "unknown time zone 'Europe/Berlin' in \$TZ"
expect_eq "$(journal_hash "$home4/.local/share/steady/journal.db")" "$before" "journal after a zone error"
# $TZDIR, as glibc reads it, is where zones come from.
expect_exit 0 env -i HOME="$home4" PATH=/usr/bin:/bin TZDIR=/usr/share/zoneinfo TZ=Asia/Tokyo \
    STEADY_NOW=2026-11-23T08:00:00 "$STEADY_BIN" checkin --mood 7
expect_eq "$(sqlite3 "$home4/.local/share/steady/journal.db" "SELECT day, tz FROM checkins WHERE mood = 7")" \
    "2026-11-23|Asia/Tokyo" "check-in with TZDIR"
