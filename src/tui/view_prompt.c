/*
 * view_prompt.c — the prompt: a view on the status line (an overlay on the
 * stack) that asks for one line of text. What it asks for is a row of the
 * kinds table: the label, the text it starts with and what Enter does with
 * the line; the search prompt also counts the hits as the query is typed
 * (when the screen is drawn, not per key), and Enter reuses that search.
 * Editing and the history are the line editor's (prompt.c). Esc cancels.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "tui.h"
#include "view_stats.h"

struct ask_state {
    struct prompt prompt;
    int kind;   /* enum ask_kind */
    char *info; /* live hit count or error while typing */
    bool dirty; /* info is stale (recomputed when drawn) */
    /* the search behind info (in app->sort order) and its text: Enter reuses it */
    struct result_set *rs;
    char *rs_text;
    double rs_ms;
    char *history_path;
};

static struct ask_state *
ask_state(struct app *app)
{
    struct view *v = app_view(app, VIEW_PROMPT);
    if (!v->state) {
        struct ask_state *st = xcalloc(1, sizeof *st);
        prompt_init(&st->prompt);
        v->state = st;
    }
    return v->state;
}

/* ---- the kinds ------------------------------------------------------------------------- */

static const char *
initial_query(struct app *app)
{
    return app->query_text;
}

static const char *
initial_find(struct app *app)
{
    return app->find;
}

static const char *
initial_kwic(struct app *app)
{
    (void)app;
    return view_kwic_term();
}

static const char *
initial_export(struct app *app)
{
    (void)app;
    return "~/dossier-export.md";
}

/* Enter on a search: run it; the statistics follow the new query, keyword
 * in context closes. */
static void
accept_search(struct app *app, const char *text)
{
    prompt_history_add(&ask_state(app)->prompt, text);
    if (app_set_query(app, text) == 0 && app->shown[PANE_LIST])
        app->focus = PANE_LIST;
    app_view_close(app, VIEW_KWIC);
    if (app_view_shown(app, VIEW_STATS))
        view_stats_show(app);
}

static void
accept_export(struct app *app, const char *text)
{
    export_to(app, text);
}

static const struct ask_kind_info {
    const char *label;
    const char *(*initial)(struct app *app); /* the text it starts with (NULL: "") */
    void (*accept)(struct app *app, const char *text);
    bool counts; /* counts the query's hits while it is typed */
} ask_kinds[ASK_COUNT_] = {
    [ASK_SEARCH] = {"search: ", initial_query, accept_search, true},
    [ASK_FIND] = {"find: ", initial_find, reader_find_start, false},
    [ASK_KWIC] = {"word in context: ", initial_kwic, view_kwic_show, false},
    [ASK_EXPORT] = {"export to: ", initial_export, accept_export, false},
    /* starts with the last word looked up in context, as it always has */
    [ASK_COMPARE_SETS] = {"compare sets (A vs B): ", initial_kwic, cmpview_sets, false},
};

/* ---- the search behind the count ----------------------------------------------------- */

static void
rs_forget(struct ask_state *st)
{
    result_set_free(&st->rs);
    ds_freep(&st->rs_text);
}

struct result_set *
ask_take_result(struct app *app, const char *text, double *ms)
{
    struct ask_state *st = ask_state(app);
    if (!st->rs || strcmp(st->rs_text, text) != 0)
        return NULL;
    struct result_set *rs = st->rs;
    st->rs = NULL;
    *ms = st->rs_ms;
    return rs;
}

/* The hit count of the query being typed (or why it is bad) into st->info. */
static void
update_info(struct app *app, struct ask_state *st)
{
    ds_freep(&st->info);
    rs_forget(st);
    if (!ask_kinds[st->kind].counts)
        return;
    const char *text = buf_str(&st->prompt.text);
    struct ds_error err;
    ds_error_clear(&err);
    struct query *q = NULL, *eff = NULL;
    if (query_parse(text, &q, &err) < 0) {
        st->info = xasprintf("bad query: %s", err.msg);
        return;
    }
    if (app->topic) {
        if (query_and_field(q, QF_TOPIC, app->topic, &eff, &err) < 0)
            eff = NULL;
    }
    /* the text of the results on screen (e.g. the prompt just opened) or the
     * empty query: the count is known, no search */
    int64_t known = -1;
    if (app->rs && app->query_text && strcmp(app->query_text, text) == 0)
        known = (int64_t)result_set_count(app->rs);
    else if (!app->topic && app->all_count > 0 && !*text)
        known = app->all_count;
    struct result_set *rs = NULL;
    double t0 = ds_now();
    int rc = 0;
    if (known >= 0) {
        char n[32];
        layout_thousands(known, n, sizeof n);
        st->info = xasprintf("%s hits", n);
    } else if ((rc = app_search(app, eff ? eff : q, &rs, &err)) == 0) {
        char n[32];
        layout_thousands((int64_t)result_set_count(rs), n, sizeof n);
        st->info = xasprintf("%s hits", n);
        st->rs = rs;
        st->rs_ms = (ds_now() - t0) * 1000.0;
        st->rs_text = xstrdup(text);
    } else {
        st->info = xasprintf(rc == STORE_STOPPED ? "%s" : "bad query: %s", err.msg);
    }
    query_free(&eff);
    query_free(&q);
}

/* ---- the view ------------------------------------------------------------------------- */

void
ask_open(struct app *app, int kind)
{
    struct ask_state *st = ask_state(app);
    st->kind = kind;
    const char *(*initial)(struct app *) = ask_kinds[kind].initial;
    prompt_start(&st->prompt, initial ? initial(app) : NULL);
    st->dirty = true;
    app_view_push(app, VIEW_PROMPT);
}

/* The status line: the label, the text scrolled to keep the cursor in view,
 * the hit count on the right. */
static void
ask_draw(struct app *app, struct view *v)
{
    struct ask_state *st = v->state;
    int y = app->rows - 1, C = app->cols;
    if (st->dirty) {
        update_info(app, st);
        st->dirty = false;
    }
    int used = draw_text(y, 0, C, ask_kinds[st->kind].label, ROLE_PROMPT, false);
    int infow = 0;
    if (st->info) {
        infow = (int)layout_width(st->info, strlen(st->info)) + 2;
        if (infow > C / 2)
            infow = C / 2;
    }
    int textw = C - used - infow;
    /* scroll the text so the cursor stays visible */
    const char *s = buf_str(&st->prompt.text);
    size_t ccol = prompt_cursor_col(&st->prompt);
    size_t skip = 0;
    while (textw > 1 && ccol >= (size_t)textw - 1 && s[skip]) {
        uint32_t cp;
        int k = utf8_decode(s + skip, strlen(s + skip), &cp);
        ccol -= (size_t)layout_cp_width(cp);
        skip += (size_t)k;
    }
    draw_text(y, used, textw, s + skip, ROLE_NORMAL, true);
    if (infow)
        draw_text(y, C - infow, infow, st->info,
                  ds_str_starts_with(st->info, "bad") ? ROLE_ERROR : ROLE_DIM, true);
    draw_cursor(y, used + (int)ccol);
}

/* Every key is the prompt's: editing, Enter (pop, then the kind's action
 * with the line) or Esc (pop). */
static bool
ask_key(struct app *app, struct view *v, int key, int action)
{
    (void)action;
    struct ask_state *st = v->state;
    enum prompt_result r = prompt_key(&st->prompt, key);
    if (r == PROMPT_CHANGED) {
        st->dirty = true; /* counted when drawn: not while keys keep coming */
        return true;
    }
    if (r == PROMPT_EDITING)
        return true;
    int kind = st->kind;
    app_view_pop(app);
    ds_freep(&st->info);
    if (r == PROMPT_CANCEL) {
        rs_forget(st);
        return true;
    }
    char *text = xstrdup(buf_str(&st->prompt.text));
    ask_kinds[kind].accept(app, text);
    free(text);
    rs_forget(st);
    return true;
}

void
ask_history_load(struct app *app)
{
    struct ask_state *st = ask_state(app);
    char *dd = ds_data_dir();
    st->history_path = xasprintf("%s/history", dd);
    prompt_history_load(&st->prompt, st->history_path);
    free(dd);
}

void
ask_history_save(struct app *app)
{
    struct ask_state *st = ask_state(app);
    if (!st->history_path)
        return;
    char *dd = ds_data_dir();
    ds_mkdir_p(dd, 0700);
    free(dd);
    prompt_history_save(&st->prompt, st->history_path);
}

static void
ask_free(struct app *app, struct view *v)
{
    (void)app;
    struct ask_state *st = v->state;
    if (!st)
        return;
    rs_forget(st);
    free(st->info);
    free(st->history_path);
    prompt_free(&st->prompt);
    free(st);
    v->state = NULL;
}

const struct view_ops prompt_view_ops = {
    .name = "prompt",
    .overlay = true,
    .small_ok = true,
    .draw = ask_draw,
    .key = ask_key,
    .free = ask_free,
};
