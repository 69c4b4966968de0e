#!/bin/sh
# Themes found in the collection (`dossier themes`): a generated collection
# with three clearly separated groups of articles (sailing, baking and
# astronomy words over shared filler) is grouped into k = 3 themes; each
# theme must hold exactly one group's articles, be labelled with that
# group's words, be found by theme:N, and come out the same on a second run
# (seeded). Bad options are errors (exit 2). Then the index run's themes: a
# collection of 120 such articles gets its themes at the end of the index
# run, stored; a later run with three new articles assigns only those three
# (every other article keeps its theme), --refit fits again, and --k asks
# for another fit that later runs keep.
. "$TOP_SRCDIR/tests/lib.sh"

db="$TEST_TMP/themes.db"
docs="$TEST_TMP/themes-docs"
rm -rf "$docs" "$db" "$db-wal" "$db-shm"
mkdir -p "$docs"
# 3 groups x 8 articles: 24 words of the group's vocabulary and 16 filler
# words each, picked by a fixed linear congruential sequence
# gen DIR FIRST LAST: articles FIRST..LAST of each group
gen() {
awk -v dir="$1" -v first="$2" -v last="$3" 'BEGIN {
    v["sail"] = "boat sail harbour mast crew regatta hull anchor tide keel rudder yacht"
    v["bake"] = "flour oven bread dough yeast butter loaf bakery crust pastry knead sourdough"
    v["star"] = "telescope galaxy comet orbit planet nebula astronomer eclipse meteor asteroid observatory quasar"
    filler = "people said monday report town week again local many new after before while about"
    nf = split(filler, f, " ")
    x = 12345
    for (g in v) {
        nw = split(v[g], w, " ")
        for (i = first; i <= last; i++) {
            file = sprintf("%s/%s-%02d.txt", dir, g, i)
            printf "Note %s %d\n\n", g, i > file
            line = ""
            for (j = 1; j <= 40; j++) {
                x = (x * 1103515245 + 12345) % 2147483648
                r = int(x / 65536)
                word = (j % 5 < 3) ? w[r % nw + 1] : f[r % nf + 1]
                line = line (j > 1 ? " " : "") word
            }
            print line "." > file
            close(file)
        }
    }
}'
}
gen "$docs" 1 8
if ! "$DOSSIER_BIN" --db "$db" index --quiet "$docs" >"$TEST_TMP/themes-index.out" 2>&1; then
    ok 1 "index the generated collection"
    sed 's/^/# /' "$TEST_TMP/themes-index.out"
    done_testing
    exit 1
fi
ok 0 "index the generated collection"
d() { "$DOSSIER_BIN" --db "$db" "$@"; }

d themes --k 3 >"$TEST_TMP/themes1.txt" 2>&1
is "$?" 0 "themes --k 3 exits 0"
is "$(grep -c '^theme:' "$TEST_TMP/themes1.txt")" 3 "three themes listed"
d themes --k 3 >"$TEST_TMP/themes2.txt" 2>&1
ok "$(cmp -s "$TEST_TMP/themes1.txt" "$TEST_TMP/themes2.txt" && echo 0 || echo 1)" \
    "a second run gives the same themes (seeded)"
sed 's/^/# /' "$TEST_TMP/themes1.txt"

seen=""
for n in 1 2 3; do
    groups=$(d search "theme:$n" --json --limit 100 | sed -n 's/.*"path":"[^"]*\/\([a-z]*\)-[0-9]*\.txt".*/\1/p' |
        sort | uniq -c | sed 's/^ *//')
    is "$(printf '%s\n' "$groups" | wc -l | tr -d ' ')" 1 "theme:$n holds one group only ($groups)"
    is "${groups%% *}" 8 "theme:$n holds all 8 articles of its group"
    g=${groups#* }
    seen="$seen $g"
    label=$(sed -n "s/^theme:$n  *[0-9]*  //p" "$TEST_TMP/themes1.txt")
    case $g in
    sail) words='boat|sail|harbour|mast|crew|regatta|hull|anchor|tide|keel|rudder|yacht' ;;
    bake) words='flour|oven|bread|dough|yeast|butter|loaf|bakery|crust|pastry|knead|sourdough' ;;
    *) words='telescope|galaxy|comet|orbit|planet|nebula|astronomer|eclipse|meteor|asteroid|observatory|quasar' ;;
    esac
    like "$label" "^(($words), ){3}($words)$" "theme:$n is labelled with its group's words ($label)"
done
is "$(printf '%s\n' $seen | sort -u | wc -l | tr -d ' ')" 3 "the three groups are three themes"

out=$(d themes --json --k 3)
like "$out" '^\{"k":3,"seed":1,"documents":24,"unassigned":0,' "--json states k, seed and counts"
d themes --k 0 >/dev/null 2>&1
is "$?" 2 "--k 0 is an error"
d themes --k 30 >"$TEST_TMP/k30.out" 2>&1
is "$?" 2 "more themes than articles is an error"
like "$(cat "$TEST_TMP/k30.out")" 'at least 30 documents' "and says why"
d search 'theme:x' >/dev/null 2>&1
is "$?" 2 "theme:x is a query error"

# ---- themes fitted by the index run, then kept up to date ----
db2="$TEST_TMP/themes-run.db"
docs2="$TEST_TMP/themes-run-docs"
rm -rf "$docs2" "$db2" "$db2-wal" "$db2-shm"
mkdir -p "$docs2"
gen "$docs2" 1 40
e() { "$DOSSIER_BIN" --db "$db2" "$@"; }
out=$(e index "$docs2" 2>&1)
like "$out" '; themes fitted, 120 articles assigned \([0-9.]* s CPU\);' "the index run fits themes (120 articles)"
e themes --json >"$TEST_TMP/run1.json"
like "$(cat "$TEST_TMP/run1.json")" '^\{"k":8,"seed":1,"documents":120,"unassigned":0,"fitted":120,' \
    "stored: k = 8, every article in a theme"
# theme of each document, "id theme" per line
assignments() {
    sed 's/"theme":/\n&/g' "$1" | sed -n 's/^"theme":\([0-9]*\),.*"docs":\[\([0-9,]*\)\].*/\1 \2/p' |
        awk '{ n = split($2, a, ","); for (i = 1; i <= n; i++) print a[i], $1 }' | sort -n
}
assignments "$TEST_TMP/run1.json" >"$TEST_TMP/run1.txt"
is "$(wc -l <"$TEST_TMP/run1.txt" | tr -d ' ')" 120 "each article has one theme"
e themes >"$TEST_TMP/run1b.txt"
e themes --json >"$TEST_TMP/run1c.json"
ok "$(cmp -s "$TEST_TMP/run1.json" "$TEST_TMP/run1c.json" && echo 0 || echo 1)" \
    "dossier themes reads the stored themes (the same twice)"
gen "$docs2" 41 41
out=$(e index "$docs2" 2>&1)
like "$out" ' 3 added,.*; 3 assigned to themes \([0-9.]* s CPU\);' "a later run assigns only the 3 new articles"
e themes --json >"$TEST_TMP/run2.json"
assignments "$TEST_TMP/run2.json" >"$TEST_TMP/run2.txt"
is "$(wc -l <"$TEST_TMP/run2.txt" | tr -d ' ')" 123 "123 articles in themes"
is "$(head -n 120 "$TEST_TMP/run2.txt")" "$(cat "$TEST_TMP/run1.txt")" "the first 120 keep their themes"
like "$(cat "$TEST_TMP/run2.json")" '"documents_at_fit":120,' "no refit (grown by 2.5%)"
out=$(e index "$docs2" 2>&1)
unlike "$out" 'themes' "an unchanged run does nothing to the themes"
e themes --refit --json >"$TEST_TMP/run3.json"
like "$(cat "$TEST_TMP/run3.json")" '^\{"k":8,"seed":1,"documents":123,.*"documents_at_fit":123,' \
    "--refit fits again with the stored k"
e themes --k 3 >/dev/null
gen "$docs2" 42 42
e index "$docs2" >/dev/null 2>&1
like "$(e themes --json)" '^\{"k":3,' "a fit asked with --k 3 is kept by later runs"
n3=$(e search "theme:3" --json --limit 200 | grep -c '"id"')
ok "$([ "$n3" -gt 30 ] && echo 0 || echo 1)" "theme:3 finds its articles ($n3)"
# ---- the steps' CPU; the themes of a run whose plan ran beside the
# statistics on a second connection equal a refit's on one ----
db3="$TEST_TMP/themes-steps.db"
rm -f "$db3" "$db3-wal" "$db3-shm"
steps=$(DOSSIER_INDEX_STEPS=1 "$DOSSIER_BIN" --db "$db3" index "$docs2" 2>&1 >/dev/null)
is "$(printf '%s\n' "$steps" | grep -c '^step .* [0-9]*\.[0-9]* s CPU$')" 16 "DOSSIER_INDEX_STEPS prints the 16 steps' CPU"
like "$steps" 'step end: themes  *[0-9]' "the themes step is among them"
before=$("$DOSSIER_BIN" --db "$db3" themes --json)
"$DOSSIER_BIN" --db "$db3" themes --refit >/dev/null 2>&1
is "$("$DOSSIER_BIN" --db "$db3" themes --json)" "$before" "the index run's themes are those a refit on one connection gives"
done_testing
