#!/bin/sh
# heldout_furn5.sh — TAP wrapper for heldout_furn.py on the fifth
# furniture set tests/extract/heldout_furn5/ (issue 12): saved pages of
# Drupal, Ghost, Substack-style and app shapes, press releases, email
# newsletters, PDF copies and browser pastes/Markdown clippings, with the
# kinds heldout_furn..furn4 and heldout_meta..meta7 do not have or have in
# other words: a release service's lines ("NEWS PROVIDED BY", "SOURCE X",
# "View original content"), contact blocks and "About X" boilerplate,
# newsletter shells ("View this email in your browser", "Forwarded this
# email?", "Update your preferences", postal footers), jump lines
# ("Continued on Page A6", "BRIDGE | From A1"), a PDF's running headers,
# page counters and words split at line ends, cookie banners, share,
# reaction and comment counts, bio boxes, mid-body "Related:"/"Read more:"
# links and sign-up boxes, image credits; and body lines that look like
# them ("No.", "See below for the full list", a numbered list of findings,
# "Share prices fell ...", "About 40 people attended ...").
# Honest first run (set committed in 3f58021 on main's e7234cb before any
# code change for it, run once after): furniture left in 19 of 30
# articles (36 of 153 lines: mail 3 of 5, paste 3 of 6, pdf 5 of 5,
# release 5 of 6, web 3 of 8); body lines lost 2 of 101 (two words split
# at a PDF line's end). Floors at those values in 3740c9e. Tuned on this
# set (clean_service.c, a sign-up blurb's weekday cadence in
# clean_blocks.c, a bio's "has written about" in clean_tails.c, words
# split at a hard-wrapped line's end in doc.c) at 2488d54: furniture left
# in 0 of 30 (0 of 153 lines), body lines lost 1 of 101 (a magazine's
# narrow column, not rejoined); the floor is now issue 12's target (at
# most 3% of articles) and at most that one line lost. That line came
# back with the next set's pass (a line laid out with wide gaps, a running
# head, no longer sets the wrap width in doc.c): the floor is now no body
# line lost.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/heldout_furn.py" "$TOP_BUILDDIR/tests/ingest/ingest_dump" \
    "$TOP_BUILDDIR/tests/extract/extract_dump" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/extract/heldout_furn5" --check \
    --floors=furniture:0.03,lost:0
