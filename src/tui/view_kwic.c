/*
 * view_kwic.c — keyword in context (w): every occurrence of a word or
 * phrase in the articles the current query selects, one aligned line each
 * (left context right-aligned, the keyword at the same column on every
 * line and highlighted, right context). toggle-sort cycles document order,
 * sorting by the words on the left and by those on the right; Enter opens
 * the article in the reader at the occurrence, highlighted. Full screen.
 *
 * A word frequent in a large list takes a while (every candidate article is
 * tokenized, ~45 ms per MB): the first lines are found while the view
 * opens, the rest in steps between keys (kwic_step: the view's idle work,
 * done while no key waits), and the title says how far it got.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/corpus.h"
#include "tui.h"
#include "view_stats.h"

/* Context kept on each side (the screen shows what fits). */
#define KWIC_CONTEXT 80
/* Candidate articles read per step, and how long opening may take before
 * the rest is left to the steps between keys. */
#define KWIC_STEP_DOCS 64
#define KWIC_OPEN_MS 40.0

struct kwic_state {
    char *term;
    char *error;
    struct corpus_kwic *v;
    size_t n;
    size_t docs;   /* articles with an occurrence */
    size_t kwmax;  /* widest keyword, in columns */
    bool truncated;
    int sort;      /* enum corpus_kwic_sort */
    double ms;
    struct corpus_kwic_scan *scan; /* while articles remain to be read */
    int64_t last_doc;              /* of the last line found (docs counting) */
};

static struct kwic_state kwic;

static void
kwic_close(void)
{
    corpus_kwic_end(&kwic.scan);
    corpus_kwic_free(kwic.v, kwic.n);
    free(kwic.term);
    free(kwic.error);
    memset(&kwic, 0, sizeof kwic);
}

const char *
view_kwic_term(void)
{
    return kwic.term;
}

/* Take the lines the search found since the last call (in document
 * order), and keep the list in the chosen order. */
static void
kwic_collect(struct pane *p)
{
    struct corpus_kwic *v = NULL;
    size_t n = 0;
    corpus_kwic_lines(kwic.scan, &n, &kwic.truncated);
    corpus_kwic_take(kwic.scan, &v, &n);
    if (!n) {
        free(v);
        return;
    }
    kwic.v = xrealloc(kwic.v, (kwic.n + n) * sizeof *kwic.v);
    memcpy(kwic.v + kwic.n, v, n * sizeof *v);
    free(v);
    for (size_t i = kwic.n; i < kwic.n + n; i++) {
        if (kwic.v[i].doc_id != kwic.last_doc)
            kwic.docs++; /* found in document order */
        kwic.last_doc = kwic.v[i].doc_id;
        size_t w = layout_width(kwic.v[i].kw, strlen(kwic.v[i].kw));
        if (w > kwic.kwmax)
            kwic.kwmax = w;
    }
    kwic.n += n;
    if (kwic.sort != CORPUS_KWIC_BY_DOC && p) {
        /* the selected line stays selected */
        int64_t id = kwic.v[p->sel].doc_id;
        uint32_t start = kwic.v[p->sel].start;
        corpus_kwic_sort(kwic.v, kwic.n, (enum corpus_kwic_sort)kwic.sort);
        for (size_t i = 0; i < kwic.n; i++)
            if (kwic.v[i].doc_id == id && kwic.v[i].start == start)
                p->sel = i;
    }
}

static bool
kwic_pending(void)
{
    return kwic.scan != NULL;
}

static bool
kwic_step(struct app *app)
{
    if (!kwic.scan)
        return false;
    struct ds_error err;
    ds_error_clear(&err);
    double t0 = ds_now();
    int more = corpus_kwic_more(kwic.scan, KWIC_STEP_DOCS, &err);
    if (more < 0)
        app_message(app, ROLE_ERROR, "keyword in context: %s", err.msg);
    kwic_collect(kwic.n ? &app_view(app, VIEW_KWIC)->pane : NULL);
    if (more <= 0)
        corpus_kwic_end(&kwic.scan);
    kwic.ms += (ds_now() - t0) * 1000.0;
    return kwic.scan != NULL;
}

static int
kwic_open(struct app *app, const char *term)
{
    struct ds_error err;
    ds_error_clear(&err);
    kwic_close();
    kwic.term = corpus_clean_line(term, strlen(term));
    double t0 = ds_now();
    struct corpus_sel *sel = NULL;
    if (!*kwic.term) {
        kwic.error = xstrdup("no word to find");
        return -1;
    }
    if (corpus_select(app->store, app_query(app), &sel, &err) != 0 ||
        corpus_kwic_begin(app->store, sel, kwic.term, KWIC_CONTEXT, 0, &kwic.scan, &err) != 0) {
        kwic.error = xstrdup(err.msg[0] ? err.msg : "keyword in context failed");
        corpus_sel_free(&sel);
        return -1;
    }
    corpus_sel_free(&sel);
    kwic.sort = CORPUS_KWIC_BY_DOC;
    kwic.last_doc = -1;
    kwic.ms = (ds_now() - t0) * 1000.0;
    /* what fits in a moment now, the rest between keys */
    while (kwic_step(app) && (ds_now() - t0) * 1000.0 < KWIC_OPEN_MS)
        ;
    return 0;
}

/* Context columns on each side for a pane w columns wide: the keyword in
 * the middle. */
static size_t
kwic_context(int w)
{
    size_t kw = kwic.kwmax < 30 ? kwic.kwmax : 30;
    if (w < (int)kw + 12)
        return 5;
    return ((size_t)w - kw - 2) / 2;
}

static size_t
kwic_count(struct app *app, struct pane *p)
{
    (void)app;
    (void)p;
    return kwic.n ? kwic.n : 1;
}

static void
kwic_title(struct app *app, struct pane *p, struct buf *out)
{
    static const char *const by[] = {"article order", "left words", "right words"};
    if (!kwic.term)
        return;
    char n[32], d[32];
    layout_thousands((int64_t)kwic.n, n, sizeof n);
    layout_thousands((int64_t)kwic.docs, d, sizeof d);
    buf_printf(out, "%s: %s%s in %s article%s, by %s, %.0f ms", kwic.term, n,
               kwic.truncated ? "+" : "", d, kwic.docs == 1 ? "" : "s", by[kwic.sort % 3],
               app->script ? 0.0 : kwic.ms);
    if (kwic.scan) {
        size_t done, total;
        corpus_kwic_progress(kwic.scan, &done, &total);
        char a[32], b[32];
        layout_thousands((int64_t)done, a, sizeof a);
        layout_thousands((int64_t)total, b, sizeof b);
        buf_printf(out, "  (searching: %s of %s articles read)", a, b);
    }
    if (kwic.n)
        buf_printf(out, "  %zu/%zu", p->sel + 1, kwic.n);
}

static void
kwic_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)app;
    (void)p;
    if (!kwic.n && kwic.scan) {
        draw_text(y, x, w, "searching…", ROLE_DIM, true);
        return;
    }
    if (!kwic.n) {
        char *m = kwic.error ? xstrdup(kwic.error)
                             : xasprintf("no occurrence of %s in these articles",
                                         kwic.term ? kwic.term : "");
        draw_text(y, x, w, m, kwic.error ? ROLE_ERROR : ROLE_DIM, true);
        free(m);
        return;
    }
    const struct corpus_kwic *k = &kwic.v[i];
    size_t ctx = kwic_context(w);
    struct buf b = BUF_INIT;
    corpus_kwic_format(k, ctx, &b);
    /* the keyword starts after the left context and one space */
    size_t left = strlen(b.data) - strlen(k->kw) - 1 - strlen(k->right);
    struct tlines ls;
    tlines_init(&ls);
    struct tline *l = tlines_add(&ls, b.data, b.len, ROLE_NORMAL);
    tline_add_span(l, (uint32_t)left, (uint32_t)(left + strlen(k->kw)), ROLE_HIT);
    draw_tline(y, x, w, l, sel ? ROLE_SELECTION : -1);
    tlines_clear(&ls);
    buf_free(&b);
}

static bool
kwic_action(struct app *app, struct pane *p, int action)
{
    static const char *const by[] = {"document order", "the words on the left",
                                     "the words on the right"};
    if (action == ACT_SORT && kwic.n) {
        int64_t id = kwic.v[p->sel].doc_id;
        uint32_t start = kwic.v[p->sel].start;
        kwic.sort = (kwic.sort + 1) % 3;
        corpus_kwic_sort(kwic.v, kwic.n, (enum corpus_kwic_sort)kwic.sort);
        for (size_t i = 0; i < kwic.n; i++) /* the selected line stays selected */
            if (kwic.v[i].doc_id == id && kwic.v[i].start == start)
                p->sel = i;
        app_message(app, ROLE_STATUS, "sorted by %s", by[kwic.sort]);
        return true;
    }
    if (action == ACT_ENTER) {
        if (!kwic.n)
            return true;
        const struct corpus_kwic *k = &kwic.v[p->sel];
        main_open_at(app, k->doc_id, k->start, k->end);
        return true;
    }
    return false;
}

static long
kwic_export(FILE *f, int fmt)
{
    struct buf b = BUF_INIT;
    if (fmt == CORPUS_FMT_CSV)
        buf_puts(&b, "doc_id,start,end,left,keyword,right\n");
    else if (fmt == CORPUS_FMT_JSON)
        buf_puts(&b, "[");
    else
        buf_printf(&b, "# Keyword in context: %s\n\n```\n", kwic.term ? kwic.term : "");
    for (size_t i = 0; i < kwic.n; i++) {
        const struct corpus_kwic *k = &kwic.v[i];
        if (fmt == CORPUS_FMT_CSV) {
            buf_printf(&b, "%lld,%u,%u,", (long long)k->doc_id, k->start, k->end);
            corpus_csv_field(&b, k->left);
            buf_putc(&b, ',');
            corpus_csv_field(&b, k->kw);
            buf_putc(&b, ',');
            corpus_csv_field(&b, k->right);
            buf_putc(&b, '\n');
        } else if (fmt == CORPUS_FMT_JSON) {
            buf_printf(&b, "%s\n {\"doc_id\": %lld, \"start\": %u, \"end\": %u, \"left\": ",
                       i ? "," : "", (long long)k->doc_id, k->start, k->end);
            buf_put_json_string(&b, k->left);
            buf_puts(&b, ", \"keyword\": ");
            buf_put_json_string(&b, k->kw);
            buf_puts(&b, ", \"right\": ");
            buf_put_json_string(&b, k->right);
            buf_putc(&b, '}');
        } else {
            corpus_kwic_format(k, 40, &b);
            buf_putc(&b, '\n');
        }
    }
    if (fmt == CORPUS_FMT_JSON)
        buf_puts(&b, "\n]\n");
    else if (fmt == CORPUS_FMT_MARKDOWN)
        buf_puts(&b, "```\n");
    bool okw = fwrite(b.data ? b.data : "", 1, b.len, f) == b.len;
    buf_free(&b);
    return okw ? (long)kwic.n : -1;
}

static const struct pane_ops kwic_pane_ops = {
    .title = "Keyword in context",
    .selectable = true,
    .count = kwic_count,
    .title_extra = kwic_title,
    .draw_line = kwic_draw_line,
    .action = kwic_action,
};

/* ---- the view ------------------------------------------------------------------------------ */

void
view_kwic_show(struct app *app, const char *term)
{
    app_view_close(app, VIEW_STATS);
    app_view_push(app, VIEW_KWIC);
    struct pane *p = &app_view(app, VIEW_KWIC)->pane;
    p->ops = &kwic_pane_ops;
    p->top = p->sel = 0;
    kwic_open(app, term);
    /* scripts search every article at once; a terminal shows the first
     * lines and reads the rest between keys (app_idle) */
    while (app->script && kwic_step(app))
        ;
}

static bool
kwic_on_key(struct app *app, struct view *v, int key, int action)
{
    return pane_full_key(app, v, key, action, ACT_NONE);
}

static bool
kwic_busy(struct app *app, struct view *v)
{
    (void)app;
    (void)v;
    return kwic_pending();
}

static bool
kwic_idle(struct app *app, struct view *v)
{
    (void)v;
    kwic_step(app);
    return true;
}

static long
kwic_on_export(struct app *app, struct view *v, FILE *f, int fmt, const char **what,
               struct ds_error *err)
{
    (void)err;
    (void)app;
    (void)v;
    *what = "line";
    return kwic_export(f, fmt);
}

static void
kwic_free(struct app *app, struct view *v)
{
    (void)app;
    (void)v;
    kwic_close();
}

/* Closed: the lines go (the word stays, to offer it again at w). */
static void
kwic_done(struct app *app, struct view *v)
{
    (void)v;
    char *term = kwic.term;
    kwic.term = NULL;
    kwic_close();
    kwic.term = term;
    app_release_memory(app);
}

const struct view_ops kwic_view_ops = {
    .name = "keyword in context",
    .layout = pane_full_layout,
    .draw = pane_full_draw,
    .hint = "Enter read  O sort left/right  e export  w new word  q close",
    .key = kwic_on_key,
    .busy = kwic_busy,
    .idle = kwic_idle,
    .export = kwic_on_export,
    .done = kwic_done,
    .free = kwic_free,
};
