#!/bin/sh
# zh_heldout11.sh — TAP wrapper for zh_gold.py on the eleventh held-out
# Chinese set, bench/zh/heldout11.txt (Singapore and Malaysian Chinese
# news with 拿督斯里/丹斯里; court and police news with anonymised people;
# obituaries and profiles; Japanese and Korean names in Chinese; minority
# and foreign names with ·; appointment notices; science teams; sports
# results; analysts and their firms; names only as objects; names after
# 的; issue 13).
# Honest first run, before any fix (main e7234cb), 2026-12-07:
# figures P 1.000 R 0.950 (57/57/60), people P 0.870 R 0.577 (60/69/104),
# orgs P 0.847 R 0.617 (50/59/81); places P 0.816 R 0.833 (40/49/48);
# topics right 33/36, "general" 1/36. The floors are the first run's.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/zh_gold.py" "$TOP_BUILDDIR/tests/extract/extract_dump" \
    "$DOSSIER_ASSETS" "$TOP_SRCDIR/bench/zh/heldout11.txt" --min=36 \
    --floors=1.00,0.95,0.86,0.57,0.84,0.61
