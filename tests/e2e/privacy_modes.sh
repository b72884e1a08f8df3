# Every file steady writes is private whatever the umask (issue 12,
# reliability 6): the journal and its side files, backups, exports and
# share --output files are 0600, the folders steady makes 0700, under umask
# 022 (the usual) and 000 (the worst), and nothing under them is readable by
# another user.
. "$(dirname "$0")/lib.sh"

for mask in 022 000; do
    root=$tmp/mask$mask
    jdb=$root/data/steady/journal.db
    # Runs steady under the umask in the fixed world, with the journal in a
    # folder that does not exist yet.
    m() {
        expect_exit 0 env -u STEADY_CONFIG -u XDG_CONFIG_HOME -u NO_COLOR STEADY_NOW="$NOW" TZ="$ZONE" \
            HOME="$tmp/home" LC_ALL=C.UTF-8 bash -c "umask $mask; exec \"\$0\" \"\$@\"" \
            env STEADY_DB="$jdb" XDG_DATA_HOME="$root/data" "$STEADY_BIN" "$@"
    }
    m checkin --mood 5 --note "private words" --gratitude "a quiet evening"
    m craving --intensity 6 --note "hard one" --strategy walk
    m partner add Sam --email sam@example.org --share checkins,mood --notes
    expect_eq "$(mode_of "$jdb")" 600 "umask $mask: the journal"
    expect_eq "$(mode_of "$root/data/steady")" 700 "umask $mask: the journal's folder"
    expect_eq "$(mode_of "$root/data")" 700 "umask $mask: the folder made above it"
    for side in -wal -shm; do
        [ -e "$jdb$side" ] && expect_eq "$(mode_of "$jdb$side")" 600 "umask $mask: the journal's $side"
    done

    mkdir -p "$root/out"
    chmod 755 "$root/out"  # a folder of the person's own, left as it is
    m backup "$root/out/backup.db"
    expect_eq "$(mode_of "$root/out/backup.db")" 600 "umask $mask: a backup to a path"
    m backup "$root/new/deeper/backup.db"
    expect_eq "$(mode_of "$root/new/deeper/backup.db")" 600 "umask $mask: a backup into new folders"
    expect_eq "$(mode_of "$root/new/deeper")" 700 "umask $mask: the folder a backup made"
    m backup
    m --json backup
    default_backup=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["path"])' <<<"$out")
    expect_eq "$(mode_of "$default_backup")" 600 "umask $mask: a default backup"
    expect_eq "$(mode_of "$(dirname "$default_backup")")" 700 "umask $mask: the default backups folder"

    m export --format json --output "$root/out/export.json"
    m export --format csv --kind craving --output "$root/out/cravings.csv"
    m export --format markdown --output "$root/out/journal.md"
    m export --format ics --output "$root/out/goals.ics"
    for format in text markdown json html; do
        m share Sam --format "$format" --output "$root/out/share.$format"
    done
    for file in export.json cravings.csv journal.md goals.ics share.text share.markdown share.json share.html; do
        expect_eq "$(mode_of "$root/out/$file")" 600 "umask $mask: $file"
    done
    expect_eq "$(mode_of "$root/out")" 755 "umask $mask: the person's own folder, untouched"

    # Nothing steady made is readable, writable or enterable by anyone else.
    _check
    others=$(find "$root" "$tmp/home" -mindepth 1 -perm /077 ! -path "$root/out" -printf '%m %p\n')
    [ -z "$others" ] || fail "umask $mask: open to others: $others"
done
