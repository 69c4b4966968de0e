#!/bin/sh
# Files that state their metadata, indexed as a user would: a folder of
# feeds (RSS 2.0, RSS 1.0, Atom, one broken), Markdown clippings with front
# matter and plain text with header blocks. Counts, titles, dates, outlets,
# where each article came from, and the incremental re-index of a feed that
# changed (new and changed items only; items gone from the window stay).
. "$TOP_SRCDIR/tests/lib.sh"

D="$DOSSIER_BIN"
dir="$TEST_TMP/in"
db="$TEST_TMP/index.db"
mkdir -p "$dir"
cp -R "$TOP_SRCDIR/tests/fixtures/feeds" "$TOP_SRCDIR/tests/fixtures/markdown" \
    "$TOP_SRCDIR/tests/fixtures/headerblock" "$dir/"

out=$("$D" --db "$db" index "$dir" 2>&1)
ok $? "index succeeds"
like "$out" "indexed 9 files" "nine files seen (feeds, Markdown, text)"
like "$out" "14 added" "fourteen articles: nine feed items and five files"
like "$out" "\(4 feeds: 9 items\)" "the summary counts feeds and their items"
like "$out" "broken.rss \(feed not well-formed: 1 item read before line 16: " \
    "a broken feed: read as far as well-formed, the parser's line and message reported"

list=$("$D" --db "$db" search "" 2>&1)
like "$list" "2025-01-18  Strait Observer +Ferry operators & unions agree on safety rules" \
    "Atom entry: date, feed title as outlet, HTML title unescaped"
like "$list" "2024-05-09  Border Post +Customs office extends weekend hours" \
    "RSS item: its own <source> as outlet"
like "$list" "2023-08-14  Grain Ledger +Wheat stocks at a five-year low" "RSS 1.0 item"
like "$list" "2024-03-07  Delta Trade Weekly +Rice exporters weigh a new freight levy" \
    "front matter: title, date, source"
like "$list" "2024-06-28  Harbour Ledger +Port of Kestrel posts record quarter" \
    "header block: title, date, source"
unlike "$list" "title:|Never read|---" "no front matter as a title, nothing after the break"

json=$("$D" --db "$db" search --json "dredging contract" 2>&1)
id=$(printf '%s\n' "$json" | sed -n 's/^{"id":\([0-9]*\).*/\1/p' | head -1)
show=$("$D" --db "$db" show --json "$id" 2>&1)
like "$show" "\"path\":\"$dir/feeds/harbour-wire.rss\"" "show --json: the feed file"
like "$show" '"item":"hw-2024-0512"' "show --json: the item's guid"
like "$show" '"url":"https://harbour-wire.example/2024/05/dredging-contract"' "show --json: its link"
text=$("$D" --db "$db" show "$id" 2>&1)
like "$text" "item +hw-2024-0512" "show: the item"
like "$text" "url +https://harbour-wire.example/2024/05/dredging-contract" "show: the URL"

text=$("$D" --db "$db" show "$dir/feeds/strait-times.atom" 2>&1)
ok $? "show FEED-PATH: found"
like "$text" "item +tag:strait-observer.example" "show FEED-PATH: one of its items"

tagged=$("$D" --db "$db" search "tag:rice" 2>&1)
like "$tagged" "Rice exporters" "front matter tags are the article's tags"

# The feed changes: one item edited, one gone from the window, one new.
f="$dir/feeds/harbour-wire.rss"
python3 - "$f" <<'PY' || exit 1
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("84% of members", "86% of members")
i = s.index("    <item>\n      <title>Customs office")
e = s.index("</item>", i) + len("</item>\n")
new = """    <item>
      <title>Pilot boat service adds a night crew</title>
      <guid>hw-2024-0514</guid>
      <pubDate>Tue, 14 May 2024 06:00:00 +0000</pubDate>
      <description>The pilot boat service will run a second crew overnight from June, the harbour master said.</description>
    </item>
"""
open(p, "w").write(s[:i] + new + s[e:])
PY
touch -d '2030-01-01' "$f"
out=$("$D" --db "$db" index "$dir" 2>&1)
like "$out" "1 added, 1 updated, 9 unchanged" \
    "re-index: the new and the changed item only (8 files and 1 item unchanged)"
list=$("$D" --db "$db" search "" 2>&1)
like "$list" "Pilot boat service adds a night crew" "the new item is indexed"
like "$list" "Customs office extends weekend hours" "an item gone from the feed stays"
like "$("$D" --db "$db" search '"86% of members"' 2>&1)" "Tug crews" "the changed item's text"
unlike "$("$D" --db "$db" search '"84% of members"' 2>&1)" "Tug crews" "its old text is gone"
like "$("$D" --db "$db" stats 2>&1)" "documents +15" "15 documents"

rm "$f"
out=$("$D" --db "$db" index "$dir" 2>&1)
like "$out" "1 removed" "a feed file removed"
like "$("$D" --db "$db" stats 2>&1)" "documents +11" "... takes its four items with it"
done_testing
