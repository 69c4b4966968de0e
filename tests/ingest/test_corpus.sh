#!/bin/sh
# test_corpus.sh — ingest the sample corpus in assets/corpus (articles from
# made-up outlets, written by the project) and check properties that must
# hold for any outlet, without knowing which file is which: see
# check_corpus.py. TAP output; skips visibly without python3.
corpus="${TOP_SRCDIR:-.}/assets/corpus"
dump="${TOP_BUILDDIR:-.}/tests/ingest/ingest_dump"
if [ ! -d "$corpus" ]; then
    echo "ok 1 # SKIP no assets/corpus"
    echo "1..1"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "ok 1 # SKIP no python3"
    echo "1..1"
    exit 0
fi
tmp="${TOP_BUILDDIR:-.}/tests/tmp/ingest_corpus.$$.jsonl"
mkdir -p "$(dirname "$tmp")"
if ! "$dump" "$corpus" >"$tmp"; then
    echo "not ok 1 - ingest_dump ran on assets/corpus"
    echo "1..1"
    rm -f "$tmp"
    exit 1
fi
python3 "${TOP_SRCDIR:-.}/tests/ingest/check_corpus.py" "$tmp" \
    "${DOSSIER_ASSETS:-${TOP_SRCDIR:-.}/assets}/outlets.tsv"
rc=$?
rm -f "$tmp"
exit $rc
