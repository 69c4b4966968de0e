#!/bin/sh
# bench_similar.sh — does `dossier similar` find the other outlets' versions
# of a story (issue 17)? Indexes ../shared/corpus/basil-dev (53 events, each
# told by three outlets) mixed with distractors — the BBC set, and with
# --docs N also N generated articles — then asks `similar` for each event
# article and reports P@1, top-3, top-10 and MRR of the same event's other
# versions, and the CPU per call (bench/similar_eval.py), for all events and
# for the odd-ranked ones alone (held out from similar_fit.py's fit), then
# how the index's stories match the events (bench/story_eval.py).
# Targets (issue 17): P@1 >= 0.90, top 10 >= 0.98; p95 <= 100 ms at 100k.
# --era DAYS indexes a copy of basil-dev whose events all start within DAYS
# days of each other (bench/basil_era.py): the other events' tellings, on the
# same people and topics, become same-era distractors that the date no
# longer rules out (the harder setting). --reuse keeps an index built before
# with the same options (a ranking change needs no new index).
#
#   bench/bench_similar.sh [--docs 0] [--seed 1] [--era DAYS] [--reuse] [--build DIR]
set -eu
. "$(dirname "$0")/lib.sh"

docs=0 seed=1 build='' era=0 reuse=0
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --era) era=$2; shift 2 ;;
    --reuse) reuse=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
shared=$BENCH_SRC/../shared/corpus
[ -d "$shared/basil-dev" ] || bench_die "needs $shared/basil-dev (the shared corpus)"
bench_find_build "$build"
bench_isolate
bench_dossier
basil=$shared/basil-dev
if [ "$era" -gt 0 ]; then
    basil=$BENCH_OUT/basil-era$era
    [ -f "$basil/events.tsv" ] || python3 "$BENCH_SRC/bench/basil_era.py" "$shared/basil-dev" \
        "$basil" --days "$era"
fi
roots="$basil/txt $shared/bbc"
if [ "$docs" -gt 0 ]; then
    bench_corpus "$docs" "$seed"
    roots="$roots $BENCH_CORPUS"
fi
db=$BENCH_OUT/similar-$docs-era$era.db
if [ "$reuse" = 0 ] || [ ! -f "$db" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    # shellcheck disable=SC2086
    "$DOSSIER" --db "$db" index $roots >/dev/null
fi
what="basil-dev + BBC + $docs generated"
[ "$era" = 0 ] || what="basil-dev (events within $era days) + BBC + $docs generated"
echo "similar over $what (${BENCH_REV:-$(bench_rev)}):"
printf 'all events:              '
python3 "$BENCH_SRC/bench/similar_eval.py" "$DOSSIER" "$db" "$basil/events.tsv" "$basil"
printf 'odd events (held out):   '
python3 "$BENCH_SRC/bench/similar_eval.py" "$DOSSIER" "$db" "$basil/events.tsv" "$basil" \
    --half odd
python3 "$BENCH_SRC/bench/story_eval.py" "$db" "$basil/events.tsv" "$basil"
