#!/bin/sh
# test_compare_cli.sh — `dossier compare` and `dossier similar` end to end on
# three articles of the bundled sample corpus plus a lightly edited copy of
# one: side-by-side width and marks, identical and different pairs, JSON,
# near-duplicate marks and groups, sets, and bad arguments. Skips visibly
# while the commands are not registered in the build.
. "$TOP_SRCDIR/tests/lib.sh"

NTESTS=17
if ! "$DOSSIER_BIN" compare --help >/dev/null 2>&1; then
    skip $NTESTS "compare/similar are not registered in this dossier build"
    done_testing
    exit 0
fi

corpus="$TEST_TMP/corpus"
mkdir -p "$corpus"
set -- $(find "$TOP_SRCDIR/assets/corpus" -name '*.txt' | sort | head -3)
cp "$1" "$corpus/a.txt"
cp "$2" "$corpus/b.txt"
cp "$3" "$corpus/c.txt"
# A light edit: one word changed on a few lines, and a sentence added after
# the fifth line (not at the end, where cleaning may take it for furniture).
awk 'NR % 5 == 3 { sub(/ the /, " a ") } { print }
     NR == 5 { print ""
               print "Officials in Brussels declined to comment on the measures on Saturday." }' \
    "$1" >"$corpus/a-edited.txt"
db="$TEST_TMP/index.db"
"$DOSSIER_BIN" --db "$db" index --quiet "$corpus" >"$TEST_TMP/index.out" 2>&1
ok $? "index four articles"

run() { "$DOSSIER_BIN" --db "$db" "$@" 2>&1; }

out=$(run compare "$corpus/a.txt" "$corpus/a-edited.txt" --width 70)
ok $? "compare an article with its edited copy"
width=$(printf '%s\n' "$out" | LC_ALL=C.utf8 wc -L)
ok $([ "$width" -le 70 ]; echo $?) "every line fits 70 columns (widest $width)"
like "$out" '^similarity 0\.9[0-9]' "near-identical texts: similarity above 0.9"
like "$out" ' ~ .*\{\+a\+\}' "an edited sentence is marked ~ with the inserted word"
like "$out" ' > Officials in Brussels declined' "the appended sentence is only in B"
esc=$(printf '%s' "$out" | od -An -c | grep -c '033')
is "$esc" 0 "no escape characters reach the terminal"

out=$(run compare "$corpus/a.txt" "$corpus/a.txt")
like "$out" '^similarity 1\.00   aligned 100% of A, 100% of B' \
    "an article against itself: all aligned"
rows=$(printf '%s\n' "$out" | sed -n '/^$/,/^Figures/p')
unlike "$rows" ' [~<>|] ' "an article against itself: no changed or one-sided rows"

out=$(run compare "$corpus/a.txt" "$corpus/b.txt" --json)
if command -v python3 >/dev/null 2>&1; then
    printf '%s' "$out" | python3 -c 'import json, sys
d = json.load(sys.stdin)
assert d["passages"] and "figures" in d and "terms" in d' 2>/dev/null
    ok $? "compare --json is one valid JSON object with passages, figures, terms"
else
    like "$out" '^\{"a":\{"id":[0-9]+.*"passages":\[' "compare --json has passages"
fi

out=$(run similar "$corpus/a-edited.txt" --limit 3)
like "$(printf '%s\n' "$out" | head -1)" '^[01]\.[0-9]+ dup ' \
    "similar: the edited copy's original ranks first, marked dup"
out=$(run similar "$corpus/a.txt" --json --limit 1)
like "$out" '"near_duplicate":true' "similar --json marks the near-duplicate"
out=$(run similar --groups)
like "$out" '^group 1 \(2 articles\)' "similar --groups: the article and its copy form a group"

run compare "$corpus/a.txt" >/dev/null
is $? 2 "compare with one article: usage error (2)"
run compare "$corpus/a.txt" "$corpus/missing.txt" >/dev/null
is $? 1 "compare with an unknown article: not found (1)"
run compare --left tariffs >/dev/null
is $? 2 "compare --left without --right: usage error (2)"
out=$(run compare --left 'chip' --right 'gallium OR cptpp')
like "$out" '^Terms distinctive of left' "compare --left/--right lists distinctive terms"

done_testing
