#!/bin/sh
# Bad input loses nothing: every kind of unusable file is skipped with a
# reason, the run succeeds, and damaged or foreign databases are refused.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DOSSIER_BIN"
dir="$TEST_TMP/in"
db="$TEST_TMP/index.db"
mkdir -p "$dir"
good="Tariff talks resume

Negotiators from both sides met in Geneva on Tuesday to discuss tariffs on steel.
"
printf '%s' "$good" >"$dir/good.txt"
printf 'PK\003\004\000\000binary\000data\001\002' >"$dir/archive.txt"
: >"$dir/empty.txt"
printf '   \n\n  \n' >"$dir/blank.txt"
printf 'Caf\351 owners say the \243 fell against the euro.\n' >"$dir/latin1.txt"
printf 'Caf\303\251 d\303\251j\303\240 vu: broken \377 byte in a UTF-8 sentence about trade.\n' >"$dir/invalid.txt"
printf 'Red \033[31malert\033[0m and a bell\007 in the text.\n\033]0;title\007Done.\n' >"$dir/escapes.txt"
head -c $((9 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$dir/huge.txt"
mkdir "$dir/folder.txt"
ln -s "$dir/nowhere.txt" "$dir/dangling.txt"

out=$("$D" --db "$db" index "$dir" 2>&1)
ok $? "index succeeds although files were skipped"
like "$out" "skipped [0-9]+" "summary counts skipped files"
like "$out" "archive.txt \(binary\)" "binary file skipped with its reason"
like "$out" "empty.txt \(empty\)" "empty file skipped with its reason"
like "$out" "blank.txt \(empty\)" "whitespace-only file counts as empty"
like "$out" "huge.txt \(too large" "file over the size limit skipped"
unlike "$out" "good.txt" "the good file is not reported as skipped"
out=$("$D" --db "$db" stats 2>&1)
like "$out" "archive.txt \(binary\)" "stats lists the skipped files with their reasons"

id=$("$D" --db "$db" search --json Café 2>/dev/null | sed -n 's/^{"id":\([0-9]*\).*/\1/p' | head -1)
[ -n "$id" ]
ok $? "Latin-1 file is indexed and found by its decoded word"
text=$("$D" --db "$db" show "$dir/latin1.txt" 2>&1)
like "$text" "Café owners say the £ fell" "Latin-1 decoded to UTF-8"
text=$("$D" --db "$db" show "$dir/invalid.txt" 2>&1)
like "$text" "déjà vu: broken � byte" "invalid bytes in UTF-8 text become U+FFFD, valid ones kept"
text=$("$D" --db "$db" show "$dir/escapes.txt")
printf '%s' "$text" | LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')"
ok $((!$?)) "no control characters or escape sequences in shown text"
like "$text" "Red alert and a bell in the text" "escape sequences removed, words kept"

# A larger limit indexes the big file.
out=$("$D" --db "$db" index --max-size 16 "$dir" 2>&1)
unlike "$out" "huge.txt" "--max-size raises the limit"

# Not a database / another application's database / a newer schema.
printf 'this is not a database\n' >"$TEST_TMP/notdb"
cp "$TEST_TMP/notdb" "$TEST_TMP/notdb.orig"
out=$("$D" --db "$TEST_TMP/notdb" index "$dir" 2>&1)
st=$?
is "$st" 2 "a file that is not a database is refused (exit 2)"
like "$out" "not a dossier index" "refusal names the problem"
cmp -s "$TEST_TMP/notdb" "$TEST_TMP/notdb.orig"
ok $? "the refused file is left untouched"
unlike "$out" "SQLITE|sqlite3_|file is not a database$" "no raw SQLite text"

if command -v python3 >/dev/null; then
    python3 -c "import sqlite3; c=sqlite3.connect('$TEST_TMP/other.db'); c.execute('create table t(x)'); c.commit()"
    out=$("$D" --db "$TEST_TMP/other.db" stats 2>&1)
    is "$?" 2 "another application's SQLite database is refused"
    like "$out" "not a dossier index" "refusal says why"
    cp "$db" "$TEST_TMP/newer.db"
    python3 -c "import sqlite3; c=sqlite3.connect('$TEST_TMP/newer.db'); c.execute('pragma user_version=999'); c.commit()"
    out=$("$D" --db "$TEST_TMP/newer.db" stats 2>&1)
    is "$?" 2 "a newer schema is refused"
    like "$out" "newer" "refusal mentions the newer schema"
else
    skip 4 "python3 not installed"
fi

# An unreadable file is skipped with its reason. Root reads everything, so
# as root the run drops to the 'nobody' user for this check.
locked="$TEST_TMP/locked"
mkdir -p "$locked"
printf 'Tariff news nobody may read.\n' >"$locked/secret.txt"
printf 'Tariff news anybody may read.\n' >"$locked/open.txt"
chmod 000 "$locked/secret.txt"
chmod 777 "$TEST_TMP"
as_user=""
if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null 2>&1 &&
        setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
        as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
    else
        as_user="none"
    fi
fi
if [ "$as_user" = none ]; then
    skip 2 "running as root without setpriv: cannot make a file unreadable"
else
    out=$(XDG_CONFIG_HOME="$TEST_TMP/cfg" $as_user "$D" --db "$TEST_TMP/locked.db" index "$locked" 2>&1)
    ok $? "index succeeds next to an unreadable file"
    like "$out" "secret.txt \(unreadable: Permission denied\)" "unreadable file skipped with its reason"
fi

# An empty folder and an empty index: every command still answers cleanly.
mkdir -p "$TEST_TMP/nothing"
edb="$TEST_TMP/empty.db"
out=$("$D" --db "$edb" index "$TEST_TMP/nothing" 2>&1)
ok $? "indexing an empty folder succeeds"
like "$out" "indexed 0 files" "and says there was nothing"
for cmd in stats topics entities "search tariffs" "figures" "timeline" "overview" "similar --groups" "check"; do
    # shellcheck disable=SC2086
    out=$("$D" --db "$edb" $cmd 2>&1)
    st=$?
    [ "$st" -le 1 ] && ! printf '%s' "$out" | grep -q "runtime error"
    ok $? "'$cmd' on an empty index exits 0 or 1 without errors"
done

out=$("$D" --db "$TEST_TMP/missing/dir/x.db" stats 2>&1)
is "$?" 2 "stats on a missing index fails cleanly"

# an option value or a word a command cannot use: one line naming the
# command and what is wrong, exit 2, before the index is touched
while IFS='|' read -r args want; do
    # shellcheck disable=SC2086 # the arguments are words
    out=$("$D" --db "$db" $args 2>&1)
    rc=$?
    is "$rc:$out" "2:dossier $want" "dossier $args: says what is wrong"
done <<'EOF2'
compare --limit 0|compare: --limit takes a positive number
compare --width 5|compare: --width takes a number from 20 to 1000
compare --left a|compare: give two articles, or both --left and --right
similar --limit 0|similar: --limit takes a positive number
stories --min 0|stories: --limit and --min take a positive number
timeline --unit x|timeline: --unit is week, month or year, not 'x'
timeline --series x|timeline: --series wants a number, not 'x'
kwic --width -3 tariff|kwic: --width wants a number, not '-3'
keyness --min= tariff|keyness: --min wants a number, not ''
overview --limit 5x|overview: --limit wants a number, not '5x'
themes --k 0|themes: --k wants a whole number from 1 to 100, not '0'
themes --seed -1|themes: --seed wants a whole number from 0 to 9223372036854775807, not '-1'
export --format x|export: --format is csv, json or markdown, not 'x'
kwic|kwic: which word? usage: dossier kwic TERM [QUERY]
add|add: give the URL of a page
forget|forget: give the files or folders to forget
search --limit x tariff|search: --limit wants a number, not 'x'
saved show x --limit 0|saved: --limit takes a positive number
EOF2

done_testing
