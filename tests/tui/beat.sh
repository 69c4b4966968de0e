#!/bin/sh
# The browser following a beat, as golden screens (`browse --script`):
#   - saved searches in the sidebar with their new counts; opening one runs
#     its query, marks what is new to it ('+') and marks it seen;
#   - articles arriving: another program indexes while the browser is open
#     (the script is a FIFO fed step by step), `:idle` does what a terminal
#     does between keys, and the list gains the article with the selection
#     kept on the same one and "1 new" in the status line;
#   - U runs `dossier update` (fetching from tests/fetch/server.py on
#     127.0.0.1) and the feed's items arrive.
# UPDATE_GOLDEN=1 rewrites the expected files (review the diff).
. "$TOP_SRCDIR/tests/lib.sh"

dir="$TOP_SRCDIR/tests/tui"
export XDG_DATA_HOME="$TEST_TMP/data" XDG_CONFIG_HOME="$TEST_TMP/noconfig"
export DOSSIER_ASSETS="$dir/assets" DOSSIER_DB="$TEST_TMP/beat.db" TERM=xterm-256color
unset NO_COLOR
col="$TEST_TMP/corpus"
cp -R "$dir/corpus" "$col"
"$DOSSIER_BIN" index --quiet "$col" >/dev/null 2>&1
ok $? "index a copy of the fixture corpus"

# compare DUMP-NAME: the dump written in $TEST_TMP against tests/tui/NAME
compare() {
    got="$TEST_TMP/$1"
    want="$dir/$1"
    [ "${UPDATE_GOLDEN:-0}" = 1 ] && [ -e "$got" ] && cp "$got" "$want"
    if [ -e "$got" ] && [ -e "$want" ] && cmp -s "$got" "$want"; then ok 0 "$1 matches"; else
        ok 1 "$1 matches"
        [ -e "$want" ] && [ -e "$got" ] && diff -u "$want" "$got" | head -40 | sed 's/^/# /'
        [ -e "$got" ] || echo "# $got was not written"
    fi
}
# browse KEYS-FILE: run the browser on a script in $TEST_TMP
browse() { (cd "$TEST_TMP" && "$DOSSIER_BIN" browse --script "$1" --size 100x24); }

article() { # article FILE TITLE DATE TEXT
    printf '%s\nPublished: %s\nSource: Harbour Desk\n\n%s\n' "$2" "$3" "$4" >"$col/$1"
}

# ---- saved searches in the sidebar ----
"$DOSSIER_BIN" searches add soy soybeans >/dev/null
"$DOSSIER_BIN" searches add chips 'chips OR semiconductors' >/dev/null
article soy-port.txt "Soybean barges queue at the river port" 2023-12-01 \
    "Barges loaded with soybeans waited two days at the river port as exporters rushed cargoes."
"$DOSSIER_BIN" index --quiet "$col" >/dev/null 2>&1
cat >"$TEST_TMP/saved.keys" <<'KEYS'
t
:dump beat-sidebar.screen
jjj
<Enter>
:dump beat-saved-open.screen
<Tab>
:dump beat-saved-list.screen
KEYS
browse saved.keys
is $? 0 "saved searches: the script runs"
compare beat-sidebar.screen
compare beat-saved-open.screen
compare beat-saved-list.screen
like "$("$DOSSIER_BIN" searches)" "soy +3 +0 new" "opening it in the browser marked it seen"

# ---- articles arriving while the browser is open ----
mkfifo "$TEST_TMP/live.keys"
browse live.keys >"$TEST_TMP/live.log" 2>&1 &
pid=$!
exec 3>"$TEST_TMP/live.keys"
printf 'O\njj\n:dump beat-before.screen\n' >&3
i=0
while [ ! -s "$TEST_TMP/beat-before.screen" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
article tide-gauge.txt "Tide gauge fixed before the storm season" 2023-12-05 \
    "Engineers repaired the harbour tide gauge, which had reported no readings since August."
"$DOSSIER_BIN" index --quiet "$col" >/dev/null 2>&1
printf ':idle\n:dump beat-arrived.screen\n:quit\n' >&3
exec 3>&-
wait $pid
is $? 0 "arrivals: the script runs"
compare beat-before.screen
compare beat-arrived.screen

# ---- U: dossier update in the background ----
if command -v python3 >/dev/null; then
    unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
    NO_PROXY=127.0.0.1; no_proxy=127.0.0.1; export NO_PROXY no_proxy DOSSIER_FETCH_DELAY_MS=0
    python3 "$TOP_SRCDIR/tests/fetch/server.py" "$TEST_TMP/port" &
    server=$!
    i=0
    while [ ! -s "$TEST_TMP/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
    "$DOSSIER_BIN" feeds add "http://127.0.0.1:$(cat "$TEST_TMP/port")/beat.xml" --name beat >/dev/null
    printf 'O\nU\n:dump beat-update.screen\ng\n:dump beat-update-top.screen\n' >"$TEST_TMP/update.keys"
    browse update.keys
    is $? 0 "U: the script runs"
    # the reader shows an item's link: the server's port differs each run
    for f in beat-update.screen beat-update-top.screen; do
        sed "s/127\.0\.0\.1:[0-9]*/127.0.0.1:PORT/g" "$TEST_TMP/$f" >"$TEST_TMP/$f.tmp" &&
            mv "$TEST_TMP/$f.tmp" "$TEST_TMP/$f"
    done
    compare beat-update.screen
    compare beat-update-top.screen
    kill $server
else
    skip 3 "python3 is needed for the test server"
fi

done_testing
