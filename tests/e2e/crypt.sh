# Encrypted shares, backups and exports (SPEC §7) with real GnuPG: keys made
# in a throw-away GNUPGHOME, partners given a key by file and by key id,
# every share format decrypted by the real gpg to exactly the plain output,
# the email checked as PGP/MIME (RFC 3156) with Python's email package and
# its decrypted summary equal to --format json; expired, revoked and missing
# keys and files that are not keys are 65 with nothing sent or written;
# backup and export --encrypt-to decrypt to a sound journal and the same
# export, and import reads the encrypted export back. GPGME is in the mail
# module, never linked into the binary.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/gpg.sh"

python=/usr/bin/python3
sam=$(new_key 'Sam <sam@example.org>')
alex=$(new_key 'Alex <alex@example.org>')
old=$(new_key 'Old <old@elsewhere.test>' 1d --faked-system-time 20200101T000000)
gone=$(new_key 'Gone <gone@elsewhere.test>')
jo=$(new_key 'Jo <jo@elsewhere.test>')
soon=$(new_key 'Soon <soon@elsewhere.test>' 1y)
gpg --armor --export "$sam" >"$tmp/sam.asc"
gpg --export "$jo" >"$tmp/jo.gpg"
gpg --armor --export "$old" >"$tmp/old.asc"
# A revocation certificate as gpg made it, without the colon that guards it.
revocation() {
    sed 's/^:-----BEGIN/-----BEGIN/' "$GNUPGHOME/openpgp-revocs.d/$1.rev" >"$tmp/$1.rev"
    echo "$tmp/$1.rev"
}
gpg --batch --quiet --import "$(revocation "$gone")" 2>/dev/null || fail "revoking the Gone key"

config=$tmp/home/.config/steady/config.toml
mkdir -p "$(dirname "$config")"
printf '%s\n' 'name = "Alex"' 'email = "alex@example.org"' '[share]' \
    "command = ['/bin/sh', '-c', 'cat > \"\$0\"', '$tmp/sent.eml']" >"$config"

steady checkin --date 2026-11-17 --mood 5 --craving 3 --note "a quiet day" >/dev/null ||
    fail "seeding a check-in"
steady craving --intensity 6 --outcome resisted --at "2026-11-18 19:30" >/dev/null ||
    fail "seeding a craving"
steady partner add Sam --email sam@example.org --share checkins,mood,cravings >/dev/null ||
    fail "adding Sam"
for format in text markdown json html; do
    steady share Sam --format "$format" >"$tmp/plain.$format" || fail "plain $format share"
done

# The binary links no GPGME (nor GMime, glib); the module beside it does.
_check
case $(ldd "$STEADY_BIN") in
*gpgme* | *gmime* | *glib*) fail "steady links GPGME, GMime or glib: $(ldd "$STEADY_BIN")" ;;
esac
_check
ldd "$(dirname "$STEADY_BIN")/steady-mail.so" | grep -q libgpgme || fail "the module lacks GPGME"
# The OpenPGP module that streams links GPGME and nothing of GMime, glib or gio.
_check
case $(ldd "$(dirname "$STEADY_BIN")/steady-crypt.so") in
*gmime* | *glib* | *gio*) fail "steady-crypt.so links GMime, glib or gio" ;;
*libgpgme*) ;;
*) fail "steady-crypt.so lacks GPGME" ;;
esac

# Keys that cannot be used: 65, a clear message, nothing written.
echo "not a key at all" >"$tmp/notakey.txt"
before=$(journal_hash)
expect_exit 65 steady partner edit Sam --pgp-key "$tmp/notakey.txt"
expect_err_contains "steady: the key file '$tmp/notakey.txt' cannot be used: it is not an OpenPGP key"
expect_exit 65 steady partner edit Sam --pgp-key nobody@example.org
expect_err_contains "no OpenPGP key 'nobody@example.org'"
expect_exit 65 steady partner edit Sam --pgp-key example.org
expect_err_contains "names 2 keys"
expect_exit 65 steady partner edit Sam --pgp-key old@elsewhere.test
expect_err_contains "expired on 2020-01-02"
expect_exit 65 steady partner edit Sam --pgp-key "$tmp/old.asc"
expect_err_contains "expired"
expect_exit 65 steady partner edit Sam --pgp-key "$gone"
expect_err_contains "is revoked"
expect_exit 65 steady partner add Jo --email jo@example.org --pgp-key "$tmp/notakey.txt"
expect_exit 66 steady partner edit Sam --pgp-key ./missing/key.asc
expect_exit 64 steady partner edit Sam --pgp-key "$tmp/sam.asc" --no-pgp-key
expect_eq "$(journal_hash)" "$before" "journal after refused keys"
expect_eq "$(sql 'SELECT count(*) FROM partners WHERE pgp_fingerprint IS NOT NULL')" 0 \
    "partners with a key after refused keys"

# A key by file (armored), by key id, by binary file; --no-pgp-key removes it.
expect_exit 0 steady partner edit Sam --pgp-key "$tmp/sam.asc"
expect_out_contains "encrypted to $sam (Sam <sam@example.org>)"
expect_eq "$(sql "SELECT pgp_fingerprint FROM partners WHERE name = 'Sam'")" "$sam" "Sam's key"
expect_eq "$(mode_of "$keyring")" 700 "mode of steady's keyring"
_check
grep -qx no-autostart "$keyring/gpg.conf" || fail "steady's keyring lets gpg start an agent"
expect_exit 0 steady partner
expect_out_contains "$sam"
expect_exit 0 steady partner list --json
expect_out_contains "\"pgp_fingerprint\": \"$sam\""
expect_exit 0 steady partner edit Sam --no-pgp-key
expect_eq "$(sql "SELECT pgp_fingerprint IS NULL FROM partners WHERE name = 'Sam'")" 1 "removed key"
expect_exit 0 steady partner edit Sam --pgp-key sam@example.org
expect_eq "$(sql "SELECT pgp_fingerprint FROM partners WHERE name = 'Sam'")" "$sam" "key by id"
expect_exit 0 steady partner add Jo --email jo@example.org --pgp-key "$tmp/jo.gpg"
expect_eq "$(sql "SELECT pgp_fingerprint FROM partners WHERE name = 'Jo'")" "$jo" "key by binary file"
expect_exit 0 steady partner add Soon --email soon@example.org --pgp-key "$soon"
_check
GNUPGHOME=$keyring gpg --list-keys "$jo" >/dev/null 2>&1 || fail "Jo's key is not in steady's keyring"

# Every format is an armored message that decrypts to exactly the plain output.
for format in text markdown json html; do
    expect_exit 0 steady share Sam --format "$format"
    _check
    [ "$(printf '%s\n' "$out" | head -1)" = "-----BEGIN PGP MESSAGE-----" ] ||
        fail "$format share is not an armored message: $(printf '%s' "$out" | head -2)"
    printf '%s\n' "$out" | gpg --batch --quiet --decrypt >"$tmp/dec.$format" 2>/dev/null ||
        fail "gpg could not decrypt the $format share"
    _check
    cmp -s "$tmp/dec.$format" "$tmp/plain.$format" || fail "$format share decrypts to other bytes"
done
expect_exit 0 steady share Sam --format json --output "$tmp/share.asc"
expect_out_contains "encrypted to their key"
expect_eq "$(mode_of "$tmp/share.asc")" 600 "mode of the encrypted share file"
_check
gpg --batch --quiet --decrypt "$tmp/share.asc" 2>/dev/null | cmp -s - "$tmp/plain.json" ||
    fail "--output share decrypts to other bytes"

# The email: PGP/MIME, and inside it the summary --format json gives.
expect_exit 0 steady share Sam --send
expect_out_contains "encrypted to their key"
check_pgp_mime() {
    "$python" - "$1" "$2" "$3" <<'PY'
import email, email.policy, json, subprocess, sys
raw = open(sys.argv[1], "rb").read()
want = json.load(open(sys.argv[2], "rb"))
def bad(what):
    print(what)
msg = email.message_from_bytes(raw, policy=email.policy.default)
if msg.get_content_type() != "multipart/encrypted":
    bad("top is " + msg.get_content_type())
if msg.get_param("protocol") != "application/pgp-encrypted":
    bad("protocol is " + str(msg.get_param("protocol")))
for header in ("From", "To", "Subject", "Date", "Message-ID"):
    if not msg[header]:
        bad("no " + header)
if str(msg["Subject"]) != "Encrypted message":
    bad("outer Subject: " + str(msg["Subject"]))
if str(msg["To"]) != "Sam <sam@example.org>":
    bad("To: " + str(msg["To"]))
parts = list(msg.iter_parts())
types = [p.get_content_type() for p in parts]
if types != ["application/pgp-encrypted", "application/octet-stream"]:
    bad("parts are " + str(types))
    sys.exit()
control = parts[0].get_content()
control = control.decode() if isinstance(control, bytes) else control
if "Version: 1" not in control:
    bad("control part: " + repr(control))
armored = parts[1].get_content()
armored = armored.decode() if isinstance(armored, bytes) else armored
if not armored.startswith("-----BEGIN PGP MESSAGE-----"):
    bad("second part is not armored: " + armored[:40])
for leak in (b"mood", b"Alex's week", b"steady-summary", b"a quiet day"):
    if leak in raw:
        bad("the email shows in clear: " + leak.decode())
inner_raw = subprocess.run(["gpg", "--batch", "--quiet", "--decrypt"], input=armored.encode(),
                           capture_output=True, check=True).stdout
inner = email.message_from_bytes(inner_raw, policy=email.policy.default)
if inner.get_content_type() != "multipart/mixed":
    bad("inside is " + inner.get_content_type())
if str(inner["Subject"]) != sys.argv[3]:
    bad("protected Subject: " + str(inner["Subject"]))
found = [p for p in inner.walk() if p.get_filename() == "steady-summary-2026-11-16-2026-11-22.json"]
if not found:
    bad("no summary attachment inside")
elif json.loads(found[0].get_content()) != want:
    bad("the summary inside differs from --format json")
PY
}
_check
problems=$(check_pgp_mime "$tmp/sent.eml" "$tmp/plain.json" "steady: Alex's week, 16–22 Nov 2026")
[ -z "$problems" ] || fail "PGP/MIME email: $problems"

# The history says which shares were encrypted.
expect_exit 0 steady share --history Sam
expect_out_contains "ENCRYPTED"
_check
[ "$(printf '%s\n' "$out" | grep -c ' yes .* yes \| no .* yes ')" -ge 1 ] ||
    fail "history shows no encrypted share: $out"
expect_exit 0 steady share --history --json
_check
[ "$("$python" -c 'import json,sys; s=json.load(sys.stdin)["shares"]; print(sum(x["encrypted"] for x in s), sum(not x["encrypted"] for x in s))' <<<"$out")" = "6 4" ] ||
    fail "history json encrypted counts: $out"

# At share time: an expired, a revoked and a missing key are 65, nothing sent or logged.
shares_before=$(sql 'SELECT count(*) FROM shares')
rm -f "$tmp/sent.eml"
# gpg in steady's keyring believes it is 2040, when Soon's key has expired.
printf 'faked-system-time 20400101T000000\n' >>"$keyring/gpg.conf"
expect_exit 65 steady share Soon --send
expect_err_contains "cannot encrypt the summary for Soon"
expect_err_contains "expired"
expect_exit 65 steady share Soon --format json
expect_eq "$out" "" "stdout of a share to an expired key"
sed -i '/^faked-system-time/d' "$keyring/gpg.conf"
GNUPGHOME=$keyring gpg --batch --quiet --import "$(revocation "$sam")" 2>/dev/null ||
    fail "revoking Sam's key in steady's keyring"
expect_exit 65 steady share Sam --send
expect_err_contains "is revoked"
expect_exit 65 steady share Sam --output "$tmp/never.txt"
_check
[ ! -e "$tmp/never.txt" ] || fail "a share to a revoked key was written"
GNUPGHOME=$keyring gpg --batch --yes --quiet --delete-keys "$jo" 2>/dev/null ||
    fail "deleting Jo's key from steady's keyring"
expect_exit 65 steady share Jo --send
expect_err_contains "no OpenPGP key '$jo'"
_check
[ ! -e "$tmp/sent.eml" ] || fail "something was sent to an unusable key"
expect_eq "$(sql 'SELECT count(*) FROM shares')" "$shares_before" "share log after refused shares"

# Backups: encrypted to the user's own key, 0600, a sound journal inside.
entries=$(sql 'SELECT count(*) FROM entries WHERE deleted IS NULL')
expect_exit 0 steady backup "$tmp/b.db.gpg" --encrypt-to alex@example.org
expect_out_contains "encrypted to alex@example.org"
expect_eq "$(mode_of "$tmp/b.db.gpg")" 600 "mode of the encrypted backup"
_check
gpg --batch --quiet --decrypt "$tmp/b.db.gpg" >"$tmp/restored.db" 2>/dev/null ||
    fail "gpg could not decrypt the backup"
expect_eq "$(sqlite3 "$tmp/restored.db" 'PRAGMA integrity_check')" ok "integrity of the backup"
expect_eq "$(sqlite3 "$tmp/restored.db" 'SELECT count(*) FROM entries WHERE deleted IS NULL')" \
    "$entries" "entries in the decrypted backup"
expect_eq "$(sqlite3 "$tmp/restored.db" 'PRAGMA journal_mode')" delete \
    "journal mode of the decrypted backup (one self-contained file)"
# Into a folder (a USB stick, a synced folder): the OpenPGP file alone, and
# never a plain copy of the journal, not even a hidden temporary one.
mkdir "$tmp/usb"
expect_exit 0 steady backup "$tmp/usb/" --encrypt-to alex@example.org
_check
case $(ls -A "$tmp/usb") in
journal-*.db.gpg) ;;
*) fail "the backup folder holds more than the encrypted backup: $(ls -A "$tmp/usb")" ;;
esac
_check
! grep -rl "SQLite format 3" "$tmp/usb" >/dev/null || fail "a plain journal in the backup folder"
expect_exit 0 steady backup --encrypt-to "$alex"
_check
ls "$tmp/home/.local/share/steady/backups/"journal-*.db.gpg >/dev/null 2>&1 ||
    fail "no default encrypted backup: $(ls "$tmp/home/.local/share/steady/backups/")"
mkdir "$tmp/nothing"
expect_exit 65 steady backup "$tmp/nothing/b.db.gpg" --encrypt-to nobody@example.org
expect_err_contains "cannot encrypt the backup"
expect_eq "$(ls -A "$tmp/nothing")" "" "files left by a refused encrypted backup"
expect_exit 65 steady backup "$tmp/nothing/b.db.gpg" --encrypt-to gone@elsewhere.test
expect_eq "$(ls -A "$tmp/nothing")" "" "files left by a backup to a revoked key"

# Exports: encrypted, decrypting to the plain export; import reads them back.
steady export >"$tmp/plain-export.json" || fail "plain export"
expect_exit 0 steady export --encrypt-to alex@example.org --output "$tmp/export.json.gpg"
expect_eq "$(mode_of "$tmp/export.json.gpg")" 600 "mode of the encrypted export"
_check
gpg --batch --quiet --decrypt "$tmp/export.json.gpg" 2>/dev/null | cmp -s - "$tmp/plain-export.json" ||
    fail "the encrypted export decrypts to another export"
steady export --encrypt-to alex@example.org >"$tmp/piped.gpg" || fail "encrypted export to a pipe"
_check
gpg --batch --quiet --decrypt "$tmp/piped.gpg" 2>/dev/null | cmp -s - "$tmp/plain-export.json" ||
    fail "the piped encrypted export decrypts to another export"
cp "$tmp/export.json.gpg" "$tmp/no-name"
expect_exit 0 env STEADY_DB="$tmp/copy.db" "$STEADY_BIN" import "$tmp/no-name"
expect_out_contains "added"
_check
env STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$tmp/copy.db" HOME="$tmp/home" LC_ALL=C.UTF-8 \
    "$STEADY_BIN" export | cmp -s - "$tmp/plain-export.json" || fail "import of the encrypted export"
expect_exit 65 steady export --encrypt-to nobody@example.org --output "$tmp/nothing/e.gpg"
expect_eq "$(ls -A "$tmp/nothing")" "" "files left by a refused encrypted export"
head -c 120 "$tmp/export.json.gpg" >"$tmp/broken.gpg"
before=$(journal_hash)
expect_exit 65 steady import "$tmp/broken.gpg"
expect_err_contains "could not be decrypted"
expect_eq "$(journal_hash)" "$before" "journal after an undecryptable import"

# remind --notify's note to a quiet-watching partner with a key is PGP/MIME too.
db=$tmp/alert.db
printf '%s\n' '[remind]' "notify_command = ['/bin/true']" >>"$config"
NOW=2026-11-10T20:00:00 steady checkin --mood 6 >/dev/null || fail "seeding the alert journal"
NOW=2026-11-10T20:00:00 steady partner add Soon --email soon@example.org --alert-after 3 \
    --pgp-key soon@elsewhere.test >/dev/null || fail "adding Soon to the alert journal"
rm -f "$tmp/sent.eml"
expect_exit 1 steady remind --notify
expect_out_contains "Sent Soon a short note"
expect_eq "$(sql "SELECT what, delivered, encrypted FROM shares")" "alert|1|1" "the alert's log row"
_check
"$python" - "$tmp/sent.eml" <<'PY' || fail "the alert note is not PGP/MIME"
import email, email.policy, sys
msg = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
assert msg.get_content_type() == "multipart/encrypted", msg.get_content_type()
assert str(msg["Subject"]) == "Encrypted message"
PY
expect_exit 65 steady peers import "$tmp/sent.eml"
expect_err_contains "the email is encrypted (PGP/MIME); decrypt it first"
# A note that could not be encrypted (the key gone from steady's keyring) is
# logged as neither delivered nor encrypted.
NOW=2026-11-10T20:00:00 steady partner add Jo --email jo@example.org --alert-after 3 \
    --pgp-key "$tmp/jo.gpg" >/dev/null || fail "adding Jo to the alert journal"
GNUPGHOME=$keyring gpg --batch --yes --quiet --delete-keys "$jo" 2>/dev/null ||
    fail "removing Jo's key from steady's keyring"
rm -f "$tmp/sent.eml"
steady remind --notify >/dev/null 2>&1
_check
[ ! -e "$tmp/sent.eml" ] || fail "a note went to Jo without encryption"
expect_eq "$(sql "SELECT delivered, encrypted FROM shares WHERE partner_name = 'Jo'")" "0|0" \
    "the log row of a note that could not be encrypted"
db=$tmp/journal.db

# steady leaves no gpg-agent running for its own keyring.
_check
! ps -eo args | grep -v grep | grep -q "gpg-agent.*$keyring" || fail "a gpg-agent runs for $keyring"

# Without the mail module, OpenPGP is 69 like email, nothing written.
mkdir "$tmp/bin"
cp "$STEADY_BIN" "$tmp/bin/steady"
lonely() {
    env -u XDG_DATA_HOME STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$db" HOME="$tmp/home" \
        LC_ALL=C.UTF-8 STEADY_CONFIG="$config" "$tmp/bin/steady" "$@"
}
before=$(journal_hash)
expect_exit 69 lonely partner edit Sam --pgp-key "$tmp/sam.asc"
expect_err_contains "OpenPGP encryption needs steady's mail module"
# Nor is steady's keyring folder (or its gpg.conf) made for a key it cannot take.
mkdir "$tmp/fresh"
expect_exit 69 env HOME="$tmp/fresh" XDG_DATA_HOME="$tmp/fresh/data" STEADY_DB="$db" \
    STEADY_CONFIG="$config" "$tmp/bin/steady" partner edit Sam --pgp-key "$tmp/sam.asc"
expect_eq "$(ls -A "$tmp/fresh")" "" "files left in a fresh home by a key without the module"
expect_exit 69 lonely share Jo --format text
expect_exit 69 lonely backup "$tmp/nothing/c.db.gpg" --encrypt-to alex@example.org
expect_exit 69 lonely import "$tmp/export.json.gpg"
expect_eq "$(journal_hash)" "$before" "journal after runs without the module"
expect_eq "$(ls -A "$tmp/nothing")" "" "files left by runs without the module"
