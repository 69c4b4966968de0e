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
done_testing
