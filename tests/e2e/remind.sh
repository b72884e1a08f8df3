# remind as cron runs it: a bare environment, no terminal, no colour, and a
# journal another program may have locked (never waited on past the busy
# timeout: 75, saying the journal is busy). Partners' alerts end to end.
. "$(dirname "$0")/lib.sh"

home=$tmp/cronhome
mkdir -p "$home/.config/steady"
cat >"$home/.config/steady/config.toml" <<TOML
name = "Alex"
email = "alex@example.org"
timezone = "Europe/Berlin"
[remind]
notify_command = ["sh", "-c", "printf '%s\\\\n' \"\$1\" > '$tmp/notified'", "notify", "{message}"]
[share]
command = ["sh", "-c", "cat > '$tmp/sent'"]
TOML
journal=$home/.local/share/steady/journal.db
bare() {  # steady as cron runs it, at $now
    env -i HOME="$home" PATH=/usr/bin:/bin STEADY_NOW="$now" "$STEADY_BIN" "$@"
}

# Before 19:00 nothing is due: no output, exit 0, and no journal made.
now=2026-11-22T18:30:00
expect_exit 0 bare remind
expect_eq "$out$err" "" "output of remind with nothing due"
[ -e "$journal" ] && fail "remind created a journal"

# After 19:00: one line, exit 1, no colour even when asked for auto.
now=2026-11-22T20:00:00
expect_exit 1 bare remind --color auto
expect_eq "$out" "No check-in yet today. When you have a moment: steady checkin" "the reminder"
expect_eq "$err" "" "stderr of remind"
expect_exit 1 bare remind --notify
expect_eq "$(cat "$tmp/notified")" "$out" "what the notifier was given"
expect_exit 1 bare remind --json
printf '%s' "$out" >"$tmp/remind.json"
expect_eq "$(sqlite3 :memory: "SELECT json_extract(CAST(readfile('$tmp/remind.json') AS TEXT), '\$.items[0].kind')")" \
    checkin "kind of the JSON item"

# Never reads stdin or waits on a terminal: stdin a pipe that stays open and
# that nobody writes to.
mkfifo "$tmp/idle"
exec 7<>"$tmp/idle"
_check
start=$SECONDS
status=0
timeout 10 env -i HOME="$home" PATH=/usr/bin:/bin STEADY_NOW="$now" "$STEADY_BIN" remind \
    <&7 >/dev/null 2>&1 || status=$?
[ "$status" = 1 ] || fail "remind with an idle stdin exited $status"
[ $((SECONDS - start)) -lt 10 ] || fail "remind waited on stdin"
exec 7>&-

# Under cron's own clock and zone (no STEADY_NOW, no TZ): 0 or 1, quietly.
_check
status=0
env -i HOME="$home" PATH=/usr/bin:/bin "$STEADY_BIN" remind >"$tmp/sys.out" 2>"$tmp/sys.err" || status=$?
case $status in 0 | 1) ;; *) fail "remind on the system clock exited $status: $(cat "$tmp/sys.err")" ;; esac
expect_eq "$(cat "$tmp/sys.err")" "" "stderr of remind on the system clock"

# A partner who asked to hear about silences, and a last check-in days ago.
now=2026-11-10T20:00:00
expect_exit 0 bare partner add Sam --email sam@example.org --alert-after 3
expect_exit 0 bare checkin --mood 5
now=2026-11-14T20:00:00
alerts() { sqlite3 "$journal" "SELECT count(*) FROM shares WHERE what = 'alert'"; }

# Another program holds the write lock. Reading is not held up (WAL): plain
# remind answers at once: as fast as on the free journal just before (a
# sanitized binary on a busy machine takes seconds to start), give or take
# 3 s, while the lock is held for 30.
start=$(date +%s.%N)
expect_exit 1 bare remind
free=$(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $start}")
hold_journal "$journal" 30 'BEGIN IMMEDIATE'
start=$(date +%s.%N)
expect_exit 1 bare remind
waited=$(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $start}")
_check
awk "BEGIN {exit !($waited < $free + 3)}" ||
    fail "remind waited ${waited}s for a writer it need not wait for (${free}s when free)"
release_journal

# Sending an alert needs the lock: past the busy timeout remind gives up with
# 75, the reminder still printed, and nothing sent or logged.
hold_journal "$journal" 40 'BEGIN IMMEDIATE'
rm -f "$tmp/sent"
start=$(date +%s.%N)
expect_exit 75 bare remind --notify
waited=$(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $start}")
release_journal
expect_err_contains "the journal is busy"
expect_err_contains "try again"
expect_out_contains "No check-in yet today"
expect_eq "$(alerts)" 0 "alerts logged while the journal was locked"
[ -e "$tmp/sent" ] && fail "an alert was sent while the journal was locked"
_check
awk "BEGIN {exit !($waited >= 5 && $waited < 18)}" || fail "remind --notify gave up after ${waited}s"
echo "locked journal: remind --notify gave up after ${waited}s"

# A lock that keeps readers out too (exclusive locking mode): 75 after the
# busy timeout, not a hang.
hold_journal "$journal" 40 'PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; DELETE FROM report_stale WHERE 0'
start=$(date +%s.%N)
expect_exit 75 bare remind
waited=$(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $start}")
release_journal
expect_err_contains "the journal is busy"
expect_eq "$out" "" "stdout of remind on a journal it could not read"
_check
awk "BEGIN {exit !($waited >= 5 && $waited < 18)}" || fail "remind gave up after ${waited}s on an exclusive lock"
echo "exclusively locked journal: remind gave up after ${waited}s"

# Unlocked: the alert goes out once, is logged, and said.
rm -f "$tmp/sent"
status=0
bare remind --notify >"$tmp/alert.out" 2>"$tmp/alert.err" || status=$?
out=$(cat "$tmp/alert.out")
err=$(cat "$tmp/alert.err")
expect_eq "$(alerts)" 1 "alerts logged"
case $err in
*"built without its mail module"*)
    # The mail module is not in this build (src/app/note_email.hpp): the
    # note cannot be written; logged as not delivered, said, and 69.
    echo "NOTE: alert email builder is a stand-in in this build"
    expect_eq "$status" 69 "exit status with the stand-in mail builder"
    expect_out_contains "Could not send Sam the note about 3 days without a check-in"
    expect_eq "$(sqlite3 "$journal" "SELECT delivered FROM shares WHERE what = 'alert'")" 0 "delivered"
    ;;
*)
    expect_eq "$status" 1 "exit status after sending the alert"
    expect_eq "$err" "" "stderr after sending the alert"
    expect_out_contains "Sent Sam a short note: no check-in for 3 days."
    expect_eq "$(sqlite3 "$journal" "SELECT delivered FROM shares WHERE what = 'alert'")" 1 "delivered"
    grep -q "sam@example.org" "$tmp/sent" || fail "the note is not addressed to Sam: $(cat "$tmp/sent")"
    grep -q "Alex has not checked in" "$tmp/sent" || fail "the note does not say why: $(cat "$tmp/sent")"
    # Once per silence.
    rm -f "$tmp/sent"
    expect_exit 1 bare remind --notify
    expect_eq "$(alerts)" 1 "alerts logged after a second remind"
    [ -e "$tmp/sent" ] && fail "a second note was sent in the same silence"
    ;;
esac
expect_exit 0 bare share --history Sam
expect_out_contains "alert"
