#!/bin/sh
# zh_heldout13.sh — TAP wrapper for zh_gold.py on the thirteenth held-out
# Chinese set, bench/zh/heldout13.txt (procuratorate and court news, PLA
# and police bulletins, stock-market closes with 板块 and index points,
# land auctions with areas, Singapore and Malaysian Chinese news, Taiwan's
# 立法院 committees, CBA and 中超 with transliterated players, space and
# science news, roles in long chains, names in quotes and in headlines
# only; issue 13).
# Honest first run, before any fix (main 966d886), 2026-12-08:
# figures P 0.959 R 0.900 (117/122/130), people P 0.944 R 0.761 (51/54/67),
# orgs P 0.772 R 0.634 (71/92/112); places P 0.763 R 0.806 (29/38/36);
# topics right 33/34, "general" 1/34. The floors are these values.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/zh_gold.py" "$TOP_BUILDDIR/tests/extract/extract_dump" \
    "$DOSSIER_ASSETS" "$TOP_SRCDIR/bench/zh/heldout13.txt" --min=34 \
    --floors=0.95,0.90,0.94,0.76,0.77,0.63
