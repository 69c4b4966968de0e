#!/bin/sh
# Chinese as a first-class language, indexed as a user would: our own short
# articles in Simplified and in Traditional characters. A query in either
# script finds both (the tokenizer folds Traditional to Simplified), while
# snippets show and highlight the text as written. Countries and bodies named
# in Chinese are the same entities as their English names.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DOSSIER_BIN"
db="$TEST_TMP/index.db"

out=$("$D" --db "$db" index "$TOP_SRCDIR/tests/fixtures/chinese" 2>&1)
ok $? "index succeeds"

simp=$("$D" --db "$db" search 关税 2>&1)
trad=$("$D" --db "$db" search 關稅 2>&1)
like "$simp" "2 of 2 articles" "Simplified query: both articles"
like "$simp" "香港出口商憂慮美國關稅" "... including the Traditional one"
like "$simp" "商务部回应美国加征关税" "... and the Simplified one"
is "$trad" "$simp" "Traditional query: the same hits, same order, same snippets"
like "$trad" "新一輪\[關稅\]令" "the highlight lands on the characters as written (Traditional)"
like "$trad" "加征\[关税\]" "... and on the Simplified text as written"
unlike "$simp" "台灣晶片" "an article without the word is not a hit"

is "$("$D" --db "$db" search 台湾 2>&1 | tail -1)" "1 of 1 articles" \
    "台湾 finds the article that writes 台灣"
is "$("$D" --db "$db" search '"世界贸易组织" 东盟' 2>&1 | tail -1)" "2 of 2 articles" \
    "a longer phrase and a second term, in Simplified, find both scripts"
# The shipped gazetteer names countries and bodies in both scripts, linked
# to the same entities as their English names.
us=$("$D" --db "$db" search 'country:"United States"' 2>&1)
like "$us" "2 of 2 articles" 'country:"United States" finds the articles that say 美国 and 美國'
is "$("$D" --db "$db" search 'org:"World Trade Organization" org:ASEAN' 2>&1 | tail -1)" \
    "2 of 2 articles" "世界贸易组织/世界貿易組織 and 东盟/東盟 are the WTO and ASEAN"
facts=$("$D" --db "$db" facts 2 2>&1)
like "$facts" "2  Hong Kong" "facts: 香港 twice is Hong Kong, one entity"
like "$facts" "1  United States" "facts: 美國 is the United States"
unlike "$facts" "[0-9]  (美國|世界貿易|香港)" "facts: no separate entity for the Chinese name"

# A filter may name the entity by any alias the gazetteer knows, in either
# script, and finds the entity stored under its English name; a name the
# gazetteer does not know matches as stored, folded across scripts.
for q in 'country:美国' 'country:美國' 'entity:美國' 'org:世界贸易组织' 'org:WTO' 'org:東盟'; do
    is "$("$D" --db "$db" search "$q" 2>&1 | tail -1)" "2 of 2 articles" \
        "$q: the gazetteer alias finds the English entity"
done
is "$("$D" --db "$db" search 'person:美国' 2>&1 | tail -1)" "0 of 0 articles" \
    "person:美国: the alias keeps the filter's kind"
is "$("$D" --db "$db" search 'org:出口商会' 2>&1 | tail -1)" "1 of 1 articles" \
    "org:出口商会 finds 出口商會, stored as written"
fx="$TEST_TMP/foxconn"
mkdir -p "$fx"
printf '%s\n\n%s\n' "鴻海上季盈利增長" \
    "鴻海公布，上季盈利按年增長，電動車業務訂單增加。" >"$fx/honhai.txt"
fdb="$TEST_TMP/foxconn.db"
"$D" --db "$fdb" index "$fx" >/dev/null 2>&1
ok $? "index the Hon Hai article"
for q in 'org:鴻海' 'org:鸿海' 'org:Foxconn' 'org:"hon hai"'; do
    is "$("$D" --db "$fdb" search "$q" 2>&1 | tail -1)" "1 of 1 articles" "$q finds 鴻海 (Foxconn)"
done
like "$("$D" --db "$fdb" facts 1 2>&1)" "1  Foxconn" "facts: 鴻海 is still one entity, Foxconn"
# A prefix filter matches the gazetteer's aliases too, in either script:
# the entity is stored as Foxconn, whose aliases 鴻海 and Hon Hai start so.
for q in 'org:鴻*' 'org:鸿*' 'org:富士*' 'org:"hon h"*' 'entity:鴻海*'; do
    is "$("$D" --db "$fdb" search "$q" 2>&1 | tail -1)" "1 of 1 articles" "$q finds 鴻海 (Foxconn) by an alias"
done
is "$("$D" --db "$fdb" search 'person:鴻*' 2>&1 | tail -1)" "0 of 0 articles" \
    "person:鴻*: the alias keeps the filter's kind"
is "$("$D" --db "$fdb" search 'org:鴻海精密工*' 2>&1 | tail -1)" "0 of 0 articles" \
    "a prefix no alias starts finds nothing"

# KWIC finds words, not substrings, in either script, and shows the text as
# written: 中国 is no word of 发展中国家 (发展|中|国家) in either script.
kw="$TEST_TMP/kwic"
mkdir -p "$kw"
printf '%s\n\n%s\n' "发展中国家出口放缓" \
    "世界银行表示，许多发展中国家今年出口放缓。中国的出口仍然增长。" >"$kw/simplified.txt"
printf '%s\n\n%s\n' "內地出口回升" \
    "海關公布，中國上月出口增長百分之五，發展中國家需求回升。" >"$kw/traditional.txt"
kdb="$TEST_TMP/kwic.db"
"$D" --db "$kdb" index "$kw" >/dev/null 2>&1
ok $? "index the KWIC articles"
ks=$("$D" --db "$kdb" kwic 中国 --width 30 2>&1)
kt=$("$D" --db "$kdb" kwic 中國 --width 30 2>&1)
like "$ks" "2 occurrences in 2 articles" "kwic 中国: two lines, none inside 发展中国家"
like "$ks" "海關公布， 中國 上月" "the Traditional text found by the Simplified term, as written"
unlike "$ks" "(发展|發展) (中国|中國) " "no line cuts 中国 out of 发展中国家"
is "$kt" "$ks" "kwic 中國: the same lines"
like "$("$D" --db "$kdb" kwic 發展中國家 2>&1)" "2 occurrences in 2 articles" \
    "the whole word is found in both scripts"

# A term may end inside a word its last word begins: 經濟部 (經濟|部 on its
# own) in 經濟部長, which the dictionary cuts 經濟|部長.
printf '%s\n\n%s\n' "出口創新高" \
    "經濟部公布，上月出口增加。經濟部長說，訂單仍然強勁。" >"$kw/ministry.txt"
"$D" --db "$kdb" index "$kw" >/dev/null 2>&1
km=$("$D" --db "$kdb" kwic 經濟部 2>&1)
like "$km" "^2 occurrences in" "kwic 經濟部: two lines"
like "$km" " 經濟部 長說" "... one of them before 長 (經濟|部長)"
is "$("$D" --db "$kdb" kwic 经济部 2>&1)" "$km" "kwic 经济部: the same lines in the other script"

# Japanese and Korean get ICU's words too (tests/fixtures/jako, our own
# articles): KWIC finds words, not pieces across them; a Korean word with
# its particle written on is found (한국은행은, 수출이).
jdb="$TEST_TMP/jako.db"
"$D" --db "$jdb" index "$TOP_SRCDIR/tests/fixtures/jako" >/dev/null 2>&1
ok $? "index the Japanese and Korean articles"
like "$("$D" --db "$jdb" kwic 日本銀行 2>&1)" "^ *1 occurrences? " "Japanese: 日本銀行 found"
like "$("$D" --db "$jdb" kwic 本銀 2>&1)" "^0 occurrences" "Japanese: 本銀 spans two words"
like "$("$D" --db "$jdb" kwic 한국은행 2>&1)" "1 occurrences? " "Korean: 한국은행 in 한국은행은"
like "$("$D" --db "$jdb" kwic 수출 2>&1)" "3 occurrences" "Korean: 수출 with and without particles"
like "$("$D" --db "$jdb" kwic 은행 2>&1)" "^0 occurrences" "Korean: not from inside a word"
done_testing
