# Completion offers words from the user's own journal: the hidden
# `steady _complete WHAT` prints the trigger categories (after the defaults),
# craving strategies, meeting types, tags, clock names, goal ids and partner
# names in use,
# one a line, and prints nothing (exit 0, no file made) on any problem; bash
# completion offers them, e.g. a clock's name after `steady clock reset `.
. "$(dirname "$0")/lib.sh"

src=${STEADY_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}

# `expect_line WORD WHAT`: the last command's stdout has WORD as a whole line.
expect_line() {
    _check
    grep -qxF -- "$1" <<<"$out" || fail "$2: no line '$1' in: $out"
}

expect_exit 0 steady trigger "the office again" --category work-stress --intensity 6
expect_exit 0 steady craving --intensity 7 --strategy "cold water" --strategy walk --tag evening
expect_exit 0 steady meeting "Sunday circle" --type Refuge
expect_exit 0 steady clock add nicotine --since 2026-10-01
expect_exit 0 steady --json goal add "read every day" --target 1 --per day
goal_id=$(grep -Eo '"id": *[0-9]+' <<<"$out" | head -n 1 | grep -Eo '[0-9]+$')
expect_eq "${goal_id:+set}" set "the goal's id in goal add --json"

expect_exit 0 steady _complete categories
expect_line work-stress "_complete categories"
expect_line lonely "_complete categories (a default)"
expect_line people "_complete categories (a default)"
# One word in several cases is offered once: a default as it is, the
# user's own as they wrote it most often.
expect_exit 0 steady trigger "deadline" --category Stress
expect_exit 0 steady trigger "bills" --category STRESS
expect_exit 0 steady meeting "Monday" --type Refuge
expect_exit 0 steady meeting "Tuesday" --type refuge
expect_exit 0 steady _complete categories
expect_eq "$(grep -ic '^stress$' <<<"$out")" 1 "'stress' offered once among $out"
expect_line stress "_complete categories (the default spelling)"
expect_exit 0 steady _complete types
expect_eq "$(grep -ic '^refuge$' <<<"$out")" 1 "'Refuge' offered once among $out"
expect_line Refuge "_complete types (as written most often)"
expect_exit 0 steady _complete strategies
expect_line "cold water" "_complete strategies"
expect_line walk "_complete strategies"
expect_exit 0 steady _complete types
expect_line Refuge "_complete types"
expect_line AA "_complete types (a default)"
expect_exit 0 steady _complete tags
expect_line evening "_complete tags"
expect_exit 0 steady _complete clocks
expect_eq "$out" nicotine "_complete clocks"
expect_exit 0 steady _complete goals
expect_eq "$out" "$goal_id" "_complete goals"
expect_exit 0 steady partner add "Sam Q" --email sam@example.org
expect_exit 0 steady _complete partners
expect_eq "$out" "Sam Q" "_complete partners"
expect_exit 0 steady _complete kinds
expect_line lapse "_complete kinds"
expect_line goal_log "_complete kinds"

# A missing journal: nothing at all, exit 0, and no file made.
missing=$tmp/nowhere/journal.db
expect_exit 0 env STEADY_DB="$missing" "$STEADY_BIN" _complete clocks
expect_eq "$out$err" "" "_complete clocks on a missing journal prints"
expect_eq "$(journal_hash "$missing")" absent "_complete clocks on a missing journal"
expect_eq "$(ls -A "$tmp/nowhere" 2>/dev/null)" "" "_complete clocks made files"
# The defaults need no journal.
expect_exit 0 steady --db "$missing" _complete categories
expect_line lonely "_complete categories on a missing journal (a default)"
expect_eq "$err" "" "_complete categories on a missing journal, stderr"
expect_eq "$(journal_hash "$missing")" absent "_complete categories on a missing journal"

# Something that is not a journal, and a word completion does not know: quiet.
printf 'not a journal\n' >"$tmp/junk.db"
expect_exit 0 steady --db "$tmp/junk.db" _complete clocks
expect_eq "$out$err" "" "_complete clocks on a file that is not a journal prints"
expect_exit 0 steady _complete nonsense
expect_eq "$out$err" "" "_complete nonsense prints"

# bash completion, as a shell runs it: `steady clock reset <TAB>` and friends.
# bash_offers JOURNAL_ENV WORD…: what completing the last WORD offers.
bash_offers() {
    local journal=$1
    shift
    env -u STEADY_CONFIG -u XDG_CONFIG_HOME -u XDG_DATA_HOME STEADY_DB="$journal" \
        STEADY_NOW="$NOW" TZ="$ZONE" HOME="$tmp/home" LC_ALL=C.UTF-8 \
        bash --norc --noprofile -c '
            source "$1" || exit 1
            shift
            COMP_WORDS=("$@")
            COMP_CWORD=$(($# - 1))
            COMPREPLY=()
            _steady steady "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf "%s\n" "${COMPREPLY[@]}"' _ "$src/completions/steady.bash" "$@"
}

out=$(bash_offers "$db" "$STEADY_BIN" clock reset "")
expect_line nicotine "bash: steady clock reset <TAB>"
out=$(bash_offers "$db" "$STEADY_BIN" clock reset "ni")
expect_eq "$out" nicotine "bash: steady clock reset ni<TAB>"
out=$(bash_offers "$db" "$STEADY_BIN" partner edit "")
expect_eq "$out" 'Sam\ Q' "bash: steady partner edit <TAB>"
out=$(bash_offers "$db" "$STEADY_BIN" partner remove "Sa")
expect_eq "$out" 'Sam\ Q' "bash: steady partner remove Sa<TAB>"
out=$(bash_offers "$db" "$STEADY_BIN" goal log "")
expect_line "$goal_id" "bash: steady goal log <TAB>"
out=$(bash_offers "$db" "$STEADY_BIN" trigger x --category "")
expect_line work-stress "bash: steady trigger --category <TAB>"
expect_line lonely "bash: steady trigger --category <TAB> (a default)"
out=$(bash_offers "$db" "$STEADY_BIN" craving --strategy "col")
expect_eq "$out" 'cold\ water' "bash: steady craving --strategy col<TAB>"
out=$(bash_offers "$db" "$STEADY_BIN" meeting x --type "R")
expect_eq "$out" Refuge "bash: steady meeting --type R<TAB>"
out=$(bash_offers "$db" "$STEADY_BIN" edit 9 --clock "n")
expect_eq "$out" nicotine "bash: steady edit 9 --clock n<TAB>"
# --db on the command line names the journal to ask.
out=$(bash_offers "$tmp/nowhere/other.db" "$STEADY_BIN" --db "$db" clock reset "")
expect_line nicotine "bash: steady --db J clock reset <TAB>"
# A missing journal: no words, and still no file.
out=$(bash_offers "$missing" "$STEADY_BIN" clock reset "")
expect_eq "$out" "" "bash: steady clock reset <TAB> on a missing journal"
expect_eq "$(journal_hash "$missing")" absent "bash completion on a missing journal"
out=$(bash_offers "$missing" "$STEADY_BIN" trigger x --category "lo")
expect_eq "$out" lonely "bash: --category lo<TAB> on a missing journal (the defaults)"
