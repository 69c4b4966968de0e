#!/bin/sh
# bench_tui_mem.sh — does the browser give memory back when a view closes
# (issue 16)? The browser reads its key script from a FIFO, so it waits
# after each step; the resident size (VmRSS) is read then: at the first
# screen, with the statistics view open, after it closes, with KWIC open
# for a common word, after that closes.
#
#   bench/bench_tui_mem.sh [--docs 10000] [--seed 1] [--build DIR]
set -eu
. "$(dirname "$0")/lib.sh"

docs=10000 seed=1 build=''
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) bench_die "unknown option $1" ;;
    esac
done
bench_find_build "$build"
bench_isolate
bench_dossier
bench_browse_db tui_mem "$docs" "$seed"

fifo=$work/mem.fifo
rm -f "$fifo"
mkfifo "$fifo"
TERM=xterm "$DOSSIER" browse --db "$work/dossier.db" --script "$fifo" --size 200x50 \
    >"$work/mem.out" 2>&1 &
pid=$!
exec 3>"$fifo"
# step KEYS...: send the lines, let the browser work until it waits for the
# next line (its CPU time stops moving), print VmRSS in kB
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo x; }
step() {
    for k in "$@"; do printf '%s\n' "$k" >&3; done
    last=-1
    while :; do
        sleep 0.3
        now=$(cpu)
        [ "$now" = "$last" ] && break
        last=$now
    done
    awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"
}
first=$(step '<Down>')
stats_open=$(step S)
stats_closed=$(step q)
kwic_open=$(step w '<C-u>' ':type the' '<Enter>')
kwic_closed=$(step q)
printf ':quit\n' >&3
exec 3>&-
wait "$pid" || bench_die "browse failed (log: $work/mem.out)"
rm -f "$fifo"
echo "browser RSS (kB): first screen $first; statistics open $stats_open, closed $stats_closed;" \
    "KWIC open $kwic_open, closed $kwic_closed"
echo "RESULT tui_mem docs=$docs first_kb=$first stats_open_kb=$stats_open" \
    "stats_closed_kb=$stats_closed kwic_open_kb=$kwic_open kwic_closed_kb=$kwic_closed" \
    "rev=${BENCH_REV:-unknown}" | tee "$work/tui_mem.result"
