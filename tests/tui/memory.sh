#!/bin/sh
# Issue 16: the browser gives memory back when a view closes. On a
# generated collection, the key script's :memory writes the heap in use
# (glibc's mallinfo2) and the resident size: at the first screen, with the
# statistics view open, after it closes, with KWIC open for a common word,
# after that closes. A closed view keeps none of its tables, and the
# freed memory leaves the process (malloc_trim, SQLite's page cache).
. "$TOP_SRCDIR/tests/lib.sh"

gen="$TOP_BUILDDIR/bench/gen_corpus"
if [ ! -x "$gen" ]; then
    skip 6 "bench/gen_corpus is not built"
    done_testing
    exit
fi
export XDG_DATA_HOME="$TEST_TMP/data" XDG_CONFIG_HOME="$TEST_TMP/config"
unset DOSSIER_DB NO_COLOR
"$gen" --seed 1 --docs 1000 --out "$TEST_TMP/news" >/dev/null 2>&1
db="$TEST_TMP/index.db"
"$DOSSIER_BIN" --db "$db" index --quiet "$TEST_TMP/news" >/dev/null 2>&1
ok $? "index 1,000 generated articles"
cat >"$TEST_TMP/keys" <<'KEYS'
:memory first
S
:memory stats-open
q
:memory stats-closed
w
<C-u>
:type the
<Enter>
:memory kwic-open
q
:memory kwic-closed
S
q
w
<Enter>
q
:memory again
KEYS
(cd "$TEST_TMP" && "$DOSSIER_BIN" browse --db "$db" --script keys --size 100x30)
is "$?" 0 "the script runs"

# kb STEP heap|sqlite|rss: a number the script wrote; own STEP: the heap in
# use less SQLite's part (its page cache goes back by its own rules)
kb() { sed -n "s/^$2_kb //p" "$TEST_TMP/$1"; }
own() { echo $(($(kb "$1" heap) - $(kb "$1" sqlite))); }
first=$(own first) stats=$(own stats-open) stats_closed=$(own stats-closed)
kwic=$(own kwic-open) kwic_closed=$(own kwic-closed) again=$(own again)
echo "# the browser's own heap (kB): first $first; statistics $stats, closed $stats_closed;" \
    "KWIC $kwic, closed $kwic_closed; both again, closed $again"
rss_first=$(kb first rss) rss_kwic=$(kb kwic-open rss) rss_closed=$(kb kwic-closed rss)
echo "# resident (kB): first $rss_first; KWIC $rss_kwic, closed $rss_closed"
if [ "$((kwic - first))" -lt 4096 ]; then
    # mallinfo2 missing (not glibc) or not malloc's (a sanitizer's allocator)
    skip 5 "the heap in use cannot be measured here"
    done_testing
    exit
fi
[ "$((stats - first))" -ge 256 ]
ok $? "the statistics view holds tables worth measuring ($((stats - first)) kB)"
[ "$((stats_closed - first))" -le "$(((stats - first) / 4))" ]
ok $? "they go when it closes ($stats -> $stats_closed kB, first $first)"
[ "$((kwic_closed - first))" -le "$(((kwic - first) / 10))" ]
ok $? "KWIC's lines go when it closes ($kwic -> $kwic_closed kB, first $first)"
[ "$((rss_closed - rss_first))" -le "$(((rss_kwic - rss_first) / 4))" ]
ok $? "and the memory leaves the process ($rss_kwic -> $rss_closed kB resident, first $rss_first)"
[ "$((again - kwic_closed))" -le 16 ]
ok $? "opening and closing both again keeps nothing more ($kwic_closed -> $again kB)"

done_testing
