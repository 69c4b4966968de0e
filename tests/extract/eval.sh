#!/bin/sh
# eval.sh — TAP wrapper for eval.py: the extractor against the real seed
# articles (skipped visibly without ../shared) and our labelled fixtures.
. "$(dirname "$0")/python_env.sh"
shared="$TOP_SRCDIR/../shared/corpus"
[ -d "$shared" ] || shared=/work/shared/corpus
exec python3 "$TOP_SRCDIR/tests/extract/eval.py" "$TOP_BUILDDIR/tests/extract/extract_dump" \
    "$DOSSIER_ASSETS" --seeds "$shared/seeds" "$shared/seeds.expected.json" \
    --fixtures "$TOP_SRCDIR/tests/fixtures/extract"
