#!/bin/sh
# heldout_meta2.sh — TAP wrapper for heldout_meta.py on the second held-out
# metadata set tests/extract/heldout_meta2/ (pages with chrome, Markdown
# with front matter, feeds, clippings, wire copy; issue 12). Honest first
# run in its commit (59d197e); the floors below are the values measured
# after this pass's fixes (tuned on), kept so that nothing falls back:
# people P 0.968 R 0.928, furniture left in 3 of 24 articles,
# organisations P 0.905 R 0.677; dates, outlets and titles at issue 12's
# targets. After the names pass of heldout_names (particles, "binti",
# initials, a person's shape as evidence, organisation words of several
# languages): people P 0.990 R 0.990, organisations P 0.908 R 0.701.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/heldout_meta.py" "$TOP_BUILDDIR/tests/ingest/ingest_dump" \
    "$TOP_BUILDDIR/tests/extract/extract_dump" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/extract/heldout_meta2" --check \
    --floors=people_p:0.98,people_r:0.98,furniture:0.125,orgs_p:0.90,orgs_r:0.70
