#!/bin/sh
# Issue 18, finding 4 in the browser: an index that cannot be written (a
# read-only file in a read-only directory, or a read-only file alone) still
# opens; the status line says once that tags and bookmarks cannot be saved,
# and the bookmark key says so again instead of failing silently. Another
# process holding the write lock: the browser says so at start, the
# bookmark key answers at once and the bookmark is written when the lock
# is free (between keys, or at exit), never lost.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

D="$DOSSIER_BIN"
news="$TEST_TMP/news"
mkdir -p "$news" "$TEST_TMP/idx" "$TEST_TMP/out"
for w in soybean copper lumber; do article "$news/$w.txt" "$w"; done
db="$TEST_TMP/idx/index.db"
"$D" --db "$db" index --quiet "$news" >/dev/null 2>&1
ok $? "index a folder"
keys="$TEST_TMP/keys"
printf ':dump start.screen\nb\n:dump bookmark.screen\n' >"$keys"
chmod 755 "$TEST_TMP" "$TEST_TMP/idx"
chmod 777 "$TEST_TMP/out"
chmod 644 "$keys"
msg='read-only: tags and bookmarks cannot be saved'

# browse_as_nobody: the key script as a user the permissions apply to
browse_as_nobody() {
    rm -f "$TEST_TMP/out/"*.screen
    (cd "$TEST_TMP/out" && as_nobody "$D" browse --db "$db" --script "$keys" --size 80x24)
}

if can_drop_privileges; then
    chmod 444 "$db"
    chmod 555 "$TEST_TMP/idx"
    browse_as_nobody
    is "$?" 0 "a read-only index in a read-only directory opens in the browser"
    is "$(tail -1 "$TEST_TMP/out/start.screen" | cut -c1-${#msg})" "$msg" \
        "the status line says what cannot be saved"
    is "$(tail -1 "$TEST_TMP/out/bookmark.screen" | cut -c1-${#msg})" "$msg" \
        "the bookmark key says it again"
    grep -q "bookmarked" "$TEST_TMP/out/bookmark.screen"
    is "$?" 1 "and nothing is marked"
    chmod 755 "$TEST_TMP/idx"
    browse_as_nobody
    is "$?" 0 "a read-only file in a writable directory opens"
    is "$(tail -1 "$TEST_TMP/out/bookmark.screen" | cut -c1-${#msg})" "$msg" \
        "and the bookmark key says why it does nothing"
    chmod 644 "$db"
    rm -f "$db-wal" "$db-shm"
else
    skip 6 "cannot run as a user that meets permission checks (root without setpriv)"
fi
is "$("$D" --db "$db" search --json 'tag:bookmark' 2>/dev/null | grep -c '"id"')" 0 \
    "no bookmark reached the index"

# a writable index shows no such note
rm -f "$TEST_TMP/out/"*.screen
(cd "$TEST_TMP/out" && "$D" browse --db "$db" --script "$keys" --size 80x24)
grep -q "read-only" "$TEST_TMP/out/start.screen"
is "$?" 1 "a writable index: no read-only note"
like "$(tail -1 "$TEST_TMP/out/bookmark.screen")" '^bookmarked' "and b bookmarks"

# another process holds the write lock (an index run): the browser says so
# at once, b answers at once and keeps the bookmark, which is written when
# the lock is free, between keys or at exit; nothing is lost
if command -v python3 >/dev/null 2>&1; then
    printf 'b\n' >"$keys" # the bookmark set above goes
    "$D" browse --db "$db" --script "$keys" --size 80x24
    printf ':dump start.screen\nb\n:dump bookmark.screen\n:wait %s\n:idle\n:dump saved.screen\n' \
        "$TEST_TMP/released" >"$keys"
    hold_lock "$db"
    rm -f "$TEST_TMP/out/"*.screen
    release_after bookmark.screen &
    (cd "$TEST_TMP/out" && "$D" browse --db "$db" --script "$keys" --size 80x24)
    is "$?" 0 "the browser opens while another process writes"
    wait "$holder"
    wait
    like "$(tail -1 "$TEST_TMP/out/start.screen")" '^another program is writing the index: bookmarks wait' \
        "the status line says at start that another program writes"
    like "$(tail -1 "$TEST_TMP/out/bookmark.screen")" '^bookmarked; saved when the other program is done' \
        "b says the bookmark is kept until the other program is done"
    took=$(cat "$TEST_TMP/took")
    [ "$took" -lt 3000 ]
    ok $? "and answers at once, not after the 5 s lock wait (start to bookmark: $took ms)"
    like "$(sed -n 2p "$TEST_TMP/out/bookmark.screen")" '^ *\*' "the list marks the kept bookmark"
    like "$(tail -1 "$TEST_TMP/out/saved.screen")" '^the other program is done: 1 bookmark change saved' \
        "when the lock is free, the kept bookmark is written between keys"
    is "$("$D" --db "$db" search --json 'tag:bookmark' | grep -c '"id"')" 1 "and it is in the index"

    # quit while the lock is still held: the kept change is written at exit
    printf 'b\n:dump unmarked.screen\n' >"$keys"
    hold_lock "$db"
    rm -f "$TEST_TMP/out/"*.screen
    release_after unmarked.screen 0.5 &
    (cd "$TEST_TMP/out" && "$D" browse --db "$db" --script "$keys" --size 80x24) 2>"$TEST_TMP/err"
    is "$?" 0 "quitting with a kept change"
    wait "$holder"
    wait
    like "$(head -1 "$TEST_TMP/err")" 'waiting to save 1 bookmark change' \
        "says on leaving that it waits for the other program"
    is "$("$D" --db "$db" search --json 'tag:bookmark' | grep -c '"id"')" 0 \
        "and writes the change once the lock is free"
else
    skip 10 "python3 not installed"
fi

done_testing
