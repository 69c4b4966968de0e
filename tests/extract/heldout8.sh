#!/bin/sh
# heldout8.sh — TAP: figures on the held-out set tests/extract/heldout8
# (1980s wire: a sugar and cocoa close in cents a lb, a Treasury bond report
# in 32nds, an operating-results table, a sovereign bank loan, a freight
# market report; web: a local TV station's gas prices, a high-school sports
# round-up, a drug trial, a city budget, a wildfire live blog; British
# regional papers: parking charges, ambulance delays, a football club's
# accounts, a housing scheme; business: an Australian miner's result, an
# earnings call with guidance ranges, a dry-bulk freight report, a euro-area
# rate decision), read end to end (ingest, then extraction; issue 12).
# Floors: set at the first run, before any change for this set.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/heldout.py" "$TOP_BUILDDIR/tests/ingest/ingest_dump" \
    "$TOP_BUILDDIR/tests/extract/extract_dump" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/extract/heldout8" --check --figures-only --precision=0.0 \
    --floors=wire:0.0,web:0.0,british:0.0,business:0.0
