#!/bin/sh
# Saved searches: `dossier saved add/remove/show`, and the list with each
# search's total and the articles new since it was last shown; `searches`
# is another name for `saved` (most checks below use it, as before).
. "$TOP_SRCDIR/tests/lib.sh"

D="$DOSSIER_BIN"
DOSSIER_DB="$TEST_TMP/index.db"; export DOSSIER_DB
col="$TEST_TMP/col"
mkdir -p "$col"
article() { # article FILE TITLE TEXT
    printf 'Title: %s\nDate: 2026-12-0%s\n\n%s\n' "$2" "${4:-1}" "$3" >"$col/$1"
}
article a.txt "Ferry fares rise" "The harbour ferry raises its fares in January, the operator said."
article b.txt "Ferry timetable" "Winter brings a thinner ferry timetable to the islands." 2
article c.txt "Bridge repairs" "The old bridge closes for repairs in March." 3
"$D" index "$col" >/dev/null 2>&1

"$D" searches >/dev/null 2>&1
is $? 1 "no saved searches yet: exit 1"
out=$("$D" saved add ferries ferry 2>&1)
is "$out" "saved search ferries" "saved add NAME QUERY"
"$D" searches add bridges 'bridge OR viaduct' >/dev/null
"$D" searches add ferries boat >/dev/null 2>&1
is $? 2 "a taken name is refused"
out=$("$D" searches add broken 'topic:' 2>&1); rc=$?
is "$rc" 2 "a query that does not parse is refused"
like "$("$D" searches)" "^bridges +1 +0 new  bridge OR viaduct" "the list: total and no new yet"
like "$("$D" searches)" "ferries +2 +0 new  ferry" "... for each search, by name"

article d.txt "Ferry strike" "Ferry crews plan a strike on the harbour route." 4
"$D" index "$col" >/dev/null 2>&1
like "$("$D" searches)" "ferries +3 +1 new" "an article indexed later is new to the search"
like "$("$D" searches)" "bridges +1 +0 new" "... and not to a search it does not match"
is "$("$D" searches --json)" \
    '[{"name":"bridges","query":"bridge OR viaduct","total":1,"new":0},{"name":"ferries","query":"ferry","total":3,"new":1}]' \
    "searches --json"

out=$("$D" searches show ferries 2>&1)
like "$out" "^ +[0-9]+\* 2026-12-04 .*Ferry strike" "show marks the new article with '*', newest first"
like "$out" "^ +[0-9]+  2026-12-02 .*Ferry timetable" "... and not the others"
like "$out" "3 articles, 1 new" "... and counts them"
like "$("$D" searches)" "ferries +3 +0 new" "showing a search marks it seen"
out=$("$D" saved show ferries --limit 1 2>&1); rc=$?
is "$rc" 0 "saved show --limit"
is "$(printf '%s\n' "$out" | grep -c '^ *[0-9][0-9]*[* ] 2026')" 1 "... prints at most N articles"
like "$out" "^ +[0-9]+  2026-12-04 .*Ferry strike" "... the newest first"
like "$out" "3 articles, 0 new" "... and counts all of them"
"$D" saved show ferries --limit 0 2>/dev/null
is $? 2 "--limit 0 is refused"
"$D" saved show ferries --limit x 2>/dev/null
is $? 2 "--limit x is refused"
out=$("$D" searches show ferries --json 2>&1)
like "$out" '"new":false' "show --json says which are new"

article a.txt "Ferry fares rise" "The harbour ferry raises its fares in February, the operator said now."
"$D" index "$col" >/dev/null 2>&1
like "$("$D" searches)" "ferries +3 +1 new" "a changed article is new again"

"$D" saved remove bridges
ok $? "saved remove"
unlike "$("$D" saved)" "bridges" "... removes it"
"$D" searches remove bridges 2>/dev/null
is $? 2 "removing an unknown search fails"
"$D" searches show nothing 2>/dev/null
is $? 2 "showing an unknown search fails"

done_testing
