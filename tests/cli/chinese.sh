#!/bin/sh
# Chinese as a first-class language, indexed as a user would: our own short
# articles in Simplified and in Traditional characters. A query in either
# script finds both (the tokenizer folds Traditional to Simplified), while
# snippets show and highlight the text as written.
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
done_testing
