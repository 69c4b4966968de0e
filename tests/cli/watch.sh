#!/bin/sh
# dossier index --watch: files added, changed and removed under a watched
# folder (and in a new subfolder) are found by `dossier search` shortly
# after; SIGTERM/SIGINT end it cleanly with a consistent index. Once with
# inotify, once with the poll fallback (DOSSIER_WATCH_POLL=1).
. "$TOP_SRCDIR/tests/lib.sh"

D="$DOSSIER_BIN"
DOSSIER_DB="$TEST_TMP/index.db"; export DOSSIER_DB
col="$TEST_TMP/col"
mkdir -p "$col"
printf 'Title: Quarry\n\nThe quarry reopens after the flood.\n' >"$col/quarry.txt"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(now_ms)
"$D" index "$col" >/dev/null 2>&1
# the floor: one index run of this folder (a sanitizer build is 10x slower);
# a watched file must be searchable within about two runs of it, and 3 s
index_ms=$(( $(now_ms) - t0 ))
budget=${DOSSIER_WATCH_BUDGET_MS:-$(( 2 * index_ms + 1000 > 3000 ? 2 * index_ms + 1000 : 3000 ))}

# wait_for CMD-EXIT-WANTED QUERY: poll `search` until its exit status is WANTED
# (0 found, 1 none), up to 30 s; prints the milliseconds it took
wait_for() {
    t0=$(now_ms)
    while :; do
        "$D" search "$2" >/dev/null 2>&1
        [ $? -eq "$1" ] && break
        [ $(( $(now_ms) - t0 )) -gt 30000 ] && { echo 99999; return; }
        sleep 0.05
    done
    echo $(( $(now_ms) - t0 ))
}

run_watch() { # run_watch MODE-NAME
    mode=$1
    "$D" index --watch "$col" >"$TEST_TMP/watch.out" 2>&1 &
    pid=$!
    i=0
    # up to 30 s: the first index run under sanitizers on a loaded machine
    # can take more than the 5 s this once allowed (the loop ends at once)
    while ! grep -q "^watching" "$TEST_TMP/watch.out" 2>/dev/null && [ $i -lt 600 ]; do
        sleep 0.05; i=$((i + 1))
    done
    like "$(cat "$TEST_TMP/watch.out")" "^watching 1 folder" "$mode: --watch indexes, then watches"

    printf 'Title: Lantern\n\nA lantern festival %s fills the old port.\n' "$mode" >"$col/lantern-$mode.txt"
    ms=$(wait_for 0 "lantern $mode")
    [ "$ms" -le "$budget" ]
    ok $? "$mode: a new file is searchable after $ms ms (<= $budget)"
    echo "# $mode: new file searchable after $ms ms"

    printf 'Title: Kite\n\nA kite festival %s fills the old port.\n' "$mode" >"$col/lantern-$mode.txt"
    ms=$(wait_for 1 "lantern $mode")
    [ "$ms" -lt 99999 ]
    ok $? "$mode: a changed file is indexed again ($ms ms)"
    "$D" search "kite $mode" >/dev/null 2>&1
    ok $? "$mode: ... with its new text"

    mkdir -p "$col/sub-$mode"
    printf 'Title: Orchard\n\nThe orchard %s harvest came early.\n' "$mode" >"$col/sub-$mode/orchard.txt"
    ms=$(wait_for 0 "orchard $mode")
    [ "$ms" -lt 99999 ]
    ok $? "$mode: a file in a new folder is found ($ms ms)"

    rm "$col/sub-$mode/orchard.txt"
    ms=$(wait_for 1 "orchard $mode")
    [ "$ms" -lt 99999 ]
    ok $? "$mode: a removed file (the last of its folder) goes ($ms ms)"
    rm "$col/lantern-$mode.txt"
    ms=$(wait_for 1 "kite $mode")
    [ "$ms" -lt 99999 ]
    ok $? "$mode: a removed file goes ($ms ms)"

    kill -TERM $pid
    i=0
    while kill -0 $pid 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
    kill -0 $pid 2>/dev/null
    is $? 1 "$mode: SIGTERM ends it"
    wait $pid
    is $? 0 "$mode: ... with exit status 0"
    "$D" check >/dev/null 2>&1
    ok $? "$mode: the index is consistent after"
    "$D" search quarry >/dev/null 2>&1
    ok $? "$mode: what was there before is still there"
}

run_watch inotify
DOSSIER_WATCH_POLL=1; export DOSSIER_WATCH_POLL
run_watch poll
like "$(cat "$TEST_TMP/watch.out")" "polling every second" "the poll fallback says so"
unset DOSSIER_WATCH_POLL

# SIGINT in the middle of a change
"$D" index --watch "$col" >/dev/null 2>&1 &
pid=$!
sleep 0.5
i=0
while [ $i -lt 30 ]; do printf 'Title: Batch %s\n\nBatch note %s about tides.\n' $i $i >"$col/b$i.txt"; i=$((i + 1)); done
sleep 0.2
kill -INT $pid
wait $pid
is $? 0 "SIGINT during changes ends it with status 0"
"$D" check >/dev/null 2>&1
ok $? "... and a consistent index"

# A file written while the first run reads the folder (a fresh index of
# 300 files, so that run lasts): the watch is made before that run, so
# the file is found after it, not lost until something else changes.
big="$TEST_TMP/big"
mkdir -p "$big"
i=0
while [ $i -lt 300 ]; do
    printf 'Title: Ledger %s\n\nThe harbour ledger entry %s lists %s crates of tea.\n' $i $i $i >"$big/l$i.txt"
    i=$((i + 1))
done
DOSSIER_DB="$TEST_TMP/big.db"
"$D" index --watch --quiet "$big" >"$TEST_TMP/big.out" 2>&1 &
pid=$!
# the run has begun once its database exists; the folder is read first
i=0
while [ ! -s "$DOSSIER_DB" ] && [ $i -lt 600 ]; do sleep 0.01; i=$((i + 1)); done
sleep 0.05
printf 'Title: Beacon\n\nA beacon was lit on the far pier.\n' >"$big/beacon.txt"
ms=$(wait_for 0 "beacon pier")
[ "$ms" -lt 99999 ]
ok $? "a file written during the first run is found after it ($ms ms)"
kill -TERM $pid
wait $pid
is $? 0 "... and the watcher ends cleanly"
DOSSIER_DB="$TEST_TMP/index.db"

done_testing
