/*
 * draw.c — the only module that writes characters to the terminal.
 *
 * Everything on screen goes through put_cell(), which
 *   - never writes a control character: C0/C1 controls (ESC, BEL, CR...)
 *     become a visible '?' in the "control" role, a tab a space;
 *   - keeps combining marks with their base character and never splits a
 *     wide character at a pane edge;
 *   - mirrors each cell into a shadow grid, which :dump writes as plain text
 *     (wide characters once) or as role letters, for golden screen tests.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "dossier/utf8.h"
#include "tui.h"

struct cell {
    uint32_t cp;   /* 0 = right half of a wide character */
    uint32_t mark; /* one combining mark, or 0 */
    uint8_t role;
    char attr; /* what was sent: see DUMP_ATTRS */
};

static struct cell *grid;
static int grid_rows, grid_cols;
static bool ascii_only;

void
draw_set_ascii(bool ascii)
{
    ascii_only = ascii;
}

void
draw_resize(int rows, int cols)
{
    free(grid);
    grid_rows = rows > 0 ? rows : 0;
    grid_cols = cols > 0 ? cols : 0;
    grid = xcalloc((size_t)grid_rows * (size_t)grid_cols + 1, sizeof(*grid));
    draw_clear();
}

void
draw_clear(void)
{
    for (int i = 0; i < grid_rows * grid_cols; i++)
        grid[i] = (struct cell){' ', 0, ROLE_NORMAL, 'N'};
    erase();
}

/* Write one character (cp plus an optional combining mark) of width w (1 or
 * 2) at (y, x). */
static void
put_cell(int y, int x, uint32_t cp, uint32_t mark, int w, int role)
{
    if (y < 0 || y >= grid_rows || x < 0 || x + w > grid_cols)
        return;
    struct cell *c = &grid[y * grid_cols + x];
    /* overwriting half of a wide character: blank its other half */
    if (c->cp == 0 && x > 0)
        c[-1].cp = ' ';
    if (x + w < grid_cols && c[w].cp == 0)
        c[w].cp = ' ';
    unsigned long a = theme_attr(role);
    char letter = (a & A_REVERSE)     ? 'R'
                  : (a & A_BOLD)      ? 'B'
                  : (a & A_UNDERLINE) ? 'U'
                  : (a & A_DIM)       ? 'D'
                                      : 'N';
    if (PAIR_NUMBER(a) != 0)
        letter = (char)(letter - 'A' + 'a');
    c->cp = cp;
    c->mark = mark;
    c->role = (uint8_t)role;
    c->attr = letter;
    if (w == 2) {
        c[1].cp = 0;
        c[1].mark = 0;
        c[1].role = (uint8_t)role;
        c[1].attr = letter;
    }
    wchar_t wcs[3] = {(wchar_t)cp, 0, 0};
    if (mark)
        wcs[1] = (wchar_t)mark;
    cchar_t cc;
    setcchar(&cc, wcs, (attr_t)(a & ~A_COLOR), (short)PAIR_NUMBER(a), NULL);
    mvadd_wch(y, x, &cc);
}

/* Draw s[0..n) from column x, not past maxx; returns the next column. */
static int
put_run(int y, int x, int maxx, const char *s, size_t n, int role)
{
    size_t i = 0;
    while (i < n && x < maxx) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        int w = utf8_cp_width(cp);
        int r = role;
        if (w < 0) {
            cp = cp == '\t' ? ' ' : '?';
            r = cp == ' ' ? role : ROLE_CONTROL;
            w = 1;
        }
        if (w == 0)
            continue; /* a stray combining mark with nothing before it */
        uint32_t mark = 0;
        while (i < n) { /* keep following combining marks with their base */
            uint32_t m;
            int k = utf8_decode(s + i, n - i, &m);
            if (utf8_cp_width(m) != 0)
                break;
            if (!mark)
                mark = m;
            i += (size_t)k;
        }
        if (ascii_only && cp >= 0x80) {
            for (int j = 0; j < w && x < maxx; j++)
                put_cell(y, x++, '?', 0, 1, r);
            continue;
        }
        if (x + w > maxx) {
            put_cell(y, x++, ' ', 0, 1, role); /* wide char does not fit: never split it */
            break;
        }
        put_cell(y, x, cp, ascii_only ? 0 : mark, w, r);
        x += w;
    }
    return x;
}

static void
pad(int y, int x, int maxx, int role)
{
    for (; x < maxx; x++)
        put_cell(y, x, ' ', 0, 1, role);
}

int
draw_text(int y, int x, int width, const char *s, int role, bool padded)
{
    int maxx = x + width;
    int e = put_run(y, x, maxx, s ? s : "", s ? strlen(s) : 0, role);
    if (!padded)
        return e - x;
    pad(y, e, maxx, role);
    return width > 0 ? width : 0;
}

int
draw_text_fit(int y, int x, int width, const char *s, int role)
{
    if (width <= 0)
        return 0;
    s = s ? s : "";
    size_t n = strlen(s);
    if (layout_width(s, n) <= (size_t)width || width < 2)
        return draw_text(y, x, width, s, role, true);
    /* the prefix that leaves one column for the ellipsis (controls count 1, as drawn) */
    size_t i = 0, cols = 0;
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        size_t w = (size_t)layout_cp_width(cp);
        if (cols + w > (size_t)width - 1)
            break;
        cols += w;
        i += (size_t)k;
    }
    int e = put_run(y, x, x + width - 1, s, i, role);
    put_cell(y, e, ascii_only ? '~' : 0x2026, 0, 1, role);
    pad(y, e + 1, x + width, role);
    return width;
}

void
draw_tline(int y, int x, int width, const struct tline *l, int override_role)
{
    int base = override_role >= 0 ? override_role : l->base_role;
    int maxx = x + width;
    int cx = x;
    for (int i = 0; i < l->indent && cx < maxx; i++)
        put_cell(y, cx++, ' ', 0, 1, base);
    size_t i = 0;
    while (i < l->len && cx < maxx) {
        /* role at i: the last span covering it wins */
        int role = base;
        size_t next = l->len;
        for (size_t k = 0; k < l->nspans; k++) {
            const struct tspan *sp = &l->spans[k];
            if (sp->start <= i && i < sp->end) {
                role = sp->role;
                if (sp->end < next)
                    next = sp->end;
            } else if (sp->start > i && sp->start < next) {
                next = sp->start;
            }
        }
        /* never split a character, nor its combining marks, between two runs */
        while (next < l->len && (l->text[next] & 0xC0) == 0x80)
            next++;
        while (next < l->len) {
            uint32_t cp;
            int k = utf8_decode(l->text + next, l->len - next, &cp);
            if (utf8_cp_width(cp) != 0)
                break;
            next += (size_t)k;
        }
        cx = put_run(y, cx, maxx, l->text + i, next - i, role);
        i = next;
    }
    pad(y, cx, maxx, base);
}

void
draw_vline(int y, int x, int h)
{
    for (int i = 0; i < h; i++)
        put_cell(y + i, x, ascii_only ? '|' : 0x2502, 0, 1, ROLE_SEPARATOR);
}

void
draw_cursor(int y, int x)
{
    if (y < 0) {
        curs_set(0);
        return;
    }
    move(y, x);
    curs_set(1);
}

void
draw_flush(void)
{
    refresh();
}

int
draw_dump(const char *path, enum draw_dump_kind kind, struct ds_error *err)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        ds_error_set(err, -1, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    struct buf line = BUF_INIT;
    for (int y = 0; y < grid_rows; y++) {
        buf_reset(&line);
        for (int x = 0; x < grid_cols; x++) {
            const struct cell *c = &grid[y * grid_cols + x];
            if (kind == DUMP_ROLES) {
                buf_putc(&line, theme_role_char(c->role));
                continue;
            }
            if (kind == DUMP_ATTRS) {
                buf_putc(&line, c->attr);
                continue;
            }
            if (c->cp == 0)
                continue;
            char u[8];
            buf_append(&line, u, (size_t)utf8_encode(c->cp, u));
            if (c->mark)
                buf_append(&line, u, (size_t)utf8_encode(c->mark, u));
        }
        size_t n = line.len;
        char trail = kind == DUMP_ROLES ? '.' : kind == DUMP_ATTRS ? 'N' : ' ';
        while (n > 0 && line.data[n - 1] == trail)
            n--;
        fwrite(line.data ? line.data : "", 1, n, f);
        fputc('\n', f);
    }
    buf_free(&line);
    if (fclose(f) != 0) {
        ds_error_set(err, -1, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}
