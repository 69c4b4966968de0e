#!/bin/sh
# Issues 15 and 18: a saved search opened in the browser while another
# program holds the index's write lock is marked seen all the same. The mark
# (the highest document id when it was opened) is kept, shown at once in
# the sidebar, and written between keys once the lock is free, or at exit
# after waiting; an article indexed between opening and writing stays new.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

D="$DOSSIER_BIN"
news="$TEST_TMP/news"
mkdir -p "$news" "$TEST_TMP/idx" "$TEST_TMP/out"
db="$TEST_TMP/idx/index.db"
for w in soybean copper lumber; do article "$news/$w.txt" "$w"; done
"$D" --db "$db" index --quiet "$news" >/dev/null 2>&1
"$D" --db "$db" saved add beans soybean >/dev/null
article "$news/meal.txt" "soybean meal"
article "$news/oil.txt" "soybean oil"
"$D" --db "$db" index --quiet "$news" >/dev/null 2>&1
like "$("$D" --db "$db" saved)" '^beans +3 +2 new' "two articles are new to the saved search"

if ! command -v python3 >/dev/null 2>&1; then
    skip 9 "python3 not installed"
    done_testing
    exit
fi

# open it (sidebar, first saved search) while the lock is held; once the
# screen is dumped the lock goes, an article arrives, and :idle writes the
# kept mark
keys="$TEST_TMP/keys"
printf 't\njj\n<Enter>\n:dump open.screen\n:wait %s\n:idle\n:dump written.screen\n' \
    "$TEST_TMP/indexed" >"$keys"
hold_lock "$db"
(
    release_after open.screen
    n=0
    while [ ! -e "$TEST_TMP/released" ] && [ "$n" -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
    article "$news/husk.txt" "soybean husk"
    "$D" --db "$db" index --quiet "$news" >/dev/null 2>&1
    touch "$TEST_TMP/indexed"
) &
(cd "$TEST_TMP/out" && "$D" browse --db "$db" --script "$keys" --size 100x24) 2>"$TEST_TMP/err"
is "$?" 0 "the browser opens a saved search while another program writes"
wait "$holder"
wait
like "$(tail -1 "$TEST_TMP/out/open.screen")" '^beans: 2 new; marked seen when the other program is done' \
    "opening it says the seen mark waits for the other program"
like "$(grep 'beans' "$TEST_TMP/out/open.screen" | head -1)" 'beans +3[^0-9]' \
    "the sidebar counts it seen at once (no new count)"
like "$(tail -1 "$TEST_TMP/out/written.screen")" 'the other program is done: 1 saved search marked seen' \
    "when the lock is free, the mark is written between keys"
like "$("$D" --db "$db" saved)" '^beans +4 +1 new' \
    "the search is seen as of opening: the article indexed after it is still new"

# quit with the lock still held: the mark is written at exit
printf 't\njj\n<Enter>\n:dump open2.screen\n' >"$keys"
hold_lock "$db"
rm -f "$TEST_TMP/out/"*.screen
release_after open2.screen 0.5 &
(cd "$TEST_TMP/out" && "$D" browse --db "$db" --script "$keys" --size 100x24) 2>"$TEST_TMP/err"
is "$?" 0 "quitting with a kept seen mark"
wait "$holder"
wait
like "$(tail -1 "$TEST_TMP/out/open2.screen")" '^beans: 1 new; marked seen when the other program is done' \
    "the article that came after the first opening was new"
like "$(head -1 "$TEST_TMP/err")" 'waiting to save the seen mark of 1 saved search' \
    "says on leaving that it waits for the other program"
like "$("$D" --db "$db" saved)" '^beans +4 +0 new' "and writes the mark once the lock is free"

done_testing
