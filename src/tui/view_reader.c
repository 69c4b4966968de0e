/*
 * view_reader.c — the article: title, outlet, date and byline above the
 * cleaned body, wrapped to the pane (app_reader_layout builds the lines and
 * their highlight spans). Scrolls by line and page; no selection.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include "tui.h"

static size_t
reader_count(struct app *app, struct pane *p)
{
    if (app->rwidth != p->w && p->w > 0)
        app_reader_layout(app, p->w);
    return app->rlines.n;
}

static void
reader_title(struct app *app, struct pane *p, struct buf *out)
{
    size_t n = app->rlines.n;
    if (!app->doc_id) {
        buf_puts(out, "(no article)");
        return;
    }
    size_t page = p->h > 1 ? (size_t)p->h - 1 : 1;
    size_t last = p->top + page < n ? p->top + page : n;
    buf_printf(out, "#%lld  lines %zu-%zu of %zu", (long long)app->doc_id, n ? p->top + 1 : 0, last,
               n);
    if (app->find)
        buf_printf(out, "  find \"%s\" %zu/%zu", app->find, app->nfinds ? app->find_cur + 1 : 0,
                   app->nfinds);
    if (app->bookmarked)
        buf_puts(out, "  [bookmark]");
    if (app->cmp_mark && app->cmp_mark == app->doc_id)
        buf_puts(out, "  [compare A]");
}

static void
reader_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)p;
    (void)sel;
    draw_tline(y, x, w, &app->rlines.v[i], -1);
}

static bool
reader_action(struct app *app, struct pane *p, int action)
{
    (void)p;
    if (action == ACT_ENTER) {
        app->focus = PANE_LIST;
        return true;
    }
    return false;
}

const struct view_ops view_reader_ops = {
    .title = "Article",
    .selectable = false,
    .count = reader_count,
    .title_extra = reader_title,
    .draw_line = reader_draw_line,
    .action = reader_action,
};
