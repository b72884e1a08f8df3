# calendar from the real binary: no escape codes under cron's bare
# environment (no terminal, no TERM) or when piped; colour only on request,
# at the depth TERM and COLORTERM give; ASCII under LANG=C.
. "$(dirname "$0")/lib.sh"

bare() {  # steady as cron runs it, plus any VAR=value given first
    env -i HOME="$tmp/home" PATH=/usr/bin:/bin STEADY_NOW=$NOW TZ=$ZONE STEADY_DB="$db" "$@"
}
has_escape() {
    printf '%s' "$1" | grep -q "$(printf '\033')"
}

expect_exit 0 steady checkin --date 2026-11-16 --mood 3 --craving 7
expect_exit 0 steady checkin --date 2026-11-20 --mood 8 --craving 1

for args in "calendar" "calendar 2026 --by craving" "calendar all --by sober"; do
    # shellcheck disable=SC2086 # the words are meant to split
    expect_exit 0 bare "$STEADY_BIN" $args
    expect_out_contains "Calendar 2026-"
    _check
    ! has_escape "$out" || fail "escape codes from 'steady $args' under env -i"
    _check
    if printf '%s' "$out" | LC_ALL=C grep -q '[^ -~]'; then
        fail "'steady $args' under env -i (no locale) printed bytes that are not ASCII"
    fi
done

# Piped from a UTF-8 shell with a 256-colour TERM: still no colour.
expect_exit 0 steady calendar
_check
! has_escape "$out" || fail "escape codes from a piped calendar"
expect_out_contains "Mon   Tue   Wed   Thu   Fri   Sat   Sun"

# Asked for: the 16 basic colours without word from the terminal, more when it says so.
expect_exit 0 bare "$STEADY_BIN" --color always calendar
expect_out_contains "$(printf '\033[41m')"
expect_exit 0 bare TERM=xterm-256color "$STEADY_BIN" --color always calendar
expect_out_contains "$(printf '\033[48;5;')"
expect_exit 0 bare COLORTERM=truecolor "$STEADY_BIN" --color always calendar 2026
expect_out_contains "$(printf '\033[48;2;')"
expect_exit 0 bare NO_COLOR=1 TERM=xterm-256color "$STEADY_BIN" calendar
_check
! has_escape "$out" || fail "escape codes under NO_COLOR"
