# lib.sh — helpers shared by the benchmark scripts (sourced, not run).
# Sets BENCH_SRC (the source tree), and provides: bench_find_build, bench_now,
# bench_median, bench_corpus, bench_make, bench_dossier, bench_mbs, bench_rev.

BENCH_SRC=$(cd "$(dirname "$0")/.." && pwd)

bench_die() { echo "$(basename "$0"): $*" >&2; exit 1; }
bench_note() { echo "# $*" >&2; }

# The build tree: --build DIR, else $BENCH_BUILD, else $TOP_BUILDDIR, else the
# current directory when it is a configured build tree.
bench_find_build() {
    b=${1:-${BENCH_BUILD:-${TOP_BUILDDIR:-}}}
    if [ -z "$b" ] && [ -f ./config.status ] && [ -f ./Makefile ]; then b=$PWD; fi
    if [ -z "$b" ] || [ ! -f "$b/Makefile" ]; then
        bench_die "no build tree: pass --build DIR (a configured out-of-tree build)"
    fi
    BENCH_BUILD=$(cd "$b" && pwd)
    flags=$(grep -E '^(AM_)?CFLAGS =' "$BENCH_BUILD/Makefile" 2>/dev/null || true)
    case $flags in *-O0*)
        bench_note "WARNING: $BENCH_BUILD is a debug build (-O0);" \
            "configure without --enable-debug for real numbers"
    esac
    case $flags in *-fsanitize=address*)
        bench_note "WARNING: $BENCH_BUILD has sanitizers on; numbers are not representative"
    esac
    BENCH_OUT=${BENCH_OUT:-$BENCH_BUILD/bench/out}
    mkdir -p "$BENCH_OUT"
}

# Build the named targets quietly; fail loudly with the log.
bench_make() {
    BENCH_REV=$(bench_rev) # what the binaries are built from
    log=$BENCH_OUT/make.log
    make -C "$BENCH_BUILD" -j2 "$@" >"$log" 2>&1 || { tail -20 "$log" >&2; bench_die "make $* failed"; }
}

bench_now() { date +%s.%N; }
bench_elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# Median of the numbers given as arguments.
bench_median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "nan"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench_mb BYTES SECONDS -> MB/s
bench_mbs() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", b / 1e6 / s; else print "inf" }'; }

# The generated corpus for (docs, seed), generated once and cached. Sets
# BENCH_CORPUS and BENCH_CORPUS_BYTES. $BENCH_PROFILE (classic, the default,
# or news) and $BENCH_ZH (the share of Chinese documents, news only) choose
# the text; each combination is its own corpus (bench_tag names it).
bench_tag() {
    case ${BENCH_PROFILE:-classic} in
    news) echo "-news-zh${BENCH_ZH:-0}" ;;
    *) echo "" ;;
    esac
}
bench_corpus() {
    docs=$1 seed=$2
    BENCH_CORPUS=$BENCH_OUT/corpus-$docs-seed$seed$(bench_tag)
    if [ ! -f "$BENCH_CORPUS.done" ]; then
        bench_make bench/gen_corpus
        rm -rf "$BENCH_CORPUS"
        t0=$(bench_now)
        set -- --profile "${BENCH_PROFILE:-classic}"
        [ "${BENCH_PROFILE:-classic}" = news ] && set -- "$@" --zh-share "${BENCH_ZH:-0}"
        "$BENCH_BUILD/bench/gen_corpus" --seed "$seed" --docs "$docs" --out "$BENCH_CORPUS" "$@" ||
            bench_die "gen_corpus failed"
        t1=$(bench_now)
        echo "generated $docs docs in $(bench_elapsed "$t0" "$t1") s" >"$BENCH_CORPUS.done"
    fi
    BENCH_CORPUS_BYTES=$(find "$BENCH_CORPUS/" -type f -name '*.txt' -printf '%s\n' |
        awk '{ s += $1 } END { print s + 0 }')
}

# The source revision being measured: short hash, "+dirty" with local changes.
bench_rev() {
    r=$(git -C "$BENCH_SRC" rev-parse --short HEAD 2>/dev/null) || { echo unknown; return; }
    if git -C "$BENCH_SRC" diff --quiet HEAD -- src include 2>/dev/null; then echo "$r"; else echo "$r+dirty"; fi
}

# The dossier binary to measure: $BENCH_DOSSIER when set (a saved binary, so
# a database built by it stays readable while the tree moves on), else the
# build tree's, rebuilt when stale. Sets DOSSIER.
bench_dossier() {
    if [ -n "${BENCH_DOSSIER:-}" ]; then
        [ -x "$BENCH_DOSSIER" ] || bench_die "BENCH_DOSSIER=$BENCH_DOSSIER is not executable"
        DOSSIER=$BENCH_DOSSIER
        BENCH_REV="binary:$(basename "$BENCH_DOSSIER")"
        bench_note "measuring $DOSSIER (BENCH_DOSSIER), not the build tree's"
    else
        bench_make dossier
        DOSSIER=$BENCH_BUILD/dossier
    fi
}

# Keep the program's own config and data out of the way of user settings.
bench_isolate() {
    export XDG_CONFIG_HOME="$BENCH_OUT/xdg/config" XDG_DATA_HOME="$BENCH_OUT/xdg/data"
    export DOSSIER_ASSETS="${DOSSIER_ASSETS:-$BENCH_SRC/assets}"
    unset DOSSIER_DB
    mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
}

# bench_browse_db NAME DOCS SEED: for the browser's benchmarks. Skips the
# benchmark NAME (status 0, a RESULT line saying so) when this dossier has no
# `browse --script`; otherwise sets $work and makes sure $work/dossier.db
# exists (indexing the generated corpus when it does not).
bench_browse_db() {
    work=$BENCH_OUT/work-$2-seed$3
    mkdir -p "$work"
    if ! "$DOSSIER" browse --help 2>&1 | grep -q -- '--script'; then
        echo "$1: dossier browse --script not available; skipped"
        echo "RESULT $1 docs=$2 skipped=1"
        exit 0
    fi
    if [ ! -f "$work/dossier.db" ]; then
        bench_corpus "$2" "$3"
        bench_note "building the dossier database"
        "$DOSSIER" index --db "$work/dossier.db" "$BENCH_CORPUS" >"$work/dossier.out" 2>&1 ||
            bench_die "dossier index failed (log: $work/dossier.out)"
    fi
}
