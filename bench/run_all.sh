#!/bin/sh
# run_all.sh — the benchmarks at one corpus size, then a summary table of
# each number against its floor and its target.
#
#   bench/run_all.sh [--full] [--docs N] [--runs 3] [--seed 1] [--build DIR] [--report]
#
# Indexing runs on three real-looking corpora side by side (the news profile:
# English, Chinese with --zh-share 1.0, mixed with 0.4), each against the
# bare-FTS5 floor in the same run. The default is short (5,000 documents,
# indexing only); --full runs 100,000 documents (unless --docs) and the
# query, browser and statistics benchmarks too (on the classic corpus).
# --report runs nothing: it prints the table from the results the scripts
# left in $BENCH_OUT/work-N-seedS/ (*.result).
#
# A benchmark that fails or is unavailable shows as such in the table; the
# others still run. Exit status 1 when any failed. A copy of the output goes
# to $BENCH_OUT/summary-N-seedS.txt with the machine, load and git revision.
set -u
. "$(dirname "$0")/lib.sh"

docs='' runs=3 seed=1 build='' report=0 full=0
while [ $# -gt 0 ]; do
    case $1 in
    --report) report=1; shift ;;
    --full) full=1; shift ;;
    --docs) docs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
[ -n "$docs" ] || { [ "$full" = 1 ] && docs=100000 || docs=5000; }
benches="index-en index-zh index-mixed"
[ "$full" = 1 ] && benches="$benches query tui stats"
bench_find_build "$build"
here=$(dirname "$0")
log=$BENCH_OUT/run_all-$docs-seed$seed.log
: >"$log"
status=0
work=$BENCH_OUT/work-$docs-seed$seed
for b in $benches; do
    kind=${b%%-*}
    if [ "$report" = 1 ]; then
        case $b in
        index-en) f=$BENCH_OUT/work-$docs-seed$seed-news-zh0/index-en.result ;;
        index-zh) f=$BENCH_OUT/work-$docs-seed$seed-news-zh1.0/index-zh.result ;;
        index-mixed) f=$BENCH_OUT/work-$docs-seed$seed-news-zh0.4/index-mixed.result ;;
        *) f=$work/$b.result ;;
        esac
        cat "$f" >>"$log" 2>/dev/null || echo "RESULT $kind corpus=${b#*-} failed=1" >>"$log"
        continue
    fi
    ix="$here/bench_index.sh --runs $runs --profile news --name ${b#*-} --zh-share"
    case $b in
    index-en) set -- $ix 0 ;;
    index-zh) set -- $ix 1.0 ;;
    index-mixed) set -- $ix 0.4 ;;
    query) set -- "$here/bench_query.sh" --runs "$runs" ;;
    tui) set -- "$here/bench_tui.sh" --runs "$((runs < 5 ? 5 : runs))" ;;
    stats) set -- "$here/bench_stats.sh" --runs "$runs" ;;
    esac
    echo "== $b" >&2
    if ! sh "$@" --docs "$docs" --seed "$seed" --build "$BENCH_BUILD" 2>&1 | tee -a "$log" >&2; then
        status=1
    fi
    want="RESULT $kind "
    [ "$kind" = index ] && want="RESULT index corpus=${b#*-} "
    grep -q "^$want" "$log" || { echo "${want}failed=1" >>"$log"; status=1; }
done

# kv KIND KEY -> value from the RESULT line of KIND, or "-"; KIND index-X
# is the index run on corpus X
kv() {
    case $1 in
    index-*) grep "^RESULT index corpus=${1#index-} " "$log" ;;
    *) grep "^RESULT $1 " "$log" ;;
    esac | sed -n "s/.*\\b$2=\\([^ ]*\\).*/\\1/p" | tail -1 | grep . || echo -
}
verdict() { # verdict VALUE OP LIMIT
    [ "$1" = - ] && { echo "n/a"; return; }
    awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = op == "<=" ? v <= l : v >= l; print ok ? "ok" : "MISS" }'
}
sum=$BENCH_OUT/summary-$docs-seed$seed.txt
{
    echo "dossier benchmarks: $docs docs (seed $seed), $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
        "sqlite $(pkg-config --modversion sqlite3 2>/dev/null || echo '?')," \
        "git $(git -C "$BENCH_SRC" rev-parse --short HEAD 2>/dev/null || echo '?')"
    row() { printf '%-28s %12s %12s %8s %12s %s\n' "$@"; }
    row measure dossier floor ratio target verdict
    for c in en zh mixed; do
        k=index-$c
        fs=$(kv "$k" floor_s) ds=$(kv "$k" dossier_s) r=$(kv "$k" ratio) cr=$(kv "$k" cpu_ratio)
        mbs() { [ "$1" = - ] && echo - || bench_mbs "$(kv "$k" bytes)" "$1"; }
        row "index $c (s)" "$ds" "$fs" "$r" "ratio<=1.3" "$(verdict "$r" "<=" 1.3)"
        row "index $c (MB/s)" "$(mbs "$ds")" "$(mbs "$fs")" "" ""
        row "index $c CPU (s)" "$(kv "$k" dossier_cpu_s)" "$(kv "$k" floor_cpu_s)" "$cr" \
            "ratio<=2.0" "$(verdict "$cr" "<=" 2.0)"
        if [ "$(kv "$k" bigram_floor_s)" != - ]; then
            # the fair floor for CJK text: the same insert with bigrams (fts5_floor --bigram)
            row "index $c vs bigram floor (s)" "$ds" "$(kv "$k" bigram_floor_s)" \
                "$(kv "$k" bigram_ratio)" "" ""
            bcr=$(kv "$k" bigram_cpu_ratio)
            row "index $c CPU vs bigram (s)" "$(kv "$k" dossier_cpu_s)" \
                "$(kv "$k" bigram_floor_cpu_s)" "$bcr" "ratio<=2.0" "$(verdict "$bcr" "<=" 2.0)"
        fi
        rk=$(kv "$k" rss_kb)
        row "index $c peak RSS (kB)" "$rk" "$(kv "$k" floor_rss_kb)" "" "<=65536" \
            "$(verdict "$rk" "<=" 65536)"
        row "index $c db (MB)" "$(kv "$k" dossier_db_mb)" "$(kv "$k" floor_db_mb)" \
            "$(kv "$k" db_raw_ratio)" "db/raw<=2.0" "$(verdict "$(kv "$k" db_raw_ratio)" "<=" 2.0)"
    done
    [ "$full" = 1 ] || { grep '^RESULT .*failed=1' "$log" | sed 's/^RESULT \([a-z]*\).*/FAILED: \1/'; exit 0; }
    d50=$(kv query dossier_p50_ms)
    row "query p50 (ms)" "$d50" "$(kv query floor_p50_ms)" \
        "$(kv query ratio_p50)" "<=5" "$(verdict "$d50" "<=" 5)"
    row "query p50 selective (ms)" "$(kv query selective_p50_ms)" "" "" ""
    row "query p50 broad (ms)" "$(kv query broad_p50_ms)" "" "" ""
    row "query p95 (ms)" "$(kv query dossier_p95_ms)" "$(kv query floor_p95_ms)" "" ""
    row "peer $(kv query peer) p50 (ms)" "" "$(kv query peer_p50_ms)" "" ""
    f=$(kv tui first_ms) j=$(kv tui j_ms) q=$(kv tui query_ms) m=$(kv tui rss_kb)
    row "tui first screen (ms)" "$f" "" "" "<=150 @1M" "$(verdict "$f" "<=" 150)"
    row "tui scroll j (ms/key)" "$j" "" "" "<=5" "$(verdict "$j" "<=" 5)"
    row "tui PgDn (ms/key)" "$(kv tui pgdn_ms)" "" "" "<=5"
    row "tui query redraw (ms)" "$q" "" "" "<=50 @1M" "$(verdict "$q" "<=" 50)"
    row "tui RSS (kB)" "$m" "" "" "<=61440" "$(verdict "$m" "<=" 61440)"
    sa=$(kv stats all_ms) sq=$(kv stats query_ms)
    row "stats view, all (ms)" "$sa" "$(kv stats first_ms)" "" "<=200 @100k" "$(verdict "$sa" "<=" 200)"
    row "stats view, query p50 (ms)" "$sq" "" "" "<=200 @100k" "$(verdict "$sq" "<=" 200)"
    row "keyness cli, query 1 (ms)" "$(kv stats q1_cli_keyness_ms)" "" "" ""
    row "kwic in browser, q1 (ms)" "$(kv stats q1_kwic_ms)" "" "" ""
    echo "load (1 min) at the end of each: index $(kv index-en load), query $(kv query load), tui $(kv tui load), stats $(kv stats load)"
    echo "source revision measured: index $(kv index-en rev), query $(kv query rev), tui $(kv tui rev), stats $(kv stats rev)"
    grep '^RESULT .*failed=1' "$log" | sed 's/^RESULT \([a-z]*\).*/FAILED: \1 (see '"$(basename "$log")"')/'
    grep '^RESULT .*skipped=1' "$log" | sed 's/^RESULT \([a-z]*\).*/skipped: \1/'
} | tee "$sum"
exit $status
