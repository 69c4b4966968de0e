#!/bin/sh
# heldout7.sh — TAP: figures on the held-out set tests/extract/heldout7
# (a London cocoa close in "stg", a shipping line's traffic, a dock union's
# vote; an airport's traffic, a basketball game story, an opinion poll; a
# university's deficit, a council by-election, rail punctuality; a gold
# miner's output in ounces, a container port in TEU, a Tokyo close), read
# end to end (ingest, then extraction; issue 12).
# Honest first run (190fb70, before any change for this set):
#   FIRST_RUN
# The floors are the values measured, so that nothing falls back.
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${TOP_BUILDDIR:=.}"
: "${DOSSIER_ASSETS:=$TOP_SRCDIR/assets}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "1..0 # SKIP no python3"
    exit 0
fi
exec python3 "$TOP_SRCDIR/tests/extract/heldout.py" "$TOP_BUILDDIR/tests/ingest/ingest_dump" \
    "$TOP_BUILDDIR/tests/extract/extract_dump" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/extract/heldout7" --check --figures-only --precision=PREC \
    --floors=FLOORS
