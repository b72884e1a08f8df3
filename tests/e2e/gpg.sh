# GnuPG for the end-to-end tests that use the real gpg (crypt.sh,
# crypt_stream.sh): sourced after lib.sh, never run.
#
# Makes a throw-away GNUPGHOME on a short path (gpg-agent's socket lives in
# it when /run/user is missing); on exit stops its agents and those of
# steady's own keyring ($keyring, when a test made one), removes it, then
# ends as lib.sh's _finish does.

if ! command -v gpg >/dev/null || ! command -v gpgconf >/dev/null; then
    fail "this test needs gpg (see .ci/run)"
    exit 1
fi

GNUPGHOME=$(mktemp -d /tmp/g.XXXXXX)
export GNUPGHOME
chmod 700 "$GNUPGHOME"
keyring=$tmp/home/.local/share/steady/gnupg
_gpg_cleanup() {
    local status=$?
    gpgconf --kill all 2>/dev/null
    [ -d "$keyring" ] && GNUPGHOME=$keyring gpgconf --kill all 2>/dev/null
    rm -rf "$GNUPGHOME"
    (exit "$status")
    _finish
}
trap _gpg_cleanup EXIT

# `new_key UID [EXPIRY] [GPG OPTIONS…]`: a key without passphrase; prints its fingerprint.
new_key() {
    local uid=$1 expiry=${2:-never}
    shift 2 2>/dev/null || shift
    gpg --batch --quiet --passphrase '' "$@" --quick-gen-key "$uid" future-default default \
        "$expiry" 2>/dev/null || fail "making the key $uid"
    gpg --with-colons --list-keys "$uid" 2>/dev/null | awk -F: '/^fpr/ { print $10; exit }'
}
