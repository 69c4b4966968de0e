# tests/lib.sh — TAP helpers for the shell tests. Source it; then call ok,
# is, like, skip, and done_testing at the end.
set -u
TAP_N=0
TAP_FAILED=0

ok() { # ok CONDITION-EXIT-STATUS NAME
    TAP_N=$((TAP_N + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $TAP_N - $2"
    else
        echo "not ok $TAP_N - $2"
        TAP_FAILED=$((TAP_FAILED + 1))
    fi
}

is() { # is GOT WANT NAME
    if [ "$1" = "$2" ]; then ok 0 "$3"; else
        ok 1 "$3"
        printf '#   got: %s\n#  want: %s\n' "$1" "$2"
    fi
}

like() { # like TEXT PATTERN NAME  (grep -E)
    if printf '%s\n' "$1" | grep -Eq -- "$2"; then ok 0 "$3"; else
        ok 1 "$3"
        printf '%s\n' "$1" | head -20 | sed 's/^/#   /'
        printf '#  wanted a match for: %s\n' "$2"
    fi
}

unlike() { # unlike TEXT PATTERN NAME
    if printf '%s\n' "$1" | grep -Eq -- "$2"; then
        ok 1 "$3"
        printf '%s\n' "$1" | grep -E -- "$2" | head -5 | sed 's/^/#   unwanted: /'
    else ok 0 "$3"; fi
}

skip() { # skip N REASON
    i=0
    while [ "$i" -lt "$1" ]; do
        TAP_N=$((TAP_N + 1))
        echo "ok $TAP_N # SKIP $2"
        i=$((i + 1))
    done
}

done_testing() {
    echo "1..$TAP_N"
    [ "$TAP_FAILED" -eq 0 ]
}

# A scratch directory removed at exit.
TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dossier-test.XXXXXX")
trap 'chmod -R u+rwx "$TEST_TMP" 2>/dev/null; rm -rf "$TEST_TMP"' EXIT

: "${DOSSIER_BIN:?run under make check}"
: "${TOP_SRCDIR:?run under make check}"
# The index stores real paths; a build configured as ../../configure gives
# TOP_SRCDIR as build/rel/../.., which no stored path starts with.
TOP_SRCDIR=$(cd "$TOP_SRCDIR" && pwd -P)
SHARED="$TOP_SRCDIR/../shared"
