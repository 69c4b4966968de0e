#!/bin/sh
# zh_gold.sh — TAP wrapper for zh_gold.py: Chinese figures, people and
# organisations against our own gold (tests/extract/gold/chinese.txt).
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/zh_gold.py" "$TOP_BUILDDIR/tests/extract/extract_dump" \
    "$DOSSIER_ASSETS" "$TOP_SRCDIR/tests/extract/gold/chinese.txt"
