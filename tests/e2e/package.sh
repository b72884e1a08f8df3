#!/usr/bin/env bash
# The Debian package: cpack makes the .deb of the build under test (it builds
# nothing: CMAKE_SKIP_INSTALL_ALL_DEPENDENCY), and then
#   - its control fields: name, the project's version (never a git-derived
#     one, so a dirty tree packages the same version), section, priority,
#     maintainer, a summary and a long description, Depends from
#     dpkg-shlibdeps;
#   - `dpkg-deb -c` lists exactly the expected files, each with its mode,
#     owned by root:root, and folders 0755;
#   - extracted into a temporary root: `steady --version` runs from there,
#     the binary is stripped and has no RPATH, each manual page renders
#     with `man -l`, manual pages and changelog are gzip -9n, the changelog's
#     newest entry is this version, the copyright file is DEP-5, the
#     completions are the repository's, the installed sample-journal script
#     makes its journal with the installed binary;
#   - `lintian` finds no error (warnings and notes are printed).
# Without cpack or dpkg-deb the test is skipped; without lintian only the
# lintian check is, with a message.

. "$(dirname "$0")/lib.sh"

: "${STEADY_SOURCE_DIR:?set STEADY_SOURCE_DIR to the repository root}"
: "${STEADY_BUILD_DIR:?set STEADY_BUILD_DIR to the build folder}"
src=$STEADY_SOURCE_DIR
build=$STEADY_BUILD_DIR

for tool in cpack dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed"
        exit 0
    fi
done

# What the package holds: mode and path of every file. A new installed file
# (the mail module, say: -rw-r--r-- ./usr/lib/steady/steady-mail.so, or a
# helper program -rwxr-xr-x ./usr/libexec/steady/NAME) is added here.
expected_files="-rwxr-xr-x ./usr/bin/steady
-rw-r--r-- ./usr/lib/steady/steady-crypt.so
-rw-r--r-- ./usr/lib/steady/steady-mail.so
-rw-r--r-- ./usr/share/bash-completion/completions/steady
-rw-r--r-- ./usr/share/doc/steady/changelog.gz
-rw-r--r-- ./usr/share/doc/steady/copyright
-rw-r--r-- ./usr/share/doc/steady/examples/config.toml
-rwxr-xr-x ./usr/share/doc/steady/examples/sample-journal.sh
-rw-r--r-- ./usr/share/fish/vendor_completions.d/steady.fish
-rw-r--r-- ./usr/share/man/man1/steady.1.gz
-rw-r--r-- ./usr/share/man/man5/steady-config.5.gz
-rw-r--r-- ./usr/share/man/man5/steady-journal.5.gz
-rw-r--r-- ./usr/share/zsh/vendor-completions/_steady"

# --- the version: project() in CMakeLists.txt, the binary, the changelog ---
project_version=$(sed -n 's/^project(steady VERSION \([0-9.]*\) .*/\1/p' "$src/CMakeLists.txt")
expect_eq "$(steady --version)" "steady $project_version" "steady --version of the build"
if [ -d "$src/.git" ] || [ -f "$src/.git" ]; then
    if [ -n "$(git -C "$src" status --porcelain 2>/dev/null)" ]; then
        echo "note: the source tree has uncommitted changes; the version must not show it"
    fi
fi

# --- build the .deb from the build folder, into the temporary folder ---
expect_exit 0 cpack --config "$build/CPackConfig.cmake" -B "$tmp/pkg"
deb=$tmp/pkg/steady_${project_version}_$(dpkg --print-architecture).deb
_check
if [ ! -f "$deb" ]; then
    fail "cpack made no $deb; it said: $out $err"
    exit 1
fi

# --- control fields ---
field() {
    dpkg-deb -f "$deb" "$1"
}
expect_eq "$(field Package)" steady "Package"
expect_eq "$(field Version)" "$project_version" "Version (the project's, whatever the tree's state)"
expect_eq "$(field Architecture)" "$(dpkg --print-architecture)" "Architecture"
expect_eq "$(field Section)" utils "Section"
expect_eq "$(field Priority)" optional "Priority"
_check
case $(field Maintainer) in
    ?*' <'?*@?*'>') ;;
    *) fail "Maintainer is not 'Name <address>': '$(field Maintainer)'" ;;
esac
description=$(field Description)
summary=$(head -n 1 <<<"$description")
_check
if [ -z "$summary" ] || [ ${#summary} -gt 80 ]; then
    fail "the summary line must be 1 to 80 characters: '$summary'"
fi
_check
if [ "$(wc -l <<<"$description")" -lt 4 ]; then
    fail "the long description is missing or short: $description"
fi
_check
case $description in
    *';'*) fail "the description has a ';' (CPack list quoting): $description" ;;
esac
depends=$(field Depends)
for library in libc6 libsqlite3-0 libstdc++6; do
    _check
    case $depends in
        *"$library "* | *"$library," | *"$library") ;;
        *) fail "Depends lacks $library (dpkg-shlibdeps): '$depends'" ;;
    esac
done

# --- the file list, modes and owners ---
dpkg-deb -c "$deb" >"$tmp/contents"
files=$(awk '$1 !~ /^d/ {print $1, $6}' "$tmp/contents" | sort)
expect_eq "$files" "$(sort <<<"$expected_files")" "files of the package (mode and path)"
_check
bad_owner=$(awk '$2 != "root/root" {print $2, $6}' "$tmp/contents")
[ -z "$bad_owner" ] || fail "not owned by root/root: $bad_owner"
_check
bad_dirs=$(awk '$1 ~ /^d/ && $1 != "drwxr-xr-x" {print $1, $6}' "$tmp/contents")
[ -z "$bad_dirs" ] || fail "folders not 0755: $bad_dirs"

# --- extracted into a temporary root ---
root=$tmp/root
dpkg-deb -x "$deb" "$root"
bin=$root/usr/bin/steady
expect_exit 0 "$bin" --version
expect_eq "$out" "steady $project_version" "the packaged steady --version"
_check
case $(file -b "$bin") in
    *ELF*", stripped"*) ;;
    *) fail "the packaged binary is not stripped: $(file -b "$bin")" ;;
esac
_check
if readelf -d "$bin" | grep -q -E 'RPATH|RUNPATH'; then
    fail "the packaged binary has an RPATH: $(readelf -d "$bin" | grep -E 'RPATH|RUNPATH')"
fi
# The package installs to /usr: a path compiled in from the default
# CMAKE_INSTALL_PREFIX would point where nothing is installed.
_check
if grep -q -a /usr/local/ "$bin"; then
    fail "the packaged binary names /usr/local/: $(strings "$bin" | grep /usr/local/)"
fi

# gzip -9n: byte 3 (flags) 00, bytes 4-7 (time stamp) 0, byte 8 (extra flags) 02.
gzip_header() {
    od -An -tx1 -N9 "$1" | tr -d ' \n'
}
for gz in "$root"/usr/share/man/man*/*.gz "$root/usr/share/doc/steady/changelog.gz"; do
    expect_eq "$(gzip_header "$gz")" 1f8b08000000000002 "gzip -9n header of ${gz#"$root"}"
done
for page in man1/steady.1 man5/steady-config.5 man5/steady-journal.5; do
    expect_eq "$(zcat "$root/usr/share/man/$page.gz" | sha256sum)" \
        "$(sha256sum <"$src/man/${page#*/}")" "$page.gz is the repository's page"
    name=${page#*/}
    expect_exit 0 env LC_ALL=C.UTF-8 MANWIDTH=80 MANPAGER=cat PAGER=cat man -l "$root/usr/share/man/$page.gz"
    heading=$(tr '[:lower:]' '[:upper:]' <<<"${name%.*}")"(${name##*.})"
    expect_out_contains "$heading"
    expect_out_contains "NAME"
    [ -z "$err" ] || echo "note: man -l $page said: $err"
done

newest=$(zcat "$root/usr/share/doc/steady/changelog.gz" | head -n 1)
expect_eq "$newest" "$(head -n 1 "$src/man/changelog")" "changelog.gz is man/changelog"
_check
case $newest in
    "steady ($project_version) "*) ;;
    *) fail "the newest changelog entry is not version $project_version: '$newest'" ;;
esac
expect_eq "$(head -n 1 "$root/usr/share/doc/steady/copyright")" \
    "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" "copyright is DEP-5"

for pair in "bash-completion/completions/steady completions/steady.bash" \
    "zsh/vendor-completions/_steady completions/_steady" \
    "fish/vendor_completions.d/steady.fish completions/steady.fish" \
    "doc/steady/examples/config.toml examples/config.toml" \
    "doc/steady/examples/sample-journal.sh examples/sample-journal.sh"; do
    read -r installed original <<<"$pair"
    _check
    cmp -s "$root/usr/share/$installed" "$src/$original" ||
        fail "/usr/share/$installed differs from $original"
done

# The installed example, run as a user would, with the installed binary.
expect_exit 0 env -u STEADY_CONFIG HOME="$tmp/home" PATH="$root/usr/bin:$PATH" \
    bash -c 'cd "$1" && "$2" steady "$3"' sh "$tmp" "$root/usr/share/doc/steady/examples/sample-journal.sh" "$tmp/demo.db"
expect_out_contains "sample journal written to $tmp/demo.db"
expect_eq "$(sqlite3 -batch "$tmp/demo.db" 'SELECT count(*) FROM entries' 2>&1)" 45 "entries of the sample journal"

# --- lintian ---
if ! command -v lintian >/dev/null; then
    echo "SKIP: lintian is not installed (apt-get install lintian); the package was not linted"
    exit 0
fi
_check
lintian --display-info --pedantic "$deb" >"$tmp/lintian" 2>"$tmp/lintian.err"
lintian_status=$?
if grep -q '^E: ' "$tmp/lintian" || [ "$lintian_status" -ne 0 ]; then
    fail "lintian (exit $lintian_status) found errors: $(cat "$tmp/lintian" "$tmp/lintian.err")"
elif [ -s "$tmp/lintian" ]; then
    echo "lintian, no errors:"
    sed 's/^/  /' "$tmp/lintian"
fi
