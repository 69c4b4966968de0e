#!/bin/sh
# heldout_meta8.sh — TAP wrapper for heldout_meta.py on the eighth
# held-out metadata set tests/extract/heldout_meta8/ (issue 12): a page
# whose <title>, og:title and <h1> differ (the <h1> wins), dates only as
# an epoch in a script's state object or an ISO timestamp in a dataLayer
# push, "2024.03.04 17:02" and "Posted 2024/03/04" dates, an outlet only
# in an SVG logo's <title>, an author only in a rel="author" address, a
# byline that is a bare link to the author's page, "By The Associated
# Press" on a local page, two linked authors and a "Reporting by;
# Editing by" trailer; press releases as PR Newswire, GlobeNewswire and
# Business Wire pages and ACCESSWIRE and JCN Newswire datelines, a
# republished story; Mailchimp, Substack and Buttondown pages, a copied
# newsletter, an RSS 1.0 item, a feed reader's copy; Indonesian pages and
# copies and new Spanish, French and German date lines.
# Honest first run (written before any code change for it, on main's
# e7234cb): dates right 20/31, none wrong; outlets 24/31 found, 1 wrong (a
# release's "SOURCE: Company" taken as its outlet); titles 30/31 (og:title
# taken over the <h1>); authors 13/20; furniture left in 0 of 31 (0 of 5
# lines); people P 0.931 R 0.871. Organisations are not scored on this
# set (its gold lists none); floors were at those values in 4d2c42e.
# Tuned on this set (the fixes of h-meta after 4d2c42e): dates 31/31 and
# none wrong, outlets 31/31 and none invented, titles 31/31, authors
# 20/20, furniture left in 0 of 31, people P 0.964 R 0.871 (the names
# pass's); the floors below hold dates, outlets and titles at issue 12's
# targets and people at the tuned values.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/heldout_meta.py" "$TOP_BUILDDIR/tests/ingest/ingest_dump" \
    "$TOP_BUILDDIR/tests/extract/extract_dump" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/extract/heldout_meta8" --check \
    --floors=people_p:0.96,people_r:0.87
