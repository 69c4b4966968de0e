#!/bin/sh
# test_bbc.sh — ingest all of the BBC News dataset in ../shared (when
# present): titles, the Latin-1 file, and no sentence of prose dropped by
# cleaning. Prints ingest throughput as a TAP diagnostic.
. "${TOP_SRCDIR:-.}/tests/ingest/dump_and_check.sh"
shared="${TOP_SRCDIR:-.}/../shared/corpus/bbc"
if [ ! -f "$shared/labels.tsv" ]; then
    echo "ok 1 # SKIP no ../shared"
    echo "1..1"
    exit 0
fi
"${TOP_BUILDDIR:-.}/tests/ingest/ingest_dump" --bench "$shared" |
    sed 's/^/# ingest_article throughput: /'
dump_and_check bbc "$shared" check_bbc.py "$shared/labels.tsv"
