#!/bin/sh
# A feed item and the saved page behind it are one article however each
# spells the address (issue 15): host case, a default port, a trailing
# slash, a fragment and tracking parameters (utm_*, fbclid, gclid) do not
# keep them apart; a different path or a parameter that names the page
# does. Files written here, no server.
. "$TOP_SRCDIR/tests/lib.sh"

XDG_DATA_HOME="$TEST_TMP/data"; export XDG_DATA_HOME
DOSSIER_DB="$TEST_TMP/index.db"; export DOSSIER_DB
col="$TEST_TMP/col"
mkdir -p "$col/feeds" "$col/pages"
hits() { "$DOSSIER_BIN" search --json --limit 100 "$@" 2>/dev/null | grep -c '"id":'; }

# item N LINK: a feed item about ferry route N whose link is LINK
item() {
    printf '<item><title>Ferry route %s changes its timetable</title><link>%s</link>' "$1" "$2"
    printf '<guid isPermaLink="false">route-%s</guid>' "$1"
    printf '<description>Summary %s of the ferry timetable change.</description></item>\n' "$1"
}
# page N URL: the saved page of route N stating URL as its canonical address
page() {
    cat >"$col/pages/route-$1.html" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ferry route $1 changes its timetable</title>
<link rel="canonical" href="$2"></head><body><article>
<h1>Ferry route $1 changes its timetable</h1>
<p>The ferry operator said on Monday that route $1 will sail every forty minutes from
next month instead of every hour, after a year in which crossings were often full.</p>
<p>Islanders had asked for later evening sailings, and the new timetable adds two of
them on weekdays and one on Saturdays, the operator said in a notice to passengers.</p>
</article></body></html>
HTML
}

{
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
    printf '<title>Island Ferries</title><link>https://ferries.example/</link>\n'
    item 1 'HTTPS://Ferries.Example:443/routes/1/?utm_source=rss&amp;utm_medium=feed'
    item 2 'https://ferries.example/routes/2#timetable'
    item 3 'https://ferries.example/routes/3?fbclid=abc&amp;gclid=def'
    item 4 'https://ferries.example/routes/4-winter'
    item 5 'https://ferries.example/routes/view?id=5'
    printf '</channel></rss>\n'
} >"$col/feeds/ferries.rss"
page 1 'https://ferries.example/routes/1'
page 2 'https://ferries.example/routes/2/'
page 3 'http://ferries.example/routes/3' # another scheme: another address
page 4 'https://ferries.example/routes/4'
page 5 'https://ferries.example/routes/view?id=6'

"$DOSSIER_BIN" index "$col" >/dev/null 2>&1
ok $? "index a feed and the pages"
for n in 1 2; do
    is "$(hits "\"route $n\"")" 1 "route $n: the item is its page, one article"
    is "$(hits "\"summary $n\"")" 0 "route $n: the item's summary is no article of its own"
done
is "$(hits '"route 3"')" 2 "http and https stay two addresses"
is "$(hits '"route 4"')" 2 "another path is another page"
is "$(hits '"route 5"')" 2 "a parameter that names the page tells pages apart"
is "$(hits ferry)" 8 "eight articles in all"

id=$("$DOSSIER_BIN" search --json '"route 2" operator' | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
like "$("$DOSSIER_BIN" show --json "$id")" '"https://ferries.example/routes/2/"' \
    "show gives the page's address as the page states it"

done_testing
