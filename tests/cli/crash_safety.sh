#!/bin/sh
# An index run killed at any moment leaves a database that opens and passes
# the integrity checks, and the next run completes it. Two processes at once
# (index while another searches) corrupt nothing and show no raw SQLite error.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DOSSIER_BIN"
dir="$TEST_TMP/corpus"
db="$TEST_TMP/index.db"
mkdir -p "$dir"
# 2,000 small articles, generated (varied enough to be distinct documents).
awk -v dir="$dir" 'BEGIN {
    split("tariff trade talks exports imports steel soybeans chips deal ministers summit", w, " ");
    for (i = 1; i <= 2000; i++) {
        f = sprintf("%s/a%04d.txt", dir, i);
        printf "Report number %d on trade\n\n", i > f;
        for (p = 0; p < 8; p++) {
            s = "";
            for (k = 0; k < 40; k++) s = s " " w[(i * 7 + p * 13 + k * k) % 11 + 1];
            printf "Paragraph %d of report %d:%s.\n\n", p, i, s > f;
        }
        close(f);
    }
}'

kills=0
for delay in 0.2 0.5 0.9; do
    "$D" --db "$db" index --quiet "$dir" >/dev/null 2>&1 &
    pid=$!
    # The delay counts from the moment the index file exists: a slow machine
    # (sanitizers, load) may take longer than the delay just to start, and a
    # kill before the first write tests nothing.
    tries=0
    while [ ! -s "$db" ] && [ "$tries" -lt 200 ] && kill -0 "$pid" 2>/dev/null; do
        sleep 0.05
        tries=$((tries + 1))
    done
    sleep "$delay"
    if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
    wait "$pid" 2>/dev/null
    out=$("$D" --db "$db" check 2>&1)
    ok $? "database passes integrity checks after kill -9 at ${delay}s"
    unlike "$out" "corrupt|malformed" "no corruption reported (${delay}s)"
done
diag_kills="killed $kills of 3 runs mid-way"
echo "# $diag_kills"

out=$("$D" --db "$db" index "$dir" 2>&1)
ok $? "the next run completes"
n=$("$D" --db "$db" stats --json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
is "$n" 2000 "every document is there exactly once after the re-run"
out=$("$D" --db "$db" index "$dir" 2>&1)
like "$out" "0 added, 0 updated, 2000 unchanged" "a further run finds nothing to do"

# Concurrent: re-index (after touching every file) while searching.
find "$dir" -name '*.txt' -exec touch {} +
rm -f "$dir/a0001.txt"
"$D" --db "$db" index --quiet "$dir" >"$TEST_TMP/idx.out" 2>&1 &
pid=$!
errors=0
searches=0
while kill -0 "$pid" 2>/dev/null; do
    out=$("$D" --db "$db" search --limit 3 tariff 2>&1)
    st=$?
    searches=$((searches + 1))
    if [ "$st" -gt 1 ]; then
        case "$out" in *busy*) ;; *) errors=$((errors + 1)); echo "# search error: $out" ;; esac
    fi
    case "$out" in *SQLITE*|*sqlite3*|*"database is locked"*) errors=$((errors + 1)) ;; esac
done
wait "$pid"
ok $? "index run alongside searches succeeds"
is "$errors" 0 "searches during indexing gave results or a clear 'busy', never raw errors ($searches searches)"
out=$("$D" --db "$db" check 2>&1)
ok $? "integrity holds after concurrent use"
n=$("$D" --db "$db" stats --json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
is "$n" 1999 "the deleted file's document is gone"

done_testing
