#!/bin/sh
# Issue 18, findings 1 and 5: an index run never deletes what it cannot
# see. A root folder moved away (an unmounted drive), or a subfolder that
# cannot be read, keeps its documents and tags, marked missing; the run says
# so and fails. Tags are kept by content, so a deleted article indexed again
# gets them back. `dossier forget` and `index --prune` remove on purpose.
# And the opposite: a file that no longer holds an article (emptied, binary,
# too large) loses its old document, while one that cannot be read keeps it.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

D="$DOSSIER_BIN"
db="$TEST_TMP/index.db"
news="$TEST_TMP/news"
mkdir -p "$news/sub"
article "$news/a-soybeans.txt" soybean
article "$news/b-copper.txt" copper
article "$news/c-lumber.txt" lumber
article "$news/sub/d-cotton.txt" cotton

"$D" --db "$db" index --quiet "$news" >/dev/null 2>&1
ok $? "index a folder"
is "$(docs "$db")" 4 "four documents"

# bookmark the first article in the browser (b), as a reader would
printf 'b\n' >"$TEST_TMP/bookmark.keys"
TERM=xterm "$D" browse --db "$db" --script "$TEST_TMP/bookmark.keys" --size 80x24 \
    >"$TEST_TMP/browse.log" 2>&1
ok $? "bookmark an article in the browser"
is "$(hits "$db" tag:bookmark)" 1 "one article bookmarked"
bookmarked=$("$D" --db "$db" search --json tag:bookmark | sed -n 's/.*"path":"\([^"]*\)".*/\1/p')

# the folder moves away (a drive not mounted): nothing is deleted
mv "$news" "$TEST_TMP/away"
out=$("$D" --db "$db" index 2>&1)
st=$?
is "$st" 2 "indexing a root that cannot be opened exits 2"
like "$out" "4 files could not be seen .*kept and marked missing" "the run says what it kept"
like "$out" "dossier forget PATH" "and how to remove it on purpose"
unlike "$out" "[1-9][0-9]* removed" "nothing is reported removed"
is "$(docs "$db")" 4 "the four documents are still indexed"
is "$(hits "$db" tag:bookmark)" 1 "the bookmark is still there"
like "$("$D" --db "$db" stats)" "missing +4 files not seen" "stats shows the missing files"
like "$("$D" --db "$db" stats --json)" '"missing":4' "stats --json counts them"
like "$("$D" --db "$db" show "$bookmarked")" "^missing +not seen by the last index run" \
    "show marks the article missing"
like "$("$D" --db "$db" show --json "$bookmarked")" '"missing":true' "show --json too"

# back again: everything as before, nothing missing
mv "$TEST_TMP/away" "$news"
out=$("$D" --db "$db" index 2>&1)
ok $? "indexing after the folder came back succeeds"
like "$out" "0 added, 0 updated, 4 unchanged" "nothing to re-read"
is "$(hits "$db" tag:bookmark)" 1 "the bookmark survived the round trip"
is "$("$D" --db "$db" stats --json | sed -n 's/.*"missing":\([0-9]*\).*/\1/p')" 0 \
    "no file is missing any more"
unlike "$("$D" --db "$db" show "$bookmarked")" "^missing" "show no longer says missing"

# an emptied root (the mount point of an unmounted drive) keeps its files too
mv "$news" "$TEST_TMP/away"
mkdir "$news"
out=$("$D" --db "$db" index 2>&1)
is "$?" 2 "an emptied root folder exits 2"
like "$out" "no files found: an unmounted or emptied folder" "and says why"
is "$(docs "$db")" 4 "its documents are kept"
rmdir "$news"
mv "$TEST_TMP/away" "$news"
"$D" --db "$db" index --quiet >/dev/null 2>&1

# a subfolder that cannot be read keeps its documents (needs a user that
# meets permission checks)
if can_drop_privileges; then
    chown -R 65534:65534 "$TEST_TMP"
    chmod 000 "$news/sub"
    out=$(as_nobody "$D" --db "$db" index 2>&1)
    like "$out" "1 file could not be seen" "an unreadable subfolder is reported"
    is "$(as_nobody "$D" --db "$db" search --json cotton | grep -c '"id"')" 1 "its article is kept"
    chmod 755 "$news/sub"
    chmod 000 "$news/b-copper.txt"
    as_nobody "$D" --db "$db" index >/dev/null 2>&1
    is "$(as_nobody "$D" --db "$db" search --json copper | grep -c '"id"')" 1 \
        "a file that cannot be read keeps its document"
    chmod 644 "$news/b-copper.txt"
    chown -R 0:0 "$TEST_TMP"
    "$D" --db "$db" index --quiet >/dev/null 2>&1
else
    skip 3 "cannot run as a user that meets permission checks (root without setpriv)"
fi

# a deleted article loses its document, but its tag comes back with it
cp "$bookmarked" "$TEST_TMP/saved.txt"
rm "$bookmarked"
out=$("$D" --db "$db" index 2>&1)
like "$out" "1 removed" "a deleted file is removed"
is "$(hits "$db" tag:bookmark)" 0 "with its document"
cp "$TEST_TMP/saved.txt" "$bookmarked"
"$D" --db "$db" index --quiet >/dev/null 2>&1
is "$(hits "$db" tag:bookmark)" 1 \
    "the same article indexed again gets its bookmark back"

# finding 5: a file that no longer holds an article loses its document
: >"$news/c-lumber.txt"
printf '\000\001\002binary\000' >"$news/sub/d-cotton.txt"
out=$("$D" --db "$db" index 2>&1)
like "$out" "2 removed" "an emptied and a binary file are removed"
like "$out" "c-lumber.txt \(empty" "the summary still says why"
is "$(hits "$db" lumber)" 0 "the emptied file's old text is not found"
is "$(hits "$db" cotton)" 0 "nor the binary file's"
article "$news/c-lumber.txt" lumber
head -c 1200000 /dev/zero | tr '\0' 'x' >>"$news/c-lumber.txt"
"$D" --db "$db" index --quiet --max-size 1 >/dev/null 2>&1
is "$(hits "$db" lumber)" 0 "nor a file that grew past --max-size"

# forget and --prune remove on purpose
mv "$news" "$TEST_TMP/away"
out=$("$D" --db "$db" forget "$news" 2>&1)
ok $? "forget a folder that is gone"
like "$out" "forgot [0-9]+ files" "forget says how many"
is "$(docs "$db")" 0 "its documents are gone"
out=$("$D" --db "$db" index 2>&1)
like "$out" "nothing to index" "a forgotten folder is no longer refreshed"
mv "$TEST_TMP/away" "$news"
"$D" --db "$db" index --quiet "$news" >/dev/null 2>&1
mv "$news" "$TEST_TMP/away"
"$D" --db "$db" index --prune >/dev/null 2>&1
is "$(docs "$db")" 0 "index --prune removes what it cannot see"
"$D" --db "$db" forget "$news" >/dev/null 2>&1
is "$?" 1 "forgetting what is not indexed exits 1"

done_testing
