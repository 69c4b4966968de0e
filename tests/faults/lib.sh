# tests/faults/lib.sh — shared by the fault tests: articles written on the
# spot, and running a command as an unprivileged user (root reads anything,
# so permission tests need one). Source it after tests/lib.sh.

export XDG_DATA_HOME="$TEST_TMP/data" XDG_CONFIG_HOME="$TEST_TMP/config" HOME="$TEST_TMP/home"
unset DOSSIER_DB NO_COLOR
mkdir -p "$HOME"

# article FILE WORD: a short article of our own whose body holds WORD.
article() {
    {
        printf 'Port officials report %s shipments at record levels\n\n' "$2"
        printf 'Officials at the harbour said on Monday that %s cargo volumes rose sharply in the ' "$2"
        printf 'third quarter, as exporters rushed goods out ahead of new tariffs.\n\n'
        printf 'Traders expect the %s trade to cool once the new duties take effect next year, ' "$2"
        printf 'while shipping lines are adding capacity on the busiest routes.\n'
    } >"$1"
}

# gen_reports DIR FIRST LAST: generated articles DIR/aFIRST.txt..aLAST.txt,
# each distinct, ~2.5 KB (for runs long enough to kill or to fill a disk).
gen_reports() {
    awk -v dir="$1" -v a="$2" -v b="$3" 'BEGIN {
        split("tariff trade talks exports imports steel soybeans chips deal ministers summit", w, " ");
        for (i = a; i <= b; i++) {
            f = sprintf("%s/a%04d.txt", dir, i);
            printf "Report number %d on trade\n\n", i > f;
            for (p = 0; p < 6; p++) {
                s = "";
                for (k = 0; k < 40; k++) s = s " " w[(i * 7 + p * 13 + k * k) % 11 + 1] i % (k + 7);
                printf "Paragraph %d of report %d:%s.\n\n", p, i, s > f;
            }
            close(f);
        }
    }'
}

# docs DB: the number of documents in the index.
docs() {
    "$DOSSIER_BIN" --db "$1" stats --json | sed -n 's/.*"documents":\([0-9]*\).*/\1/p'
}

# hits DB QUERY: how many articles the query finds.
hits() {
    "$DOSSIER_BIN" --db "$1" search --json --limit 1000 "$2" 2>/dev/null | grep -c '"id"'
}

# as_nobody CMD...: run CMD as an unprivileged user when we are root
# (setpriv), as ourselves otherwise; fails with 125 when neither works.
as_nobody() {
    if [ "$(id -u)" -ne 0 ]; then
        "$@"
    elif command -v setpriv >/dev/null 2>&1; then
        setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
    else
        return 125
    fi
}

# can_drop_privileges: whether as_nobody meets permission checks (it can
# reach $TEST_TMP but cannot list a folder with mode 000).
can_drop_privileges() {
    chmod 755 "$TEST_TMP"
    mkdir -p "$TEST_TMP/.probe" && chmod 000 "$TEST_TMP/.probe"
    as_nobody true 2>/dev/null && ! as_nobody ls "$TEST_TMP/.probe" >/dev/null 2>&1
    r=$?
    rmdir "$TEST_TMP/.probe"
    return $r
}

# hold_lock DB: another program (python3's sqlite3) takes DB's write lock,
# says so ($TEST_TMP/locked), holds it until $TEST_TMP/release appears,
# drops it and says so ($TEST_TMP/released); $holder is its process id.
hold_lock() {
    rm -f "$TEST_TMP/locked" "$TEST_TMP/release" "$TEST_TMP/released"
    python3 - "$1" "$TEST_TMP" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("CREATE TABLE IF NOT EXISTS lock_holder(x)")
d = sys.argv[2]
open(d + "/locked", "w").close()
for _ in range(600):
    if os.path.exists(d + "/release"):
        break
    time.sleep(0.05)
c.execute("ROLLBACK")
c.close()
open(d + "/released", "w").close()
PY
    holder=$!
    n=0
    while [ ! -e "$TEST_TMP/locked" ] && [ "$n" -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
}

# release_after SCREEN [SLEEP]: once the browser dumped $TEST_TMP/out/SCREEN,
# let go of the lock (after SLEEP seconds); writes the ms SCREEN took to
# come into $TEST_TMP/took
release_after() {
    t0=$(date +%s%N)
    n=0
    while [ ! -e "$TEST_TMP/out/$1" ] && [ "$n" -lt 300 ]; do sleep 0.05; n=$((n + 1)); done
    echo $((($(date +%s%N) - t0) / 1000000)) >"$TEST_TMP/took"
    sleep "${2:-0}"
    touch "$TEST_TMP/release"
}
