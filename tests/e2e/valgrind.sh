#!/usr/bin/env bash
# Whole commands under valgrind's memcheck (issue 12, analysis 5): the
# release binary, as a user runs it, reads no uninitialised or freed memory
# and leaks nothing definitely lost, on the way in (checkin, craving, plan,
# undo, import), out (report, calendar, share in html and as email through
# the mail module, export, backup, peers import of that email) and in the
# worst minutes (sos). Any memcheck error fails the command with exit 99.
# Not run under the sanitizers (they and valgrind exclude each other).
. "$(dirname "$0")/lib.sh"

command -v valgrind >/dev/null || { fail "this test needs valgrind (see .ci/run)"; exit 1; }

printf 'name = "Alex"\nemail = "alex@example.org"\n' >"$tmp/config.toml"
memcheck() {  # memcheck CODE ARGS…: steady ARGS… under memcheck exits CODE
    local code=$1
    shift
    expect_exit "$code" env STEADY_CONFIG="$tmp/config.toml" valgrind -q --error-exitcode=99 \
        --leak-check=full --errors-for-leak-kinds=definite "$STEADY_BIN" "$@"
    case $err in *"=="[0-9]*"=="*) fail "memcheck said: $err" ;; esac
}
# valgrind runs the binary, so steady() cannot wrap it: the same fixed world.
export STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$db" HOME="$tmp/home" LC_ALL=C.UTF-8
unset XDG_CONFIG_HOME XDG_DATA_HOME NO_COLOR

memcheck 0 checkin --mood 6 --craving 3 --note "a quiet day" --tag work
memcheck 0 craving --intensity 7 --strategy "walk" --outcome resisted --note "after work"
memcheck 0 trigger "payday" --category money --at "2026-11-21 18:00"
memcheck 0 plan add coping "walk round the block, then call Sam"
memcheck 0 partner add Sam --email sam@example.org --notes
memcheck 0 undo
memcheck 0 partner add Sam --email sam@example.org --notes
memcheck 0 report --period all
memcheck 0 calendar 2026-11
memcheck 0 share Sam --format html --output "$tmp/share.html"
memcheck 0 share Sam --format email --output "$tmp/share.eml"
memcheck 0 export --format json --output "$tmp/export.json"
memcheck 0 export --format csv --kind craving --output "$tmp/export.csv"
memcheck 0 backup "$tmp/backup.db"
memcheck 0 sos
memcheck 0 peers import "$tmp/share.eml"
memcheck 0 --db "$tmp/imported.db" import "$tmp/export.json"
expect_eq "$(sqlite3 "$tmp/imported.db" 'SELECT count(*) FROM entries')" \
    "$(sqlite3 "$db" 'SELECT count(*) FROM entries')" "entries imported under memcheck"
# An error path too: a bad value is 64 with nothing written.
memcheck 64 checkin --mood 11
