/* Unit tests for the TUI's text layout (src/tui/layout.c): wrapping by
 * display width, hanging indents, CJK, control characters, span mapping. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/tui/tui.h"
#include "dossier/utf8.h"
#include "tap.h"

static struct tlines
wrap(const char *s, int width)
{
    struct tlines ls;
    tlines_init(&ls);
    layout_wrap(s, strlen(s), width, 0, ROLE_NORMAL, &ls);
    return ls;
}

/* Every line fits: indent + text width <= width. */
static int
all_fit(const struct tlines *ls, int width)
{
    for (size_t i = 0; i < ls->n; i++)
        if (ls->v[i].indent + (int)layout_width(ls->v[i].text, ls->v[i].len) > width)
            return 0;
    return 1;
}

static void
test_words(void)
{
    struct tlines ls = wrap("the quick brown fox jumps over the lazy dog", 10);
    is_int(ls.n, 5, "words wrap into five lines of 10 columns");
    is_str(ls.v[0].text, "the quick", "first line breaks at a space");
    is_str(ls.v[1].text, "brown fox", "second line");
    is_str(ls.v[4].text, "dog", "last line");
    ok(all_fit(&ls, 10), "no line is wider than 10");
    is_int(ls.v[1].src, 10, "second line maps to its source offset");
    tlines_clear(&ls);

    ls = wrap("supercalifragilistic word", 8);
    is_str(ls.v[0].text, "supercal", "a long word is cut at the width");
    is_str(ls.v[1].text, "ifragili", "and continues");
    ok(all_fit(&ls, 8), "long word lines fit");
    tlines_clear(&ls);

    ls = wrap("", 10);
    is_int(ls.n, 0, "empty text gives no lines");
    tlines_clear(&ls);
}

static void
test_paragraphs(void)
{
    struct tlines ls = wrap("First para.\n\n\n\nSecond para.\n", 40);
    is_int(ls.n, 3, "paragraphs separated by one blank line, blanks collapsed");
    is_str(ls.v[0].text, "First para.", "para 1");
    is_str(ls.v[1].text, "", "blank");
    is_str(ls.v[2].text, "Second para.", "para 2");
    tlines_clear(&ls);
}

static void
test_bullets(void)
{
    struct tlines ls = wrap("- alpha beta gamma delta\n  * nested item text here", 14);
    is_str(ls.v[0].text, "- alpha beta", "bullet first line");
    is_int(ls.v[0].indent, 0, "first line not indented");
    is_str(ls.v[1].text, "gamma delta", "continuation");
    is_int(ls.v[1].indent, 2, "hanging indent under the text after '- '");
    is_str(ls.v[2].text, "  * nested", "nested bullet keeps its indentation");
    is_int(ls.v[3].indent, 4, "nested hanging indent is 4");
    ok(all_fit(&ls, 14), "bullet lines fit");
    tlines_clear(&ls);

    ls = wrap("12. numbered item that wraps", 12);
    is_int(ls.v[1].indent, 4, "numbered item hangs after '12. '");
    tlines_clear(&ls);
}

static void
test_cjk(void)
{
    /* 12 Han characters = 24 columns; at width 9 each line holds 4 (8 cols) */
    const char *s = "\xe4\xb8\xad\xe5\x9b\xbd\xe7\xbe\x8e\xe5\x9b\xbd\xe8\xb4\xb8\xe6\x98\x93"
                    "\xe8\xb0\x88\xe5\x88\xa4\xe5\x8f\x96\xe5\xbe\x97\xe8\xbf\x9b\xe5\xb1\x95";
    struct tlines ls = wrap(s, 9);
    is_int(ls.n, 3, "12 wide characters at 9 columns: 3 lines");
    is_int(layout_width(ls.v[0].text, ls.v[0].len), 8, "a wide char is never split");
    ok(all_fit(&ls, 9), "CJK lines fit");
    ok(utf8_valid(ls.v[1].text, ls.v[1].len), "lines are valid UTF-8");
    tlines_clear(&ls);

    ls = wrap("Trade \xe8\xb4\xb8\xe6\x98\x93\xe6\x88\x98 war", 9);
    ok(all_fit(&ls, 9), "mixed Latin and CJK fit");
    is_str(ls.v[0].text, "Trade \xe8\xb4\xb8", "CJK allows a break between characters");
    tlines_clear(&ls);

    /* combining mark: e + U+0301 is one column */
    is_int(layout_width("e\xcc\x81", 3), 1, "combining mark has no width");
}

static void
test_controls(void)
{
    is_int(layout_width("a\x1b[31mb\x07", 8), 8, "control chars count one column (placeholder)");
    struct tlines ls = wrap("ab\x1b\x1b\x1b\x1b\x1b\x1b cd", 4);
    ok(all_fit(&ls, 4), "control characters cannot make a line overflow");
    tlines_clear(&ls);
}

static void
test_mark(void)
{
    const char *s = "alpha beta gamma delta";
    struct tlines ls = wrap(s, 11);
    /* "beta gamma" is [6, 16): crosses lines "alpha beta" / "gamma delta" */
    layout_mark(&ls, 6, 16, ROLE_HIT);
    is_int(ls.v[0].nspans, 1, "span on line 1");
    is_int(ls.v[0].spans[0].start, 6, "line 1 span start");
    is_int(ls.v[0].spans[0].end, 10, "line 1 span end clipped to the line");
    is_int(ls.v[1].nspans, 1, "span continues on line 2");
    is_int(ls.v[1].spans[0].start, 0, "line 2 span from 0");
    is_int(ls.v[1].spans[0].end, 5, "line 2 span end");
    is_int(ls.v[1].spans[0].role, ROLE_HIT, "role kept");
    is_int(layout_line_of(&ls, 12), 1, "offset 12 is on line 2");
    is_int(layout_line_of(&ls, 0), 0, "offset 0 is on line 1");
    tlines_clear(&ls);

    uint32_t fs = 0, fe = 0;
    ok(layout_find_ci("Tariffs and TARIFFS", 19, "tariffs", 1, &fs, &fe), "find ignores case");
    is_int(fs, 12, "find starts at from");
    is_int(fe, 19, "find end");
    ok(layout_find_ci("\xc3\x89" "CONOMIE", 9, "\xc3\xa9" "conomie", 0, &fs, &fe),
       "find folds Latin-1 letters");
    ok(!layout_find_ci("abc", 3, "abcd", 0, &fs, &fe), "no match past the end");

    char num[32];
    layout_thousands(5120, num, sizeof num);
    is_str(num, "5,120", "thousands separator");
    layout_thousands(1234567, num, sizeof num);
    is_str(num, "1,234,567", "millions");
    layout_thousands(42, num, sizeof num);
    is_str(num, "42", "small number");

    char lab[24];
    layout_topic_label("economy,economy/trade,politics", lab, sizeof lab);
    is_str(lab, "trade", "topic label: the child, not the parent");
    layout_topic_label("economy,politics,politics/government,economy/markets,economy/trade",
                       lab, sizeof lab);
    is_str(lab, "markets", "topic label: the best child of the best branch");
    layout_topic_label("economy,economy/trade,economy/trade/us-china,economy/markets", lab,
                       sizeof lab);
    is_str(lab, "us-china", "topic label: the deepest topic");
    layout_topic_label("sport", lab, sizeof lab);
    is_str(lab, "sport", "topic label: a top level alone");
    layout_topic_label("economyx,economy/trade", lab, sizeof lab);
    is_str(lab, "economyx", "topic label: a prefix is not a parent");
    layout_topic_label(NULL, lab, sizeof lab);
    is_str(lab, "", "topic label: none");
    layout_topic_label("science-technology/very-long-name", lab, 8);
    is_str(lab, "very-lo", "topic label: cut to the buffer");
}

static void
test_keys(void)
{
    const char *p = "<C-d>";
    is_int(keymap_parse_key(&p), 4, "<C-d> is ctrl-d");
    p = "<Down>j";
    int k = keymap_parse_key(&p);
    is_str(keymap_key_name(k), "<Down>", "key name round-trips");
    is_int(keymap_parse_key(&p), 'j', "then a literal key");
    p = "<Nope>";
    is_int(keymap_parse_key(&p), -1, "unknown key name rejected");
    keymap_init();
    is_int(keymap_lookup('q'), ACT_QUIT, "q quits by default");
    is_int(keymap_action_by_name("find-next"), ACT_FIND_NEXT, "action by name");
    keymap_bind('x', ACT_QUIT);
    is_int(keymap_lookup('x'), ACT_QUIT, "bind adds a key");
}

static void
type(struct prompt *p, const char *keys)
{
    while (*keys) {
        int k = keymap_parse_key(&keys);
        if (k < 0)
            break;
        prompt_key(p, k);
    }
}

static void
test_prompt(void)
{
    struct prompt p;
    prompt_init(&p);
    prompt_start(&p, "");
    type(&p, "tariffs china");
    is_str(buf_str(&p.text), "tariffs china", "typing inserts text");
    type(&p, "<C-w>");
    is_str(buf_str(&p.text), "tariffs ", "ctrl-w deletes the word before the cursor");
    type(&p, "<Home>x<End>y");
    is_str(buf_str(&p.text), "xtariffs y", "home and end move the cursor");
    type(&p, "<Left><Left><C-u>");
    is_str(buf_str(&p.text), " y", "ctrl-u deletes to the start");
    type(&p, "<Right><Backspace>");
    is_str(buf_str(&p.text), "y", "backspace deletes before the cursor");
    prompt_start(&p, "\xe4\xb8\xad\xe6\x96\x87");
    is_int(prompt_cursor_col(&p), 4, "cursor column counts wide characters twice");
    type(&p, "<Left><Backspace>");
    is_str(buf_str(&p.text), "\xe6\x96\x87", "editing never splits a UTF-8 character");
    is_int(prompt_key(&p, '\n'), PROMPT_ACCEPT, "Enter accepts");
    is_int(prompt_key(&p, 27), PROMPT_CANCEL, "Esc cancels");

    prompt_history_add(&p, "first");
    prompt_history_add(&p, "second");
    prompt_history_add(&p, "second");
    is_int(p.nhistory, 2, "repeated history entries are kept once");
    prompt_start(&p, "draft");
    type(&p, "<Up>");
    is_str(buf_str(&p.text), "second", "up recalls the last query");
    type(&p, "<Up><Up>");
    is_str(buf_str(&p.text), "first", "up stops at the oldest");
    type(&p, "<Down><Down>");
    is_str(buf_str(&p.text), "draft", "down returns to the line being edited");

    char path[] = "/tmp/dossier-test-history.XXXXXX";
    int fd = mkstemp(path);
    ok(fd >= 0, "temporary history file");
    if (fd >= 0)
        close(fd);
    is_int(prompt_history_save(&p, path), 0, "history saves");
    struct prompt q;
    prompt_init(&q);
    prompt_history_load(&q, path);
    is_int(q.nhistory, 2, "history loads back");
    is_str(q.nhistory == 2 ? q.history[1] : NULL, "second", "in order");
    remove(path);
    prompt_free(&q);
    prompt_free(&p);
}

static void
test_script(void)
{
    char path[] = "/tmp/dossier-test-script.XXXXXX";
    int fd = mkstemp(path);
    const char *text = "# comment\n\njk<Down>\n:type a b\n<Resize 100x30>\n:dump out.txt\n"
                       ":bogus\n:dump-attrs a.txt\n:dump-roles r.txt\n:quit\n";
    ok(fd >= 0 && write(fd, text, strlen(text)) == (ssize_t)strlen(text), "script written");
    if (fd >= 0)
        close(fd);
    struct script *sc = NULL;
    struct ds_error err;
    is_int(script_open(path, &sc, &err), 0, "script opens");
    struct script_event ev;
    int keys[8], nk = 0;
    while (nk < 7 && script_next(sc, &ev, &err) == 0 && ev.kind == SCRIPT_KEY)
        keys[nk++] = ev.key;
    is_int(nk, 7, "seven keys before the dump (j k Down a space b resize)");
    is_int(keys[0], 'j', "literal key");
    is_str(keymap_key_name(keys[2]), "<Down>", "named key");
    is_int(keys[4], ' ', ":type sends spaces as keys");
    is_int(keys[6], TK_RESIZE_SCRIPT, "resize event");
    ok(script_next(sc, &ev, &err) == 0 && ev.kind == SCRIPT_DUMP, "dump command");
    is_str(ev.path, "out.txt", "dump path");
    is_int(script_next(sc, &ev, &err), -1, "unknown command is an error");
    ok(strstr(err.msg, "script:7") != NULL, "error names the line");
    ok(script_next(sc, &ev, &err) == 0 && ev.kind == SCRIPT_DUMP_ATTRS, "dump-attrs command");
    is_str(ev.path, "a.txt", "dump-attrs path");
    ok(script_next(sc, &ev, &err) == 0 && ev.kind == SCRIPT_DUMP_ROLES, "dump-roles command");
    ok(script_next(sc, &ev, &err) == 0 && ev.kind == SCRIPT_QUIT, "quit command");
    script_free(&sc);
    remove(path);
}

int
main(void)
{
    test_words();
    test_paragraphs();
    test_bullets();
    test_cjk();
    test_controls();
    test_mark();
    test_keys();
    test_prompt();
    test_script();
    return done_testing();
}
