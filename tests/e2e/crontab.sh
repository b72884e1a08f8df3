# examples/crontab works as written: each job's command is run as cron runs
# it (/bin/sh -c, env -i with only HOME and a short PATH, no terminal)
# against a journal in a temporary HOME, with commands that capture what
# would be sent as remind.notify_command and share.command.
. "$(dirname "$0")/lib.sh"

crontab=${STEADY_SOURCE_DIR:?set STEADY_SOURCE_DIR}/examples/crontab
[ -f "$crontab" ] || fail "no examples/crontab"

home=$tmp/cronhome
mkdir -p "$home/.config/steady" "$tmp/bin"
ln -s "$STEADY_BIN" "$tmp/bin/steady"
cat >"$home/.config/steady/config.toml" <<TOML
name = "Alex"
email = "alex@example.org"
timezone = "Europe/Berlin"
[remind]
notify_command = ["sh", "-c", "printf '%s\\\\n' \"\$1\" >> '$tmp/notified'", "notify", "{message}"]
[share]
command = ["sh", "-c", "cat >> '$tmp/sent'"]
TOML

cron() {  # cron's world for one job: only HOME and PATH (and the test's clock)
    env -i HOME="$home" PATH="$tmp/bin:/usr/bin:/bin" STEADY_NOW="$now" /bin/sh -c "$1" </dev/null
}
# Sam (a summary on Sundays) was added weeks ago; then, a Sunday at 20:00
# with no check-in today and no summary sent to Sam yet.
now=2026-11-01T10:00:00
cron "steady partner add Sam --email sam@example.org --every sunday" >/dev/null ||
    fail "could not add Sam"
now=2026-11-22T20:00:00
cron "steady checkin --date 2026-11-21 --mood 6" >/dev/null || fail "could not check in"
journal=$home/.local/share/steady/journal.db

jobs=0
while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    jobs=$((jobs + 1))
    # Five time fields, then the command (as cron reads a user crontab).
    command=$(printf '%s\n' "$line" | awk '{ for (i = 1; i <= 5; i++) $i = ""; sub(/^ +/, ""); print }')
    case $command in
    "steady remind --notify")
        expect_exit 1 cron "$command"
        expect_out_contains "No check-in yet today"
        expect_out_contains "Sam's Sunday summary is due"
        expect_eq "$err" "" "stderr of '$command'"
        expect_eq "$(cat "$tmp/notified")" "$out" "what the notifier was given"
        ;;
    "steady share sam --send")
        if ! "$STEADY_BIN" share --help 2>/dev/null | grep -q -- --send; then
            echo "SKIP: '$command': this build's share has no --send yet (the mail branch adds it)"
            continue
        fi
        expect_exit 0 cron "$command"
        expect_eq "$err" "" "stderr of '$command'"
        expect_eq "$(sqlite3 "$journal" "SELECT partner_name, delivered FROM shares")" "Sam|1" \
            "the share log after '$command'"
        grep -q "^To: .*sam@example.org" "$tmp/sent" || fail "nothing was sent to Sam: $(cat "$tmp/sent")"
        # Delivered, Sam's summary is no longer due.
        expect_exit 1 cron "steady remind"
        case $out in *Sam*) fail "Sam still due after '$command': $out" ;; esac
        ;;
    "steady backup")
        expect_exit 0 cron "$command"
        expect_eq "$(ls "$home/.local/share/steady/backups" | wc -l)" 1 "backups after '$command'"
        ;;
    *) fail "examples/crontab has a job this test does not know: $line" ;;
    esac
    case $out$err in *$'\e['*) fail "colour in the output of '$command'" ;; esac
done <"$crontab"
expect_eq "$jobs" 3 "jobs in examples/crontab"
