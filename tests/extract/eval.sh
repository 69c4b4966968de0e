#!/bin/sh
# eval.sh — TAP wrapper for eval.py: the extractor against the real seed
# articles (skipped visibly without ../shared) and our labelled fixtures.
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${TOP_BUILDDIR:=.}"
: "${DOSSIER_ASSETS:=$TOP_SRCDIR/assets}"
shared="$TOP_SRCDIR/../shared/corpus"
[ -d "$shared" ] || shared=/work/shared/corpus
if ! command -v python3 >/dev/null 2>&1; then
    echo "1..0 # SKIP no python3"
    exit 0
fi
exec python3 "$TOP_SRCDIR/tests/extract/eval.py" "$TOP_BUILDDIR/tests/extract/extract_dump" \
    "$DOSSIER_ASSETS" --seeds "$shared/seeds" "$shared/seeds.expected.json" \
    --fixtures "$TOP_SRCDIR/tests/fixtures/extract"
