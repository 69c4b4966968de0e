/*
 * view_reader.c — the article: title, outlet, date and byline above the
 * cleaned body, wrapped to the pane with its highlights (search hits,
 * figures, entities by kind, topic-rule words, find matches, the item jumped
 * to), each a style role. Also loading an article (reader_load) and finding
 * text in it (/, n, N). Scrolls by line and page; no selection.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "tui.h"

/* ---- the loaded article ------------------------------------------------------------ */

static void
finds_clear(struct app *app)
{
    free(app->finds);
    app->finds = NULL;
    app->nfinds = app->find_cur = 0;
}

/* The web address of the article in the reader (the one its feed item or
 * fetch stated, else the page's own), or NULL. */
const char *
reader_url(const struct app *app)
{
    if (!app->doc_id)
        return NULL;
    return app->origin.url ? app->origin.url : app->doc.a.url;
}

/* Last path component of p. */
static const char *
base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s && s[1] ? s + 1 : p;
}

/* The reader's header line of where the article came from: "file NAME" or
 * "feed NAME, item KEY", then its web address, each in the meta role. */
static void
reader_origin(struct app *app, int w)
{
    const struct doc_origin *o = &app->origin;
    char *line = NULL;
    if (o->item && o->file)
        line = xasprintf("feed %s, item %s", base_name(o->file), o->item);
    else if (o->file || app->doc.path)
        line = xasprintf("file %s", base_name(o->file ? o->file : app->doc.path));
    if (line)
        layout_wrap(line, strlen(line), w, 0, ROLE_META, &app->rlines);
    free(line);
    const char *url = reader_url(app);
    if (url)
        layout_wrap(url, strlen(url), w, 0, ROLE_META, &app->rlines);
}

void
reader_doc_clear(struct app *app)
{
    if (app->doc_id)
        doc_record_clear(&app->doc);
    memset(&app->doc, 0, sizeof app->doc);
    doc_origin_clear(&app->origin);
    extraction_clear(&app->ex);
    memset(&app->ex, 0, sizeof app->ex);
    free(app->hits);
    app->hits = NULL;
    app->nhits = 0;
    keywords_free(app->kw, app->nkw);
    app->kw = NULL;
    app->nkw = 0;
    tlines_clear(&app->rlines);
    app->rwidth = 0;
    app->current = (struct span){0, 0};
    finds_clear(app);
    facts_clear(app);
    app->facts_valid = false;
    app->kw_valid = false;
    app->kw_wanted = false;
    app->doc_id = 0;
    app->bookmarked = false;
}

/* Find every case-insensitive occurrence of app->find in the body. */
static void
find_compute(struct app *app)
{
    finds_clear(app);
    const char *body = app->doc.a.body;
    if (!app->find || !*app->find || !body)
        return;
    size_t blen = strlen(body), cap = 0, from = 0;
    uint32_t st, en;
    while (from < blen && layout_find_ci(body, blen, app->find, from, &st, &en)) {
        if (app->nfinds == cap) {
            cap = cap ? cap * 2 : 16;
            app->finds = xrealloc(app->finds, cap * sizeof(*app->finds));
        }
        app->finds[app->nfinds++] = (struct span){st, en};
        from = en > st ? en : st + 1;
    }
}

void
reader_load(struct app *app, int64_t id)
{
    int64_t old = app->doc_id;
    size_t old_top = app->panes[PANE_READER].top;
    reader_doc_clear(app);
    app->panes[PANE_FACTS].sel = app->panes[PANE_FACTS].top = 0;
    if (id != old)
        app->panes[PANE_READER].top = 0;
    else
        app->panes[PANE_READER].top = old_top;
    if (id <= 0)
        return;
    struct ds_error err;
    ds_error_clear(&err);
    int rc = store_doc_get(app->store, id, &app->doc, &err);
    if (rc != 0) {
        memset(&app->doc, 0, sizeof app->doc);
        if (rc < 0)
            app_message(app, ROLE_ERROR, "%s", err.msg);
        return;
    }
    app->doc_id = id;
    if (store_doc_origin(app->store, id, &app->origin, &err) < 0)
        memset(&app->origin, 0, sizeof app->origin);
    if (store_get_extraction(app->store, id, &app->ex, &err) < 0)
        memset(&app->ex, 0, sizeof app->ex);
    const struct query *q = app_query(app);
    if (q && query_has_text(q) &&
        store_hit_spans(app->store, q, id, &app->hits, &app->nhits, &err) < 0) {
        app->hits = NULL;
        app->nhits = 0;
    }
    if (!app_bookmark_pending(app, id, &app->bookmarked)) /* a kept change shows as done */
        app->bookmarked = store_tag_has(app->store, id, "bookmark", &err) == 1;
    find_compute(app);
}

static void
mark_spans(struct app *app, const struct span *sp, size_t n, int role, uint32_t limit)
{
    for (size_t i = 0; i < n; i++)
        if (sp[i].end <= limit)
            layout_mark(&app->rlines, sp[i].start, sp[i].end, role);
}

void
reader_layout(struct app *app, int w)
{
    /* keep the line at the top in view across a re-layout */
    int64_t keep = -1;
    struct pane *rp = &app->panes[PANE_READER];
    if (app->rwidth && rp->top < app->rlines.n)
        keep = app->rlines.v[rp->top].src;
    tlines_clear(&app->rlines);
    app->rwidth = w;
    if (!app->doc_id)
        return;
    const struct article *a = &app->doc.a;
    size_t first = app->rlines.n;
    const char *title = a->title ? a->title : app->doc.lead;
    if (title) {
        layout_wrap(title, strlen(title), w, 0, ROLE_TITLE, &app->rlines);
        /* search hits in the title (its lines' offsets are into the title here) */
        const struct query *q = app_query(app);
        struct span *th = NULL;
        size_t nth = 0;
        struct ds_error err;
        ds_error_clear(&err);
        if ((app->hl == HL_ALL || app->hl == HL_HITS) && q && query_has_text(q) &&
            store_hit_spans_text(app->store, q, title, strlen(title), &th, &nth, &err) == 0)
            for (size_t i = 0; i < nth; i++)
                layout_mark(&app->rlines, th[i].start, th[i].end, ROLE_HIT);
        free(th);
    }
    if (a->subtitle)
        layout_wrap(a->subtitle, strlen(a->subtitle), w, 0, ROLE_META, &app->rlines);
    struct buf meta = BUF_INIT;
    char dm[24];
    day_month_text(a->published ? NULL : a->day_month, dm);
    const char *parts[] = {a->source, a->published ? a->published : dm[0] ? dm : NULL,
                           a->byline ? "by " : NULL, a->section};
    for (size_t i = 0; i < DS_ARRAY_LEN(parts); i++) {
        if (!parts[i])
            continue;
        if (meta.len)
            buf_puts(&meta, "  \xc2\xb7  ");
        buf_puts(&meta, parts[i]);
        if (i == 2)
            buf_puts(&meta, a->byline);
    }
    if (app->bookmarked)
        buf_puts(&meta, meta.len ? "  \xc2\xb7  bookmarked" : "bookmarked");
    if (meta.len)
        layout_wrap(meta.data, meta.len, w, 0, ROLE_META, &app->rlines);
    reader_origin(app, w);
    tlines_add(&app->rlines, "", 0, ROLE_NORMAL);
    for (size_t i = first; i < app->rlines.n; i++)
        app->rlines.v[i].src = -1;
    buf_free(&meta);

    const char *body = a->body ? a->body : "";
    uint32_t blen = (uint32_t)strlen(body);
    layout_wrap(body, blen, w, 0, ROLE_NORMAL, &app->rlines);

    if (app->hl == HL_ALL || app->hl == HL_FACTS) {
        for (size_t i = 0; i < app->ex.ntopics; i++)
            mark_spans(app, app->ex.topics[i].spans, app->ex.topics[i].nspans, ROLE_TOPIC, blen);
        for (size_t i = 0; i < app->ex.nentities; i++)
            mark_spans(app, app->ex.entities[i].spans, app->ex.entities[i].nspans,
                       theme_entity_role(app->ex.entities[i].kind), blen);
        for (size_t i = 0; i < app->ex.nfigures; i++) {
            const struct figure *f = &app->ex.figures[i];
            mark_spans(app, &f->span, 1, ROLE_FIGURE, blen);
            mark_spans(app, f->also, f->nalso, ROLE_FIGURE, blen);
        }
    }
    if (app->hl == HL_ALL || app->hl == HL_HITS)
        mark_spans(app, app->hits, app->nhits, ROLE_HIT, blen);
    mark_spans(app, app->finds, app->nfinds, ROLE_FIND, blen);
    if (app->current.end > app->current.start)
        mark_spans(app, &app->current, 1, ROLE_CURRENT, blen);

    if (keep >= 0) {
        long l = layout_line_of(&app->rlines, (uint32_t)keep);
        rp->top = l >= 0 ? (size_t)l : 0;
    }
}

void
reader_jump(struct app *app, uint32_t off, uint32_t end)
{
    app->current = (struct span){off, end};
    struct pane *rp = &app->panes[PANE_READER];
    int w = rp->w > 0 ? rp->w : (app->rwidth ? app->rwidth : 80);
    app->rwidth = 0; /* re-layout without keeping the old top */
    reader_layout(app, w);
    long l = layout_line_of(&app->rlines, off);
    if (l < 0)
        return;
    size_t page = rp->h > 1 ? (size_t)rp->h - 1 : 1;
    /* put the line a third of the way down */
    rp->top = (size_t)l > page / 3 ? (size_t)l - page / 3 : 0;
}

/* n/N: the next find match, or the next search hit when nothing is being found. */
void
reader_find_step(struct app *app, int dir)
{
    const struct span *v = app->nfinds ? app->finds : app->hits;
    size_t n = app->nfinds ? app->nfinds : app->nhits;
    if (!n) {
        app_message(app, ROLE_ERROR, app->find ? "not found: %s" : "%s",
                    app->find ? app->find : "nothing to find (/ finds text)");
        return;
    }
    size_t cur = app->find_cur;
    bool wrapped = false;
    if (app->current.end == 0) {
        cur = dir > 0 ? 0 : n - 1;
    } else if (dir > 0) {
        cur = cur + 1 < n ? cur + 1 : (wrapped = true, 0);
    } else {
        cur = cur > 0 ? cur - 1 : (wrapped = true, n - 1);
    }
    app->find_cur = cur;
    reader_jump(app, v[cur].start, v[cur].end);
    app_message(app, ROLE_STATUS, "%s %zu/%zu%s", app->nfinds ? "find" : "hit", cur + 1, n,
                wrapped ? " (wrapped)" : "");
}

void
reader_find_start(struct app *app, const char *text)
{
    free(app->find);
    app->find = *text ? xstrdup(text) : NULL;
    find_compute(app);
    app->current = (struct span){0, 0};
    app->rwidth = 0;
    if (!app->find)
        return;
    if (!app->nfinds) {
        app_message(app, ROLE_ERROR, "not found: %s", app->find);
        return;
    }
    /* the first match at or after the top of the reader */
    struct pane *rp = &app->panes[PANE_READER];
    uint32_t from = 0;
    if (rp->top < app->rlines.n && app->rlines.v[rp->top].src > 0)
        from = (uint32_t)app->rlines.v[rp->top].src;
    size_t k = 0;
    while (k < app->nfinds && app->finds[k].start < from)
        k++;
    if (k == app->nfinds)
        k = 0;
    app->find_cur = k;
    reader_jump(app, app->finds[k].start, app->finds[k].end);
    app_message(app, ROLE_STATUS, "find %zu/%zu", k + 1, app->nfinds);
}

/* ---- the view ------------------------------------------------------------------------- */

static size_t
reader_count(struct app *app, struct pane *p)
{
    if (app->rwidth != p->w && p->w > 0)
        reader_layout(app, p->w);
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

const struct pane_ops reader_pane_ops = {
    .title = "Article",
    .selectable = false,
    .count = reader_count,
    .title_extra = reader_title,
    .draw_line = reader_draw_line,
    .action = reader_action,
};
