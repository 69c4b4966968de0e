/*
 * app.c — the browser's state: the query and its result set, pane
 * geometry, key dispatch and the status line. Views (view_*.c) draw pane
 * contents; draw.c writes the characters; browse.c runs the terminal.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "dossier/utf8.h"
#include "tui.h"

#define MIN_COLS 40
#define MIN_ROWS 10

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

void
app_rows_forget(struct app *app)
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
    app_rows_forget(app);
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
    for (size_t i = 0; i < app->win_n; i++) {
        bool on;
        app->win_marked[i] = app_bookmark_pending(app, app->win[i].id, &on)
                                 ? on
                                 : store_tag_has(app->store, app->win[i].id, "bookmark", &err) == 1;
    }
    return pos - start < app->win_n ? &app->win[pos - start] : NULL;
}

bool
app_row_marked(const struct app *app, size_t pos)
{
    return app->win_valid && pos >= app->win_pos && pos < app->win_pos + app->win_n &&
           app->win_marked[pos - app->win_pos];
}

int
app_search(struct app *app, const struct query *q, struct result_set **rs, struct ds_error *err)
{
    store_set_interrupt(app->store, app->key_waiting, NULL);
    store_set_search_watch(app->store, app->input_ready, NULL);
    int rc = store_search(app->store, q, (enum store_sort)app->sort, rs, err);
    store_set_search_watch(app->store, NULL, NULL);
    store_set_interrupt(app->store, NULL, NULL);
    if (rc == STORE_STOPPED)
        ds_error_set(err, -1, "%s", app->take_cancel && app->take_cancel()
                                       ? "search cancelled"
                                       : "search stopped by a key (Enter runs it again)");
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
    int rc;
    if (app->topic) {
        rc = query_and_field(app->query, QF_TOPIC, app->topic, &eff, &err);
        if (rc < 0) {
            app_message(app, ROLE_ERROR, "%s", err.msg);
            return -1;
        }
    }
    struct result_set *rs = NULL;
    double t0 = ds_now();
    double prompt_ms = 0;
    if (app->query_text && (rs = ask_take_result(app, app->query_text, &prompt_ms)) != NULL) {
        /* the prompt's count searched for this text already (in this order and
         * with this topic: neither changes while the prompt is open) */
        t0 -= prompt_ms / 1000.0; /* the status line shows what it cost */
    } else if ((rc = app_search(app, eff ? eff : app->query, &rs, &err)) < 0) {
        query_free(&eff);
        app_message(app, rc == STORE_STOPPED ? ROLE_STATUS : ROLE_ERROR, "%s", err.msg);
        return -1;
    }
    app->query_ms = (ds_now() - t0) * 1000.0;
    if (!eff && app->query_text && !*app->query_text)
        app->all_count = (int64_t)result_set_count(rs);
    query_free(&app->effective);
    app->effective = eff;
    app_rows_forget(app);
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
    reader_load(app, r ? r->id : 0);
    return 0;
}

void
app_rerun(struct app *app)
{
    app_run(app, true);
}

/* Note where the index is now: its data version and highest document id. */
static void
note_index_state(struct app *app)
{
    struct ds_error err;
    ds_error_clear(&err);
    int64_t v = store_data_version(app->store, &err);
    int64_t max = store_max_doc_id(app->store, &err);
    app->data_version = v;
    if (max >= 0)
        app->seen_max_id = max;
}

/* See tui.h. */
bool
app_poll_changes(struct app *app)
{
    bool wrote = app_writes_flush(app);
    struct ds_error err;
    ds_error_clear(&err);
    int64_t v = store_data_version(app->store, &err);
    if (v < 0 || v == app->data_version)
        return wrote;
    int64_t mark = app->seen_max_id;
    note_index_state(app);
    list_near_dups_forget(app);
    app_update_total(app);
    app->all_count = 0;
    app->saved_valid = false;
    app->themes_valid = false;
    /* the list keeps its top row: what arrived above the selection shows
     * there and the selection moves down with its article (the pane keeps
     * it on the screen) */
    if (app_run(app, true) < 0)
        return true;
    size_t fresh = result_set_count_after(app->rs, mark);
    if (fresh) { /* before what the status line says already (the update's end) */
        app->new_above = mark;
        char *had = app->msg.len ? xstrdup(app->msg.data) : NULL;
        app_message(app, ROLE_MARK, "%zu new%s%s", fresh, had ? "; " : "", had ? had : "");
        free(had);
    }
    return true;
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
void
app_update_total(struct app *app)
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
    /* another query: what was new to the last one is not marked here */
    app->new_above = -1;
    free(app->saved_active);
    app->saved_active = NULL;
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

/* ---- the view stack ----------------------------------------------------------------------- */

static const struct view_ops *const view_table[VIEW_COUNT_] = {
    [VIEW_MAIN] = &main_view_ops,       [VIEW_HELP] = &help_view_ops,
    [VIEW_COMPARE] = &compare_view_ops, [VIEW_STATS] = &stats_view_ops,
    [VIEW_KWIC] = &kwic_view_ops,       [VIEW_PROMPT] = &prompt_view_ops,
};

struct view *
app_view(struct app *app, int id)
{
    return &app->views[id];
}

bool
app_view_shown(const struct app *app, int id)
{
    for (int i = 0; i < app->depth; i++)
        if (app->stack[i] == id)
            return true;
    return false;
}

int
app_view_top(const struct app *app)
{
    return app->stack[app->depth - 1];
}

void
app_view_push(struct app *app, int id)
{
    if (app_view_shown(app, id) || app->depth == VIEW_COUNT_)
        return;
    app->stack[app->depth++] = id;
}

void
app_view_pop(struct app *app)
{
    if (app->depth <= 1)
        return;
    struct view *v = &app->views[app->stack[--app->depth]];
    if (v->ops->done)
        v->ops->done(app, v);
}

void
app_release_memory(struct app *app)
{
    if (app->store)
        store_release_memory(app->store);
#ifdef __GLIBC__
    malloc_trim(0); /* free() keeps the top of the heap; give it back */
#endif
}

void
app_view_close(struct app *app, int id)
{
    if (id == VIEW_MAIN || !app_view_shown(app, id))
        return;
    while (app_view_top(app) != id)
        app_view_pop(app);
    app_view_pop(app);
}

/* The view that has the screen: the top one that is not an overlay. */
static struct view *
screen_view(struct app *app)
{
    int i = app->depth - 1;
    while (i > 0 && app->views[app->stack[i]].ops->overlay)
        i--;
    return &app->views[app->stack[i]];
}

/* ---- geometry and drawing ------------------------------------------------------------------ */

static bool
too_small(const struct app *app)
{
    return app->cols < MIN_COLS || app->rows < MIN_ROWS;
}

void
app_layout(struct app *app)
{
    int R = app->rows - 1, C = app->cols;
    bool wide = C >= 120 && R >= 20;
    for (int i = 0; i < PANE_COUNT_; i++) {
        app->panes[i].h = app->panes[i].w = 0;
        if (!app->user_set[i])
            app->shown[i] = i == PANE_LIST || i == PANE_READER || wide;
    }
    app->shown[PANE_READER] = true;
    for (int i = 0; i < VIEW_COUNT_; i++)
        app->views[i].pane.h = app->views[i].pane.w = 0;
    struct view *v = screen_view(app);
    v->ops->layout(app, v, R, C);
}

static void
draw_status(struct app *app)
{
    struct view *top = &app->views[app_view_top(app)];
    if (top->ops->overlay) { /* the prompt */
        top->ops->draw(app, top);
        return;
    }
    int y = app->rows - 1, C = app->cols;
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
        if (top->ops->status)
            top->ops->status(app, top, &left);
        else
            buf_puts(&left, top->ops->hint);
        draw_text(y, 0, C - rw, buf_str(&left), ROLE_STATUS, true);
        buf_free(&left);
    }
    if (rw)
        draw_text(y, C - rw, rw, right, ROLE_STATUS, true);
}

void
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
    app_layout(app);
    struct view *v = screen_view(app);
    v->ops->draw(app, v);
    draw_status(app);
    draw_flush();
}

/* ---- keys and the mouse --------------------------------------------------------------------- */

/* The mouse goes to the panes of the view that has the screen; a click in
 * the main view focuses the pane clicked. */
static void
handle_mouse(struct app *app)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return;
    struct view *v = screen_view(app);
    bool main = v == &app->views[VIEW_MAIN];
    struct pane *panes = main ? app->panes : &v->pane;
    for (int id = 0; id < (main ? PANE_COUNT_ : 1); id++) {
        struct pane *p = &panes[id];
        if (p->h <= 0 || ev.y < p->y || ev.y >= p->y + p->h || ev.x < p->x || ev.x >= p->x + p->w)
            continue;
        if (pane_mouse(app, p, ev.y, ev.x, (unsigned long)ev.bstate) && main)
            app->focus = id; /* a click */
        return;
    }
}

void
app_resize(struct app *app, int rows, int cols)
{
    app->rows = rows;
    app->cols = cols;
    draw_resize(rows, cols);
    app_rows_forget(app);
}

void
app_handle_key(struct app *app, int key)
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
    int action = keymap_lookup(key);
    /* the top view first; what it leaves goes down the stack */
    for (int i = app->depth - 1; i >= 0; i--) {
        struct view *v = &app->views[app->stack[i]];
        if (!v->ops->small_ok && too_small(app) && action != ACT_QUIT && action != ACT_QUIT_NOW)
            return;
        if (v->ops->key(app, v, key, action))
            return;
    }
}

void
app_idle(struct app *app)
{
    for (int i = app->depth - 1; i >= 0; i--) {
        struct view *v = &app->views[app->stack[i]];
        if (!v->ops->busy)
            continue;
        while (v->ops->busy(app, v) && !app->key_waiting(NULL)) {
            if (!v->ops->idle(app, v))
                break;
            app_draw(app);
        }
    }
}

void
app_free(struct app *app)
{
    while (app->depth > 1)
        app_view_pop(app);
    for (int i = 0; i < VIEW_COUNT_; i++)
        if (app->views[i].ops && app->views[i].ops->free)
            app->views[i].ops->free(app, &app->views[i]);
    list_near_dups_forget(app);
    reader_doc_clear(app);
    app_rows_forget(app);
    free(app->win);
    free(app->win_marked);
    app_writes_free(app);
    result_set_free(&app->rs);
    facets_free(app->topics, app->ntopics);
    sidebar_free(app);
    query_free(&app->effective);
    query_free(&app->query);
    free(app->query_text);
    free(app->topic);
    free(app->find);
    buf_free(&app->msg);
    upd_stop(app);
    saved_counts_free(app->saved, app->nsaved);
    free(app->saved_active);
    corpus_themes_clear(&app->themes);
    free(app->db_path);
    store_close(&app->store);
}

void
app_init(struct app *app, bool script)
{
    memset(app, 0, sizeof *app);
    app->script = script;
    app->focus = PANE_LIST;
    app->sidebar_w = 22;
    app->facts_w = 34;
    app->sort = SORT_RANK;
    static const struct pane_ops *const pane_ops[PANE_COUNT_] = {
        &sidebar_pane_ops, &list_pane_ops, &reader_pane_ops, &facts_pane_ops};
    for (int i = 0; i < PANE_COUNT_; i++)
        app->panes[i].ops = pane_ops[i];
    for (int i = 0; i < VIEW_COUNT_; i++)
        app->views[i].ops = view_table[i];
    app->stack[0] = VIEW_MAIN;
    app->depth = 1;
    app->new_above = -1;
    tlines_init(&app->rlines);
}

void
app_start(struct app *app, const char *query, const char *cfgmsg)
{
    if (app_set_query(app, query) < 0) {
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
        app_update_total(app);
    /* said once: the bookmark key says it again when pressed */
    if (app->readonly)
        app_message(app, *cfgmsg ? ROLE_ERROR : ROLE_STATUS, "%s%s%s", TUI_READONLY_MSG,
                     *cfgmsg ? "; " : "", cfgmsg);
    else if (!app_writer_note(app, cfgmsg) && *cfgmsg)
        app_message(app, ROLE_ERROR, "%s", cfgmsg);
    note_index_state(app);
}
