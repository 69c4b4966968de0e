#!/bin/sh
# gold.sh — TAP wrapper for gold.py: figures and people against our own
# gold articles in tests/extract/gold/ (four styles, floors per style).
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/gold.py" "$TOP_BUILDDIR/tests/extract/extract_dump" \
    "$DOSSIER_ASSETS" "$TOP_SRCDIR/tests/extract/gold"
