#!/bin/sh
# heldout_meta4.sh — TAP wrapper for heldout_meta.py on the fourth held-out
# metadata set tests/extract/heldout_meta4/ (issue 12): saved pages of
# Drupal, Ghost, a Substack-like newsletter, Arc- and Brightspot-like
# layouts (a byline in <address>, a date only in a data attribute),
# microdata and a JSON-LD @graph of several nodes, a "Last modified"
# footer; e-mail newsletters saved as text; Markdown with TOML front
# matter and reader-app copies ("Saved from"); wire copy with slug lines,
# transmission times and capitals datelines; NITF and NewsML-G2.
# Honest first run: see the commit that adds this file (floors below are
# that run's values).
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/heldout_meta.py" "$TOP_BUILDDIR/tests/ingest/ingest_dump" \
    "$TOP_BUILDDIR/tests/extract/extract_dump" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/extract/heldout_meta4" --check \
    --floors=FLOORS
