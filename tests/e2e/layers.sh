#!/usr/bin/env bash
# The layer rule of ARCHITECTURE.md holds: every #include in src/ names a
# header of its own layer, of a layer the table lets it use, of the C++
# standard library or POSIX, or of a third-party library in its layer's
# column. The table is read from ARCHITECTURE.md itself, so the rule and the
# check cannot drift apart. The check is first run on a small planted tree
# with known violations, so a checker that finds nothing fails too.

set -u

: "${STEADY_SOURCE_DIR:?set STEADY_SOURCE_DIR to the repository root}"
architecture=$STEADY_SOURCE_DIR/ARCHITECTURE.md
tmp=$(mktemp -d "${TMPDIR:-/tmp}/steady-layers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

checks=0
failures=0
fail() {
    failures=$((failures + 1))
    echo "FAIL: $*"
}

# Headers of the C library and POSIX that any layer may include.
system_headers=" assert.h ctype.h dlfcn.h errno.h fcntl.h limits.h locale.h poll.h pwd.h signal.h spawn.h
 stddef.h stdint.h stdio.h stdlib.h string.h termios.h time.h unistd.h wchar.h wctype.h sys/file.h sys/ioctl.h
 sys/mman.h sys/resource.h sys/socket.h sys/stat.h sys/statvfs.h sys/time.h sys/types.h sys/wait.h "

# Prints "LAYER|MAY_INCLUDE|LIBRARIES" for each row of the table, the lists
# space-separated, from the backticked words of each column.
read_table() {
    awk -F'|' '/^\| `src\/[a-z]+\/` \|/ {
        layer = $2; gsub(/[ `]|src\/|\//, "", layer)
        uses = ""; n = split($4, w, "`"); for (i = 2; i <= n; i += 2) uses = uses " " w[i]
        libs = ""; n = split($5, w, "`"); for (i = 2; i <= n; i += 2) libs = libs " " w[i]
        print layer "|" uses "|" libs
    }' "$1"
}

# Prints one line "FILE: includes HEADER" for each include under ROOT/src
# that the table in TABLE_FILE does not allow, and one for each folder of src
# that the table does not name.
violations() {
    local root=$1 table_file=$2
    declare -A uses libs
    local layer u l
    while IFS='|' read -r layer u l; do
        uses[$layer]="$layer $u"
        libs[$layer]=$l
    done < <(read_table "$table_file")
    uses[main]="app"
    libs[main]=""

    local dir
    for dir in "$root"/src/*/; do
        layer=$(basename "$dir")
        [ -n "${uses[$layer]+x}" ] || echo "src/$layer: a folder ARCHITECTURE.md's table does not name"
    done

    local file header kind prefix allowed
    while IFS= read -r file; do
        layer=${file#"$root"/src/}
        layer=${layer%%/*}
        [ "$layer" = main.cpp ] && layer=main
        [ -n "${uses[$layer]+x}" ] || continue
        while IFS= read -r line; do
            kind=${line:0:1}
            header=${line:1}
            allowed=no
            if [ "$kind" = '"' ]; then
                prefix=${header%%/*}
                [[ " ${uses[$layer]} " == *" $prefix "* ]] && allowed=yes
            elif [[ $header != */* && $header != *.* ]]; then
                allowed=yes
            elif [[ " ${system_headers//$'\n'/ } " == *" $header "* ]]; then
                allowed=yes
            else
                for prefix in ${libs[$layer]}; do
                    if [[ $prefix == */ && $header == "$prefix"* ]] || [ "$header" = "$prefix" ]; then
                        allowed=yes
                    fi
                done
            fi
            [ $allowed = yes ] || echo "${file#"$root"/}: includes $header"
        done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*\(["<]\)\([^">]*\)[">].*/\1\2/p' "$file")
    done < <(find "$root/src" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) | sort)
}

# The checker first proves it can fail: a planted tree with one violation of
# each kind, and allowed includes that must pass.
plant=$tmp/plant
mkdir -p "$plant/src/base" "$plant/src/timeutil" "$plant/src/domain" "$plant/src/store" \
    "$plant/src/app" "$plant/src/extra"
cat >"$plant/src/timeutil/a.cpp" <<'EOF'
#include "timeutil/a.hpp"
#include "base/error.hpp"
#include "domain/entry.hpp"
#include <date/date.h>
#include <vector>
#include <sys/stat.h>
EOF
cat >"$plant/src/domain/b.cpp" <<'EOF'
#include "timeutil/time.hpp"
#include <SQLiteCpp/SQLiteCpp.h>
EOF
cat >"$plant/src/store/c.cpp" <<'EOF'
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>
#  include "app/context.hpp"
EOF
cat >"$plant/src/app/d.cpp" <<'EOF'
#include "store/journal.hpp"
#include <CLI/CLI.hpp>
#include <toml++/toml.h>
EOF
echo '#include "domain/x.hpp"' >"$plant/src/base/e.hpp"
expected="src/domain/b.cpp: includes SQLiteCpp/SQLiteCpp.h
src/store/c.cpp: includes app/context.hpp
src/app/d.cpp: includes toml++/toml.h
src/base/e.hpp: includes domain/x.hpp
src/extra: a folder ARCHITECTURE.md's table does not name
src/timeutil/a.cpp: includes domain/entry.hpp"
checks=$((checks + 1))
got=$(violations "$plant" "$architecture" | sort)
[ "$got" = "$(echo "$expected" | sort)" ] ||
    fail "the checker does not find the planted violations; it found:
$got"

checks=$((checks + 1))
layers=$(read_table "$architecture" | cut -d'|' -f1 | tr '\n' ' ')
[ "$layers" = "base timeutil domain store config mail app " ] ||
    fail "ARCHITECTURE.md's table names the layers '$layers'"

checks=$((checks + 1))
found=$(violations "$STEADY_SOURCE_DIR" "$architecture")
[ -z "$found" ] || fail "includes against the layer rule of ARCHITECTURE.md:
$found"

echo "$(basename "$0"): $checks checks, $failures failed"
[ "$failures" -eq 0 ]
