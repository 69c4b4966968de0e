#!/bin/sh
# zh_eval.sh — Chinese, Japanese and Korean measured, for bench/results:
#   1. figures, people and organisations on the tuned gold
#      (tests/extract/gold/chinese.txt) and on the held-out ones
#      (bench/zh/heldout.txt, held out until the organisation rules of
#      2026-12-06 were tuned on it; bench/zh/heldout2.txt, written before
#      those rules and first run after them; heldout3-5, each written
#      before a session's rules, its honest first run in its header;
#      heldout6 ... heldout9 also run with floors by
#      tests/extract/zh_heldout6.sh ... zh_heldout14.sh), by
#      zh_gold.py;
#   2. KWIC on both: each gold name's lines against its substring count
#      (what word boundaries cost), by zh_kwic.py;
#   3. Japanese and Korean: segmentation against a hand cut, KWIC and
#      full-text search (bench/zh/jako.txt over tests/fixtures/jako/), by
#      zh_jako.py;
#   4. sentence alignment of Chinese article pairs with bigrams against
#      words (bench/zh/pairs.txt), by bench_cmp_zh.
# usage: bench/zh_eval.sh [--build DIR]   (needs `make bench` for bench_seg)
set -eu
. "$(dirname "$0")/lib.sh"
[ "${1:-}" = --build ] && { bench_find_build "$2"; } || bench_find_build ""
B=$BENCH_BUILD
[ -x "$B/bench/bench_seg" ] || (cd "$B" && make -s bench/bench_seg)
[ -x "$B/bench/bench_cmp_zh" ] || (cd "$B" && make -s bench/bench_cmp_zh)
[ -x "$B/tests/extract/extract_dump" ] || (cd "$B" && make -s tests/extract/extract_dump)
for gold in "$BENCH_SRC/tests/extract/gold/chinese.txt" "$BENCH_SRC/bench/zh/heldout.txt" \
    "$BENCH_SRC/bench/zh/heldout2.txt" "$BENCH_SRC/bench/zh/heldout3.txt" \
    "$BENCH_SRC/bench/zh/heldout4.txt" "$BENCH_SRC/bench/zh/heldout5.txt" \
    "$BENCH_SRC/bench/zh/heldout6.txt" "$BENCH_SRC/bench/zh/heldout7.txt" \
    "$BENCH_SRC/bench/zh/heldout8.txt" "$BENCH_SRC/bench/zh/heldout9.txt" \
    "$BENCH_SRC/bench/zh/heldout10.txt" "$BENCH_SRC/bench/zh/heldout11.txt" "$BENCH_SRC/bench/zh/heldout12.txt" \
    "$BENCH_SRC/bench/zh/heldout13.txt" "$BENCH_SRC/bench/zh/heldout14.txt"; do
    echo "== $(basename "$gold")"
    python3 "$BENCH_SRC/tests/extract/zh_gold.py" "$B/tests/extract/extract_dump" \
        "$BENCH_SRC/assets" "$gold" | grep -E '^# (chinese|places|topics right)|^(not )?ok' || true
    python3 "$BENCH_SRC/bench/zh_kwic.py" "$B/dossier" "$gold"
done
echo "== Japanese and Korean"
python3 "$BENCH_SRC/bench/zh_jako.py" "$B/dossier" "$B/bench/bench_seg" \
    "$BENCH_SRC/bench/zh/jako.txt" "$BENCH_SRC/tests/fixtures/jako" | grep -v '^#'
echo "== Chinese article pairs aligned"
"$B/bench/bench_cmp_zh" "$BENCH_SRC/bench/zh/pairs.txt" | grep -v '^# '
