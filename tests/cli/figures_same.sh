#!/bin/sh
# A fact stated twice (same value, unit and subject) is one figure that
# keeps every mention: `facts` prints it once with its count, --json lists
# the other mentions' spans (kept in the index, figure_also), `figures`
# lists it once; the same value of another subject stays its own figure.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DOSSIER_BIN"
dir="$TEST_TMP/figsame"
db="$TEST_TMP/figsame.db"
cp -R "$TOP_SRCDIR/tests/fixtures/figsame" "$dir"
"$D" --db "$db" index --quiet "$dir" >/dev/null 2>&1
ok $? "index the fixture"

t=$("$D" --db "$db" facts "$dir/wool-exports.txt" 2>&1)
is "$(printf '%s\n' "$t" | grep -c '12 percent')" 2 "facts: two figures of 12 percent (wool once, grain)"
like "$t" "12 percent .*wool.*\(stated 2 times\)" "facts: the wool figure stated twice"
t=$("$D" --db "$db" facts --json "$dir/wool-exports.txt" 2>&1)
like "$t" '"mentions":2,"also":\[\[[0-9]+,[0-9]+\]\]' "facts --json: the other mention's span, from the index"
t=$("$D" --db "$db" figures 2>&1)
is "$(printf '%s\n' "$t" | grep -c '12 percent')" 2 "figures: the fact once, grain's apart"
done_testing
