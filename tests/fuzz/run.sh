#!/bin/sh
# tests/fuzz/run.sh BUILD_DIR SECONDS — build the libFuzzer targets with clang
# and the sanitizers, run each for SECONDS from its seed corpus, and print a
# TAP-like line per target. Exit non-zero when a target finds a crash.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-$top/build/fuzz}
secs=${2:-30}
mkdir -p "$dir"
if [ ! -f "$dir/Makefile" ] || [ "$top/configure" -nt "$dir/Makefile" ]; then
    (cd "$dir" && CC=clang CFLAGS="-g -O1 -fsanitize=fuzzer-no-link" \
        "$top/configure" -q --enable-fuzz --enable-sanitizers) || exit 1
fi
targets=$(make -s -C "$dir" print-fuzz-targets)
[ -n "$targets" ] || { echo "fuzz: no targets"; exit 0; }
make -C "$dir" -s -j"$(nproc)" $targets >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
failed=0
for t in $targets; do
    name=$(basename "$t")
    corpus="$dir/corpus-$name"
    mkdir -p "$corpus"
    seeds="$top/tests/fuzz/seeds-$name"
    [ -d "$seeds" ] || seeds=""
    # The test fixtures of a target's format are seeds too, named in
    # seeds-NAME.fixtures (a folder of the tree per line) rather than copied.
    if [ -f "$top/tests/fuzz/seeds-$name.fixtures" ]; then
        while read -r f; do
            [ -n "$f" ] && [ -d "$top/$f" ] && seeds="$seeds $top/$f"
        done <"$top/tests/fuzz/seeds-$name.fixtures"
    fi
    if "$dir/$t" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        "$corpus" $seeds >"$dir/$name.log" 2>&1; then
        echo "fuzz: $name ran ${secs}s, $(grep -c . "$corpus"/* 2>/dev/null | wc -l) corpus entries, no crash"
    else
        echo "fuzz: $name FAILED (see $dir/$name.log)"
        tail -30 "$dir/$name.log"
        failed=1
    fi
done
exit $failed
