#!/bin/sh
# Themes found in the collection (`dossier themes`): a generated collection
# with three clearly separated groups of articles (sailing, baking and
# astronomy words over shared filler) is grouped into k = 3 themes; each
# theme must hold exactly one group's articles, be labelled with that
# group's words, be found by theme:N, and come out the same on a second run
# (seeded). Bad options are errors (exit 2).
. "$TOP_SRCDIR/tests/lib.sh"

db="$TEST_TMP/themes.db"
docs="$TEST_TMP/themes-docs"
rm -rf "$docs" "$db" "$db-wal" "$db-shm"
mkdir -p "$docs"
# 3 groups x 8 articles: 24 words of the group's vocabulary and 16 filler
# words each, picked by a fixed linear congruential sequence
awk -v dir="$docs" 'BEGIN {
    v["sail"] = "boat sail harbour mast crew regatta hull anchor tide keel rudder yacht"
    v["bake"] = "flour oven bread dough yeast butter loaf bakery crust pastry knead sourdough"
    v["star"] = "telescope galaxy comet orbit planet nebula astronomer eclipse meteor asteroid observatory quasar"
    filler = "people said monday report town week again local many new after before while about"
    nf = split(filler, f, " ")
    x = 12345
    for (g in v) {
        nw = split(v[g], w, " ")
        for (i = 1; i <= 8; i++) {
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
done_testing
