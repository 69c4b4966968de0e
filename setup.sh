#!/bin/sh
# setup.sh — the two commands of the README, for a fresh Debian 12 machine.
#
#   ./setup.sh run     install what is missing, build, index the bundled sample
#                      corpus and open the browser on it
#   ./setup.sh test    install what is missing, build with the sanitizers and
#                      run every test; ends with "N passed, N failed"
#
# Both are idempotent: packages already installed are not reinstalled, an
# existing build is reused, an existing index is refreshed incrementally.
set -eu

top=$(cd "$(dirname "$0")" && pwd)
mode=${1:-run}

# Build tools, the libraries, and what the tests drive the program with.
PACKAGES="gcc make autoconf automake pkg-config libsqlite3-dev libpcre2-dev libncurses-dev
libyaml-dev libcmark-dev libxml2-dev libuchardet-dev libcurl4-openssl-dev libicu-dev zlib1g-dev ncurses-term tmux python3
clang valgrind"

install_missing() {
    missing=""
    for p in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "setup: installing$missing" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
}

# configure once per build directory; make rebuilds what changed. The
# compiler's output goes to BUILD_DIR/build.log and is shown on failure.
build() {
    bdir=$1
    shift
    if [ ! -x "$top/configure" ] || [ "$top/configure.ac" -nt "$top/configure" ]; then
        (cd "$top" && autoreconf -fi >/dev/null 2>&1) || (cd "$top" && autoreconf -fi)
    fi
    mkdir -p "$bdir"
    if [ ! -f "$bdir/Makefile" ] || [ "$top/configure" -nt "$bdir/Makefile" ]; then
        (cd "$bdir" && "$top/configure" -q "$@")
    fi
    if ! make -C "$bdir" -j"$(nproc)" -s >"$bdir/build.log" 2>&1; then
        tail -40 "$bdir/build.log"
        echo "setup: the build in $bdir failed" >&2
        return 1
    fi
}

# "N passed, N failed[, N skipped]" from automake's TAP test-suite logs.
summarise() {
    extra=$1
    shift
    awk '/^# PASS:/ {p+=$3} /^# SKIP:/ {s+=$3} /^# XFAIL:/ {p+=$3}
         /^# FAIL:/ {f+=$3} /^# XPASS:/ {f+=$3} /^# ERROR:/ {f+=$3}
         END {printf "%d passed, %d failed, %d skipped\n", p, f + extra, s}' extra="$extra" "$@"
}

case "$mode" in
run)
    install_missing
    build "$top/build/release" --enable-werror
    db=${DOSSIER_DB:-$top/build/sample.db}
    "$top/build/release/dossier" --db "$db" index "$top/assets/corpus"
    exec "$top/build/release/dossier" --db "$db"
    ;;
test)
    install_missing
    dir="$top/build/test"
    build "$dir" --enable-werror --enable-debug --enable-sanitizers || {
        echo "0 passed, 1 failed"
        exit 1
    }
    status=0
    make -C "$dir" -j"$(nproc)" -s check >"$dir/check.out" 2>&1 || status=$?
    grep -E '^(FAIL|ERROR|XPASS)' "$dir/check.out" || true
    if [ "$status" -ne 0 ] && [ ! -f "$dir/test-suite.log" ]; then
        cat "$dir/check.out"
        echo "0 passed, 1 failed"
        exit 1
    fi
    [ "$status" -ne 0 ] && sed -n '/^FAIL\|^ERROR/,+30p' "$dir/test-suite.log" | head -200
    # The unit tests again under valgrind, in a build without the sanitizers.
    vdir="$top/build/valgrind"
    build "$vdir" --enable-werror --enable-debug || {
        echo "0 passed, 1 failed"
        exit 1
    }
    make -C "$vdir" -s check-valgrind >"$vdir/check.out" 2>&1 || status=1
    grep -E '^(FAIL|ERROR)' "$vdir/check.out" | sed 's/^/valgrind: /' || true
    fuzz_failed=0
    if [ -x "$top/tests/fuzz/run.sh" ] && command -v clang >/dev/null; then
        "$top/tests/fuzz/run.sh" "$top/build/fuzz" "${FUZZ_SECONDS:-30}" || fuzz_failed=1
    fi
    summarise "$fuzz_failed" "$dir/test-suite.log" "$vdir/test-suite-valgrind.log"
    [ "$status" -eq 0 ] && [ "$fuzz_failed" -eq 0 ]
    ;;
*)
    echo "usage: ./setup.sh run|test" >&2
    exit 2
    ;;
esac
