/*
 * view_compare.c — two articles side by side (compare.h), full screen.
 *
 * Opening: `m` marks the article in the reader as A (the list shows it),
 * `c` on another article compares the two (`c` with nothing marked marks),
 * `C` compares the article with its most similar one (store_similar).
 *
 * The screen: a summary strip on top (both headlines, similarity, entities
 * in both / only one side, figures that disagree, distinctive terms and
 * topics of each side), a ruler naming the columns, then the aligned rows:
 * A's sentence and B's sentence wrapped in two columns (CJK-aware) around a
 * gutter with the row's mark (= same, ~ similar, < only in A, > only in B),
 * a gap on the side that has nothing. Passages only on one side take their
 * own colour; inside similar pairs the changed words are marked; entities
 * and figures found on both sides are marked in both, figures that disagree
 * in the error colour. After the rows: figures that disagree or appear on
 * one side only.
 *
 * Moving: both sides scroll together; `u` unlocks them, and Tab then picks
 * the side that scrolls (locked, it picks the side Enter/o opens in the
 * reader); n/N jump between differences; `x` swaps A and B; q closes.
 *
 * The view keeps its own scroll offsets (count() is the pane's height, so
 * app.c's generic top stays 0) because the strip does not scroll and the
 * two sides may scroll apart. A resize re-wraps and keeps the aligned row
 * at the top of each side.
 *
 * Two sets of articles (`=`, "QUERY vs QUERY"): the same screen shows the
 * terms, entities and topics distinctive of each side (compare_two_sets, as
 * `dossier compare --left --right` counts them) in the two columns.
 *
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/utf8.h"
#include "tui.h"

#define GUTTER 3

struct cmp_line {
    long a, b;  /* index into la / lb, -1 when the side is empty */
    long full;  /* index into lfull for a full-width line, else -1 */
    long row;   /* the cmp_result row it shows (-1: none) */
    char mark;  /* gutter mark on a row's first line, else ' ' */
    bool diff;  /* the first line of a run of differing rows (n/N stop here) */
};

/* Lines laid out in two columns or across both. */
struct grid {
    struct tlines la, lb, lfull;
    struct cmp_line *lines;
    size_t n, cap;
};

struct cmp_state {
    /* two sets of articles (=): queries and their comparison; else two articles */
    bool sets;
    char *query_a, *query_b;
    struct cmp_sets cs;
    int64_t id_a, id_b;
    struct doc_record da, db;
    struct extraction xa, xb;
    struct cmp_result r;
    struct cmp_summary sum;
    double ms; /* time to compare (backend) */
    int width; /* laid out for */
    struct grid hdr, body;
    size_t top_a, top_b; /* first body line shown on each side */
    bool unlocked;
    int side; /* 0 A, 1 B: the side Tab selected */
};

/* A highlight to put on one side's text. */
struct hl {
    uint32_t start, end;
    int role;
};

struct hls {
    struct hl *v;
    size_t n, cap;
};

static void
grid_init(struct grid *g)
{
    memset(g, 0, sizeof *g);
    tlines_init(&g->la);
    tlines_init(&g->lb);
    tlines_init(&g->lfull);
}

static void
grid_clear(struct grid *g)
{
    tlines_clear(&g->la);
    tlines_clear(&g->lb);
    tlines_clear(&g->lfull);
    free(g->lines);
    grid_init(g);
}

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
    grid_clear(&s->hdr);
    grid_clear(&s->body);
    cmp_sets_clear(&s->cs);
    free(s->query_a);
    free(s->query_b);
    free(s);
    *sp = NULL;
}

static const struct pane_ops compare_pane_ops;

/* The comparison shown (the compare view's state), or NULL. */
static struct cmp_state *
cmp_of(struct app *app)
{
    return app_view(app, VIEW_COMPARE)->state;
}

/* Show s (replacing the comparison shown, if any) over the whole screen,
 * as app_layout will give it, so that keys typed ahead (handled before the
 * next draw) already scroll the right pane. */
static void
cmp_show(struct app *app, struct cmp_state *s)
{
    struct view *v = app_view(app, VIEW_COMPARE);
    struct cmp_state *old = v->state;
    state_free(&old);
    v->state = s;
    v->pane = (struct pane){.ops = &compare_pane_ops, .h = app->rows - 1, .w = app->cols};
    app_view_push(app, VIEW_COMPARE);
}

static int
tokenize_with_store(void *ctx, const char *text, size_t len, cmp_token_fn fn, void *ud)
{
    struct ds_error err;
    ds_error_clear(&err);
    return store_tokenize(ctx, text, len, fn, ud, &err);
}

/* Open the comparison of a and b; a message and false on failure. */
static bool
compare_open(struct app *app, int64_t a, int64_t b)
{
    struct cmp_state *s = xcalloc(1, sizeof(*s));
    struct ds_error err;
    ds_error_clear(&err);
    s->id_a = a;
    s->id_b = b;
    grid_init(&s->hdr);
    grid_init(&s->body);
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
    double t0 = (ds_now() * 1000.0);
    if (compare_texts(ta, strlen(ta), tb, strlen(tb), &opt, &s->r, &err) < 0) {
        app_message(app, ROLE_ERROR, "compare: %s", err.msg);
        state_free(&s);
        return false;
    }
    compare_summarize(&s->r, &s->xa, &s->xb, &s->sum);
    s->ms = (ds_now() * 1000.0) - t0;
    cmp_show(app, s);
    return true;
}

void
cmpview_mark(struct app *app)
{
    if (!app->doc_id) {
        app_message(app, ROLE_ERROR, "compare: no article selected");
        return;
    }
    if (app->cmp_mark == app->doc_id) {
        app->cmp_mark = 0;
        app_message(app, ROLE_STATUS, "compare: mark removed");
        return;
    }
    app->cmp_mark = app->doc_id;
    app_message(app, ROLE_STATUS, "compare: #%lld is A; select another article and press c",
                (long long)app->doc_id);
}

void
cmpview_key(struct app *app)
{
    if (!app->doc_id) {
        app_message(app, ROLE_ERROR, "compare: no article selected");
        return;
    }
    if (!app->cmp_mark || app->cmp_mark == app->doc_id) {
        cmpview_mark(app);
        if (!app->cmp_mark) /* c on the marked article keeps it marked */
            app->cmp_mark = app->doc_id;
        return;
    }
    if (compare_open(app, app->cmp_mark, app->doc_id))
        app->cmp_mark = 0;
}

void
cmpview_similar(struct app *app)
{
    if (!app->doc_id) {
        app_message(app, ROLE_ERROR, "compare: no article selected");
        return;
    }
    struct similar_doc *sim = NULL;
    size_t n = 0;
    struct ds_error err;
    ds_error_clear(&err);
    if (store_similar(app->store, app->doc_id, 5, &sim, &n, &err) < 0) {
        app_message(app, ROLE_ERROR, "compare: %s", err.msg);
        return;
    }
    int64_t best = 0;
    for (size_t i = 0; i < n && !best; i++)
        if (sim[i].id != app->doc_id)
            best = sim[i].id;
    free(sim);
    if (!best) {
        app_message(app, ROLE_STATUS, "compare: no similar article");
        return;
    }
    compare_open(app, app->doc_id, best);
}

/* The comparison of two sets of articles; a message and false on failure. */
static bool
sets_open(struct app *app, const char *qa, const char *qb)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct query *a = NULL, *b = NULL;
    if (query_parse(qa, &a, &err) != 0 || query_parse(qb, &b, &err) != 0) {
        app_message(app, ROLE_ERROR, "compare sets: bad query: %s", err.msg);
        query_free(&a);
        return false;
    }
    struct cmp_state *s = xcalloc(1, sizeof(*s));
    grid_init(&s->hdr);
    grid_init(&s->body);
    s->sets = true;
    s->query_a = xstrdup(qa);
    s->query_b = xstrdup(qb);
    double t0 = ds_now();
    int rc = compare_two_sets(app->store, a, b, 2000, &s->cs, &err);
    s->ms = (ds_now() - t0) * 1000.0;
    query_free(&a);
    query_free(&b);
    if (rc != 0) {
        app_message(app, ROLE_ERROR, "compare sets: %s", err.msg);
        state_free(&s);
        return false;
    }
    cmp_show(app, s);
    return true;
}

static bool
blank(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

void
cmpview_sets(struct app *app, const char *text)
{
    /* "QUERY vs QUERY" (or "versus") */
    const char *sep = NULL;
    size_t seplen = 0;
    for (const char *p = text; *p && !sep; p++) {
        if (*p != ' ')
            continue;
        if (strncmp(p, " vs ", 4) == 0 || strncmp(p, " VS ", 4) == 0)
            sep = p, seplen = 4;
        else if (strncmp(p, " versus ", 8) == 0)
            sep = p, seplen = 8;
    }
    if (!sep) {
        app_message(app, ROLE_ERROR, "compare sets: type two queries as 'A vs B'");
        return;
    }
    char *qa = xstrndup(text, (size_t)(sep - text));
    const char *qb = sep + seplen;
    if (blank(qa) || blank(qb))
        app_message(app, ROLE_ERROR, "compare sets: type two queries as 'A vs B'");
    else
        sets_open(app, qa, qb);
    free(qa);
}

/* ---- layout ------------------------------------------------------------------------- */

static struct cmp_line *
line_add(struct grid *g)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 64;
        g->lines = xrealloc(g->lines, g->cap * sizeof(*g->lines));
    }
    struct cmp_line *l = &g->lines[g->n++];
    *l = (struct cmp_line){-1, -1, -1, -1, ' ', false};
    return l;
}

static void
hl_add(struct hls *h, struct span sp, int role)
{
    if (sp.end <= sp.start)
        return;
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 64;
        h->v = xrealloc(h->v, h->cap * sizeof(*h->v));
    }
    h->v[h->n++] = (struct hl){(uint32_t)sp.start, (uint32_t)sp.end, role};
}

/* End line l with an ellipsis within w columns (the text was cut after it). */
static void
ellipsize(struct tline *l, int w)
{
    size_t keep = 0, cols = 0;
    while (keep < l->len) {
        uint32_t cp;
        int k = utf8_decode(l->text + keep, l->len - keep, &cp);
        size_t cw = (size_t)layout_cp_width(cp);
        if ((int)(cols + cw) > w - 1)
            break;
        cols += cw;
        keep += (size_t)k;
    }
    char *t = xasprintf("%.*s\xe2\x80\xa6", (int)keep, l->text);
    free(l->text);
    l->text = t;
    l->len = keep + 3;
    for (size_t i = 0; i < l->nspans; i++)
        if (l->spans[i].end > keep)
            l->spans[i].end = (uint32_t)keep;
}

/* Move the lines of tmp (at most max, 0: all) to the end of dst; returns how
 * many moved, the last one ending in an ellipsis within w columns when lines
 * were left out. tmp is emptied. */
static size_t
lines_move(struct tlines *tmp, size_t max, int w, struct tlines *dst)
{
    size_t n = max && tmp->n > max ? max : tmp->n;
    if (n && n < tmp->n)
        ellipsize(&tmp->v[n - 1], w);
    for (size_t i = 0; i < tmp->n; i++) {
        if (i >= n) {
            free(tmp->v[i].text);
            free(tmp->v[i].spans);
            continue;
        }
        struct tline *l = tlines_add(dst, "", 0, ROLE_NORMAL);
        free(l->text);
        free(l->spans);
        *l = tmp->v[i]; /* ownership moves */
    }
    free(tmp->v);
    tlines_init(tmp);
    return n;
}

/* Wrap body[sp) into dst with base role, putting on the highlights that fall
 * inside; returns the number of lines. */
static size_t
wrap_sentence(const char *body, struct span sp, int w, const struct hls *h, int role,
              struct tlines *dst)
{
    struct tlines tmp;
    tlines_init(&tmp);
    layout_wrap(body + sp.start, sp.end - sp.start, w, (int64_t)sp.start, role, &tmp);
    for (size_t i = 0; i < h->n; i++)
        if (h->v[i].end > sp.start && h->v[i].start < sp.end)
            layout_mark(&tmp, h->v[i].start, h->v[i].end, h->v[i].role);
    return lines_move(&tmp, 0, w, dst);
}

/* Text across both columns, wrapped; at most max lines (0: all). */
static void
full_text(struct grid *g, const char *text, int role, int w, size_t max)
{
    struct tlines tmp;
    tlines_init(&tmp);
    layout_wrap(text, strlen(text), w, 0, role, &tmp);
    if (tmp.n == 0)
        tlines_add(&tmp, "", 0, role);
    size_t first = g->lfull.n;
    lines_move(&tmp, max, w, &g->lfull);
    for (size_t i = first; i < g->lfull.n; i++)
        line_add(g)->full = (long)i;
}

/* Text in each column (either may be ""), each wrapped to colw, at most max
 * lines each; the first label_len bytes of each take label_role. */
static void
pair_text(struct grid *g, const char *ta, const char *tb, size_t label_len, int role,
          int label_role, int colw, size_t max)
{
    struct tlines tmp;
    size_t a0 = g->la.n, b0 = g->lb.n;
    tlines_init(&tmp);
    layout_wrap(ta, strlen(ta), colw, 0, role, &tmp);
    if (label_len && *ta)
        layout_mark(&tmp, 0, (uint32_t)label_len, label_role);
    size_t na = lines_move(&tmp, max, colw, &g->la);
    layout_wrap(tb, strlen(tb), colw, 0, role, &tmp);
    if (label_len && *tb)
        layout_mark(&tmp, 0, (uint32_t)label_len, label_role);
    size_t nb = lines_move(&tmp, max, colw, &g->lb);
    for (size_t k = 0; k < DS_MAX(na, nb); k++) {
        struct cmp_line *l = line_add(g);
        l->a = k < na ? (long)(a0 + k) : -1;
        l->b = k < nb ? (long)(b0 + k) : -1;
    }
}

static int
entity_role(enum entity_kind k)
{
    switch (k) {
    case ENTITY_COUNTRY:
        return ROLE_COUNTRY;
    case ENTITY_ORG:
        return ROLE_ORG;
    case ENTITY_PERSON:
        return ROLE_PERSON;
    case ENTITY_PLACE:
        return ROLE_PLACE;
    default:
        return ROLE_TOPIC;
    }
}

/* Highlights of side (0 A, 1 B), later ones winning: entities and figures
 * both sides have, changed words, figures that disagree. */
static void
side_highlights(const struct cmp_state *s, int side, struct hls *h)
{
    for (size_t i = 0; i < s->sum.nentities; i++) {
        const struct cmp_entity_row *er = &s->sum.entities[i];
        const struct entity *e = side ? er->b : er->a;
        if (er->side != CMP_SIDE_BOTH || !e)
            continue;
        for (size_t k = 0; k < e->nspans; k++)
            hl_add(h, e->spans[k], entity_role(e->kind));
    }
    for (size_t i = 0; i < s->sum.nfigures; i++) {
        const struct cmp_figure_row *fr = &s->sum.figures[i];
        const struct figure *f = side ? fr->b : fr->a;
        if (fr->side == CMP_SIDE_BOTH && f)
            hl_add(h, f->span, ROLE_FIGURE);
    }
    const struct span *ch = side ? s->r.inserted : s->r.deleted;
    size_t nch = side ? s->r.ninserted : s->r.ndeleted;
    for (size_t i = 0; i < nch; i++)
        hl_add(h, ch[i], side ? ROLE_INSERTED : ROLE_DELETED);
    for (size_t i = 0; i < s->sum.nfigures; i++) {
        const struct cmp_figure_row *fr = &s->sum.figures[i];
        const struct figure *f = side ? fr->b : fr->a;
        if (fr->side == CMP_SIDE_CONFLICT && f)
            hl_add(h, f->span, ROLE_ERROR);
    }
}

static void
header_layout(struct cmp_state *s, int w, int colw)
{
    struct grid *g = &s->hdr;
    size_t cap = w >= 120 ? 2 : 1;
    struct buf a = BUF_INIT, b = BUF_INIT;
    buf_printf(&a, "A #%lld %s", (long long)s->id_a,
               s->da.a.title ? s->da.a.title : (s->da.lead ? s->da.lead : ""));
    buf_printf(&b, "B #%lld %s", (long long)s->id_b,
               s->db.a.title ? s->db.a.title : (s->db.lead ? s->db.lead : ""));
    pair_text(g, a.data, b.data, 0, ROLE_TITLE, ROLE_TITLE, colw, cap);

    size_t nboth = 0, nonly_a = 0, nonly_b = 0;
    for (size_t i = 0; i < s->sum.nentities; i++) {
        enum cmp_side sd = s->sum.entities[i].side;
        nboth += sd == CMP_SIDE_BOTH;
        nonly_a += sd == CMP_SIDE_A;
        nonly_b += sd == CMP_SIDE_B;
    }
    buf_reset(&a);
    buf_printf(&a,
               "similarity %.2f  aligned %.0f%%/%.0f%%  entities: %zu both, %zu only A, %zu only B",
               s->r.similarity, s->r.aligned_a * 100.0, s->r.aligned_b * 100.0, nboth, nonly_a,
               nonly_b);
    full_text(g, a.data, ROLE_META, w, cap);
    if (s->sum.nconflicts) {
        buf_reset(&a);
        buf_printf(&a, "%zu %s: ", s->sum.nconflicts,
                   s->sum.nconflicts == 1 ? "figure disagrees" : "figures disagree");
        size_t shown = 0;
        for (size_t i = 0; i < s->sum.nfigures && shown < 3; i++) {
            const struct cmp_figure_row *fr = &s->sum.figures[i];
            if (fr->side != CMP_SIDE_CONFLICT || !fr->a || !fr->b)
                continue;
            buf_printf(&a, "%sA %s / B %s", shown ? "; " : "", fr->a->text ? fr->a->text : "?",
                       fr->b->text ? fr->b->text : "?");
            if (fr->a->subject)
                buf_printf(&a, " (%s)", fr->a->subject);
            shown++;
        }
        full_text(g, a.data, ROLE_ERROR, w, cap);
    }

    /* distinctive terms: A's have g2 > 0, B's g2 < 0 */
    buf_reset(&a);
    buf_reset(&b);
    for (size_t i = 0; i < s->sum.nterms; i++) {
        const struct cmp_term *t = &s->sum.terms[i];
        struct buf *o = t->g2 > 0 ? &a : &b;
        buf_puts(o, o->len ? ", " : "terms: ");
        buf_puts(o, t->word ? t->word : t->term);
    }
    if (a.len || b.len)
        pair_text(g, buf_str(&a), buf_str(&b), 6, ROLE_NORMAL, ROLE_META, colw, cap);

    buf_reset(&a);
    buf_reset(&b);
    for (size_t i = 0; i < s->sum.ntopics; i++) {
        const struct cmp_topic_row *t = &s->sum.topics[i];
        if (t->score_a > 0) {
            buf_puts(&a, a.len ? ", " : "topics: ");
            buf_puts(&a, t->slug);
        }
        if (t->score_b > 0) {
            buf_puts(&b, b.len ? ", " : "topics: ");
            buf_puts(&b, t->slug);
        }
    }
    if (a.len || b.len)
        pair_text(g, buf_str(&a), buf_str(&b), 7, ROLE_TOPIC, ROLE_META, colw, cap);

    buf_reset(&a);
    buf_reset(&b);
    for (size_t i = 0; i < s->sum.nentities; i++) {
        const struct cmp_entity_row *er = &s->sum.entities[i];
        struct buf *o = er->side == CMP_SIDE_A ? &a : er->side == CMP_SIDE_B ? &b : NULL;
        const struct entity *e = er->side == CMP_SIDE_A ? er->a : er->b;
        if (!o || !e || !e->name)
            continue;
        buf_puts(o, o->len ? ", " : "only here: ");
        buf_puts(o, e->name);
    }
    if (a.len || b.len)
        pair_text(g, buf_str(&a), buf_str(&b), 11, ROLE_NORMAL, ROLE_META, colw, cap);
    buf_free(&a);
    buf_free(&b);
}

static void
body_layout(struct cmp_state *s, int w, int colw)
{
    struct grid *g = &s->body;
    const char *ta = s->da.a.body ? s->da.a.body : "";
    const char *tb = s->db.a.body ? s->db.a.body : "";
    struct hls ha = {0}, hb = {0};
    side_highlights(s, 0, &ha);
    side_highlights(s, 1, &hb);

    size_t pi = 0;
    bool prev_diff = false;
    for (size_t ri = 0; ri < s->r.nrows; ri++) {
        while (pi < s->r.npassages && s->r.passages[pi].row + s->r.passages[pi].nrows <= ri)
            pi++;
        bool passage_start = pi < s->r.npassages && s->r.passages[pi].row == ri;
        if (ri > 0 && passage_start)
            full_text(g, "", ROLE_NORMAL, w, 0);
        const struct cmp_row *row = &s->r.rows[ri];
        int ra = row->mark == CMP_ONLY_A ? ROLE_ONLY_A : ROLE_NORMAL;
        int rb = row->mark == CMP_ONLY_B ? ROLE_ONLY_B : ROLE_NORMAL;
        size_t a0 = g->la.n, b0 = g->lb.n, na = 0, nb = 0;
        if (row->a >= 0 && (size_t)row->a < s->r.nsent_a)
            na = wrap_sentence(ta, s->r.sent_a[row->a], colw, &ha, ra, &g->la);
        if (row->b >= 0 && (size_t)row->b < s->r.nsent_b)
            nb = wrap_sentence(tb, s->r.sent_b[row->b], colw, &hb, rb, &g->lb);
        size_t n = DS_MAX(DS_MAX(na, nb), 1);
        bool diff = row->mark != CMP_SAME;
        for (size_t k = 0; k < n; k++) {
            struct cmp_line *l = line_add(g);
            l->a = k < na ? (long)(a0 + k) : -1;
            l->b = k < nb ? (long)(b0 + k) : -1;
            l->row = (long)ri;
            l->mark = k == 0 ? compare_mark_char(row->mark) : ' ';
            l->diff = k == 0 && diff && (!prev_diff || passage_start);
        }
        prev_diff = diff;
    }
    free(ha.v);
    free(hb.v);

    /* figures the extractions disagree on or found on one side only */
    static const struct {
        enum cmp_side side;
        const char *title;
    } fsec[] = {
        {CMP_SIDE_CONFLICT, "Figures that disagree"},
        {CMP_SIDE_A, "Figures only in A"},
        {CMP_SIDE_B, "Figures only in B"},
    };
    struct buf t = BUF_INIT;
    for (size_t k = 0; k < DS_ARRAY_LEN(fsec); k++) {
        bool any = false;
        for (size_t i = 0; i < s->sum.nfigures; i++) {
            const struct cmp_figure_row *fr = &s->sum.figures[i];
            if (fr->side != fsec[k].side)
                continue;
            if (!any) {
                full_text(g, "", ROLE_NORMAL, w, 0);
                full_text(g, fsec[k].title, ROLE_TITLE, w, 0);
            }
            any = true;
            buf_reset(&t);
            if (fr->side == CMP_SIDE_CONFLICT) {
                buf_puts(&t, "A: ");
                figure_text(&t, fr->a, true);
                buf_puts(&t, "  B: ");
                figure_text(&t, fr->b, true);
            } else {
                figure_text(&t, fr->side == CMP_SIDE_A ? fr->a : fr->b, true);
            }
            full_text(g, t.data, fr->side == CMP_SIDE_CONFLICT ? ROLE_ERROR : ROLE_FIGURE, w, 0);
        }
    }
    buf_free(&t);
}

/* The body line showing cmp row `row` first (for keeping places on re-wrap). */
static size_t
line_of_row(const struct grid *g, long row)
{
    if (row < 0)
        return 0;
    for (size_t i = 0; i < g->n; i++)
        if (g->lines[i].row >= row)
            return i;
    return g->n;
}

/* One side's items of a list, a line each: the word padded to colw - 16
 * columns, G2, the counts in A:B. */
static void
sets_items(const struct cmp_term *t, size_t n, bool side_a, int colw, struct buf *out,
           size_t *count)
{
    *count = 0;
    size_t ww = colw > 24 ? (size_t)colw - 16 : 8;
    for (size_t i = 0; i < n; i++) {
        if ((t[i].g2 > 0) != side_a)
            continue;
        const char *word = t[i].word ? t[i].word : t[i].term;
        if (*count)
            buf_putc(out, '\n');
        buf_puts(out, word);
        for (size_t c = layout_width(word, strlen(word)); c < ww; c++)
            buf_putc(out, ' ');
        buf_printf(out, " %6.1f %4llu:%llu", t[i].g2 < 0 ? -t[i].g2 : t[i].g2,
                   (unsigned long long)t[i].count_a, (unsigned long long)t[i].count_b);
        (*count)++;
    }
}

static void
sets_layout(struct cmp_state *s, int w, int colw)
{
    struct grid *h = &s->hdr, *g = &s->body;
    size_t cap = w >= 120 ? 2 : 1;
    struct buf a = BUF_INIT, b = BUF_INIT;
    buf_printf(&a, "A: %s", s->query_a);
    buf_printf(&b, "B: %s", s->query_b);
    pair_text(h, a.data, b.data, 0, ROLE_TITLE, ROLE_TITLE, colw, cap);
    buf_reset(&a);
    buf_reset(&b);
    buf_printf(&a, "%zu articles%s", s->cs.docs_a,
               s->cs.docs_a < s->cs.matched_a ? " (first by rank)" : "");
    buf_printf(&b, "%zu articles%s", s->cs.docs_b,
               s->cs.docs_b < s->cs.matched_b ? " (first by rank)" : "");
    pair_text(h, a.data, b.data, 0, ROLE_META, ROLE_META, colw, cap);
    full_text(h, "log-likelihood G2, then the counts in A:B (articles for entities, topics)",
              ROLE_DIM, w, cap);
    static const char *const names[] = {"Terms", "Entities", "Topics"};
    const struct cmp_term *lists[] = {s->cs.terms, s->cs.entities, s->cs.topics};
    size_t ns[] = {s->cs.nterms, s->cs.nentities, s->cs.ntopics};
    for (size_t k = 0; k < 3; k++) {
        if (k)
            full_text(g, "", ROLE_NORMAL, w, 0);
        buf_reset(&a);
        buf_reset(&b);
        buf_printf(&a, "%s distinctive of A", names[k]);
        buf_printf(&b, "%s distinctive of B", names[k]);
        pair_text(g, a.data, b.data, 0, ROLE_TITLE, ROLE_TITLE, colw, 0);
        buf_reset(&a);
        buf_reset(&b);
        size_t na, nb;
        sets_items(lists[k], ns[k], true, colw, &a, &na);
        sets_items(lists[k], ns[k], false, colw, &b, &nb);
        /* one item a line on each side: split at the newlines */
        const char *pa = na ? a.data : "-", *pb = nb ? b.data : "-";
        while (*pa || *pb) {
            const char *ea = strchr(pa, '\n'), *eb = strchr(pb, '\n');
            size_t la = ea ? (size_t)(ea - pa) : strlen(pa);
            size_t lb = eb ? (size_t)(eb - pb) : strlen(pb);
            char *ta = xstrndup(pa, la), *tb = xstrndup(pb, lb);
            pair_text(g, ta, tb, 0, k == 2 ? ROLE_TOPIC : ROLE_NORMAL, ROLE_NORMAL, colw, 1);
            free(ta);
            free(tb);
            pa += la + (ea != NULL);
            pb += lb + (eb != NULL);
        }
    }
    buf_free(&a);
    buf_free(&b);
}

static void
compare_layout(struct cmp_state *s, int w)
{
    long row_a = s->top_a < s->body.n ? s->body.lines[s->top_a].row : -1;
    long row_b = s->top_b < s->body.n ? s->body.lines[s->top_b].row : -1;
    bool had = s->body.n > 0;
    grid_clear(&s->hdr);
    grid_clear(&s->body);
    s->width = w;
    int colw = DS_MAX((w - GUTTER) / 2, 4);
    if (s->sets) {
        sets_layout(s, w, colw);
        return;
    }
    header_layout(s, w, colw);
    body_layout(s, w, colw);
    if (had && !s->sets) {
        s->top_a = line_of_row(&s->body, row_a);
        s->top_b = line_of_row(&s->body, row_b);
    }
}

/* ---- the pane ------------------------------------------------------------------------ */

static void
ensure_layout(struct app *app, struct pane *p)
{
    if (cmp_of(app) && p->w > 0 && cmp_of(app)->width != p->w)
        compare_layout(cmp_of(app), p->w);
}

/* Rows of the strip shown in a pane of h rows (title included). */
static size_t
header_rows(const struct cmp_state *s, int h)
{
    size_t max = (size_t)DS_MAX(2, (h - 1) / 3);
    return DS_MIN(s->hdr.n, max);
}

/* Rows left for the aligned text (after the strip and the ruler). */
static size_t
body_rows(const struct cmp_state *s, int h)
{
    long n = (long)h - 1 - (long)header_rows(s, h) - 1;
    return n > 1 ? (size_t)n : 1;
}

static size_t
compare_count(struct app *app, struct pane *p)
{
    if (!cmp_of(app))
        return 0;
    ensure_layout(app, p);
    p->top = 0;
    return p->h > 1 ? (size_t)(p->h - 1) : 0;
}

static void
compare_title(struct app *app, struct pane *p, struct buf *out)
{
    const struct cmp_state *s = cmp_of(app);
    if (!s)
        return;
    size_t bh = body_rows(s, p->h), n = s->body.n;
    size_t top = s->side && s->unlocked ? s->top_b : s->top_a;
    if (s->sets)
        buf_printf(out, "two sets  lines %zu-%zu/%zu", n ? top + 1 : 0, DS_MIN(top + bh, n), n);
    else
        buf_printf(out, "#%lld vs #%lld  lines %zu-%zu/%zu%s", (long long)s->id_a,
                   (long long)s->id_b, n ? top + 1 : 0, DS_MIN(top + bh, n), n,
                   s->unlocked ? "  unlocked" : "");
    if (!app->script) /* script mode keeps screens deterministic */
        buf_printf(out, "  %.0f ms", s->ms);
}

/* Draw one column cell of body line k (or blank) in [x, x+w). */
static void
draw_side(const struct grid *g, size_t k, int side, int y, int x, int w)
{
    if (k < g->n) {
        const struct cmp_line *l = &g->lines[k];
        long idx = side ? l->b : l->a;
        if (l->full >= 0) {
            draw_tline(y, x, w, &g->lfull.v[l->full], -1);
            return;
        }
        if (idx >= 0) {
            draw_tline(y, x, w, side ? &g->lb.v[idx] : &g->la.v[idx], -1);
            return;
        }
    }
    draw_text(y, x, w, "", ROLE_NORMAL, true);
}

/* A two-column line with a gutter (mark 0: a blank gutter). */
static void
draw_pair(const struct grid *g, size_t ka, size_t kb, char mark, int y, int x, int w)
{
    int colw = (w - GUTTER) / 2;
    draw_side(g, ka, 0, y, x, colw);
    char gutter[4] = {' ', mark ? mark : ' ', ' ', '\0'};
    draw_text(y, x + colw, GUTTER, gutter, mark && mark != ' ' ? ROLE_MARK : ROLE_NORMAL, true);
    draw_side(g, kb, 1, y, x + colw + GUTTER, w - colw - GUTTER);
}

static void
draw_ruler(const struct cmp_state *s, int y, int x, int w)
{
    int colw = (w - GUTTER) / 2;
    char t[96];
    if (s->sets) {
        draw_text(y, x, w, "", ROLE_PANE_TITLE, true);
        return;
    }
    snprintf(t, sizeof t, " A #%lld%s", (long long)s->id_a, s->side == 0 ? " <" : "");
    draw_text(y, x, colw, t, s->side == 0 ? ROLE_PANE_FOCUS : ROLE_PANE_TITLE, true);
    draw_text(y, x + colw, GUTTER, s->unlocked ? " : " : " = ", ROLE_PANE_TITLE, true);
    snprintf(t, sizeof t, " B #%lld%s", (long long)s->id_b, s->side == 1 ? " <" : "");
    draw_text(y, x + colw + GUTTER, w - colw - GUTTER, t,
              s->side == 1 ? ROLE_PANE_FOCUS : ROLE_PANE_TITLE, true);
}

static void
compare_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)sel;
    const struct cmp_state *s = cmp_of(app);
    size_t nh = header_rows(s, p->h);
    if (i < nh) {
        const struct cmp_line *l = &s->hdr.lines[i];
        if (l->full >= 0)
            draw_tline(y, x, w, &s->hdr.lfull.v[l->full], -1);
        else
            draw_pair(&s->hdr, i, i, 0, y, x, w);
        return;
    }
    if (i == nh) {
        draw_ruler(s, y, x, w);
        return;
    }
    size_t r = i - nh - 1;
    size_t ka = s->top_a + r, kb = (s->unlocked ? s->top_b : s->top_a) + r;
    if (ka == kb && ka < s->body.n && s->body.lines[ka].full >= 0) {
        draw_tline(y, x, w, &s->body.lfull.v[s->body.lines[ka].full], -1);
        return;
    }
    char mark = 0;
    if (ka == kb && ka < s->body.n)
        mark = s->body.lines[ka].mark;
    draw_pair(&s->body, ka, kb, mark, y, x, w);
}

/* Move the scrolled side(s) to line k (clamped). */
static void
scroll_to(struct cmp_state *s, int h, long k)
{
    size_t bh = body_rows(s, h);
    long max = s->body.n > bh ? (long)(s->body.n - bh) : 0;
    size_t t = k < 0 ? 0 : k > max ? (size_t)max : (size_t)k;
    if (!s->unlocked) {
        s->top_a = s->top_b = t;
    } else if (s->side) {
        s->top_b = t;
    } else {
        s->top_a = t;
    }
}

/* n / N: the next or previous difference after/before the scrolled side's top. */
static void
diff_step(struct app *app, struct cmp_state *s, int h, int dir)
{
    size_t top = s->unlocked && s->side ? s->top_b : s->top_a;
    size_t total = 0, idx = 0, target = SIZE_MAX;
    for (size_t k = 0; k < s->body.n; k++) {
        if (!s->body.lines[k].diff)
            continue;
        total++;
        if (dir > 0 && k > top && target == SIZE_MAX) {
            target = k;
            idx = total;
        }
        if (dir < 0 && k < top) {
            target = k;
            idx = total;
        }
    }
    if (target == SIZE_MAX) {
        app_message(app, ROLE_STATUS, total ? "compare: no more differences %s"
                                            : "compare: no differences%s",
                    total ? (dir > 0 ? "below" : "above") : "");
        return;
    }
    scroll_to(s, h, (long)target);
    app_message(app, ROLE_STATUS, "difference %zu of %zu", idx, total);
}

/* Open side A (0) or B (1) in the reader at the first sentence of that side
 * shown at the top (highlighted as the current passage). */
static void
open_side(struct app *app, int side)
{
    const struct cmp_state *s = cmp_of(app);
    int64_t id = side ? s->id_b : s->id_a;
    struct span at = {0, 0};
    for (size_t k = side && s->unlocked ? s->top_b : s->top_a; k < s->body.n; k++) {
        long row = s->body.lines[k].row;
        int32_t sent = row < 0 ? -1 : side ? s->r.rows[row].b : s->r.rows[row].a;
        if (sent >= 0) {
            at = side ? s->r.sent_b[sent] : s->r.sent_a[sent];
            break;
        }
    }
    app_view_close(app, VIEW_COMPARE);
    reader_load(app, id);
    app->focus = PANE_READER;
    app->zoom = false;
    if (at.end > at.start)
        reader_jump(app, (uint32_t)at.start, (uint32_t)at.end);
}

static bool
compare_action(struct app *app, struct pane *p, int action)
{
    struct cmp_state *s = cmp_of(app);
    if (!s)
        return false;
    ensure_layout(app, p);
    long bh = (long)body_rows(s, p->h);
    long top = (long)(s->unlocked && s->side ? s->top_b : s->top_a);
    switch (action) {
    case ACT_DOWN:
        scroll_to(s, p->h, top + 1);
        return true;
    case ACT_UP:
        scroll_to(s, p->h, top - 1);
        return true;
    case ACT_PAGE_DOWN:
        scroll_to(s, p->h, top + DS_MAX(bh - 1, 1));
        return true;
    case ACT_PAGE_UP:
        scroll_to(s, p->h, top - DS_MAX(bh - 1, 1));
        return true;
    case ACT_HALF_DOWN:
        scroll_to(s, p->h, top + DS_MAX(bh / 2, 1));
        return true;
    case ACT_HALF_UP:
        scroll_to(s, p->h, top - DS_MAX(bh / 2, 1));
        return true;
    case ACT_FIRST:
        scroll_to(s, p->h, 0);
        return true;
    case ACT_LAST:
        scroll_to(s, p->h, (long)s->body.n);
        return true;
    case ACT_FIND_NEXT:
    case ACT_FIND_PREV:
        diff_step(app, s, p->h, action == ACT_FIND_NEXT ? 1 : -1);
        return true;
    case ACT_CMP_UNLOCK:
        s->unlocked = !s->unlocked;
        if (!s->unlocked) { /* lock at the scrolled side's place */
            if (s->side)
                s->top_a = s->top_b;
            else
                s->top_b = s->top_a;
        }
        app_message(app, ROLE_STATUS, "%s", s->unlocked
                                                ? "compare: sides unlocked (Tab: scroll the other)"
                                                : "compare: sides scroll together");
        return true;
    case ACT_FOCUS_NEXT:
    case ACT_FOCUS_PREV:
        s->side = !s->side;
        return true;
    case ACT_CMP_SWAP: {
        if (s->sets) {
            char *qa = xstrdup(s->query_a), *qb = xstrdup(s->query_b);
            sets_open(app, qb, qa);
            free(qa);
            free(qb);
            return true;
        }
        int64_t a = s->id_a, b = s->id_b;
        bool unlocked = s->unlocked;
        int side = s->side;
        if (compare_open(app, b, a)) { /* rows follow A's order: start at the top */
            cmp_of(app)->unlocked = unlocked;
            cmp_of(app)->side = side;
            app_message(app, ROLE_STATUS, "compare: swapped, A is #%lld", (long long)b);
        }
        return true;
    }
    case ACT_ENTER:
    case ACT_OPEN:
        if (!s->sets)
            open_side(app, s->side);
        return true;
    default:
        return false;
    }
}

static const struct pane_ops compare_pane_ops = {
    .title = "Compare",
    .selectable = false,
    .count = compare_count,
    .title_extra = compare_title,
    .draw_line = compare_draw_line,
    .action = compare_action,
};

/* ---- the view ------------------------------------------------------------------------------ */

/* q, c and Esc close the comparison; every key stays here. */
static bool
compare_key(struct app *app, struct view *v, int key, int action)
{
    if (action == ACT_QUIT || action == ACT_COMPARE || key == 27)
        app_view_pop(app);
    else if (action == ACT_QUIT_NOW)
        app->quit = true;
    else if (action == ACT_HELP)
        help_show(app, false);
    else if (!compare_action(app, &v->pane, action))
        pane_move(app, &v->pane, action);
    return true;
}

/* Closed: the comparison is freed (c opens a new one). */
static void
compare_done(struct app *app, struct view *v)
{
    (void)app;
    struct cmp_state *s = v->state;
    state_free(&s);
    v->state = NULL;
}

const struct view_ops compare_view_ops = {
    .name = "compare",
    .layout = pane_full_layout,
    .draw = pane_full_draw,
    .hint = "j/k scroll  n/N differences  u unlock  x swap  Enter read  q close",
    .key = compare_key,
    .done = compare_done,
};
