#!/bin/sh
# gold.sh — TAP wrapper for gold.py: figures and people against our own
# gold articles in tests/extract/gold/ (four styles, floors per style).
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${TOP_BUILDDIR:=.}"
: "${DOSSIER_ASSETS:=$TOP_SRCDIR/assets}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "1..0 # SKIP no python3"
    exit 0
fi
exec python3 "$TOP_SRCDIR/tests/extract/gold.py" "$TOP_BUILDDIR/tests/extract/extract_dump" \
    "$DOSSIER_ASSETS" "$TOP_SRCDIR/tests/extract/gold"
