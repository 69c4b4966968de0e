/*
 * compare_grid.c — the compare view's lines, without curses: the summary
 * strip (both headlines, similarity, entities in both / only one side,
 * figures that disagree, distinctive terms and topics of each side) and
 * the aligned rows, A's sentence and B's wrapped in two columns (CJK-aware)
 * with the row's mark for the gutter (= same, ~ similar, < only in A, >
 * only in B) and a gap on the side that has nothing. Passages only on one
 * side take their own colour; inside similar pairs the changed words are
 * marked; entities and figures found on both sides are marked in both,
 * figures that disagree in the error colour. After the rows: figures that
 * disagree or appear on one side only. For two sets of articles, each
 * side's distinctive terms, entities and topics.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "view_compare.h"

/* A highlight to put on one side's text. */
struct hl {
    uint32_t start, end;
    int role;
};

struct hls {
    struct hl *v;
    size_t n, cap;
};

void
grid_init(struct grid *g)
{
    memset(g, 0, sizeof *g);
    tlines_init(&g->la);
    tlines_init(&g->lb);
    tlines_init(&g->lfull);
}

void
grid_clear(struct grid *g)
{
    tlines_clear(&g->la);
    tlines_clear(&g->lb);
    tlines_clear(&g->lfull);
    free(g->lines);
    grid_init(g);
}

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
            hl_add(h, e->spans[k], theme_entity_role(e->kind));
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

/* "2 figures disagree: A 3% / B 4% (subject); ..." (the first three). */
static void
header_conflicts(const struct cmp_state *s, struct buf *a)
{
    buf_printf(a, "%zu %s: ", s->sum.nconflicts,
               s->sum.nconflicts == 1 ? "figure disagrees" : "figures disagree");
    size_t shown = 0;
    for (size_t i = 0; i < s->sum.nfigures && shown < 3; i++) {
        const struct cmp_figure_row *fr = &s->sum.figures[i];
        if (fr->side != CMP_SIDE_CONFLICT || !fr->a || !fr->b)
            continue;
        buf_printf(a, "%sA %s / B %s", shown ? "; " : "", fr->a->text ? fr->a->text : "?",
                   fr->b->text ? fr->b->text : "?");
        if (fr->a->subject)
            buf_printf(a, " (%s)", fr->a->subject);
        shown++;
    }
}

/* The strip's lists, A's and B's side by side: distinctive terms, topics,
 * entities found only on that side. */
static void
header_lists(struct cmp_state *s, int colw, size_t cap)
{
    struct grid *g = &s->hdr;
    struct buf a = BUF_INIT, b = BUF_INIT;
    /* distinctive terms: A's have g2 > 0, B's g2 < 0 */
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

/* The sentences holding a disagreeing pair of figures, side by side. */
static void
conflict_sentences(struct grid *g, const char *ta, const char *tb,
                   const struct cmp_figure_row *fr, int colw)
{
    struct span sa = fr->a->sentence, sb = fr->b->sentence;
    if (sa.end <= sa.start || sb.end <= sb.start || sa.end > strlen(ta) || sb.end > strlen(tb))
        return;
    char *xa = xstrndup(ta + sa.start, sa.end - sa.start);
    char *xb = xstrndup(tb + sb.start, sb.end - sb.start);
    pair_text(g, xa, xb, 0, ROLE_NORMAL, ROLE_NORMAL, colw, 4);
    free(xa);
    free(xb);
}

/* Figures the extractions disagree on (each with the sentence on either
 * side that holds it, side by side) or found on one side only. */
static void
figure_sections(struct cmp_state *s, int w, int colw)
{
    struct grid *g = &s->body;
    static const struct {
        enum cmp_side side;
        const char *title;
    } fsec[] = {
        {CMP_SIDE_CONFLICT, "Figures that disagree"},
        {CMP_SIDE_A, "Figures only in A"},
        {CMP_SIDE_B, "Figures only in B"},
    };
    const char *ta = s->da.a.body ? s->da.a.body : "";
    const char *tb = s->db.a.body ? s->db.a.body : "";
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
            if (fr->side == CMP_SIDE_CONFLICT)
                conflict_sentences(g, ta, tb, fr, colw);
        }
    }
    buf_free(&t);
}

/* The strip: both headlines, the similarity line, the figures that
 * disagree, then the lists. */
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
        header_conflicts(s, &a);
        full_text(g, a.data, ROLE_ERROR, w, cap);
    }
    buf_free(&a);
    buf_free(&b);
    header_lists(s, colw, cap);
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

    figure_sections(s, w, colw);
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

void
grid_layout(struct cmp_state *s, int w)
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
