#!/bin/sh
# bench_tui.sh — the interface's costs, measured headless through
# `dossier browse --db X --script FILE --size 80x24` (keys from a file; --size
# 200x50 measures the full layout, where a script also computes the sidebar's
# topic counts before each screen, idle work in a terminal):
#   first screen  start, open the index, fetch and draw one screen, quit
#   scroll        per key, from 2000 `j` and 500 `<PgDn>` minus the first screen
#                 (a negative value means the keys cost less than the noise)
#   query redraw  per query: `s`, <C-u>, the words, <Enter>, for 10 queries
#   RSS           peak resident memory of the scroll run (/usr/bin/time)
# Targets at 1M docs: first screen <= 150 ms, scroll <= 5 ms per key, query
# redraw <= 50 ms, RSS <= 60 MB (and not growing with corpus size).
#
#   bench/bench_tui.sh [--docs 100000] [--runs 5] [--seed 1] [--build DIR] [--size 80x24]
#
# Needs the dossier database from bench_index.sh (or builds it). Skips, with a
# message and status 0, when this dossier has no `browse --script`.
set -eu
. "$(dirname "$0")/lib.sh"

docs=100000 runs=5 seed=1 build='' size=80x24
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
bench_find_build "$build"
bench_isolate
bench_make bench/gen_corpus
bench_dossier
bench_browse_db tui "$docs" "$seed"

# Scripts.
printf ':quit\n' >"$work/tui-first.keys"
NJ=2000 NP=500
{ i=0; while [ $i -lt $NJ ]; do echo j; i=$((i + 1)); done; echo ':quit'; } >"$work/tui-j.keys"
{ i=0; while [ $i -lt $NP ]; do echo '<PgDn>'; i=$((i + 1)); done; echo ':quit'; } \
    >"$work/tui-pgdn.keys"
# A search: `s` opens the query prompt, <C-u> clears it, <Enter> runs it.
"$BENCH_BUILD/bench/gen_corpus" --seed "$seed" --queries 10 >"$work/tui-queries.txt"
while read -r w1 w2; do
    printf 's\n<C-u>\n:type %s %s\n<Enter>\n' "$w1" "$w2"
done <"$work/tui-queries.txt" >"$work/tui-query.keys"
printf ':dump %s\n:quit\n' "$work/tui-query.dump" >>"$work/tui-query.keys"

# once SCRIPT -> wall milliseconds of one run; peak RSS (kB) in $work/tui.rss.
once() {
    t0=$(bench_now)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' -o "$work/tui.rss" "$DOSSIER" browse --db "$work/dossier.db" \
            --script "$1" --size "$size" >/dev/null 2>"$work/tui.err" </dev/null ||
            { cat "$work/tui.err" >&2; bench_die "browse --script $1 failed"; }
    else
        "$DOSSIER" browse --db "$work/dossier.db" --script "$1" --size "$size" \
            >/dev/null 2>"$work/tui.err" </dev/null ||
            { cat "$work/tui.err" >&2; bench_die "browse --script $1 failed"; }
    fi
    t1=$(bench_now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) * 1000 }'
}
rss_of() { tail -1 "$work/tui.rss" 2>/dev/null || echo 0; }

# Rounds: each round runs the four scripts once, so drift in the machine's
# load falls on all of them; per-key costs are medians of per-round
# differences against that round's first screen.
once "$work/tui-first.keys" >/dev/null # warm-up: page cache, not timed
firsts='' jd='' pd='' qd='' rss_kb=0
r=0
while [ $r -lt "$runs" ]; do
    f=$(once "$work/tui-first.keys")
    j=$(once "$work/tui-j.keys")
    rss_kb=$(rss_of)
    p=$(once "$work/tui-pgdn.keys")
    q=$(once "$work/tui-query.keys")
    firsts="$firsts $f"
    jd="$jd $(awk -v t="$j" -v f="$f" -v n="$NJ" 'BEGIN { printf "%.3f", (t - f) / n }')"
    pd="$pd $(awk -v t="$p" -v f="$f" -v n="$NP" 'BEGIN { printf "%.3f", (t - f) / n }')"
    qd="$qd $(awk -v t="$q" -v f="$f" -v n=10 'BEGIN { printf "%.3f", (t - f) / n }')"
    bench_note "round $((r + 1)): first $f ms, $NJ j $j ms, $NP PgDn $p ms, 10 queries $q ms"
    r=$((r + 1))
done
# The query run must have searched: its last screen names the last query.
last=$(tail -1 "$work/tui-queries.txt")
grep -q "$last" "$work/tui-query.dump" ||
    bench_note "WARNING: the query script did not search (no '$last' on the last screen)"
# shellcheck disable=SC2086
first=$(bench_median $firsts) j_key=$(bench_median $jd) pg_key=$(bench_median $pd)
# shellcheck disable=SC2086
q_each=$(bench_median $qd)
result=$work/tui.result
[ "$size" = 80x24 ] || result=$work/tui-$size.result
echo "tui    $docs docs at $size: first screen $first ms (target <= 150 at 1M)," \
    "scroll j $j_key ms/key, PgDn $pg_key ms/key (target <= 5)," \
    "query redraw $q_each ms (target <= 50), RSS $(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')" \
    "MB (target <= 60)"
echo "RESULT tui docs=$docs size=$size first_ms=$first j_ms=$j_key pgdn_ms=$pg_key" \
    "query_ms=$q_each rss_kb=$rss_kb rev=${BENCH_REV:-unknown}" \
    "load=$(cut -d' ' -f1 /proc/loadavg)" | tee "$result"
