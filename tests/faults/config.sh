#!/bin/sh
# Issue 18, finding 11: config files that are not regular files (a FIFO
# named topics.conf, outlets.tsv or config) are refused at once instead of
# waiting for a writer forever; a config directory that cannot be read is
# named once; the browser says when its config cannot be read.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/faults/lib.sh"

D="$DOSSIER_BIN"
news="$TEST_TMP/news"
mkdir -p "$news"
article "$news/a.txt" soybean
cfg="$XDG_CONFIG_HOME/dossier"
mkdir -p "$cfg"
if ! command -v timeout >/dev/null 2>&1 || ! mkfifo "$TEST_TMP/probe.fifo" 2>/dev/null; then
    skip 7 "no timeout(1) or mkfifo here"
    done_testing
    exit 0
fi

for name in topics.conf outlets.tsv; do
    mkfifo "$cfg/$name"
    out=$(timeout 20 "$D" --db "$TEST_TMP/$name.db" index "$news" 2>&1)
    st=$?
    ok "$([ "$st" -ne 124 ] && echo 0 || echo 1)" "a FIFO named $name does not hang index"
    like "$out" "$name: not a regular file" "and is refused by name"
    rm "$cfg/$name"
done

"$D" --db "$TEST_TMP/index.db" index --quiet "$news" >/dev/null 2>&1
mkfifo "$cfg/config"
printf ':dump %s\n' "$TEST_TMP/screen" >"$TEST_TMP/dump.keys"
TERM=xterm timeout 20 "$D" browse --db "$TEST_TMP/index.db" --script "$TEST_TMP/dump.keys" \
    --size 100x24 >/dev/null 2>&1
ok "$([ $? -ne 124 ] && echo 0 || echo 1)" "a FIFO named config does not hang the browser"
like "$(tail -1 "$TEST_TMP/screen" 2>/dev/null)" "config not read: .*config: not a regular file" \
    "the browser says its config was not read"
rm "$cfg/config"

# a config directory that cannot be read: the path once, not twice
if can_drop_privileges; then
    chown -R 65534:65534 "$TEST_TMP"
    chmod 000 "$cfg"
    out=$(as_nobody "$D" --db "$TEST_TMP/nobody.db" index "$news" 2>&1)
    is "$(printf '%s\n' "$out" | grep -o "$cfg" | wc -l | tr -d ' ')" 1 \
        "an unreadable config directory is named once ($out)"
    chmod 755 "$cfg"
else
    skip 1 "cannot run as a user that meets permission checks (root without setpriv)"
fi

done_testing
