#!/bin/sh
# check_gen.sh — tests for the corpus generator (TAP): same seed gives
# byte-identical files, another seed different ones, a smaller --docs is a
# prefix of a larger one, folders hold at most 1000 files, every file is valid
# UTF-8 without control characters, and the corpus has what the benchmarks
# rely on (headlines, date lines, outlet trailers, figures, CJK names).
# Runs in about a second; part of `make check`.
GEN=${GEN_CORPUS:-${TOP_BUILDDIR:-.}/bench/gen_corpus}
n=0
fails=0
t() { # t NAME CMD... — one TAP line from a command's status
    name=$1; shift
    n=$((n + 1))
    if "$@"; then echo "ok $n - $name"; else echo "not ok $n - $name"; fails=$((fails + 1)); fi
}
if [ ! -x "$GEN" ]; then
    echo "1..0 # SKIP gen_corpus not built ($GEN)"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_gen.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

"$GEN" --seed 7 --docs 2100 --out "$tmp/a" 2>/dev/null
"$GEN" --seed 7 --docs 2100 --out "$tmp/b" 2>/dev/null
"$GEN" --seed 7 --docs 150 --out "$tmp/p" 2>/dev/null
"$GEN" --seed 8 --docs 150 --out "$tmp/c" 2>/dev/null

t "2100 files written" [ "$(find "$tmp/a" -type f | wc -l)" -eq 2100 ]
t "same seed, byte-identical corpus" diff -r "$tmp/a" "$tmp/b"
t "smaller --docs is a prefix" sh -c '
    cd "$1/p" && find . -type f | while read -r f; do cmp -s "$f" "$1/a/$f" || exit 1; done' _ "$tmp"
t "another seed, different text" sh -c '! diff -rq "$1/p" "$1/c" >/dev/null' _ "$tmp"
t "3 folders of at most 1000 files" sh -c '
    [ "$(find "$1/a" -mindepth 1 -type d | wc -l)" -eq 3 ] || exit 1
    for d in "$1"/a/*/; do [ "$(ls "$d" | wc -l)" -le 1000 ] || exit 1; done' _ "$tmp"
t "folder names look like outlets" sh -c 'ls "$1/a" | grep -Eqv "^[a-z0-9-]+-[0-9]{4}$" && exit 1; exit 0' _ "$tmp"
t "all files valid UTF-8" sh -c 'cat "$1"/a/*/*.txt | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1' _ "$tmp"
t "no control characters but newline" sh -c '! cat "$1"/a/*/*.txt | LC_ALL=C grep -q "[[:cntrl:]]"' _ "$tmp"
count() { grep -rlE "$1" "$tmp/a" | wc -l; }
t "most docs have an outlet trailer" [ "$(count '^Source: ')" -gt 1600 ]
t "most docs have a date line" [ "$(count '^(Published: |Updated: |[0-9]{4}-[0-9]{2}-[0-9]{2}$)')" -gt 1600 ]
t "figures in several styles" sh -c '
    for re in "\\\$[0-9.]+ billion" "[0-9.]+ percent" "[0-9.]+ mln dlrs" "[0-9.]+ pct" "million tonnes"; do
        grep -rqE "$re" "$1/a" || exit 1; done' _ "$tmp"
cjk=$(grep -rl "$(printf '\347\216\213\|\346\235\216\|\345\274\240\|\345\210\230\|\351\231\210')" "$tmp/a" | wc -l)
t "CJK names in about 2% of docs ($cjk of 2100)" [ "$cjk" -ge 10 ] && [ "$cjk" -le 100 ]
furn=$(cat "$tmp"/a/*/*.txt | sort | uniq -c | sort -rn | awk '$1 > 20 && length($0) < 60' | wc -l)
t "page furniture repeats across docs ($furn lines)" [ "$furn" -ge 5 ]
t "log-normal lengths: mean 350-600 words, a tail over 2000" sh -c '
    awk "FNR == 1 && NR > 1 { print w; w = 0 } { w += NF } END { print w }" "$1"/a/*/*.txt |
    sort -n | awk "{ v[NR] = \$1; s += \$1 } END {
        m = s / NR; exit !(NR == 2100 && m > 350 && m < 600 && v[NR] > 2000 && v[1] >= 40) }"' _ "$tmp"
"$GEN" --seed 7 --docs 400 --profile news --zh-share 0.4 --out "$tmp/n" 2>/dev/null
"$GEN" --seed 7 --docs 400 --profile news --out "$tmp/e" 2>/dev/null
zh=$(grep -rl "$(printf '\346\235\245\346\272\220\357\274\232')" "$tmp/n" | wc -l) # 来源：
t "news --zh-share 0.4: about 40% Chinese ($zh of 400 with a Chinese source line)" \
    [ "$zh" -ge 110 ] && [ "$zh" -le 170 ]
t "news: median 500-700 words, a tail over 3000" sh -c '
    for f in "$1"/e/*/*.txt; do wc -w <"$f"; done | sort -n |
    awk "{ v[NR] = \$1 } END { m = v[int(NR / 2)]; exit !(m >= 500 && m <= 700 && v[NR] > 3000) }"' _ "$tmp"
site=$(cat "$tmp"/e/*/*.txt | sort | uniq -c | awk '$1 >= 40' | wc -l)
t "news: site lines repeat across docs ($site lines)" [ "$site" -ge 8 ]
t "news with --zh-share 0 writes no Chinese document" sh -c '! grep -rq "$(printf "\346\235\245\346\272\220")" "$1/e"' _ "$tmp"
q1=$("$GEN" --seed 3 --queries 50 | md5sum)
q2=$("$GEN" --seed 3 --queries 50 | md5sum)
t "queries are deterministic" [ "$q1" = "$q2" ]
t "50 two-word plain queries" sh -c '"$1" --seed 3 --queries 50 |
    awk "NF != 2 || /[^A-Za-z0-9 ]/ { bad++ } END { exit !(NR == 50 && !bad) }"' _ "$GEN"
t "bad option is refused" sh -c '! "$1" --docs 1 --bogus 2 --out "$2/x" 2>/dev/null' _ "$GEN" "$tmp"
echo "1..$n"
[ "$fails" -eq 0 ]
