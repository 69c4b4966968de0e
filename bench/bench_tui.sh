#!/bin/sh
# bench_tui.sh — the interface's costs, measured headless through
# `dossier browse --db X --script FILE --size 80x24` (keys from a file):
#   first screen  start, open the index, fetch and draw one screen, quit
#   scroll        per key, from 400 `j` and 200 `<PgDn>` minus the first screen
#   query redraw  per query: `s`, <C-u>, the words, <Enter>, for 10 queries
#   RSS           peak resident memory of the scroll run (/usr/bin/time)
# Targets at 1M docs: first screen <= 150 ms, scroll <= 5 ms per key, query
# redraw <= 50 ms, RSS <= 60 MB (and not growing with corpus size).
#
#   bench/bench_tui.sh [--docs 100000] [--runs 5] [--seed 1] [--build DIR]
#
# Needs the dossier database from bench_index.sh (or builds it). Skips, with a
# message and status 0, when this dossier has no `browse --script`.
set -eu
. "$(dirname "$0")/lib.sh"

docs=100000 runs=5 seed=1 build=''
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
bench_make bench/gen_corpus
bench_dossier
work=$BENCH_OUT/work-$docs-seed$seed
mkdir -p "$work"
if ! "$DOSSIER" browse --help 2>&1 | grep -q -- '--script'; then
    echo "tui: dossier browse --script not available; skipped"
    echo "RESULT tui docs=$docs skipped=1"
    exit 0
fi
if [ ! -f "$work/dossier.db" ]; then
    bench_corpus "$docs" "$seed"
    bench_note "building the dossier database"
    "$DOSSIER" index --db "$work/dossier.db" "$BENCH_CORPUS" >"$work/dossier.out" 2>&1 ||
        bench_die "dossier index failed (log: $work/dossier.out)"
fi

# Scripts.
printf ':quit\n' >"$work/tui-first.keys"
{ i=0; while [ $i -lt 400 ]; do echo j; i=$((i + 1)); done; echo ':quit'; } >"$work/tui-j.keys"
{ i=0; while [ $i -lt 200 ]; do echo '<PgDn>'; i=$((i + 1)); done; echo ':quit'; } \
    >"$work/tui-pgdn.keys"
# A search: `s` opens the query prompt, <C-u> clears it, <Enter> runs it.
"$BENCH_BUILD/bench/gen_corpus" --seed "$seed" --queries 10 >"$work/tui-queries.txt"
while read -r w1 w2; do
    printf 's\n<C-u>\n:type %s %s\n<Enter>\n' "$w1" "$w2"
done <"$work/tui-queries.txt" >"$work/tui-query.keys"
printf ':dump %s\n:quit\n' "$work/tui-query.dump" >>"$work/tui-query.keys"

# run_ms SCRIPT -> median wall milliseconds over $runs runs; the last run's
# peak RSS (kB) goes to $work/tui.rss.
run_ms() {
    ts=''
    r=0
    while [ $r -lt "$runs" ]; do
        t0=$(bench_now)
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f '%M' -o "$work/tui.rss" "$DOSSIER" browse --db "$work/dossier.db" \
                --script "$1" --size 80x24 >/dev/null 2>"$work/tui.err" </dev/null ||
                { cat "$work/tui.err" >&2; bench_die "browse --script $1 failed"; }
        else
            "$DOSSIER" browse --db "$work/dossier.db" --script "$1" --size 80x24 \
                >/dev/null 2>"$work/tui.err" </dev/null ||
                { cat "$work/tui.err" >&2; bench_die "browse --script $1 failed"; }
        fi
        t1=$(bench_now)
        ts="$ts $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) * 1000 }')"
        r=$((r + 1))
    done
    # shellcheck disable=SC2086
    bench_median $ts
}
rss_of() { tail -1 "$work/tui.rss" 2>/dev/null || echo 0; }

first=$(run_ms "$work/tui-first.keys")
jms=$(run_ms "$work/tui-j.keys")
rss_kb=$(rss_of)
pgms=$(run_ms "$work/tui-pgdn.keys")
qms=$(run_ms "$work/tui-query.keys")
# The query run must have searched: its last screen names the last query.
last=$(tail -1 "$work/tui-queries.txt")
grep -q "$last" "$work/tui-query.dump" ||
    bench_note "WARNING: the query script did not search (no '$last' on the last screen)"
per() { awk -v t="$1" -v f="$first" -v n="$2" 'BEGIN { x = (t - f) / n; if (x < 0) x = 0; printf "%.2f", x }'; }
j_key=$(per "$jms" 400) pg_key=$(per "$pgms" 200) q_each=$(per "$qms" 10)
echo "tui    $docs docs: first screen $first ms (target <= 150 at 1M)," \
    "scroll j $j_key ms/key, PgDn $pg_key ms/key (target <= 5)," \
    "query redraw $q_each ms (target <= 50), RSS $(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')" \
    "MB (target <= 60)"
echo "RESULT tui docs=$docs first_ms=$first j_ms=$j_key pgdn_ms=$pg_key query_ms=$q_each" \
    "rss_kb=$rss_kb rev=${BENCH_REV:-unknown} load=$(cut -d' ' -f1 /proc/loadavg)" | tee "$work/tui.result"
