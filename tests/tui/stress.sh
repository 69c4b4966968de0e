#!/bin/sh
# The browser on hostile articles, generated here: one huge CJK paragraph
# with no spaces, a 5,000-letter word, control characters and escape
# sequences everywhere, stacks of combining marks, right-to-left text,
# tabs and invalid UTF-8. Every screen size from tiny to large must run to
# the end, never write a line wider than the terminal, and never let a
# control character through.
. "$TOP_SRCDIR/tests/lib.sh"

export XDG_DATA_HOME="$TEST_TMP/data" XDG_CONFIG_HOME="$TEST_TMP/config"
export DOSSIER_ASSETS="$TOP_SRCDIR/tests/tui/assets"
corpus="$TEST_TMP/corpus"
mkdir -p "$corpus"
{
    printf 'Wide text without spaces\nPublished: 2024-01-01\n\n'
    i=0
    while [ $i -lt 400 ]; do printf '贸易谈判取得进展中日韩'; i=$((i + 1)); done
    printf '\n'
} >"$corpus/cjk-wall.txt"
{
    printf 'One very long word\n\n'
    i=0
    while [ $i -lt 500 ]; do printf 'abcdefghij'; i=$((i + 1)); done
    printf ' tariffs\n'
} >"$corpus/long-word.txt"
{
    printf 'Control \033[2J\033[H characters \033]52;c;aGVsbG8=\007 everywhere\n\n'
    i=0
    while [ $i -lt 50 ]; do printf 'tariffs\033[31m red\033[0m \t tab \r return \b back \033(0 lqk \233 csi\n'; i=$((i + 1)); done
} >"$corpus/controls.txt"
{
    printf 'Combining marks and scripts\n\n'
    printf 'Z\314\266\314\267\314\270\315\242a\315\243\315\244l\315\245g\315\246o '
    printf '\327\251\327\234\327\225\327\235 \330\247\331\204\330\252\330\254\330\247\330\261\330\251 '
    printf 'caf\303\251 cafe\314\201 \360\237\207\250\360\237\207\263 \342\200\213zero\342\200\213width '
    printf 'bad \377\376 utf8 \300\257 end\n'
} >"$corpus/marks.txt"

db="$TEST_TMP/stress.db"
if "$DOSSIER_BIN" --db "$db" index --quiet "$corpus" >"$TEST_TMP/index.out" 2>&1; then
    ok 0 "index the hostile articles"
else
    ok 1 "index the hostile articles"
    sed 's/^/# /' "$TEST_TMP/index.out"
fi

# walk every article at each size: open it, scroll, find, facts, compare
# (below the minimum size q quits at once, so later dumps may be missing)
keys="$TEST_TMP/walk.keys"
{
    printf ':dump screen-0\n'
    for n in 1 2 3 4; do
        printf '<Enter>\n<PgDn>\n<C-d>\nG\n/\n:type a\n<Enter>\nn\nN\nf\nj\nj\n<Enter>\n'
        printf '<C-x>\nq\nc\nj\nc\n<PgDn>\nq\n'
        printf ':dump screen-%s\n' "$n"
    done
    printf 't\nj\n<Enter>\n?\nG\n:dump screen-help\n'
} >"$keys"
for size in 20x5 40x10 41x12 80x24 100x30 160x48 233x61; do
    out="$TEST_TMP/out-$size"
    mkdir -p "$out"
    (cd "$out" && "$DOSSIER_BIN" browse --db "$db" --script "$keys" --size "$size") \
        >"$TEST_TMP/log-$size" 2>&1
    rc=$?
    is "$rc" 0 "$size: the walk runs to the end"
    [ "$rc" = 0 ] || sed 's/^/# /' "$TEST_TMP/log-$size" | head -10
    cols=${size%x*}
    bad=0
    for f in "$out"/screen-*; do
        [ -e "$f" ] || { bad=1; continue; }
        w=$(LC_ALL=C.UTF-8 wc -L <"$f")
        [ "$w" -le "$cols" ] || { bad=1; echo "# $(basename "$f"): a line of $w columns"; }
        if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$f"; then
            bad=1
            echo "# $(basename "$f"): control character"
        fi
        if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
            bad=1
            echo "# $(basename "$f"): invalid UTF-8 written"
        fi
    done
    ok "$bad" "$size: screens fit, valid UTF-8, no control characters"
done

done_testing
