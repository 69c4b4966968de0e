#!/bin/sh
# test_readability.sh — the HTML reader against Mozilla Readability's 130
# test pages in ../shared (when present): body text (word 3-shingle F1 over
# the readerable pages), title, byline, site name, date and the excerpt
# (the page's description as dossier's summary) against the gold, each
# held to a floor dossier reaches today (the numbers are printed
# as TAP diagnostics; bench/results/html.txt keeps them).
shared="${TOP_SRCDIR:-.}/../shared/corpus/readability"
if [ ! -d "$shared" ]; then
    echo "ok 1 # SKIP no ../shared (Readability's test pages)"
    echo "1..1"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "ok 1 # SKIP no python3"
    echo "1..1"
    exit 0
fi
exec python3 "${TOP_SRCDIR:-.}/tests/web/score_readability.py" \
    "${TOP_BUILDDIR:-.}/tests/ingest/ingest_dump" "$shared" --tap --worst 5 \
    --floors body=0.98,precision=0.98,recall=0.97,title=0.99,byline=0.94,site=0.95,date=0.97,summary=0.95,excerpt=0.80
