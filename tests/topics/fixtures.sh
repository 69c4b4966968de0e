#!/bin/sh
# fixtures.sh — TAP wrapper for fixtures.py: the shipped topic rules against
# our own labelled articles (tests/topics/fixtures.tsv, 5 English and 2
# Chinese per top-level topic); precision of the top topic >= 0.9.
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${TOP_BUILDDIR:=.}"
: "${DOSSIER_BIN:=$TOP_BUILDDIR/dossier}"
: "${DOSSIER_ASSETS:=$TOP_SRCDIR/assets}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "1..0 # SKIP no python3"
    exit 0
fi
work="$TOP_BUILDDIR/tests/tmp/topics-fixtures"
mkdir -p "$work"
exec python3 "$TOP_SRCDIR/tests/topics/fixtures.py" "$DOSSIER_BIN" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/topics/fixtures.tsv" "$work" --min-precision 0.9
