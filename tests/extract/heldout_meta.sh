#!/bin/sh
# heldout_meta.sh — TAP wrapper for heldout_meta.py: dates, outlets, titles,
# furniture and people of the held-out set tests/extract/heldout_meta/
# against issue 12's targets (people P >= 0.95, R >= 0.90; dates right on
# >= 95% of dated articles and none wrong; outlets found on >= 95% of those
# naming one and none wrong; every title whole; furniture left in <= 3%).
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/heldout_meta.py" "$TOP_BUILDDIR/tests/ingest/ingest_dump" \
    "$TOP_BUILDDIR/tests/extract/extract_dump" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/extract/heldout_meta" --check
