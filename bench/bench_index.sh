#!/bin/sh
# bench_index.sh — indexing throughput of `dossier index` against its floor,
# a bare FTS5 table filled from the same files (bench/fts5_floor), and the
# read-only floor (cat every file to /dev/null).
#
#   bench/bench_index.sh [--docs 100000] [--runs 3] [--seed 1] [--build DIR]
#                        [--profile classic|news] [--zh-share F] [--name NAME]
#                        [--bigram-floor]
#
# --profile news --zh-share F indexes the real-looking corpus (bench/README.md)
# with a share F of Chinese documents; --name labels the RESULT line
# (corpus=NAME) so run_all.sh can show several corpora side by side.
# A corpus with Chinese (--zh-share above 0) or --bigram-floor is also put
# into the fair floor for CJK, `fts5_floor --bigram` (the same bare FTS5
# insert with a plain bigram tokenizer, the token stream dossier's index
# makes; bench/fts5_floor.c), and dossier is reported against both floors
# (bigram_* keys on the RESULT line; the plain floor stays the floor).
# The corpus is generated once and cached in $BENCH_OUT (default
# BUILD/bench/out) as corpus-N-seedS/. The page cache is warmed by reading
# every file first, so both sides read from memory; each run starts from a
# fresh database; floor and dossier runs alternate so background load hits
# both alike. Medians are printed, then one key=value line for run_all.sh.
# Exit status 1 when a tool fails (a failed `dossier index` is a failure, not
# a number).
set -eu
. "$(dirname "$0")/lib.sh"

docs=100000 runs=3 seed=1 build='' name='' bigram=0
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --profile) BENCH_PROFILE=$2; shift 2 ;;
    --zh-share) BENCH_ZH=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --bigram-floor) bigram=1; shift ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
bench_find_build "$build"
bench_isolate
bench_make bench/gen_corpus bench/fts5_floor
bench_dossier
export BENCH_PROFILE BENCH_ZH
[ "${BENCH_PROFILE:-classic}" = news ] && [ "$(awk -v z="${BENCH_ZH:-0}" 'BEGIN { print (z > 0) }')" = 1 ] && bigram=1
bench_corpus "$docs" "$seed"
work=$BENCH_OUT/work-$docs-seed$seed$(bench_tag)
mkdir -p "$work"
mb=$(awk -v b="$BENCH_CORPUS_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
bench_note "corpus $BENCH_CORPUS: $docs docs, $mb MB; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

# Read floor: the second pass is the one measured (the first fills the cache).
cat_all() { find "$BENCH_CORPUS/" -type f -name '*.txt' -print0 | xargs -0 cat >/dev/null; }
cat_all
t0=$(bench_now); cat_all; t1=$(bench_now)
read_s=$(bench_elapsed "$t0" "$t1")

# timed OUT CMD... — run CMD with output to OUT; sets T_WALL, T_CPU (user+sys,
# seconds) and T_RSS (peak kB; 0 without /usr/bin/time). CPU time is the
# steadier number on a loaded machine; wall time is what a user waits.
timed() {
    out=$1; shift
    t0=$(bench_now)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%U %S %M' -o "$out.time" "$@" >"$out" 2>&1 || return 1
        # shellcheck disable=SC2046
        set -- $(tail -1 "$out.time")
        T_CPU=$(awk -v u="$1" -v s="$2" 'BEGIN { printf "%.2f", u + s }') T_RSS=$3
    else
        "$@" >"$out" 2>&1 || return 1
        T_CPU=0 T_RSS=0
    fi
    t1=$(bench_now)
    T_WALL=$(bench_elapsed "$t0" "$t1")
}

floor_w='' floor_c='' dossier_w='' dossier_c='' rss_list='' floor_rss_list='' big_w='' big_c=''
i=1
while [ "$i" -le "$runs" ]; do
    rm -f "$work/floor.db" "$work/floor.db-wal" "$work/floor.db-shm"
    timed "$work/floor.out" "$BENCH_BUILD/bench/fts5_floor" --db "$work/floor.db" "$BENCH_CORPUS" ||
        { cat "$work/floor.out" >&2; bench_die "fts5_floor failed"; }
    floor_w="$floor_w $T_WALL" floor_c="$floor_c $T_CPU" floor_rss_list="$floor_rss_list $T_RSS"
    fw=$T_WALL fc=$T_CPU bnote=''
    if [ "$bigram" = 1 ]; then
        rm -f "$work/bigram.db" "$work/bigram.db-wal" "$work/bigram.db-shm"
        timed "$work/bigram.out" "$BENCH_BUILD/bench/fts5_floor" --bigram --db "$work/bigram.db" "$BENCH_CORPUS" ||
            { cat "$work/bigram.out" >&2; bench_die "fts5_floor --bigram failed"; }
        big_w="$big_w $T_WALL" big_c="$big_c $T_CPU"
        bnote=" bigram floor $T_WALL s (cpu $T_CPU s),"
    fi

    rm -f "$work/dossier.db" "$work/dossier.db-wal" "$work/dossier.db-shm"
    timed "$work/dossier.out" "$DOSSIER" index --db "$work/dossier.db" "$BENCH_CORPUS" ||
        { tail -20 "$work/dossier.out" >&2; bench_die "dossier index failed (log: $work/dossier.out)"; }
    dossier_w="$dossier_w $T_WALL" dossier_c="$dossier_c $T_CPU" rss_list="$rss_list $T_RSS"
    bench_note "run $i: floor $fw s (cpu $fc s),$bnote dossier $T_WALL s (cpu $T_CPU s);" \
        "load $(cut -d' ' -f1 /proc/loadavg)"
    i=$((i + 1))
done

# shellcheck disable=SC2086
floor_s=$(bench_median $floor_w) floor_cpu=$(bench_median $floor_c)
# shellcheck disable=SC2086
dossier_s=$(bench_median $dossier_w) dossier_cpu=$(bench_median $dossier_c)
ratio=$(awk -v a="$dossier_s" -v b="$floor_s" 'BEGIN { printf "%.2f", a / b }')
cpu_ratio=$(awk -v a="$dossier_cpu" -v b="$floor_cpu" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }')
floor_db_mb=$(du -m "$work/floor.db" | cut -f1)
bigram_kv=''
if [ "$bigram" = 1 ]; then
    # shellcheck disable=SC2086
    big_s=$(bench_median $big_w) big_cpu=$(bench_median $big_c)
    big_ratio=$(awk -v a="$dossier_s" -v b="$big_s" 'BEGIN { printf "%.2f", a / b }')
    big_cpu_ratio=$(awk -v a="$dossier_cpu" -v b="$big_cpu" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }')
    bigram_kv=" bigram_floor_s=$big_s bigram_floor_cpu_s=$big_cpu bigram_ratio=$big_ratio bigram_cpu_ratio=$big_cpu_ratio"
fi
dossier_db_mb=$(du -cm "$work"/dossier.db* | tail -1 | cut -f1)
# shellcheck disable=SC2086
rss_kb=$(bench_median $rss_list) floor_rss_kb=$(bench_median $floor_rss_list)
db_bytes=$(du -cb "$work"/dossier.db* | tail -1 | cut -f1)
db_raw_ratio=$(awk -v a="$db_bytes" -v b="$BENCH_CORPUS_BYTES" 'BEGIN { printf "%.2f", a / b }')

bench_note "dossier said: $(tr '\r' '\n' <"$work/dossier.out" | grep -v '^ *$' | tail -1)"
echo "read   $docs docs $mb MB: cat $read_s s ($(bench_mbs "$BENCH_CORPUS_BYTES" "$read_s") MB/s)"
echo "index  $docs docs $mb MB: floor $floor_s s ($(bench_mbs "$BENCH_CORPUS_BYTES" "$floor_s") MB/s)" \
    "dossier $dossier_s s ($(bench_mbs "$BENCH_CORPUS_BYTES" "$dossier_s") MB/s)" \
    "ratio $ratio (target <= 2.0)"
echo "cpu    floor $floor_cpu s, dossier $dossier_cpu s (user+sys): ratio $cpu_ratio"
[ "$bigram" = 1 ] && echo "bigram floor $big_s s (cpu $big_cpu s): ratio $big_ratio, cpu ratio $big_cpu_ratio"
rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
# the median of an even number of runs is a mean, so it may not be whole
floor_rss_mb=$(awk -v k="$floor_rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
echo "size   floor db $floor_db_mb MB, dossier db $dossier_db_mb MB;" \
    "dossier index peak RSS $rss_mb MB (floor $floor_rss_mb MB); db/raw text $db_raw_ratio"
echo "RESULT index corpus=${name:-default} docs=$docs bytes=$BENCH_CORPUS_BYTES read_s=$read_s floor_s=$floor_s" \
    "dossier_s=$dossier_s ratio=$ratio floor_cpu_s=$floor_cpu dossier_cpu_s=$dossier_cpu" \
    "cpu_ratio=$cpu_ratio floor_db_mb=$floor_db_mb dossier_db_mb=$dossier_db_mb" \
    "rss_kb=$rss_kb floor_rss_kb=$floor_rss_kb db_raw_ratio=$db_raw_ratio$bigram_kv runs=$runs rev=${BENCH_REV:-unknown} load=$(cut -d' ' -f1 /proc/loadavg)" | tee "$work/index${name:+-$name}.result"
