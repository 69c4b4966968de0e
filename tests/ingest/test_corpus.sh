#!/bin/sh
# test_corpus.sh — ingest the sample corpus in assets/corpus (articles from
# made-up outlets, written by the project) and check properties that must
# hold for any outlet, without knowing which file is which: see
# check_corpus.py. TAP output; skips visibly without python3.
. "${TOP_SRCDIR:-.}/tests/ingest/dump_and_check.sh"
corpus="${TOP_SRCDIR:-.}/assets/corpus"
if [ ! -d "$corpus" ]; then
    echo "ok 1 # SKIP no assets/corpus"
    echo "1..1"
    exit 0
fi
dump_and_check corpus "$corpus" check_corpus.py \
    "${DOSSIER_ASSETS:-${TOP_SRCDIR:-.}/assets}/outlets.tsv"
