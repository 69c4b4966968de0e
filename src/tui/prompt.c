/*
 * prompt.c — the one-line editor used by the query prompt and find: cursor
 * movement by character (left/right, home/end, ctrl-a/e), deletion
 * (backspace, delete, ctrl-w word, ctrl-u to start, ctrl-k to end) and a
 * history browsed with up/down and kept in a file. No curses calls: keys
 * arrive as TK_FN | KEY_* codes; the caller draws.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "tui.h"

#define PROMPT_HISTORY_MAX 200

void
prompt_init(struct prompt *p)
{
    memset(p, 0, sizeof(*p));
}

void
prompt_free(struct prompt *p)
{
    buf_free(&p->text);
    for (size_t i = 0; i < p->nhistory; i++)
        free(p->history[i]);
    free(p->history);
    free(p->saved);
    memset(p, 0, sizeof(*p));
}

static void
set_text(struct prompt *p, const char *s)
{
    buf_reset(&p->text);
    buf_puts(&p->text, s ? s : "");
    p->cursor = p->text.len;
}

void
prompt_start(struct prompt *p, const char *initial)
{
    set_text(p, initial);
    p->hpos = p->nhistory;
    ds_freep(&p->saved);
}

static size_t
prev_char(const struct prompt *p, size_t i)
{
    while (i > 0) {
        i--;
        if ((p->text.data[i] & 0xC0) != 0x80)
            break;
    }
    return i;
}

static size_t
next_char(const struct prompt *p, size_t i)
{
    if (i >= p->text.len)
        return p->text.len;
    i++;
    while (i < p->text.len && (p->text.data[i] & 0xC0) == 0x80)
        i++;
    return i;
}

static void
erase_range(struct prompt *p, size_t a, size_t b)
{
    if (b <= a)
        return;
    memmove(p->text.data + a, p->text.data + b, p->text.len - b + 1);
    p->text.len -= b - a;
    p->cursor = a;
}

/* Cursor movement (left, right, home, end and their ctrl keys); -1 when key
 * is not one. */
static int
move_key(struct prompt *p, int key)
{
    size_t c = p->cursor;
    switch (key) {
    case TK_FN | KEY_LEFT:
    case 2: /* ctrl-b */
        p->cursor = prev_char(p, c);
        return PROMPT_EDITING;
    case TK_FN | KEY_RIGHT:
    case 6: /* ctrl-f */
        p->cursor = next_char(p, c);
        return PROMPT_EDITING;
    case TK_FN | KEY_HOME:
    case 1: /* ctrl-a */
        p->cursor = 0;
        return PROMPT_EDITING;
    case TK_FN | KEY_END:
    case 5: /* ctrl-e */
        p->cursor = p->text.len;
        return PROMPT_EDITING;
    default:
        return -1;
    }
}

/* Deletion (backspace, delete, ctrl-w word, ctrl-u to start, ctrl-k to
 * end); -1 when key is not one. */
static int
delete_key(struct prompt *p, int key)
{
    size_t c = p->cursor, a = c;
    switch (key) {
    case TK_FN | KEY_BACKSPACE:
    case 127:
    case 8:
        if (c == 0)
            return PROMPT_EDITING;
        erase_range(p, prev_char(p, c), c);
        return PROMPT_CHANGED;
    case TK_FN | KEY_DC:
    case 4: /* ctrl-d */
        if (c >= p->text.len)
            return PROMPT_EDITING;
        erase_range(p, c, next_char(p, c));
        return PROMPT_CHANGED;
    case 23: /* ctrl-w: the word before the cursor */
        while (a > 0 && p->text.data[a - 1] == ' ')
            a--;
        while (a > 0 && p->text.data[a - 1] != ' ')
            a--;
        if (a == c)
            return PROMPT_EDITING;
        erase_range(p, a, c);
        return PROMPT_CHANGED;
    case 21: /* ctrl-u */
        if (c == 0)
            return PROMPT_EDITING;
        erase_range(p, 0, c);
        return PROMPT_CHANGED;
    case 11: /* ctrl-k */
        if (c >= p->text.len)
            return PROMPT_EDITING;
        erase_range(p, c, p->text.len);
        return PROMPT_CHANGED;
    default:
        return -1;
    }
}

/* The history: up (ctrl-p) to older lines, down (ctrl-n) back to the line
 * being edited; -1 when key is not one. */
static int
history_key(struct prompt *p, int key)
{
    switch (key) {
    case TK_FN | KEY_UP:
    case 16: /* ctrl-p */
        if (p->hpos == 0)
            return PROMPT_EDITING;
        if (p->hpos == p->nhistory) {
            free(p->saved);
            p->saved = xstrdup(buf_str(&p->text));
        }
        p->hpos--;
        set_text(p, p->history[p->hpos]);
        return PROMPT_CHANGED;
    case TK_FN | KEY_DOWN:
    case 14: /* ctrl-n */
        if (p->hpos >= p->nhistory)
            return PROMPT_EDITING;
        p->hpos++;
        set_text(p, p->hpos == p->nhistory ? p->saved : p->history[p->hpos]);
        return PROMPT_CHANGED;
    default:
        return -1;
    }
}

enum prompt_result
prompt_key(struct prompt *p, int key)
{
    if (!p->text.data)
        buf_puts(&p->text, "");
    if (key == '\n' || key == '\r')
        return PROMPT_ACCEPT;
    if (key == 27 || key == 7) /* Esc, ctrl-g */
        return PROMPT_CANCEL;
    int r = move_key(p, key);
    if (r < 0)
        r = delete_key(p, key);
    if (r < 0)
        r = history_key(p, key);
    if (r >= 0)
        return (enum prompt_result)r;
    if ((key & TK_FN) || key < 0x20 || key == 0x7f || key > 0x10FFFF)
        return PROMPT_EDITING;
    size_t c = p->cursor;
    char u[4];
    int n = utf8_encode((uint32_t)key, u);
    buf_reserve(&p->text, (size_t)n);
    memmove(p->text.data + c + n, p->text.data + c, p->text.len - c + 1);
    memcpy(p->text.data + c, u, (size_t)n);
    p->text.len += (size_t)n;
    p->cursor = c + (size_t)n;
    return PROMPT_CHANGED;
}

void
prompt_history_add(struct prompt *p, const char *line)
{
    if (!line || !*line)
        return;
    if (p->nhistory > 0 && strcmp(p->history[p->nhistory - 1], line) == 0)
        return;
    if (p->nhistory == PROMPT_HISTORY_MAX) {
        free(p->history[0]);
        memmove(p->history, p->history + 1, (p->nhistory - 1) * sizeof(char *));
        p->nhistory--;
    }
    p->history = xrealloc(p->history, (p->nhistory + 1) * sizeof(char *));
    p->history[p->nhistory++] = xstrdup(line);
    p->hpos = p->nhistory;
}

void
prompt_history_load(struct prompt *p, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        /* never keep control characters: the line is drawn later */
        bool clean = true;
        for (ssize_t i = 0; i < n; i++)
            if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
                clean = false;
        if (clean)
            prompt_history_add(p, line);
    }
    free(line);
    fclose(f);
}

int
prompt_history_save(const struct prompt *p, const char *path)
{
    char *tmp = xasprintf("%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        free(tmp);
        return -1;
    }
    for (size_t i = 0; i < p->nhistory; i++)
        fprintf(f, "%s\n", p->history[i]);
    int rc = fclose(f) == 0 && rename(tmp, path) == 0 ? 0 : -1;
    if (rc < 0)
        remove(tmp);
    free(tmp);
    return rc;
}

size_t
prompt_cursor_col(const struct prompt *p)
{
    return layout_width(buf_str(&p->text), p->cursor);
}
