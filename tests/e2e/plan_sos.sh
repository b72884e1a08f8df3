#!/usr/bin/env bash
# plan edit with a real editor command line, and sos against a journal that
# is missing, garbage or locked: sos always shows what it can, exits 0 and
# never writes.
. "$(dirname "$0")/lib.sh"

config=$tmp/config.toml
cat >"$config" <<'TOML'
[sos]
contacts = ["Sam (sponsor) +1 555 0100", "988 Suicide & Crisis Lifeline (US)"]
TOML
# steady with the config above, and with an editor.
sos_cfg() {
    steady --config "$config" "$@"
}
with_editor() {
    local editor=$1
    shift
    EDITOR=$editor steady "$@"
}

# sos with no journal at all: the config's contacts, and nothing is created.
expect_exit 0 sos_cfg sos
expect_out_contains "People to call"
expect_out_contains "  Sam (sponsor) +1 555 0100"
expect_out_contains "There is no journal at $db yet."
expect_eq "$(journal_hash)" absent "journal after sos without one"
_check
[ ! -e "$db-wal" ] && [ ! -e "$db-shm" ] || fail "sos left files beside a missing journal"

# plan edit: the editor is a program in a folder with a space in its name,
# given with quotes and a flag, run without a shell.
mkdir -p "$tmp/my editors"
cat >"$tmp/my editors/write plan" <<'SH'
#!/bin/sh
# $1 is --flag, as given in $EDITOR; the file comes last.
[ "$1" = "--flag" ] || exit 9
cp "$2" "$(dirname "$0")/seen"
printf '# Reasons\n- be there for my kids\n\n# coping\n- walk round the block\n- tea\n\n# People\n- Jo 0151 555 0101\n\n# After a lapse\n- tell Sam the same day\n' >"$2"
SH
chmod +x "$tmp/my editors/write plan"
expect_exit 0 with_editor "'$tmp/my editors/write plan' --flag" plan edit
expect_out_contains "Saved the plan (5 items)"
expect_eq "$(head -n 1 "$tmp/my editors/seen")" "# Reasons" "first line the editor saw"
expect_eq "$(sql "SELECT group_concat(section || ':' || position || ':' || text, '|') FROM (SELECT * FROM plan ORDER BY id)")" \
    "reasons:1:be there for my kids|coping:1:walk round the block|coping:2:tea|people:1:Jo 0151 555 0101|after-a-lapse:1:tell Sam the same day" \
    "plan rows after plan edit"

# A sh -c script with quotes inside quotes, as people write $EDITOR.
expect_exit 0 with_editor "sh -c 'printf \"%s\n\" \"- a \\\"quoted\\\" walk\" >> \"\$1\"' sh" plan edit
expect_exit 0 steady plan
expect_out_contains '2. a "quoted" walk'
expect_exit 0 steady undo
expect_out_contains "Undone: edited the plan."

# A saved file with an unknown heading, off a terminal: 65, nothing changed.
before=$(sql "SELECT group_concat(text, '|') FROM plan")
expect_exit 65 with_editor "sh -c 'echo \"# Hobbies\" > \"\$1\"' sh" plan edit
expect_err_contains "line 1: '# Hobbies' is not a section of the plan"
expect_eq "$(sql "SELECT group_concat(text, '|') FROM plan")" "$before" "plan after a bad edit"
# An editor that fails: 65, nothing changed.
expect_exit 65 with_editor false plan edit
expect_err_contains "the editor 'false' failed"
expect_eq "$(sql "SELECT group_concat(text, '|') FROM plan")" "$before" "plan after a failing editor"

# What worked: strategies from cravings, ranked, with counts.
for day in 1 2 3 4 5 6; do
    expect_exit 0 steady craving --intensity 6 --at "2026-11-0$day 10:00" --strategy walk --outcome resisted
done
expect_exit 0 steady craving --intensity 6 --at "2026-11-07 10:00" --strategy tea --outcome used
expect_exit 0 steady craving --intensity 6 --at "2026-11-08 10:00" --strategy tea --outcome resisted
expect_exit 0 steady partner add Sam --email sam@example.org

hash=$(journal_hash)
expect_exit 0 sos_cfg sos
expect_eq "$out" "What has worked for you
  walk — resisted 6 of 6 cravings
  tea — resisted 1 of 2 cravings
Your coping plan
  walk round the block
  tea
People to call
  Jo 0151 555 0101
  Sam <sam@example.org>
  Sam (sponsor) +1 555 0100
  988 Suicide & Crisis Lifeline (US)
Your reasons
  be there for my kids" "sos on a sound journal"
expect_eq "$(journal_hash)" "$hash" "journal after sos"
_check
[ "$(printf '%s\n' "$out" | grep -c '')" -le 23 ] || fail "sos is longer than a screen"

# A recent lapse brings the after-a-lapse line.
expect_exit 0 steady craving --intensity 9 --at "2026-11-21 23:00" --outcome used
expect_exit 0 sos_cfg sos
expect_out_contains "After a lapse: tell Sam the same day"

# Locked by a writer in the usual way (WAL): sos reads what was committed.
hold_journal "$db" 3 "BEGIN IMMEDIATE; INSERT INTO plan (section, text, position, created, updated) VALUES ('coping', 'uncommitted', 9, 'x', 'x')"
expect_exit 0 sos_cfg sos
expect_out_contains "walk round the block"
_check
case $out in *uncommitted*) fail "sos showed an uncommitted item" ;; esac
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

# Locked outright (exclusive locking mode): sos says so at once and shows the
# config. "At once" against the same sos on the free journal just before (a
# sanitized binary on a busy machine takes seconds to start), while the lock
# is held for 30 s: waiting for it would take far longer than the margin.
start=$(date +%s%N)
expect_exit 0 sos_cfg sos
free_ms=$((($(date +%s%N) - start) / 1000000))
hold_journal "$db" 30 "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE plan SET text = text"
start=$(date +%s%N)
expect_exit 0 sos_cfg sos
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
expect_out_contains "The journal could not be read"
expect_out_contains "988 Suicide & Crisis Lifeline (US)"
_check
[ "$elapsed_ms" -lt $((free_ms + 2000)) ] ||
    fail "sos waited ${elapsed_ms} ms for a locked journal (${free_ms} ms when it was free)"
release_journal

# Garbage bytes where the journal should be: the config's contacts, exit 0, untouched.
corrupt=$tmp/corrupt.db
head -c 65536 /dev/urandom >"$corrupt"
hash=$(journal_hash "$corrupt")
expect_exit 0 sos_cfg --db "$corrupt" sos
expect_out_contains "Sam (sponsor) +1 555 0100"
expect_out_contains "The journal could not be read"
expect_eq "$(journal_hash "$corrupt")" "$hash" "garbage journal after sos"

# An unreadable journal (not as root, who reads anything).
if [ "$(id -u)" != 0 ]; then
    cp "$db" "$tmp/private.db"
    chmod 000 "$tmp/private.db"
    expect_exit 0 sos_cfg --db "$tmp/private.db" sos
    expect_out_contains "The journal could not be read"
    expect_out_contains "Sam (sponsor) +1 555 0100"
fi

# Piped: no colour; cron's bare environment: the same.
expect_exit 0 sos_cfg sos --color auto
_check
case $out in *$'\e['*) fail "colour in piped sos" ;; esac
expect_exit 0 env -i HOME="$tmp/home" PATH=/usr/bin:/bin STEADY_DB="$db" STEADY_CONFIG="$config" \
    STEADY_NOW="$NOW" "$STEADY_BIN" sos
expect_out_contains "People to call"

# examples/plan is a plan in the text form plan edit reads.
fresh_journal
expect_exit 0 with_editor "cp '$STEADY_SOURCE_DIR/examples/plan'" plan edit
expect_out_contains "Saved the plan (18 items)"
expect_exit 0 steady plan
expect_out_contains "After a lapse"
expect_out_contains "4. go to a meeting tonight, online if need be"
