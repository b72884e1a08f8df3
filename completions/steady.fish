# fish completion for steady(1)
#
# Installed in fish/vendor_completions.d. The command and flag lists below
# mirror `steady --help` and `steady COMMAND --help`; tests/e2e/docs_meta.sh
# checks that they stay in step.

# The command being completed: the first word after `steady` that is neither
# a flag nor the value of a global flag (--db PATH, --config PATH, --color WHEN).
function __steady_command
    set -l words (commandline -opc)
    set -e words[1]
    set -l skip 0
    for word in $words
        if test $skip = 1
            set skip 0
            continue
        end
        switch $word
            case --db --config --color
                set skip 1
            case '-*'
            case '*'
                echo $word
                return 0
        end
    end
    return 1
end

function __steady_needs_command
    not __steady_command >/dev/null
end

# The words after `steady` that are neither flags nor flags' values: the
# command, then its arguments (for clock and goal, the subcommand first).
function __steady_args
    set -l words (commandline -opc)
    set -e words[1]
    set -l skip 0
    for word in $words
        if test $skip = 1
            set skip 0
            continue
        end
        switch $word
            case --db --config --color --since --cost-per-day --at --note --tag \
                --target --per --total --by --tracks --count --email --share --every \
                --alert-after --name --format --output --message --period --pgp-key \
                --encrypt-to
                set skip 1
            case '-*'
            case '*'
                echo $word
        end
    end
end

# True if the command is $argv[1] and no subcommand is given yet.
function __steady_needs_sub
    set -l args (__steady_args)
    test (count $args) = 1; and test "$args[1]" = $argv[1]
end

# True if the command is $argv[1] and its subcommand one of $argv[2..].
function __steady_sub_is
    set -l args (__steady_args)
    test (count $args) -ge 2; and test "$args[1]" = $argv[1]
    and contains -- $args[2] $argv[2..-1]
end

# True if the command is $argv[1], its subcommand one of $argv[2..], and the
# subcommand's first argument is not given yet.
function __steady_needs_sub_arg
    set -l args (__steady_args)
    test (count $args) = 2; and __steady_sub_is $argv
end

# The journal given with --db on the command line so far, if any.
function __steady_db
    set -l words (commandline -opc)
    set -l db
    set -l prev
    for word in $words
        if test "$prev" = --db
            set db $word
        end
        switch $word
            case '--db=?*'
                set db (string replace -- --db= '' $word)
        end
        set prev $word
    end
    if set -q db[1]
        echo $db
    end
end

# The words of kind $argv[1] from the user's own journal, one per line, from
# the hidden `steady _complete WHAT` (which prints nothing on any problem).
# Runs the steady being completed when it was named by a path, else steady
# from PATH; quietly nothing when there is none.
function __steady_journal_words
    set -l steady (commandline -opc)[1]
    if not string match -q -- '*/*' $steady; or not test -x $steady
        set steady steady
    end
    command -sq $steady; or return 0
    set -l db (__steady_db)
    if set -q db[1]
        command $steady --db $db _complete $argv[1] </dev/null 2>/dev/null
    else
        command $steady _complete $argv[1] </dev/null 2>/dev/null
    end
end

# True if the command being completed is one of the arguments.
function __steady_using
    set -l command (__steady_command)
    or return 1
    contains -- $command $argv
end

# The words to offer for a kind of value, one per line: fixed ones, and for
# categories, strategies, types, tags, kinds, clocks, goals and partners those
# of the user's journal (through `steady _complete WHAT`) after the defaults.
function __steady_words
    switch $argv[1]
        case categories types kinds
            begin
                __steady_static_words $argv[1]
                __steady_journal_words $argv[1]
            end | awk '!seen[$0]++'
        case strategies tags clocks goals partners
            __steady_journal_words $argv[1]
        case '*'
            __steady_static_words $argv[1]
    end
end

# The fixed words for a kind of value, one per line.
function __steady_static_words
    switch $argv[1]
        case kinds
            printf '%s\n' checkin trigger craving meeting goal_log lapse
        case pers
            printf '%s\n' day week month
        case tracks
            printf '%s\n' manual checkins meetings sober-days
        case sections
            printf '%s\n' checkins mood cravings triggers meetings goals clocks all
        case cadences
            printf '%s\n' sunday week month never
        case formats
            printf '%s\n' text markdown json html email
        case colors
            printf '%s\n' auto always never
        case yesno
            printf '%s\n' yes no
        case outcomes
            printf '%s\n' resisted used
        case measures
            printf '%s\n' mood craving sober
        case periods
            printf '%s\n' today yesterday 'this week' 'last week' 'this month' 'last month' \
                'this year' 'last year' 'last 7 days' 'last 30 days' 'last 90 days' all
        case dates
            printf '%s\n' now today yesterday
        case categories
            printf '%s\n' people places things emotions stress boredom celebration \
                hungry angry lonely tired
        case types
            printf '%s\n' AA NA SMART therapy mentor
        case scale0
            seq 0 10
        case scale1
            seq 1 10
        case durations
            printf '%s\n' 10m 15m 20m 30m 45m 1h 1h30m 2h
    end
end

complete -c steady -f

# Global flags, accepted before the command and after it.
complete -c steady -s h -l help -d 'Print help and exit'
complete -c steady -l db -r -F -d 'Journal file'
complete -c steady -l config -r -F -d 'Config file'
complete -c steady -l json -d 'Machine-readable output'
complete -c steady -l color -x -a '(__steady_words colors)' -d 'When to use colour'
complete -c steady -s q -l quiet -d 'Say only what was asked for'
complete -c steady -l version -n __steady_needs_command -d 'Print the version and exit'

# Commands.
complete -c steady -n __steady_needs_command -a checkin -d "Today's check-in: mood, craving, sober, a note"
complete -c steady -n __steady_needs_command -a trigger -d 'Log a trigger: what happened, and how you coped'
complete -c steady -n __steady_needs_command -a craving -d 'Log a craving as it happens'
complete -c steady -n __steady_needs_command -a urge -d 'Log a craving as it happens (same as craving)'
complete -c steady -n __steady_needs_command -a meeting -d 'Log a meeting you attended'
complete -c steady -n __steady_needs_command -a clock -d 'Clean-time clocks: runs, milestones, money saved'
complete -c steady -n __steady_needs_command -a goal -d 'Goals and their progress and pace'
complete -c steady -n __steady_needs_command -a list -d 'List entries, newest first'
complete -c steady -n __steady_needs_command -a show -d 'Show one entry in full'
complete -c steady -n __steady_needs_command -a edit -d 'Correct an entry: give the fields to change'
complete -c steady -n __steady_needs_command -a delete -d 'Delete an entry (undo brings it back)'
complete -c steady -n __steady_needs_command -a undo -d 'Reverse the last add, edit or delete (repeatable)'
complete -c steady -n __steady_needs_command -a report -d 'The period at a glance, with insights'
complete -c steady -n __steady_needs_command -a summary -d 'The period at a glance (same as report)'
complete -c steady -n __steady_needs_command -a calendar -d 'Days coloured by mood, craving or sober: a month or a year'
complete -c steady -n __steady_needs_command -a partner -d 'Accountability partners and what each may see'
complete -c steady -n __steady_needs_command -a share -d 'A progress summary for a partner, with only what they may see'
complete -c steady -n __steady_needs_command -a remind -d 'What is due today, for cron (exit 1 when something is)'
complete -c steady -n __steady_needs_command -a peers -d "Your mentees' summaries: who is doing how, who went quiet"
complete -c steady -n __steady_needs_command -a plan -d 'Your relapse-prevention plan'
complete -c steady -n __steady_needs_command -a sos -d 'For a hard moment: what has worked, your plan, who to call'
complete -c steady -n __steady_needs_command -a prompt -d 'One short line for a shell prompt'
complete -c steady -n __steady_needs_command -a export -d 'Write the journal out: json (all of it), csv, markdown or ics'
complete -c steady -n __steady_needs_command -a import -d 'Bring records in from a json export or a csv file'
complete -c steady -n __steady_needs_command -a backup -d 'Copy the journal safely, even while steady writes to it'
complete -c steady -n __steady_needs_command -a doctor -d 'Check the journal, its permissions, the config and backups'

# checkin
set -l c '__steady_using checkin'
complete -c steady -n $c -l mood -x -a '(__steady_words scale1)' -d '1 (low) to 10 (great)'
complete -c steady -n $c -l craving -x -a '(__steady_words scale0)' -d '0 (none) to 10'
complete -c steady -n $c -l sober -x -a '(__steady_words yesno)' -d 'yes or no'
complete -c steady -n $c -l energy -x -a '(__steady_words scale1)' -d '1 to 10'
complete -c steady -n $c -l sleep -x -d 'Hours slept, e.g. 7.5'
complete -c steady -n $c -l gratitude -x -d 'Something you are grateful for'
complete -c steady -n $c -l note -x -d 'A note in your own words'
complete -c steady -n $c -l tag -x -a '(__steady_words tags)' -d 'A tag; repeatable'
complete -c steady -n $c -l date -x -a '(__steady_words dates)' -d 'The day it is for (default today)'
complete -c steady -n $c -l amend -d "Change that day's check-in (only the fields given)"
complete -c steady -n $c -s i -l interactive -d 'Ask for what is missing, reading answers from stdin'

# trigger WHAT
set -l c '__steady_using trigger'
complete -c steady -n $c -l category -x -a '(__steady_words categories)' -d 'What kind of trigger'
complete -c steady -n $c -l intensity -x -a '(__steady_words scale1)' -d '1 (mild) to 10 (overwhelming)'
complete -c steady -n $c -l coped -x -d 'How you coped'
complete -c steady -n $c -l note -x -d 'A note in your own words'
complete -c steady -n $c -l tag -x -a '(__steady_words tags)' -d 'A tag; repeatable'
complete -c steady -n $c -l at -x -a '(__steady_words dates)' -d 'When it happened (default now)'

# craving, urge
set -l c '__steady_using craving urge'
complete -c steady -n $c -l intensity -x -a '(__steady_words scale1)' -d '1 (mild) to 10 (overwhelming)'
complete -c steady -n $c -l duration -x -a '(__steady_words durations)' -d 'e.g. 20m or 1h30m'
complete -c steady -n $c -l trigger -x -d 'Id of the trigger behind it'
complete -c steady -n $c -l strategy -x -a '(__steady_words strategies)' -d 'What you did about it; repeatable'
complete -c steady -n $c -l outcome -x -a '(__steady_words outcomes)' -d 'resisted or used'
complete -c steady -n $c -l note -x -d 'A note in your own words'
complete -c steady -n $c -l tag -x -a '(__steady_words tags)' -d 'A tag; repeatable'
complete -c steady -n $c -l at -x -a '(__steady_words dates)' -d 'When it happened (default now)'

# meeting NAME
set -l c '__steady_using meeting'
complete -c steady -n $c -l duration -x -a '(__steady_words durations)' -d 'e.g. 1h'
complete -c steady -n $c -l type -x -a '(__steady_words types)' -d 'AA, NA, SMART, therapy, mentor, …'
complete -c steady -n $c -l note -x -d 'A note in your own words'
complete -c steady -n $c -l tag -x -a '(__steady_words tags)' -d 'A tag; repeatable'
complete -c steady -n $c -l at -x -a '(__steady_words dates)' -d 'When it was (default now)'

# clock [add|list|reset]
complete -c steady -n '__steady_needs_sub clock' -a add -d 'Start a clean-time clock'
complete -c steady -n '__steady_needs_sub clock' -a list -d "Every clock (the same as 'steady clock')"
complete -c steady -n '__steady_needs_sub clock' -a reset -d 'Restart a clock after a lapse; past days still count'
set -l c '__steady_sub_is clock add'
complete -c steady -n $c -l since -x -a '(__steady_words dates)' -d 'When the clean time began (default now)'
complete -c steady -n $c -l cost-per-day -x -d 'What it cost a day, e.g. 12.50'
set -l c '__steady_sub_is clock reset'
complete -c steady -n '__steady_needs_sub_arg clock reset' -a '(__steady_words clocks)' -d Clock
complete -c steady -n $c -l at -x -a '(__steady_words dates)' -d 'When it happened (default now)'
complete -c steady -n $c -l note -x -d 'What happened, in your own words'

# goal [add|log|list|done|archive]
complete -c steady -n '__steady_needs_sub goal' -a add -d 'Add a goal: once, N per day/week/month, or N by a day'
complete -c steady -n '__steady_needs_sub goal' -a log -d 'Log progress on a goal that you count yourself'
complete -c steady -n '__steady_needs_sub goal' -a list -d 'Goals with their progress and pace'
complete -c steady -n '__steady_needs_sub goal' -a done -d 'Mark a goal done'
complete -c steady -n '__steady_needs_sub goal' -a archive -d 'Put a goal away (goal list --all shows it)'
set -l c '__steady_sub_is goal add'
complete -c steady -n $c -l target -x -d 'How many each --per (with --per)'
complete -c steady -n $c -l per -x -a '(__steady_words pers)' -d 'day, week or month (with --target)'
complete -c steady -n $c -l total -x -d 'How many in all by --by (with --by)'
complete -c steady -n $c -l by -x -a '(__steady_words dates)' -d 'The day a --total is due'
complete -c steady -n $c -l tracks -x -a '(__steady_words tracks)' -d 'What counts as progress'
complete -c steady -n '__steady_needs_sub_arg goal log done archive' -a '(__steady_words goals)' -d Goal
set -l c '__steady_sub_is goal log'
complete -c steady -n $c -l count -x -d 'How many (default 1)'
complete -c steady -n $c -l at -x -a '(__steady_words dates)' -d 'When (default now)'
complete -c steady -n $c -l note -x -d 'A note in your own words'
complete -c steady -n $c -l tag -x -a '(__steady_words tags)' -d 'A tag; repeatable'
set -l c '__steady_sub_is goal list'
complete -c steady -n $c -s a -l all -d 'Include done and archived goals'

# partner [add|list|edit|remove]
complete -c steady -n '__steady_needs_sub partner' -a add -d 'Add a partner who may receive summaries'
complete -c steady -n '__steady_needs_sub partner' -a list -d "Every partner and what they see (as 'steady partner')"
complete -c steady -n '__steady_needs_sub partner' -a edit -d "Change a partner's name, email or what they see"
complete -c steady -n '__steady_needs_sub partner' -a remove -d 'Remove a partner (their share log stays)'
complete -c steady -n '__steady_needs_sub_arg partner edit remove' -a '(__steady_words partners)' -d Partner
for sub in add edit
    set -l c "__steady_sub_is partner $sub"
    complete -c steady -n $c -l email -x -d 'Their email address'
    complete -c steady -n $c -l share -x -a '(__steady_words sections)' -d 'The sections they see'
    complete -c steady -n $c -l notes -d 'Let notes and other free text go to them'
    complete -c steady -n $c -l every -x -a '(__steady_words cadences)' -d 'How often they expect a summary'
    complete -c steady -n $c -l alert-after -x -d 'Tell them after N days without a check-in'
    complete -c steady -n $c -l pgp-key -r -F -d 'Encrypt shares to them to this OpenPGP key (key id or file)'
end
set -l c '__steady_sub_is partner edit'
complete -c steady -n $c -l name -x -d 'Their new name'
complete -c steady -n $c -l no-notes -d 'Keep notes and other free text from them'
complete -c steady -n $c -l no-pgp-key -d 'Stop encrypting shares to them'
set -l c '__steady_sub_is partner remove'
complete -c steady -n $c -s y -l yes -d 'Do not ask'

# plan [add|remove|edit]; sos
complete -c steady -n '__steady_needs_sub plan' -a add -d 'Add an item to the end of a section'
complete -c steady -n '__steady_needs_sub plan' -a remove -d 'Remove item N of a section'
complete -c steady -n '__steady_needs_sub plan' -a edit -d 'Edit the whole plan in $VISUAL or $EDITOR'
complete -c steady -n '__steady_needs_sub_arg plan add remove' -a 'reasons warning-signs triggers coping people after-a-lapse' -d Section

# share PARTNER [PERIOD]
set -l c '__steady_using share'
complete -c steady -n '__steady_needs_sub share' -a '(__steady_words partners)' -d Partner
complete -c steady -n $c -l period -x -a '(__steady_words periods)' -d 'The period, as PERIOD'
complete -c steady -n $c -l format -x -a '(__steady_words formats)' -d 'text, markdown, json, html or email'
complete -c steady -n $c -l output -r -F -d 'Write it to this file, not stdout'
complete -c steady -n $c -l message -x -d 'A few words of your own, shown first'
complete -c steady -n $c -l notes -d 'Include notes and free text this time'
complete -c steady -n $c -l send -d 'Email it to the partner through share.command'
complete -c steady -n $c -l history -d 'List what was shared, not a new summary'

# peers [import FILE…]
complete -c steady -n '__steady_needs_sub peers' -a import -d 'Keep summaries your mentees sent (.json files or emails)'
set -l c '__steady_sub_is peers import'
complete -c steady -n $c -F -d 'A summary .json file or a saved email'
complete -c steady -n $c -l skip-bad -d 'Import the good files and name the bad ones'

# list
set -l c '__steady_using list'
complete -c steady -n $c -l kind -x -a '(__steady_words kinds)' -d 'Only entries of this kind'
complete -c steady -n $c -l period -x -a '(__steady_words periods)' -d 'Only entries in this period'
complete -c steady -n $c -l tag -x -a '(__steady_words tags)' -d 'Only entries with this tag'
complete -c steady -n $c -l search -x -d 'Only entries whose text contains this'
complete -c steady -n $c -l limit -x -d 'At most N entries (default 30; 0 for all)'

# show ID: no flags of its own.

# edit ID
set -l c '__steady_using edit'
complete -c steady -n $c -l mood -x -a '(__steady_words scale1)' -d 'Check-in: 1 (low) to 10 (great)'
complete -c steady -n $c -l craving -x -a '(__steady_words scale0)' -d 'Check-in: 0 (none) to 10'
complete -c steady -n $c -l sober -x -a '(__steady_words yesno)' -d 'Check-in: yes or no'
complete -c steady -n $c -l energy -x -a '(__steady_words scale1)' -d 'Check-in: 1 to 10'
complete -c steady -n $c -l sleep -x -d 'Check-in: hours slept'
complete -c steady -n $c -l gratitude -x -d 'Check-in: something you are grateful for'
complete -c steady -n $c -l what -x -d 'Trigger: what happened'
complete -c steady -n $c -l category -x -a '(__steady_words categories)' -d 'Trigger: its category'
complete -c steady -n $c -l intensity -x -a '(__steady_words scale1)' -d 'Trigger, craving: 1 to 10'
complete -c steady -n $c -l coped -x -d 'Trigger: how you coped'
complete -c steady -n $c -l duration -x -a '(__steady_words durations)' -d 'Craving, meeting: how long'
complete -c steady -n $c -l trigger -x -d 'Craving: id of the trigger behind it'
complete -c steady -n $c -l strategy -x -a '(__steady_words strategies)' -d 'Craving: what you did about it; repeatable'
complete -c steady -n $c -l outcome -x -a '(__steady_words outcomes)' -d 'Craving: resisted or used'
complete -c steady -n $c -l name -x -d "Meeting: the meeting's name"
complete -c steady -n $c -l type -x -a '(__steady_words types)' -d "Meeting: the meeting's type"
complete -c steady -n $c -l goal -x -a '(__steady_words goals)' -d "Goal log: the goal's id"
complete -c steady -n $c -l count -x -d 'Goal log: how many'
complete -c steady -n $c -l clock -x -a '(__steady_words clocks)' -d 'Lapse: the clock, by name or id'
complete -c steady -n $c -l note -x -d 'A note in your own words'
complete -c steady -n $c -l tag -x -a '(__steady_words tags)' -d 'A tag; repeatable (replaces the tags)'
complete -c steady -n $c -l at -x -a '(__steady_words dates)' -d "When it happened (or the check-in's day)"
complete -c steady -n $c -l date -x -a '(__steady_words dates)' -d "When it happened (or the check-in's day)"

# delete ID
set -l c '__steady_using delete'
complete -c steady -n $c -s y -l yes -d 'Do not ask'

# report, summary [PERIOD]
set -l c '__steady_using report summary'
complete -c steady -n $c -l period -x -a '(__steady_words periods)' -d 'The period, as PERIOD'
complete -c steady -n "$c; and not __fish_seen_subcommand_from (__steady_words periods)" -f -a '(__steady_words periods)'

# calendar [PERIOD]
set -l c '__steady_using calendar'
complete -c steady -n $c -l period -x -a '(__steady_words periods)' -d 'The period, as PERIOD'
complete -c steady -n $c -l by -x -a '(__steady_words measures)' -d 'What colours the days: mood, craving or sober'
complete -c steady -n "$c; and not __fish_seen_subcommand_from (__steady_words periods)" -f -a '(__steady_words periods)'

# export
set -l c '__steady_using export'
complete -c steady -n $c -l format -x -a 'json csv markdown ics' -d 'json (default), csv, markdown or ics'
complete -c steady -n $c -l kind -x -a '(__steady_words kinds)' -d 'Only this kind of entry (required for csv)'
complete -c steady -n $c -l period -x -a '(__steady_words periods)' -d 'Only entries of this period'
complete -c steady -n $c -l output -r -F -d 'Write to this file, not stdout'
complete -c steady -n $c -l encrypt-to -x -d 'Encrypt it to this key of your GnuPG keyring'

# import FILE
set -l c '__steady_using import'
complete -c steady -n $c -l format -x -a 'json csv' -d 'json or csv (default: by the extension)'
complete -c steady -n $c -l dry-run -d 'Say what would change; write nothing'
complete -c steady -n $c -l update -d 'Let a record replace the stored one with its uuid'
complete -c steady -n $c -F

# backup [PATH]: a file or folder to write to.
set -l c '__steady_using backup'
complete -c steady -n $c -l force -d 'Replace PATH if it exists'
complete -c steady -n $c -l encrypt-to -x -d 'Encrypt it to this key of your GnuPG keyring'
complete -c steady -n $c -F

# remind
set -l c '__steady_using remind'
complete -c steady -n $c -l notify -d 'Also run remind.notify_command and send partners their alert notes'

# undo, prompt, doctor: no flags of their own.
