#!/bin/sh
# bench_index.sh — indexing throughput of `dossier index` against its floor,
# a bare FTS5 table filled from the same files (bench/fts5_floor), and the
# read-only floor (cat every file to /dev/null).
#
#   bench/bench_index.sh [--docs 100000] [--runs 3] [--seed 1] [--build DIR]
#
# The corpus is generated once and cached in $BENCH_OUT (default
# BUILD/bench/out) as corpus-N-seedS/. The page cache is warmed by reading
# every file first, so both sides read from memory; each run starts from a
# fresh database; floor and dossier runs alternate so background load hits
# both alike. Medians are printed, then one key=value line for run_all.sh.
# Exit status 1 when a tool fails (a failed `dossier index` is a failure, not
# a number).
set -eu
. "$(dirname "$0")/lib.sh"

docs=100000 runs=3 seed=1 build=''
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
bench_find_build "$build"
bench_isolate
bench_make bench/gen_corpus bench/fts5_floor dossier
bench_corpus "$docs" "$seed"
DOSSIER=$BENCH_BUILD/dossier
work=$BENCH_OUT/work-$docs-seed$seed
mkdir -p "$work"
mb=$(awk -v b="$BENCH_CORPUS_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
bench_note "corpus $BENCH_CORPUS: $docs docs, $mb MB; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

# Read floor: the second pass is the one measured (the first fills the cache).
cat_all() { find "$BENCH_CORPUS" -type f -name '*.txt' -print0 | xargs -0 cat >/dev/null; }
cat_all
t0=$(bench_now); cat_all; t1=$(bench_now)
read_s=$(bench_elapsed "$t0" "$t1")

floor_times='' dossier_times='' rss_list=''
i=1
while [ "$i" -le "$runs" ]; do
    rm -f "$work/floor.db" "$work/floor.db-wal" "$work/floor.db-shm"
    t0=$(bench_now)
    "$BENCH_BUILD/bench/fts5_floor" --db "$work/floor.db" "$BENCH_CORPUS" >"$work/floor.out" 2>&1 ||
        { cat "$work/floor.out" >&2; bench_die "fts5_floor failed"; }
    t1=$(bench_now)
    ft=$(bench_elapsed "$t0" "$t1")
    floor_times="$floor_times $ft"

    rm -f "$work/dossier.db" "$work/dossier.db-wal" "$work/dossier.db-shm"
    t0=$(bench_now)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' -o "$work/dossier.rss" \
            "$DOSSIER" index --db "$work/dossier.db" "$BENCH_CORPUS" >"$work/dossier.out" 2>&1 ||
            { tail -20 "$work/dossier.out" >&2; bench_die "dossier index failed (log: $work/dossier.out)"; }
        rss_list="$rss_list $(tail -1 "$work/dossier.rss")"
    else
        "$DOSSIER" index --db "$work/dossier.db" "$BENCH_CORPUS" >"$work/dossier.out" 2>&1 ||
            { tail -20 "$work/dossier.out" >&2; bench_die "dossier index failed (log: $work/dossier.out)"; }
    fi
    t1=$(bench_now)
    dt=$(bench_elapsed "$t0" "$t1")
    dossier_times="$dossier_times $dt"
    bench_note "run $i: floor $ft s, dossier $dt s"
    i=$((i + 1))
done

# shellcheck disable=SC2086
floor_s=$(bench_median $floor_times)
# shellcheck disable=SC2086
dossier_s=$(bench_median $dossier_times)
ratio=$(awk -v a="$dossier_s" -v b="$floor_s" 'BEGIN { printf "%.2f", a / b }')
floor_db_mb=$(du -m "$work/floor.db" | cut -f1)
dossier_db_mb=$(du -cm "$work"/dossier.db* | tail -1 | cut -f1)
rss_kb=0
# shellcheck disable=SC2086
[ -n "$rss_list" ] && rss_kb=$(bench_median $rss_list)

bench_note "dossier said: $(tr '\r' '\n' <"$work/dossier.out" | grep -v '^ *$' | tail -1)"
echo "read   $docs docs $mb MB: cat $read_s s ($(bench_mbs "$BENCH_CORPUS_BYTES" "$read_s") MB/s)"
echo "index  $docs docs $mb MB: floor $floor_s s ($(bench_mbs "$BENCH_CORPUS_BYTES" "$floor_s") MB/s)" \
    "dossier $dossier_s s ($(bench_mbs "$BENCH_CORPUS_BYTES" "$dossier_s") MB/s)" \
    "ratio $ratio (target <= 2.0)"
echo "size   floor db $floor_db_mb MB, dossier db $dossier_db_mb MB; dossier index peak RSS $((rss_kb / 1024)) MB"
echo "RESULT index docs=$docs bytes=$BENCH_CORPUS_BYTES read_s=$read_s floor_s=$floor_s" \
    "dossier_s=$dossier_s ratio=$ratio floor_db_mb=$floor_db_mb dossier_db_mb=$dossier_db_mb" \
    "rss_kb=$rss_kb runs=$runs" | tee "$work/index.result"
