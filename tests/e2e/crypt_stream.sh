# Encrypted export and import of a large journal stream (issue 10: "memory
# does not grow with the journal", peak RSS <= 32 MiB): a journal whose json
# export is about 80 MB, exported with --encrypt-to and imported back with
# the real gpg, each within 32 MiB of peak memory (the whole plain text
# would be more than twice that); the decrypted export is byte for byte
# the plain one, and so is the export of the journal the encrypted file was
# imported into. No plain text touches the disk: $TMPDIR, a fresh folder,
# stays empty, and the output folder never holds anything but the message
# and its temporary file. Unsanitized only
# (see tests/CMakeLists.txt): ASan's shadow memory is not steady's.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/gpg.sh"

python=/usr/bin/python3
new_key 'Alex <alex@example.org>' >/dev/null

budget_kib=$((32 * 1024))
mkdir "$tmp/tmpdir" "$tmp/out"
export TMPDIR=$tmp/tmpdir

# `peak_kib ARGS…`: runs steady with ARGS in the fixed world (stdout and
# stderr to $tmp/.out and $tmp/.err) and prints the peak resident memory of
# it and of the processes it waited for (gpg), in KiB, then its exit status.
peak_kib() {
    "$python" - "$tmp" env STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$db" HOME="$tmp/home" \
        LC_ALL=C.UTF-8 "$STEADY_BIN" "$@" <<'PY'
import resource, subprocess, sys
folder = sys.argv[1]
with open(folder + "/.out", "wb") as out, open(folder + "/.err", "wb") as err:
    status = subprocess.run(sys.argv[2:], stdout=out, stderr=err).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, status)
PY
}

# 50,000 triggers of about 1.6 kB each, every one with a marker no
# encrypted byte may show.
"$python" - "$tmp/big.json" <<'PY'
import json, random, sys
random.seed(7)
words = ["urge", "walk", "call", "tea", "breathe", "wait", "music", "garden", "read", "rain"]
with open(sys.argv[1], "w") as out:
    out.write("[")
    for n in range(50000):
        if n:
            out.write(",")
        what = " ".join(random.choice(words) for _ in range(300))
        json.dump({"kind": "trigger", "at": "20%02d-%02d-%02d %02d:%02d" % (
            10 + n % 16, n % 12 + 1, n % 28 + 1, n % 24, n % 60),
            "what": "PLAINMARK%d %s" % (n, what)}, out)
    out.write("]")
PY
expect_exit 0 steady import "$tmp/big.json"
rm "$tmp/big.json"
steady export >"$tmp/plain.json" || fail "the plain export"
plain_kib=$(($(stat -c %s "$tmp/plain.json") / 1024))
_check
[ "$plain_kib" -gt $((2 * budget_kib)) ] || fail "the plain export is only $plain_kib KiB"

# Watches the folders a plain copy could land in while a command runs:
# every name seen goes to $tmp/seen.
watch_folders() {
    while :; do
        ls -A "$TMPDIR" "$tmp/out" 2>/dev/null
        sleep 0.05
    done >>"$tmp/seen" &
    watcher=$!
}
stop_watching() {
    kill "$watcher" 2>/dev/null
    wait "$watcher" 2>/dev/null
}

watch_folders
read -r export_kib status < <(peak_kib export --encrypt-to alex@example.org \
    --output "$tmp/out/journal.json.gpg")
stop_watching
expect_eq "$status" 0 "exit status of the encrypted export ($(cat "$tmp/.err"))"
_check
[ "$export_kib" -le "$budget_kib" ] ||
    fail "the encrypted export peaked at $export_kib KiB (budget $budget_kib, plain text $plain_kib)"
expect_eq "$(ls -A "$tmp/out")" journal.json.gpg "the output folder after the export"
_check
! grep -q PLAINMARK "$tmp/out/journal.json.gpg" || fail "the encrypted export shows plain text"
gpg --batch --quiet --decrypt "$tmp/out/journal.json.gpg" 2>/dev/null |
    cmp -s - "$tmp/plain.json" || fail "the encrypted export decrypts to another export"
_check

# A full disk (a file size limit) midway: 74 naming the file, which keeps
# what it held, and no temporary file left.
echo "an older export" >"$tmp/out/kept.gpg"
expect_exit 74 prlimit --fsize=1000000 env STEADY_NOW="$NOW" TZ="$ZONE" STEADY_DB="$db" \
    HOME="$tmp/home" "$STEADY_BIN" export --encrypt-to alex@example.org --output "$tmp/out/kept.gpg"
expect_err_contains "could not write '$tmp/out/kept.gpg'"
expect_eq "$(cat "$tmp/out/kept.gpg")" "an older export" "the file after a failed encrypted export"
rm "$tmp/out/kept.gpg"
expect_eq "$(ls -A "$tmp/out")" journal.json.gpg "the output folder after a failed export"

cp "$db" "$tmp/source.db"
db=$tmp/copy.db
watch_folders
read -r import_kib status < <(peak_kib import "$tmp/out/journal.json.gpg")
stop_watching
expect_eq "$status" 0 "exit status of the encrypted import ($(cat "$tmp/.err"))"
_check
[ "$import_kib" -le "$budget_kib" ] ||
    fail "the encrypted import peaked at $import_kib KiB (budget $budget_kib, plain text $plain_kib)"
steady export | cmp -s - "$tmp/plain.json" || fail "the import of the encrypted export differs"
_check

# A message cut in the middle: GnuPG has given half the plain text (25,000
# records read and inserted) before it finds the end missing. The import is
# one transaction: nothing of it stays.
head -c $(($(stat -c %s "$tmp/out/journal.json.gpg") / 2)) "$tmp/out/journal.json.gpg" \
    >"$tmp/half.gpg"
db=$tmp/other.db
steady checkin --mood 6 >/dev/null || fail "a check-in in another journal"
before=$(journal_hash)
expect_exit 65 steady import "$tmp/half.gpg"
expect_err_contains "it could not be decrypted"
expect_err_contains "nothing was imported"
expect_eq "$(journal_hash)" "$before" "the journal after importing a message cut in the middle"
# A record at fault early in a large message stops GnuPG at once.
"$python" -c '
import json
records = [{"kind": "trigger", "at": "2026-01-01 10:00", "what": "PLAINMARK"}] * 5
records += [{"kind": "checkin", "at": "2026-01-02", "mood": 99}]
records += [{"kind": "trigger", "at": "2026-01-01 10:00", "what": "y" * 1000}] * 100000
print(json.dumps(records))' | gpg --batch --quiet --encrypt --recipient alex@example.org \
    --compress-algo none --output "$tmp/bad.gpg" || fail "encrypting the bad records"
start=$SECONDS
expect_exit 65 steady import "$tmp/bad.gpg"
expect_err_contains "[5]: mood must be a whole number from 1 to 10 (got 99); nothing was imported"
expect_eq "$(journal_hash)" "$before" "the journal after a bad record in an encrypted file"
_check
[ $((SECONDS - start)) -lt 20 ] || fail "a bad record early took $((SECONDS - start)) s"

# Nothing but the message and its temporary file was ever in the folders
# watched; $TMPDIR stayed empty.
_check
others=$(grep -v -x -e 'journal.json.gpg' -e '\.journal\.json\.gpg\.steady-......' -e "$tmp/.*:" \
    -e '' "$tmp/seen" | sort -u)
[ -z "$others" ] || fail "files appeared while encrypting or decrypting: $others"
expect_eq "$(ls -A "$TMPDIR")" "" "files left in TMPDIR"

echo "encrypted export: peak $export_kib KiB, encrypted import: peak $import_kib KiB," \
    "plain text $plain_kib KiB"
