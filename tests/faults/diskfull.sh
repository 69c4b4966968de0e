#!/bin/sh
# Issue 18, finding 7: a disk that fills up during an index run. The run
# fails saying "the disk is full"; the write-ahead log does not keep the
# disk full afterwards (it held the failed batch only, and is given back);
# check and stats still work. Needs a small tmpfs: mounting one needs root
# (skipped visibly otherwise).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

D="$DOSSIER_BIN"
small="$TEST_TMP/small"
mkdir -p "$small"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=3m tmpfs "$small" 2>/dev/null; then
    skip 7 "cannot mount a small tmpfs here (needs root and mount)"
    done_testing
    exit 0
fi
trap 'umount "$small" 2>/dev/null; chmod -R u+rwx "$TEST_TMP" 2>/dev/null; rm -rf "$TEST_TMP"' EXIT

dir="$TEST_TMP/corpus"
mkdir -p "$dir"
# ~6 MB of generated articles: more than the 3 MB the index may take
gen_reports "$dir" 1 2500
db="$small/index.db"
out=$("$D" --db "$db" index --quiet "$dir" 2>&1)
is "$?" 2 "an index run on a full disk fails"
like "$out" "the disk is full" "and says the disk is full"
unlike "$out" "input/output error" "not an input/output error"
wal=$(stat -c %s "$db-wal" 2>/dev/null || echo 0)
ok "$([ "$wal" -le 65536 ] && echo 0 || echo 1)" "the log does not keep the disk full (${wal} bytes)"
free=$(df -k "$small" | awk 'NR == 2 { print $4 }')
ok "$([ "$free" -ge 1024 ] && echo 0 || echo 1)" "space is given back (${free} KiB free)"
out=$("$D" --db "$db" check 2>&1)
ok $? "check works after it ($out)"
"$D" --db "$db" stats >/dev/null 2>&1
ok $? "stats works after it"

done_testing
