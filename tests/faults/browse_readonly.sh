#!/bin/sh
# Issue 18, finding 4 in the browser: an index that cannot be written (a
# read-only file in a read-only directory, or a read-only file alone) still
# opens; the status line says once that tags and bookmarks cannot be saved,
# and the bookmark key says so again instead of failing silently. Another
# process holding the write lock: the browser opens and the bookmark key
# says the index is busy.
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

# another process holds the write lock: the browser opens, b says why not
if command -v python3 >/dev/null 2>&1; then
    python3 - "$db" "$TEST_TMP/locked" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("CREATE TABLE IF NOT EXISTS lock_holder(x)")
open(sys.argv[2], "w").close()
time.sleep(20)
PY
    holder=$!
    n=0
    while [ ! -e "$TEST_TMP/locked" ] && [ "$n" -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
    rm -f "$TEST_TMP/out/"*.screen
    (cd "$TEST_TMP/out" && "$D" browse --db "$db" --script "$keys" --size 80x24)
    is "$?" 0 "the browser opens while another process writes"
    like "$(tail -1 "$TEST_TMP/out/bookmark.screen")" 'busy \(another dossier is writing\)' \
        "and the bookmark key says the index is busy"
    kill "$holder" 2>/dev/null
    wait "$holder" 2>/dev/null
else
    skip 2 "python3 not installed"
fi

done_testing
