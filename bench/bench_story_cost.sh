#!/bin/sh
# bench_story_cost.sh — what grouping articles into stories costs an index
# run (issue 17: at most 10% of indexing time). Indexes N generated articles
# (plus basil-dev and the BBC set when ../shared is there) into a fresh
# index and reads that run's CPU; then, --runs times, deletes every story
# row and runs `dossier index` again (nothing changed: the run walks the
# files and groups every article anew), and an unchanged run with the
# stories in place. Grouping = the first minus the second, as a share of
# the full run's CPU. CPU (user + system), not wall: the machine is shared.
#
#   bench/bench_story_cost.sh [--docs 30000] [--seed 1] [--runs 3] [--build DIR]
set -eu
. "$(dirname "$0")/lib.sh"

docs=30000 seed=1 runs=3 build=''
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
command -v sqlite3 >/dev/null || bench_die "needs the sqlite3 shell"
bench_find_build "$build"
bench_isolate
bench_dossier
bench_corpus "$docs" "$seed"
roots=$BENCH_CORPUS
shared=$BENCH_SRC/../shared/corpus
[ -d "$shared/basil-dev" ] && roots="$shared/basil-dev/txt $shared/bbc $roots"
db=$BENCH_OUT/story-cost-$docs.db
rm -f "$db" "$db-wal" "$db-shm"

# cpu CMD...: run CMD, print its user + system CPU seconds
cpu() {
    /usr/bin/time -f '%U %S' -o "$BENCH_OUT/time.out" "$@" >/dev/null
    awk '{ printf "%.2f", $1 + $2 }' "$BENCH_OUT/time.out"
}
# shellcheck disable=SC2086
full=$(cpu "$DOSSIER" --db "$db" index $roots)
groups='' unchanged=''
i=0
while [ "$i" -lt "$runs" ]; do
    sqlite3 "$db" "DELETE FROM story_docs;"
    # shellcheck disable=SC2086
    groups="$groups $(cpu "$DOSSIER" --db "$db" index $roots)"
    # shellcheck disable=SC2086
    unchanged="$unchanged $(cpu "$DOSSIER" --db "$db" index $roots)"
    i=$((i + 1))
done
# shellcheck disable=SC2086
g=$(bench_median $groups) u=$(bench_median $unchanged)
n=$(sqlite3 "$db" "SELECT count(*) FROM documents;")
echo "stories' cost (${BENCH_REV:-$(bench_rev)}, $n documents):"
echo "  full index run CPU $full s; regrouping run (median of$groups) $g s;" \
    "unchanged run (median of$unchanged) $u s"
awk -v f="$full" -v g="$g" -v u="$u" -v n="$n" 'BEGIN {
    x = g - u
    printf "  grouping %.2f s CPU = %.0f us a document = %.1f%% of the full run (target <= 10%%)\n",
        x, x / n * 1e6, 100 * x / f }'
