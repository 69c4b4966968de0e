#!/bin/sh
# The browser's export (e) and what it writes: the article list as a
# Markdown brief (the default ~/dossier-export.md) or CSV, the statistics
# view's table under the selection (coverage as CSV, figures as JSON), the
# KWIC lines as CSV, and a message (not a crash) for a path that cannot be
# written. Also a bar of the statistics view filters what the list exports.
. "$TOP_SRCDIR/tests/lib.sh"

dir="$TOP_SRCDIR/tests/tui"
db="$TEST_TMP/tui.db"
export XDG_DATA_HOME="$TEST_TMP/data" XDG_CONFIG_HOME="$TEST_TMP/noconfig" HOME="$TEST_TMP/home"
export DOSSIER_ASSETS="$TOP_SRCDIR/tests/tui/assets" TERM=xterm-256color
unset NO_COLOR DOSSIER_DB
mkdir -p "$HOME" "$TEST_TMP/out"
"$DOSSIER_BIN" --db "$db" index --quiet "$dir/corpus" >"$TEST_TMP/index.out" 2>&1
ok $? "index the fixture corpus"

# run KEYS-TEXT: run a key script (lines of the argument) in $TEST_TMP/out
run() {
    printf '%s\n' "$1" >"$TEST_TMP/run.keys"
    (cd "$TEST_TMP/out" && "$DOSSIER_BIN" browse --db "$db" --script "$TEST_TMP/run.keys" \
        --size 80x24) >"$TEST_TMP/run.log" 2>&1
}
status() { tail -1 "$TEST_TMP/out/screen"; }

# the whole list, to the default path: a Markdown brief
run 'e
:dump screen
<Enter>
:dump screen'
ok $? "export to the default path runs"
like "$(status)" "exported 8 articles to $HOME/dossier-export\\.md" \
    "the status line says where the brief went"
md="$HOME/dossier-export.md"
ok "$([ -s "$md" ] && echo 0 || echo 1)" "the brief is written"
is "$(grep -c '^## ' "$md" 2>/dev/null)" 8 "one section per listed article"
like "$(cat "$md" 2>/dev/null)" '^## Steel importers warn of red tape at the border$' \
    "with the articles' titles"
like "$(cat "$md" 2>/dev/null)" '2023-11-20 · Lantern Wire' "their dates and outlets"
like "$(cat "$md" 2>/dev/null)" '\*\*9\.4 bln dlrs\*\*' "their key figures"
like "$(cat "$md" 2>/dev/null)" 'corpus/wire-soybeans\.txt' "and their paths"

# a query, as CSV (relative to where the browser runs)
run 's
:type soybeans
<Enter>
e
<C-u>
:type list.csv
<Enter>
:dump screen'
like "$(status)" 'exported 2 articles to list\.csv \(CSV\)' "the query's list as CSV"
is "$(wc -l <"$TEST_TMP/out/list.csv" 2>/dev/null | tr -d ' ')" 3 "a header and two rows"
like "$(head -1 "$TEST_TMP/out/list.csv" 2>/dev/null)" '^id,date,source,title,path' \
    "the CSV header names the columns"
like "$(cat "$TEST_TMP/out/list.csv" 2>/dev/null)" ',Lantern Wire,US FARM EXPORTS' \
    "and rows hold the articles"

# in the statistics view, the table the selection is in: coverage (the
# selection starts on the first bar) as CSV
run 'S
e
<C-u>
:type months.csv
<Enter>
:dump screen'
like "$(status)" 'exported 10 rows to months\.csv \(CSV\)' "the statistics' coverage table as CSV"
months="period,articles 2023-09,1 2023-10,0 2023-11,2 2023-12,0 2024-01,1 2024-02,1"
months="$months 2024-03,1 2024-04,1 2024-05,0 2024-06,1 "
is "$(tr '\n' ' ' <"$TEST_TMP/out/months.csv" 2>/dev/null)" "$months" \
    "one row per month, empty months included"

# the figures (G: the last line) as JSON
run 's
:type soybeans
<Enter>
S
G
e
<C-u>
:type figs.json
<Enter>
:dump screen'
like "$(status)" 'exported 11 figures to figs\.json \(JSON\)' "the statistics' figures as JSON"
if command -v python3 >/dev/null 2>&1; then
    n=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(len(d), sum(1 for x in d
            if x["figure"] == "9.4 bln dlrs" and x["outlet"] == "Lantern Wire"))' \
        "$TEST_TMP/out/figs.json" 2>&1)
    is "$n" "11 1" "the JSON parses: 11 figures, 9.4 bln dlrs from Lantern Wire among them"
else
    skip 1 "no python3 to parse the JSON"
fi

# a bar of the statistics view filters the list, and the export follows it
run 'S
j
j
<Enter>
e
<C-u>
:type nov.csv
<Enter>
:dump screen'
like "$(status)" 'exported 2 articles to nov\.csv' "a bar's period filters what is exported"
is "$(cut -d, -f2 "$TEST_TMP/out/nov.csv" 2>/dev/null | sed 1d | sort | tr '\n' ' ')" \
    "2023-11-20 2023-11-21 " "only articles of that month"

# the KWIC lines as CSV
run 'w
:type tariff
<Enter>
e
<C-u>
:type kwic.csv
<Enter>
:dump screen'
like "$(status)" 'exported 7 lines to kwic\.csv \(CSV\)' "the KWIC lines as CSV"
if command -v python3 >/dev/null 2>&1; then
    n=$(python3 -c '
import csv, sys
r = list(csv.DictReader(open(sys.argv[1])))
print(len(r), sorted(set(x["keyword"] for x in r)),
      sum(1 for x in r if "simplify the forms before" in x["left"]
          and x["right"].startswith("rise in April")))' \
        "$TEST_TMP/out/kwic.csv" 2>&1)
    is "$n" "7 ['tariffs'] 1" "the CSV parses: 7 lines, the keyword as written, its contexts"
else
    skip 1 "no python3 to parse the CSV"
fi

# an unwritable path is a message, and the browser carries on
run 'e
<C-u>
:type /nonexistent-dir/x.md
<Enter>
:dump screen
j
:dump screen2'
ok $? "an unwritable path does not stop the browser"
like "$(status)" 'cannot write /nonexistent-dir/x\.md: No such file' "the status line says why"
ok "$([ -s "$TEST_TMP/out/screen2" ] && echo 0 || echo 1)" "and keys still work after it"

done_testing
