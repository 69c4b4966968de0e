#!/bin/sh
# The layering of the tree (ARCHITECTURE.md): arrows run only downward,
# sqlite3.h only in the store, curses only in the browser, the browser never
# includes the command line's headers, no include cycles, files of at most
# 1,000 lines. Known debts are listed in tests/layering/debts.txt; a new
# violation fails, and so does a listed debt that was paid but not crossed off.
. "$TOP_SRCDIR/tests/lib.sh"
check="$TOP_SRCDIR/tests/layering/check.py"
debts="$TOP_SRCDIR/tests/layering/debts.txt"

if ! command -v python3 >/dev/null; then
    skip 1 "python3 is not installed"
    done_testing
    exit $?
fi

out=$(python3 "$check" "$TOP_SRCDIR" --debts "$debts" 2>&1)
ok $? "no upward arrow beyond the listed debts"
[ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/#   /'

# The checker must be able to fail: plant one violation of each rule in a
# copy of the tree and see each reported.
tree="$TEST_TMP/tree"
mkdir -p "$tree"
cp -R "$TOP_SRCDIR/src" "$TOP_SRCDIR/include" "$tree/"
plant() { # plant FILE LINE EXPECTED-REPORT NAME
    cp "$tree/$1" "$tree/$1.orig"
    printf '%s\n' "$2" >>"$tree/$1"
    got=$(python3 "$check" "$tree" --debts "$debts")
    mv "$tree/$1.orig" "$tree/$1"
    like "$got" "$3" "planted: $4"
}
plant src/lib/store/check.c 'static void f(void) { corpus_refresh(0, 0, 0); }' \
    '^call src/lib/store/check\.c -> corpus_refresh$' "the store calls the corpus statistics"
plant src/lib/store/check.c '#include "dossier/compare.h"' \
    '^include src/lib/store/check\.c -> include/dossier/compare\.h$' "the store includes compare.h"
plant src/lib/ingest/walk.c '#include <sqlite3.h>' \
    '^sqlite src/lib/ingest/walk\.c$' "sqlite3.h outside the store"
plant src/lib/corpus/render.c '#include <curses.h>' \
    '^curses src/lib/corpus/render\.c$' "curses outside the browser"
plant src/tui/draw.c '#include "../cli/cli.h"' \
    '^frontend src/tui/draw\.c -> src/cli/cli\.h$' "the browser includes a CLI header"
plant src/lib/query/query.c '#include "../ingest/lib.h"' \
    '^private src/lib/query/query\.c -> src/lib/ingest/lib\.h$' "another part's private header"
plant src/lib/extract/lib.h '#include "dossier/indexer.h"' \
    '^include src/lib/extract/lib\.h -> include/dossier/indexer\.h$' "extract includes the indexer"
awk 'BEGIN { for (i = 0; i < 1100; i++) print "/* filler */" }' >"$tree/src/lib/util/big.c"
got=$(python3 "$check" "$tree" --debts "$debts")
rm "$tree/src/lib/util/big.c"
like "$got" '^size src/lib/util/big\.c 1100$' "planted: a file over 1,000 lines"
printf '#include "b.h"\n' >"$tree/src/lib/util/a.h"
printf '#include "a.h"\n' >"$tree/src/lib/util/b.h"
got=$(python3 "$check" "$tree" --debts "$debts")
rm "$tree/src/lib/util/a.h" "$tree/src/lib/util/b.h"
like "$got" '^cycle src/lib/util/a\.h -> src/lib/util/b\.h -> src/lib/util/a\.h$' "planted: an include cycle"
printf 'call src/lib/util/util.c -> nothing_at_all\n' >"$TEST_TMP/debts"
cat "$debts" >>"$TEST_TMP/debts"
got=$(python3 "$check" "$TOP_SRCDIR" --debts "$TEST_TMP/debts")
like "$got" '^debt-gone call src/lib/util/util\.c -> nothing_at_all$' "a paid debt must be crossed off"

done_testing
