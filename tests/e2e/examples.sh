#!/usr/bin/env bash
# examples/ works as shipped:
#   - examples/config.toml sets every key man/steady-config.5 documents, and
#     only those (the unit test "[config]" checks it against the keys the
#     code reads), and the real binary loads it with no warning;
#   - examples/sample-journal.sh makes its four weeks with the built binary:
#     25 check-ins, 10 meetings, 5 triggers, 5 cravings, a clock, two goals;
#   - examples/msmtprc passes `msmtp --pretend`.

. "$(dirname "$0")/lib.sh"

: "${STEADY_SOURCE_DIR:?set STEADY_SOURCE_DIR to the repository root}"
examples=$STEADY_SOURCE_DIR/examples
manual=$STEADY_SOURCE_DIR/man/steady-config.5

# Keys documented in the manual: the ".B key" line after each ".TP" of KEYS.
documented=$(awk '/^\.SH KEYS/ {keys = 1; next} /^\.SH / {keys = 0}
    keys && tp && /^\.B / {print $2} {tp = keys && /^\.TP/}' "$manual" | sort)
# Keys set in the example: "key =" lines, dotted with their [section].
set_in_example=$(awk '/^\[[a-z_]+\]/ {section = substr($1, 2, length($1) - 2) "."; next}
    /^[a-z_]+ *=/ {sub(/ *=.*/, ""); print section $0}' "$examples/config.toml" | sort)

_check
[ "$(wc -l <<<"$documented")" -ge 10 ] || fail "read too few keys from $manual: $documented"
expect_eq "$set_in_example" "$documented" "keys of examples/config.toml against steady-config(5)"

expect_exit 0 steady --config "$examples/config.toml" doctor
expect_eq "$err" "" "stderr of doctor with examples/config.toml"
expect_out_contains "examples/config.toml: ok"
expect_out_contains "Europe/Berlin (from config 'timezone')"

expect_exit 0 env -u STEADY_CONFIG HOME="$tmp/home" "$examples/sample-journal.sh" "$STEADY_BIN" "$tmp/demo.db"
expect_out_contains "sample journal written to $tmp/demo.db"
expect_eq "$(sqlite3 -batch "$tmp/demo.db" \
    "SELECT group_concat(kind || ' ' || n, ', ') FROM
       (SELECT kind, count(*) AS n FROM entries GROUP BY kind ORDER BY kind)")" \
    "checkin 25, craving 5, meeting 10, trigger 5" "entries of the sample journal"
expect_eq "$(sqlite3 -batch "$tmp/demo.db" "SELECT name FROM clocks")" alcohol "its clock"
expect_eq "$(sqlite3 -batch "$tmp/demo.db" "SELECT count(*) FROM goals")" 2 "its goals"
# What the README's quick start shows from it.
expect_exit 0 env STEADY_DB="$tmp/demo.db" STEADY_NOW=2026-11-21T22:00:00 TZ=Europe/Berlin \
    HOME="$tmp/home" "$STEADY_BIN" report "last 14 days"
expect_out_contains "13 of 14 days"

# examples/msmtprc is a configuration msmtp itself accepts (`--pretend` reads
# it, runs its passwordeval and prints the account without sending), and it
# is the account the example config's share.command points msmtp at.
mkdir -p "$tmp/bin" "$tmp/home"
printf '#!/bin/sh\necho not-a-real-password\n' >"$tmp/bin/pass"
chmod +x "$tmp/bin/pass"
install -m 600 "$examples/msmtprc" "$tmp/msmtprc"
expect_exit 0 env HOME="$tmp/home" PATH="$tmp/bin:$PATH" msmtp -C "$tmp/msmtprc" --pretend
expect_out_contains "host = smtp.example.org"
expect_out_contains "port = 587"
expect_out_contains "tls_starttls = on"
expect_out_contains "passwordeval = pass show mail/alex@example.org"
grep -q '^# command = \["msmtp", "-C", "[^"]*/msmtprc", "-t"\]$' "$examples/config.toml" ||
    fail "examples/config.toml does not show share.command running msmtp -C …/msmtprc -t"
