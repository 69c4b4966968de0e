#!/bin/sh
# heldout_meta3.sh — TAP wrapper for heldout_meta.py on the third held-out
# metadata set tests/extract/heldout_meta3/ (issue 12): saved pages of other
# CMS shapes (WordPress with a Yoast @graph, a date only in <time>, a
# "Posted on" line or the address, a news template's JSON-LD @graph, AMP,
# Open Graph only), text copied from a browser (US "Updated" lines,
# captions "Name, title. (Photo: Agency)", "ST PHOTO: NAME", tip and
# newsletter prompts, a postal footer), wire datelines of other styles and
# a syndication credit line.
# Honest first run (written before any code change for it, at 3a472a1):
# dates right 18/23 (16/19 dated, day-month 2/4), none wrong; outlets
# 14/22 found, 1 invented ("WATCH NOW"); titles 24/25; authors 15/19;
# furniture left in 15 of 25 articles (23 of 53 lines); people P 0.809
# R 0.864; organisations P 0.806 R 0.617 (floors at those values in
# 4f6906c). Tuned on this set (the fixes of h-meta after 4f6906c): dates
# 23/23, outlets 22/22 and none invented, titles 25/25, authors 19/19,
# furniture left in 0 of 25, people P 0.905 R 0.864, organisations P 0.879
# R 0.617; the floors below hold dates, outlets, titles and furniture at
# issue 12's targets and the rest at the tuned values.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/heldout_meta.py" "$TOP_BUILDDIR/tests/ingest/ingest_dump" \
    "$TOP_BUILDDIR/tests/extract/extract_dump" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/extract/heldout_meta3" --check \
    --floors=people_p:0.90,people_r:0.86,furniture:0.03,orgs_p:0.87,orgs_r:0.61
