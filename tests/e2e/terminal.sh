# On a real terminal (a pseudo-terminal made by util-linux `script`): the
# check-in prompts, re-asking after a bad answer, colour, and delete's question.
. "$(dirname "$0")/lib.sh"

command -v script >/dev/null || { fail "script (util-linux) is needed"; exit 1; }
export STEADY_NOW=$NOW TZ=$ZONE STEADY_DB=$db HOME=$tmp/home LC_ALL=C.UTF-8 SHELL=/bin/sh
unset NO_COLOR STEADY_CONFIG XDG_CONFIG_HOME XDG_DATA_HOME

# `tty_run INPUT [VAR=value…] ARG…`: steady ARG… on a pseudo-terminal, typing
# INPUT (printf %b escapes); prints what the terminal showed, without \r.
tty_run() {
    local input=$1 cmd="env"
    shift
    while [ $# -gt 0 ] && [[ $1 == [A-Z_]*=* ]]; do
        cmd+=" $(printf '%q' "$1")"
        shift
    done
    cmd+=" $(printf '%q' "$STEADY_BIN")"
    for arg in "$@"; do cmd+=" $(printf '%q' "$arg")"; done
    printf '%b' "$input" | script -qec "$cmd" /dev/null | tr -d '\r'
    return "${PIPESTATUS[1]}"
}
count() {  # count WORD: how often the capitalised WORD (a prompt's label) occurs in $out
    grep -o -w -F -- "$1" <<<"$out" | wc -l
}

# A check-in on a terminal asks mood, craving, sober and note, in that order.
expect_exit 0 tty_run '6\n3\ny\nlong day, called Sam\n' checkin
order=$(grep -o -w -E 'Mood|Craving|Sober|Note' <<<"$out" | tr '\n' ' ')
expect_eq "$order" "Mood Craving Sober Note " "the prompts, in order"
expect_out_contains "Checked in for 2026-11-22"
expect_eq "$(sql "SELECT day, mood, craving, sober, note FROM checkins")" \
    "2026-11-22|6|3|1|long day, called Sam" "the check-in answered on the terminal"

# What the flags gave is not asked; an invalid answer is asked again and
# the command still succeeds with the valid one.
expect_exit 0 tty_run '11\nseven\n4\nmaybe\nno\n\n' checkin --date yesterday --craving 5
expect_eq "$(count Mood)" 3 "times mood was asked (two bad answers)"
expect_eq "$(count Craving)" 0 "times craving was asked (given by flag)"
expect_eq "$(count Sober)" 2 "times sober was asked (one bad answer)"
expect_eq "$(count Note)" 1 "times the note was asked"
expect_out_contains "11"
expect_eq "$(sql "SELECT mood, craving, sober, quote(note) FROM checkins WHERE day = '2026-11-21'")" \
    "4|5|0|NULL" "the check-in after re-asked answers"

# Not on a terminal, -i reads answers from stdin and a bad one is an error.
before=$(journal_hash)
expect_exit 64 steady checkin -i --date 2026-11-19 <<<$'11\n3\ny\n\n'
expect_err_contains "11"
expect_eq "$(journal_hash)" "$before" "journal after a bad answer through -i"
expect_exit 0 steady checkin -i --date 2026-11-19 <<<$'6\n3\nyes\npiped\n'
expect_eq "$(sql "SELECT mood, craving, sober, note FROM checkins WHERE day = '2026-11-19'")" \
    "6|3|1|piped" "the check-in answered through -i"

# Ctrl-D at the mood prompt saves nothing.
before=$(sql 'SELECT count(*) FROM entries')
expect_exit 64 tty_run '\004' checkin --date 2026-11-20
expect_eq "$(sql 'SELECT count(*) FROM entries')" "$before" "entries after Ctrl-D at the mood prompt"

# Colour: auto means on a terminal, NO_COLOR wins, never means never,
# always means always, even into a pipe.
esc=$'\e['
has_colour() { case $out in *"$esc"*) echo yes ;; *) echo no ;; esac; }
expect_exit 0 tty_run '' show 1
expect_eq "$(has_colour)" yes "colour on a terminal by default"
expect_exit 0 tty_run '' --color auto show 1
expect_eq "$(has_colour)" yes "colour on a terminal with --color auto"
expect_exit 0 tty_run '' NO_COLOR=1 show 1
expect_eq "$(has_colour)" no "colour on a terminal with NO_COLOR=1"
expect_exit 0 tty_run '' NO_COLOR=1 --color auto list
expect_eq "$(has_colour)" no "colour in list on a terminal with NO_COLOR=1"
expect_exit 0 tty_run '' --color never show 1
expect_eq "$(has_colour)" no "colour on a terminal with --color never"
expect_exit 0 steady show 1
expect_eq "$(has_colour)" no "colour into a pipe by default"
expect_exit 0 steady --color auto list
expect_eq "$(has_colour)" no "colour into a pipe with --color auto"
expect_exit 0 steady --color always show 1
expect_eq "$(has_colour)" yes "colour into a pipe with --color always"
expect_exit 0 env NO_COLOR=1 "$STEADY_BIN" --color always show 1
expect_eq "$(has_colour)" yes "--color always with NO_COLOR set"
expect_exit 0 tty_run '' --json show 1
expect_eq "$(has_colour)" no "colour in --json on a terminal"

# delete on a terminal asks; "n" or just Enter keeps the entry, "y" deletes it.
# (How declining exits is not specified; only that nothing is deleted.)
id=$(sql "SELECT id FROM checkins WHERE day = '2026-11-21'")
before=$(journal_hash)
for answer in 'n\n' '\n'; do
    out=$(tty_run "$answer" delete "$id")
    expect_out_contains "[y/N]"
    expect_out_contains "#$id"
    expect_eq "$(sql "SELECT count(*) FROM checkins WHERE id = $id")" 1 "entry after answering '$answer'"
    expect_eq "$(journal_hash)" "$before" "journal after answering '$answer'"
done
expect_exit 0 tty_run 'y\n' delete "$id"
expect_out_contains "Deleted"
expect_eq "$(sql "SELECT count(*) FROM checkins WHERE id = $id")" 0 "entry after answering y"
expect_exit 0 steady undo
expect_eq "$(sql "SELECT count(*) FROM checkins WHERE id = $id")" 1 "entry after undo"
