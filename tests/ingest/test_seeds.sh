#!/bin/sh
# test_seeds.sh — ingest the real-world seed articles in ../shared (when
# present) and compare with what a careful reader found in them.
# TAP output; skips visibly when the shared corpus or python3 is absent.
. "${TOP_SRCDIR:-.}/tests/ingest/dump_and_check.sh"
shared="${TOP_SRCDIR:-.}/../shared/corpus"
if [ ! -d "$shared/seeds" ] || [ ! -f "$shared/seeds.expected.json" ]; then
    echo "ok 1 # SKIP no ../shared"
    echo "1..1"
    exit 0
fi
dump_and_check seeds "$shared/seeds" check_seeds.py "$shared/seeds.expected.json" \
    "${DOSSIER_ASSETS:-${TOP_SRCDIR:-.}/assets}/outlets.tsv"
