#!/bin/sh
# Chinese people, capitals, figures and column banners, indexed as a user
# would: our own short articles under a column banner (【經濟觀察專欄】) in
# both scripts. person: finds a name written in either script; a capital
# counts as its country only when it acts like a government; the banner is
# the section, never the outlet; 發展中國家 names no country.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DOSSIER_BIN"
db="$TEST_TMP/index.db"

"$D" --db "$db" index "$TOP_SRCDIR/tests/fixtures/chinese-people" >/dev/null 2>&1
ok $? "index succeeds"

trad=$("$D" --db "$db" search 'person:習近平' 2>&1)
simp=$("$D" --db "$db" search 'person:习近平' 2>&1)
like "$trad" "2 of 2 articles" "person:習近平 finds the name in both scripts"
like "$trad" "元首通话" "... the Simplified article"
like "$trad" "中美談判再陷僵局" "... and the Traditional one"
is "$simp" "$trad" "person:习近平 finds the same articles"

china=$("$D" --db "$db" search 'country:China' 2>&1)
like "$china" "1 of 1 articles" "country:China: only the article where 北京方面 speaks"
like "$china" "中美談判再陷僵局" "... 北京方面指出 is China"
unlike "$china" "香港出口連跌" "抵達北京 is the city, not the country"
unlike "$china" "發展中國家的債務" "發展中國家 names no country"
is "$("$D" --db "$db" search 'entity:Beijing' 2>&1 | tail -1)" "1 of 1 articles" \
    "北京 as a city is Beijing, the place the English name gives"
is "$("$D" --db "$db" search 'entity:北京' 2>&1 | tail -1)" "1 of 1 articles" \
    "entity:北京 is the city too, not China (北京方面)"

for id in 1 2 3 4; do
    show=$("$D" --db "$db" show "$id" 2>&1)
    like "$show" "section +經濟觀察專欄" "article $id: the banner is the section"
    unlike "$show" "source +.*專欄" "article $id: the banner is not the outlet"
    unlike "$show" "title +【" "article $id: the banner is not the title"
done

figs=$("$D" --db "$db" search 'figure:>100bn' 2>&1)
like "$figs" "中美談判再陷僵局" "3000億美元 reads as 300 billion"
like "$figs" "發展中國家的債務" "1.4萬億美元 reads as 1.4 trillion"

# Keywords and keyness are words of the dictionary segmentation, not the
# index's bigrams (which stay: search is exact).
kw=$("$D" --db "$db" facts "$(
    "$D" --db "$db" search 元首通话 2>/dev/null | awk 'NR==1 { print $1 }')" 2>&1 | sed -n '/keywords/,$p')
like "$kw" "习近平" "facts: the keyword is the name 习近平"
unlike "$kw" "(^| )(习近|近平|平说|平与)(,|$)" "... not bigrams (习近, 近平, 平说)"
kw=$("$D" --db "$db" facts "$(
    "$D" --db "$db" search 發展中國家的債務 2>/dev/null | awk 'NR==1 { print $1 }')" 2>&1 | sed -n '/keywords/,$p')
like "$kw" "發展中國家" "facts: 發展中國家 is one keyword, as written"
unlike "$kw" "(^| )(展中|債高|家去|告指)(,|$)" "... no bigram across words (展中, 債高)"
unlike "$kw" "(^| )(去年|高達|萬億)(,|$)" "... no time word, function word or bare numeral"
key=$("$D" --db "$db" keyness --min 1 'person:习近平' 2>&1)
like "$key" "习近平 +3 " "keyness: 习近平 is one term, counted 3 times"
unlike "$key" "^ +(近平|习近|平说) " "keyness: no bigram fragments"
is "$("$D" --db "$db" search 关税 2>&1 | tail -1)" "$("$D" --db "$db" search 關稅 2>&1 | tail -1)"     "the index stays on folded bigrams: 关税 and 關稅 find the same articles"

# "More like this" weighs words in either script: the Simplified tariff
# article's nearest is the Traditional one.
db2="$TEST_TMP/index2.db"
"$D" --db "$db2" index "$TOP_SRCDIR/tests/fixtures/chinese" >/dev/null 2>&1
id=$("$D" --db "$db2" search 商务部回应 2>/dev/null | awk 'NR==1 { print $1 }')
sim=$("$D" --db "$db2" similar "$id" 2>&1)
ok $? "similar succeeds on Chinese words"
like "$(printf '%s\n' "$sim" | head -1)" "香港出口商憂慮美國關稅" \
    "similar: the article in the other script comes first"
done_testing
