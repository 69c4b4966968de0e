#!/bin/sh
# bench_incr.sh — incremental index runs (issue 16): after a fresh index of a
# copy of the corpus, (1) a no-change re-index against a stat walk of the
# tree (`find -printf '%s %T@'`), median of --runs, CPU and wall; (2) 1% of
# the files changed (a line appended) and 0.5% deleted: the run's time and
# how the database grew (pages, free pages, full-text segments) against the
# bytes changed; (3) the no-change run again after it.
#
#   bench/bench_incr.sh [--docs 10000] [--runs 5] [--seed 1] [--build DIR]
#                       [--profile classic|news] [--zh-share F]
#
# Needs sqlite3 (the command-line shell) to read page counts; without it
# those columns show "-". Every index run's peak RSS (/usr/bin/time %M) is
# printed; BENCH_RSS_EVERY=SECONDS also writes the fresh run's resident-size
# curve (seconds, VmRSS kB, VmHWM kB) to WORK/first.rss. With sqlite3's
# dbstat table, the tables and indexes that grew most in the change run are
# listed (kB).
set -eu
. "$(dirname "$0")/lib.sh"

docs=10000 runs=5 seed=1 build=''
BENCH_PROFILE=news BENCH_ZH=0
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --profile) BENCH_PROFILE=$2; shift 2 ;;
    --zh-share) BENCH_ZH=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
export BENCH_PROFILE BENCH_ZH
bench_find_build "$build"
bench_isolate
bench_make bench/gen_corpus
bench_dossier
bench_corpus "$docs" "$seed"
work=$BENCH_OUT/incr-$docs-seed$seed$(bench_tag)
rm -rf "$work"
mkdir -p "$work"
cp -r "$BENCH_CORPUS" "$work/tree"
db=$work/dossier.db

cpu_of() { awk '{ printf "%.3f", $1 + $2 }' "$1"; }
pages() {
    if command -v sqlite3 >/dev/null; then
        sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null 2>&1 || true
        sqlite3 "$db" 'PRAGMA page_count; PRAGMA freelist_count;' | tr '\n' ' '
    else
        echo "- -"
    fi
}
# sample_rss PID OUT EVERY: the resident size of PID's child (the indexer
# under /usr/bin/time) every EVERY seconds until PID ends
sample_rss() {
    s0=$(bench_now)
    while kill -0 "$1" 2>/dev/null; do
        c=$(cat "/proc/$1/task/$1/children" 2>/dev/null | awk '{ print $1 }')
        if [ -n "$c" ] && [ -r "/proc/$c/status" ]; then
            awk -v t="$(bench_elapsed "$s0" "$(bench_now)")" \
                '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { if (r) print t, r, h }' \
                "/proc/$c/status" 2>/dev/null >>"$2" || true
        fi
        sleep "$3"
    done
}
index_once() { # index_once TAG -> sets W (wall) C (cpu) M (peak RSS kB)
    t0=$(bench_now)
    /usr/bin/time -f '%U %S %M' -o "$work/$1.time" "$DOSSIER" index --db "$db" "$work/tree" \
        >"$work/$1.out" 2>&1 &
    tpid=$!
    if [ "$1" = first ] && [ -n "${BENCH_RSS_EVERY:-}" ]; then
        : >"$work/first.rss"
        sample_rss "$tpid" "$work/first.rss" "$BENCH_RSS_EVERY"
    fi
    wait "$tpid" || { tail -5 "$work/$1.out" >&2; bench_die "dossier index failed"; }
    t1=$(bench_now)
    W=$(bench_elapsed "$t0" "$t1") C=$(cpu_of "$work/$1.time")
    M=$(awk '{ print $3 }' "$work/$1.time")
}
nochange() { # nochange LABEL: medians of runs, against the stat walk
    ws='' cs='' fw='' fc='' ms=''
    i=1
    while [ "$i" -le "$runs" ]; do
        t0=$(bench_now)
        /usr/bin/time -f '%U %S' -o "$work/find.time" \
            find "$work/tree/" -type f -printf '%s %T@ %p\n' >/dev/null
        t1=$(bench_now)
        fw="$fw $(bench_elapsed "$t0" "$t1")" fc="$fc $(cpu_of "$work/find.time")"
        index_once nochange
        ws="$ws $W" cs="$cs $C" ms="$ms $M"
        i=$((i + 1))
    done
    # shellcheck disable=SC2086
    set -- "$(bench_median $ws)" "$(bench_median $cs)" "$(bench_median $fw)" "$(bench_median $fc)"
    r=$(awk -v a="$1" -v b="$3" 'BEGIN { printf "%.2f", a / b }')
    echo "no-change re-index ($label): wall $1 s, cpu $2 s; stat walk wall $3 s, cpu $4 s;" \
        "ratio (wall) $r (target <= 2); peak RSS$ms kB"
    NC_RATIO=$r NC_WALL=$1
}

index_once first
echo "fresh index of $docs docs: wall $W s, cpu $C s, peak RSS $M kB; pages/free $(pages)"
first_rss=$M
set -- $(pages)
p0=${1:--} f0=${2:--}
label=first nochange

# kB per table or index (sqlite3's dbstat), to tell what a change run grew
table_kb() {
    sqlite3 "$db" 'SELECT name, sum(pgsize) / 1024 FROM dbstat GROUP BY name;' 2>/dev/null |
        sort >"$1" || : >"$1"
}
table_kb "$work/tables.before"

# 1% changed (a line appended), 0.5% deleted
find "$work/tree" -type f -name '*.txt' | sort >"$work/all.list"
awk 'NR % 100 == 7' "$work/all.list" >"$work/changed.list"
awk 'NR % 200 == 51' "$work/all.list" >"$work/deleted.list"
while read -r f; do echo "A line added to the article about the port strike." >>"$f"; done \
    <"$work/changed.list"
changed_bytes=$(xargs cat <"$work/changed.list" | wc -c)
xargs rm -f <"$work/deleted.list"
index_once change
set -- $(pages)
p1=${1:--} f1=${2:--}
grow_kb=$(awk -v a="$p0" -v b="$p1" 'BEGIN { if (a == "-") print "-"; else printf "%d", (b - a) * 4 }')
echo "changed $(wc -l <"$work/changed.list") files ($((changed_bytes / 1024)) kB)," \
    "deleted $(wc -l <"$work/deleted.list"): wall $W s, cpu $C s, peak RSS $M kB;" \
    "pages $p0 -> $p1 (+$grow_kb kB), free pages $f0 -> $f1"
cw=$W cc=$C change_rss=$M
table_kb "$work/tables.after"
join -t'|' -a2 -e0 -o 0,1.2,2.2 "$work/tables.before" "$work/tables.after" |
    awk -F'|' '$3 != $2 { print $3 - $2, $1 }' | sort -rn | head -8 |
    awk '{ printf "  %-28s %+d kB\n", $2, $1 }'
label=after nochange
echo "RESULT incr docs=$docs nochange_ratio=$NC_RATIO nochange_s=$NC_WALL change_s=$cw" \
    "change_cpu_s=$cc grow_kb=$grow_kb changed_kb=$((changed_bytes / 1024)) free_before=$f0" \
    "free_after=$f1 first_rss_kb=$first_rss change_rss_kb=$change_rss rev=${BENCH_REV:-unknown}" | tee "$work/incr.result"
