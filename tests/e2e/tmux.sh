#!/bin/sh
# The real binary in a real terminal: dossier browse runs inside a detached
# tmux session (80x24, private socket), keys are sent with send-keys and the
# screen is read with capture-pane. Proves the input path, wide characters,
# colours, resize and that the terminal is restored on exit and on SIGINT,
# SIGTERM, SIGHUP and SIGQUIT.
. "$TOP_SRCDIR/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
    skip 1 "tmux is not installed"
    done_testing
    exit 0
fi

SOCK="dossier-test-$$"
tm() { tmux -u -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; chmod -R u+rwx "$TEST_TMP" 2>/dev/null; rm -rf "$TEST_TMP"' EXIT

db="$TEST_TMP/e2e.db"
export XDG_DATA_HOME="$TEST_TMP/data" XDG_CONFIG_HOME="$TEST_TMP/config"
unset NO_COLOR DOSSIER_DB
# our own small rules and gazetteers, so the screens do not follow assets/ changes
export DOSSIER_ASSETS="$TOP_SRCDIR/tests/tui/assets"
if ! "$DOSSIER_BIN" --db "$db" index --quiet "$TOP_SRCDIR/tests/tui/corpus" >"$TEST_TMP/index.out" 2>&1; then
    ok 1 "index the fixture corpus"
    sed 's/^/# /' "$TEST_TMP/index.out"
    done_testing
    exit 1
fi
ok 0 "index the fixture corpus"

screen() { tm capture-pane -p -t "$1"; }

# wait_for SESSION REGEX [SECONDS]: poll the screen until it matches.
wait_for() {
    n=0
    limit=$((${3:-10} * 10))
    while [ "$n" -lt "$limit" ]; do
        if screen "$1" | grep -Eq -- "$2"; then return 0; fi
        sleep 0.1
        n=$((n + 1))
    done
    return 1
}

# check SESSION REGEX NAME: wait for REGEX, report, show the screen on failure.
check() {
    if wait_for "$1" "$2" "${4:-10}"; then ok 0 "$3"; else
        ok 1 "$3"
        echo "#  wanted: $2"
        screen "$1" | sed 's/^/#   |/'
    fi
}

# start SESSION [ENV...]: a shell at 80x24 running the browser; when the
# browser exits the shell prints its status.
start() {
    s=$1
    shift
    tm new-session -d -s "$s" -x 80 -y 24 \
        "env PS1='$ ' TERM=xterm-256color LC_ALL=C.UTF-8 $* sh -c 'trap : INT; \"\$0\" browse --db \"\$1\"; echo EXITED:\$?; exec sh' '$DOSSIER_BIN' '$db'"
}

start main
check main '\[Articles\] 1/8' "start-up shows the article list"
check main '8 of 8' "status line counts the articles"

# facts pane: moving onto a figure or entity further down scrolls the reader to it
check main ' Article .*lines 1-' "the reader starts at the top"
tm send-keys -t main f
check main '\[Facts\]' "f shows and focuses the facts pane"
# keywords are idle work after the pane is drawn ("Keywords …" until then)
tm send-keys -t main G
check main 'Keywords *($|│)' "the facts pane's keywords arrive after it is drawn"
tm send-keys -t main g
tm send-keys -t main j j j
check main ' Article .*lines ([2-9]|[1-9][0-9]+)-' "selecting the third figure jumps the reader"
tm send-keys -t main f

# the mouse (xterm SGR reports): a click selects a row, the wheel scrolls the pane under it
mouse() { tm send-keys -t main -l "$(printf '\033[<%s;%s;%s%s' "$1" "$2" "$3" "$4")"; }
mouse 0 6 4 M
mouse 0 6 4 m
check main '\[Articles\] 3/8' "a click selects the third row"
mouse 0 6 2 M
mouse 0 6 2 m
check main '\[Articles\] 1/8' "a click on the first row selects it"
mouse 65 20 15 M
check main ' Article .*lines 4-' "the wheel scrolls the reader under the pointer"
# a click in a full-screen view is that view's: closing it gives the focus
# back to the pane that had it (here the reader)
tm send-keys -t main Enter
check main '\[Article\]' "Enter in the list focuses the reader"
tm send-keys -t main S
check main '\[Statistics\]' "S opens the statistics"
mouse 0 10 8 M
mouse 0 10 8 m
tm send-keys -t main q
check main '\[Article\]' "after a click in the statistics, q returns to the focused reader"
tm send-keys -t main Enter
check main '\[Articles\]' "Enter in the reader focuses the list again"

tm send-keys -t main s
tm send-keys -t main -l tariffs
check main 'search: tariffs +6 hits' "the prompt counts hits while typing"
tm send-keys -t main Enter
check main '\[Articles\] 1/6' "search narrows the list"
check main 'query: tariffs.* 6 of 8' "status line shows the query and the count"

# topic filter: the sidebar (t) lists topics with counts; Enter filters
tm send-keys -t main t
check main '\[Topics\]' "t shows and focuses the topics pane"
# the counts are idle work after the pane is drawn ("…" meanwhile)
wait_for main '^  [a-z][a-z0-9-]* +[0-9]' 5 || :
if screen main | grep -v ' all ' | grep -Eq '^(> |  )[a-z][a-z0-9-]* +[0-9]'; then
    tm send-keys -t main j Enter
    check main 'topic:[a-z]' "choosing a topic filters the list"
else
    skip 1 "no topics in this index (rules not loaded)"
fi
tm send-keys -t main t C-x


# CJK wrapping at 80 columns
tm send-keys -t main s C-u
tm send-keys -t main -l japan
tm send-keys -t main Enter
check main '中国商务部' "CJK article is shown"
out=$(screen main)
widest=$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)
ok "$([ "$widest" -le 80 ] && echo 0 || echo 1)" "no screen line is wider than 80 columns ($widest)"
if printf '%s\n' "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then
    ok 0 "wide characters are never split (screen is valid UTF-8)"
else ok 1 "wide characters are never split (screen is valid UTF-8)"; fi

# colours are used by default
COLOUR_RE="$(printf '\033')\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)m"
if tm capture-pane -e -p -t main | grep -Eq "$COLOUR_RE"; then
    ok 0 "colours are used on a colour terminal"
else ok 1 "colours are used on a colour terminal"; fi

# resize: a wide terminal shows the topics pane; a tiny one a message
tm resize-window -t main -x 130 -y 40
check main 'this week\. Negotiators met' "after resize to 130x40 the article is re-wrapped"
tm resize-window -t main -x 30 -y 8
check main 'Terminal too small' "a tiny terminal shows a message, not garbage"
tm resize-window -t main -x 80 -y 24
check main '\[Articles\]' "back at 80x24 the list returns"

# compare two reports of the same story side by side
tm send-keys -t main s C-u
tm send-keys -t main -l soybeans
tm send-keys -t main Enter c j c
check main '\[Compare\] #[0-9]+ vs #[0-9]+' "c, j, c compares two similar articles"
check main '^similarity 0\.[5-9]' "the summary strip shows their similarity"
check main ' ~ ' "similar sentences are paired with a '~' mark"
check main '1 figure disagrees' "a figure that disagrees is flagged"
tm send-keys -t main q
check main '\[Articles\] 2/2' "q closes the comparison"

# q quits: the shell gets the terminal back
tm send-keys -t main q
check main 'EXITED:0' "q quits with status 0"
if screen main | grep -q '\[Articles\]'; then ok 1 "the terminal is restored (browser screen gone)"
else ok 0 "the terminal is restored (browser screen gone)"; fi
if grep -qx 'tariffs' "$XDG_DATA_HOME/dossier/history" 2>/dev/null; then
    ok 0 "query history is saved"
else ok 1 "query history is saved"; fi

# o opens the article's file in $PAGER (no shell): a stand-in pager records it
cat >"$TEST_TMP/pager" <<PAGER
#!/bin/sh
printf '%s\\n' "\$1" >"$TEST_TMP/opened"
PAGER
chmod +x "$TEST_TMP/pager"
start pager "PAGER=$TEST_TMP/pager"
check pager '\[Articles\] 1/8' "pager session starts"
tm send-keys -t pager o
n=0
while [ ! -s "$TEST_TMP/opened" ] && [ "$n" -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
if grep -q '^/.*tests/tui/corpus/.*\.txt$' "$TEST_TMP/opened" 2>/dev/null; then
    ok 0 "o runs \$PAGER with the article's path"
else ok 1 "o runs \$PAGER with the article's path"; fi
check pager '\[Articles\] 1/8' "the browser comes back after the pager"
tm send-keys -t pager Q
check pager 'EXITED:0' "pager session quits"

# B opens the article's web address in $BROWSER (execvp, no shell): a
# stand-in browser records its argv, one argument a line
"$DOSSIER_BIN" --db "$TEST_TMP/url.db" index --quiet "$TOP_SRCDIR/tests/tui/corpus-url" \
    >"$TEST_TMP/index-url.out" 2>&1 || sed 's/^/# /' "$TEST_TMP/index-url.out"
cat >"$TEST_TMP/browser" <<BROWSER
#!/bin/sh
for a in "\$0" "\$@"; do printf '%s\\n' "\$a"; done >"$TEST_TMP/browsed"
BROWSER
chmod +x "$TEST_TMP/browser"
main_db=$db
db="$TEST_TMP/url.db"
start web "BROWSER=$TEST_TMP/browser"
db=$main_db
check web '\[Articles\] 1/2' "browser session starts"
tm send-keys -t web Enter
check web '^file ferry-page\.html' "the reader's header names the file"
check web '^https://harbour-gazette\.example/2024/05/island-ferry-early-boat' \
    "and the page's web address"
tm send-keys -t web B
n=0
while [ ! -s "$TEST_TMP/browsed" ] && [ "$n" -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
if [ "$(cat "$TEST_TMP/browsed" 2>/dev/null)" = "$TEST_TMP/browser
https://harbour-gazette.example/2024/05/island-ferry-early-boat" ]; then
    ok 0 "B runs \$BROWSER with the URL as its one argument"
else
    ok 1 "B runs \$BROWSER with the URL as its one argument"
    sed 's/^/#   argv: /' "$TEST_TMP/browsed" 2>/dev/null
fi
check web 'opened https://harbour-gazette' "the browser comes back and says what it opened"
tm send-keys -t web J B
check web 'this article has no web address' "B on an article without an address says so"
tm send-keys -t web Q
check web 'EXITED:0' "browser session quits"

# Ctrl-C in the pager stops the pager, not the browser
printf '#!/bin/sh\necho PAGER-RUNNING\nexec sleep 30\n' >"$TEST_TMP/slowpager"
chmod +x "$TEST_TMP/slowpager"
start slow "PAGER=$TEST_TMP/slowpager"
check slow '\[Articles\] 1/8' "slow pager session starts"
tm send-keys -t slow o
check slow 'PAGER-RUNNING' "the pager runs on the restored terminal"
tm send-keys -t slow C-c
check slow '\[Articles\] 1/8' "after Ctrl-C in the pager the browser is back"
if screen slow | grep -q 'EXITED'; then ok 1 "the browser did not exit"
else ok 0 "the browser did not exit"; fi
tm send-keys -t slow q
check slow 'EXITED:0' "and quits normally afterwards"

# R re-opens the result set: a document indexed by another process appears
cp -R "$TOP_SRCDIR/tests/tui/corpus" "$TEST_TMP/corpus2"
"$DOSSIER_BIN" --db "$TEST_TMP/refresh.db" index --quiet "$TEST_TMP/corpus2" >/dev/null 2>&1
tm new-session -d -s refresh -x 80 -y 24 \
    "env TERM=xterm-256color LC_ALL=C.UTF-8 '$DOSSIER_BIN' browse --db '$TEST_TMP/refresh.db'"
check refresh '8 of 8' "refresh session starts with 8 articles"
printf 'Freight rates climb\nPublished: 2024-07-01\n\nFreight rates climbed again in June.\n' \
    >"$TEST_TMP/corpus2/freight.txt"
"$DOSSIER_BIN" --db "$TEST_TMP/refresh.db" index --quiet "$TEST_TMP/corpus2" >/dev/null 2>&1
tm send-keys -t refresh R
check refresh '9 of 9' "R shows the article another process indexed"
tm send-keys -t refresh Q

# SIGTERM restores the terminal too
start term
check term '\[Articles\]' "SIGTERM session starts"
pid=$(pgrep -n -f "browse --db $db" 2>/dev/null || true)
if [ -n "$pid" ]; then
    kill -TERM "$pid"
    check term 'EXITED:143' "SIGTERM exits (status 143)"
else
    skip 1 "cannot find the browser's pid"
fi

# SIGINT restores the terminal too
start intr
check intr '\[Articles\]' "second session starts"
tm send-keys -t intr C-c
check intr 'EXITED:130' "Ctrl-C exits (status 130)"
if screen intr | grep -q '\[Articles\]'; then ok 1 "the terminal is restored after SIGINT"
else ok 0 "the terminal is restored after SIGINT"; fi

# SIGHUP (the terminal window closed) and SIGQUIT restore the terminal too:
# no alternate screen, no mouse tracking, the cursor visible (issue 18)
for sig in HUP:129 QUIT:131; do
    name=${sig%%:*}
    start "sig$name"
    check "sig$name" '\[Articles\]' "SIG$name session starts"
    pid=$(pgrep -n -f "browse --db $db" 2>/dev/null || true)
    if [ -n "$pid" ]; then
        kill "-$name" "$pid"
        check "sig$name" "EXITED:${sig#*:}" "SIG$name exits (status ${sig#*:})"
        is "$(tm display -p -t "sig$name" '#{alternate_on} #{mouse_any_flag} #{cursor_flag}')" \
            "0 0 1" "SIG$name: main screen, mouse off, cursor shown"
    else
        skip 2 "cannot find the browser's pid"
    fi
done

# a non-UTF-8 locale: other characters are drawn as '?', never as raw bytes
tm new-session -d -s ascii -x 80 -y 24 \
    "env TERM=xterm-256color LC_ALL=C '$DOSSIER_BIN' browse --db '$db' japan"
check ascii '\[Articles\] 1/2' "C locale session starts"
tm send-keys -t ascii J K
check ascii '\?\?\?\?' "C locale: CJK text is drawn as placeholders"
out=$(screen ascii)
if printf '%s\n' "$out" | LC_ALL=C grep -q "$(printf '[\200-\377]')"; then
    ok 1 "C locale: only ASCII reaches the terminal"
else ok 0 "C locale: only ASCII reaches the terminal"; fi
tm send-keys -t ascii Q

# colour depth follows the terminal: 256 colours, 8 colours, or none (vt100)
C256_RE="$(printf '\033')\\[([0-9;]*;)?38;5;[0-9]+"
for term in xterm-256color xterm vt100; do
    tm new-session -d -s "t-$term" -x 80 -y 24 \
        "env TERM=$term LC_ALL=C.UTF-8 '$DOSSIER_BIN' browse --db '$db' tariffs"
    check "t-$term" '\[Articles\] 1/6' "TERM=$term: the browser starts"
done
if tm capture-pane -e -p -t t-xterm-256color | grep -Eq "$C256_RE"; then
    ok 0 "TERM=xterm-256color: the 256-colour theme is used"
else ok 1 "TERM=xterm-256color: the 256-colour theme is used"; fi
if tm capture-pane -e -p -t t-xterm | grep -Eq "$C256_RE"; then
    ok 1 "TERM=xterm: no 256-colour codes on an 8-colour terminal"
else ok 0 "TERM=xterm: no 256-colour codes on an 8-colour terminal"; fi
if tm capture-pane -e -p -t t-xterm | grep -Eq "$COLOUR_RE"; then
    ok 0 "TERM=xterm: 8 colours are used"
else ok 1 "TERM=xterm: 8 colours are used"; fi
if tm capture-pane -e -p -t t-vt100 | grep -Eq "$COLOUR_RE"; then
    ok 1 "TERM=vt100: monochrome, attributes only"
else ok 0 "TERM=vt100: monochrome, attributes only"; fi
if tm capture-pane -e -p -t t-vt100 | grep -q "$(printf '\033')\\[[0-9;]*7m"; then
    ok 0 "TERM=vt100: the focused pane and selection use reverse video"
else ok 1 "TERM=vt100: the focused pane and selection use reverse video"; fi
for term in xterm-256color xterm vt100; do tm send-keys -t "t-$term" Q; done

# NO_COLOR: attributes only
start nocolor NO_COLOR=1
check nocolor '\[Articles\]' "NO_COLOR session starts"
if tm capture-pane -e -p -t nocolor | grep -Eq "$COLOUR_RE"; then
    ok 1 "NO_COLOR: no colour escape sequences"
else ok 0 "NO_COLOR: no colour escape sequences"; fi
tm send-keys -t nocolor Q
check nocolor 'EXITED:0' "Q quits at once"

# statistics (S) and keyword in context (w), at 80x24 and at 200x50
start stats
check stats '\[Articles\] 1/8' "stats session starts"
tm send-keys -t stats S
check stats '\[Statistics\] 8 articles' "S opens the statistics of the list"
check stats '^2023-11 +2 █+' "coverage by month is drawn with block characters"
tm send-keys -t stats j j Enter
check stats 'filtered: after:2023-11-01 before:2023-12-01' "Enter on a bar filters by its period"
check stats '\[Articles\] 1/2' "and the list shows that month's articles"
tm send-keys -t stats w
check stats '^word in context:' "w asks for a word"
tm send-keys -t stats -l 'tariff'
tm send-keys -t stats Enter
check stats '\[Keyword in context\] tariff: 2 in 2 articles' "KWIC of the filtered list"
cols=$(screen stats | grep -n 'tariffs' | sed 1d | head -3 | while IFS= read -r l; do
    printf '%s\n' "${l#*:}" | awk '{ print index($0, "tariffs") }'; done | sort -u | wc -l)
is "$cols" 1 "every occurrence starts in the same column"
tm send-keys -t stats Enter
check stats '\[Article\] #' "Enter opens the article in the reader"
tm send-keys -t stats Q
check stats 'EXITED:0' "the stats session quits"

tm new-session -d -s wide -x 200 -y 50 \
    "env PS1='$ ' TERM=xterm-256color LC_ALL=C.UTF-8 sh -c '\"\$0\" browse --db \"\$1\"; echo EXITED:\$?; exec sh' '$DOSSIER_BIN' '$db'"
check wide '\[Articles\] 1/8' "200x50 session starts"
tm send-keys -t wide S
check wide '^outlets' "200x50: the statistics show the outlets"
check wide '^  Tariffs and duties +7  87\.5%' "200x50: and topics with counts and shares"
tm send-keys -t wide G
# a row of the figures table (its heading scrolls off once the table is
# longer than the screen)
check wide '^  2023-11-2[01] [A-Za-z ]+ +[0-9.]+ (pct|bln dlrs|mln tonnes)' \
    "200x50: G goes down to the figures table"
tm send-keys -t wide q w
tm send-keys -t wide -l 'rare earth'
tm send-keys -t wide Enter
check wide '\[Keyword in context\] rare earth: 1 in 1 article' "200x50: KWIC of a phrase"
check wide ' rare earth exports and tariffs on electric vehicles' "200x50: with its right context"
tm send-keys -t wide Q
check wide 'EXITED:0' "the 200x50 session quits"

# compare view (our own near-duplicate pairs): CJK columns stay within their
# width, a resize keeps the comparison and the row at the top, q goes back
cdb="$TEST_TMP/compare.db"
"$DOSSIER_BIN" --db "$cdb" index --quiet "$TOP_SRCDIR/tests/tui/corpus-compare" >/dev/null 2>&1
tm new-session -d -s cmp -x 80 -y 24 \
    "env PS1='$ ' TERM=xterm-256color LC_ALL=C.UTF-8 sh -c '\"\$0\" browse --db \"\$1\"; echo EXITED:\$?; exec sh' '$DOSSIER_BIN' '$cdb'"
check cmp '\[Articles\] 1/5' "compare session starts"
check cmp '≈1' "the list marks articles that have near-duplicates"
tm send-keys -t cmp m j c
check cmp '\[Compare\] #[0-9]+ vs #[0-9]+' "m, j, c opens the compare view"
check cmp '^云岭省商务厅表示，今年前四个月全省茶叶 ~ 云岭省商务厅表示，今年前四个月全省茶叶$' \
    "CJK text fills both 38-column sides around the gutter"
widest=$(screen cmp | LC_ALL=C.UTF-8 wc -L)
if [ "$widest" -le 80 ]; then ok 0 "no line is wider than the terminal"; else
    ok 1 "no line is wider than the terminal"
    echo "#   widest: $widest"
fi
tm send-keys -t cmp q
check cmp '\[Articles\] 2/5' "q returns to the list"
tm send-keys -t cmp G m k c n
check cmp 'difference 2 of 3' "n jumps to the next difference"
if screen cmp | sed -n 6p | grep -q '^The Valley Farmers Union welcomed the  ~'; then
    ok 0 "the difference is at the top of both sides"
else ok 1 "the difference is at the top of both sides"; screen cmp | sed 's/^/#   |/'; fi
tm resize-window -t cmp -x 120 -y 30
check cmp '^The Valley Farmers Union welcomed the opening but warned   ~' \
    "after a resize to 120x30 the view re-wraps and keeps its row"
if screen cmp | sed -n 6p | grep -q '^The Valley Farmers Union'; then
    ok 0 "and the row stays at the top"
else ok 1 "and the row stays at the top"; screen cmp | sed 's/^/#   |/'; fi
tm resize-window -t cmp -x 80 -y 24
check cmp '^The Valley Farmers Union welcomed the  ~' "back at 80x24, still there"
tm send-keys -t cmp q
check cmp '\[Articles\] 4/5' "q returns to the list"
tm send-keys -t cmp Q
check cmp 'EXITED:0' "the compare session quits"


# topics as a tree (a user's topics.conf under the fixture rules): the pane
# shows the top level folded ('+'), Right unfolds a parent, Left folds it
tdb="$TEST_TMP/tree.db"
mkdir -p "$TEST_TMP/treecfg/dossier"
cp "$TOP_SRCDIR/tests/tui/topics-tree.conf" "$TEST_TMP/treecfg/dossier/topics.conf"
XDG_CONFIG_HOME="$TEST_TMP/treecfg" "$DOSSIER_BIN" --db "$tdb" index --quiet \
    "$TOP_SRCDIR/tests/tui/corpus" >/dev/null 2>&1
tm new-session -d -s tree -x 120 -y 30 \
    "env PS1='$ ' TERM=xterm-256color LC_ALL=C.UTF-8 XDG_CONFIG_HOME='$TEST_TMP/treecfg' sh -c '\"\$0\" browse --db \"\$1\"; echo EXITED:\$?; exec sh' '$DOSSIER_BIN' '$tdb'"
check tree '^  \+ economy +8' "the topics pane shows a parent folded, counting its children"
if screen tree | grep -q '^ *trade '; then ok 1 "children are hidden while folded"; else
    ok 0 "children are hidden while folded"; fi
tm send-keys -t tree BTab j Right
check tree '^  - economy +8' "Right unfolds the selected topic"
check tree '^    \+ trade +7' "its children show indented, with their counts"
tm send-keys -t tree Left
check tree '^  \+ economy +8' "Left folds it again"
if screen tree | grep -q '^ *[+-]* *trade '; then ok 1 "and hides the children"; else
    ok 0 "and hides the children"; fi
tm send-keys -t tree Q
check tree 'EXITED:0' "the tree session quits"
# themes (`dossier themes` saved three in the index): the topics pane lists
# them under a "Themes" heading; Enter on one filters the list by theme:N
thdb="$TEST_TMP/themes.db"
{ "$DOSSIER_BIN" --db "$thdb" index --quiet "$TOP_SRCDIR/tests/tui/corpus" &&
    "$DOSSIER_BIN" --db "$thdb" themes --k 3; } >/dev/null 2>&1
tm new-session -d -s themes -x 120 -y 30 \
    "env PS1='$ ' TERM=xterm-256color LC_ALL=C.UTF-8 sh -c '\"\$0\" browse --db \"\$1\"; echo EXITED:\$?; exec sh' '$DOSSIER_BIN' '$thdb'"
check themes '^Themes +│' "the topics pane shows a Themes heading"
check themes '^  pct, agricultural, +2│' "each theme with its label and its articles"
tm send-keys -t themes BTab G Enter
check themes 'filtered: theme:3' "Enter on the last theme adds theme:3 to the query"
check themes ' Articles +1/2' "and the list shows its two articles"
tm send-keys -t themes Q
check themes 'EXITED:0' "the themes session quits"
# stories (our own fixture: one event told by three outlets, one of them
# twice): the list marks each telling "≡3"; C on the outlet's first article
# compares it with another outlet's telling, not with its own near-copy
sdb="$TEST_TMP/stories.db"
"$DOSSIER_BIN" --db "$sdb" index --quiet "$TOP_SRCDIR/tests/tui/corpus-stories" >/dev/null 2>&1
tm new-session -d -s story -x 100 -y 24 \
    "env PS1='$ ' TERM=xterm-256color LC_ALL=C.UTF-8 sh -c '\"\$0\" browse --db \"\$1\"; echo EXITED:\$?; exec sh' '$DOSSIER_BIN' '$sdb'"
check story '\[Articles\] 1/5' "stories session starts"
check story 'Andes Wire .* ≡3 *$' "the list marks a story told by three outlets"
if screen story | grep 'City orchestra' | grep -q '≡'; then
    ok 1 "an article no other outlet told has no mark"
else ok 0 "an article no other outlet told has no mark"; fi
tm send-keys -t story j j C
check story '\[Compare\] #[0-9]+ vs #[0-9]+' "C opens the comparison"
check story 'B #[0-9]+ (Copper exports|Port authority)' "with another outlet's telling, not the near-copy"
tm send-keys -t story q
check story '\[Articles\] 3/5' "q returns to the list"
tm send-keys -t story Q
check story 'EXITED:0' "the stories session quits"

done_testing
