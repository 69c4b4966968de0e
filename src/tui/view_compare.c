/*
 * view_compare.c — two articles side by side (compare.h): `c` marks the
 * article in the reader as A, `c` on another article opens the comparison.
 * Each aligned row shows A's sentence and B's sentence wrapped in two
 * columns around a gutter with the row's mark (= same, ~ similar, < only in
 * A, > only in B); inside similar pairs the words that differ are
 * highlighted. Scrolling moves both sides together. Below the rows: figures
 * that disagree, figures and entities found on one side only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "tui.h"

#define GUTTER 3

struct cmp_line {
    long a, b; /* index into la / lb, -1 when the side is empty */
    long full; /* index into lfull for a full-width line, else -1 */
    char mark; /* gutter mark on a row's first line, else ' ' */
};

struct cmp_state {
    int64_t id_a, id_b;
    struct doc_record da, db;
    struct extraction xa, xb;
    struct cmp_result r;
    struct cmp_summary sum;
    int width; /* laid out for */
    struct tlines la, lb, lfull;
    struct cmp_line *lines;
    size_t n, cap;
};

static void
state_free(struct cmp_state **sp)
{
    struct cmp_state *s = *sp;
    if (!s)
        return;
    cmp_summary_clear(&s->sum);
    cmp_result_clear(&s->r);
    extraction_clear(&s->xa);
    extraction_clear(&s->xb);
    doc_record_clear(&s->da);
    doc_record_clear(&s->db);
    tlines_clear(&s->la);
    tlines_clear(&s->lb);
    tlines_clear(&s->lfull);
    free(s->lines);
    free(s);
    *sp = NULL;
}

void
app_compare_close(struct app *app)
{
    state_free(&app->cmp);
    app->comparing = false;
}

static int
tokenize_with_store(void *ctx, const char *text, size_t len, cmp_token_fn fn, void *ud)
{
    struct ds_error err;
    ds_error_clear(&err);
    return store_tokenize(ctx, text, len, fn, ud, &err);
}

/* Open the comparison of a and b; message and false on failure. */
static bool
compare_open(struct app *app, int64_t a, int64_t b)
{
    struct cmp_state *s = xcalloc(1, sizeof(*s));
    struct ds_error err;
    ds_error_clear(&err);
    s->id_a = a;
    s->id_b = b;
    tlines_init(&s->la);
    tlines_init(&s->lb);
    tlines_init(&s->lfull);
    if (store_doc_get(app->store, a, &s->da, &err) != 0 ||
        store_doc_get(app->store, b, &s->db, &err) != 0) {
        app_message(app, ROLE_ERROR, "compare: %s", err.msg[0] ? err.msg : "article not found");
        state_free(&s);
        return false;
    }
    if (store_get_extraction(app->store, a, &s->xa, &err) < 0)
        memset(&s->xa, 0, sizeof s->xa);
    if (store_get_extraction(app->store, b, &s->xb, &err) < 0)
        memset(&s->xb, 0, sizeof s->xb);
    const char *ta = s->da.a.body ? s->da.a.body : "";
    const char *tb = s->db.a.body ? s->db.a.body : "";
    struct cmp_tokenizer tok = {tokenize_with_store, app->store};
    struct cmp_options opt = {0, &tok};
    if (compare_texts(ta, strlen(ta), tb, strlen(tb), &opt, &s->r, &err) < 0) {
        app_message(app, ROLE_ERROR, "compare: %s", err.msg);
        state_free(&s);
        return false;
    }
    compare_summarize(&s->r, &s->xa, &s->xb, &s->sum);
    app_compare_close(app);
    app->cmp = s;
    app->comparing = true;
    app->panes[PANE_COMPARE].top = 0;
    return true;
}

void
app_compare_key(struct app *app)
{
    if (!app->doc_id) {
        app_message(app, ROLE_ERROR, "compare: no article selected");
        return;
    }
    if (!app->cmp_mark || app->cmp_mark == app->doc_id) {
        app->cmp_mark = app->doc_id;
        app_message(app, ROLE_STATUS, "compare: #%lld is A; select another article and press c",
                    (long long)app->doc_id);
        return;
    }
    if (compare_open(app, app->cmp_mark, app->doc_id))
        app->cmp_mark = 0;
}

static struct cmp_line *
line_add(struct cmp_state *s)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->lines = xrealloc(s->lines, s->cap * sizeof(*s->lines));
    }
    struct cmp_line *l = &s->lines[s->n++];
    *l = (struct cmp_line){-1, -1, -1, ' '};
    return l;
}

/* Wrap body[sp) into dst, marking the spans of marks[] that fall inside. */
static size_t
wrap_sentence(const char *body, struct span sp, int w, const struct span *marks, size_t nmarks,
              int role, struct tlines *dst)
{
    struct tlines tmp;
    tlines_init(&tmp);
    layout_wrap(body + sp.start, sp.end - sp.start, w, sp.start, ROLE_NORMAL, &tmp);
    for (size_t i = 0; i < nmarks; i++)
        if (marks[i].end > sp.start && marks[i].start < sp.end)
            layout_mark(&tmp, marks[i].start, marks[i].end, role);
    size_t n = tmp.n;
    for (size_t i = 0; i < tmp.n; i++) {
        struct tline *l = tlines_add(dst, "", 0, ROLE_NORMAL);
        free(l->text);
        *l = tmp.v[i]; /* ownership moves */
    }
    free(tmp.v);
    return n;
}

static void
full_line(struct cmp_state *s, const char *text, int role, int w)
{
    size_t first = s->lfull.n;
    layout_wrap(text, strlen(text), w, 0, role, &s->lfull);
    if (s->lfull.n == first)
        tlines_add(&s->lfull, "", 0, role);
    for (size_t i = first; i < s->lfull.n; i++)
        line_add(s)->full = (long)i;
}

static void
figure_text(struct buf *b, const struct figure *f)
{
    if (!f) {
        buf_puts(b, "-");
        return;
    }
    buf_puts(b, f->text ? f->text : "?");
    if (f->subject)
        buf_printf(b, " (%s)", f->subject);
}

static void
compare_layout(struct app *app, int w)
{
    struct cmp_state *s = app->cmp;
    tlines_clear(&s->la);
    tlines_clear(&s->lb);
    tlines_clear(&s->lfull);
    s->n = 0;
    s->width = w;
    int colw = (w - GUTTER) / 2;
    if (colw < 4)
        colw = 4;
    const char *ta = s->da.a.body ? s->da.a.body : "";
    const char *tb = s->db.a.body ? s->db.a.body : "";
    struct buf t = BUF_INIT;
    buf_printf(&t, "A #%lld: %s", (long long)s->id_a,
               s->da.a.title ? s->da.a.title : (s->da.lead ? s->da.lead : ""));
    full_line(s, t.data, ROLE_TITLE, w);
    buf_reset(&t);
    buf_printf(&t, "B #%lld: %s", (long long)s->id_b,
               s->db.a.title ? s->db.a.title : (s->db.lead ? s->db.lead : ""));
    full_line(s, t.data, ROLE_TITLE, w);
    full_line(s, "", ROLE_NORMAL, w);

    size_t pi = 0;
    for (size_t ri = 0; ri < s->r.nrows; ri++) {
        while (pi < s->r.npassages && s->r.passages[pi].row + s->r.passages[pi].nrows <= ri)
            pi++;
        if (ri > 0 && pi < s->r.npassages && s->r.passages[pi].row == ri)
            full_line(s, "", ROLE_NORMAL, w);
        const struct cmp_row *row = &s->r.rows[ri];
        size_t a0 = s->la.n, b0 = s->lb.n, na = 0, nb = 0;
        if (row->a >= 0 && (size_t)row->a < s->r.nsent_a)
            na = wrap_sentence(ta, s->r.sent_a[row->a], colw, s->r.deleted, s->r.ndeleted,
                               ROLE_DELETED, &s->la);
        if (row->b >= 0 && (size_t)row->b < s->r.nsent_b)
            nb = wrap_sentence(tb, s->r.sent_b[row->b], colw, s->r.inserted, s->r.ninserted,
                               ROLE_INSERTED, &s->lb);
        size_t n = na > nb ? na : nb;
        for (size_t k = 0; k < n; k++) {
            struct cmp_line *l = line_add(s);
            l->a = k < na ? (long)(a0 + k) : -1;
            l->b = k < nb ? (long)(b0 + k) : -1;
            l->mark = k == 0 ? compare_mark_char(row->mark) : ' ';
        }
    }

    /* what the extractions say on each side */
    static const struct {
        enum cmp_side side;
        const char *title;
    } fsec[] = {
        {CMP_SIDE_CONFLICT, "Figures that disagree"},
        {CMP_SIDE_A, "Figures only in A"},
        {CMP_SIDE_B, "Figures only in B"},
    };
    for (size_t k = 0; k < DS_ARRAY_LEN(fsec); k++) {
        bool any = false;
        for (size_t i = 0; i < s->sum.nfigures; i++) {
            const struct cmp_figure_row *fr = &s->sum.figures[i];
            if (fr->side != fsec[k].side)
                continue;
            if (!any) {
                full_line(s, "", ROLE_NORMAL, w);
                full_line(s, fsec[k].title, ROLE_TITLE, w);
            }
            any = true;
            buf_reset(&t);
            if (fr->side == CMP_SIDE_CONFLICT) {
                buf_puts(&t, "A: ");
                figure_text(&t, fr->a);
                buf_puts(&t, "  B: ");
                figure_text(&t, fr->b);
            } else {
                figure_text(&t, fr->side == CMP_SIDE_A ? fr->a : fr->b);
            }
            full_line(s, t.data, fr->side == CMP_SIDE_CONFLICT ? ROLE_ERROR : ROLE_FIGURE, w);
        }
    }
    static const struct {
        enum cmp_side side;
        const char *title;
    } esec[] = {{CMP_SIDE_A, "Only in A: "}, {CMP_SIDE_B, "Only in B: "}};
    for (size_t k = 0; k < DS_ARRAY_LEN(esec); k++) {
        buf_reset(&t);
        for (size_t i = 0; i < s->sum.nentities; i++) {
            const struct cmp_entity_row *er = &s->sum.entities[i];
            const struct entity *e = er->side == CMP_SIDE_A ? er->a : er->b;
            if (er->side != esec[k].side || !e || !e->name)
                continue;
            buf_puts(&t, t.len ? ", " : esec[k].title);
            buf_puts(&t, e->name);
        }
        if (t.len) {
            if (k == 0)
                full_line(s, "", ROLE_NORMAL, w);
            full_line(s, t.data, ROLE_META, w);
        }
    }
    buf_free(&t);
}

static size_t
compare_count(struct app *app, struct pane *p)
{
    if (!app->cmp)
        return 0;
    if (app->cmp->width != p->w && p->w > 0)
        compare_layout(app, p->w);
    return app->cmp->n;
}

static void
compare_title(struct app *app, struct pane *p, struct buf *out)
{
    (void)p;
    const struct cmp_state *s = app->cmp;
    if (!s)
        return;
    buf_printf(out, "#%lld vs #%lld  similarity %.2f  aligned %.0f%% / %.0f%%", (long long)s->id_a,
               (long long)s->id_b, s->r.similarity, s->r.aligned_a * 100.0, s->r.aligned_b * 100.0);
    if (s->sum.nconflicts)
        buf_printf(out, "  %zu %s", s->sum.nconflicts,
                   s->sum.nconflicts == 1 ? "figure disagrees" : "figures disagree");
}

static void
compare_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)p;
    (void)sel;
    const struct cmp_state *s = app->cmp;
    const struct cmp_line *l = &s->lines[i];
    if (l->full >= 0) {
        draw_tline(y, x, w, &s->lfull.v[l->full], -1);
        return;
    }
    int colw = (w - GUTTER) / 2;
    if (l->a >= 0)
        draw_tline(y, x, colw, &s->la.v[l->a], -1);
    else
        draw_text(y, x, colw, "", ROLE_NORMAL, true);
    char gutter[4] = {' ', l->mark, ' ', '\0'};
    draw_text(y, x + colw, GUTTER, gutter, ROLE_MARK, true);
    if (l->b >= 0)
        draw_tline(y, x + colw + GUTTER, w - colw - GUTTER, &s->lb.v[l->b], -1);
    else
        draw_text(y, x + colw + GUTTER, w - colw - GUTTER, "", ROLE_NORMAL, true);
}

const struct view_ops view_compare_ops = {
    .title = "Compare",
    .selectable = false,
    .count = compare_count,
    .title_extra = compare_title,
    .draw_line = compare_draw_line,
};
