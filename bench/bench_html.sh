#!/bin/sh
# bench_html.sh — HTML reading speed (MB/s of HTML through ingest_file:
# sniff, decode, parse, main text, metadata, cleaning) on Readability's test
# pages in ../shared, against its floor, libxml2's parser alone on the same
# bytes. Target: >= 20 MB/s on one core. Then the same pages indexed: the
# database against the raw bytes (issue 16: <= 2x; a page's raw markup is
# kept, deflated, for `show --raw`).
#
#   bench/bench_html.sh [--rounds 5] [--build DIR]
set -eu
. "$(dirname "$0")/lib.sh"
rounds=5 build=''
while [ $# -gt 0 ]; do
    case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
bench_find_build "$build"
bench_make bench/bench_html
pages="$BENCH_SRC/../shared/corpus/readability"
[ -d "$pages" ] || bench_die "no $pages (Readability's test pages)"
bench_note "load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2046
"$BENCH_BUILD/bench/bench_html" --rounds "$rounds" $(find "$pages" -name source.html | sort)

# The database those pages make, against their bytes.
bench_dossier
bench_isolate
dir=$BENCH_OUT/html-pages
rm -rf "$dir" && mkdir -p "$dir/pages"
for f in $(find "$pages" -name source.html | sort); do
    cp "$f" "$dir/pages/$(basename "$(dirname "$f")").html"
done
"$DOSSIER" --db "$dir/index.db" index "$dir/pages" >/dev/null
raw=$(cat "$dir"/pages/*.html | wc -c)
db=$(wc -c <"$dir/index.db")
awk -v d="$db" -v r="$raw" 'BEGIN { printf "RESULT html-db raw_bytes=%d db_bytes=%d db_over_raw=%.2f\n", r, d, d / r }'
