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

for id in 1 2 3 4; do
    show=$("$D" --db "$db" show "$id" 2>&1)
    like "$show" "section +經濟觀察專欄" "article $id: the banner is the section"
    unlike "$show" "source +.*專欄" "article $id: the banner is not the outlet"
    unlike "$show" "title +【" "article $id: the banner is not the title"
done

figs=$("$D" --db "$db" search 'figure:>100bn' 2>&1)
like "$figs" "中美談判再陷僵局" "3000億美元 reads as 300 billion"
like "$figs" "發展中國家的債務" "1.4萬億美元 reads as 1.4 trillion"
done_testing
