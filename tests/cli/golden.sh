#!/bin/sh
# Golden CLI outputs on the bundled sample corpus: each tests/cli/golden/NAME.args
# holds one argument per line; NAME.out is the expected stdout followed by a
# line "exit: N". Paths under the source tree print as @TOP@.
# UPDATE_GOLDEN=1 rewrites the expected files (review the diff before committing).
. "$TOP_SRCDIR/tests/lib.sh"

db="$TEST_TMP/golden.db"
if ! "$DOSSIER_BIN" --db "$db" index --quiet "$TOP_SRCDIR/assets/corpus" >"$TEST_TMP/index.out" 2>&1; then
    ok 1 "index the sample corpus"
    sed 's/^/# /' "$TEST_TMP/index.out"
    done_testing
    exit 1
fi
ok 0 "index the sample corpus"

for args in "$TOP_SRCDIR"/tests/cli/golden/*.args; do
    [ -e "$args" ] || continue
    name=$(basename "$args" .args)
    want="${args%.args}.out"
    got="$TEST_TMP/$name.out"
    # one argument per line, so queries with spaces and quotes stay intact
    set --
    while IFS= read -r line || [ -n "$line" ]; do
        set -- "$@" "$line"
    done <"$args"
    (
        cd "$TOP_SRCDIR" || exit 2
        "$DOSSIER_BIN" --db "$db" "$@" 2>&1
        echo "exit: $?"
    ) | sed "s|$TOP_SRCDIR|@TOP@|g" >"$got"
    if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
        cp "$got" "$want"
    fi
    if cmp -s "$got" "$want"; then
        ok 0 "golden: $name"
    else
        ok 1 "golden: $name"
        diff -u "$want" "$got" | head -40 | sed 's/^/# /'
    fi
done

done_testing
