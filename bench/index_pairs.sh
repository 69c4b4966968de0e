#!/bin/sh
# index_pairs.sh — two builds of dossier compared on whole index runs, in
# alternating pairs, with the floor in the same minutes (issue 16):
#
#   bench/index_pairs.sh --base BIN --new BIN [--floor FTS5_FLOOR] [--bigram]
#                        [--rounds 5] [--out DIR] CORPUS_DIR
#
# Each round runs the floor (`fts5_floor`, with --bigram the fair floor for
# Chinese), then base and new, each on a fresh database: base first in odd
# rounds, new first in even ones, so that load which comes and goes hits
# both alike. Every run is `DOSSIER_INDEX_STEPS=1 nice -n 5 BIN index`
# under /usr/bin/time. Printed: one line a round (CPU = user + sys, peak
# RSS, wall; new/base; each against the floor), then the medians, the
# median of the rounds' new/base, and each step's median CPU (the lines
# DOSSIER_INDEX_STEPS prints). On a loaded machine trust the CPU medians,
# not the walls. The last round's databases stay in DIR (base.db, new.db)
# for bench/index_same.sh.
set -eu

base='' new='' floor='' bigram='' rounds=5 out=''
while [ $# -gt 0 ]; do
    case $1 in
    --base) base=$2; shift 2 ;;
    --new) new=$2; shift 2 ;;
    --floor) floor=$2; shift 2 ;;
    --bigram) bigram=--bigram; shift ;;
    --rounds) rounds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) echo "index_pairs.sh: unknown option $1" >&2; exit 1 ;;
    *) break ;;
    esac
done
if [ $# -ne 1 ] || [ -z "$base" ] || [ -z "$new" ]; then
    echo "usage: index_pairs.sh --base BIN --new BIN [options] CORPUS_DIR" >&2
    exit 1
fi
corpus=$1
[ -n "$floor" ] || floor=$(dirname "$new")/bench/fts5_floor
[ -x "$floor" ] || { echo "index_pairs.sh: no floor program $floor (--floor)" >&2; exit 1; }
[ -n "$out" ] || out=$(mktemp -d "${TMPDIR:-/tmp}/index_pairs.XXXXXX")
mkdir -p "$out"
: >"$out/runs"

timed() { # timed TAG COMMAND...: one line "TAG cpu rss_kib wall" into runs
    tag=$1
    shift
    if ! /usr/bin/time -o "$out/$tag.time" -f '%U %S %M %e' "$@" >"$out/$tag.log" 2>&1; then
        echo "index_pairs.sh: $tag failed (see $out/$tag.log)" >&2
        exit 1
    fi
    awk -v t="$tag" '{ printf "%s %.2f %d %.1f\n", t, $1 + $2, $3, $4 }' "$out/$tag.time" >>"$out/runs"
}

r=1
while [ "$r" -le "$rounds" ]; do
    rm -f "$out/floor.db" "$out/floor.db-wal" "$out/floor.db-shm"
    timed "r$r-floor" nice -n 5 "$floor" --db "$out/floor.db" $bigram "$corpus"
    if [ $((r % 2)) -eq 1 ]; then order='base new'; else order='new base'; fi
    for v in $order; do
        if [ "$v" = base ]; then bin=$base; else bin=$new; fi
        rm -f "$out/$v.db" "$out/$v.db-wal" "$out/$v.db-shm"
        timed "r$r-$v" env DOSSIER_INDEX_STEPS=1 nice -n 5 "$bin" --db "$out/$v.db" index "$corpus"
    done
    r=$((r + 1))
done
rm -f "$out/floor.db" "$out/floor.db-wal" "$out/floor.db-shm"

python3 - "$out" "$rounds" <<'PY'
import os, re, statistics as st, sys
out, rounds = sys.argv[1], int(sys.argv[2])
runs = {}
for line in open(os.path.join(out, 'runs')):
    tag, cpu, rss, wall = line.split()
    runs[tag] = (float(cpu), int(rss) / 1024, float(wall))
b, n, f, ratio = [], [], [], []
for r in range(1, rounds + 1):
    F, B, N = runs['r%d-floor' % r], runs['r%d-base' % r], runs['r%d-new' % r]
    b.append(B[0]); n.append(N[0]); f.append(F[0]); ratio.append(N[0] / B[0])
    print('round %d (%s first): floor %.2f s; base %.2f s %.1f MiB %.0f s wall; '
          'new %.2f s %.1f MiB %.0f s wall; new/base %.3f; base %.2fx, new %.2fx the floor'
          % (r, 'base' if r % 2 else 'new', F[0], B[0], B[1], B[2], N[0], N[1], N[2],
             N[0] / B[0], B[0] / F[0], N[0] / F[0]))
print('median CPU: floor %.2f s, base %.2f s, new %.2f s; median of new/base %.3f; '
      'base %.2fx, new %.2fx the floor (medians of the rounds\' ratios)'
      % (st.median(f), st.median(b), st.median(n), st.median(ratio),
         st.median([x / y for x, y in zip(b, f)]), st.median([x / y for x, y in zip(n, f)])))
steps = {}
for v in ('base', 'new'):
    for r in range(1, rounds + 1):
        for line in open(os.path.join(out, 'r%d-%s.log' % (r, v))):
            m = re.match(r'step (.*?)\s+([0-9.]+) s CPU', line)
            if m:
                steps.setdefault(m.group(1), {}).setdefault(v, []).append(float(m.group(2)))
for name, v in steps.items():
    if len(v.get('base', [])) and len(v.get('new', [])):
        print('step %-46s base %6.2f s  new %6.2f s' % (name, st.median(v['base']), st.median(v['new'])))
print('runs and logs in', out)
PY
