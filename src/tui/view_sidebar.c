/*
 * view_sidebar.c — the topics pane: "all" first, then the saved searches
 * (when there are any, under a "Saved" heading: each with its total and,
 * marked, the articles new to it), then each topic with the number of
 * documents the current query selects in it (store_facets with
 * FACET_TOPIC). Enter filters the list by the topic (query AND topic:slug);
 * Enter on "all" clears it; Enter on a saved search runs its query, marks
 * the articles new to it in the list and marks it seen. The active filter
 * or search is marked with '>'. In a terminal the topic counts for a new
 * query are computed after the screen is drawn.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

/* What row i of the pane is; *k: which saved search or topic. */
enum side_row { SIDE_ALL, SIDE_HEAD_SAVED, SIDE_SAVED, SIDE_HEAD_TOPICS, SIDE_TOPIC };

static enum side_row
side_row(const struct app *app, size_t i, size_t *k)
{
    size_t ns = app->nsaved;
    size_t extra = ns ? ns + 2 : 0;
    *k = 0;
    if (i == 0)
        return SIDE_ALL;
    if (ns && i == 1)
        return SIDE_HEAD_SAVED;
    if (ns && i < 2 + ns) {
        *k = i - 2;
        return SIDE_SAVED;
    }
    if (ns && i == 2 + ns)
        return SIDE_HEAD_TOPICS;
    *k = i - 1 - extra;
    return SIDE_TOPIC;
}

/* See tui.h. */
void
sidebar_saved_ensure(struct app *app)
{
    if (app->saved_valid)
        return;
    saved_counts_free(app->saved, app->nsaved);
    app->saved = NULL;
    app->nsaved = 0;
    struct ds_error err;
    ds_error_clear(&err);
    if (corpus_saved_counts(app->store, &app->saved, &app->nsaved, &err) < 0) {
        app->saved = NULL;
        app->nsaved = 0;
    }
    app->saved_valid = true;
}

/* See tui.h. */
void
sidebar_saved_open(struct app *app, size_t i)
{
    sidebar_saved_ensure(app);
    if (i >= app->nsaved)
        return;
    char *name = xstrdup(app->saved[i].name);
    char *query = xstrdup(app->saved[i].query);
    int64_t seen = app->saved[i].seen_id;
    free(app->topic);
    app->topic = NULL;
    if (app_set_query(app, query) == 0) {
        app->new_above = seen;
        app->saved_active = xstrdup(name);
        struct ds_error err;
        ds_error_clear(&err);
        size_t fresh = result_set_count_after(app->rs, seen);
        if (store_saved_seen(app->store, name, &err) < 0)
            app_message(app, ROLE_ERROR, "%s: %s", name, err.msg);
        else
            app_message(app, ROLE_STATUS, "%s: %zu new", name, fresh);
        app->saved_valid = false;
    }
    free(query);
    free(name);
}

static size_t
sidebar_count(struct app *app, struct pane *p)
{
    (void)p;
    sidebar_saved_ensure(app);
    /* in a terminal the counts are idle work after the screen is drawn (the
     * old ones show as "…" meanwhile); a script gets them before each draw */
    if (app->script)
        app_topics_ensure(app);
    else if (!app->topics_valid && app->rs)
        app->topics_wanted = true;
    return app->ntopics + 1 + (app->nsaved ? app->nsaved + 2 : 0);
}

/* A saved search's row: '>' when the list shows it, its name, then its
 * total and, marked, "+N" new. */
static void
draw_saved(struct app *app, const struct saved_count *c, int y, int x, int w, int role, bool sel)
{
    bool active = app->saved_active && strcmp(app->saved_active, c->name) == 0;
    char num[32], right[80];
    layout_thousands((int64_t)c->total, num, sizeof num);
    if (c->error)
        snprintf(right, sizeof right, " ?");
    else if (c->fresh)
        snprintf(right, sizeof right, " +%zu %s", c->fresh, num);
    else
        snprintf(right, sizeof right, " %s", num);
    char lead[4] = {active ? '>' : ' ', ' ', '\0'};
    int used = draw_text(y, x, w, lead, role, false);
    int rw = (int)strlen(right);
    int namew = w - used - rw;
    if (namew < 1) {
        draw_text(y, x + used, w - used, c->name, role, true);
        return;
    }
    draw_text(y, x + used, namew, c->name, role, true);
    draw_text(y, x + used + namew, rw, right, sel ? role : c->fresh ? ROLE_MARK : ROLE_META, true);
}

static void
sidebar_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)p;
    bool focused = app->focus == PANE_SIDEBAR;
    int role = sel ? (focused ? ROLE_SELECTION : ROLE_SELECTION_DIM) : ROLE_NORMAL;
    const char *name;
    int64_t count;
    bool active;
    size_t k;
    enum side_row kind = side_row(app, i, &k);
    if (kind == SIDE_HEAD_SAVED || kind == SIDE_HEAD_TOPICS) {
        draw_text(y, x, w, kind == SIDE_HEAD_SAVED ? "Saved" : "Topics", sel ? role : ROLE_META,
                  true);
        return;
    }
    if (kind == SIDE_SAVED) {
        draw_saved(app, &app->saved[k], y, x, w, role, sel);
        return;
    }
    if (kind == SIDE_ALL) {
        name = "all";
        count = app->base_count;
        active = app->topic == NULL && !app->saved_active;
    } else {
        const struct facet *f = &app->topics[k];
        name = f->key;
        count = f->count;
        active = app->topic && strcmp(app->topic, f->key) == 0;
    }
    char num[32];
    if (app->topics_valid)
        layout_thousands(count, num, sizeof num);
    else
        snprintf(num, sizeof num, "%s", "\xe2\x80\xa6"); /* … */
    int nw = (int)strlen(num) + 1;
    char lead[4] = {active ? '>' : ' ', ' ', '\0'};
    int used = draw_text(y, x, w, lead, role, false);
    int namew = w - used - nw;
    if (namew < 1) {
        draw_text(y, x + used, w - used, name, role, true);
        return;
    }
    draw_text(y, x + used, namew, name, role, true);
    char right[40];
    snprintf(right, sizeof right, "%*s", nw, num);
    draw_text(y, x + used + namew, nw, right, sel ? role : ROLE_META, true);
}

static bool
sidebar_action(struct app *app, struct pane *p, int action)
{
    if (action != ACT_ENTER && action != ACT_FILTER)
        return false;
    size_t k;
    enum side_row kind = side_row(app, p->sel, &k);
    if (kind == SIDE_ALL) {
        app_set_topic(app, NULL);
        return true;
    }
    if (kind == SIDE_SAVED) {
        sidebar_saved_open(app, k);
        return true;
    }
    if (kind == SIDE_TOPIC && k < app->ntopics) {
        char *slug = xstrdup(app->topics[k].key);
        app_set_topic(app, slug);
        free(slug);
        /* the facets are recomputed: keep the selection on the chosen topic */
        app_topics_ensure(app);
        sidebar_saved_ensure(app);
        size_t extra = app->nsaved ? app->nsaved + 2 : 0;
        for (size_t t = 0; t < app->ntopics; t++)
            if (app->topic && strcmp(app->topics[t].key, app->topic) == 0)
                p->sel = t + 1 + extra;
    }
    return true;
}

const struct pane_ops sidebar_pane_ops = {
    .title = "Topics",
    .selectable = true,
    .count = sidebar_count,
    .draw_line = sidebar_draw_line,
    .action = sidebar_action,
};
