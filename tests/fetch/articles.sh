#!/bin/sh
# dossier update --articles (and a feed's own "articles" setting): the page
# behind each NEW feed item is fetched, saved and indexed, and stands for
# the item (one article, not the page and its summary). Against server.py on
# 127.0.0.1 only.
. "$TOP_SRCDIR/tests/lib.sh"

command -v python3 >/dev/null || { skip 1 "python3 is needed for the test server"; done_testing; exit; }
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
NO_PROXY=127.0.0.1; no_proxy=127.0.0.1; export NO_PROXY no_proxy
XDG_DATA_HOME="$TEST_TMP/data"; export XDG_DATA_HOME
DOSSIER_FETCH_TIMEOUT=2; DOSSIER_FETCH_DELAY_MS=0
export DOSSIER_FETCH_TIMEOUT DOSSIER_FETCH_DELAY_MS

python3 "$TOP_SRCDIR/tests/fetch/server.py" "$TEST_TMP/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$TEST_TMP"' EXIT
i=0
while [ ! -s "$TEST_TMP/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
base="http://127.0.0.1:$(cat "$TEST_TMP/port")"
web="$XDG_DATA_HOME/dossier/web/127.0.0.1"
beat() { echo "$1" >"$TEST_TMP/port.beat"; }
hits() { "$DOSSIER_BIN" search --json "$@" 2>/dev/null | grep -o '"id":' | wc -l | tr -d ' '; }

beat 2
"$DOSSIER_BIN" feeds add "$base/beat.xml" --name beat >/dev/null
out=$("$DOSSIER_BIN" update 2>&1)
like "$out" "1 feeds: 1 changed" "update without --articles saves the feed"
unlike "$out" "pages saved" "... and fetches no pages"
is "$(hits lighthouse)" 2 "two items, as summaries"

out=$("$DOSSIER_BIN" update --articles 2>&1); rc=$?
is "$rc" 0 "update --articles of an unchanged feed"
like "$out" "0 new pages saved, 0 failed" "items already indexed are not fetched again"

beat 4
out=$("$DOSSIER_BIN" update --articles 2>&1); rc=$?
is "$rc" 2 "a page that fails makes update exit 2"
like "$out" "story/3.html: HTTP 404" "... and is named"
like "$out" "1 new pages saved, 1 failed" "only the new items' pages are fetched"
ls "$web"/*-4.html >/dev/null 2>&1
ok $? "the page is saved beside pages from 'dossier add'"
is "$(hits lighthouse)" 4 "four articles: the page stands for its item (not five)"
is "$(hits relit lamp 4)" 1 "the full page is indexed"
"$DOSSIER_BIN" search '"summary 4"' >/dev/null 2>&1
is $? 1 "the item's summary is no longer an article of its own"
"$DOSSIER_BIN" search '"summary 3"' >/dev/null 2>&1
is $? 0 "an item whose page failed keeps its summary"
id=$("$DOSSIER_BIN" search --json relit lamp 4 | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
show=$("$DOSSIER_BIN" show --json "$id" 2>&1)
like "$show" "story/4.html" "the page's document shows its URL"

# the feed's own setting
"$DOSSIER_BIN" feeds remove beat >/dev/null
"$DOSSIER_BIN" feeds add "$base/beat.xml" --name beat --articles >/dev/null
like "$("$DOSSIER_BIN" feeds)" "beat	$base/beat.xml	articles" "feeds lists the articles setting"
like "$("$DOSSIER_BIN" feeds --json)" '"articles":true' "... also in JSON"
beat 5
out=$("$DOSSIER_BIN" update 2>&1)
like "$out" "1 new pages saved" "a feed added with --articles fetches new items' pages on a plain update"
is "$(hits lighthouse)" 5 "five articles"

# files are the source of truth: the same collection from the files alone
rm -f "$XDG_DATA_HOME/dossier/index.db"*
"$DOSSIER_BIN" index "$XDG_DATA_HOME/dossier/web" >/dev/null 2>&1
is "$(hits lighthouse)" 5 "a rebuilt index links items and pages again"
"$DOSSIER_BIN" search '"summary 4"' >/dev/null 2>&1
is $? 1 "... and keeps the summary out"

# the page goes: the item's summary comes back
rm -f "$web"/*-4.html
"$DOSSIER_BIN" index >/dev/null 2>&1
"$DOSSIER_BIN" index >/dev/null 2>&1
"$DOSSIER_BIN" search '"summary 4"' >/dev/null 2>&1
is $? 0 "when the page file is deleted, the item's summary returns"
is "$(hits lighthouse)" 5 "still five articles"

done_testing
