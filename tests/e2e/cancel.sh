#!/bin/sh
# Issue 18, finding 3: a search that takes seconds does not freeze the
# browser (made slow on every machine by DOSSIER_TEST_SEARCH_DELAY_MS). In a real terminal (tmux): Esc stops the prompt's hit count,
# Ctrl-C stops the search Enter started, each says "search cancelled", and
# the browser goes on (Ctrl-C outside a search still ends it).
. "$TOP_SRCDIR/tests/lib.sh"

gen="$TOP_BUILDDIR/bench/gen_corpus"
why=
command -v tmux >/dev/null 2>&1 || why="tmux is not installed"
[ -x "$gen" ] || why=${why:-"bench/gen_corpus is not built"}
if [ -n "$why" ]; then
    skip 1 "$why"
    done_testing
    exit 0
fi

SOCK="dossier-cancel-$$"
tx() { tmux -u -L "$SOCK" -f /dev/null "$@"; }
trap 'tx kill-server 2>/dev/null; rm -rf "$TEST_TMP"' EXIT
export XDG_DATA_HOME="$TEST_TMP/data" XDG_CONFIG_HOME="$TEST_TMP/config"
unset NO_COLOR DOSSIER_DB

db="$TEST_TMP/big.db"
"$gen" --seed 7 --docs 300 --out "$TEST_TMP/news" >/dev/null 2>&1 &&
    "$DOSSIER_BIN" --db "$db" index --quiet "$TEST_TMP/news" >"$TEST_TMP/index.out" 2>&1
ok $? "generate and index 300 articles"

# However fast this machine, every search the browser runs takes 4 s (the
# store's test hook sleeps in SQLite's progress handler, where a key's
# interrupt stops it as it stops a slow query), so the keys below always
# land inside a running search.
delay=4000
query='a* b* c* d* e* f* g* h* i* j* k* l* -tariff'

# last_line: the status line; until RE [SECONDS]: poll the screen for RE.
last_line() { tx capture-pane -p -t c | tail -1; }
until_screen() {
    n=0
    while [ "$n" -lt $((${2:-10} * 10)) ]; do
        tx capture-pane -p -t c | grep -Eq -- "$1" && return 0
        sleep 0.1
        n=$((n + 1))
    done
    return 1
}
expect() {
    if until_screen "$1" "${3:-10}"; then ok 0 "$2"; else
        ok 1 "$2"
        tx capture-pane -p -t c | sed 's/^/#   |/'
    fi
}

tx new-session -d -s c -x 100 -y 24 \
    "env TERM=xterm-256color LC_ALL=C.UTF-8 DOSSIER_TEST_SEARCH_DELAY_MS=$delay sh -c 'trap : INT; \"\$0\" browse --db \"\$1\"; echo EXITED:\$?; exec sh' '$DOSSIER_BIN' '$db'"
expect '300 of 300' "the browser starts" 15

# the prompt counts the hits of what was typed once the keys stop: Esc
# stops that count (and is used up: the prompt stays open)
tx send-keys -t c s
expect '^search:' "s opens the search prompt"
tx send-keys -t c -l "$query"
sleep 0.3
tx send-keys -t c Escape
expect 'search: a\* b\*.*search cancelled *$' "Esc stops the prompt's count: search cancelled"
is "$(last_line | grep -c '^search:')" 1 "and the prompt is still open"

# Enter runs it; Ctrl-C stops it and the old list stays
tx send-keys -t c Enter
sleep 0.3
tx send-keys -t c C-c
expect '^search cancelled .*300 of 300' "Ctrl-C stops the search: search cancelled, the old list stays"
tx send-keys -t c j
expect '\[Articles\] 2/300' "the browser still takes keys"

# left alone, the same search ends (after the delay) and shows its hits
tx send-keys -t c s
expect '^search:' "s opens the prompt again"
tx send-keys -t c C-u
tx send-keys -t c -l 'tariff*'
tx send-keys -t c Enter
t0=$(date +%s%N)
if until_screen '[0-9,]+ of 300 .*tariff|tariff.* [0-9,]+ of 300' 15; then
    ms=$((($(date +%s%N) - t0) / 1000000))
    [ "$ms" -ge $((delay - 500)) ]
    ok $? "and, not stopped, ends with its hits after the delay ($ms ms)"
else
    ok 1 "and, not stopped, ends with its hits after the delay"
    tx capture-pane -p -t c | sed 's/^/#   |/'
fi
tx send-keys -t c C-c
expect 'EXITED:' "Ctrl-C outside a search still ends the browser"

done_testing
