#!/bin/sh
# Issue 18, finding 12: output hygiene. A bad query's error never echoes
# ESC or BEL; --json stays valid UTF-8 for a file name that is not UTF-8;
# `show` prints a newline in a file name as an escape; `show --raw` gives
# the file back byte for byte (soft hyphens included) when piped.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

D="$DOSSIER_BIN"
db="$TEST_TMP/index.db"
news="$TEST_TMP/news"
mkdir -p "$news"
article "$news/plain.txt" soybean
article "$news/caf$(printf '\351').txt" copper
article "$news/two
lines.txt" lumber
# soft hyphens (U+00AD) inside words, which cleaning removes from the body
{
    printf 'Harbour tolls rise again\n\n'
    printf 'The harbour authority said the new tolls would in\302\255crease costs for ship\302\255ping lines '
    printf 'that call at the port more than twice a week, starting next month.\n'
} >"$news/soft.txt"
"$D" --db "$db" index --quiet "$news" >/dev/null 2>&1
ok $? "index files with odd names"

"$D" --db "$db" search "$(printf 'tariff \033[31m \007 (')" 2>"$TEST_TMP/err" >/dev/null
is "$?" 2 "a bad query fails"
if LC_ALL=C grep -q "$(printf '[\033\007]')" "$TEST_TMP/err"; then
    ok 1 "its error echoes no ESC or BEL"
else ok 0 "its error echoes no ESC or BEL"; fi
like "$(cat "$TEST_TMP/err")" "tariff \\?\\[31m \\? \\(" "the query is echoed with '?' for them"

"$D" --db "$db" search --json copper >"$TEST_TMP/json"
like "$(cat "$TEST_TMP/json")" 'caf\\udce9\.txt' "a non-UTF-8 byte in a name is escaped in JSON"
if command -v python3 >/dev/null 2>&1; then
    python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]" \
        "$TEST_TMP/json"
    ok $? "--json output is valid UTF-8 and JSON"
else
    skip 1 "python3 not installed"
fi

out=$("$D" --db "$db" show "$news/two
lines.txt")
like "$out" '^path .*/two\\nlines\.txt$' "show prints a newline in a name as an escape"
unlike "$out" '^lines\.txt$' "the name does not break the line"

"$D" --db "$db" show --raw "$news/soft.txt" >"$TEST_TMP/raw"
cmp -s "$TEST_TMP/raw" "$news/soft.txt"
ok $? "show --raw gives the file back byte for byte (soft hyphens kept)"

done_testing
