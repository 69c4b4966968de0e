#!/bin/sh
# zh_gold.sh — TAP wrapper for zh_gold.py: Chinese figures, people and
# organisations against our own gold (tests/extract/gold/chinese.txt).
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${TOP_BUILDDIR:=.}"
: "${DOSSIER_ASSETS:=$TOP_SRCDIR/assets}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "1..0 # SKIP no python3"
    exit 0
fi
exec python3 "$TOP_SRCDIR/tests/extract/zh_gold.py" "$TOP_BUILDDIR/tests/extract/extract_dump" \
    "$DOSSIER_ASSETS" "$TOP_SRCDIR/tests/extract/gold/chinese.txt"
