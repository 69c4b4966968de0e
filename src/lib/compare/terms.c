/*
 * compare/terms.c — term counts of a text or a set of texts (the tokenizer's
 * terms, stop words and bare numbers left out) and keyness (Dunning G2)
 * between two of them. See compare.h for the contracts.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/sentences.h"
#include "dossier/text.h"
#include "lib.h"

#include "dossier/utf8.h"

/* Single ASCII letters ("u" and "s" of "U.S.") are not terms. */
bool
cmp_is_letter_fragment(const char *s, size_t n)
{
    return n == 1 && (unsigned char)s[0] < 0x80;
}

/* True when the token is made of digits only (numbers are split at '.' and ','). */
bool
cmp_is_number(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* ---- term tables --------------------------------------------------------------------- */

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
long
cmp_counts_find(struct cmp_counts *c, const char *term, size_t len, bool create)
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

long
cmp_counts_lookup(const struct cmp_counts *c, const char *term)
{
    return cmp_counts_find((struct cmp_counts *)(uintptr_t)c, term, strlen(term), false);
}

uint64_t
cmp_counts_get(const struct cmp_counts *c, const char *term)
{
    long i = c ? cmp_counts_lookup(c, term) : -1;
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
    long i = cmp_counts_find(c, term, strlen(term), true);
    if (!c->e[i].word && surface)
        c->e[i].word = xstrdup(surface);
    c->e[i].n += n;
    c->total += n;
}

/* Surface form of a token, lowercased when it is capitalised only at the
 * start (so "Tariffs" and "tariffs" display alike). */
char *
cmp_surface_dup(const char *text, size_t start, size_t end)
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
        cmp_is_number(token, tl) || cmp_is_letter_fragment(token, tl))
        return;
    long i = cmp_counts_find(x->c, token, tl, true);
    if (!x->c->e[i].word)
        x->c->e[i].word = cmp_surface_dup(x->text, start, end);
    x->c->e[i].n++;
    x->c->total++;
}

int
cmp_run_tokenizer(const struct text_tokenizer *tok, const char *text, size_t len, text_token_fn fn,
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
    return cmp_run_tokenizer(tok, text, len, counts_token_cb, &x);
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
            long j = y ? cmp_counts_lookup(y, e->term) : -1;
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

/* qsort/bsearch order of int32_t. */
int
cmp_int32(const void *p, const void *q)
{
    int32_t x = *(const int32_t *)p, y = *(const int32_t *)q;
    return (x > y) - (x < y);
}

/* Equal strings, or both NULL. */
bool
cmp_str_eq(const char *x, const char *y)
{
    if (!x || !y)
        return x == y;
    return strcmp(x, y) == 0;
}
