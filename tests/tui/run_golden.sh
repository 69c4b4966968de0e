#!/bin/sh
# Golden screen tests for the browser. Each tests/tui/NAME.keys is a key
# script run headless with `dossier browse --script`; every `:dump FILE` (or
# `:dump-roles FILE`) it writes is compared with tests/tui/FILE. Header
# comments in a script set its terminal:
#   # size WxH          screen size (default 80x24)
#   # env VAR=VALUE     extra environment (e.g. NO_COLOR=1)
#   # config NAME       use tests/tui/NAME as $XDG_CONFIG_HOME/dossier/config
#   # corpus NAME       index tests/tui/NAME (a directory) instead of tests/tui/corpus
#   # topics NAME       index with tests/tui/NAME as the user's topics.conf
#                       (it extends tests/tui/assets/topics.conf), into its own database
#   # themes K          index into a database of its own and run `dossier themes --k K`
# The index is built from the fixture corpus tests/tui/corpus (our own short
# articles, including CJK text and one with ESC/BEL bytes).
# UPDATE_GOLDEN=1 rewrites the expected files (review the diff before committing).
. "$TOP_SRCDIR/tests/lib.sh"

dir="$TOP_SRCDIR/tests/tui"
db="$TEST_TMP/tui.db"
export XDG_DATA_HOME="$TEST_TMP/data" XDG_CONFIG_HOME="$TEST_TMP/noconfig"
unset NO_COLOR DOSSIER_DB
# our own small rules and gazetteers, so the screens do not follow assets/ changes
export DOSSIER_ASSETS="$TOP_SRCDIR/tests/tui/assets"
if ! "$DOSSIER_BIN" --db "$db" index --quiet "$dir/corpus" >"$TEST_TMP/index.out" 2>&1; then
    ok 1 "index the fixture corpus"
    sed 's/^/# /' "$TEST_TMP/index.out"
    done_testing
    exit 1
fi
ok 0 "index the fixture corpus"

# failures before the screen opens are plain messages with status 2
out=$("$DOSSIER_BIN" browse --db "$TEST_TMP/missing.db" --script /dev/null 2>&1)
is "$?" 2 "a missing index exits with status 2"
like "$out" 'no index at .*missing\.db.*dossier index' "and says how to build one"
out=$("$DOSSIER_BIN" browse --db "$db" --script "$TEST_TMP/no-such.keys" 2>&1)
is "$?" 2 "a missing script exits with status 2"
like "$out" 'cannot open script' "and names the problem"
out=$("$DOSSIER_BIN" browse --db "$db" --size 10by3 --script /dev/null 2>&1)
is "$?" 2 "a bad --size is refused"
out=$(printf 'j\n:frobnicate\n:dump %s\n' "$TEST_TMP/after-bad.screen" >"$TEST_TMP/bad.keys"
    "$DOSSIER_BIN" browse --db "$db" --script "$TEST_TMP/bad.keys" 2>&1)
is "$?" 2 "a bad script line makes the run fail"
like "$out" 'script:2: unknown command' "with the line number"
ok "$([ -s "$TEST_TMP/after-bad.screen" ] && echo 0 || echo 1)" "and the rest of the script still runs"

for keys in "$dir"/*.keys; do
    [ -e "$keys" ] || continue
    name=$(basename "$keys" .keys)
    out="$TEST_TMP/out-$name"
    mkdir -p "$out" "$TEST_TMP/cfg-$name/dossier"
    size=$(sed -n 's/^# size \([0-9]*x[0-9]*\)$/\1/p' "$keys" | head -1)
    envs=$(sed -n 's/^# env \(.*\)$/\1/p' "$keys")
    cfg=$(sed -n 's/^# config \(.*\)$/\1/p' "$keys" | head -1)
    # "# corpus NAME": index tests/tui/NAME into its own database instead
    kdb=$db
    corpus=$(sed -n 's/^# corpus \([A-Za-z0-9_-]*\)$/\1/p' "$keys" | head -1)
    if [ -n "$corpus" ]; then
        kdb="$TEST_TMP/tui-$corpus.db"
        [ -e "$kdb" ] || "$DOSSIER_BIN" --db "$kdb" index --quiet "$dir/$corpus" \
            >"$TEST_TMP/index-$corpus.out" 2>&1 || sed 's/^/# /' "$TEST_TMP/index-$corpus.out"
    fi
    # "# topics NAME": the user's topics.conf while indexing and browsing
    topics=$(sed -n 's/^# topics \([A-Za-z0-9_.-]*\)$/\1/p' "$keys" | head -1)
    if [ -n "$topics" ]; then
        cp "$dir/$topics" "$TEST_TMP/cfg-$name/dossier/topics.conf"
        kdb="$TEST_TMP/tui-${corpus:-corpus}-$topics.db"
        [ -e "$kdb" ] || XDG_CONFIG_HOME="$TEST_TMP/cfg-$name" "$DOSSIER_BIN" --db "$kdb" index \
            --quiet "$dir/${corpus:-corpus}" >"$TEST_TMP/index-$topics.out" 2>&1 ||
            sed 's/^/# /' "$TEST_TMP/index-$topics.out"
    fi
    # "# themes K": a database of its own where `dossier themes --k K` ran
    themes=$(sed -n 's/^# themes \([0-9]*\)$/\1/p' "$keys" | head -1)
    if [ -n "$themes" ]; then
        kdb="$TEST_TMP/tui-$name-themes.db"
        rm -f "$kdb"
        { "$DOSSIER_BIN" --db "$kdb" index --quiet "$dir/${corpus:-corpus}" &&
            "$DOSSIER_BIN" --db "$kdb" themes --k "$themes"; } >"$TEST_TMP/themes-$name.out" 2>&1 ||
            sed 's/^/# /' "$TEST_TMP/themes-$name.out"
    fi
    [ -n "$cfg" ] && cp "$dir/$cfg" "$TEST_TMP/cfg-$name/dossier/config"
    (
        cd "$out" || exit 2
        # shellcheck disable=SC2086
        env XDG_CONFIG_HOME="$TEST_TMP/cfg-$name" TERM=xterm-256color $envs \
            "$DOSSIER_BIN" browse --db "$kdb" --script "$keys" --size "${size:-80x24}"
    ) >"$TEST_TMP/$name.log" 2>&1
    rc=$?
    is "$rc" 0 "$name: script runs and exits 0"
    [ "$rc" = 0 ] || sed 's/^/# /' "$TEST_TMP/$name.log" | head -20
    dumps=$(sed -n -E 's/^:dump(-roles|-attrs)? (.*)$/\2/p' "$keys")
    for d in $dumps; do
        got="$out/$d"
        want="$dir/$d"
        if [ ! -e "$got" ]; then
            ok 1 "$name: $d was written"
            continue
        fi
        if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
            cp "$got" "$want"
        fi
        if [ -e "$want" ] && cmp -s "$got" "$want"; then
            ok 0 "$name: $d matches"
        else
            ok 1 "$name: $d matches"
            [ -e "$want" ] || echo "# no expected file $want (run with UPDATE_GOLDEN=1)"
            [ -e "$want" ] && diff -u "$want" "$got" | head -60 | sed 's/^/# /'
        fi
        # under NO_COLOR no cell may use a colour pair (attribute letters are upper case)
        case "$d:$envs" in
        *.attrs:*NO_COLOR=1*)
            if grep -q '[a-z]' "$got"; then ok 1 "$name: $d uses no colour"
            else ok 0 "$name: $d uses no colour"; fi
            ;;
        esac
        # no screen line may be wider than the terminal (wide chars counted twice)
        cols=${size%x*}
        cols=${cols:-80}
        for w in $(sed -n 's/.*<Resize \([0-9]*\)x[0-9]*>.*/\1/p' "$keys"); do
            [ "$w" -gt "$cols" ] && cols=$w
        done
        widest=$(LC_ALL=C.UTF-8 wc -L <"$got")
        if [ "$widest" -le "$cols" ]; then ok 0 "$name: $d fits in $cols columns"; else
            ok 1 "$name: $d fits in $cols columns"
            echo "#   widest line: $widest"
        fi
        # nothing from an article reaches the screen as a control character
        if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$got"; then
            ok 1 "$name: $d has no control characters"
        else ok 0 "$name: $d has no control characters"; fi
    done
done

done_testing
