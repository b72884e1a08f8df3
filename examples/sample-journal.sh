#!/usr/bin/env bash
# Makes a sample journal: four weeks of check-ins, triggers, cravings and
# meetings, a clean-time clock and two goals, written through steady itself
# with STEADY_NOW set, so it is the same on every machine.
#
#   examples/sample-journal.sh [STEADY_BINARY] [JOURNAL]
#
# Defaults: ./build/steady (from a source checkout), else the steady on
# $PATH (as installed by the package), and /tmp/steady-demo.db (replaced if
# present).
set -euo pipefail

default_bin=steady
[ -x ./build/steady ] && default_bin=./build/steady
steady_bin=${1:-$default_bin}
journal=${2:-/tmp/steady-demo.db}
rm -f "$journal" "$journal-wal" "$journal-shm"

export STEADY_DB=$journal TZ=Europe/Berlin
unset STEADY_CONFIG
s() { "$steady_bin" -q "$@" >/dev/null; }

STEADY_NOW=2026-10-25T09:00:00 s clock add alcohol --since 2026-08-24 --cost-per-day 12.50
STEADY_NOW=2026-10-25T09:05:00 s goal add "3 meetings a week" --target 3 --per week --tracks meetings
STEADY_NOW=2026-10-25T09:06:00 s goal add "check in every day" --target 1 --per day --tracks checkins

moods=(6 7 5 6 8 7 4 5 6 7 7 8 6 5 7 8 8 6 7 5 4 6 7 8 7 6 7 8)
cravings=(3 2 5 4 1 2 7 5 3 2 2 1 3 4 2 1 1 3 2 5 6 3 2 1 2 3 2 1)
for i in "${!moods[@]}"; do
    day=$(date -u -d "2026-10-25 + $i days" +%F)
    [ $((i % 9)) = 4 ] && continue  # a few missed days, as in real life
    STEADY_NOW="${day}T21:30:00" s checkin --mood "${moods[$i]}" --craving "${cravings[$i]}" \
        --sober yes --sleep "$((6 + i % 3)).5"
    if [ $((i % 3)) = 0 ]; then
        STEADY_NOW="${day}T19:00:00" s meeting "Evening NA" --type NA --duration 1h
    fi
    if [ $((i % 5)) = 2 ]; then
        STEADY_NOW="${day}T18:40:00" s trigger "walked past my old bar" --category places \
            --intensity 6 --coped "kept walking, texted Sam"
        STEADY_NOW="${day}T18:45:00" s craving --intensity 7 --duration 20m --strategy walk \
            --strategy "called Sam" --outcome resisted
    fi
done
echo "sample journal written to $journal"
