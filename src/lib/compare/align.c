/*
 * compare/align.c — aligning two articles sentence by sentence, word diffs inside
 * aligned pairs, term counts and keyness (Dunning G2), and the summary that
 * pairs two extractions (entities, figures, topics). Pure algorithms: no
 * store, no terminal. See compare.h for the contracts.
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
#include "dossier/utf8.h"

/* Single ASCII letters ("u" and "s" of "U.S.") are not terms. */
static bool
is_letter_fragment(const char *s, size_t n)
{
    return n == 1 && (unsigned char)s[0] < 0x80;
}

/* True when the token is made of digits only (numbers are split at '.' and ','). */
static bool
is_number(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* ---- term tables --------------------------------------------------------------------- */

struct cmp_entry {
    char *term;
    char *word;
    uint64_t hash;
    uint64_t n;
};

struct cmp_counts {
    struct cmp_entry *e;
    size_t len, ecap;
    uint32_t *slots; /* entry index + 1; 0 = empty */
    size_t cap;      /* power of two */
    uint64_t total;
};

struct cmp_counts *
cmp_counts_new(void)
{
    struct cmp_counts *c = xcalloc(1, sizeof *c);
    c->cap = 64;
    c->slots = xcalloc(c->cap, sizeof *c->slots);
    return c;
}

void
cmp_counts_free(struct cmp_counts **cp)
{
    struct cmp_counts *c = *cp;
    if (!c)
        return;
    for (size_t i = 0; i < c->len; i++) {
        free(c->e[i].term);
        free(c->e[i].word);
    }
    free(c->e);
    free(c->slots);
    free(c);
    *cp = NULL;
}

uint64_t
cmp_counts_total(const struct cmp_counts *c)
{
    return c ? c->total : 0;
}

static void
counts_grow(struct cmp_counts *c)
{
    size_t ncap = c->cap * 2;
    uint32_t *ns = xcalloc(ncap, sizeof *ns);
    for (size_t i = 0; i < c->len; i++) {
        size_t h = (size_t)c->e[i].hash & (ncap - 1);
        while (ns[h])
            h = (h + 1) & (ncap - 1);
        ns[h] = (uint32_t)(i + 1);
    }
    free(c->slots);
    c->slots = ns;
    c->cap = ncap;
}

/* Index of term in c, or -1 when absent and !create. */
static long
counts_find(struct cmp_counts *c, const char *term, size_t len, bool create)
{
    uint64_t h = ds_hash64(term, len);
    size_t i = (size_t)h & (c->cap - 1);
    while (c->slots[i]) {
        struct cmp_entry *e = &c->e[c->slots[i] - 1];
        if (e->hash == h && strncmp(e->term, term, len) == 0 && e->term[len] == '\0')
            return (long)(c->slots[i] - 1);
        i = (i + 1) & (c->cap - 1);
    }
    if (!create)
        return -1;
    if (c->len == c->ecap) {
        c->ecap = c->ecap ? c->ecap * 2 : 64;
        c->e = xrealloc(c->e, c->ecap * sizeof *c->e);
    }
    struct cmp_entry *e = &c->e[c->len];
    e->term = xstrndup(term, len);
    e->word = NULL;
    e->hash = h;
    e->n = 0;
    c->slots[i] = (uint32_t)(c->len + 1);
    c->len++;
    if (c->len * 2 > c->cap)
        counts_grow(c);
    return (long)(c->len - 1);
}

static long
counts_lookup(const struct cmp_counts *c, const char *term)
{
    return counts_find((struct cmp_counts *)(uintptr_t)c, term, strlen(term), false);
}

uint64_t
cmp_counts_get(const struct cmp_counts *c, const char *term)
{
    long i = c ? counts_lookup(c, term) : -1;
    return i >= 0 ? c->e[i].n : 0;
}

size_t
cmp_counts_terms(const struct cmp_counts *c, struct cmp_term **out)
{
    struct cmp_term *t = xcalloc(c->len + 1, sizeof *t);
    for (size_t i = 0; i < c->len; i++) {
        t[i].term = xstrdup(c->e[i].term);
        t[i].word = xstrdup(c->e[i].word ? c->e[i].word : c->e[i].term);
        t[i].count_a = c->e[i].n;
    }
    *out = t;
    return c->len;
}

void
cmp_counts_add(struct cmp_counts *c, const char *term, const char *surface, uint32_t n)
{
    long i = counts_find(c, term, strlen(term), true);
    if (!c->e[i].word && surface)
        c->e[i].word = xstrdup(surface);
    c->e[i].n += n;
    c->total += n;
}

/* Surface form of a token, lowercased when it is capitalised only at the
 * start (so "Tariffs" and "tariffs" display alike). */
static char *
surface_dup(const char *text, size_t start, size_t end)
{
    char *w = xstrndup(text + start, end - start);
    bool rest_lower = true;
    for (size_t i = 1; w[i]; i++)
        if (w[i] >= 'A' && w[i] <= 'Z')
            rest_lower = false;
    if (rest_lower && w[0] >= 'A' && w[0] <= 'Z')
        w[0] = (char)(w[0] + 32);
    return w;
}

struct counts_ctx {
    struct cmp_counts *c;
    const char *text;
};

static void
counts_token_cb(const char *token, size_t start, size_t end, void *ud)
{
    struct counts_ctx *x = ud;
    size_t tl = strlen(token);
    if (end <= start || text_is_stopword(x->text + start, end - start) ||
        is_number(token, tl) || is_letter_fragment(token, tl))
        return;
    long i = counts_find(x->c, token, tl, true);
    if (!x->c->e[i].word)
        x->c->e[i].word = surface_dup(x->text, start, end);
    x->c->e[i].n++;
    x->c->total++;
}

static int
run_tokenizer(const struct text_tokenizer *tok, const char *text, size_t len, text_token_fn fn,
              void *ud)
{
    if (tok && tok->tokenize)
        return tok->tokenize(tok->ctx, text, len, fn, ud);
    text_tokenize_basic(text, len, fn, ud);
    return 0;
}

int
cmp_counts_add_text(struct cmp_counts *c, const char *text, size_t len,
                    const struct text_tokenizer *tok)
{
    struct counts_ctx x = {c, text};
    return run_tokenizer(tok, text, len, counts_token_cb, &x);
}

/* ---- keyness ----------------------------------------------------------------------- */

double
keyness_g2(double a, double b, double c, double d)
{
    if (c <= 0 || d <= 0 || a + b <= 0)
        return 0;
    double e1 = c * (a + b) / (c + d);
    double e2 = d * (a + b) / (c + d);
    double g = 0;
    if (a > 0)
        g += a * log(a / e1);
    if (b > 0)
        g += b * log(b / e2);
    g *= 2;
    return g > 0 ? g : 0;
}

void
cmp_terms_free(struct cmp_term *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(t[i].term);
        free(t[i].word);
    }
    free(t);
}

static int
term_cmp(const void *p, const void *q)
{
    const struct cmp_term *x = p, *y = q;
    double ax = fabs(x->g2), ay = fabs(y->g2);
    if (ax != ay)
        return ax > ay ? -1 : 1;
    return strcmp(x->term, y->term);
}

size_t
compare_keyness(const struct cmp_counts *a, const struct cmp_counts *b, double min_g2, size_t max,
                struct cmp_term **out)
{
    size_t na = 0, nb = 0, cap = 16;
    struct cmp_term *ta = xmalloc(cap * sizeof *ta);
    size_t capb = 16;
    struct cmp_term *tb = xmalloc(capb * sizeof *tb);
    double c = (double)cmp_counts_total(a), d = (double)cmp_counts_total(b);
    for (int side = 0; side < 2; side++) {
        const struct cmp_counts *x = side == 0 ? a : b, *y = side == 0 ? b : a;
        if (!x)
            continue;
        for (size_t i = 0; i < x->len; i++) {
            const struct cmp_entry *e = &x->e[i];
            long j = y ? counts_lookup(y, e->term) : -1;
            if (side == 1 && j >= 0)
                continue; /* counted from a's side */
            uint64_t ca = side == 0 ? e->n : (j >= 0 ? y->e[j].n : 0);
            uint64_t cb = side == 0 ? (j >= 0 ? y->e[j].n : 0) : e->n;
            double g = keyness_g2((double)ca, (double)cb, c, d);
            if (g < min_g2 || g <= 0)
                continue;
            bool for_a = (double)ca / c > (double)cb / d;
            struct cmp_term t = {NULL, NULL, ca, cb, for_a ? g : -g};
            if (for_a) {
                if (na == cap)
                    ta = xrealloc(ta, (cap *= 2) * sizeof *ta);
                ta[na++] = t;
            } else {
                if (nb == capb)
                    tb = xrealloc(tb, (capb *= 2) * sizeof *tb);
                tb[nb++] = t;
            }
            struct cmp_term *tp = for_a ? &ta[na - 1] : &tb[nb - 1];
            tp->term = e->term; /* borrowed until the copy below */
            tp->word = e->word ? e->word : (j >= 0 ? y->e[j].word : NULL);
        }
    }
    qsort(ta, na, sizeof *ta, term_cmp);
    qsort(tb, nb, sizeof *tb, term_cmp);
    na = DS_MIN(na, max);
    nb = DS_MIN(nb, max);
    struct cmp_term *res = xmalloc((na + nb + 1) * sizeof *res);
    for (size_t i = 0; i < na + nb; i++) {
        const struct cmp_term *t = i < na ? &ta[i] : &tb[i - na];
        res[i] = *t;
        res[i].term = xstrdup(t->term);
        res[i].word = xstrdup(t->word ? t->word : t->term);
    }
    free(ta);
    free(tb);
    *out = res;
    return na + nb;
}

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
    t->term = (int32_t)counts_find(x->intern, token, tl, true);
    t->content = !text_is_stopword(sd->text + start, end - start);
    if (t->content && !is_number(token, tl) && !is_letter_fragment(token, tl)) {
        long i = counts_find(sd->counts, token, tl, true);
        if (!sd->counts->e[i].word)
            sd->counts->e[i].word = surface_dup(sd->text, start, end);
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
    if (run_tokenizer(tok, text, len, side_token_cb, &x) != 0) {
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

static int
span_cmp(const void *p, const void *q)
{
    const struct span *x = p, *y = q;
    return (x->start > y->start) - (x->start < y->start);
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
        long j = counts_lookup(b, a->e[i].term);
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

/* ---- the summary ------------------------------------------------------------------ */

const char *
compare_side_name(enum cmp_side s)
{
    switch (s) {
    case CMP_SIDE_BOTH:
        return "both";
    case CMP_SIDE_A:
        return "only-a";
    case CMP_SIDE_B:
        return "only-b";
    case CMP_SIDE_CONFLICT:
        return "conflict";
    }
    return "?";
}

static bool
str_eq(const char *x, const char *y)
{
    if (!x || !y)
        return x == y;
    return strcmp(x, y) == 0;
}

/* Index of the sentence holding byte pos, or -1. */
static int32_t
sentence_at(const struct span *s, size_t n, uint32_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && s[lo].start <= pos ? (int32_t)lo : -1;
}

/* Word-set Jaccard of two subjects (ASCII-folded words of 3+ letters). */
static double
subject_similarity(const char *x, const char *y)
{
    if (!x || !y)
        return 0;
    struct cmp_counts *cx = cmp_counts_new(), *cy = cmp_counts_new();
    cmp_counts_add_text(cx, x, strlen(x), NULL);
    cmp_counts_add_text(cy, y, strlen(y), NULL);
    size_t inter = 0;
    for (size_t i = 0; i < cx->len; i++)
        if (counts_lookup(cy, cx->e[i].term) >= 0)
            inter++;
    size_t uni = cx->len + cy->len - inter;
    double j = uni ? (double)inter / (double)uni : 0;
    cmp_counts_free(&cx);
    cmp_counts_free(&cy);
    return j;
}

static bool
values_equal(double x, double y)
{
    double m = DS_MAX(fabs(x), fabs(y));
    return fabs(x - y) <= 0.005 * m;
}

/* Values that could be two reports of one measure: same sign, within a
 * factor of 10 (15% against 0.2% is two different things). */
static bool
values_comparable(double x, double y)
{
    if (x == 0 || y == 0)
        return x == y;
    if ((x < 0) != (y < 0))
        return false;
    double ax = fabs(x), ay = fabs(y);
    return DS_MAX(ax, ay) <= 10 * DS_MIN(ax, ay);
}

/* Figures of x in sentence sent (an index into sents) with f's unit and kind. */
static size_t
same_measure_count(const struct extraction *x, const struct figure *f, const struct span *sents,
                   size_t nsents, int32_t sent)
{
    size_t n = 0;
    for (size_t i = 0; i < x->nfigures; i++) {
        const struct figure *g = &x->figures[i];
        if (g->kind == f->kind && str_eq(g->unit, f->unit) &&
            sentence_at(sents, nsents, g->span.start) == sent)
            n++;
    }
    return n;
}

static int
entity_row_rank(const struct cmp_entity_row *r)
{
    return (int)r->side;
}

static size_t
entity_row_mentions(const struct cmp_entity_row *r)
{
    return (r->a ? r->a->nspans : 0) + (r->b ? r->b->nspans : 0);
}

static int
entity_row_cmp(const void *p, const void *q)
{
    const struct cmp_entity_row *x = p, *y = q;
    if (entity_row_rank(x) != entity_row_rank(y))
        return entity_row_rank(x) - entity_row_rank(y);
    size_t mx = entity_row_mentions(x), my = entity_row_mentions(y);
    if (mx != my)
        return mx > my ? -1 : 1;
    const struct entity *ex = x->a ? x->a : x->b, *ey = y->a ? y->a : y->b;
    return strcmp(ex->name, ey->name);
}

static int
figure_row_rank(enum cmp_side s)
{
    return s == CMP_SIDE_CONFLICT ? 0 : (int)s + 1;
}

static int
figure_row_cmp(const void *p, const void *q)
{
    const struct cmp_figure_row *x = p, *y = q;
    if (x->side != y->side)
        return figure_row_rank(x->side) - figure_row_rank(y->side);
    uint32_t px = x->a ? x->a->span.start : x->b->span.start;
    uint32_t py = y->a ? y->a->span.start : y->b->span.start;
    return (px > py) - (px < py);
}

static int
topic_row_cmp(const void *p, const void *q)
{
    const struct cmp_topic_row *x = p, *y = q;
    double mx = DS_MAX(x->score_a, x->score_b), my = DS_MAX(y->score_a, y->score_b);
    if (mx != my)
        return mx > my ? -1 : 1;
    return strcmp(x->slug, y->slug);
}

void
compare_summarize(const struct cmp_result *r, const struct extraction *xa,
                  const struct extraction *xb, struct cmp_summary *out)
{
    memset(out, 0, sizeof *out);
    static const struct extraction empty;
    if (!xa)
        xa = &empty;
    if (!xb)
        xb = &empty;

    /* Entities: by kind and canonical name, then by name alone (one side
     * may call Singapore a country where the other calls it a place). */
    out->entities = xmalloc((xa->nentities + xb->nentities + 1) * sizeof *out->entities);
    bool *used_b = xcalloc(xb->nentities + 1, sizeof *used_b);
    const struct entity **match = xcalloc(xa->nentities + 1, sizeof *match);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < xa->nentities; i++) {
            const struct entity *ea = &xa->entities[i];
            for (size_t j = 0; j < xb->nentities && !match[i]; j++)
                if (!used_b[j] && (pass == 1 || xb->entities[j].kind == ea->kind) &&
                    str_eq(xb->entities[j].name, ea->name)) {
                    match[i] = &xb->entities[j];
                    used_b[j] = true;
                }
        }
    for (size_t i = 0; i < xa->nentities; i++)
        out->entities[out->nentities++] = (struct cmp_entity_row){
            match[i] ? CMP_SIDE_BOTH : CMP_SIDE_A, &xa->entities[i], match[i]};
    free(match);
    for (size_t j = 0; j < xb->nentities; j++)
        if (!used_b[j])
            out->entities[out->nentities++] =
                (struct cmp_entity_row){CMP_SIDE_B, NULL, &xb->entities[j]};
    qsort(out->entities, out->nentities, sizeof *out->entities, entity_row_cmp);
    free(used_b);

    /* Figures: equal values first, then conflicts among what is left. */
    size_t nfa = xa->nfigures, nfb = xb->nfigures;
    bool *ua = xcalloc(nfa + 1, sizeof *ua), *ub = xcalloc(nfb + 1, sizeof *ub);
    out->figures = xmalloc((nfa + nfb + 1) * sizeof *out->figures);
    for (size_t i = 0; i < nfa; i++) {
        const struct figure *fa = &xa->figures[i];
        for (size_t j = 0; j < nfb; j++) {
            const struct figure *fb = &xb->figures[j];
            if (!ub[j] && str_eq(fa->unit, fb->unit) && values_equal(fa->value, fb->value)) {
                ua[i] = ub[j] = true;
                out->figures[out->nfigures++] =
                    (struct cmp_figure_row){CMP_SIDE_BOTH, fa, fb};
                break;
            }
        }
    }
    /* Which B sentence each A sentence is paired with. */
    size_t nsa = r ? r->nsent_a : 0;
    int32_t *pair = xmalloc((nsa + 1) * sizeof *pair);
    for (size_t i = 0; i < nsa; i++)
        pair[i] = -1;
    for (size_t k = 0; r && k < r->nrows; k++)
        if (r->rows[k].a >= 0 && r->rows[k].b >= 0)
            pair[r->rows[k].a] = r->rows[k].b;
    for (size_t i = 0; i < nfa; i++) {
        if (ua[i])
            continue;
        const struct figure *fa = &xa->figures[i];
        int32_t sa = r ? sentence_at(r->sent_a, r->nsent_a, fa->span.start) : -1;
        for (size_t j = 0; j < nfb; j++) {
            const struct figure *fb = &xb->figures[j];
            if (ub[j] || !str_eq(fa->unit, fb->unit) || fa->kind != fb->kind)
                continue;
            if (!values_comparable(fa->value, fb->value))
                continue;
            int32_t sb = r ? sentence_at(r->sent_b, r->nsent_b, fb->span.start) : -1;
            bool aligned = sa >= 0 && sb >= 0 && pair[sa] == sb;
            double subj = subject_similarity(fa->subject, fb->subject);
            /* Aligned sentences holding several figures of this unit: the
             * subjects must agree a little too. */
            bool alone = aligned && same_measure_count(xa, fa, r->sent_a, r->nsent_a, sa) == 1 &&
                         same_measure_count(xb, fb, r->sent_b, r->nsent_b, sb) == 1;
            if ((aligned && (alone || subj >= 0.3)) || subj >= 0.5) {
                ua[i] = ub[j] = true;
                out->figures[out->nfigures++] =
                    (struct cmp_figure_row){CMP_SIDE_CONFLICT, fa, fb};
                out->nconflicts++;
                break;
            }
        }
    }
    free(pair);
    for (size_t i = 0; i < nfa; i++)
        if (!ua[i])
            out->figures[out->nfigures++] =
                (struct cmp_figure_row){CMP_SIDE_A, &xa->figures[i], NULL};
    for (size_t j = 0; j < nfb; j++)
        if (!ub[j])
            out->figures[out->nfigures++] =
                (struct cmp_figure_row){CMP_SIDE_B, NULL, &xb->figures[j]};
    qsort(out->figures, out->nfigures, sizeof *out->figures, figure_row_cmp);
    free(ua);
    free(ub);

    /* Topics of each side, merged by slug. */
    out->topics = xmalloc((xa->ntopics + xb->ntopics + 1) * sizeof *out->topics);
    for (size_t i = 0; i < xa->ntopics; i++)
        out->topics[out->ntopics++] =
            (struct cmp_topic_row){xa->topics[i].slug, xa->topics[i].score, 0};
    for (size_t j = 0; j < xb->ntopics; j++) {
        size_t k;
        for (k = 0; k < out->ntopics; k++)
            if (str_eq(out->topics[k].slug, xb->topics[j].slug))
                break;
        if (k < out->ntopics)
            out->topics[k].score_b = xb->topics[j].score;
        else
            out->topics[out->ntopics++] =
                (struct cmp_topic_row){xb->topics[j].slug, 0, xb->topics[j].score};
    }
    qsort(out->topics, out->ntopics, sizeof *out->topics, topic_row_cmp);

    if (r)
        out->nterms = compare_keyness(r->counts_a, r->counts_b, 3.84, 12, &out->terms);
}

void
cmp_summary_clear(struct cmp_summary *s)
{
    free(s->entities);
    free(s->figures);
    free(s->topics);
    cmp_terms_free(s->terms, s->nterms);
    memset(s, 0, sizeof *s);
}
