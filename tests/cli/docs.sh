#!/bin/sh
# The README and the man page stay true to the program: every key action of
# the browser's action table (src/tui/tui.h) and every command of the CLI's
# command table (src/cli/main.c) is documented, with the same keys.
. "$TOP_SRCDIR/tests/lib.sh"

readme="$TOP_SRCDIR/README.md"
man="$TOP_SRCDIR/doc/dossier.1"

# X(ID, "name", "keys", "help") rows of TUI_ACTION_INFO
sed -n '/TUI_ACTION_INFO(X)/,/^$/p' "$TOP_SRCDIR/src/tui/tui.h" |
    sed -n 's/^ *X([A-Z_0-9]*, "\([^"]*\)", "\([^"]*\)", .*/\1\t\2/p' >"$TEST_TMP/actions"
n=$(wc -l <"$TEST_TMP/actions")
[ "$n" -gt 20 ]
ok $? "read the action table ($n actions)"
while IFS="	" read -r name keys; do
    [ "$name" = none ] && continue
    grep -qF "| \`$keys\` | $name |" "$readme"
    ok $? "README documents the key '$keys' ($name)"
    grep -qF "(${name})\"" "$man" && grep -qF ".BR \"$keys\"" "$man"
    ok $? "man page documents the key '$keys' ($name)"
done <"$TEST_TMP/actions"

"$DOSSIER_BIN" --help | sed -n 's/^  \([a-z]*\) .*/\1/p' >"$TEST_TMP/commands"
n=$(wc -l <"$TEST_TMP/commands")
[ "$n" -gt 10 ]
ok $? "dossier --help lists the commands ($n)"
while read -r cmd; do
    grep -qE "^\.B(R|I)? \"?$cmd( |\"|$)" "$man"
    ok $? "man page documents 'dossier $cmd'"
    grep -qE "dossier $cmd( |$)|dossier\`? *\(or \`dossier $cmd" "$readme" || [ "$cmd" = browse ]
    ok $? "README shows 'dossier $cmd'"
done <"$TEST_TMP/commands"

# every option a command's --help lists is in the man page; the options of
# `saved` (with its --limit) are named in the README too
tr -d '\\' <"$man" >"$TEST_TMP/man.txt" # \-\-no\-marks: --no-marks
while read -r cmd; do
    "$DOSSIER_BIN" "$cmd" --help | sed -n 's/^  --\([a-z-]*\).*/\1/p' | grep -v '^db$\|^help$' |
        while read -r opt; do
            grep -qF -- "--$opt" "$TEST_TMP/man.txt" || echo "$opt"
        done >"$TEST_TMP/missing"
    is "$(tr '\n' ' ' <"$TEST_TMP/missing")" "" "man page documents the options of 'dossier $cmd'"
done <"$TEST_TMP/commands"
grep -qE "dossier saved show .*--limit" "$readme"
ok $? "README shows 'saved show --limit'"
"$DOSSIER_BIN" searches --help | grep -q "usage: dossier saved"
ok $? "'searches' is another name for 'saved'"

"$DOSSIER_BIN" -h | grep -q "^usage: dossier \[--db PATH\]"
ok $? "'dossier -h' alone is help"
"$DOSSIER_BIN" browse -h | grep -q "^usage: dossier browse"
ok $? "'dossier browse -h' alone is help"
"$DOSSIER_BIN" search -h | grep -q "^usage: dossier search"
ok $? "'dossier search -h' alone is help"

done_testing
