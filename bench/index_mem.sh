#!/bin/sh
# index_mem.sh — one `dossier index` run of a corpus into a fresh database,
# its memory and files sampled as it goes (issue 16: the indexer's peak RSS
# at every size). A run cut off before its end still leaves its curve.
#
#   bench/index_mem.sh DOSSIER CORPUS_DIR OUT_DIR [SECONDS]
#
# Writes OUT_DIR/samples.tsv, a line every SECONDS (default 5): wall s since
# the start, the process's CPU s (user+sys), VmRSS and VmHWM (kB), the
# database's and its write-ahead log's size (MB), SQLite's temporary files
# open (a sort: REINDEX, or an index built), and the last progress line
# (phase and files done; after the last file, the end's steps:
# "statistics, stories and themes", then "saving the index", the full-text
# merge and, in a new index, the packing). OUT_DIR/time.txt is
# `/usr/bin/time -v`; OUT_DIR/out.txt the summary; OUT_DIR/tty.txt the
# progress lines and the steps' CPU (DOSSIER_INDEX_STEPS=1). The progress
# line needs a terminal: the run is under script(1), niced (NICE, default
# 10: the machine is shared).
set -eu
[ $# -ge 3 ] || { echo "usage: $0 DOSSIER CORPUS_DIR OUT_DIR [SECONDS]" >&2; exit 2; }
dossier=$(realpath "$1") corpus=$(realpath "$2") out=$3 every=${4:-5}
mkdir -p "$out"
out=$(realpath "$out")
rm -f "$out/dossier.db" "$out/dossier.db-wal" "$out/dossier.db-shm"
export XDG_CONFIG_HOME="$out/xdg/config" XDG_DATA_HOME="$out/xdg/data" DOSSIER_INDEX_STEPS=1
unset DOSSIER_DB
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
cmd="nice -n ${NICE:-10} /usr/bin/time -v -o '$out/time.txt' '$dossier' index --db '$out/dossier.db' '$corpus' >'$out/out.txt'"
script -qfec "$cmd" "$out/tty.txt" >/dev/null 2>&1 </dev/null &
spid=$!
pid=''
t0=$(date +%s.%N)
printf 'wall_s\tcpu_s\trss_kb\thwm_kb\tdb_mb\twal_mb\ttmp_files\tprogress\n' >"$out/samples.tsv"
hz=$(getconf CLK_TCK)
while kill -0 "$spid" 2>/dev/null; do
    if [ -z "$pid" ]; then
        pid=$(pgrep -n -f "^$dossier index --db $out/dossier.db" || true)
        [ -n "$pid" ] || { sleep 0.2; continue; }
    fi
    [ -r "/proc/$pid/status" ] || break
    now=$(date +%s.%N)
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    cpu=$(awk -v hz="$hz" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    db=$(stat -c %s "$out/dossier.db" 2>/dev/null || echo 0)
    wal=$(stat -c %s "$out/dossier.db-wal" 2>/dev/null || echo 0)
    tmp=$(ls -l "/proc/$pid/fd" 2>/dev/null | grep -c etilqs || true)
    prog=$(tr '\r' '\n' <"$out/tty.txt" 2>/dev/null | grep -a -v '^ *$' | tail -1 | sed 's/\x1b\[K//g; s/ *$//')
    printf '%.0f\t%s\t%s\t%s\t%.1f\t%.1f\t%s\t%s\n' "$(echo "$now - $t0" | bc)" "$cpu" "$rss" "$hwm" \
        "$(echo "$db / 1000000" | bc -l)" "$(echo "$wal / 1000000" | bc -l)" "$tmp" "$prog" >>"$out/samples.tsv"
    sleep "$every"
done
wait "$spid" || true
cat "$out/out.txt"
grep -E 'Elapsed|User time|System time|Maximum resident' "$out/time.txt" || true
