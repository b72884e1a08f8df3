#!/usr/bin/env bash
# The docs shipped with steady keep up with the binary: every command and flag
# that `steady --help` and `steady COMMAND --help` show is documented in
# man/steady.1 and completed by all three shell completions, and the man pages
# and completion scripts are well-formed.
#
# What is checked, each a line "FAIL: ..." when it does not hold:
#   - every global flag of `steady --help` has a .TP entry in steady.1's
#     GLOBAL OPTIONS, is offered by bash and fish after `steady -`, and is
#     in _steady;
#   - every command (and alias) of the Subcommands section of `steady --help`
#     has a ".SS command" in steady.1 (an alias is named in its command's
#     section), is offered by bash and fish after `steady `, and is in
#     _steady's command list;
#   - `steady COMMAND --help` is that command's help (not the root's), and each
#     of its flags has a .TP entry in the command's .SS section of steady.1
#     (up to the next .SS or .SH), is offered by bash and fish after
#     `steady COMMAND -` (for an alias too), and is in the command's branch of
#     the case in _steady;
#   - a command with subcommands (clock, goal): each subcommand of its help is
#     named in the command's .SS section ("steady clock add"), offered by bash
#     and fish after `steady COMMAND `, and in _steady_COMMAND_commands; each
#     flag of `steady COMMAND SUB --help` has a .TP entry in the command's
#     section, is offered by bash and fish after `steady COMMAND SUB -`, and
#     is in the "(SUB)" branch of _steady_COMMAND;
#   - with a journal holding a clock, a goal and a partner (STEADY_DB, or --db
#     on the command line), bash and fish offer the clock's name after
#     `steady clock reset `, the goal's id after `steady goal done ` and the
#     partner's name after `steady partner remove `/`edit `, through
#     `steady _complete`; _steady asks `_complete` for clocks, goals and partners;
#   - `mandoc -Tlint -W warning` says nothing about any of the three pages;
#   - `bash -n`, `zsh -n` and `fish --no-execute` accept the completions.
# Bash and fish are asked what they complete; zsh, whose completion needs a
# terminal, is read as text.
# A tool that is not installed (mandoc, zsh, fish) is skipped with a message.

set -u

: "${STEADY_BIN:?set STEADY_BIN to the built steady binary}"
: "${STEADY_SOURCE_DIR:?set STEADY_SOURCE_DIR to the repository root}"

src=$STEADY_SOURCE_DIR
man1=$src/man/steady.1
pages=("$man1" "$src/man/steady-config.5" "$src/man/steady-journal.5")
bash_comp=$src/completions/steady.bash
zsh_comp=$src/completions/_steady
fish_comp=$src/completions/steady.fish

tmp=$(mktemp -d "${TMPDIR:-/tmp}/steady-docs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
exec </dev/null

checks=0
failures=0
fail() {
    failures=$((failures + 1))
    echo "FAIL: $*"
}
check() {
    checks=$((checks + 1))
}
have() {
    command -v "$1" >/dev/null 2>&1
}

# steady's own help, in a world without a config or journal of the user's.
steady_help() {
    env -u STEADY_CONFIG -u STEADY_DB -u XDG_CONFIG_HOME -u XDG_DATA_HOME \
        HOME="$tmp" COLUMNS=200 LC_ALL=C.UTF-8 "$STEADY_BIN" "$@" --help
}

# The flags (-x and --long) at the start of the lines of the Options section of
# help text on stdin, one per line.
help_flags() {
    awk '/^[A-Za-z].*:$/ { section = $0; next }
         section == "Options:" && /^  -/ {
             n = split($1, names, ",")
             for (i = 1; i <= n; i++) if (names[i] ~ /^-/) print names[i]
         }'
}

# The commands of the Subcommands section of help text on stdin, one line per
# command: its name, then its aliases, separated by spaces.
help_commands() {
    awk '/^[A-Za-z].*:$/ { section = $0; next }
         section == "Subcommands:" && /^  [a-z]/ {
             sub(/^  /, ""); sub(/   .*$/, ""); gsub(/, */, " "); print
         }'
}

# The man page source with roff's \- as plain '-'.
man_text() {
    sed 's/\\-/-/g' "$man1"
}

# The lines of steady.1 from ".SS NAME" (quoted or not) up to the next .SS or .SH.
man_section() {
    man_text | awk -v name="$1" '
        /^\.S[SH]/ { inside = 0 }
        $0 == ".SS " name || $0 == ".SS \"" name "\"" { inside = 1; found = 1 }
        inside { print }
        END { exit found ? 0 : 1 }'
}

# The tag lines (the line after each .TP) of roff text on stdin: where a flag
# gets its own entry, not just a mention in a synopsis.
tp_tags() {
    awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }'
}

# The lines of steady.1 in the .SH section NAME.
man_sh_section() {
    man_text | awk -v name="$1" '
        /^\.SH/ { inside = ($0 == ".SH " name || $0 == ".SH \"" name "\"") }
        inside { print }'
}

# True if text on stdin has FLAG as a whole word (--tag is not --tags).
has_flag() {
    grep -Eq -- "(^|[^A-Za-z0-9_-])$1([^A-Za-z0-9_-]|$)"
}

# What bash completion offers for the words given (the last is the one being
# completed), one per line.
bash_offers() {
    bash --norc --noprofile -c '
        source "$1" || exit 1
        shift
        fn=$(complete -p steady 2>/dev/null | sed -E "s/.*-F ([^ ]+).*/\1/")
        [ -n "$fn" ] || exit 1
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMPREPLY=()
        "$fn" steady "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_comp" "$@" 2>/dev/null
}

# What fish completion offers for a command line, one per line.
fish_offers() {
    # shellcheck disable=SC2016 # $argv is fish's, expanded by fish
    fish --no-config -c 'source $argv[1]; or exit 1; complete -C$argv[2]' \
        "$fish_comp" "$1" 2>/dev/null | cut -f1
}

# The lines of _steady's case branch for COMMAND ("craving|urge)" … ";;").
zsh_branch() {
    awk -v name="$1" '
        /^ *[a-z|]+\)$/ {
            label = $1; sub(/\)$/, "", label)
            n = split(label, names, "|"); inside = 0
            for (i = 1; i <= n; i++) if (names[i] == name) inside = 1
        }
        inside { print }
        inside && /;;/ { inside = 0 }' "$zsh_comp"
}

# The body of zsh function NAME in _steady, from "NAME() {" to the closing "}".
zsh_function() {
    awk -v name="$1" '
        $0 == name "() {" { inside = 1 }
        inside { print }
        inside && /^}/ { inside = 0 }' "$zsh_comp"
}

# The lines of the branch "(SUB)" (or "(a|SUB)") of zsh code on stdin, up to ";;".
zsh_sub_branch() {
    awk -v name="$1" '
        /^ *\([a-z|]+\)$/ {
            label = $1; gsub(/[()]/, "", label)
            n = split(label, names, "|"); inside = 0
            for (i = 1; i <= n; i++) if (names[i] == name) inside = 1
        }
        inside { print }
        inside && /;;/ { inside = 0 }'
}

# Well-formed pages and scripts.

if have mandoc; then
    for page in "${pages[@]}"; do
        check
        if [ ! -f "$page" ]; then
            fail "$page is missing"
            continue
        fi
        lint=$(mandoc -Tlint -W warning "$page" 2>&1)
        [ -z "$lint" ] || fail "mandoc -Tlint -W warning $page:"$'\n'"$lint"
    done
else
    echo "skip: mandoc is not installed; man pages not linted"
fi

for file in "$bash_comp" "$zsh_comp" "$fish_comp"; do
    check
    [ -f "$file" ] || fail "$file is missing"
done
check
use_bash=1
if ! bash -n "$bash_comp" 2>"$tmp/err"; then
    fail "bash -n $bash_comp: $(cat "$tmp/err")"
    use_bash=0
fi
use_fish=0
if have zsh; then
    check
    zsh -n "$zsh_comp" 2>"$tmp/err" || fail "zsh -n $zsh_comp: $(cat "$tmp/err")"
else
    echo "skip: zsh is not installed; _steady not parsed"
fi
if have fish; then
    check
    if fish --no-execute "$fish_comp" 2>"$tmp/err"; then
        use_fish=1
    else
        fail "fish --no-execute $fish_comp: $(cat "$tmp/err")"
    fi
else
    echo "skip: fish is not installed; steady.fish not parsed or run"
fi

# Global flags.

root_help=$(steady_help) || fail "'steady --help' failed"
global_flags=$(help_flags <<<"$root_help")
check
[ -n "$global_flags" ] || fail "no flags found in the Options section of 'steady --help'"
global_man=$(man_sh_section "GLOBAL OPTIONS" | tp_tags)
bash_global=$(bash_offers steady -)
fish_global=
[ "$use_fish" = 1 ] && fish_global=$(fish_offers "steady -")
for flag in $global_flags; do
    check
    has_flag "$flag" <<<"$global_man" || fail "steady.1: global flag $flag has no .TP entry in GLOBAL OPTIONS"
    if [ "$use_bash" = 1 ]; then
        grep -qx -- "$flag" <<<"$bash_global" || fail "steady.bash: 'steady -<TAB>' does not offer $flag"
    fi
    has_flag "$flag" <"$zsh_comp" || fail "_steady: global flag $flag is missing"
    if [ "$use_fish" = 1 ]; then
        grep -qx -- "$flag" <<<"$fish_global" || fail "steady.fish: 'steady -<TAB>' does not offer $flag"
    fi
done

# Commands and their flags.

commands=$(help_commands <<<"$root_help")
check
[ -n "$commands" ] || fail "no commands found in the Subcommands section of 'steady --help'"
bash_commands=$(bash_offers steady '')
fish_commands=
[ "$use_fish" = 1 ] && fish_commands=$(fish_offers "steady ")

while read -r command aliases; do
    [ -n "$command" ] || continue
    check
    if ! section=$(man_section "$command"); then
        fail "steady.1: no '.SS $command' section"
        section=
    fi
    for alias in $aliases; do
        check
        grep -qw -- "$alias" <<<"$section" ||
            fail "steady.1: the '$command' section does not name its alias '$alias'"
    done

    for name in $command $aliases; do
        check
        if [ "$use_bash" = 1 ]; then
            grep -qx -- "$name" <<<"$bash_commands" || fail "steady.bash: 'steady <TAB>' does not offer $name"
        fi
        grep -Eq -- "^ *'$name:" "$zsh_comp" || fail "_steady: command $name is not in the command list"
        if [ "$use_fish" = 1 ]; then
            grep -qx -- "$name" <<<"$fish_commands" || fail "steady.fish: 'steady <TAB>' does not offer $name"
        fi
    done

    help=$(steady_help "$command") || fail "'steady $command --help' failed"
    check
    if ! grep -Eq "^Usage: .*steady $command( |$)" <<<"$help"; then
        fail "'steady $command --help' does not show the help of '$command'"
        continue
    fi
    flags=$(help_flags <<<"$help" | grep -vxE -- '-h|--help')
    section_tags=$(tp_tags <<<"$section")
    for flag in $flags; do
        check
        has_flag "$flag" <<<"$section_tags" ||
            fail "steady.1: $flag of '$command' has no .TP entry in its .SS section"
    done
    for name in $command $aliases; do
        bash_flags=$(bash_offers steady "$name" -)
        zsh_flags=$(zsh_branch "$name")
        check
        [ -n "$zsh_flags" ] || fail "_steady: no case branch for '$name'"
        fish_flags=
        [ "$use_fish" = 1 ] && fish_flags=$(fish_offers "steady $name -")
        for flag in $flags; do
            check
            if [ "$use_bash" = 1 ]; then
                grep -qx -- "$flag" <<<"$bash_flags" ||
                    fail "steady.bash: 'steady $name -<TAB>' does not offer $flag"
            fi
            has_flag "$flag" <<<"$zsh_flags" ||
                fail "_steady: $flag is not in the branch for '$name'"
            if [ "$use_fish" = 1 ]; then
                grep -qx -- "$flag" <<<"$fish_flags" ||
                    fail "steady.fish: 'steady $name -<TAB>' does not offer $flag"
            fi
        done
    done

    # Subcommands (clock add, goal log, ...) and their flags.
    subs=$(help_commands <<<"$help" | awk '{ print $1 }')
    [ -n "$subs" ] || continue
    bash_subs=$(bash_offers steady "$command" '')
    fish_subs=
    [ "$use_fish" = 1 ] && fish_subs=$(fish_offers "steady $command ")
    zsh_subs=$(zsh_function "_steady_${command}_commands")
    zsh_fn=$(zsh_function "_steady_$command")
    check
    [ -n "$zsh_subs" ] || fail "_steady: no function _steady_${command}_commands"
    [ -n "$zsh_fn" ] || fail "_steady: no function _steady_$command"
    for sub in $subs; do
        check
        grep -Fq -- "steady $command $sub" <<<"$section" ||
            fail "steady.1: the '$command' section does not name 'steady $command $sub'"
        if [ "$use_bash" = 1 ]; then
            grep -qx -- "$sub" <<<"$bash_subs" || fail "steady.bash: 'steady $command <TAB>' does not offer $sub"
        fi
        grep -Eq -- "^ *'$sub:" <<<"$zsh_subs" || fail "_steady: $sub is not in _steady_${command}_commands"
        if [ "$use_fish" = 1 ]; then
            grep -qx -- "$sub" <<<"$fish_subs" || fail "steady.fish: 'steady $command <TAB>' does not offer $sub"
        fi

        sub_help=$(steady_help "$command" "$sub") || fail "'steady $command $sub --help' failed"
        check
        if ! grep -Eq "^Usage: .*steady $command $sub( |$)" <<<"$sub_help"; then
            fail "'steady $command $sub --help' does not show the help of '$command $sub'"
            continue
        fi
        sub_flags=$(help_flags <<<"$sub_help" | grep -vxE -- '-h|--help')
        bash_flags=$(bash_offers steady "$command" "$sub" -)
        fish_flags=
        [ "$use_fish" = 1 ] && fish_flags=$(fish_offers "steady $command $sub -")
        zsh_flags=$(zsh_sub_branch "$sub" <<<"$zsh_fn")
        check
        [ -n "$zsh_flags" ] || fail "_steady: no branch ($sub) in _steady_$command"
        for flag in $sub_flags; do
            check
            has_flag "$flag" <<<"$section_tags" ||
                fail "steady.1: $flag of '$command $sub' has no .TP entry in the '$command' section"
            if [ "$use_bash" = 1 ]; then
                grep -qx -- "$flag" <<<"$bash_flags" ||
                    fail "steady.bash: 'steady $command $sub -<TAB>' does not offer $flag"
            fi
            has_flag "$flag" <<<"$zsh_flags" ||
                fail "_steady: $flag is not in the ($sub) branch of _steady_$command"
            if [ "$use_fish" = 1 ]; then
                grep -qx -- "$flag" <<<"$fish_flags" ||
                    fail "steady.fish: 'steady $command $sub -<TAB>' does not offer $flag"
            fi
        done
    done
done <<<"$commands"

# Words from the user's own journal, through `steady _complete`: a clock's
# name after `clock reset`, a goal's id after `goal done`, with the journal
# from STEADY_DB or from --db on the command line. `steady` is the binary
# under test, found on PATH as the completions expect.
mkdir -p "$tmp/bin" && ln -s "$STEADY_BIN" "$tmp/bin/steady"
journal=$tmp/words.db
in_journal() {
    env -u STEADY_CONFIG -u XDG_CONFIG_HOME -u XDG_DATA_HOME HOME="$tmp" \
        STEADY_DB="$journal" PATH="$tmp/bin:$PATH" LC_ALL=C.UTF-8 "$@"
}
check
if in_journal steady -q clock add docsclock >/dev/null 2>&1 &&
    in_journal steady -q partner add docspartner --email d@example.org >/dev/null 2>&1 &&
    goal_id=$(in_journal steady --json goal add "docs goal" 2>/dev/null |
        grep -Eo '"id": *[0-9]+' | head -n 1 | grep -Eo '[0-9]+$') && [ -n "$goal_id" ]; then
    export -f bash_offers fish_offers
    export bash_comp fish_comp
    if [ "$use_bash" = 1 ]; then
        check
        in_journal bash -c 'bash_offers steady clock reset ""' | grep -qx docsclock ||
            fail "steady.bash: 'steady clock reset <TAB>' does not offer the journal's clock (steady _complete clocks)"
        check
        in_journal bash -c 'bash_offers steady goal done ""' | grep -qx "$goal_id" ||
            fail "steady.bash: 'steady goal done <TAB>' does not offer the journal's goal id (steady _complete goals)"
        check
        in_journal bash -c 'bash_offers steady partner remove ""' | grep -qx docspartner ||
            fail "steady.bash: 'steady partner remove <TAB>' does not offer the journal's partner (steady _complete partners)"
        check
        in_journal env -u STEADY_DB bash -c 'bash_offers steady --db "$1" clock reset ""' _ "$journal" |
            grep -qx docsclock ||
            fail "steady.bash: 'steady --db J clock reset <TAB>' does not use the journal J"
    fi
    if [ "$use_fish" = 1 ]; then
        check
        in_journal bash -c 'fish_offers "steady clock reset "' | grep -qx docsclock ||
            fail "steady.fish: 'steady clock reset <TAB>' does not offer the journal's clock (steady _complete clocks)"
        check
        in_journal bash -c 'fish_offers "steady partner edit "' | grep -qx docspartner ||
            fail "steady.fish: 'steady partner edit <TAB>' does not offer the journal's partner (steady _complete partners)"
        check
        in_journal bash -c 'fish_offers "steady goal log "' | grep -qx "$goal_id" ||
            fail "steady.fish: 'steady goal log <TAB>' does not offer the journal's goal id (steady _complete goals)"
    fi
else
    fail "could not make a journal with a clock and a goal for the completion checks"
fi
for what in clocks goals partners; do
    check
    grep -Eq -- "_complete" "$zsh_comp" && grep -Eq -- "_steady_words $what " "$zsh_comp" ||
        fail "_steady: does not ask 'steady _complete $what'"
done

echo "$(basename "$0"): $checks checks, $failures failed"
[ "$failures" -eq 0 ]
