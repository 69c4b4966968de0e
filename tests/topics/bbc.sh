#!/bin/sh
# bbc.sh — TAP wrapper for bbc.py: the shipped topic rules against the BBC
# News dataset's five labels in ../shared (skipped visibly when absent).
# The floors are the issue's targets (95% agree, at most 1% with no topic),
# on each half: odd file numbers are what bench/topics_fit.py fitted the
# weights on; even ones are held out.
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${TOP_BUILDDIR:=.}"
: "${DOSSIER_BIN:=$TOP_BUILDDIR/dossier}"
: "${DOSSIER_ASSETS:=$TOP_SRCDIR/assets}"
bbc="$TOP_SRCDIR/../shared/corpus/bbc"
[ -d "$bbc" ] || bbc=/work/shared/corpus/bbc
if [ ! -f "$bbc/labels.tsv" ]; then
    echo "1..0 # SKIP no BBC dataset (../shared/corpus/bbc)"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "1..0 # SKIP no python3"
    exit 0
fi
work="$TOP_BUILDDIR/tests/tmp/topics-bbc"
mkdir -p "$work"
exec python3 "$TOP_SRCDIR/tests/topics/bbc.py" "$DOSSIER_BIN" "$DOSSIER_ASSETS" "$bbc" "$work" \
    --min-agree "${BBC_MIN_AGREE:-95}" --max-none "${BBC_MAX_NONE:-1}"
