#!/bin/sh
# test_seeds.sh — ingest the real-world seed articles in ../shared (when
# present) and compare with what a careful reader found in them.
# TAP output; skips visibly when the shared corpus or python3 is absent.
shared="${TOP_SRCDIR:-.}/../shared/corpus"
dump="${TOP_BUILDDIR:-.}/tests/ingest/ingest_dump"
if [ ! -d "$shared/seeds" ] || [ ! -f "$shared/seeds.expected.json" ]; then
    echo "ok 1 # SKIP no ../shared"
    echo "1..1"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "ok 1 # SKIP no python3"
    echo "1..1"
    exit 0
fi
tmp="${TOP_BUILDDIR:-.}/tests/tmp/ingest_seeds.$$.jsonl"
mkdir -p "$(dirname "$tmp")"
if ! "$dump" "$shared/seeds" >"$tmp"; then
    echo "not ok 1 - ingest_dump ran on the seeds"
    echo "1..1"
    rm -f "$tmp"
    exit 1
fi
python3 "${TOP_SRCDIR:-.}/tests/ingest/check_seeds.py" "$tmp" "$shared/seeds.expected.json" \
    "${DOSSIER_ASSETS:-${TOP_SRCDIR:-.}/assets}/outlets.tsv"
rc=$?
rm -f "$tmp"
exit $rc
