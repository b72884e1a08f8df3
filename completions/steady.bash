# bash completion for steady(1)                              -*- shell-script -*-
#
# Installed as bash-completion/completions/steady. The command and flag lists
# below mirror `steady --help` and `steady COMMAND --help`;
# tests/e2e/docs_meta.sh checks that they stay in step.

_steady_commands='checkin trigger craving urge meeting clock goal list show edit delete undo report summary calendar partner share peers plan sos remind prompt export import backup doctor'

# The subcommands of clock, goal, partner, peers and plan; the plan's sections.
_steady_clock_commands='add list reset'
_steady_goal_commands='add log list done archive'
_steady_partner_commands='add list edit remove'
_steady_peers_commands='import'
_steady_plan_commands='add remove edit'
_steady_plan_sections='reasons warning-signs triggers coping people after-a-lapse'

_steady_global_flags='-h --help --db --config --json --color -q --quiet --version'

# Flags of each command, or of subcommand $2 of clock and goal (global flags
# are accepted after the command too).
_steady_command_flags() {
    case $1 in
    clock)
        case $2 in
        add) echo '--since --cost-per-day' ;;
        reset) echo '--at --note' ;;
        list) ;;
        esac ;;
    goal)
        case $2 in
        add) echo '--target --per --total --by --tracks' ;;
        log) echo '--count --at --note --tag' ;;
        list) echo '-a --all' ;;
        done | archive) ;;
        esac ;;
    partner)
        case $2 in
        add) echo '--email --share --notes --every --alert-after --pgp-key' ;;
        edit) echo '--name --email --share --notes --no-notes --every --alert-after --pgp-key' \
            '--no-pgp-key' ;;
        remove) echo '-y --yes' ;;
        list) ;;
        esac ;;
    peers)
        case $2 in
        import) echo '--skip-bad' ;;
        esac ;;
    plan | sos) ;;
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
    report | summary)
        echo '--period' ;;
    calendar)
        echo '--period --by' ;;
    share)
        echo '--period --format --output --message --notes --send --history' ;;
    export)
        echo '--format --kind --period --output --encrypt-to' ;;
    import)
        echo '--format --dry-run --update' ;;
    backup)
        echo '--force --encrypt-to' ;;
    remind)
        echo '--notify' ;;
    undo | prompt | doctor) ;;
    esac
}

# Flags that take a value (a word of their own, or after '=').
_steady_takes_value() {
    case $1 in
    --db | --config | --color | --mood | --craving | --sober | --energy | --sleep | \
        --gratitude | --note | --tag | --date | --at | --category | --intensity | --coped | \
        --duration | --trigger | --strategy | --outcome | --name | --type | --goal | \
        --count | --clock | --kind | --period | --search | --limit | --since | \
        --cost-per-day | --target | --per | --total | --by | --tracks | --email | --share | \
        --every | --alert-after | --format | --output | --message | --pgp-key | --encrypt-to)
        return 0 ;;
    esac
    return 1
}

# The journal given with --db on the command line so far, if any.
_steady_db() {
    local i word db=''
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == --db ]]; then
            if [[ ${COMP_WORDS[i + 1]} == = ]]; then
                db=${COMP_WORDS[i + 2]} i=$((i + 2))
            else
                db=${COMP_WORDS[i + 1]} i=$((i + 1))
            fi
        elif [[ $word == --db=?* ]]; then
            db=${word#--db=}
        fi
    done
    [[ $db == \~/* ]] && db=$HOME/${db#\~/}
    printf '%s' "$db"
}

# The words of kind $1 from the user's own journal, one per line, from the
# hidden `steady _complete WHAT` (which prints nothing on any problem). Runs
# the steady being completed when it was named by a path, else steady from
# PATH; quietly nothing when there is none.
_steady_journal_words() {
    local steady=${COMP_WORDS[0]} db
    [[ $steady == */* && -x $steady ]] || steady=steady
    command -v "$steady" >/dev/null 2>&1 || return 0
    db=$(_steady_db)
    if [[ -n $db ]]; then
        "$steady" --db "$db" _complete "$1" </dev/null 2>/dev/null
    else
        "$steady" _complete "$1" </dev/null 2>/dev/null
    fi
}

# The words to offer for a kind of value, one per line: fixed ones, and for
# categories, strategies, types, tags, kinds, clocks, goals and partners those of the
# user's journal (through `steady _complete WHAT`) after the defaults.
_steady_words() {
    case $1 in
    categories | types | kinds)
        _steady_static_words "$1"
        _steady_journal_words "$1" ;;
    strategies | tags | clocks | goals | partners)
        _steady_journal_words "$1" ;;
    *) _steady_static_words "$1" ;;
    esac | awk '!seen[$0]++'
}

# The fixed words for a kind of value, one per line.
_steady_static_words() {
    case $1 in
    kinds) printf '%s\n' checkin trigger craving meeting goal_log lapse ;;
    pers) printf '%s\n' day week month ;;
    tracks) printf '%s\n' manual checkins meetings sober-days ;;
    sections) printf '%s\n' checkins mood cravings triggers meetings goals clocks all ;;
    cadences) printf '%s\n' sunday week month never ;;
    formats) printf '%s\n' text markdown json html email ;;
    export_formats) printf '%s\n' json csv markdown ics ;;
    import_formats) printf '%s\n' json csv ;;
    colors) printf '%s\n' auto always never ;;
    yesno) printf '%s\n' yes no ;;
    outcomes) printf '%s\n' resisted used ;;
    measures) printf '%s\n' mood craving sober ;;
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

# The command word of the line being completed (the first word that is
# neither a flag nor a flag's value), or nothing.
_steady_command_word() {
    local i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == = ]]; then
            ((i++))
        elif [[ $word == -* ]]; then
            _steady_takes_value "$word" && [[ ${COMP_WORDS[i + 1]} != = ]] && ((i++))
        else
            printf '%s' "$word"
            return
        fi
    done
}

# Completes the value of flag $1 given so far as $2.
_steady_value() {
    local flag=$1 cur=$2 what=''
    case $flag in
    --db | --config | --output | --pgp-key)
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        compopt -o filenames 2>/dev/null
        return ;;
    --color) what=colors ;;
    --kind) what=kinds ;;
    --sober) what=yesno ;;
    --outcome) what=outcomes ;;
    --period) what=periods ;;
    --date | --at | --since) what=dates ;;
    --by)  # calendar --by colours by a measure; goal add --by is a day
        if [[ $(_steady_command_word) == calendar ]]; then what=measures; else what=dates; fi ;;
    --per) what=pers ;;
    --tracks) what=tracks ;;
    --share) what=sections ;;
    --format)  # each command has its own formats
        case $(_steady_command_word) in
        export) what=export_formats ;;
        import) what=import_formats ;;
        *) what=formats ;;
        esac ;;
    --every) what=cadences ;;
    --strategy) what=strategies ;;
    --tag) what=tags ;;
    --goal) what=goals ;;
    --clock) what=clocks ;;
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

    # The command is the first word that is neither a flag nor a flag's value;
    # the words after it that are neither are its arguments.
    local -a args=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == = ]]; then
            ((i++))
        elif [[ $word == -* ]]; then
            _steady_takes_value "$word" && [[ ${COMP_WORDS[i + 1]} != = ]] && ((i++))
        elif [[ -z $command ]]; then
            command=$word
        else
            args+=("$word")
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
    local sub=${args[0]-}
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W \
            "$(_steady_command_flags "$command" "$sub") $_steady_global_flags" -- "$cur")
        return
    fi
    case $command:${#args[@]}:$sub in
    clock:0:*)
        mapfile -t COMPREPLY < <(compgen -W "$_steady_clock_commands" -- "$cur") ;;
    goal:0:*)
        mapfile -t COMPREPLY < <(compgen -W "$_steady_goal_commands" -- "$cur") ;;
    partner:0:*)
        mapfile -t COMPREPLY < <(compgen -W "$_steady_partner_commands" -- "$cur") ;;
    plan:0:*)
        mapfile -t COMPREPLY < <(compgen -W "$_steady_plan_commands" -- "$cur") ;;
    plan:1:add | plan:1:remove)
        mapfile -t COMPREPLY < <(compgen -W "$_steady_plan_sections" -- "$cur") ;;
    partner:1:edit | partner:1:remove)
        _steady_reply "$cur" < <(_steady_words partners) ;;
    clock:1:reset)
        _steady_reply "$cur" < <(_steady_words clocks) ;;
    goal:1:log | goal:1:done | goal:1:archive)
        _steady_reply "$cur" < <(_steady_words goals) ;;
    share:0:*)
        _steady_reply "$cur" < <(_steady_words partners) ;;
    share:1:* | report:0:* | summary:0:* | calendar:0:*)
        _steady_reply "$cur" < <(_steady_words periods) ;;
    peers:0:*)
        mapfile -t COMPREPLY < <(compgen -W "$_steady_peers_commands" -- "$cur") ;;
    peers:*:import)
        mapfile -t COMPREPLY < <(compgen -f -X '!*.@(json|eml|JSON|EML)' -- "$cur"; compgen -d -- "$cur")
        compopt -o filenames 2>/dev/null ;;
    import:0:*)
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        compopt -o filenames 2>/dev/null ;;
    backup:0:*)
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        compopt -o filenames 2>/dev/null ;;
    esac
}

complete -F _steady steady
