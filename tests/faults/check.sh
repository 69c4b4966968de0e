#!/bin/sh
# Issue 18, findings 9 and 4: `dossier check` lists every structural
# problem (a damaged page included) and exits 1, names the fix, and
# `check --repair` rebuilds the full-text index and the derived tables from
# the stored documents. An index in a directory that cannot be written is
# still readable (check, stats, search), with a note that it was not fully
# checked.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

D="$DOSSIER_BIN"
news="$TEST_TMP/news"
mkdir -p "$news" "$TEST_TMP/idx"
for w in soybean copper lumber cotton; do article "$news/$w.txt" "$w"; done
db="$TEST_TMP/idx/index.db"
"$D" --db "$db" index --quiet "$news" >/dev/null 2>&1
ok $? "index a folder"
is "$("$D" --db "$db" check)" "ok" "a fresh index checks ok"

if command -v python3 >/dev/null 2>&1; then
    cp "$db" "$TEST_TMP/fts.db"
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM docs_fts_docsize WHERE id = 2'); c.commit()" "$TEST_TMP/fts.db"
    out=$("$D" --db "$TEST_TMP/fts.db" check)
    is "$?" 1 "a full-text index out of step: exit 1"
    like "$out" "full-text index: does not match" "the problem is listed"
    like "$out" "dossier check --repair" "and the fix is named"
    out=$("$D" --db "$TEST_TMP/fts.db" check --repair)
    is "$?" 0 "check --repair fixes it"
    is "$out" "repaired: ok" "and says so"
    is "$(hits "$TEST_TMP/fts.db" copper)" 1 "search works after the repair"

    # a damaged page of a table: listed, exit 1 (not 2 without details)
    cp "$db" "$TEST_TMP/page.db"
    python3 - "$TEST_TMP/page.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA journal_mode = DELETE")
size = c.execute("PRAGMA page_size").fetchone()[0]
root = c.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'files'").fetchone()[0]
c.close()
with open(sys.argv[1], "r+b") as f:
    f.seek((root - 1) * size)
    f.write(b"\x00" * 64)
PY
    out=$("$D" --db "$TEST_TMP/page.db" check 2>&1)
    st=$?
    is "$st" 1 "a damaged page: exit 1"
    like "$out" "[0-9]+ problems? found" "with the problems listed"
else
    skip 8 "python3 not installed"
fi

# a read-only directory, read by a user who cannot write it
if can_drop_privileges; then
    chmod 755 "$TEST_TMP/idx" "$news"
    chmod 555 "$TEST_TMP/idx"
    chmod 444 "$db"
    out=$(as_nobody "$D" --db "$db" stats 2>&1)
    ok $? "stats reads an index in a read-only directory"
    like "$out" "documents +4" "and counts it"
    is "$(as_nobody "$D" --db "$db" search --json copper 2>&1 | grep -c '"id"')" 1 \
        "search reads it"
    out=$(as_nobody "$D" --db "$db" check 2>&1)
    ok $? "check reads it"
    like "$out" "read-only here: the full-text index was not checked" "and says what it skipped"
    out=$(as_nobody "$D" --db "$db" index "$news" 2>&1)
    is "$?" 2 "writing is refused"
    like "$out" "read-only|permission|cannot open" "with a reason"
    chmod 755 "$TEST_TMP/idx"
else
    skip 7 "cannot run as a user that meets permission checks (root without setpriv)"
fi

done_testing
