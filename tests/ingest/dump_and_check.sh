# tests/ingest/dump_and_check.sh — sourced by the ingest tests: ingest a
# folder with ingest_dump and hand the JSON lines to a Python checker.
#
#   dump_and_check NAME DIR CHECKER [ARGS...]
#
# Skips visibly (TAP) without python3; exits with the checker's status (it
# prints the TAP), or 1 when ingest_dump fails on DIR.
dump_and_check() {
    name=$1 dir=$2 checker=$3
    shift 3
    if ! command -v python3 >/dev/null 2>&1; then
        echo "ok 1 # SKIP no python3"
        echo "1..1"
        exit 0
    fi
    tmp="${TOP_BUILDDIR:-.}/tests/tmp/ingest_$name.$$.jsonl"
    mkdir -p "$(dirname "$tmp")"
    if ! "${TOP_BUILDDIR:-.}/tests/ingest/ingest_dump" "$dir" >"$tmp"; then
        echo "not ok 1 - ingest_dump ran on $dir"
        echo "1..1"
        rm -f "$tmp"
        exit 1
    fi
    python3 "${TOP_SRCDIR:-.}/tests/ingest/$checker" "$tmp" "$@"
    rc=$?
    rm -f "$tmp"
    exit $rc
}
