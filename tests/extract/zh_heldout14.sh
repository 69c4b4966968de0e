#!/bin/sh
# zh_heldout14.sh — TAP wrapper for zh_gold.py on the fourteenth held-out
# Chinese set, bench/zh/heldout14.txt (international news with foreign
# leaders and bodies, entertainment with actors, directors and films in 《》,
# education and exams, environment, transport and rail, Hong Kong courts,
# Taiwan local elections, provincial appointments lists (任免), business
# people in headlines; issue 13).
# Honest first run, before any fix (main 207b051), 2026-12-08:
# figures P 1.000 R 0.891 (82/82/92), people P 0.970 R 0.878 (65/67/74),
# orgs P 0.845 R 0.772 (71/84/92); places P 0.868 R 0.786 (33/38/42);
# topics right 31/34, "general" 0/34. The floors are those values.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/zh_gold.py" "$TOP_BUILDDIR/tests/extract/extract_dump" \
    "$DOSSIER_ASSETS" "$TOP_SRCDIR/bench/zh/heldout14.txt" --min=34 \
    --floors=1.00,0.89,0.97,0.87,0.84,0.77
