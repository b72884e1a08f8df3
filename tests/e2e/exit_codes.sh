# Exit codes and error messages of the real binary (SPEC §9): each error is
# "steady: …" on stderr, nothing on stdout, and the journal is untouched.
. "$(dirname "$0")/lib.sh"

# Usage errors: 64, with our prefix and the offending word.
for args in "bogus" "--bogus" "checkin --bogus" "checkin --mood 5 --bogus 1"; do
    # shellcheck disable=SC2086
    expect_exit 64 steady $args
    expect_eq "$out" "" "stdout of 'steady $args'"
    expect_eq "${err%%:*}" "steady" "prefix of the error for 'steady $args'"
    expect_err_contains "bogus"
done
expect_exit 64 steady checkin --mood 11
expect_err_contains "steady: "
expect_eq "$(journal_hash)" absent "journal after rejected check-ins"
fresh_journal  # so that each check stands alone

# Without a terminal and without --mood, a check-in is a usage error naming --mood.
expect_exit 64 steady checkin
expect_err_contains "--mood"
expect_eq "$(journal_hash)" absent "journal after a check-in without --mood"
fresh_journal  # so that each check stands alone

# A --config file that does not exist: 66.
expect_exit 66 steady --config "$tmp/nope.toml" checkin --mood 5
expect_err_contains "$tmp/nope.toml"
expect_eq "$out" "" "stdout with a missing config"
expect_eq "$(journal_hash)" absent "journal with a missing config"
for command in "" clock list "goal list" "show 1" "trigger x"; do
    # shellcheck disable=SC2086 # the command's words are meant to split
    expect_exit 66 steady --config "$tmp/nope.toml" $command
    expect_err_contains "$tmp/nope.toml"
done
expect_eq "$(journal_hash)" absent "journal with a missing config"
expect_exit 0 steady --config "$tmp/nope.toml" prompt  # never fails loudly
expect_eq "$err" "" "stderr of prompt with a missing config"
fresh_journal  # so that each check stands alone

# A malformed config: 78 with path:line:column.
printf 'name = "Alex"\nday_starts_at = \n' >"$tmp/bad.toml"
expect_exit 78 steady --config "$tmp/bad.toml" checkin --mood 5
expect_err_contains "steady: $tmp/bad.toml:2:"
case $err in
*"$tmp/bad.toml:2:"[0-9]*": "*) ;;
*) fail "78 message is not path:line:column: what: $err" ;;
esac
printf 'day_starts_at = 4\n' >"$tmp/type.toml"
expect_exit 78 steady --config "$tmp/type.toml" checkin --mood 5
expect_err_contains "steady: $tmp/type.toml:1:"
# Text on which toml++ 3.3 reaches __builtin_unreachable (U+032A alone) or an
# assertion ('[#'): the binary, linked to the packaged parser, refuses it first.
printf '\xcc\xaa' >"$tmp/combining.toml"
expect_exit 78 steady --config "$tmp/combining.toml" checkin --mood 5
expect_err_contains "steady: $tmp/combining.toml:1:1: "
printf 'name = "Alex"\n[#remind]\n' >"$tmp/header.toml"
expect_exit 78 steady --config "$tmp/header.toml" checkin --mood 5
expect_err_contains "steady: $tmp/header.toml:2:1: a table name cannot start with '#'"
expect_eq "$(journal_hash)" absent "journal with a malformed config"

# A text file given as the journal: 74, and not a byte changed.
printf 'my grocery list\neggs\n' >"$tmp/notes.txt"
before=$(journal_hash "$tmp/notes.txt")
expect_exit 74 steady --db "$tmp/notes.txt" checkin --mood 5
expect_err_contains "$tmp/notes.txt"
expect_exit 74 steady --db "$tmp/notes.txt" list
expect_eq "$(journal_hash "$tmp/notes.txt")" "$before" "text file after steady refused it"
expect_eq "$(ls "$tmp" | grep -c 'notes.txt-')" 0 "no -wal/-shm beside the text file"

# A journal from a newer steady: 65, untouched.
expect_exit 0 steady checkin --mood 5
sql 'PRAGMA user_version = 99;'
before=$(journal_hash)
expect_exit 65 steady checkin --date yesterday --mood 6
expect_err_contains "newer"
expect_exit 65 steady list
expect_eq "$(journal_hash)" "$before" "newer journal after steady refused it"
expect_eq "$(sql 'PRAGMA user_version')" 99 "schema version of the newer journal"

# The same for a newer journal still in rollback-journal mode (a newer
# steady may not use WAL): not even its journal mode may change.
sqlite3 "$tmp/newer.db" 'PRAGMA user_version = 99; CREATE TABLE future (x);'
before=$(journal_hash "$tmp/newer.db")
expect_exit 65 steady --db "$tmp/newer.db" checkin --mood 5
expect_exit 65 steady --db "$tmp/newer.db" list
expect_eq "$(journal_hash "$tmp/newer.db")" "$before" "newer rollback-mode journal after steady refused it"
expect_eq "$(sqlite3 "$tmp/newer.db" 'PRAGMA journal_mode')" delete "journal mode of the refused newer journal"

# Someone else's SQLite database: 74, untouched.
sqlite3 "$tmp/recipes.db" 'CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('"'soup'"');'
before=$(journal_hash "$tmp/recipes.db")
expect_exit 74 steady --db "$tmp/recipes.db" checkin --mood 5
expect_err_contains "$tmp/recipes.db"
expect_eq "$(journal_hash "$tmp/recipes.db")" "$before" "another program's database after steady refused it"
expect_eq "$(sqlite3 "$tmp/recipes.db" 'PRAGMA journal_mode')" delete "journal mode of the refused database"

# Where the journal cannot be created: 73.
touch "$tmp/plainfile"
expect_exit 73 steady --db "$tmp/plainfile/sub/journal.db" checkin --mood 5
expect_err_contains "$tmp/plainfile/sub"
expect_exit 73 steady --db /dev/null/x.db checkin --mood 5
expect_err_contains "/dev/null/x.db"
mkdir "$tmp/locked" && chmod 500 "$tmp/locked"
if [ "$(id -u)" != 0 ]; then  # root writes anywhere
    expect_exit 73 steady --db "$tmp/locked/journal.db" checkin --mood 5
    expect_err_contains "$tmp/locked/journal.db"
fi
expect_eq "$(journal_hash "$tmp/plainfile")" "$(journal_hash /dev/null)" "the file in the way"

# --version, --help, and -h on every subcommand (found from the help itself).
expect_exit 0 steady --version
case $out in "steady "[0-9]*.[0-9]*) ;; *) fail "--version printed '$out'" ;; esac
expect_exit 0 steady --help
expect_out_contains "checkin"

subcommands_of() {  # the names and aliases under "Subcommands:" in `steady $* --help`
    steady "$@" --help | awk '/^Subcommands:/ {s = 1; next}
        s && /^  [a-z]/ {for (i = 1; i <= NF; i++) {n = $i; if (sub(/,$/, "", n)) print n; else {print n; break}}}'
}
commands=$(subcommands_of)
[ -n "$commands" ] || fail "no subcommands found in 'steady --help'"
for command in $commands; do
    for flag in --help -h; do
        expect_exit 0 steady "$command" "$flag"
        case $command in
        urge) expect_out_contains "craving" ;; # an alias shows what it stands for
        summary) expect_out_contains "report" ;;
        *) expect_out_contains "$command" ;;
        esac
        expect_eq "$err" "" "stderr of 'steady $command $flag'"
    done
    for sub in $(subcommands_of "$command"); do
        expect_exit 0 steady "$command" "$sub" -h
        expect_out_contains "$sub"
    done
done
expect_eq "$(ls -A "$tmp/home")" "" "files written to HOME by --help"
fresh_journal

# Output that cannot be written (a full disk) is an error a script can see:
# 74 with the reason; what was saved stays saved. prompt stays silent.
# `to_full_disk CODE cmd…`: runs cmd with stdout on /dev/full, checks its exit.
to_full_disk() {
    local want=$1 got=0
    shift
    _check
    "$@" >/dev/full 2>"$tmp/.err" || got=$?
    err=$(cat "$tmp/.err")
    [ "$got" = "$want" ] || fail "'$*' >/dev/full exited $got, expected $want; stderr: $err"
}
to_full_disk 74 steady checkin --mood 5
expect_err_contains "steady: cannot write the output: No space left on device"
expect_eq "$(sql 'SELECT mood FROM checkins')" 5 "the check-in written before the output failed"
for command in list "show 1" "--json show 1" clock "goal list" ""; do
    # shellcheck disable=SC2086 # the command's words are meant to split
    to_full_disk 74 steady $command
    expect_err_contains "cannot write the output"
done
to_full_disk 0 steady prompt
expect_eq "$err" "" "stderr of prompt on a full disk"
fresh_journal

# --db names a file, always: an empty one is refused, and SQLite's own names
# (":memory:", "file:…") are files in the current folder, not a journal that
# vanishes on exit.
expect_exit 64 steady --db "" checkin --mood 5
expect_err_contains "--db needs a path"
mkdir -p "$tmp/cwd"
expect_exit 0 env -C "$tmp/cwd" STEADY_NOW="$NOW" TZ="$ZONE" HOME="$tmp/home" \
    "$STEADY_BIN" --db :memory: checkin --mood 6
expect_exit 0 env -C "$tmp/cwd" STEADY_NOW="$NOW" TZ="$ZONE" HOME="$tmp/home" \
    "$STEADY_BIN" --db :memory: list
expect_out_contains "mood 6"
expect_eq "$(sqlite3 "$tmp/cwd/:memory:" 'SELECT mood FROM checkins')" 6 "the ':memory:' journal file"
