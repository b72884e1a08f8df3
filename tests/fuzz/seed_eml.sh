#!/bin/sh
# Writes the seed corpus of fuzz_eml (peers import's .eml reader): the emails
# of tests/cli/test_peers.cpp's and test_mail.cpp's cases, and the share
# email the steady binary given makes for a small journal, as sent, saved
# with CRLF line ends, after an mbox From line and forwarded. Run from the
# repository root after changing those tests or the mail module:
# tests/fuzz/seed_eml.sh build/steady (steady-mail.so must be beside it).
# The files are checked in; files named found_* (inputs that were findings)
# are kept.
set -eu
steady=$(realpath "$1")
eml=tests/fuzz/corpus/eml
mkdir -p "$eml" && find "$eml" -type f ! -name 'found_*' -delete
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
export STEADY_DB="$tmp/j.db" HOME="$tmp" TZ=Europe/Berlin LANG=C.UTF-8 STEADY_NOW=2026-11-20T21:00
export STEADY_CONFIG="$tmp/config.toml"
printf 'name = "Kai"\nemail = "kai@example.org"\n' > "$STEADY_CONFIG"
s() { "$steady" "$@" >/dev/null; }
s clock add alcohol --since 2026-09-01
s partner add Sam --email sam@example.org --share all
s checkin --mood 7 --craving 2 --sober yes --note "$(printf 'line one\nline two ü')"
s craving --intensity 8 --strategy walk --outcome resisted --duration 20m
export STEADY_NOW=2026-11-22T20:00
"$steady" share sam --format email > "$eml/share"
sed 's/$/\r/' "$eml/share" > "$eml/share_crlf"
{ printf 'From kai@example.org Sun Nov 22 20:00:00 2026\n'; cat "$eml/share"; } > "$eml/share_mbox"
{ printf 'From: Riley <riley@example.org>\nTo: Kai <kai@example.org>\nSubject: Fwd: my week\n'
  printf 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="outer"\n\n'
  printf -- '--outer\nContent-Type: text/plain\n\nsee below\n'
  printf -- '--outer\nContent-Type: message/rfc822\n\n'
  cat "$eml/share"; printf '\n--outer--\n'; } > "$eml/forwarded"
w() { printf '%b' "$2" > "$eml/$1"; }
w no_summary 'From: Riley <riley@example.org>\r\nTo: Sam <sam@example.org>\r\nSubject: steady summary\r\nMIME-Version: 1.0\r\n\r\nhello\r\n'
w other_name 'From: Riley <riley@example.org>\nSubject: summary\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nhi\n--b\nContent-Type: application/json\nContent-Disposition: attachment; filename=week.json\n\n{"format": "steady-summary"}\n--b--\n'
w quoted_printable 'From: Riley <riley@example.org>\nDate: Sun, 22 Nov 2026 20:00:00 +0100\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="q"\n\n--q\nContent-Type: application/json; name="steady-summary-2026-11-16-2026-11-22.json"\nContent-Transfer-Encoding: quoted-printable\nContent-Disposition: attachment;\n filename*=utf-8'"''"'steady-summary-2026-11-16-2026-11-22.json\n\n{"format": "steady-summary", "note": "Zo=C3=AB =\n"}\n--q--\n'
w encrypted 'From: Riley <riley@example.org>\nSubject: Encrypted message\nMIME-Version: 1.0\nContent-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="e"\n\n--e\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n--e\nContent-Type: application/octet-stream\n\n-----BEGIN PGP MESSAGE-----\n\nhQEMA\n-----END PGP MESSAGE-----\n--e--\n'
w just_text 'From: Riley <riley@example.org>\nSubject: hi\n\njust text\n'
w not_email '{"format": "steady-summary"}\n'
w png '\x89PNG\r\n\x1a\n'
w empty ''
