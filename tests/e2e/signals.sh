# Processes killed with SIGKILL in the middle of writing, while others keep
# writing: the journal stays consistent and every acknowledged check-in is in it.
. "$(dirname "$0")/lib.sh"

expect_exit 0 steady checkin --date 2026-01-01 --mood 5

# Four writers, each checking in for its own days and noting what was acknowledged.
writer() {
    local n
    for n in $(seq "$1" 4 100); do
        if steady checkin --date "$n days ago" --mood $((n % 10 + 1)) >/dev/null 2>"$tmp/writer.err.$1"; then
            echo "$n" >>"$tmp/ack.$1"
        else
            echo "$n: $(cat "$tmp/writer.err.$1")" >>"$tmp/nack.$1"
        fi
    done
}
for k in 1 2 3 4; do
    : >"$tmp/ack.$k"
    writer "$k" &
done

# Meanwhile, start more check-ins and SIGKILL each after 0 to 390 ms, a
# sweep across a check-in's lifetime (start-up, open, write, commit).
export STEADY_NOW=$NOW TZ=$ZONE STEADY_DB=$db HOME=$tmp/home
killed=0
: >"$tmp/ack.killer"
for i in $(seq 1 40); do
    n=$((200 + i))
    "$STEADY_BIN" checkin --date "$n days ago" --mood $((n % 10 + 1)) >/dev/null 2>&1 &
    pid=$!
    sleep "0.$(((i * 7) % 40 / 10))$(((i * 7) % 10))"
    kill -KILL "$pid" 2>/dev/null
    status=0
    { wait "$pid"; } 2>/dev/null || status=$?
    case $status in
    0) echo "$n" >>"$tmp/ack.killer" ;;
    137) killed=$((killed + 1)) ;;
    *) fail "check-in $n (to be killed) exited $status" ;;
    esac
done
wait  # for the writers
echo "killed $killed of 40 check-ins with SIGKILL; $(grep -c . "$tmp/ack.killer") finished first"

_check
[ "$killed" -gt 0 ] || fail "no check-in was killed: the test proved nothing"
expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check after SIGKILLs"
expect_eq "$(sql 'PRAGMA foreign_key_check')" "" "foreign_key_check after SIGKILLs"
cat "$tmp"/nack.* 2>/dev/null | sed 's/^/writer refused: /'
expect_eq "$(cat "$tmp"/nack.* 2>/dev/null | wc -l)" 0 "check-ins refused while others were killed"

# Every acknowledged check-in is there, with its mood; nothing else is.
expected=$(cat "$tmp"/ack.* | sort -n | while read -r n; do
    echo "$(date -d "2026-11-22 - $n days" +%F)|$((n % 10 + 1))"
done | sort)
acked=$(printf '%s\n' "$expected" | grep -c .)
present=$(sql "SELECT day || '|' || mood FROM checkins WHERE day <> '2026-01-01' ORDER BY day")
missing=$(comm -23 <(printf '%s\n' "$expected") <(printf '%s\n' "$present"))
expect_eq "$missing" "" "acknowledged check-ins missing from the journal"
_check
[ "$acked" -ge 100 ] || fail "only $acked check-ins were acknowledged"
# A killed check-in is either wholly there or not at all: every row is whole.
expect_eq "$(sql 'SELECT count(*) FROM checkins WHERE mood IS NULL OR uuid IS NULL OR day IS NULL')" 0 \
    "half-written check-ins"

# And the journal still takes writes.
expect_exit 0 steady checkin --mood 8
expect_eq "$(sql "SELECT mood FROM checkins WHERE day = '2026-11-22'")" 8 "a check-in after the kills"
