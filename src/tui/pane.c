/*
 * pane.c — what every pane shares: scrolling and moving the selection
 * (pane_move), keeping them in range, the title bar and the visible lines
 * (pane_draw), the mouse; and the full-screen views' one pane (help,
 * compare, statistics, keyword in context).
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>

#include "tui.h"

static size_t
pane_count(struct app *app, struct pane *p)
{
    return p->ops->count(app, p);
}

size_t
pane_page(const struct pane *p)
{
    return p->h > 1 ? (size_t)p->h - 1 : 1;
}

void
pane_clamp(struct app *app, struct pane *p)
{
    size_t n = pane_count(app, p), page = pane_page(p);
    if (p->ops->selectable) {
        if (p->sel >= n)
            p->sel = n ? n - 1 : 0;
        if (p->sel < p->top)
            p->top = p->sel;
        if (p->sel >= p->top + page)
            p->top = p->sel - page + 1;
    }
    size_t maxtop = n > page ? n - page : 0;
    if (p->top > maxtop)
        p->top = maxtop;
}

bool
pane_move(struct app *app, struct pane *p, int action)
{
    size_t n = pane_count(app, p), page = pane_page(p);
    long delta;
    switch (action) {
    case ACT_DOWN:
        delta = 1;
        break;
    case ACT_UP:
        delta = -1;
        break;
    case ACT_PAGE_DOWN:
        delta = (long)page;
        break;
    case ACT_PAGE_UP:
        delta = -(long)page;
        break;
    case ACT_HALF_DOWN:
        delta = (long)(page / 2 ? page / 2 : 1);
        break;
    case ACT_HALF_UP:
        delta = -(long)(page / 2 ? page / 2 : 1);
        break;
    case ACT_FIRST:
        delta = -(long)(n + 1);
        break;
    case ACT_LAST:
        delta = (long)(n + 1);
        break;
    default:
        return false;
    }
    if (p->ops->selectable) {
        long s = (long)p->sel + delta;
        if (s >= (long)n)
            s = n ? (long)n - 1 : 0;
        if (s < 0)
            s = 0;
        bool changed = (size_t)s != p->sel;
        p->sel = (size_t)s;
        if ((action == ACT_PAGE_DOWN || action == ACT_PAGE_UP) && changed) {
            long t = (long)p->top + delta;
            p->top = t < 0 ? 0 : (size_t)t;
        }
        pane_clamp(app, p);
        if (changed && p->ops->selected)
            p->ops->selected(app, p);
    } else {
        long t = (long)p->top + delta;
        p->top = t < 0 ? 0 : (size_t)t;
        pane_clamp(app, p);
    }
    return true;
}

void
pane_draw(struct app *app, struct pane *p, bool focused)
{
    if (p->h <= 0 || p->w <= 0)
        return;
    pane_clamp(app, p);
    struct buf t = BUF_INIT;
    buf_printf(&t, focused ? "[%s]" : " %s ", p->ops->title);
    if (p->ops->title_extra) {
        buf_puts(&t, " ");
        p->ops->title_extra(app, p, &t);
    }
    draw_text(p->y, p->x, p->w, t.data, focused ? ROLE_PANE_FOCUS : ROLE_PANE_TITLE, true);
    buf_free(&t);
    size_t n = pane_count(app, p);
    for (int r = 0; r < p->h - 1; r++) {
        size_t i = p->top + (size_t)r;
        int y = p->y + 1 + r;
        if (i < n)
            p->ops->draw_line(app, p, i, y, p->x, p->w, p->ops->selectable && i == p->sel);
        else
            draw_text(y, p->x, p->w, "", ROLE_NORMAL, true);
    }
}

bool
pane_mouse(struct app *app, struct pane *p, int y, int x, unsigned long bstate)
{
    (void)x;
    if (bstate & BUTTON4_PRESSED) {
        for (int i = 0; i < 3; i++)
            pane_move(app, p, ACT_UP);
        return false;
    }
    if (bstate & BUTTON5_PRESSED) {
        for (int i = 0; i < 3; i++)
            pane_move(app, p, ACT_DOWN);
        return false;
    }
    if (!(bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)))
        return false;
    if (y > p->y && p->ops->selectable) {
        size_t i = p->top + (size_t)(y - p->y - 1);
        if (i < pane_count(app, p) && i != p->sel) {
            p->sel = i;
            if (p->ops->selected)
                p->ops->selected(app, p);
        }
    }
    return true;
}

/* ---- full-screen views: one pane over the screen ---------------------------------------- */

void
pane_full_layout(struct app *app, struct view *v, int rows, int cols)
{
    (void)app;
    v->pane.y = v->pane.x = 0;
    v->pane.h = rows;
    v->pane.w = cols;
}

void
pane_full_draw(struct app *app, struct view *v)
{
    pane_draw(app, &v->pane, true);
}

bool
pane_full_key(struct app *app, struct view *v, int key, int action, int close_action)
{
    if (action == ACT_QUIT || key == 27 || (close_action != ACT_NONE && action == close_action)) {
        app_view_pop(app);
        return true;
    }
    /* the main view's keys that work over this one */
    if (action == ACT_QUIT_NOW || action == ACT_HELP || action == ACT_EXPORT ||
        action == ACT_KWIC || action == ACT_SEARCH || action == ACT_STATS)
        return false;
    struct pane *p = &v->pane;
    if (!p->ops->action(app, p, action))
        pane_move(app, p, action);
    return true;
}

