/*
 * view_list.c — the article list: one row per result (date, outlet, title or
 * lead sentence, topic marks). The list is virtual: rows come from the
 * result set's window (app_row), so only the rows on screen are fetched.
 * Also the marks the rows show, cached per document: near-duplicates
 * ("≈2") and the outlets that told the article's story ("≡3": three
 * outlets, this one's included; shown from two).
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/store_story.h"
#include "dossier/utf8.h"
#include "tui.h"

/* Near-duplicate and story-outlet counts by document, computed as rows are
 * drawn. */
struct ndup_entry {
    int64_t id;
    size_t count;
    size_t outlets; /* outlets of its story (0 when not grouped) */
};

struct list_ndups {
    struct ndup_entry *v;
    size_t n, cap;
};

static size_t
list_count(struct app *app, struct pane *p)
{
    (void)p;
    return app->rs ? result_set_count(app->rs) : 0;
}

static void
list_title(struct app *app, struct pane *p, struct buf *out)
{
    size_t n = list_count(app, p);
    char a[32], b[32];
    layout_thousands(n ? (int64_t)p->sel + 1 : 0, a, sizeof a);
    layout_thousands((int64_t)n, b, sizeof b);
    buf_printf(out, "%s/%s", a, b);
    if (app->topic)
        buf_printf(out, "  topic:%s", app->topic);
    if (app->sort == SORT_DATE)
        buf_puts(out, "  by date");
}

/* Draw s clipped/padded to exactly w columns from x; returns x + w. */
static int
cell(int y, int x, int w, const char *s, int role)
{
    if (w <= 0)
        return x;
    draw_text_fit(y, x, w, s, role);
    return x + w;
}

/* The title in tw columns (ending in an ellipsis when cut) with the query's
 * hits highlighted. */
static void
draw_title(struct app *app, int y, int x, int tw, const char *title, int role, int override)
{
    size_t n = strlen(title), keep = n;
    bool cut = layout_width(title, n) > (size_t)tw && tw > 1;
    if (cut) {
        size_t cols = 0;
        keep = 0;
        while (keep < n) {
            uint32_t cp;
            int k = utf8_decode(title + keep, n - keep, &cp);
            size_t cw = (size_t)layout_cp_width(cp);
            if (cols + cw > (size_t)tw - 1)
                break;
            cols += cw;
            keep += (size_t)k;
        }
    }
    struct tlines ls;
    tlines_init(&ls);
    struct tline *l = tlines_add(&ls, title, keep, role);
    if (cut) {
        free(l->text);
        l->text = xasprintf("%.*s\xe2\x80\xa6", (int)keep, title);
        l->len = keep + 3;
    }
    const struct query *q = app_query(app);
    if ((app->hl == HL_ALL || app->hl == HL_HITS) && q && query_has_text(q)) {
        struct span *hits = NULL;
        size_t nhits = 0;
        struct ds_error err;
        ds_error_clear(&err);
        if (store_hit_spans_text(app->store, q, title, n, &hits, &nhits, &err) == 0)
            for (size_t k = 0; k < nhits; k++)
                tline_add_span(l, hits[k].start, DS_MIN(hits[k].end, (uint32_t)keep), ROLE_HIT);
        free(hits);
    }
    draw_tline(y, x, tw, l, override);
    tlines_clear(&ls);
}

static void
list_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    const struct result_row *r = app_row(app, i);
    bool focused = app->focus == PANE_LIST;
    int base = sel ? (focused ? ROLE_SELECTION : ROLE_SELECTION_DIM) : ROLE_NORMAL;
    if (!r) {
        draw_text(y, x, w, "", base, true);
        return;
    }
    int end = x + w;
    char date[16];
    snprintf(date, sizeof date, "%-10.10s", r->published ? r->published : "");
    x = cell(y, x, DS_MIN(10, end - x), date, sel ? base : ROLE_META);
    /* '*' bookmarked, else '+' new (arrived, or new to the saved search shown) */
    bool fresh = app->new_above >= 0 && r->id > app->new_above;
    x = cell(y, x, DS_MIN(1, end - x), app_row_marked(app, i) ? "*" : fresh ? "+" : "",
             sel ? base : ROLE_MARK);
    if (w >= 60) {
        x = cell(y, x, DS_MIN(14, end - x), r->source ? r->source : "", sel ? base : ROLE_META);
        x = cell(y, x, DS_MIN(1, end - x), "", base);
    }
    /* the article marked as A for a comparison */
    if (r->id == app->cmp_mark && end - x > 4)
        x = cell(y, x, 2, "A", sel ? base : ROLE_MARK);
    /* near-duplicates ("≈2"), outlets of the story ("≡3") and the most
     * specific topic of the best branch at the right end */
    char mark[64] = "";
    size_t ndups = list_near_dups(app, r->id), outlets = list_story_outlets(app, r->id);
    if (ndups)
        snprintf(mark, sizeof mark, " \xe2\x89\x88%zu", ndups);
    if (outlets >= 2)
        snprintf(mark + strlen(mark), sizeof mark - strlen(mark), " \xe2\x89\xa1%zu", outlets);
    if (r->topics && w >= 50) {
        char label[17]; /* the most specific topic, at most 16 bytes */
        layout_topic_label(r->topics, label, sizeof label);
        size_t used = strlen(mark);
        snprintf(mark + used, sizeof mark - used, " %s", label);
    }
    int mw = (int)layout_width(mark, strlen(mark));
    int tw = end - x - mw;
    if (tw < 1) {
        tw = end - x;
        mark[0] = '\0';
        mw = 0;
    }
    draw_title(app, y, x, tw, r->title ? r->title : "(untitled)",
               r->has_title ? ROLE_NORMAL : ROLE_DIM, sel ? base : -1);
    x += tw;
    if (mw)
        cell(y, x, end - x, mark, sel ? base : ROLE_MARK);
    (void)p;
}

static void
list_selected(struct app *app, struct pane *p)
{
    const struct result_row *r = app_row(app, p->sel);
    reader_load(app, r ? r->id : 0);
}

static bool
list_action(struct app *app, struct pane *p, int action)
{
    if (action == ACT_ENTER) {
        app->focus = PANE_READER;
        return true;
    }
    if (action == ACT_FILTER) {
        const struct result_row *r = app_row(app, p->sel);
        if (r && r->source) {
            char *f = query_field_text(QF_SOURCE, r->source);
            app_add_filter(app, f);
            free(f);
        }
        return true;
    }
    return false;
}

const struct pane_ops list_pane_ops = {
    .title = "Articles",
    .selectable = true,
    .count = list_count,
    .title_extra = list_title,
    .draw_line = list_draw_line,
    .selected = list_selected,
    .action = list_action,
};

/* ---- near-duplicate counts ----------------------------------------------------------- */

/* The cached marks of document id, computed on first sight. */
static const struct ndup_entry *
list_marks(struct app *app, int64_t id)
{
    if (!app->ndups)
        app->ndups = xcalloc(1, sizeof(*app->ndups));
    struct list_ndups *c = app->ndups;
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].id == id)
            return &c->v[i];
    struct similar_doc *d = NULL;
    size_t n = 0, count = 0;
    struct ds_error err;
    ds_error_clear(&err);
    if (neardup_find(app->store, id, NEARDUP_MIN_JACCARD, &d, &n, &err) == 0)
        for (size_t i = 0; i < n; i++)
            count += d[i].id != id;
    free(d);
    struct story_info si;
    size_t outlets = 0;
    if (store_story_of(app->store, id, &si, &err) == 0) {
        outlets = si.outlets;
        story_info_clear(&si);
    }
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->v = xrealloc(c->v, c->cap * sizeof(*c->v));
    }
    c->v[c->n++] = (struct ndup_entry){id, count, outlets};
    return &c->v[c->n - 1];
}

size_t
list_near_dups(struct app *app, int64_t id)
{
    return list_marks(app, id)->count;
}

size_t
list_story_outlets(struct app *app, int64_t id)
{
    return list_marks(app, id)->outlets;
}

void
list_near_dups_forget(struct app *app)
{
    if (app->ndups) {
        free(app->ndups->v);
        free(app->ndups);
        app->ndups = NULL;
    }
}
