#!/bin/sh
# Issue 18, findings 2 and 8: an index whose schema number (header bytes
# 60-63) is negative or out of range is "not a dossier index or damaged"
# for every command, never a crash; and `index` refuses another program's
# SQLite file before changing a byte of it (no switch to WAL mode).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

D="$DOSSIER_BIN"
news="$TEST_TMP/news"
mkdir -p "$news"
article "$news/a.txt" soybean
"$D" --db "$TEST_TMP/good.db" index --quiet "$news" >/dev/null 2>&1
ok $? "index a folder"

# poke FILE B1 B2 B3 B4: write four bytes (octal) at offset 60
poke() {
    printf "\\$2\\$3\\$4\\$5" | dd of="$1" bs=1 seek=60 conv=notrunc 2>/dev/null
}

for v in "377 376 171 140 -100000" "377 377 377 377 -1" "177 377 377 377 2147483647"; do
    set -- $v
    cp "$TEST_TMP/good.db" "$TEST_TMP/bad.db"
    poke "$TEST_TMP/bad.db" "$1" "$2" "$3" "$4"
    for cmd in stats "search soybean" check "index $news"; do
        out=$("$D" --db "$TEST_TMP/bad.db" $cmd 2>&1)
        st=$?
        is "$st" 2 "schema number $5: '$cmd' exits 2 (no crash)"
        like "$out" "not a dossier index or is damaged" "schema number $5: '$cmd' says why"
    done
done

if command -v python3 >/dev/null 2>&1; then
    python3 -c "import sqlite3; c=sqlite3.connect('$TEST_TMP/other.db'); c.execute('create table t(x)'); c.execute('insert into t values (1)'); c.commit()"
    cp "$TEST_TMP/other.db" "$TEST_TMP/other.orig"
    out=$("$D" --db "$TEST_TMP/other.db" index "$news" 2>&1)
    is "$?" 2 "index refuses another program's SQLite file"
    like "$out" "another program" "and says why"
    cmp -s "$TEST_TMP/other.db" "$TEST_TMP/other.orig"
    ok $? "the file is byte-identical after the refusal (not switched to WAL)"
    ok "$([ ! -e "$TEST_TMP/other.db-wal" ] && echo 0 || echo 1)" "no WAL file was made for it"
else
    skip 4 "python3 not installed"
fi

done_testing
