# share --format email and --send on the real binary: the email parses with
# Python's email package into multipart/mixed of multipart/alternative (text,
# html) and the JSON attachment, which is the same JSON as --format json; a
# partner's non-ASCII name is RFC 2047-encoded; no line is longer than 78
# octets. --send goes through real msmtp to a real SMTP server on 127.0.0.1,
# and failing, missing and non-reading commands are handled. GMime is in the
# mail module beside the binary, never linked into it, and without the
# module email is 69 saying so.
. "$(dirname "$0")/lib.sh"

python=/usr/bin/python3
if ! "$python" -c 'import aiosmtpd' 2>/dev/null || ! command -v msmtp >/dev/null; then
    fail "this test needs msmtp and python3-aiosmtpd (see .ci/run)"
    exit 1
fi

config=$tmp/home/.config/steady/config.toml
mkdir -p "$(dirname "$config")"
# `use_command ITEMS`: the sender's config with share.command = [ITEMS].
use_command() {
    printf 'name = "Alex"\nemail = "alex@example.org"\n[share]\ncommand = [%s]\n' "$1" >"$config"
}
use_command "'/bin/true'"

steady checkin --date 2026-11-17 --mood 5 --craving 3 >/dev/null || fail "seeding a check-in"
steady craving --intensity 6 --outcome resisted --at "2026-11-18 19:30" >/dev/null ||
    fail "seeding a craving"
steady partner add "Zoë Ångström" --email zoe@example.org --share checkins,mood,cravings \
    >/dev/null || fail "adding the partner"

# `check_email FILE JSONFILE`: the email in FILE is well formed and holds
# the JSON in JSONFILE; prints what it found wrong, one line each.
check_email() {
    "$python" - "$1" "$2" <<'PY'
import email, email.policy, json, sys
raw = open(sys.argv[1], "rb").read()
want = json.load(open(sys.argv[2], "rb"))
msg = email.message_from_bytes(raw, policy=email.policy.default)
def bad(what):
    print(what)
if msg.get_content_type() != "multipart/mixed":
    bad("top is " + msg.get_content_type())
parts = list(msg.iter_parts())
if [p.get_content_type() for p in parts] != ["multipart/alternative", "application/json"]:
    bad("mixed holds " + str([p.get_content_type() for p in parts]))
alt = [p.get_content_type() for p in parts[0].iter_parts()]
if alt != ["text/plain", "text/html"]:
    bad("alternative holds " + str(alt))
text = parts[0].get_body(preferencelist=("plain",)).get_content()
if "Hi Zoë Ångström," not in text:
    bad("text lacks the greeting: " + text[:80])
html = parts[0].get_body(preferencelist=("html",)).get_content()
if "<html" not in html or "Zoë" not in html:
    bad("html part: " + html[:80])
attachment = parts[1]
if attachment.get_filename() != "steady-summary-2026-11-16-2026-11-22.json":
    bad("attachment named " + str(attachment.get_filename()))
if not attachment.is_attachment():
    bad("json is not an attachment")
if json.loads(attachment.get_content()) != want:
    bad("attachment differs from --format json")
if str(msg["From"]) != "Alex <alex@example.org>":
    bad("From: " + str(msg["From"]))
to = msg["To"]
if to.addresses[0].display_name != "Zoë Ångström" or to.addresses[0].addr_spec != "zoe@example.org":
    bad("To: " + str(to))
if str(msg["Subject"]) != "steady: Alex's week, 16–22 Nov 2026":
    bad("Subject: " + str(msg["Subject"]))
if msg["Date"].datetime.isoformat() != "2026-11-22T20:00:00+01:00":
    bad("Date: " + str(msg["Date"]))
mid = str(msg["Message-ID"])
if not (mid.startswith("<") and mid.endswith("@example.org>")):
    bad("Message-ID: " + mid)
head = raw.split(b"\n\n", 1)[0]
to_raw = [l for l in head.split(b"\n") if l.lower().startswith(b"to:")]
if not to_raw or b"=?utf-8?" not in to_raw[0].lower():
    bad("To is not RFC 2047-encoded: " + repr(to_raw))
if any(b > 127 for b in head):
    bad("raw 8-bit bytes in the header")
long = [l for l in raw.split(b"\n") if len(l.rstrip(b"\r")) > 78]
if long:
    bad("%d lines longer than 78 octets, e.g. %r" % (len(long), long[0]))
PY
}

# The binary links none of GMime, glib, gio, gpgme (~10 ms at every start);
# the module beside it does.
linked=$(ldd "$STEADY_BIN")
_check
case $linked in
*gmime* | *libglib* | *libgio* | *libgobject* | *gpgme*)
    fail "steady links the mail libraries: $(echo "$linked" | grep -E 'gmime|glib|gio|gobject|gpgme')" ;;
esac
module=$(dirname "$STEADY_BIN")/steady-mail.so
_check
if [ -e "$module" ]; then
    ldd "$module" | grep -q 'libgmime-3\.0' || fail "$module does not link GMime"
else
    fail "no mail module beside the binary: $module"
fi

# Without the module (the binary copied elsewhere): 69, naming it, nothing
# logged; other formats still work. Skipped if one is installed system-wide.
mkdir -p "$tmp/bare"
cp "$STEADY_BIN" "$tmp/bare/steady"
bare() {
    env -u STEADY_CONFIG -u XDG_CONFIG_HOME -u XDG_DATA_HOME STEADY_NOW="$NOW" TZ="$ZONE" \
        STEADY_DB="$db" HOME="$tmp/home" LC_ALL=C.UTF-8 "$tmp/bare/steady" "$@"
}
if bare share "Zoë Ångström" --format email >/dev/null 2>&1; then
    echo "skipped the missing-module check: an installed steady-mail.so was found"
else
    expect_exit 69 bare share "Zoë Ångström" --format email
    expect_err_contains "steady: email needs steady's mail module steady-mail.so"
    expect_err_contains "$tmp/bare/steady-mail.so"
    expect_eq "$(sql "SELECT count(*) FROM shares")" 0 "shares logged without the module"
    expect_exit 0 bare share "Zoë Ångström" --format json
fi

# Installed (cmake --install to a prefix): the binary finds the module in
# the prefix's LIBDIR/steady, and links no GMime there either.
_check
if cmake --install "$(dirname "$STEADY_BIN")" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1; then
    installed=$(find "$tmp/prefix" -name steady-mail.so)
    case $installed in
    "$tmp/prefix/lib"*/steady/steady-mail.so) ;;
    *) fail "cmake --install put the module at '$installed'" ;;
    esac
    expect_exit 0 env -u STEADY_CONFIG -u XDG_CONFIG_HOME -u XDG_DATA_HOME STEADY_NOW="$NOW" \
        TZ="$ZONE" STEADY_DB="$db" HOME="$tmp/home" LC_ALL=C.UTF-8 "$tmp/prefix/bin/steady" \
        share "Zoë Ångström" --format email
    expect_out_contains "filename=steady-summary-2026-11-16-2026-11-22.json"
else
    fail "cmake --install failed: $(cat "$tmp/install.log")"
fi
sql "DELETE FROM shares"

# (a) --format email, parsed.
expect_exit 0 steady share "Zoë Ångström" --format json
printf '%s\n' "$out" >"$tmp/summary.json"
steady share "Zoë Ångström" --format email >"$tmp/summary.eml" || fail "--format email failed"
problems=$(check_email "$tmp/summary.eml" "$tmp/summary.json")
_check
[ -z "$problems" ] || fail "--format email: $problems"

# (b) --send through msmtp to a real SMTP server.
port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mailbox=$tmp/mailbox
mkdir -p "$mailbox"
"$python" - "$port" "$mailbox" >"$tmp/smtpd.log" 2>&1 <<'PY' &
import asyncio, os, sys
from aiosmtpd.controller import Controller
class Keep:
    async def handle_DATA(self, server, session, envelope):
        n = len([f for f in os.listdir(sys.argv[2]) if f.endswith(".eml")])
        path = os.path.join(sys.argv[2], "%d.eml" % n)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(os.path.join(sys.argv[2], "%d.rcpt" % n), "w") as f:
            f.write(" ".join(envelope.rcpt_tos))
        os.rename(path + ".tmp", path)
        return "250 OK"
controller = Controller(Keep(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
open(os.path.join(sys.argv[2], ".ready"), "w").close()
try:
    asyncio.get_event_loop().run_forever()
finally:
    controller.stop()
PY
server=$!
stop_server() { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; }
trap 'status=$?; stop_server; (exit $status); _finish' EXIT
for i in $(seq 100); do
    [ -e "$mailbox/.ready" ] && break
    sleep 0.1
done
[ -e "$mailbox/.ready" ] || fail "the SMTP server did not start: $(cat "$tmp/smtpd.log")"

cat >"$tmp/msmtprc" <<EOF2
account default
host 127.0.0.1
port $port
from alex@example.org
auth off
tls off
EOF2
chmod 600 "$tmp/msmtprc"
use_command "'msmtp', '-C', '$tmp/msmtprc', '-t'"
expect_exit 0 steady share "Zoë Ångström" --send
expect_out_contains "Sent the summary for Zoë Ångström"
for i in $(seq 50); do
    [ -e "$mailbox/0.eml" ] && break
    sleep 0.1
done
_check
if [ -e "$mailbox/0.eml" ]; then
    problems=$(check_email "$mailbox/0.eml" "$tmp/summary.json")
    [ -z "$problems" ] || fail "the message that arrived: $problems"
    expect_eq "$(cat "$mailbox/0.rcpt")" "zoe@example.org" "the SMTP recipient"
    expect_eq "$(sql "SELECT sha256 FROM shares ORDER BY id DESC LIMIT 1")" \
        "$(tr -d '\r' <"$mailbox/0.eml" | sha256sum | cut -d' ' -f1)" "the logged sha256 of what arrived"
else
    fail "no message arrived; server log: $(cat "$tmp/smtpd.log")"
fi
expect_eq "$(sql "SELECT format || ' ' || delivered FROM shares ORDER BY id DESC LIMIT 1")" \
    "email 1" "the share log after msmtp"
stop_server

# msmtp with the server gone: 69, its stderr shown, logged not delivered.
expect_exit 69 steady share "Zoë Ångström" --send
expect_err_contains "msmtp"
expect_err_contains "logged as not delivered"

use_command "'sh', '-c', 'echo mailer refused the message >&2; exit 1'"
expect_exit 69 steady share "Zoë Ångström" --send
expect_err_contains "exited with status 1"
expect_err_contains "mailer refused the message"
expect_eq "$(sql "SELECT delivered FROM shares ORDER BY id DESC LIMIT 1")" 0 "a failed delivery's log"

use_command "'steady-no-such-mailer', '-t'"
expect_exit 69 steady share "Zoë Ångström" --send
expect_err_contains "was not found"

# A program that reads nothing: no hang, no SIGPIPE, delivered. The message
# is larger than a pipe holds, so steady's writes meet a closed pipe.
use_command "'/bin/true'"
big=$(head -c 100000 /dev/zero | tr '\0' x)
expect_exit 0 timeout 20 env -u STEADY_CONFIG -u XDG_CONFIG_HOME -u XDG_DATA_HOME STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$db" HOME="$tmp/home" \
    LC_ALL=C.UTF-8 "$STEADY_BIN" share "Zoë Ångström" --send --message "$big"
expect_eq "$(sql "SELECT delivered FROM shares ORDER BY id DESC LIMIT 1")" 1 "/bin/true's log"
# Not delivered: the printed --format email, and the three failed deliveries.
expect_eq "$(sql "SELECT count(*) FROM shares WHERE format = 'email' AND delivered = 0")" 4 \
    "shares logged as not delivered"
