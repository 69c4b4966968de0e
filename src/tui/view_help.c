/*
 * view_help.c — the `?` screen, generated from the action table in tui.h
 * and the current bindings (so keys bound in the config show up), then the
 * query language in brief.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <stdio.h>
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

static size_t
help_count(struct app *app, struct pane *p)
{
    (void)app;
    (void)p;
    return 2 + (ACT_COUNT_ - 1) + DS_ARRAY_LEN(help_tail);
}

static void
help_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)app;
    (void)p;
    (void)sel;
    if (i == 0) {
        draw_text(y, x, w, "Keys (q or ? closes this screen)", ROLE_TITLE, true);
        return;
    }
    if (i == 1) {
        draw_text(y, x, w, "", ROLE_NORMAL, true);
        return;
    }
    size_t a = i - 2 + 1; /* skip ACT_NONE */
    if (a < ACT_COUNT_) {
        struct buf keys = BUF_INIT;
        keymap_keys_for((int)a, &keys);
        int kw = w >= 70 ? 22 : 14, nw = w >= 70 ? 20 : 0;
        int used = draw_text(y, x, kw, buf_str(&keys), ROLE_MARK, true);
        if (nw)
            used += draw_text(y, x + used, nw, keymap_action_name((int)a), ROLE_META, true);
        draw_text(y, x + used, w - used, keymap_action_help((int)a), ROLE_NORMAL, true);
        buf_free(&keys);
        return;
    }
    size_t t = a - ACT_COUNT_;
    if (t < DS_ARRAY_LEN(help_tail))
        draw_text(y, x, w, help_tail[t], t == 1 || t == 6 ? ROLE_TITLE : ROLE_NORMAL, true);
}

const struct view_ops view_help_ops = {
    .title = "Help",
    .selectable = false,
    .count = help_count,
    .draw_line = help_draw_line,
};
