#!/bin/sh
# heldout_names10.sh — TAP wrapper for heldout_meta.py on the held-out set
# tests/extract/heldout_names10/ (24 articles in six files: legislatures
# and parties of many countries (Bundestag and Bundesrat, CDU, CSU, SPD,
# the Sejm and Senate with Law and Justice and Civic Coalition, the Lok
# Sabha and Rajya Sabha with the BJP and Congress, the National Diet with
# the LDP and Komeito, the Knesset with Likud and Yesh Atid); central
# banks and regulators (the Fed and the FOMC, the Bank of England's
# Monetary Policy Committee, the ECB, the Bank of Japan, the Reserve Bank
# of India, the Swiss National Bank, the SEC, CFTC, FCA, PRA, BaFin,
# Esma, the CMA and FTC); international bodies by short name (Nato, the
# IMF, World Bank, OECD, WTO, Opec+, Asean, Mercosur, Ecowas, Unicef,
# UNHCR, WHO, Interpol); companies with punctuation or digits (AT&T,
# T-Mobile, Marks & Spencer, H&M, Sainsbury's, McDonald's, Rolls-Royce,
# E.ON, 3M, 23andMe) and executives in long lists; culture pages (studios,
# a theatre company, an opera house, orchestras, a band's members and its
# label, a festival); obituaries with many relatives; issue 12).
# Written before any fix of this pass. Honest first run at 207b051:
# people P 0.967 R 0.921 (116/120/126), organisations P 0.911 R 0.615
# (72/79/117), titles 24/24. The floors are the first run's values.
. "$(dirname "$0")/python_env.sh"
exec python3 "$TOP_SRCDIR/tests/extract/heldout_meta.py" "$TOP_BUILDDIR/tests/ingest/ingest_dump" \
    "$TOP_BUILDDIR/tests/extract/extract_dump" "$DOSSIER_ASSETS" \
    "$TOP_SRCDIR/tests/extract/heldout_names10" --check \
    --floors=people_p:0.96,people_r:0.92,orgs_p:0.91,orgs_r:0.61,titles:1.00
