# bash completion for steady(1)                              -*- shell-script -*-
#
# Installed as bash-completion/completions/steady. The command and flag lists
# below mirror `steady --help` and `steady COMMAND --help`;
# tests/e2e/docs_meta.sh checks that they stay in step.

_steady_commands='checkin trigger craving urge meeting list show edit delete undo prompt'

_steady_global_flags='-h --help --db --config --json --color -q --quiet --version'

# Flags of each command (global flags are accepted after the command too).
_steady_command_flags() {
    case $1 in
    checkin)
        echo '--mood --craving --sober --energy --sleep --gratitude --note --tag' \
            '--date --amend -i --interactive' ;;
    trigger)
        echo '--category --intensity --coped --note --tag --at' ;;
    craving | urge)
        echo '--intensity --duration --trigger --strategy --outcome --note --tag --at' ;;
    meeting)
        echo '--duration --type --note --tag --at' ;;
    list)
        echo '--kind --period --tag --search --limit' ;;
    show) ;;
    edit)
        echo '--mood --craving --sober --energy --sleep --gratitude --what --category' \
            '--intensity --coped --duration --trigger --strategy --outcome --name --type' \
            '--goal --count --clock --note --tag --at --date' ;;
    delete)
        echo '-y --yes' ;;
    undo | prompt) ;;
    esac
}

# Flags that take a value (a word of their own, or after '=').
_steady_takes_value() {
    case $1 in
    --db | --config | --color | --mood | --craving | --sober | --energy | --sleep | \
        --gratitude | --note | --tag | --date | --at | --category | --intensity | --coped | \
        --duration | --trigger | --strategy | --outcome | --name | --type | --goal | \
        --count | --clock | --kind | --period | --search | --limit)
        return 0 ;;
    esac
    return 1
}

# The words to offer for a kind of value, one per line. Static for now; words
# from the user's journal (categories, strategies, types, tags, clocks, goals)
# will come from `steady _complete WHAT` here, merged with these defaults.
_steady_words() {
    case $1 in
    kinds) printf '%s\n' checkin trigger craving meeting goal_log lapse ;;
    colors) printf '%s\n' auto always never ;;
    yesno) printf '%s\n' yes no ;;
    outcomes) printf '%s\n' resisted used ;;
    periods)
        printf '%s\n' today yesterday 'this week' 'last week' 'this month' 'last month' \
            'this year' 'last year' 'last 7 days' 'last 30 days' 'last 90 days' all ;;
    dates) printf '%s\n' now today yesterday ;;
    categories)
        printf '%s\n' people places things emotions stress boredom celebration \
            hungry angry lonely tired ;;
    types) printf '%s\n' AA NA SMART therapy mentor ;;
    scale0) printf '%s\n' 0 1 2 3 4 5 6 7 8 9 10 ;;
    scale1) printf '%s\n' 1 2 3 4 5 6 7 8 9 10 ;;
    durations) printf '%s\n' 10m 15m 20m 30m 45m 1h 1h30m 2h ;;
    esac
}

# Sets COMPREPLY to the lines of stdin that start with $1, quoted for the
# command line unless the user already opened a quote.
_steady_reply() {
    local cur=$1 word quote=''
    case $cur in
    \'* | \"*) quote=${cur:0:1} cur=${cur:1} ;;
    esac
    COMPREPLY=()
    while IFS= read -r word; do
        [[ $word == "$cur"* ]] || continue
        if [[ -n $quote ]]; then
            COMPREPLY+=("$word")
        else
            COMPREPLY+=("$(printf '%q' "$word")")
        fi
    done
}

# Completes the value of flag $1 given so far as $2.
_steady_value() {
    local flag=$1 cur=$2 what=''
    case $flag in
    --db | --config)
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        compopt -o filenames 2>/dev/null
        return ;;
    --color) what=colors ;;
    --kind) what=kinds ;;
    --sober) what=yesno ;;
    --outcome) what=outcomes ;;
    --period) what=periods ;;
    --date | --at) what=dates ;;
    --category) what=categories ;;
    --type) what=types ;;
    --craving) what=scale0 ;;
    --mood | --energy | --intensity) what=scale1 ;;
    --duration) what=durations ;;
    *) COMPREPLY=(); return ;;
    esac
    _steady_reply "$cur" < <(_steady_words "$what")
}

_steady() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev='' command='' i word
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}

    # --flag=value: bash splits at '=', so the flag is one or two words back.
    if [[ $cur == = ]]; then
        _steady_value "$prev" ''
        return
    fi
    if [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        _steady_value "${COMP_WORDS[COMP_CWORD - 2]}" "$cur"
        return
    fi
    if _steady_takes_value "$prev"; then
        _steady_value "$prev" "$cur"
        return
    fi

    # The command is the first word that is neither a flag nor a flag's value.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == = ]]; then
            ((i++))
        elif [[ $word == -* ]]; then
            _steady_takes_value "$word" && [[ ${COMP_WORDS[i + 1]} != = ]] && ((i++))
        else
            command=$word
            break
        fi
    done

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W "$_steady_global_flags" -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "$_steady_commands" -- "$cur")
        fi
        return
    fi
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W \
            "$(_steady_command_flags "$command") $_steady_global_flags" -- "$cur")
    fi
}

complete -F _steady steady
