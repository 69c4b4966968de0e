#!/bin/sh
# Articles without a publication date say why: a dateline without a year
# ("SALVADOR, Feb 26 (Reuters) -": the month and day kept for display,
# never used as a date), dates only in the body (no publication cue), or
# no date at all. `show` prints the reason, `stats` and the timeline count
# the undated by reason (tests/fixtures/undated, our own articles).
. "$TOP_SRCDIR/tests/lib.sh"

D="$DOSSIER_BIN"
dir="$TEST_TMP/undated"
db="$TEST_TMP/undated.db"
cp -R "$TOP_SRCDIR/tests/fixtures/undated" "$dir"
"$D" --db "$db" index --quiet "$dir" >/dev/null 2>&1
ok $? "index the undated fixtures"

t=$("$D" --db "$db" show "$dir/cocoa-dateline.txt" 2>&1)
like "$t" "^undated +dateline without a year: Feb 26 \(no year\)$" \
    "a dateline without a year: undated, month and day kept for display"
unlike "$t" "^published" "... and no publication date"
t=$("$D" --db "$db" show --json "$dir/cocoa-dateline.txt" 2>&1)
like "$t" '"undated":"dateline-without-year"' "show --json: the reason"
like "$t" '"day_month":"02-26"' "show --json: the month and day"
t=$("$D" --db "$db" show "$dir/museum-history.txt" 2>&1)
like "$t" "^undated +dates only in the body text, none with a publication cue$" \
    "a date in the body's history is not the publication date"
t=$("$D" --db "$db" show "$dir/town-budget.txt" 2>&1)
like "$t" "^undated +no date found$" "no date anywhere"
t=$("$D" --db "$db" show "$dir/ferry-dated.txt" 2>&1)
like "$t" "^published +2024-05-03" "a dated article is dated"
unlike "$t" "^undated" "... and not undated"

t=$("$D" --db "$db" stats 2>&1)
like "$t" "^undated +3 \(1 [a-z]" "stats: three undated, by reason"
like "$t" "1 dateline without a year" "stats: the dateline without a year"
like "$t" "1 no date found" "stats: no date found"
like "$t" "1 dates only in the body text" "stats: body dates only"
t=$("$D" --db "$db" stats --json 2>&1)
like "$t" '"undated":3,"undated_why":\{' "stats --json: the undated and why"
like "$t" '"dateline-without-year":1' "stats --json: by reason name"
t=$("$D" --db "$db" timeline 2>&1)
like "$t" "^undated: .*1 dateline without a year" "the timeline (and the statistics view) say why"
done_testing
