/*
 * compare/align.c — aligning two articles sentence by sentence and the word
 * diffs inside aligned pairs (compare_texts). Pure algorithms: no store, no
 * terminal. See compare.h for the contracts.
 *
 * Cost: tokenizing dominates. Alignment walks an inverted index of B's
 * sentence terms, so it costs the number of (A sentence, B sentence) pairs
 * that share a term, not |A| x |B| string comparisons.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/sentences.h"
#include "dossier/text.h"
#include "lib.h"

/* ---- tokens of one text -------------------------------------------------------------- */

struct tok {
    uint32_t start, end;
    int32_t term; /* id in the shared intern table */
    bool content; /* not a stop word */
};

struct side {
    const char *text;
    size_t len;
    struct tok *toks;
    size_t ntoks, cap;
    struct span *sents;
    size_t nsents;
    size_t *sent_tok;   /* first token of each sentence; sent_tok[nsents] = ntoks */
    int32_t *set;       /* sorted unique content terms of each sentence, concatenated */
    size_t *set_off;    /* set_off[s] .. set_off[s+1] */
    struct cmp_counts *counts;
};

struct tok_ctx {
    struct side *sd;
    struct cmp_counts *intern;
};

static void
side_token_cb(const char *token, size_t start, size_t end, void *ud)
{
    struct tok_ctx *x = ud;
    struct side *sd = x->sd;
    if (end <= start || end > sd->len)
        return;
    if (sd->ntoks == sd->cap) {
        sd->cap = sd->cap ? sd->cap * 2 : 256;
        sd->toks = xrealloc(sd->toks, sd->cap * sizeof *sd->toks);
    }
    size_t tl = strlen(token);
    struct tok *t = &sd->toks[sd->ntoks++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->term = (int32_t)cmp_counts_find(x->intern, token, tl, true);
    t->content = !text_is_stopword(sd->text + start, end - start);
    if (t->content && !cmp_is_number(token, tl) && !cmp_is_letter_fragment(token, tl)) {
        long i = cmp_counts_find(sd->counts, token, tl, true);
        if (!sd->counts->e[i].word)
            sd->counts->e[i].word = cmp_surface_dup(sd->text, start, end);
        sd->counts->e[i].n++;
        sd->counts->total++;
    }
}

static int
int32_cmp(const void *p, const void *q)
{
    int32_t x = *(const int32_t *)p, y = *(const int32_t *)q;
    return (x > y) - (x < y);
}

static int
tok_start_cmp(const void *p, const void *q)
{
    const struct tok *x = p, *y = q;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

static int
side_build(struct side *sd, const char *text, size_t len, const struct text_tokenizer *tok,
           struct cmp_counts *intern, struct ds_error *err)
{
    memset(sd, 0, sizeof *sd);
    sd->text = text;
    sd->len = len;
    sd->counts = cmp_counts_new();
    if (len > UINT32_MAX) {
        ds_error_set(err, -1, "text too long to compare");
        return -1;
    }
    struct tok_ctx x = {sd, intern};
    if (cmp_run_tokenizer(tok, text, len, side_token_cb, &x) != 0) {
        ds_error_set(err, -1, "could not tokenize the text to compare");
        return -1;
    }
    /* Tokenizers emit in order, but do not rely on it. */
    if (sd->ntoks > 1)
        qsort(sd->toks, sd->ntoks, sizeof *sd->toks, tok_start_cmp);
    sd->nsents = sentences_split(text, len, &sd->sents);
    sd->sent_tok = xmalloc((sd->nsents + 1) * sizeof *sd->sent_tok);
    sd->set_off = xmalloc((sd->nsents + 1) * sizeof *sd->set_off);
    sd->set = xmalloc((sd->ntoks + 1) * sizeof *sd->set);
    size_t t = 0, nset = 0;
    for (size_t s = 0; s < sd->nsents; s++) {
        while (t < sd->ntoks && sd->toks[t].start < sd->sents[s].start)
            t++;
        sd->sent_tok[s] = t;
        sd->set_off[s] = nset;
        size_t first = nset;
        while (t < sd->ntoks && sd->toks[t].start < sd->sents[s].end) {
            if (sd->toks[t].content)
                sd->set[nset++] = sd->toks[t].term;
            t++;
        }
        qsort(sd->set + first, nset - first, sizeof *sd->set, int32_cmp);
        size_t w = first;
        for (size_t i = first; i < nset; i++)
            if (i == first || sd->set[i] != sd->set[w - 1])
                sd->set[w++] = sd->set[i];
        nset = w;
    }
    sd->sent_tok[sd->nsents] = t;
    sd->set_off[sd->nsents] = nset;
    return 0;
}

static void
side_free(struct side *sd)
{
    free(sd->toks);
    free(sd->sents);
    free(sd->sent_tok);
    free(sd->set);
    free(sd->set_off);
    cmp_counts_free(&sd->counts);
}

/* Tokens of sentence s: [sent_tok[s], end) where end is the first token at or
 * after the sentence's end. */
static size_t
sent_tok_end(const struct side *sd, size_t s)
{
    size_t t = sd->sent_tok[s];
    while (t < sd->ntoks && sd->toks[t].start < sd->sents[s].end)
        t++;
    return t;
}

/* ---- alignment ---------------------------------------------------------------------- */

struct cand {
    int32_t a, b;
    double score;
    double off_diagonal; /* |b - where a would fall in B|, breaks ties */
};

/* Best first; among equal scores the pair nearest the diagonal (repeated
 * sentences pair with their counterparts in place), then by position. */
static int
cand_cmp(const void *p, const void *q)
{
    const struct cand *x = p, *y = q;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->off_diagonal != y->off_diagonal)
        return x->off_diagonal < y->off_diagonal ? -1 : 1;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return (x->b > y->b) - (x->b < y->b);
}

/* Candidates kept per sentence of A: bounds memory on repetitive texts
 * (5,000 copies of one sentence would otherwise make 25 million pairs). */
#define ALIGN_MAX_CANDS 16

/* Pairs (greedy maximum-score matching). pa[i] = j or -1, pb[j] = i or -1. */
static void
align(const struct side *A, const struct side *B, size_t nterms, double threshold, int32_t *pa,
      int32_t *pb, double *score_a)
{
    /* Inverted index of B: term -> sentences (counting sort). */
    size_t *off = xcalloc(nterms + 1, sizeof *off);
    size_t nb_set = B->set_off[B->nsents];
    for (size_t i = 0; i < nb_set; i++)
        off[B->set[i] + 1]++;
    for (size_t t = 0; t < nterms; t++)
        off[t + 1] += off[t];
    int32_t *post = xmalloc((nb_set + 1) * sizeof *post);
    size_t *fill = xmalloc((nterms + 1) * sizeof *fill);
    memcpy(fill, off, (nterms + 1) * sizeof *fill);
    for (size_t s = 0; s < B->nsents; s++)
        for (size_t i = B->set_off[s]; i < B->set_off[s + 1]; i++)
            post[fill[B->set[i]]++] = (int32_t)s;
    free(fill);

    uint32_t *overlap = xcalloc(B->nsents + 1, sizeof *overlap);
    int32_t *touched = xmalloc((B->nsents + 1) * sizeof *touched);
    size_t ncand = 0, capc = 64;
    struct cand *cands = xmalloc(capc * sizeof *cands);
    for (size_t i = 0; i < A->nsents; i++) {
        size_t na = A->set_off[i + 1] - A->set_off[i];
        if (na == 0)
            continue;
        size_t nt = 0, first = ncand;
        double diag = A->nsents ? (double)i * (double)B->nsents / (double)A->nsents : 0;
        for (size_t k = A->set_off[i]; k < A->set_off[i + 1]; k++) {
            int32_t term = A->set[k];
            if ((size_t)term >= nterms)
                continue;
            for (size_t p = off[term]; p < off[term + 1]; p++) {
                int32_t j = post[p];
                if (overlap[j]++ == 0)
                    touched[nt++] = j;
            }
        }
        for (size_t k = 0; k < nt; k++) {
            int32_t j = touched[k];
            size_t nbj = B->set_off[j + 1] - B->set_off[j];
            uint32_t ov = overlap[j];
            overlap[j] = 0;
            /* One shared word pairs two one-word sentences, never longer ones. */
            if (ov < DS_MIN(2u, (uint32_t)DS_MIN(na, nbj)))
                continue;
            double cos = ov / sqrt((double)na * (double)nbj);
            if (cos + 1e-12 < threshold)
                continue;
            struct cand c = {(int32_t)i, j, cos, fabs((double)j - diag)};
            /* Keep this sentence's best ALIGN_MAX_CANDS, sorted (insertion). */
            size_t have = ncand - first;
            if (have == ALIGN_MAX_CANDS && cand_cmp(&c, &cands[ncand - 1]) >= 0)
                continue;
            if (have < ALIGN_MAX_CANDS) {
                if (ncand == capc)
                    cands = xrealloc(cands, (capc *= 2) * sizeof *cands);
                ncand++;
            }
            size_t pos = ncand - 1;
            while (pos > first && cand_cmp(&c, &cands[pos - 1]) < 0) {
                cands[pos] = cands[pos - 1];
                pos--;
            }
            cands[pos] = c;
        }
    }
    qsort(cands, ncand, sizeof *cands, cand_cmp);
    for (size_t k = 0; k < ncand; k++) {
        if (pa[cands[k].a] >= 0 || pb[cands[k].b] >= 0)
            continue;
        pa[cands[k].a] = cands[k].b;
        pb[cands[k].b] = cands[k].a;
        score_a[cands[k].a] = cands[k].score;
    }
    free(cands);
    free(overlap);
    free(touched);
    free(post);
    free(off);
}

/* ---- word diff inside a pair -------------------------------------------------------- */

struct spanvec {
    struct span *v;
    size_t n, cap;
};

static void
spanvec_push(struct spanvec *sv, uint32_t start, uint32_t end)
{
    if (end <= start)
        return;
    /* Merge with the previous span when it precedes this one and touches it
     * (spans of one sentence come in order; sentences of B may not). */
    if (sv->n && sv->v[sv->n - 1].start <= start && sv->v[sv->n - 1].end >= start) {
        if (end > sv->v[sv->n - 1].end)
            sv->v[sv->n - 1].end = end;
        return;
    }
    if (sv->n == sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 32;
        sv->v = xrealloc(sv->v, sv->cap * sizeof *sv->v);
    }
    sv->v[sv->n++] = (struct span){start, end};
}

static bool
tok_eq(const struct side *A, const struct tok *x, const struct side *B, const struct tok *y)
{
    size_t lx = x->end - x->start, ly = y->end - y->start;
    return lx == ly && memcmp(A->text + x->start, B->text + y->start, lx) == 0;
}

/* Mark tokens of x[0..nx) not kept as changed: runs of changed tokens become
 * one span, which never starts inside a kept token (CJK bigrams overlap). */
static void
mark_changed(const struct side *sd, const struct tok *x, size_t nx, const bool *kept,
             struct spanvec *out)
{
    uint32_t prev_kept_end = 0;
    size_t k = 0;
    while (k < nx) {
        if (kept[k]) {
            prev_kept_end = x[k].end;
            k++;
            continue;
        }
        size_t e = k;
        while (e + 1 < nx && !kept[e + 1])
            e++;
        uint32_t start = DS_MAX(x[k].start, prev_kept_end);
        uint32_t end = x[e].end;
        if (e + 1 < nx && x[e + 1].start < end)
            end = x[e + 1].start; /* do not swallow the next kept token */
        spanvec_push(out, start, end);
        k = e + 1;
    }
    (void)sd;
}

#define DIFF_MAX_CELLS (400u * 400u)

/* Word diff of two sentences' tokens; returns true when they are identical. */
static bool
word_diff(const struct side *A, size_t ia, const struct side *B, size_t ib, struct spanvec *del,
          struct spanvec *ins)
{
    const struct tok *x = A->toks + A->sent_tok[ia];
    const struct tok *y = B->toks + B->sent_tok[ib];
    size_t nx = sent_tok_end(A, ia) - A->sent_tok[ia];
    size_t ny = sent_tok_end(B, ib) - B->sent_tok[ib];
    bool *kx = xcalloc(nx + 1, sizeof *kx);
    bool *ky = xcalloc(ny + 1, sizeof *ky);
    size_t pre = 0, suf = 0;
    while (pre < nx && pre < ny && tok_eq(A, &x[pre], B, &y[pre])) {
        kx[pre] = ky[pre] = true;
        pre++;
    }
    while (suf < nx - pre && suf < ny - pre &&
           tok_eq(A, &x[nx - 1 - suf], B, &y[ny - 1 - suf])) {
        kx[nx - 1 - suf] = ky[ny - 1 - suf] = true;
        suf++;
    }
    size_t m = nx - pre - suf, n = ny - pre - suf;
    if (m && n && (size_t)m * n <= DIFF_MAX_CELLS) {
        /* LCS table over the middle, filled from the end. */
        uint16_t *L = xcalloc((m + 1) * (n + 1), sizeof *L);
        for (size_t i = m; i-- > 0;)
            for (size_t j = n; j-- > 0;) {
                uint16_t *cell = &L[i * (n + 1) + j];
                if (tok_eq(A, &x[pre + i], B, &y[pre + j]))
                    *cell = (uint16_t)(L[(i + 1) * (n + 1) + j + 1] + 1);
                else
                    *cell = DS_MAX(L[(i + 1) * (n + 1) + j], L[i * (n + 1) + j + 1]);
            }
        size_t i = 0, j = 0;
        while (i < m && j < n) {
            if (tok_eq(A, &x[pre + i], B, &y[pre + j])) {
                kx[pre + i] = ky[pre + j] = true;
                i++;
                j++;
            } else if (L[(i + 1) * (n + 1) + j] >= L[i * (n + 1) + j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        free(L);
    }
    bool same = m == 0 && n == 0;
    if (!same) {
        mark_changed(A, x, nx, kx, del);
        mark_changed(B, y, ny, ky, ins);
    }
    free(kx);
    free(ky);
    return same;
}

/* ---- compare_texts ---------------------------------------------------------------- */

char
compare_mark_char(enum cmp_mark m)
{
    switch (m) {
    case CMP_SAME:
        return '=';
    case CMP_SIMILAR:
        return '~';
    case CMP_ONLY_A:
        return '<';
    case CMP_ONLY_B:
        return '>';
    }
    return '?';
}

static void
push_row(struct cmp_result *r, size_t *cap, enum cmp_mark mark, int32_t a, int32_t b, double score)
{
    if (r->nrows == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        r->rows = xrealloc(r->rows, *cap * sizeof *r->rows);
    }
    r->rows[r->nrows++] = (struct cmp_row){mark, a, b, score};
}

static double
doc_cosine(const struct cmp_counts *a, const struct cmp_counts *b)
{
    double dot = 0, na = 0, nb = 0;
    for (size_t i = 0; i < a->len; i++) {
        double wa = 1 + log((double)a->e[i].n);
        na += wa * wa;
        long j = cmp_counts_lookup(b, a->e[i].term);
        if (j >= 0)
            dot += wa * (1 + log((double)b->e[j].n));
    }
    for (size_t j = 0; j < b->len; j++) {
        double wb = 1 + log((double)b->e[j].n);
        nb += wb * wb;
    }
    if (na == 0 || nb == 0)
        return 0;
    double c = dot / sqrt(na * nb);
    return c > 1 ? 1 : c;
}

static bool
row_continues(const struct cmp_row *p, const struct cmp_row *r)
{
    bool pp = p->a >= 0 && p->b >= 0, rp = r->a >= 0 && r->b >= 0;
    if (pp && rp)
        return r->a == p->a + 1 && r->b == p->b + 1;
    if (p->mark == CMP_ONLY_A && r->mark == CMP_ONLY_A)
        return r->a == p->a + 1;
    if (p->mark == CMP_ONLY_B && r->mark == CMP_ONLY_B)
        return r->b == p->b + 1;
    return false;
}

static void
build_passages(struct cmp_result *r)
{
    r->passages = xmalloc((r->nrows + 1) * sizeof *r->passages);
    r->npassages = 0;
    size_t i = 0;
    while (i < r->nrows) {
        size_t e = i + 1;
        while (e < r->nrows && row_continues(&r->rows[e - 1], &r->rows[e]))
            e++;
        struct cmp_passage *p = &r->passages[r->npassages++];
        memset(p, 0, sizeof *p);
        p->row = i;
        p->nrows = e - i;
        p->mark = r->rows[i].mark;
        for (size_t k = i; k < e; k++)
            if (r->rows[k].mark == CMP_SIMILAR)
                p->mark = CMP_SIMILAR;
        const struct cmp_row *f = &r->rows[i], *l = &r->rows[e - 1];
        if (f->a >= 0)
            p->a = (struct span){r->sent_a[f->a].start, r->sent_a[l->a].end};
        if (f->b >= 0)
            p->b = (struct span){r->sent_b[f->b].start, r->sent_b[l->b].end};
        i = e;
    }
}

int
compare_texts(const char *a, size_t na, const char *b, size_t nb, const struct cmp_options *opt,
              struct cmp_result *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    double threshold = opt && opt->threshold > 0 ? opt->threshold : 0.35;
    const struct text_tokenizer *tok = opt ? opt->tok : NULL;
    struct cmp_counts *intern = cmp_counts_new();
    struct side A, B;
    int rc = -1;
    memset(&B, 0, sizeof B);
    if (side_build(&A, a, na, tok, intern, err) != 0 ||
        side_build(&B, b, nb, tok, intern, err) != 0)
        goto done;

    int32_t *pa = xmalloc((A.nsents + 1) * sizeof *pa);
    int32_t *pb = xmalloc((B.nsents + 1) * sizeof *pb);
    double *score = xcalloc(A.nsents + 1, sizeof *score);
    for (size_t i = 0; i < A.nsents; i++)
        pa[i] = -1;
    for (size_t j = 0; j < B.nsents; j++)
        pb[j] = -1;
    align(&A, &B, intern->len, threshold, pa, pb, score);

    /* Rows in A's order; B-only sentences follow their predecessor in B. */
    size_t cap = 0;
    struct spanvec del = {0}, ins = {0};
    size_t paired = 0;
    for (size_t j = 0; j < B.nsents && pb[j] < 0; j++)
        push_row(out, &cap, CMP_ONLY_B, -1, (int32_t)j, 0);
    for (size_t i = 0; i < A.nsents; i++) {
        int32_t j = pa[i];
        if (j < 0) {
            push_row(out, &cap, CMP_ONLY_A, (int32_t)i, -1, 0);
            continue;
        }
        paired++;
        bool same = word_diff(&A, i, &B, (size_t)j, &del, &ins);
        push_row(out, &cap, same ? CMP_SAME : CMP_SIMILAR, (int32_t)i, j, score[i]);
        for (size_t k = (size_t)j + 1; k < B.nsents && pb[k] < 0; k++)
            push_row(out, &cap, CMP_ONLY_B, -1, (int32_t)k, 0);
    }
    /* B's sentences were visited in A's order: sort by position. */
    if (ins.n > 1)
        qsort(ins.v, ins.n, sizeof *ins.v, span_cmp);
    out->deleted = del.v;
    out->ndeleted = del.n;
    out->inserted = ins.v;
    out->ninserted = ins.n;
    out->aligned_a = A.nsents ? (double)paired / (double)A.nsents : 0;
    out->aligned_b = B.nsents ? (double)paired / (double)B.nsents : 0;
    out->similarity = doc_cosine(A.counts, B.counts);
    out->sent_a = A.sents;
    out->nsent_a = A.nsents;
    out->sent_b = B.sents;
    out->nsent_b = B.nsents;
    A.sents = B.sents = NULL;
    out->counts_a = A.counts;
    out->counts_b = B.counts;
    A.counts = B.counts = NULL;
    build_passages(out);
    free(pa);
    free(pb);
    free(score);
    rc = 0;
done:
    side_free(&A);
    side_free(&B);
    cmp_counts_free(&intern);
    if (rc != 0)
        cmp_result_clear(out);
    return rc;
}

void
cmp_result_clear(struct cmp_result *r)
{
    free(r->sent_a);
    free(r->sent_b);
    free(r->rows);
    free(r->passages);
    free(r->deleted);
    free(r->inserted);
    cmp_counts_free(&r->counts_a);
    cmp_counts_free(&r->counts_b);
    memset(r, 0, sizeof *r);
}
