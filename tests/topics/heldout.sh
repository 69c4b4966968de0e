#!/bin/sh
# heldout.sh — TAP wrapper for fixtures.py --held-out: the shipped topic
# rules against short wire-copy and web-news items we wrote in the manner
# of the held-out corpora (tests/topics/heldout.tsv). The issue's target:
# at most 10% with no topic, per kind; the top topic right for most.
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${TOP_BUILDDIR:=.}"
: "${DOSSIER_BIN:=$TOP_BUILDDIR/dossier}"
: "${DOSSIER_ASSETS:=$TOP_SRCDIR/assets}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "1..0 # SKIP no python3"
    exit 0
fi
work="$TOP_BUILDDIR/tests/tmp/topics-heldout"
mkdir -p "$work"
exec python3 "$TOP_SRCDIR/tests/topics/fixtures.py" "$DOSSIER_BIN" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/topics/heldout.tsv" "$work" --held-out --min-coverage 0.9 \
    --min-precision 0.6
