#!/bin/sh
# zh_kwic_speed.sh — the CPU of KWIC on Chinese: a generated news corpus of
# Chinese only (gen_corpus --profile news --zh-share 1), indexed once, and
# `dossier kwic TERM --limit 1000000` for each term, user CPU the best of
# RUNS runs (wall time is noise on a shared machine), with the line count
# and a checksum of the lines, so two binaries can be compared on the same
# index (BENCH_DOSSIER=a saved binary; the index is the build tree's).
# usage: bench/zh_kwic_speed.sh [--build DIR] [DOCS [RUNS]]   (terms: 中国 关系 經濟部)
set -eu
. "$(dirname "$0")/lib.sh"
[ "${1:-}" = --build ] && { bench_find_build "$2"; shift 2; } || bench_find_build ""
docs=${1:-5000} runs=${2:-5}
BENCH_PROFILE=news BENCH_ZH=1 bench_corpus "$docs" 7
bench_isolate
work=$BENCH_OUT/zh-kwic-$docs
mkdir -p "$work"
if [ ! -f "$work/dossier.db" ]; then
    bench_make dossier
    "$BENCH_BUILD/dossier" --db "$work/dossier.db" index "$BENCH_CORPUS" >"$work/index.out" 2>&1 ||
        bench_die "index failed (log: $work/index.out)"
fi
bench_dossier
for term in 中国 关系 經濟部; do
    best=
    for _ in $(seq "$runs"); do
        u=$( { /usr/bin/time -f %U "$DOSSIER" --db "$work/dossier.db" kwic "$term" --limit 1000000 \
            >"$work/lines.txt"; } 2>&1 | tail -1)
        best=$(awk -v a="$u" -v b="${best:-$u}" 'BEGIN { print (a < b) ? a : b }')
    done
    lines=$(wc -l <"$work/lines.txt")
    sum=$(md5sum <"$work/lines.txt" | cut -c1-8)
    echo "RESULT zh_kwic term=$term docs=$docs rev=$BENCH_REV user_s=$best lines=$lines md5=$sum"
done
