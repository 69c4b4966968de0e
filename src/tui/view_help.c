/*
 * view_help.c — the `?` screen, generated from the action table in tui.h
 * and the current bindings (so keys bound in the config show up), then the
 * query language in brief. Laid out as a line model for the screen width:
 * keys, action name, and the help text wrapped under itself.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

static const char *const help_tail[] = {
    "",
    "Query language (s or :)",
    "  words \"a phrase\" prefix* -word  a OR b  NOT c  ( )",
    "  topic:SLUG source:\"Outlet\" entity:NAME person: org: country: tag:bookmark",
    "  after:2021-01-01 before:2022 year:2021 has:figures",
    "",
    "Config: $XDG_CONFIG_HOME/dossier/config",
    "  bind KEY ACTION        e.g. bind <C-n> move-down",
    "  color ROLE FG BG [ATTRS]  e.g. color hit black yellow bold",
};

/* Append s padded with spaces to cols display columns (cut if longer). */
static void
put_padded(struct buf *b, const char *s, size_t cols)
{
    size_t n = strlen(s), w = layout_width(s, n);
    if (w > cols) {
        n = 0;
        w = 0;
        while (s[n] && w < cols) { /* ASCII key and action names */
            n++;
            w++;
        }
    }
    buf_append(b, s, n);
    for (; w < cols; w++)
        buf_putc(b, ' ');
}

/* The help screen's lines, laid out for width. */
struct help_state {
    struct tlines lines;
    int width;
};

static struct help_state *
help_state(struct app *app)
{
    struct view *v = app_view(app, VIEW_HELP);
    if (!v->state) {
        struct help_state *hs = xcalloc(1, sizeof *hs);
        tlines_init(&hs->lines);
        v->state = hs;
    }
    return v->state;
}

static void
help_layout(struct help_state *hs, int w)
{
    struct tlines *ls = &hs->lines;
    tlines_clear(ls);
    hs->width = w;
    tlines_add(ls, "Keys (q or ? closes this screen)", 32, ROLE_TITLE);
    tlines_add(ls, "", 0, ROLE_NORMAL);
    int kw = w >= 70 ? 22 : 14, nw = w >= 70 ? 20 : 0;
    struct buf keys = BUF_INIT, line = BUF_INIT;
    for (int a = 1; a < ACT_COUNT_; a++) {
        buf_reset(&keys);
        buf_reset(&line);
        keymap_keys_for(a, &keys);
        put_padded(&line, buf_str(&keys), (size_t)kw - 1);
        buf_putc(&line, ' ');
        size_t name_at = line.len;
        if (nw) {
            put_padded(&line, keymap_action_name(a), (size_t)nw - 1);
            buf_putc(&line, ' ');
        }
        size_t text_at = line.len;
        const char *help = keymap_action_help(a);
        struct tlines wrapped;
        tlines_init(&wrapped);
        layout_wrap(help, strlen(help), w - kw - nw, 0, ROLE_NORMAL, &wrapped);
        for (size_t i = 0; i < wrapped.n; i++) {
            if (i == 0) {
                buf_append(&line, wrapped.v[0].text, wrapped.v[0].len);
                struct tline *l = tlines_add(ls, line.data, line.len, ROLE_NORMAL);
                tline_add_span(l, 0, (uint32_t)name_at, ROLE_MARK);
                tline_add_span(l, (uint32_t)name_at, (uint32_t)text_at, ROLE_META);
            } else {
                struct tline *l = tlines_add(ls, wrapped.v[i].text, wrapped.v[i].len, ROLE_NORMAL);
                l->indent = kw + nw;
            }
        }
        if (wrapped.n == 0) {
            struct tline *l = tlines_add(ls, line.data, line.len, ROLE_NORMAL);
            tline_add_span(l, 0, (uint32_t)name_at, ROLE_MARK);
        }
        tlines_clear(&wrapped);
    }
    for (size_t t = 0; t < DS_ARRAY_LEN(help_tail); t++)
        layout_wrap(help_tail[t][0] ? help_tail[t] : " ",
                    strlen(help_tail[t][0] ? help_tail[t] : " "), w, -1,
                    t == 1 || t == 6 ? ROLE_TITLE : ROLE_NORMAL, ls);
    buf_free(&keys);
    buf_free(&line);
}

static size_t
help_count(struct app *app, struct pane *p)
{
    struct help_state *hs = help_state(app);
    if (hs->width != p->w && p->w > 0)
        help_layout(hs, p->w);
    return hs->lines.n;
}

static void
help_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)p;
    (void)sel;
    draw_tline(y, x, w, &help_state(app)->lines.v[i], -1);
}

static const struct pane_ops help_pane_ops = {
    .title = "Help",
    .selectable = false,
    .count = help_count,
    .draw_line = help_draw_line,
};

/* ---- the view ------------------------------------------------------------------------------ */

void
help_show(struct app *app, bool reset)
{
    struct view *v = app_view(app, VIEW_HELP);
    v->pane.ops = &help_pane_ops;
    if (reset)
        v->pane.top = 0;
    app_view_push(app, VIEW_HELP);
}

/* q, ? and Esc close it; it scrolls; every other key stays here. */
static bool
help_key(struct app *app, struct view *v, int key, int action)
{
    if (action == ACT_QUIT || action == ACT_HELP || key == 27)
        app_view_pop(app);
    else if (action == ACT_QUIT_NOW)
        app->quit = true;
    else
        pane_move(app, &v->pane, action);
    return true;
}

static void
help_free(struct app *app, struct view *v)
{
    (void)app;
    struct help_state *hs = v->state;
    if (!hs)
        return;
    tlines_clear(&hs->lines);
    free(hs);
    v->state = NULL;
}

const struct view_ops help_view_ops = {
    .name = "help",
    .small_ok = true,
    .layout = pane_full_layout,
    .draw = pane_full_draw,
    .hint = "j/k PgDn/PgUp scroll  q close help",
    .key = help_key,
    .free = help_free,
};
