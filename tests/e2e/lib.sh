# Helpers for the end-to-end transcripts in tests/e2e: sourced, never run.
#
# Each test gets a fresh temporary directory ($tmp, removed on exit), a
# journal path inside it ($db) and a `steady` that runs $STEADY_BIN with a
# fixed clock, zone, journal and HOME, and no config unless a test asks.
# Checks count their failures; the script's exit status is 1 if any failed.

set -u

: "${STEADY_BIN:?set STEADY_BIN to the built steady binary}"
STEADY_BIN=$(realpath "$STEADY_BIN")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/steady-e2e.XXXXXX")
db=$tmp/journal.db
mkdir -p "$tmp/home"
exec </dev/null  # steady must never wait on the terminal ctest was started from

# The fixed world `steady` runs in; a test may change these.
NOW=2026-11-22T20:00:00
ZONE=Europe/Berlin

_checks=0
_failures=0

_finish() {
    local status=$?
    local pids
    pids=$(jobs -p)
    [ -n "$pids" ] && kill $pids 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
    if [ "$status" -ne 0 ] && [ "$_failures" -eq 0 ]; then
        echo "FAIL: $(basename "$0") stopped early with status $status"
        _failures=1
    fi
    echo "$(basename "$0"): $_checks checks, $_failures failed"
    [ "$_failures" -eq 0 ] && exit 0 || exit 1
}
trap _finish EXIT

# Records a failed check: `fail WHAT`.
fail() {
    _failures=$((_failures + 1))
    local n=${#BASH_LINENO[@]}
    echo "FAIL (line ${BASH_LINENO[n - 2]}): $*"
}

_check() {
    _checks=$((_checks + 1))
}

# Runs steady in the fixed world; extra environment via `env` before it.
steady() {
    env -u STEADY_CONFIG -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u NO_COLOR \
        STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$db" HOME="$tmp/home" LC_ALL=C.UTF-8 \
        "$STEADY_BIN" "$@"
}

# `expect_exit CODE cmd…`: runs cmd, keeps its output in $out and $err,
# and checks its exit status. Stdin is /dev/null unless redirected.
expect_exit() {
    local want=$1 got=0
    shift
    _check
    "$@" >"$tmp/.out" 2>"$tmp/.err" || got=$?
    out=$(cat "$tmp/.out")
    err=$(cat "$tmp/.err")
    if [ "$got" != "$want" ]; then
        fail "'$*' exited $got, expected $want; stderr: $err"
    fi
}

# `expect_out_contains TEXT`: the last command's stdout contains TEXT.
expect_out_contains() {
    _check
    case $out in *"$1"*) ;; *) fail "stdout lacks '$1'; it was: $out" ;; esac
}

# `expect_err_contains TEXT`: the last command's stderr contains TEXT.
expect_err_contains() {
    _check
    case $err in *"$1"*) ;; *) fail "stderr lacks '$1'; it was: $err" ;; esac
}

# `expect_eq ACTUAL EXPECTED WHAT`: exact equality.
expect_eq() {
    _check
    [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"
}

# The sha256 of journal file $1 (default $db), or "absent".
journal_hash() {
    local file=${1:-$db}
    if [ -e "$file" ]; then sha256sum <"$file" | cut -d' ' -f1; else echo absent; fi
}

# Removes the journal (and its -wal/-shm) for a fresh start.
fresh_journal() {
    rm -f "$db" "$db-wal" "$db-shm"
}

# `sql QUERY`: runs QUERY on the journal with the sqlite3 shell.
sql() {
    sqlite3 -batch "$db" "$1"
}

# `hold_journal FILE SECONDS SQL`: in the background (pid in $holder), the
# sqlite3 shell runs SQL on FILE (e.g. BEGIN IMMEDIATE), keeps its transaction
# open SECONDS or until `release_journal`, then commits. Returns once the
# transaction is open.
hold_journal() {
    rm -f "$tmp/.held"
    : >"$tmp/.holding"
    (
        echo "$3;"
        echo ".system touch $tmp/.held"
        local tenths=0
        while [ -e "$tmp/.holding" ] && [ $tenths -lt $(($2 * 10)) ]; do
            sleep 0.1
            tenths=$((tenths + 1))
        done
        echo 'COMMIT;'
    ) | sqlite3 "$1" >/dev/null &
    holder=$!
    local i
    for i in $(seq 100); do
        [ -e "$tmp/.held" ] && return 0
        sleep 0.1
    done
    fail "sqlite3 did not open its transaction on $1 within 10 s"
}

# Ends hold_journal's transaction now and waits for the shell to exit.
release_journal() {
    rm -f "$tmp/.holding"
    wait "$holder"
}

# The permission bits of a file, e.g. 600.
mode_of() {
    stat -c %a "$1"
}
