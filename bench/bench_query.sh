#!/bin/sh
# bench_query.sh — search latency: dossier's in-process search path against
# the floor (the same words as FTS5 MATCH + bm25 LIMIT 50 on the bare table
# that fts5_floor built from the same files), with ripgrep over the raw
# files as a peer when it is installed (grep -r otherwise, on fewer queries).
#
#   bench/bench_query.sh [--docs 100000] [--queries 50] [--runs 3] [--seed 1]
#                        [--build DIR]
#
# Queries are two words drawn deterministically from the generator's
# vocabulary (gen_corpus --queries), common to rare. The databases come from
# bench_index.sh when it ran at this size; otherwise they are built here.
set -eu
. "$(dirname "$0")/lib.sh"

docs=100000 nq=50 runs=3 seed=1 build=''
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --queries) nq=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
bench_find_build "$build"
bench_isolate
bench_make bench/gen_corpus bench/fts5_floor
bench_dossier
bench_make bench/bench_query
bench_corpus "$docs" "$seed"
work=$BENCH_OUT/work-$docs-seed$seed
mkdir -p "$work"
if [ ! -f "$work/floor.db" ]; then
    bench_note "building the floor database"
    "$BENCH_BUILD/bench/fts5_floor" --db "$work/floor.db" "$BENCH_CORPUS" >/dev/null
fi
if [ ! -f "$work/dossier.db" ]; then
    bench_note "building the dossier database"
    "$DOSSIER" index --db "$work/dossier.db" "$BENCH_CORPUS" >"$work/dossier.out" 2>&1 ||
        bench_die "dossier index failed (log: $work/dossier.out)"
fi
"$BENCH_BUILD/bench/gen_corpus" --seed "$seed" --queries "$nq" >"$work/queries.txt"

"$BENCH_BUILD/bench/bench_query" --db "$work/dossier.db" --floor "$work/floor.db" \
    --queries "$work/queries.txt" --runs "$runs" --limit 50 ${BENCH_VERBOSE:+--verbose} \
    >"$work/query.kv" 2>"$work/query.err" || { cat "$work/query.err" >&2; bench_die "bench_query failed"; }
if [ -n "${BENCH_VERBOSE:-}" ]; then cat "$work/query.err"; else grep -v '^  ' "$work/query.err"; fi |
    sed 's/^query /query  /'
kv=$(cat "$work/query.kv")

# Peer over the raw files: files holding both words, case-insensitive, whole
# words. The words are the generator's (letters and digits only).
peer=none peer_p50=0 peer_n=0
if command -v rg >/dev/null 2>&1; then
    peer=rg peer_n=10
    peer_cmd() { rg -l -0 -i -w -e "$1" "$BENCH_CORPUS" | xargs -0 -r rg -l -i -w -e "$2" | wc -l; }
else
    echo "rg: not installed (peer shown: grep -rliw, 5 queries)"
    peer=grep peer_n=5
    peer_cmd() { grep -rliwZ -e "$1" "$BENCH_CORPUS" | xargs -0 -r grep -liw -e "$2" | wc -l; }
fi
times=''
head -n "$peer_n" "$work/queries.txt" >"$work/peer_queries.txt"
while read -r w1 w2; do
    t0=$(bench_now)
    peer_cmd "$w1" "$w2" >/dev/null
    t1=$(bench_now)
    times="$times $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')"
done <"$work/peer_queries.txt"
# shellcheck disable=SC2086
peer_p50=$(bench_median $times)
echo "peer   $peer over raw files, $peer_n queries: p50 $peer_p50 ms"
echo "RESULT query docs=$docs $kv peer=$peer peer_p50_ms=$peer_p50" \
    "rev=${BENCH_REV:-unknown} load=$(cut -d' ' -f1 /proc/loadavg)" | tee "$work/query.result"
