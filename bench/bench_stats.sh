#!/bin/sh
# bench_stats.sh — the statistics view's costs (issue 6), each from process
# start, headless through `dossier browse --db X --script FILE --size 200x50`
# and through the one-shot commands:
#   first screen   `:quit` — the floor: one screen of rows
#   stats all      `S` on the unfiltered list, every part computed (scripts
#                  compute all of the view's parts at once), minus the first screen
#   stats query    a two-word query, then `S`, minus the same query without `S`
#                  (for each of the first --queries generated queries)
#   kwic           `w` + the query's first word over the query's list, minus the query
#   cli            `dossier overview QUERY`, `dossier keyness QUERY` and
#                  `dossier kwic W1 QUERY` (one process each; wall ms)
#   entities       `dossier entities` on all documents and on each query (people,
#                  organisations, countries counted over the matching documents;
#                  exit status 1, nothing found, is not a failure)
# Target: the whole view <= 200 ms at 100k documents; numbers at 1M.
#
#   bench/bench_stats.sh [--docs 100000] [--runs 5] [--queries 3] [--seed 1] [--build DIR]
#
# Needs the dossier database from bench_index.sh (or builds it). Queries come
# from `gen_corpus --queries 10` (common words first). Rounds interleave the
# scripts so drift in the machine's load falls on all of them; each number is
# the median over rounds of the per-round difference.
set -eu
. "$(dirname "$0")/lib.sh"

docs=100000 runs=5 seed=1 build='' nq=3
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --queries) nq=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
bench_find_build "$build"
bench_isolate
bench_make bench/gen_corpus
bench_dossier
bench_browse_db stats "$docs" "$seed"
db=$work/dossier.db

# Scripts.
"$BENCH_BUILD/bench/gen_corpus" --seed "$seed" --queries 10 | head -n "$nq" >"$work/stats-queries.txt"
printf ':quit\n' >"$work/stats-first.keys"
printf 'S\n:dump %s\n:quit\n' "$work/stats-all.dump" >"$work/stats-all.keys"
i=0
while read -r w1 w2; do
    i=$((i + 1))
    printf 's\n<C-u>\n:type %s %s\n<Enter>\n:quit\n' "$w1" "$w2" >"$work/stats-q$i.keys"
    printf 's\n<C-u>\n:type %s %s\n<Enter>\nS\n:dump %s\n:quit\n' "$w1" "$w2" \
        "$work/stats-q$i.dump" >"$work/stats-qs$i.keys"
    printf 's\n<C-u>\n:type %s %s\n<Enter>\nw\n<C-u>\n:type %s\n<Enter>\n:quit\n' \
        "$w1" "$w2" "$w1" >"$work/stats-qk$i.keys"
done <"$work/stats-queries.txt"

# ms CMD... -> wall milliseconds of one run of CMD (output discarded)
ms() {
    t0=$(bench_now)
    "$@" >/dev/null 2>"$work/stats.err" </dev/null ||
        { cat "$work/stats.err" >&2; bench_die "$* failed"; }
    t1=$(bench_now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) * 1000 }'
}
# ms_found CMD... -> as ms, but exit status 1 (nothing found) is a result too
ms_found() {
    t0=$(bench_now)
    rc=0
    "$@" >/dev/null 2>"$work/stats.err" </dev/null || rc=$?
    [ "$rc" -le 1 ] || { cat "$work/stats.err" >&2; bench_die "$* failed"; }
    t1=$(bench_now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) * 1000 }'
}
browse() { ms "$DOSSIER" browse --db "$db" --script "$1" --size 200x50; }
diff_ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }

browse "$work/stats-first.keys" >/dev/null # warm-up: page cache, not timed
browse "$work/stats-all.keys" >/dev/null
firsts='' alls='' ents=''
r=0
while [ $r -lt "$runs" ]; do
    f=$(browse "$work/stats-first.keys")
    a=$(browse "$work/stats-all.keys")
    e=$(ms_found "$DOSSIER" entities --db "$db")
    firsts="$firsts $f" alls="$alls $(diff_ms "$a" "$f")" ents="$ents $e"
    i=1
    while [ $i -le "$nq" ]; do
        set -- $(sed -n "${i}p" "$work/stats-queries.txt")
        q=$(browse "$work/stats-q$i.keys")
        qs=$(browse "$work/stats-qs$i.keys")
        qk=$(browse "$work/stats-qk$i.keys")
        ov=$(ms "$DOSSIER" overview --db "$db" "$1 $2")
        kn=$(ms "$DOSSIER" keyness --db "$db" "$1 $2")
        kw=$(ms "$DOSSIER" kwic --db "$db" "$1" "$1 $2")
        en=$(ms_found "$DOSSIER" entities --db "$db" "$1 $2")
        eval "q_s$i=\"\${q_s$i:-} $(diff_ms "$qs" "$q")\""
        eval "q_k$i=\"\${q_k$i:-} $(diff_ms "$qk" "$q")\""
        eval "q_abs$i=\"\${q_abs$i:-} $qs\""
        eval "c_ov$i=\"\${c_ov$i:-} $ov\" c_kn$i=\"\${c_kn$i:-} $kn\" c_kw$i=\"\${c_kw$i:-} $kw\" c_en$i=\"\${c_en$i:-} $en\""
        i=$((i + 1))
    done
    bench_note "round $((r + 1)): first $f ms, S on all $a ms"
    r=$((r + 1))
done
grep -q 'articles' "$work/stats-all.dump" ||
    bench_note "WARNING: the S script did not show the statistics view"

# shellcheck disable=SC2086
first=$(bench_median $firsts) all=$(bench_median $alls) ent=$(bench_median $ents)
echo "stats  $docs docs: first screen $first ms; S on all: +$all ms (target <= 200 at 100k);" \
    "cli entities on all $ent ms"
kv="first_ms=$first all_ms=$all cli_entities_all_ms=$ent"
i=1
qmeds=''
while [ $i -le "$nq" ]; do
    words=$(sed -n "${i}p" "$work/stats-queries.txt")
    eval "s=\$(bench_median \$q_s$i) k=\$(bench_median \$q_k$i) abs=\$(bench_median \$q_abs$i)"
    eval "ov=\$(bench_median \$c_ov$i) kn=\$(bench_median \$c_kn$i) kw=\$(bench_median \$c_kw$i) en=\$(bench_median \$c_en$i)"
    # shellcheck disable=SC2154
    echo "stats  query $i '$words': S +$s ms (from start $abs ms), w +$k ms;" \
        "cli overview $ov ms, keyness $kn ms, kwic $kw ms, entities $en ms"
    kv="$kv q${i}_ms=$s q${i}_kwic_ms=$k q${i}_cli_overview_ms=$ov q${i}_cli_keyness_ms=$kn q${i}_cli_kwic_ms=$kw q${i}_cli_entities_ms=$en"
    qmeds="$qmeds $s"
    i=$((i + 1))
done
# shellcheck disable=SC2086
echo "RESULT stats docs=$docs $kv query_ms=$(bench_median $qmeds)" \
    "rev=${BENCH_REV:-unknown} load=$(cut -d' ' -f1 /proc/loadavg)" | tee "$work/stats.result"
