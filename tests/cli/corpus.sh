#!/bin/sh
# Corpus statistics on the command line (timeline, kwic, keyness, overview,
# export) over the bundled sample corpus plus one hostile article: output
# formats parse, the tables hold what the index holds, no control character
# from an article reaches the output, and bad usage is an error (exit 2).
. "$TOP_SRCDIR/tests/lib.sh"

if ! "$DOSSIER_BIN" timeline --help >/dev/null 2>&1; then
    echo "1..0 # SKIP the corpus commands are not in this build's command table"
    exit 0
fi

db="$TEST_TMP/corpus.db"
docs="$TEST_TMP/corpus-docs"
rm -rf "$docs" "$db" "$db-wal" "$db-shm"
mkdir -p "$docs"
cp -R "$TOP_SRCDIR/assets/corpus/." "$docs/"
# an article written to hurt a terminal: escape sequences, a bell, bidi override
printf 'Escape tariffs hit\n\nPublished: 2021-06-01\n\nThe \033[2J\033]0;owned\007 tariffs were \342\200\256 raised on steel. Tariffs again.\n' \
    >"$docs/hostile.txt"
if ! "$DOSSIER_BIN" --db "$db" index --quiet "$docs" >"$TEST_TMP/corpus-index.out" 2>&1; then
    ok 1 "index the sample corpus"
    sed 's/^/# /' "$TEST_TMP/corpus-index.out"
    done_testing
    exit 1
fi
ok 0 "index the sample corpus"
d() { "$DOSSIER_BIN" --db "$db" "$@"; }
ndocs=$(d export --format csv | tail -n +2 | grep -c '^[0-9]')

has_ctl() { # exit 0 when the file has a C0 control other than \n, \r, \t, or DEL
    LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" "$1"
}

out=$(d timeline 2>&1); rc=$?
is "$rc" 0 "timeline exits 0"
like "$out" "^[0-9,]+ articles by (week|month|year), " "timeline header names the unit and range"
out=$(d timeline --csv tariffs); rc=$?
like "$out" "^period,count" "timeline CSV header"
like "$out" "^undated,|^[0-9]{4}" "timeline CSV rows are periods"
out=$(d timeline 'nosuchwordanywhere' 2>&1); rc=$?
is "$rc" 1 "timeline of nothing exits 1"
like "$out" "no dated articles" "timeline says there are no dated articles"

d kwic tariff --width 20 >"$TEST_TMP/kwic.txt"; rc=$?
is "$rc" 0 "kwic exits 0"
n=$(grep -c ' tariffs\{0,1\} ' "$TEST_TMP/kwic.txt")
[ "$n" -gt 3 ]; ok $? "kwic finds tariff and tariffs ($n lines)"
if has_ctl "$TEST_TMP/kwic.txt"; then ok 1 "kwic output has no control characters"; else
    ok 0 "kwic output has no control characters"; fi
out=$(d kwic 关税 2>&1); rc=$?
is "$rc" 0 "kwic finds a CJK word"
like "$out" "关税" "CJK keyword in the line"
out=$(d kwic 2>&1); rc=$?
is "$rc" 2 "kwic without a term is an error"
out=$(d kwic tariff --sort sideways 2>&1); rc=$?
is "$rc" 2 "kwic with a bad sort is an error"

out=$(d keyness soybeans --csv); rc=$?
is "$rc" 0 "keyness exits 0"
like "$out" "^term,target,reference,g2,log_ratio" "keyness CSV header"
like "$out" "^soybean," "the query's own word is distinctive"
out=$(d keyness 2>&1); rc=$?
is "$rc" 2 "keyness of the whole corpus against itself is refused"
like "$out" "whole corpus" "and says why"

out=$(d overview --width 60 --figures subject); rc=$?
is "$rc" 0 "overview exits 0"
like "$out" "^topics" "overview has the topic table"
like "$out" "^named together" "overview has co-occurring entities"
wide=$(printf '%s\n' "$out" | awk 'length($0) > 60 * 3' | wc -l)
is "$wide" 0 "overview lines are bounded"

d export --format csv >"$TEST_TMP/export.csv"; rc=$?
is "$rc" 0 "export csv exits 0"
is "$(head -1 "$TEST_TMP/export.csv" | tr -d '\r')" "id,date,source,title,path,topics,nfigures,figures" \
    "export CSV header"
d export --format json >"$TEST_TMP/export.json"; rc=$?
is "$rc" 0 "export json exits 0"
d export --format markdown 'topic:economy/trade/us-china' >"$TEST_TMP/export.md"; rc=$?
is "$rc" 0 "export markdown exits 0"
like "$(head -1 "$TEST_TMP/export.md")" "^# topic:economy/trade/us-china" "Markdown brief titled by the query"
like "$(cat "$TEST_TMP/export.md")" "\]\(<.*\.txt>\)" "Markdown links to the files"
for f in export.csv export.json export.md; do
    if has_ctl "$TEST_TMP/$f"; then ok 1 "$f has no control characters"; else
        ok 0 "$f has no control characters"; fi
done
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if len(d)==int(sys.argv[2]) else 1)' \
        "$TEST_TMP/export.json" "$ndocs"
    ok $? "export JSON parses and lists every document ($ndocs)"
    python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], newline=""))); sys.exit(0 if len(r)==int(sys.argv[2])+1 and len(set(map(len,r)))==1 else 1)' \
        "$TEST_TMP/export.csv" "$ndocs"
    ok $? "export CSV parses: one row per document, same width"
    for args in "timeline --json" "keyness soybeans --json" "overview --json"; do
        # shellcheck disable=SC2086
        d $args | python3 -c 'import json,sys; json.load(sys.stdin)'
        ok $? "$args is valid JSON"
    done
    d kwic tariff --json | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]'
    ok $? "kwic --json is JSON lines"
else
    skip 6 "no python3 to parse JSON and CSV"
fi
out=$(d export --format xml 2>&1); rc=$?
is "$rc" 2 "export with an unknown format is an error"

done_testing
