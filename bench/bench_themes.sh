#!/bin/sh
# bench_themes.sh — what the themes cost an index run (issue 14: fitting
# and assigning at most 10% of the run). Indexes N generated articles (the
# news profile, English) into a fresh index; the run fits the themes at its
# end and its summary line states that step's CPU (`themes fitted, N
# articles assigned (X s CPU)`), read against the run's whole CPU
# (/usr/bin/time user + system). Then 1% more articles (another seed of
# the generator) are added: the second run assigns only those, and its
# themes CPU is read the same way. Last, `dossier themes --refit` (the same
# fit by hand, in a process of its own) for comparison. CPU, not wall: the
# machine is shared.
#
#   bench/bench_themes.sh [--docs 32000] [--seed 1] [--build DIR]
set -eu
. "$(dirname "$0")/lib.sh"

docs=32000 seed=1 build=''
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
export BENCH_PROFILE="${BENCH_PROFILE:-news}"
bench_find_build "$build"
bench_isolate
bench_dossier
bench_corpus "$docs" "$seed"
main=$BENCH_CORPUS
more=$BENCH_OUT/themes-more-$docs
if [ ! -d "$more" ]; then
    bench_make bench/gen_corpus
    "$BENCH_BUILD/bench/gen_corpus" --seed $((seed + 100)) --docs $((docs / 100)) \
        --out "$more.tmp" --profile news --zh-share 0 >/dev/null || bench_die "gen_corpus failed"
    mkdir -p "$more"
    mv "$more.tmp" "$more/new"
fi
db=$BENCH_OUT/themes-$docs.db
rm -f "$db" "$db-wal" "$db-shm"

# cpu OUT CMD...: run CMD (its output into OUT), print its user + system CPU
cpu() {
    out=$1
    shift
    /usr/bin/time -f '%U %S' -o "$BENCH_OUT/time.out" "$@" >"$out"
    awk '{ printf "%.2f", $1 + $2 }' "$BENCH_OUT/time.out"
}
# the themes step's CPU from an index summary line
step() { sed -n 's/.*themes fitted, [0-9]* articles assigned (\([0-9.]*\) s CPU).*/\1/p; s/.* assigned to themes (\([0-9.]*\) s CPU).*/\1/p' "$1"; }

full=$(cpu "$BENCH_OUT/themes-full.out" "$DOSSIER" --db "$db" index "$main")
fit=$(step "$BENCH_OUT/themes-full.out")
n=$("$DOSSIER" --db "$db" themes --json | sed -n 's/^{"k":[0-9]*,"seed":[0-9]*,"documents":\([0-9]*\),.*/\1/p')
incr=$(cpu "$BENCH_OUT/themes-incr.out" "$DOSSIER" --db "$db" index "$main" "$more")
assign=$(step "$BENCH_OUT/themes-incr.out")
added=$(sed -n 's/.*; \([0-9]*\) assigned to themes.*/\1/p' "$BENCH_OUT/themes-incr.out")
refit=$(cpu "$BENCH_OUT/themes-refit.out" "$DOSSIER" --db "$db" themes --refit)
read_cpu=$(cpu "$BENCH_OUT/themes-read.out" "$DOSSIER" --db "$db" themes)
echo "themes' cost (${BENCH_REV:-$(bench_rev)}, $n documents, news profile):"
awk -v f="$full" -v t="$fit" -v i="$incr" -v a="$assign" -v r="$refit" -v rd="$read_cpu" \
    -v n="$n" -v m="${added:-0}" 'BEGIN {
    printf "  fresh index run CPU %.2f s; themes (sample fit + every article assigned) %.2f s = %.1f%% of the run (target <= 10%%)\n", f, t, 100 * t / f
    printf "  incremental run (+%d articles) CPU %.2f s; themes (the new ones assigned) %.2f s = %.1f%%\n", m, i, a, (i > 0 ? 100 * a / i : 0)
    printf "  dossier themes --refit CPU %.2f s (reading the stored themes: %.2f s)\n", r, rd }'
sed 's/^/  /' "$BENCH_OUT/themes-read.out" | head -10
