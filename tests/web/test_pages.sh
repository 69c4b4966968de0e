#!/bin/sh
# test_pages.sh — web pages in the shapes of the big CMSs (tests/fixtures/web:
# WordPress, Arc, Drupal, a Chinese portal in GB18030, a Japanese page in
# Shift_JIS, a page saved as .txt) through `dossier index` and `show`:
# metadata from the markup, the article text without the page's furniture,
# the charset used, the page's address; a saved page's other files and
# missing paths are reported, never indexed or remembered.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DOSSIER_BIN"
fx="$TOP_SRCDIR/tests/fixtures/web"
dir="$TEST_TMP/pages"
db="$TEST_TMP/web.db"
mkdir -p "$dir/page_files"
cp "$fx"/* "$dir/"
printf 'body { color: black }\n' >"$dir/page_files/style.css"
printf '\211PNG\r\n' >"$dir/page_files/logo.png"

out=$("$D" --db "$db" index "$dir" 2>&1)
ok $? "index reads a folder of saved pages"
like "$out" "6 added" "every page is an article (six added)"
like "$out" "style.css \(not a text, page or feed\)" "a saved page's other files are listed as skipped"

show() { "$D" --db "$db" show "$dir/$1" 2>&1; }

t=$(show wordpress-harbour.html)
like "$t" "^title +Harbour dredging delayed as silt survey finds old cable$" "WordPress: headline from JSON-LD, no site suffix"
like "$t" "^source +The Quayside Ledger$" "WordPress: publisher"
like "$t" "^published +2024-03-12 \(metadata\)$" "WordPress: date from the metadata"
like "$t" "^byline +Morwenna Pascoe$" "WordPress: author"
like "$t" "^url +https://quayside-ledger.example/2024/03/harbour-dredging-delayed/$" "WordPress: canonical address"
like "$t" "Caption: The survey boat moored" "WordPress: figure caption kept, marked as a caption"
like "$t" "Cost still within budget" "WordPress: subheading kept"
unlike "$t" "grandfather|Leave a Reply|Recent Posts|newsletter|cookies|Share this|Related|Proudly powered" \
    "WordPress: comments, widgets, share bar, related posts, cookie notice dropped"

t=$(show arc-rail-freight.html)
like "$t" "^byline +Tobias Lindqvist, Adaeze Okafor$" "Arc: both authors from JSON-LD"
like "$t" "^published +2023-11-02" "Arc: datePublished"
like "$t" "^summary +Grain and container traffic lifted tonnage on the valley line.$" \
    "Arc: the page's description shown as its summary"
j=$("$D" --db "$db" show --json "$dir/arc-rail-freight.html" 2>&1)
like "$j" '"summary":"Grain and container traffic lifted tonnage on the valley line."' \
    "show --json has the summary"
like "$t" "valley line carried 1.8 million tonnes" "Arc: first paragraph"
like "$t" "second loop further up the valley" "Arc: last paragraph after the ad slot"
unlike "$t" "Sign up|free articles|Port cranes|Comments \(42\)|Privacy Policy" \
    "Arc: newsletter box, paywall, related stories, comments, footer dropped"

t=$(show drupal-library-hours.html)
like "$t" "^source +Fernmoor County Gazette$" "Drupal: Dublin Core publisher"
like "$t" "^byline +Ines Halvorsen$" "Drupal: Dublin Core creator"
like "$t" "^- Branches open Sundays 1pm to 5pm" "Drupal: list items kept"
like "$t" "only have Sundays free" "Drupal: block quote kept"
unlike "$t" "Submitted by|Skip to main|Mobile library gets|Obituaries" \
    "Drupal: submitted line, skip link, related view, menu dropped"

t=$(show portal-gb18030.html)
like "$t" "^encoding +gb18030$" "GB18030 portal: declared gb2312 read as GB18030"
like "$t" "^title +南湾港集装箱吞吐量创十月新高$" "GB18030 portal: headline without channel and site"
like "$t" "^source +东岸在线$" "GB18030 portal: source meta"
like "$t" "二百一十万标准箱" "GB18030 portal: text decoded"
unlike "$t" "热点排行|相关新闻|分享到|首页" "GB18030 portal: navigation, rankings, related, share dropped"

t=$(show tram-shift_jis.html)
like "$t" "^encoding +shift_jis$" "Shift_JIS page: charset from http-equiv"
like "$t" "^title +北浜市、路面電車の延伸計画を了承$" "Shift_JIS page: title"
like "$t" "^language +ja$" "Shift_JIS page: language"
like "$t" "港と街をつなぐ背骨にしたい" "Shift_JIS page: text decoded"
unlike "$t" "アクセスランキング|ツイート" "Shift_JIS page: ranking and share dropped"

t=$(show page-saved-as.txt)
like "$t" "^title +Ferry fares to rise by 4% in July$" "HTML named .txt: read as a page, <title> without the site"
like "$t" "^url +https://www.westfold-weekly.example/2021/06/ferry-fares.html$" "HTML named .txt: 'saved from' address"
unlike "$t" "<html|<p>|DOCTYPE" "HTML named .txt: no markup in the text"

j=$("$D" --db "$db" show --json "$dir/page-saved-as.txt" 2>&1)
like "$j" '"url":"https://www.westfold-weekly.example/2021/06/ferry-fares.html"' "show --json has the url"
is "$(printf '%s' "$j" | grep -o '"url":' | wc -l | tr -d ' ')" 1 "show --json: one url key, not two"
is "$(printf '%s\n' "$t" | grep -c '^url ')" 1 "show: the address on one line, not twice"

# A legacy charset nothing explains is refused, not stored as mojibake.
python3 -c 'import random,sys; random.seed(7); sys.stdout.buffer.write(bytes(random.randrange(0x80,0x100) for _ in range(3000)))' \
    >"$dir/mystery.txt" 2>/dev/null
if [ -s "$dir/mystery.txt" ]; then
    out=$("$D" --db "$db" index "$dir" 2>&1)
    like "$out" "mystery.txt \(unknown encoding\)" "undetectable bytes skipped as unknown encoding"
else
    skip 1 "no python3 to write random bytes"
fi

# A path that does not exist is an error and is not remembered.
"$D" --db "$db" index "$TEST_TMP/no-such-folder" >/dev/null 2>&1
is $? 2 "index of a missing path exits 2"
out=$("$D" --db "$db" index 2>&1)
unlike "$out" "no-such-folder" "the missing path was not remembered"

# A feed whose XML declares entities (a DOCTYPE subset) is still a feed, its
# one item indexed and counted in the singular; nothing is expanded or read.
fd="$TEST_TMP/feed1"
mkdir -p "$fd"
cat >"$fd/one.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaa">]>
<rss><channel><title>Quay Notes</title><item><guid>q1</guid><title>Crane hire &x;&a;</title>
<description>The port will hire two more cranes for the summer season, it said.</description>
</item></channel></rss>
EOF
out=$("$D" --db "$TEST_TMP/feed1.db" index "$fd" 2>&1)
like "$out" "^indexed 1 file in .*1 added.*\(1 feed: 1 item\); skipped 0" \
    "a feed with a DOCTYPE subset is read, not skipped: one file, one feed, one item"
t=$("$D" --db "$TEST_TMP/feed1.db" search "" 2>&1)
like "$t" "Quay Notes +Crane hire$" "... its entities neither read nor expanded"

# Pages in EUC-KR, Big5 and windows-1252 that declare their charset: read
# in it, and `show` says which.
ed="$TEST_TMP/enc"
mkdir -p "$ed"
python3 - "$ed" <<'PY' || exit 1
import sys
d = sys.argv[1]
def page(cs, title, text):
    return ('<html><head><meta charset="%s"><title>%s</title></head><body><p>%s</p></body></html>'
            % (cs, title, text)).encode(cs)
open(d + "/ko.html", "wb").write(page("euc-kr", "항구 확장 계획 발표",
     "부산항 확장 계획이 월요일 발표되었다. 시는 새 부두 두 곳을 짓겠다고 밝혔다."))
open(d + "/tw.html", "wb").write(page("big5", "港口擴建計畫公布",
     "高雄港擴建計畫週一公布，市府表示將興建兩座新碼頭，預計三年完工。"))
open(d + "/w.html", "wb").write(page("windows-1252", "Café prices – up “again”",
     "Prices at the café rose again — the owners said costs were up 5 per cent."))
PY
"$D" --db "$TEST_TMP/enc.db" index --quiet "$ed" >/dev/null 2>&1
t=$("$D" --db "$TEST_TMP/enc.db" show "$ed/ko.html" 2>&1)
like "$t" "^encoding +euc-kr$" "EUC-KR page: shown as euc-kr"
like "$t" "^title +항구 확장 계획 발표$" "EUC-KR page: title decoded"
t=$("$D" --db "$TEST_TMP/enc.db" show "$ed/tw.html" 2>&1)
like "$t" "^encoding +big5$" "Big5 page: shown as big5"
like "$t" "新碼頭" "Big5 page: text decoded"
t=$("$D" --db "$TEST_TMP/enc.db" show "$ed/w.html" 2>&1)
like "$t" "^encoding +windows-1252$" "windows-1252 page: shown as windows-1252"
like "$t" "^title +Café prices – up “again”$" "windows-1252 page: curly quotes and dashes decoded"

# A page with a UTF-8 byte-order mark, named .txt, is still a page; a folder
# with more skipped files than the summary names says where the rest are.
sd="$TEST_TMP/skips"
mkdir -p "$sd"
printf '\357\273\277<!DOCTYPE html><html><head><title>Quay lights renewed</title></head><body><p>The harbour board renewed the quay lights this week, replacing lamps that had stood since the 1960s.</p></body></html>\n' \
    >"$sd/bom-page.txt"
for i in 1 2 3 4 5 6 7; do : >"$sd/empty$i.txt"; done
out=$("$D" --db "$TEST_TMP/skips.db" index "$sd" 2>&1)
like "$out" "1 added" "a BOM page named .txt is read"
like "$out" "skipped 7: .*empty1.txt \(empty\).*, and 2 more \(dossier stats lists them\)$" \
    "the summary names five skipped files and says where the other two are"
st=$("$D" --db "$TEST_TMP/skips.db" stats 2>&1)
is "$(printf '%s\n' "$st" | grep -c 'empty[0-9].txt (empty)')" 7 "stats lists all seven with their reason"
t=$("$D" --db "$TEST_TMP/skips.db" show "$sd/bom-page.txt" 2>&1)
like "$t" "^title +Quay lights renewed$" "the BOM page's title from <title>, no markup"
done_testing
