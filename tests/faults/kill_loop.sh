#!/bin/sh
# Issue 18: kill -9 at random moments, over fresh and incremental runs (at
# least 20 kills that land mid-run), then `check` and exact counts: a killed
# run never loses or doubles a document, and the next run completes.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

D="$DOSSIER_BIN"
db="$TEST_TMP/index.db"
dir="$TEST_TMP/corpus"
mkdir -p "$dir"
gen() { gen_reports "$dir" "$1" "$2"; }
gen 1 1500

# how long a whole run and an incremental one (500 files changed) take
# here, so that the kills land inside runs on a fast or a slow machine
now_ms() { date +%s%N | cut -c1-13; }
t0=$(now_ms)
"$D" --db "$TEST_TMP/timing.db" index --quiet "$dir" >/dev/null 2>&1
t1=$(now_ms)
change() { # change N: append a line to 500 files (which ones follows N)
    for i in $(awk -v n="$1" 'BEGIN { for (k = 0; k < 500; k++) printf "%04d\n", (n * 37 + k * 3) % 1500 + 1 }'); do
        printf 'Update %s.\n' "$1" >>"$dir/a$i.txt"
    done
}
change 0
t2=$(now_ms)
"$D" --db "$TEST_TMP/timing.db" index --quiet "$dir" >/dev/null 2>&1
t3=$(now_ms)
full=$((t1 - t0)) inc=$((t3 - t2))
seed=$$
echo "# seed $seed; a whole run ${full} ms, an incremental one ${inc} ms"

kills=0 tries=0 bad=0
while [ "$kills" -lt 24 ] && [ "$tries" -lt 60 ]; do
    tries=$((tries + 1))
    if [ "$kills" -lt 10 ]; then
        span=$full
        rm -f "$db" "$db-wal" "$db-shm" # fresh runs first
    else
        span=$inc
        [ "$kills" -eq 10 ] && [ ! -e "$db.full" ] && { "$D" --db "$db" index --quiet "$dir" >/dev/null 2>&1; : >"$db.full"; }
        change "$tries"
    fi
    t=$(awk -v s="$seed" -v n="$tries" -v span="$span" 'BEGIN { srand(s + n); printf "%.3f", (0.05 + rand() * 0.85) * span / 1000 }')
    "$D" --db "$db" index --quiet "$dir" >/dev/null 2>&1 &
    pid=$!
    sleep "$t"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # 137: it was still running when killed (a finished run exits 0)
    [ $? -eq 137 ] && kills=$((kills + 1))
    # (killed before it made the file: nothing to check yet)
    if [ -e "$db" ] && ! out=$("$D" --db "$db" check 2>&1); then
        bad=$((bad + 1))
        echo "# check after a kill at ${t}s: $out"
    fi
done
gen 1501 1700
for i in 0003 0010 0100; do printf '\nA late correction.\n' >>"$dir/a$i.txt"; done
rm -f "$dir/a0020.txt" "$dir/a0021.txt"
echo "# $kills kills mid-run in $tries runs"
ok "$([ "$kills" -ge 20 ] && echo 0 || echo 1)" "at least 20 runs were killed mid-way ($kills)"
is "$bad" 0 "check passes after every kill"

out=$("$D" --db "$db" index "$dir" 2>&1)
ok $? "the next run completes"
is "$(docs "$db")" 1698 "exactly the 1,698 articles on disk are indexed"
is "$("$D" --db "$db" stats --json | sed -n 's/.*"files":\([0-9]*\).*/\1/p')" 1698 \
    "and exactly their files"
is "$(hits "$db" '"A late correction"')" 3 "the changed files hold their new text"
is "$("$D" --db "$db" check 2>&1)" "ok" "the index checks ok"
out=$("$D" --db "$db" index "$dir" 2>&1)
like "$out" "0 added, 0 updated, 1698 unchanged" "a further run finds nothing to do"

done_testing
