/*
 * corpus/kwic.c — keyword in context over a selection (corpus.h), in steps
 * so a front end draws the first lines at once: the candidate documents
 * come from the full-text index (or, for a single CJK character, which is
 * no token of the index inside longer runs, every selected document); each
 * step reads some of their bodies, tokenizes them as the index does and
 * matches the term's tokens. A term with Chinese, Japanese or Korean in it
 * is found as the index folds text (Traditional Han as Simplified, letters
 * lowercased), so either script finds both, and only where it is a word
 * or words of the text by ICU's segmenter (util/segment.c): 中国 is not
 * found inside 发展中国家; a term whose own last word is one character may
 * end inside a word that character begins (經濟部 in 經濟|部長). No body
 * is folded whole: the ways of writing the term's first character are
 * looked for as bytes, the term matched folded from each, and only the
 * characters around a match folded and segmented. The line shows the
 * text as written.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"

#define KWIC_FIRST 8 /* ways of writing a term's first character looked for */

struct corpus_tok {
    uint64_t hash;
    size_t start, end;
};

struct corpus_toks {
    struct corpus_tok *v;
    size_t n, cap;
};

static void
corpus_tok_cb(const char *token, size_t start, size_t end, void *ud)
{
    struct corpus_toks *t = ud;
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->v = xrealloc(t->v, t->cap * sizeof *t->v);
    }
    t->v[t->n].hash = ds_hash64(token, strlen(token));
    t->v[t->n].start = start;
    t->v[t->n].end = end;
    t->n++;
}

static bool
corpus_has_cjk(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        if (utf8_is_cjk(cp))
            return true;
    }
    return false;
}

struct corpus_kwic_acc {
    struct corpus_kwic *v;
    size_t n, cap, max;
    size_t total; /* lines found, including those taken away (max counts all) */
    bool truncated;
};

static void
corpus_kwic_push(struct corpus_kwic_acc *a, int64_t doc, const char *body, size_t len,
                 size_t start, size_t end, size_t width)
{
    if (a->total >= a->max) {
        a->truncated = true;
        return;
    }
    a->total++;
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->v = xrealloc(a->v, a->cap * sizeof *a->v);
    }
    struct corpus_kwic *k = &a->v[a->n++];
    k->doc_id = doc;
    corpus_kwic_make(body, len, start, end, width, k);
}

/* A keyword-in-context search in progress (corpus.h): the candidate
 * documents are listed when it begins; each step tokenizes some of them. */
struct corpus_kwic_scan {
    struct store *s;
    struct corpus_toks want, got;
    struct corpus_kwic_acc acc;
    struct stats_text *body;
    int64_t *cand; /* candidate document ids, in id order */
    size_t ncand, next;
    /* or, for corpus_kwic_find, the candidates read as the search goes (a
     * few lines of a frequent word need not list all of its documents
     * first) and the selection they are filtered by */
    struct stats_ids *cand_ids;
    const struct corpus_sel *sel;
    bool use_fts;
    size_t width;
    char *needle;
    bool cjk;
    /* a CJK term: the term and the body being read as folded, and the
     * segmenter that says where their words are */
    struct store_folded fneedle, fbody;
    struct segmenter *seg;
    size_t tail; /* seg_term_tail of the folded term */
    /* the ways its first character is written (关 and 關), UTF-8; none
     * when the whole body must be folded to find it */
    char first[KWIC_FIRST][4];
    size_t first_len[KWIC_FIRST], nfirst;
    size_t *pos; /* where they are in a body, in order */
    size_t npos, cappos;
    int64_t doc;            /* the document being matched */
    struct ds_error *err;   /* of the step in progress */
};

void
corpus_kwic_end(struct corpus_kwic_scan **kp)
{
    struct corpus_kwic_scan *k = kp ? *kp : NULL;
    if (!k)
        return;
    stats_ids_free(&k->cand_ids);
    stats_text_free(&k->body);
    corpus_kwic_free(k->acc.v, k->acc.n);
    free(k->want.v);
    free(k->got.v);
    free(k->cand);
    free(k->needle);
    free(k->pos);
    store_folded_free(&k->fneedle);
    store_folded_free(&k->fbody);
    seg_free(&k->seg);
    free(k);
    *kp = NULL;
}

/* The term's tokens and whether the index can narrow its documents. */
static int
corpus_kwic_term(struct corpus_kwic_scan *k, const char *term, struct ds_error *err)
{
    k->needle = corpus_clean_line(term, strlen(term));
    if (!*k->needle) {
        ds_error_set(err, -1, "nothing to look for: the term is empty");
        return -1;
    }
    k->cjk = corpus_has_cjk(k->needle);
    if (k->cjk) {
        store_fold_text(&k->fneedle, k->needle, strlen(k->needle));
        k->seg = seg_new();
        k->tail = seg_term_tail(k->seg, k->fneedle.text.data, k->fneedle.text.len);
        uint32_t cp, ways[KWIC_FIRST];
        utf8_decode(k->fneedle.text.data, k->fneedle.text.len, &cp);
        k->nfirst = store_fold_preimages(&k->fneedle, cp, ways, KWIC_FIRST);
        for (size_t i = 0; i < k->nfirst; i++)
            k->first_len[i] = (size_t)utf8_encode(ways[i], k->first[i]);
    } else {
        if (store_tokenize(k->s, k->needle, strlen(k->needle), corpus_tok_cb, &k->want, err) != 0)
            return -1;
        if (!k->want.n) {
            ds_error_set(err, -1, "'%s' has no word the index knows (only punctuation?)",
                         k->needle);
            return -1;
        }
    }
    /* Candidates: the FTS index narrows the documents unless the term is a
     * single CJK character (not a token of the index inside longer runs). */
    size_t ncp = 0;
    for (size_t i = 0, n = strlen(k->needle); i < n; ncp++) {
        uint32_t cp;
        i += (size_t)utf8_decode(k->needle + i, n - i, &cp);
    }
    k->use_fts = !k->cjk || ncp >= 2;
    return 0;
}

/* corpus_kwic_begin; lazy: candidates are read as the search goes (sel
 * must live as long as the search). */
static int
corpus_kwic_start(struct store *s, const struct corpus_sel *sel, const char *term, size_t width,
                  size_t max, bool lazy, struct corpus_kwic_scan **out, struct ds_error *err)
{
    struct stats_ids *cand = NULL;
    struct corpus_kwic_scan *k = xcalloc(1, sizeof *k);
    size_t cap = 0;
    int got;
    int64_t id = 0;

    *out = NULL;
    k->s = s;
    k->width = width;
    k->acc.max = max ? max : 10000;
    if (corpus_kwic_term(k, term, err) != 0 ||
        stats_kwic_candidates(s, k->needle, k->use_fts, sel->num, &cand, err) != 0)
        goto fail;
    if (lazy) {
        k->cand_ids = cand;
        k->sel = sel;
        cand = NULL;
    }
    while (!lazy && (got = stats_ids_next(cand, &id, err)) != 0) {
        if (got < 0)
            goto fail;
        if (k->use_fts && !corpus_sel_has(sel, id))
            continue;
        if (k->ncand == cap) {
            cap = cap ? cap * 2 : 1024;
            k->cand = xrealloc(k->cand, cap * sizeof *k->cand);
        }
        k->cand[k->ncand++] = id;
    }
    if (stats_text_open(s, false, &k->body, err) != 0)
        goto fail;
    stats_ids_free(&cand);
    *out = k;
    return 0;
fail:
    stats_ids_free(&cand);
    corpus_kwic_end(&k);
    return -1;
}

int
corpus_kwic_begin(struct store *s, const struct corpus_sel *sel, const char *term, size_t width,
                  size_t max, struct corpus_kwic_scan **out, struct ds_error *err)
{
    return corpus_kwic_start(s, sel, term, width, max, false, out, err);
}

/* The next candidate document: 1 with *id, 0 when there is none, -1 on
 * error. */
static int
corpus_kwic_next(struct corpus_kwic_scan *k, int64_t *id, struct ds_error *err)
{
    if (!k->cand_ids) {
        if (k->next >= k->ncand)
            return 0;
        *id = k->cand[k->next++];
        return 1;
    }
    int got;
    while ((got = stats_ids_next(k->cand_ids, id, err)) == 1) {
        if (k->use_fts && !corpus_sel_has(k->sel, *id))
            continue;
        k->next++;
        return 1;
    }
    stats_ids_free(&k->cand_ids);
    k->ncand = k->next; /* all were read */
    return got;
}

/* Is [start, end) of the original text a word or words there: the
 * characters around it folded, and segmented (seg_is_term_span)? */
static bool
corpus_kwic_is_word(struct corpus_kwic_scan *k, const char *text, size_t len, size_t start,
                    size_t end)
{
    /* the segmenter looks at most 16 characters either side: fold 17 */
    size_t lo = start, hi = end;
    for (int c = 0; c < 17 && lo > 0; c++)
        do
            lo--;
        while (lo > 0 && ((unsigned char)text[lo] & 0xC0) == 0x80);
    for (int c = 0; c < 17 && hi < len; c++)
        do
            hi++;
        while (hi < len && ((unsigned char)text[hi] & 0xC0) == 0x80);
    struct store_folded *f = &k->fbody;
    store_fold_text(f, text + lo, hi - lo);
    size_t fs = 0, fe;
    while (f->map[fs] < start - lo)
        fs++;
    for (fe = fs; fe < f->text.len && f->map[fe] < end - lo; fe++)
        ;
    return seg_is_term_span(k->seg, f->text.data, f->text.len, fs, fe, k->tail);
}

/* Note where the byte string w[0..wl) starts in text (a first byte of a
 * character: w is one whole character). */
static void
corpus_kwic_find_char(struct corpus_kwic_scan *k, const char *text, size_t len, const char *w,
                      size_t wl)
{
    unsigned char last = (unsigned char)w[wl - 1];
    for (size_t i = wl - 1; i < len;) {
        const char *hit = memchr(text + i, last, len - i);
        if (!hit)
            return;
        size_t at = (size_t)(hit - text) + 1 - wl;
        if (memcmp(text + at, w, wl) == 0) {
            if (k->npos == k->cappos) {
                k->cappos = k->cappos ? k->cappos * 2 : 256;
                k->pos = xrealloc(k->pos, k->cappos * sizeof *k->pos);
            }
            k->pos[k->npos++] = at;
        }
        i = (size_t)(hit - text) + 1;
    }
}

static int
corpus_kwic_pos_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* The occurrences of a CJK term in one body: where the ways of writing
 * its first character are, those that fold to the term from there, that
 * start and end on word boundaries. Only the characters around each such
 * place are folded and segmented. */
static void
corpus_kwic_words(struct corpus_kwic_scan *k, const char *text, size_t len)
{
    const char *want = k->fneedle.text.data;
    size_t m = k->fneedle.text.len;
    k->npos = 0;
    for (size_t i = 0; i < k->nfirst; i++)
        corpus_kwic_find_char(k, text, len, k->first[i], k->first_len[i]);
    if (k->nfirst > 1 && k->npos > 1)
        qsort(k->pos, k->npos, sizeof *k->pos, corpus_kwic_pos_cmp);
    size_t after = 0;
    for (size_t i = 0; i < k->npos; i++) {
        size_t p = k->pos[i];
        if (p < after)
            continue;
        size_t e = store_fold_match(&k->fbody, want, m, text, len, p);
        if (e && corpus_kwic_is_word(k, text, len, p, e)) {
            corpus_kwic_push(&k->acc, k->doc, text, len, p, e, k->width);
            after = e;
        }
    }
}

/* corpus_kwic_words for a term whose first character folds by a rule
 * not inverted (store_fold_preimages): the whole body folded. */
static void
corpus_kwic_words_folded(struct corpus_kwic_scan *k, const char *text, size_t len)
{
    const char *want = k->fneedle.text.data;
    size_t m = k->fneedle.text.len;
    struct store_folded *f = &k->fbody;
    store_fold_text(f, text, len);
    for (const char *hit = strstr(f->text.data, want); hit; hit = strstr(hit, want)) {
        size_t p = (size_t)(hit - f->text.data);
        if (!seg_is_term_span(k->seg, f->text.data, f->text.len, p, p + m, k->tail)) {
            hit += 1;
            while (((unsigned char)*hit & 0xC0) == 0x80)
                hit++;
            continue;
        }
        corpus_kwic_push(&k->acc, k->doc, text, len, f->map[p], f->map[p + m], k->width);
        hit += m;
    }
}

/* The term's occurrences in one body (a stats_text_fn). */
static int
corpus_kwic_body(const char *text, size_t len, void *ud)
{
    struct corpus_kwic_scan *k = ud;
    if (k->cjk) {
        if (k->nfirst)
            corpus_kwic_words(k, text, len);
        else
            corpus_kwic_words_folded(k, text, len);
        return 0;
    }
    k->got.n = 0;
    if (store_tokenize(k->s, text, len, corpus_tok_cb, &k->got, k->err) != 0)
        return -1;
    for (size_t i = 0; i + k->want.n <= k->got.n; i++) {
        size_t j = 0;
        while (j < k->want.n && k->got.v[i + j].hash == k->want.v[j].hash)
            j++;
        if (j == k->want.n)
            corpus_kwic_push(&k->acc, k->doc, text, len, k->got.v[i].start,
                             k->got.v[i + k->want.n - 1].end, k->width);
    }
    return 0;
}

int
corpus_kwic_more(struct corpus_kwic_scan *k, size_t ndocs, struct ds_error *err)
{
    int got = 0;
    int64_t id = 0;
    k->err = err;
    for (size_t done = 0; done < ndocs && !k->acc.truncated &&
                          (got = corpus_kwic_next(k, &id, err)) == 1;
         done++) {
        k->doc = id;
        if (stats_text_get(k->body, id, corpus_kwic_body, k, err) < 0)
            return -1;
    }
    if (got < 0)
        return -1;
    if (k->acc.truncated)
        return 0;
    return k->cand_ids || k->next < k->ncand ? 1 : 0;
}

const struct corpus_kwic *
corpus_kwic_lines(const struct corpus_kwic_scan *k, size_t *n_out, bool *truncated_out)
{
    *n_out = k->acc.n;
    if (truncated_out)
        *truncated_out = k->acc.truncated;
    return k->acc.v;
}

void
corpus_kwic_progress(const struct corpus_kwic_scan *k, size_t *done, size_t *total)
{
    *done = k->next;
    *total = k->ncand;
}

void
corpus_kwic_take(struct corpus_kwic_scan *k, struct corpus_kwic **out, size_t *n_out)
{
    *out = k->acc.v;
    *n_out = k->acc.n;
    k->acc.v = NULL;
    k->acc.n = k->acc.cap = 0;
}

int
corpus_kwic_find(struct store *s, const struct corpus_sel *sel, const char *term,
                 size_t width, size_t max, struct corpus_kwic **out, size_t *n_out,
                 bool *truncated_out, struct ds_error *err)
{
    struct corpus_kwic_scan *k = NULL;
    *out = NULL;
    *n_out = 0;
    if (truncated_out)
        *truncated_out = false;
    if (corpus_kwic_start(s, sel, term, width, max, true, &k, err) != 0)
        return -1;
    if (corpus_kwic_more(k, (size_t)-1, err) < 0) {
        corpus_kwic_end(&k);
        return -1;
    }
    if (truncated_out)
        *truncated_out = k->acc.truncated;
    corpus_kwic_take(k, out, n_out);
    corpus_kwic_end(&k);
    return 0;
}
