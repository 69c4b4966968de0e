#!/bin/sh
# bench_similar.sh — does `dossier similar` find the other outlets' versions
# of a story (issue 17)? Indexes ../shared/corpus/basil-dev (53 events, each
# told by three outlets) mixed with distractors — the BBC set, and with
# --docs N also N generated articles — then asks `similar` for each event
# article and reports P@1, top-3, top-10 and MRR of the same event's other
# versions, and the CPU per call (bench/similar_eval.py).
# Targets (issue 17): P@1 >= 0.90, top 10 >= 0.98; p95 <= 100 ms at 100k.
#
#   bench/bench_similar.sh [--docs 0] [--seed 1] [--build DIR]
set -eu
. "$(dirname "$0")/lib.sh"

docs=0 seed=1 build=''
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
shared=$BENCH_SRC/../shared/corpus
[ -d "$shared/basil-dev" ] || bench_die "needs $shared/basil-dev (the shared corpus)"
bench_find_build "$build"
bench_isolate
bench_dossier
roots="$shared/basil-dev/txt $shared/bbc"
if [ "$docs" -gt 0 ]; then
    bench_corpus "$docs" "$seed"
    roots="$roots $BENCH_CORPUS"
fi
db=$BENCH_OUT/similar-$docs.db
rm -f "$db" "$db-wal" "$db-shm"
# shellcheck disable=SC2086
"$DOSSIER" --db "$db" index $roots >/dev/null
echo "similar over basil-dev + BBC + $docs generated (${BENCH_REV:-$(bench_rev)}):"
python3 "$BENCH_SRC/bench/similar_eval.py" "$DOSSIER" "$db" "$shared/basil-dev/events.tsv" \
    "$shared/basil-dev"
