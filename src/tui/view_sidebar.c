/*
 * view_sidebar.c — the topics pane: "all" first, then the saved searches
 * (when there are any, under a "Saved" heading: each with its total and,
 * marked, the articles new to it), then the topics with the number of
 * documents the current query selects in each (store_facets with
 * FACET_TOPIC) as a tree: the top level, most first, and under a topic
 * unfolded (<Right>; <Left> folds) its children, indented, most first. A
 * parent's count includes its children's documents (a child assigned brings
 * its parent). A topic with children is marked '+' (folded) or '-'
 * (unfolded); the ancestors of the active filter are shown unfolded. Enter
 * filters the list by the topic (query AND topic:slug); Enter on "all"
 * clears it; Enter on a saved search runs its query, marks the articles new
 * to it in the list and marks it seen. The active filter or search is
 * marked with '>'. In a terminal the counts for a new query are computed
 * after the screen is drawn. Below the topics, when `dossier themes` has
 * saved themes in the index, a "Themes" heading and each theme (its label,
 * its articles in the whole collection); Enter on one adds theme:N to the
 * query.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

/* What row i of the pane is; *k: which saved search or topic. */
enum side_kind {
    SIDE_ALL,
    SIDE_HEAD_SAVED,
    SIDE_SAVED,
    SIDE_HEAD_TOPICS,
    SIDE_TOPIC,
    SIDE_HEAD_THEMES,
    SIDE_THEME
};

/* What row i is (see the file's comment); *k: which saved search, row of
 * app->side or theme. */
static enum side_kind
side_kind_of(const struct app *app, size_t i, size_t *k)
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
    *k = i - 1 - extra; /* a row of app->side */
    if (*k < app->nside || !app->themes.n)
        return SIDE_TOPIC;
    if (*k == app->nside)
        return SIDE_HEAD_THEMES;
    *k -= app->nside + 1;
    return SIDE_THEME;
}

/* Read the themes saved in the index once (again after it changes); none
 * when there are none or they cannot be read. */
static void
sidebar_themes_ensure(struct app *app)
{
    if (app->themes_valid)
        return;
    corpus_themes_clear(&app->themes);
    struct ds_error err;
    ds_error_clear(&err);
    if (corpus_themes_saved(app->store, &app->themes, &err) < 0)
        corpus_themes_clear(&app->themes);
    app->themes_valid = true;
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
    /* a seen mark kept while another program writes counts as written */
    for (size_t i = 0; i < app->nsaved; i++) {
        int64_t mark;
        if (app_saved_seen_pending(app, app->saved[i].name, &mark) &&
            mark > app->saved[i].seen_id)
            corpus_saved_recount(app->store, &app->saved[i], mark, &err);
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
    struct ds_error err;
    ds_error_clear(&err);
    /* seen as of now, read before the search runs: whatever is indexed
     * from here on stays new, even when the mark is written later */
    int64_t now = store_max_doc_id(app->store, &err);
    free(app->topic);
    app->topic = NULL;
    if (app_set_query(app, query) == 0) {
        app->new_above = seen;
        app->saved_active = xstrdup(name);
        size_t fresh = result_set_count_after(app->rs, seen);
        int rc = now < 0 ? -1 : app_saved_seen_set(app, name, now, &err);
        if (rc < 0)
            app_message(app, ROLE_ERROR, "%s: %s", name, err.msg);
        else if (rc == 0)
            app_message(app, ROLE_MARK, "%s: %zu new; %s", name, fresh, TUI_BUSY_SEEN_MSG);
        else
            app_message(app, ROLE_STATUS, "%s: %zu new", name, fresh);
        app->saved_valid = false;
    }
    free(query);
    free(name);
}

/* The pane row of the first topic: after "all" and, when there are saved
 * searches, their heading, rows and the "Topics" heading. */
static size_t
sidebar_topic_base(const struct app *app)
{
    return 1 + (app->nsaved ? app->nsaved + 2 : 0);
}

void
sidebar_free(struct app *app)
{
    for (size_t i = 0; i < app->nunfolded; i++)
        free(app->unfolded[i]);
    free(app->unfolded);
    free(app->side);
    app->unfolded = NULL;
    app->side = NULL;
    app->nunfolded = app->nside = app->side_cap = 0;
}

/* Is slug a/b/c below (a descendant of) parent a? */
static bool
sidebar_below(const char *slug, const char *parent)
{
    size_t n = strlen(parent);
    return strncmp(slug, parent, n) == 0 && slug[n] == '/';
}

/* Are the children of slug shown: unfolded by the user, or above the
 * active filter? */
static bool
sidebar_is_open(const struct app *app, const char *slug)
{
    if (app->topic && sidebar_below(app->topic, slug))
        return true;
    for (size_t i = 0; i < app->nunfolded; i++)
        if (strcmp(app->unfolded[i], slug) == 0)
            return true;
    return false;
}

/* The index of facet i's parent among the facets (the longest slug it is
 * below), or -1 when none is listed: it then shows at the top. */
static long
sidebar_parent(const struct app *app, size_t i)
{
    const char *key = app->topics[i].key;
    for (size_t n = strlen(key); n-- > 1;) {
        if (key[n] != '/')
            continue;
        for (size_t k = 0; k < app->ntopics; k++)
            if (strncmp(app->topics[k].key, key, n) == 0 && app->topics[k].key[n] == '\0')
                return (long)k;
    }
    return -1;
}

/* Append the rows of facet i and (when open) its subtree; parent[] holds
 * each facet's parent index. */
static void
sidebar_emit(struct app *app, const long *parent, size_t i, uint16_t depth)
{
    bool kids = false;
    for (size_t k = 0; k < app->ntopics && !kids; k++)
        kids = parent[k] == (long)i;
    if (app->nside == app->side_cap) {
        app->side_cap = app->side_cap ? app->side_cap * 2 : 32;
        app->side = xrealloc(app->side, app->side_cap * sizeof *app->side);
    }
    bool open = kids && sidebar_is_open(app, app->topics[i].key);
    app->side[app->nside++] = (struct side_row){(uint32_t)i, depth, kids, open};
    if (!open || depth >= 16)
        return;
    for (size_t k = 0; k < app->ntopics; k++) /* the facets come most first */
        if (parent[k] == (long)i)
            sidebar_emit(app, parent, k, (uint16_t)(depth + 1));
}

/* Rebuild app->side from the facets and the fold state. */
static void
sidebar_rows(struct app *app)
{
    app->nside = 0;
    if (!app->ntopics)
        return;
    long *parent = xmalloc(app->ntopics * sizeof *parent);
    for (size_t i = 0; i < app->ntopics; i++)
        parent[i] = sidebar_parent(app, i);
    for (size_t i = 0; i < app->ntopics; i++)
        if (parent[i] < 0)
            sidebar_emit(app, parent, i, 0);
    free(parent);
}

static size_t
sidebar_count(struct app *app, struct pane *p)
{
    (void)p;
    /* in a terminal the counts are idle work after the screen is drawn (the
     * old ones show as "…" meanwhile); a script gets them before each draw */
    if (app->script)
        app_topics_ensure(app);
    else if (!app->topics_valid && app->rs)
        app->topics_wanted = true;
    sidebar_saved_ensure(app);
    sidebar_themes_ensure(app);
    sidebar_rows(app);
    return app->nside + sidebar_topic_base(app) + (app->themes.n ? app->themes.n + 1 : 0);
}

/* One row: lead ("> " or "  "), name, and right-aligned the count text
 * right in rrole (role when it does not fit). */
static void
draw_named_row(int y, int x, int w, const char *lead, const char *name, const char *right,
               int role, int rrole)
{
    int used = draw_text(y, x, w, lead, role, false);
    int rw = (int)strlen(right);
    int namew = w - used - rw;
    if (namew < 1) {
        draw_text(y, x + used, w - used, name, role, true);
        return;
    }
    draw_text(y, x + used, namew, name, role, true);
    draw_text(y, x + used + namew, rw, right, rrole, true);
}

/* A theme's row: its label, then its articles in the collection. */
static void
draw_theme(const struct corpus_theme *t, int y, int x, int w, int role, bool sel)
{
    char num[32], right[40];
    layout_thousands(t->size, num, sizeof num);
    snprintf(right, sizeof right, " %s", num);
    draw_named_row(y, x, w, "  ", t->label, right, role, sel ? role : ROLE_META);
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
    draw_named_row(y, x, w, lead, c->name, right, role,
                   sel ? role : c->fresh ? ROLE_MARK : ROLE_META);
}

/* Row i's name: "all", a top-level slug, or a child's last name indented
 * under its parent, after its fold mark when it has children. */
static void
sidebar_name(const struct app *app, size_t i, char *out, size_t size)
{
    if (i == 0) {
        snprintf(out, size, "all");
        return;
    }
    const struct side_row *r = &app->side[i - sidebar_topic_base(app)];
    const char *key = app->topics[r->facet].key;
    const char *last = strrchr(key, '/');
    const char *name = r->depth && last ? last + 1 : key;
    snprintf(out, size, "%*s%s%s", 2 * r->depth, "", r->kids ? (r->open ? "- " : "+ ") : "",
             name);
}

static void
sidebar_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)p;
    bool focused = app->focus == PANE_SIDEBAR;
    int role = sel ? (focused ? ROLE_SELECTION : ROLE_SELECTION_DIM) : ROLE_NORMAL;
    int64_t count;
    bool active;
    size_t k;
    enum side_kind kind = side_kind_of(app, i, &k);
    if (kind == SIDE_HEAD_SAVED || kind == SIDE_HEAD_TOPICS || kind == SIDE_HEAD_THEMES) {
        const char *head = kind == SIDE_HEAD_SAVED    ? "Saved"
                           : kind == SIDE_HEAD_TOPICS ? "Topics"
                                                      : "Themes";
        draw_text(y, x, w, head, sel ? role : ROLE_META, true);
        return;
    }
    if (kind == SIDE_THEME) {
        if (k < app->themes.n)
            draw_theme(&app->themes.v[k], y, x, w, role, sel);
        return;
    }
    if (kind == SIDE_SAVED) {
        draw_saved(app, &app->saved[k], y, x, w, role, sel);
        return;
    }
    char name[160];
    sidebar_name(app, i, name, sizeof name);
    if (kind == SIDE_ALL) {
        count = app->base_count;
        active = app->topic == NULL && !app->saved_active;
    } else {
        const struct facet *f = &app->topics[app->side[k].facet];
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

/* Select the row of slug, if it is shown. */
static void
sidebar_select(struct app *app, struct pane *p, const char *slug)
{
    sidebar_rows(app);
    for (size_t k = 0; k < app->nside; k++)
        if (strcmp(app->topics[app->side[k].facet].key, slug) == 0)
            p->sel = k + sidebar_topic_base(app);
}

/* Unfold (<Right>) or fold (<Left>) the selected row's topic; <Left> on a
 * topic with nothing to fold folds its parent and selects it. */
static void
sidebar_fold(struct app *app, struct pane *p, bool unfold)
{
    size_t base = sidebar_topic_base(app);
    if (p->sel < base || p->sel - base >= app->nside)
        return;
    const struct side_row *r = &app->side[p->sel - base];
    char *slug = xstrdup(app->topics[r->facet].key);
    if (!unfold && !r->open) {
        char *slash = strrchr(slug, '/');
        if (!slash || r->depth == 0) {
            free(slug);
            return;
        }
        *slash = '\0'; /* fold the parent instead */
    }
    size_t k = 0;
    for (size_t i = 0; i < app->nunfolded; i++) {
        if (strcmp(app->unfolded[i], slug) == 0)
            free(app->unfolded[i]);
        else
            app->unfolded[k++] = app->unfolded[i];
    }
    app->nunfolded = k;
    if (unfold && r->kids) {
        app->unfolded = xrealloc(app->unfolded, (k + 1) * sizeof *app->unfolded);
        app->unfolded[app->nunfolded++] = xstrdup(slug);
    }
    if (!unfold && app->topic && sidebar_below(app->topic, slug))
        app_message(app, ROLE_STATUS, "the filter %s stays shown", app->topic);
    sidebar_select(app, p, slug);
    free(slug);
}

static bool
sidebar_action(struct app *app, struct pane *p, int action)
{
    if (action == ACT_UNFOLD || action == ACT_FOLD) {
        sidebar_fold(app, p, action == ACT_UNFOLD);
        return true;
    }
    if (action != ACT_ENTER && action != ACT_FILTER)
        return false;
    size_t k;
    enum side_kind kind = side_kind_of(app, p->sel, &k);
    if (kind == SIDE_ALL) {
        app_set_topic(app, NULL);
        return true;
    }
    if (kind == SIDE_SAVED) {
        sidebar_saved_open(app, k);
        return true;
    }
    if (kind == SIDE_THEME && k < app->themes.n) {
        char f[32];
        snprintf(f, sizeof f, "theme:%d", app->themes.v[k].id);
        app_add_filter(app, f);
        return true;
    }
    if (kind == SIDE_TOPIC && k < app->nside) {
        char *slug = xstrdup(app->topics[app->side[k].facet].key);
        app_set_topic(app, slug);
        /* the facets are recomputed: keep the selection on the chosen topic */
        app_topics_ensure(app);
        sidebar_select(app, p, slug);
        free(slug);
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
