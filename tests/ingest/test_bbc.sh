#!/bin/sh
# test_bbc.sh — ingest all of the BBC News dataset in ../shared (when
# present): titles, the Latin-1 file, and no sentence of prose dropped by
# cleaning. Prints ingest throughput as a TAP diagnostic.
shared="${TOP_SRCDIR:-.}/../shared/corpus/bbc"
dump="${TOP_BUILDDIR:-.}/tests/ingest/ingest_dump"
if [ ! -f "$shared/labels.tsv" ]; then
    echo "ok 1 # SKIP no ../shared"
    echo "1..1"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "ok 1 # SKIP no python3"
    echo "1..1"
    exit 0
fi
tmp="${TOP_BUILDDIR:-.}/tests/tmp/ingest_bbc.$$.jsonl"
mkdir -p "$(dirname "$tmp")"
if ! "$dump" "$shared" >"$tmp"; then
    echo "not ok 1 - ingest_dump ran on the BBC folder"
    echo "1..1"
    rm -f "$tmp"
    exit 1
fi
"$dump" --bench "$shared" | sed 's/^/# ingest_article throughput: /'
python3 "${TOP_SRCDIR:-.}/tests/ingest/check_bbc.py" "$tmp" "$shared/labels.tsv"
rc=$?
rm -f "$tmp"
exit $rc
