/*
 * app.c — the browser: command line, terminal set-up and restoration, the
 * query and its result set, pane geometry, the event loop and the status
 * line. Views (view_*.c) draw pane contents; draw.c writes the characters.
 *
 * The terminal is always restored: on normal exit, on SIGINT, SIGTERM,
 * SIGHUP and SIGQUIT (the handler only sets a flag; the loop polls it) and on fatal errors (the
 * ds_fatal hook calls endwin() before the message is printed).
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../cli/cli.h" /* cli_global_db: `dossier --db PATH` before the command */
#include "dossier/utf8.h"
#include "tui.h"
#include "view_stats.h"

#define MIN_COLS 40
#define MIN_ROWS 10

static volatile sig_atomic_t got_signal;
/* Signals that end the browser after the terminal is restored. */
static const int end_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static bool curses_active;
static SCREEN *screen;
static FILE *null_out, *null_in;

static void
on_signal(int sig)
{
    got_signal = sig;
}

/* Restore the terminal (idempotent; safe from the fatal hook). */
static void
restore_terminal(void)
{
    if (curses_active) {
        endwin();
        curses_active = false;
    }
}

void
app_message(struct app *app, int role, const char *fmt, ...)
{
    va_list ap;
    buf_reset(&app->msg);
    va_start(ap, fmt);
    buf_vprintf(&app->msg, fmt, ap);
    va_end(ap);
    app->msg_role = role;
}

/* ---- the query and its results ---------------------------------------------------- */

static const struct query *
effective_query(const struct app *app)
{
    return app->effective ? app->effective : app->query;
}

const struct query *
app_query(const struct app *app)
{
    return effective_query(app);
}

static void
window_clear(struct app *app)
{
    for (size_t i = 0; i < app->win_n; i++)
        result_row_clear(&app->win[i]);
    app->win_n = 0;
    app->win_valid = false;
}

const struct result_row *
app_row(struct app *app, size_t pos)
{
    if (!app->rs || pos >= result_set_count(app->rs))
        return NULL;
    if (app->win_valid && pos >= app->win_pos && pos < app->win_pos + app->win_n)
        return &app->win[pos - app->win_pos];
    /* fetch only what the list shows: the visible window around pos */
    struct pane *lp = &app->panes[PANE_LIST];
    size_t page = lp->h > 1 ? (size_t)lp->h - 1 : 1;
    size_t start = pos >= lp->top && pos < lp->top + page ? lp->top : pos;
    window_clear(app);
    if (app->win_cap < page) {
        app->win = xrealloc(app->win, page * sizeof(*app->win));
        app->win_marked = xrealloc(app->win_marked, page * sizeof(*app->win_marked));
        app->win_cap = page;
    }
    memset(app->win, 0, page * sizeof(*app->win));
    struct ds_error err;
    ds_error_clear(&err);
    int n = result_set_fetch(app->rs, start, page, app->win, &err);
    if (n < 0) {
        app_message(app, ROLE_ERROR, "%s", err.msg);
        return NULL;
    }
    app->win_pos = start;
    app->win_n = (size_t)n;
    app->win_valid = true;
    for (size_t i = 0; i < app->win_n; i++)
        app->win_marked[i] = store_tag_has(app->store, app->win[i].id, "bookmark", &err) == 1;
    return pos - start < app->win_n ? &app->win[pos - start] : NULL;
}

bool
app_row_marked(const struct app *app, size_t pos)
{
    return app->win_valid && pos >= app->win_pos && pos < app->win_pos + app->win_n &&
           app->win_marked[pos - app->win_pos];
}

static int key_waiting(void *ud);

/* store_search() that a key press stops (a query with many prefixes can
 * take seconds): then -1 with "search stopped by a key". */
static int
app_search(struct app *app, const struct query *q, struct result_set **rs, struct ds_error *err)
{
    store_set_interrupt(app->store, key_waiting, NULL);
    int rc = store_search(app->store, q, (enum store_sort)app->sort, rs, err);
    if (store_set_interrupt(app->store, NULL, NULL) && rc < 0)
        ds_error_set(err, -1, "search stopped by a key (Enter runs it again)");
    return rc;
}

/* Run the effective query; keep_doc: keep the selection on the same article
 * when it is still in the results. Returns 0 or -1 (message set, old
 * results kept). */
static int
app_run(struct app *app, bool keep_doc)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct query *eff = NULL;
    if (app->topic) {
        char *extra = xasprintf("topic:%s", app->topic);
        int rc = query_and(app->query, extra, &eff, &err);
        free(extra);
        if (rc < 0) {
            app_message(app, ROLE_ERROR, "%s", err.msg);
            return -1;
        }
    }
    struct result_set *rs = NULL;
    double t0 = ds_now();
    if (app->prompt_rs && app->query_text && strcmp(app->prompt_rs_text, app->query_text) == 0) {
        /* the prompt's count searched for this text already (in this order and
         * with this topic: neither changes while the prompt is open) */
        rs = app->prompt_rs;
        app->prompt_rs = NULL;
        t0 -= app->prompt_rs_ms / 1000.0; /* the status line shows what it cost */
    } else if (app_search(app, eff ? eff : app->query, &rs, &err) < 0) {
        query_free(&eff);
        app_message(app, ROLE_ERROR, "%s", err.msg);
        return -1;
    }
    app->query_ms = (ds_now() - t0) * 1000.0;
    if (!eff && app->query_text && !*app->query_text)
        app->all_count = (int64_t)result_set_count(rs);
    query_free(&app->effective);
    app->effective = eff;
    window_clear(app);
    result_set_free(&app->rs);
    app->rs = rs;

    app->topics_valid = false; /* the sidebar asks again when it is drawn */

    struct pane *lp = &app->panes[PANE_LIST];
    long pos = keep_doc && app->doc_id ? result_set_find(rs, app->doc_id) : -1;
    lp->sel = pos >= 0 ? (size_t)pos : 0;
    if (pos < 0)
        lp->top = 0;
    const struct result_row *r = app_row(app, lp->sel);
    /* reload even the same article: its hits depend on the query */
    app_load_doc(app, r ? r->id : 0);
    return 0;
}

void
app_topics_ensure(struct app *app)
{
    if (app->topics_valid || !app->rs)
        return;
    struct ds_error err;
    ds_error_clear(&err);
    /* counted over the list's own hits; with a topic chosen the sidebar
     * still shows the query's counts without it */
    struct result_set *base = NULL;
    if (app->effective && store_search(app->store, app->query, SORT_NONE, &base, &err) < 0)
        base = NULL;
    if (app->effective && !base && store_set_interrupt(app->store, NULL, NULL))
        return; /* a key came: the old counts stay, computed again when idle */
    struct result_set *of = app->effective ? base : app->rs;
    struct facet *topics = NULL;
    size_t ntopics = 0;
    if (of && result_set_topic_counts(of, 200, &topics, &ntopics, &err) < 0) {
        topics = NULL;
        ntopics = 0;
        if (store_set_interrupt(app->store, NULL, NULL)) {
            result_set_free(&base);
            return;
        }
    }
    facets_free(app->topics, app->ntopics);
    app->topics = topics;
    app->ntopics = ntopics;
    app->base_count = (int64_t)result_set_count(of ? of : app->rs);
    app->topics_valid = true;
    result_set_free(&base);
}

/* The corpus size for "42 of 5,120": at start and on refresh only. */
static void
update_total(struct app *app)
{
    struct ds_error err;
    struct store_stats st;
    memset(&st, 0, sizeof st);
    ds_error_clear(&err);
    if (store_stats(app->store, &st, &err) == 0)
        app->total_docs = st.documents;
    store_stats_clear(&st);
}

int
app_set_query(struct app *app, const char *text)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct query *q = NULL;
    if (query_parse(text, &q, &err) < 0) {
        app_message(app, ROLE_ERROR, "bad query: %s", err.msg);
        return -1;
    }
    struct query *old = app->query;
    char *old_text = app->query_text;
    app->query = q;
    app->query_text = xstrdup(text);
    if (app_run(app, false) < 0) {
        query_free(&app->query);
        free(app->query_text);
        app->query = old;
        app->query_text = old_text;
        return -1;
    }
    query_free(&old);
    free(old_text);
    return 0;
}

void
app_set_topic(struct app *app, const char *slug)
{
    char *old = app->topic;
    app->topic = slug ? xstrdup(slug) : NULL;
    if (app_run(app, false) < 0) {
        free(app->topic);
        app->topic = old;
        return;
    }
    free(old);
}

void
app_add_filter(struct app *app, const char *extra)
{
    const char *t = app->query_text ? app->query_text : "";
    char *text;
    if (!*t)
        text = xstrdup(extra);
    else if (strstr(t, " OR ") || strstr(t, " or "))
        text = xasprintf("(%s) %s", t, extra);
    else
        text = xasprintf("%s %s", t, extra);
    if (app_set_query(app, text) == 0)
        app_message(app, ROLE_STATUS, "filtered: %s", extra);
    free(text);
}

/* ---- the article in the reader ------------------------------------------------------- */

/* ---- panes: geometry, movement, drawing --------------------------------------------- */

static const struct view_ops *const pane_ops[PANE_COUNT_] = {
    &view_sidebar_ops, &view_list_ops, &view_reader_ops,
    &view_facts_ops,   &view_help_ops, &view_compare_ops,
    &view_stats_ops,   &view_kwic_ops,
};

static bool
too_small(const struct app *app)
{
    return app->cols < MIN_COLS || app->rows < MIN_ROWS;
}

static void
app_geometry(struct app *app)
{
    int R = app->rows - 1, C = app->cols;
    bool wide = C >= 120 && R >= 20;
    for (int i = 0; i < PANE_COUNT_; i++) {
        app->panes[i].h = app->panes[i].w = 0;
        if (!app->user_set[i])
            app->shown[i] = i == PANE_LIST || i == PANE_READER || wide;
    }
    app->shown[PANE_READER] = true;
    app->shown[PANE_HELP] = app->help;
    if (app->help) {
        app->panes[PANE_HELP] = (struct pane){.ops = &view_help_ops,
                                              .y = 0,
                                              .x = 0,
                                              .h = R,
                                              .w = C,
                                              .top = app->panes[PANE_HELP].top};
        return;
    }
    if (app->comparing) {
        app->panes[PANE_COMPARE].y = app->panes[PANE_COMPARE].x = 0;
        app->panes[PANE_COMPARE].h = R;
        app->panes[PANE_COMPARE].w = C;
        return;
    }
    if (app->stats || app->kwic) {
        struct pane *fp = &app->panes[app->stats ? PANE_STATS : PANE_KWIC];
        fp->y = fp->x = 0;
        fp->h = R;
        fp->w = C;
        return;
    }
    if (!app->shown[app->focus])
        app->focus = app->shown[PANE_LIST] ? PANE_LIST : PANE_READER;
    if (app->zoom) {
        struct pane *p = &app->panes[app->focus];
        p->y = p->x = 0;
        p->h = R;
        p->w = C;
        return;
    }
    int x0 = 0;
    if (app->shown[PANE_SIDEBAR]) {
        int sw = DS_MAX(12, DS_MIN(app->sidebar_w, C / 3));
        app->panes[PANE_SIDEBAR].y = 0;
        app->panes[PANE_SIDEBAR].x = 0;
        app->panes[PANE_SIDEBAR].h = R;
        app->panes[PANE_SIDEBAR].w = sw;
        x0 = sw + 1;
    }
    int rw = C - x0, y0 = 0;
    if (app->shown[PANE_LIST]) {
        int lh = app->list_h > 0 ? app->list_h : (wide ? R * 2 / 5 : R / 3 + 1);
        lh = DS_MAX(3, DS_MIN(lh, R - 4));
        app->panes[PANE_LIST].y = 0;
        app->panes[PANE_LIST].x = x0;
        app->panes[PANE_LIST].h = lh;
        app->panes[PANE_LIST].w = rw;
        y0 = lh;
    }
    int fw = 0;
    /* the reader keeps at least 24 columns: the facts pane yields first */
    if (app->shown[PANE_FACTS] && rw - DS_MAX(16, DS_MIN(app->facts_w, rw / 2)) - 1 >= 24) {
        fw = DS_MAX(16, DS_MIN(app->facts_w, rw / 2));
        app->panes[PANE_FACTS].y = y0;
        app->panes[PANE_FACTS].x = C - fw;
        app->panes[PANE_FACTS].h = R - y0;
        app->panes[PANE_FACTS].w = fw;
    }
    app->panes[PANE_READER].y = y0;
    app->panes[PANE_READER].x = x0;
    app->panes[PANE_READER].h = R - y0;
    app->panes[PANE_READER].w = fw ? rw - fw - 1 : rw;
    if (app->panes[app->focus].h <= 0) /* a pane with no room gives up the focus */
        app->focus = app->shown[PANE_LIST] ? PANE_LIST : PANE_READER;
}

static size_t
pane_count(struct app *app, struct pane *p)
{
    return p->ops->count(app, p);
}

static size_t
pane_page(const struct pane *p)
{
    return p->h > 1 ? (size_t)p->h - 1 : 1;
}

/* Keep the selection (or the top) inside the content and visible. */
static void
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

/* Generic movement; returns true when the action was a movement. */
static bool
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

static void
draw_pane(struct app *app, int id)
{
    struct pane *p = &app->panes[id];
    if (p->h <= 0 || p->w <= 0)
        return;
    if (id == PANE_READER && app->rwidth != p->w)
        app_reader_layout(app, p->w);
    pane_clamp(app, p);
    bool focused = id == app->focus || id >= PANE_HELP;
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

static void prompt_update_info(struct app *app);

static void
draw_status(struct app *app)
{
    int y = app->rows - 1, C = app->cols;
    if (app->prompting) {
        if (app->prompt_dirty) {
            prompt_update_info(app);
            app->prompt_dirty = false;
        }
        static const char *const labels[] = {"", "search: ", "find: ", "word in context: ",
                                             "export to: ", "compare sets (A vs B): "};
        const char *label = labels[app->prompting < 6 ? app->prompting : 0];
        int used = draw_text(y, 0, C, label, ROLE_PROMPT, false);
        int infow = 0;
        if (app->prompt_info) {
            infow = (int)layout_width(app->prompt_info, strlen(app->prompt_info)) + 2;
            if (infow > C / 2)
                infow = C / 2;
        }
        int textw = C - used - infow;
        /* scroll the text so the cursor stays visible */
        const char *s = buf_str(&app->prompt.text);
        size_t ccol = prompt_cursor_col(&app->prompt);
        size_t skip = 0;
        while (textw > 1 && ccol >= (size_t)textw - 1 && s[skip]) {
            uint32_t cp;
            int k = utf8_decode(s + skip, strlen(s + skip), &cp);
            ccol -= (size_t)layout_cp_width(cp);
            skip += (size_t)k;
        }
        draw_text(y, used, textw, s + skip, ROLE_NORMAL, true);
        if (infow)
            draw_text(y, C - infow, infow, app->prompt_info,
                      ds_str_starts_with(app->prompt_info, "bad") ? ROLE_ERROR : ROLE_DIM, true);
        draw_cursor(y, used + (int)ccol);
        return;
    }
    draw_cursor(-1, 0);
    char count[32], total[32];
    layout_thousands(app->rs ? (int64_t)result_set_count(app->rs) : 0, count, sizeof count);
    layout_thousands(app->total_docs, total, sizeof total);
    char right[96];
    snprintf(right, sizeof right, " %s of %s  %.0f ms ", count, total,
             app->script ? 0.0 : app->query_ms);
    int rw = (int)strlen(right);
    if (rw > C / 2 || (app->msg.len && (int)layout_width(app->msg.data, app->msg.len) > C - rw))
        rw = 0; /* a long message wins over the counts */
    if (app->msg.len) {
        draw_text(y, 0, C - rw, app->msg.data, app->msg_role, true);
    } else {
        struct buf left = BUF_INIT;
        const char *q = app->query_text && *app->query_text ? app->query_text : NULL;
        if (app->help) {
            buf_puts(&left, "j/k PgDn/PgUp scroll  q close help");
        } else if (app->comparing) {
            buf_puts(&left, "j/k scroll  n/N differences  u unlock  x swap  Enter read  q close");
        } else if (app->stats) {
            buf_puts(&left, "Enter filter/open  O figures order  e export  w word  q close");
        } else if (app->kwic) {
            buf_puts(&left, "Enter read  O sort left/right  e export  w new word  q close");
        } else if (q || app->topic) {
            if (q)
                buf_printf(&left, "query: %s", q);
            if (app->topic)
                buf_printf(&left, "%stopic:%s", q ? "  " : "", app->topic);
            buf_printf(&left, "  sort: %s", app->sort == SORT_DATE ? "date" : "relevance");
        } else {
            buf_puts(&left, "s search  t topics  f facts  / find  c compare  ? help  q quit");
        }
        draw_text(y, 0, C - rw, left.data, ROLE_STATUS, true);
        buf_free(&left);
    }
    if (rw)
        draw_text(y, C - rw, rw, right, ROLE_STATUS, true);
}

static void
app_draw(struct app *app)
{
    draw_clear();
    if (too_small(app)) {
        char m[96];
        snprintf(m, sizeof m, "%dx%d, need %dx%d", app->cols, app->rows, MIN_COLS, MIN_ROWS);
        draw_text(app->rows / 2 - 1, 0, app->cols, "Terminal too small", ROLE_ERROR, false);
        draw_text(app->rows / 2, 0, app->cols, m, ROLE_ERROR, false);
        draw_text(app->rows / 2 + 1, 0, app->cols, "q quits", ROLE_STATUS, false);
        draw_cursor(-1, 0);
        draw_flush();
        return;
    }
    app_geometry(app);
    if (app->help) {
        draw_pane(app, PANE_HELP);
    } else if (app->comparing) {
        draw_pane(app, PANE_COMPARE);
    } else if (app->stats || app->kwic) {
        draw_pane(app, app->stats ? PANE_STATS : PANE_KWIC);
    } else {
        for (int i = 0; i < PANE_HELP; i++)
            draw_pane(app, i);
        if (!app->zoom) {
            struct pane *sb = &app->panes[PANE_SIDEBAR], *fp = &app->panes[PANE_FACTS];
            if (sb->h > 0)
                draw_vline(0, sb->w, app->rows - 1);
            if (fp->h > 0)
                draw_vline(fp->y, fp->x - 1, fp->h);
        }
    }
    draw_status(app);
    draw_flush();
}

/* ---- actions ---------------------------------------------------------------------------- */

static void
focus_step(struct app *app, int dir)
{
    for (int k = 1; k <= PANE_HELP; k++) {
        int id = ((app->focus + dir * k) % PANE_HELP + PANE_HELP) % PANE_HELP;
        if (app->shown[id] && app->panes[id].h > 0) {
            app->focus = id;
            return;
        }
    }
}

/* A pane's key: show and focus it; hide it when it already has the focus. */
static void
toggle_pane(struct app *app, int id)
{
    app->zoom = false;
    if (app->shown[id] && app->focus != id) {
        app->focus = id;
        return;
    }
    app->shown[id] = !app->shown[id];
    app->user_set[id] = true;
    if (app->shown[id])
        app->focus = id;
}

static void
resize_focused(struct app *app, int dir)
{
    struct pane *lp = &app->panes[PANE_LIST];
    switch (app->focus) {
    case PANE_SIDEBAR:
        app->sidebar_w = app->panes[PANE_SIDEBAR].w + 4 * dir;
        break;
    case PANE_FACTS:
        app->facts_w = app->panes[PANE_FACTS].w + 4 * dir;
        break;
    case PANE_LIST:
        app->list_h = lp->h + 2 * dir;
        break;
    case PANE_READER:
        app->list_h = lp->h - 2 * dir;
        break;
    default:
        break;
    }
    if (app->list_h < 3 && app->list_h != 0)
        app->list_h = 3;
}

static void
open_in_pager(struct app *app)
{
    if (!app->doc_id || !app->doc.path) {
        app_message(app, ROLE_ERROR, "no article to open");
        return;
    }
    if (app->script) {
        app_message(app, ROLE_STATUS, "open: %s", app->doc.path);
        return;
    }
    const char *pager = getenv("PAGER");
    if (!pager || !*pager)
        pager = "less";
    /* split $PAGER on spaces (no shell: the path is passed as one argument) */
    char *copy = xstrdup(pager);
    char *argv[16];
    int argc = 0;
    char *save = NULL;
    for (char *t = strtok_r(copy, " \t", &save); t && argc < 14; t = strtok_r(NULL, " \t", &save))
        argv[argc++] = t;
    argv[argc++] = app->doc.path;
    argv[argc] = NULL;
    def_prog_mode();
    endwin();
    /* Ctrl-C in the pager is the pager's: the browser ignores it meanwhile */
    struct sigaction ign, old_int;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGINT, &ign, &old_int);
    pid_t pid = fork();
    if (pid == 0) {
        for (size_t i = 0; i < DS_ARRAY_LEN(end_signals); i++)
            signal(end_signals[i], SIG_DFL);
        execvp(argv[0], argv);
        fprintf(stderr, "dossier: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status = 0;
    if (pid > 0)
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    sigaction(SIGINT, &old_int, NULL);
    reset_prog_mode();
    refresh();
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127)
        app_message(app, ROLE_ERROR, "could not run the pager '%s'", pager);
    free(copy);
}

static void
toggle_bookmark(struct app *app)
{
    if (!app->doc_id)
        return;
    struct ds_error err;
    ds_error_clear(&err);
    int rc = app->bookmarked ? store_tag_remove(app->store, app->doc_id, "bookmark", &err)
                             : store_tag_add(app->store, app->doc_id, "bookmark", &err);
    if (rc < 0) {
        app_message(app, ROLE_ERROR, "%s", err.msg);
        return;
    }
    app->bookmarked = !app->bookmarked;
    app->rwidth = 0;
    window_clear(app); /* the list shows the mark */
    app_message(app, ROLE_STATUS,
                app->bookmarked ? "bookmarked (tag:bookmark)" : "bookmark removed");
}

static void
prompt_rs_forget(struct app *app)
{
    result_set_free(&app->prompt_rs);
    ds_freep(&app->prompt_rs_text);
}

static void
prompt_update_info(struct app *app)
{
    ds_freep(&app->prompt_info);
    prompt_rs_forget(app);
    if (app->prompting != 1)
        return;
    struct ds_error err;
    ds_error_clear(&err);
    struct query *q = NULL, *eff = NULL;
    if (query_parse(buf_str(&app->prompt.text), &q, &err) < 0) {
        app->prompt_info = xasprintf("bad query: %s", err.msg);
        return;
    }
    if (app->topic) {
        char *extra = xasprintf("topic:%s", app->topic);
        if (query_and(q, extra, &eff, &err) < 0)
            eff = NULL;
        free(extra);
    }
    /* the text of the results on screen (e.g. the prompt just opened) or the
     * empty query: the count is known, no search */
    int64_t known = -1;
    if (app->rs && app->query_text && strcmp(app->query_text, buf_str(&app->prompt.text)) == 0)
        known = (int64_t)result_set_count(app->rs);
    else if (!app->topic && app->all_count > 0 && !*buf_str(&app->prompt.text))
        known = app->all_count;
    struct result_set *rs = NULL;
    double t0 = ds_now();
    if (known >= 0) {
        char n[32];
        layout_thousands(known, n, sizeof n);
        app->prompt_info = xasprintf("%s hits", n);
    } else if (app_search(app, eff ? eff : q, &rs, &err) == 0) {
        char n[32];
        layout_thousands((int64_t)result_set_count(rs), n, sizeof n);
        app->prompt_info = xasprintf("%s hits", n);
        app->prompt_rs = rs;
        app->prompt_rs_ms = (ds_now() - t0) * 1000.0;
        app->prompt_rs_text = xstrdup(buf_str(&app->prompt.text));
    } else {
        app->prompt_info = xasprintf("bad query: %s", err.msg);
    }
    query_free(&eff);
    query_free(&q);
}

static void stats_show(struct app *app);

static void
prompt_open(struct app *app, int mode)
{
    app->prompting = mode;
    static const char export_default[] = "~/dossier-export.md";
    prompt_start(&app->prompt, mode == 1   ? app->query_text
                               : mode == 2 ? app->find
                               : mode == 4 ? export_default
                                           : view_kwic_term());
    app->prompt_dirty = true;
}

static void
prompt_handle(struct app *app, int key)
{
    enum prompt_result r = prompt_key(&app->prompt, key);
    if (r == PROMPT_CHANGED) {
        app->prompt_dirty = true; /* counted when drawn: not while keys keep coming */
        return;
    }
    if (r == PROMPT_EDITING)
        return;
    int mode = app->prompting;
    app->prompting = 0;
    ds_freep(&app->prompt_info);
    if (r == PROMPT_CANCEL) {
        prompt_rs_forget(app);
        return;
    }
    char *text = xstrdup(buf_str(&app->prompt.text));
    if (mode == 1) {
        prompt_history_add(&app->prompt, text);
        if (app_set_query(app, text) == 0 && app->shown[PANE_LIST])
            app->focus = PANE_LIST;
        app->kwic = false;
        if (app->stats)
            stats_show(app); /* the statistics follow the new query */
    } else if (mode == 3) {
        app_kwic_open(app, text);
    } else if (mode == 4) {
        app_export(app, text);
    } else if (mode == 5) {
        app_compare_sets(app, text);
    } else {
        app_find_start(app, text);
    }
    free(text);
    prompt_rs_forget(app);
}

static void
handle_mouse(struct app *app)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return;
    for (int id = 0; id < PANE_COUNT_; id++) {
        struct pane *p = &app->panes[id];
        if (p->h <= 0 || ev.y < p->y || ev.y >= p->y + p->h || ev.x < p->x || ev.x >= p->x + p->w)
            continue;
        if (ev.bstate & BUTTON4_PRESSED) {
            for (int i = 0; i < 3; i++)
                pane_move(app, p, ACT_UP);
        } else if (ev.bstate & BUTTON5_PRESSED) {
            for (int i = 0; i < 3; i++)
                pane_move(app, p, ACT_DOWN);
        } else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) {
            if (id != PANE_HELP)
                app->focus = id;
            if (ev.y > p->y && p->ops->selectable) {
                size_t i = p->top + (size_t)(ev.y - p->y - 1);
                if (i < pane_count(app, p) && i != p->sel) {
                    p->sel = i;
                    if (p->ops->selected)
                        p->ops->selected(app, p);
                }
            }
        }
        return;
    }
}

static void
app_resize(struct app *app, int rows, int cols)
{
    app->rows = rows;
    app->cols = cols;
    draw_resize(rows, cols);
    window_clear(app);
}

/* ---- statistics and keyword in context (full screen) ----------------------------------- */

void
app_fullscreen_close(struct app *app)
{
    app->stats = app->kwic = false;
}

/* S: compute the statistics once per query (showing "computing…" while
 * that runs), then show them. */
static void
stats_show(struct app *app)
{
    app->stats = true;
    app->kwic = false;
    if (view_stats_current(app))
        return;
    view_stats_close(app);
    app->panes[PANE_STATS].top = app->panes[PANE_STATS].sel = 0;
    app_draw(app);
    if (view_stats_open(app) == 0)
        app->panes[PANE_STATS].sel = 1; /* the first bar */
    /* scripts compute every part at once; a terminal shows each as it comes
     * (run_terminal computes the rest between keys) */
    while (app->script && view_stats_step(app))
        ;
}

void
app_kwic_open(struct app *app, const char *term)
{
    app->stats = false;
    app->kwic = true;
    app->panes[PANE_KWIC].top = app->panes[PANE_KWIC].sel = 0;
    view_kwic_open(app, term);
    /* scripts search every article at once; a terminal shows the first
     * lines and reads the rest between keys (run_terminal) */
    while (app->script && view_kwic_step(app))
        ;
}

void
app_open_at(struct app *app, int64_t id, uint32_t start, uint32_t end)
{
    app_fullscreen_close(app);
    app->zoom = false;
    app_geometry(app);
    app_load_doc(app, id);
    app_reader_jump(app, start, end);
    app->focus = PANE_READER;
    /* the list's selection follows (without reloading: the jump stays) */
    long pos = app->rs ? result_set_find(app->rs, id) : -1;
    if (pos >= 0)
        app->panes[PANE_LIST].sel = (size_t)pos;
}

/* Keys on the statistics or KWIC screen; false to let the main table have
 * them (search, export, quit-now...). */
static bool
fullscreen_key(struct app *app, int key, int action)
{
    struct pane *fp = &app->panes[app->stats ? PANE_STATS : PANE_KWIC];
    if (action == ACT_QUIT || key == 27 || (app->stats && action == ACT_STATS)) {
        app_fullscreen_close(app);
        return true;
    }
    if (action == ACT_QUIT_NOW || action == ACT_HELP || action == ACT_EXPORT ||
        action == ACT_KWIC || action == ACT_SEARCH || action == ACT_STATS)
        return false;
    if (!fp->ops->action(app, fp, action))
        pane_move(app, fp, action);
    return true;
}

static void
handle_key(struct app *app, int key)
{
    if (key == (TK_FN | KEY_RESIZE)) {
        int r, c;
        getmaxyx(stdscr, r, c);
        app_resize(app, r, c);
        return;
    }
    if (key == (TK_FN | KEY_MOUSE)) {
        handle_mouse(app);
        return;
    }
    buf_reset(&app->msg);
    if (app->prompting) {
        prompt_handle(app, key);
        return;
    }
    int action = keymap_lookup(key);
    if (app->help) {
        struct pane *hp = &app->panes[PANE_HELP];
        if (action == ACT_QUIT || action == ACT_HELP || key == 27)
            app->help = false;
        else if (action == ACT_QUIT_NOW)
            app->quit = true;
        else
            pane_move(app, hp, action);
        return;
    }
    if (too_small(app) && action != ACT_QUIT && action != ACT_QUIT_NOW)
        return;
    if (app->comparing) {
        if (action == ACT_QUIT || action == ACT_COMPARE || key == 27)
            app_compare_close(app);
        else if (action == ACT_QUIT_NOW)
            app->quit = true;
        else if (action == ACT_HELP)
            app->help = true;
        else if (!view_compare_ops.action(app, &app->panes[PANE_COMPARE], action))
            pane_move(app, &app->panes[PANE_COMPARE], action);
        return;
    }
    if ((app->stats || app->kwic) && fullscreen_key(app, key, action))
        return;
    struct pane *p = &app->panes[app->focus];
    switch (action) {
    case ACT_QUIT:
        if (app->zoom)
            app->zoom = false;
        else if (app->focus != PANE_LIST && app->shown[PANE_LIST])
            app->focus = PANE_LIST;
        else
            app->quit = true;
        return;
    case ACT_QUIT_NOW:
        app->quit = true;
        return;
    case ACT_HELP:
        app->help = true;
        app->panes[PANE_HELP].top = 0;
        return;
    case ACT_FOCUS_NEXT:
        app->zoom = false;
        focus_step(app, 1);
        return;
    case ACT_FOCUS_PREV:
        app->zoom = false;
        focus_step(app, -1);
        return;
    case ACT_TOGGLE_SIDEBAR:
        toggle_pane(app, PANE_SIDEBAR);
        return;
    case ACT_TOGGLE_FACTS:
        toggle_pane(app, PANE_FACTS);
        return;
    case ACT_TOGGLE_LIST:
        toggle_pane(app, PANE_LIST);
        return;
    case ACT_ZOOM:
        app->zoom = !app->zoom;
        return;
    case ACT_GROW:
        resize_focused(app, 1);
        return;
    case ACT_SHRINK:
        resize_focused(app, -1);
        return;
    case ACT_SEARCH:
        prompt_open(app, 1);
        return;
    case ACT_FIND:
        prompt_open(app, 2);
        return;
    case ACT_FIND_NEXT:
        app_find_step(app, 1);
        return;
    case ACT_FIND_PREV:
        app_find_step(app, -1);
        return;
    case ACT_HIGHLIGHT: {
        static const char *const names[] = {"all", "search hits only", "entities and figures",
                                            "none"};
        app->hl = (app->hl + 1) % HL_COUNT_;
        app->rwidth = 0;
        app_message(app, ROLE_STATUS, "highlights: %s", names[app->hl]);
        return;
    }
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        return;
    case ACT_CLEAR_FILTER:
        free(app->topic);
        app->topic = NULL;
        app_set_query(app, "");
        return;
    case ACT_SORT:
        app->sort = app->sort == SORT_DATE ? SORT_RANK : SORT_DATE;
        app_run(app, true);
        app_message(app, ROLE_STATUS, "sorted by %s",
                    app->sort == SORT_DATE ? "date" : "relevance");
        return;
    case ACT_REFRESH:
        app_compare_free(app); /* near-duplicate counts may have changed */
        update_total(app);
        app->all_count = 0; /* the corpus may have changed */
        app_run(app, true);
        app_message(app, ROLE_STATUS, "refreshed");
        return;
    case ACT_BOOKMARK:
        toggle_bookmark(app);
        return;
    case ACT_OPEN:
        open_in_pager(app);
        return;
    case ACT_COMPARE:
        app_compare_key(app);
        return;
    case ACT_MARK:
        app_compare_mark(app);
        return;
    case ACT_COMPARE_SIMILAR:
        app_compare_similar(app);
        return;
    case ACT_COMPARE_SETS:
        prompt_open(app, 5);
        return;
    case ACT_STATS:
        stats_show(app);
        return;
    case ACT_KWIC:
        prompt_open(app, 3);
        return;
    case ACT_EXPORT:
        prompt_open(app, 4);
        return;
    case ACT_NEXT_DOC:
    case ACT_PREV_DOC:
        pane_move(app, &app->panes[PANE_LIST], action == ACT_NEXT_DOC ? ACT_DOWN : ACT_UP);
        return;
    default:
        break;
    }
    if (p->ops->action && p->ops->action(app, p, action))
        return;
    pane_move(app, p, action);
}

/* ---- input ------------------------------------------------------------------------------ */

/* The next key from the terminal; -1 on timeout. */
static int
read_key(void)
{
    wint_t wch;
    int rc = get_wch(&wch);
    if (rc == ERR)
        return -1;
    if (rc == KEY_CODE_YES) {
        if (wch == KEY_ENTER)
            return '\n';
        return TK_FN | (int)wch;
    }
    if (wch == '\r')
        return '\n';
    return (int)wch;
}

static int
parse_size(const char *s, int *w, int *h)
{
    char x;
    return sscanf(s, "%d%c%d", w, &x, h) == 3 && (x == 'x' || x == 'X') && *w > 0 && *h > 0 &&
                   *w <= 1000 && *h <= 1000
               ? 0
               : -1;
}

static void
usage(FILE *f)
{
    fputs("usage: dossier browse [--db PATH] [--script FILE] [--size WxH] [QUERY]\n"
          "  --db PATH      the index (default: $DOSSIER_DB or the data dir)\n"
          "  --script FILE  read keys and commands from FILE (headless; see tests/tui)\n"
          "  --size WxH     screen size in script mode (default 80x24)\n",
          f);
}

static void
app_free(struct app *app)
{
    app_compare_free(app);
    view_stats_close(app);
    view_kwic_close();
    tlines_clear(&app->help_lines);
    app_doc_clear(app);
    window_clear(app);
    free(app->win);
    free(app->win_marked);
    result_set_free(&app->rs);
    prompt_rs_forget(app);
    facets_free(app->topics, app->ntopics);
    query_free(&app->effective);
    query_free(&app->query);
    free(app->query_text);
    free(app->topic);
    free(app->find);
    free(app->prompt_info);
    free(app->history_path);
    prompt_free(&app->prompt);
    buf_free(&app->msg);
    store_close(&app->store);
}

static int
start_curses(struct app *app, int w, int h)
{
    if (app->script) {
        null_out = fopen("/dev/null", "w");
        null_in = fopen("/dev/null", "r");
        if (!null_out || !null_in)
            return -1;
        const char *term = getenv("TERM");
        screen =
            newterm(term && *term && strcmp(term, "dumb") != 0 ? term : "xterm", null_out, null_in);
        if (!screen)
            screen = newterm("vt100", null_out, null_in);
        if (!screen)
            return -1;
        set_term(screen);
        resize_term(h, w);
    } else {
        if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
            fprintf(stderr, "dossier: browse needs a terminal (use `dossier search` in pipes)\n");
            return -1;
        }
        screen = newterm(NULL, stdout, stdin);
        if (!screen) {
            fprintf(stderr, "dossier: cannot use terminal type '%s'\n",
                    getenv("TERM") ? getenv("TERM") : "");
            return -1;
        }
        set_term(screen);
    }
    curses_active = true;
    ds_set_fatal_hook(restore_terminal);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(40);
    if (!app->script) {
        mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(0);
        timeout(250);
    }
    curs_set(0);
    theme_init();
    /* without a UTF-8 locale the terminal cannot show other characters */
    const char *cs = nl_langinfo(CODESET);
    draw_set_ascii(!app->script && !(cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0)));
    int r, c;
    getmaxyx(stdscr, r, c);
    app_resize(app, r, c);
    return 0;
}

static void
stop_curses(void)
{
    restore_terminal();
    if (screen) {
        delscreen(screen);
        screen = NULL;
    }
    if (null_out)
        fclose(null_out);
    if (null_in)
        fclose(null_in);
    null_out = null_in = NULL;
    draw_resize(0, 0);
}

static int
run_script(struct app *app, const char *path)
{
    struct script *sc = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (script_open(path, &sc, &err) < 0) {
        restore_terminal();
        fprintf(stderr, "dossier: %s\n", err.msg);
        return 2;
    }
    int status = 0;
    app_draw(app);
    while (!app->quit && !got_signal) {
        struct script_event ev;
        if (script_next(sc, &ev, &err) < 0) {
            fprintf(stderr, "dossier: %s\n", err.msg);
            status = 2;
            continue;
        }
        if (ev.kind == SCRIPT_END || ev.kind == SCRIPT_QUIT)
            break;
        if (ev.kind == SCRIPT_DUMP || ev.kind == SCRIPT_DUMP_ROLES ||
            ev.kind == SCRIPT_DUMP_ATTRS) {
            app_draw(app);
            enum draw_dump_kind kind = ev.kind == SCRIPT_DUMP         ? DUMP_TEXT
                                       : ev.kind == SCRIPT_DUMP_ROLES ? DUMP_ROLES
                                                                      : DUMP_ATTRS;
            if (draw_dump(ev.path, kind, &err) < 0) {
                fprintf(stderr, "dossier: %s\n", err.msg);
                status = 2;
            }
            continue;
        }
        if (ev.key == TK_RESIZE_SCRIPT) {
            resize_term(ev.h, ev.w);
            app_resize(app, ev.h, ev.w);
        } else {
            bool prompting = app->prompting != 0;
            handle_key(app, ev.key);
            /* a :type line into a prompt is a paste: drawn once when its keys
             * stop coming, as in a terminal (the prompt counts its hits then) */
            if (ev.more && prompting && app->prompting)
                continue;
        }
        app_draw(app);
    }
    script_free(&sc);
    return status;
}

/* True when another key is already waiting (it is pushed back). */
static bool
input_pending(void)
{
    wint_t wch;
    timeout(0);
    int rc = get_wch(&wch);
    timeout(250);
    if (rc == ERR)
        return false;
    if (rc == KEY_CODE_YES)
        ungetch((int)wch);
    else
        unget_wch((wchar_t)wch);
    return true;
}

static int
key_waiting(void *ud)
{
    (void)ud;
    return input_pending();
}

static int
run_terminal(struct app *app)
{
    app_draw(app);
    while (!app->quit && !got_signal) {
        /* the statistics' slower parts, while no key waits */
        while (app->stats && view_stats_pending() && !input_pending()) {
            view_stats_step(app);
            app_draw(app);
        }
        /* the rest of a keyword-in-context search, likewise */
        while (app->kwic && view_kwic_pending() && !input_pending()) {
            view_kwic_step(app);
            app_draw(app);
        }
        /* the facts pane's keywords for a new article, after it is shown */
        while (app->kw_wanted && !app->kw_valid && !input_pending()) {
            store_set_interrupt(app->store, key_waiting, NULL);
            bool done = app_keywords_ensure(app);
            store_set_interrupt(app->store, NULL, NULL);
            if (!done)
                break;
            app->kw_wanted = false;
            app_draw(app);
        }
        /* the sidebar's topic counts for a new query, after the list is shown */
        while (app->topics_wanted && !app->topics_valid && !input_pending()) {
            /* a key stops them (110 ms at 1M documents); they run again
             * when the keys stop coming */
            store_set_interrupt(app->store, key_waiting, NULL);
            app_topics_ensure(app);
            store_set_interrupt(app->store, NULL, NULL);
            if (!app->topics_valid)
                break;
            app->topics_wanted = false;
            app_draw(app);
        }
        int key = read_key();
        if (key < 0)
            continue;
        handle_key(app, key);
        /* a held key or a paste: draw once when the keys stop coming */
        if (!app->quit && !input_pending())
            app_draw(app);
    }
    return 0;
}

int
cmd_browse(int argc, char **argv)
{
    const char *db = NULL, *script_path = NULL;
    int w = 80, h = 24;
    struct buf qtext = BUF_INIT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            buf_free(&qtext);
            return 0;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else if (strncmp(a, "--db=", 5) == 0) {
            db = a + 5;
        } else if (strcmp(a, "--script") == 0 && i + 1 < argc) {
            script_path = argv[++i];
        } else if (strcmp(a, "--size") == 0 && i + 1 < argc) {
            if (parse_size(argv[++i], &w, &h) < 0) {
                fprintf(stderr, "dossier: bad --size '%s' (want WxH, e.g. 80x24)\n", argv[i]);
                buf_free(&qtext);
                return 2;
            }
        } else if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                buf_printf(&qtext, "%s%s", qtext.len ? " " : "", argv[i]);
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "dossier: browse: unknown option '%s'\n", a);
            usage(stderr);
            buf_free(&qtext);
            return 2;
        } else {
            buf_printf(&qtext, "%s%s", qtext.len ? " " : "", a);
        }
    }

    if (!db)
        db = cli_global_db;
    struct app app_storage;
    struct app *app = &app_storage;
    memset(app, 0, sizeof *app);
    app->script = script_path != NULL;
    app->focus = PANE_LIST;
    app->sidebar_w = 22;
    app->facts_w = 34;
    app->sort = SORT_RANK;
    for (int i = 0; i < PANE_COUNT_; i++)
        app->panes[i].ops = pane_ops[i];
    prompt_init(&app->prompt);
    tlines_init(&app->rlines);

    keymap_init();
    char *cfgdir = ds_config_dir();
    char *cfg = xasprintf("%s/config", cfgdir);
    struct buf cfgmsg = BUF_INIT;
    config_load(cfg, &cfgmsg);
    free(cfg);
    free(cfgdir);

    char *path = ds_db_path(db);
    struct stat stbuf;
    struct ds_error err;
    ds_error_clear(&err);
    if (stat(path, &stbuf) != 0) {
        fprintf(stderr, "dossier: no index at %s; build one with `dossier index FOLDER`\n", path);
        free(path);
        buf_free(&cfgmsg);
        buf_free(&qtext);
        return 2;
    }
    if (store_open(path, 0, &app->store, &err) < 0) {
        ds_error_clear(&err);
        if (store_open(path, STORE_READONLY, &app->store, &err) < 0) {
            fprintf(stderr, "dossier: %s\n", err.msg);
            free(path);
            buf_free(&cfgmsg);
            buf_free(&qtext);
            return 2;
        }
    }
    free(path);
    if (!app->script) {
        char *dd = ds_data_dir();
        app->history_path = xasprintf("%s/history", dd);
        prompt_history_load(&app->prompt, app->history_path);
        free(dd);
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    struct sigaction old_sa[DS_ARRAY_LEN(end_signals)];
    for (size_t i = 0; i < DS_ARRAY_LEN(end_signals); i++)
        sigaction(end_signals[i], &sa, &old_sa[i]);

    int status = 0;
    if (start_curses(app, w, h) < 0) {
        status = 2;
    } else {
        if (app_set_query(app, buf_str(&qtext)) < 0) {
            struct buf keep = BUF_INIT;
            buf_puts(&keep, app->msg.data);
            app_set_query(app, "");
            app_message(app, ROLE_ERROR, "%s", keep.data);
            buf_free(&keep);
        }
        /* the empty query selects every document: when it ran, its count is
         * the corpus size, without store_stats' other counts (146 ms at 1M) */
        if (app->all_count > 0)
            app->total_docs = app->all_count;
        else
            update_total(app);
        if (cfgmsg.len)
            app_message(app, ROLE_ERROR, "%s", cfgmsg.data);
        status = app->script ? run_script(app, script_path) : run_terminal(app);
    }
    stop_curses();
    ds_set_fatal_hook(NULL);
    for (size_t i = 0; i < DS_ARRAY_LEN(end_signals); i++)
        sigaction(end_signals[i], &old_sa[i], NULL);
    if (app->history_path) {
        char *dd = ds_data_dir();
        ds_mkdir_p(dd, 0700);
        free(dd);
        prompt_history_save(&app->prompt, app->history_path);
    }
    if (got_signal)
        status = 128 + got_signal;
    app_free(app);
    buf_free(&cfgmsg);
    buf_free(&qtext);
    return status;
}
