/*
 * store/tokenizer.c — the 'dossier' FTS5 tokenizer: porter stemming over
 * unicode61 (remove_diacritics 2) for alphabetic scripts, and overlapping
 * bigrams for runs of CJK characters (Han, kana, hangul), which are written
 * without spaces between words. A run of one CJK character is one token.
 *
 * Why bigrams: unicode61 would make a whole Han run one token, so 王文涛
 * could not be found inside 部长王文涛表示; a trigram index costs ~4x and
 * cannot find two-character words (关税). With bigrams, a query's CJK run
 * becomes a phrase of its bigrams at consecutive positions, which matches
 * anywhere inside a longer run.
 *
 * One script: each Han character is folded to its Simplified form (OpenCC's
 * TSCharacters table, store/hanfold.c) before it becomes part of a token, in
 * documents and queries alike, so 关税 and 關稅 are the same term. Tokens
 * still carry the byte offsets of the text as written, so highlights land on
 * the original characters. The fold is one array read per Han character.
 *
 * Speed: tokenizing is the indexing bottleneck, so text whose bytes cannot
 * start a CJK character (no lead byte 0xE3..0xF0) goes to porter whole with
 * no extra work beyond one scan of the bytes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "lib.h"

struct dtok {
    fts5_tokenizer porter;
    Fts5Tokenizer *inner;
    fts5_tokenizer plain;       /* unicode61 alone, for prefix query terms */
    Fts5Tokenizer *plain_inst;
    uint32_t *fold;             /* store_hanfold_table() */
};

/* The current CJK run: its characters' byte offsets in the text (starts)
 * and in the folded copy fb (fstarts); [n] is the end of the run. */
struct run {
    int *starts, *fstarts;
    char *fb;
    int n, cap, flen, fcap;
};

/* Passes porter's tokens on, shifted by the offset of the segment it got. */
struct shift {
    void *ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
    int off;
};

static int
dtok_shift_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
    struct shift *sh = p;
    return sh->xToken(sh->ctx, tflags, tok, n, start + sh->off, end + sh->off);
}

static void
dtok_delete(Fts5Tokenizer *p)
{
    struct dtok *t = (struct dtok *)p;
    if (!t)
        return;
    if (t->inner)
        t->porter.xDelete(t->inner);
    if (t->plain_inst)
        t->plain.xDelete(t->plain_inst);
    free(t->fold);
    free(t);
}

static int
dtok_create(void *ctx, const char **args, int nargs, Fts5Tokenizer **out)
{
    fts5_api *api = ctx;
    struct dtok *t = xcalloc(1, sizeof *t);
    void *porter_ud = NULL, *plain_ud = NULL;
    const char *inner_args[] = {"unicode61", "remove_diacritics", "2"};

    (void)args;
    (void)nargs;
    *out = NULL;
    int rc = api->xFindTokenizer(api, "porter", &porter_ud, &t->porter);
    if (rc == SQLITE_OK)
        rc = t->porter.xCreate(porter_ud, inner_args, 3, &t->inner);
    if (rc == SQLITE_OK)
        rc = api->xFindTokenizer(api, "unicode61", &plain_ud, &t->plain);
    if (rc == SQLITE_OK)
        rc = t->plain.xCreate(plain_ud, inner_args + 1, 2, &t->plain_inst);
    if (rc != SQLITE_OK) {
        dtok_delete((Fts5Tokenizer *)t);
        return rc;
    }
    t->fold = store_hanfold_table();
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

/* True when byte c may start a code point that utf8_is_cjk() accepts
 * (U+3040.. is 0xE3.., U+F900.. is 0xEF, U+20000.. is 0xF0). */
static inline int
dtok_maybe_cjk_lead(unsigned char c)
{
    return (unsigned char)(c - 0xE3u) <= (0xF0u - 0xE3u);
}

/* The folded form of CJK code point cp (cp itself when it does not fold). */
static inline uint32_t
dtok_fold(const struct dtok *t, uint32_t cp)
{
    if (cp - STORE_HANFOLD_LO < STORE_HANFOLD_N) {
        uint32_t f = t->fold[cp - STORE_HANFOLD_LO];
        return f ? f : cp;
    }
    return cp >= 0xF900 ? store_hanfold(cp) : cp;
}

/* Append the CJK character cp, written as len bytes at text + pos, to run r:
 * its original offset and its folded bytes. */
static void
dtok_run_add(const struct dtok *t, struct run *r, const char *text, int pos, int len,
             uint32_t cp)
{
    if (r->n + 2 > r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->starts = xrealloc(r->starts, sizeof *r->starts * (size_t)r->cap);
        r->fstarts = xrealloc(r->fstarts, sizeof *r->fstarts * (size_t)r->cap);
    }
    if (r->flen + 8 > r->fcap) {
        r->fcap = r->fcap ? r->fcap * 2 : 256;
        r->fb = xrealloc(r->fb, (size_t)r->fcap);
    }
    if (r->n == 0)
        r->flen = 0;
    r->starts[r->n] = pos;
    r->fstarts[r->n] = r->flen;
    r->n++;
    uint32_t f = dtok_fold(t, cp);
    if (f == cp) {
        memcpy(r->fb + r->flen, text + pos, (size_t)len);
        r->flen += len;
    } else {
        r->flen += utf8_encode(f, r->fb + r->flen);
    }
}

/* Emit the tokens of run r, which ends at byte end of the text: overlapping
 * bigrams of the folded characters with the original offsets. */
static int
dtok_emit_cjk(struct run *r, int end, int flags, void *ctx,
              int (*xToken)(void *, int, const char *, int, int, int))
{
    const int *st = r->starts, *fs = r->fstarts;
    int n = r->n;
    r->starts[n] = end;
    r->fstarts[n] = r->flen;
    r->n = 0;
    if (n == 1)
        return xToken(ctx, 0, r->fb, fs[1], st[0], st[1]);
    for (int i = 0; i + 1 < n; i++) {
        int rc = xToken(ctx, 0, r->fb + fs[i], fs[i + 2] - fs[i], st[i], st[i + 2]);
        if (rc != SQLITE_OK)
            return rc;
    }
    /* In documents, the run's last character also as a token at the last
     * bigram's position, so a one-character query (compiled to a prefix
     * query, "X"*) finds it at the end of a run too; colocated, it does not
     * shift the positions phrase queries rely on. */
    if (flags & FTS5_TOKENIZE_DOCUMENT)
        return xToken(ctx, FTS5_TOKEN_COLOCATED, r->fb + fs[n - 1], fs[n] - fs[n - 1],
                      st[n - 1], st[n]);
    return SQLITE_OK;
}

static int
dtok_porter(struct dtok *t, void *ctx, int flags, const char *text, int from, int to,
            int (*xToken)(void *, int, const char *, int, int, int))
{
    if (to <= from)
        return SQLITE_OK;
    struct shift sh = {ctx, xToken, from};
    return t->porter.xTokenize(t->inner, &sh, flags, text + from, to - from, dtok_shift_cb);
}

static int
dtok_split(struct dtok *t, void *ctx, int flags, const char *text, int ntext,
           int (*xToken)(void *, int, const char *, int, int, int))
{
    int i = 0;

    while (i < ntext && !dtok_maybe_cjk_lead((unsigned char)text[i]))
        i++;
    if (i == ntext)
        return t->porter.xTokenize(t->inner, ctx, flags, text, ntext, xToken);

    /* Slow path: split into CJK runs and everything else. */
    int seg = 0;            /* start of the pending non-CJK segment */
    struct run r = {0};     /* the current CJK run */
    int rc = SQLITE_OK;
    int pos = 0;

    while (pos < ntext && rc == SQLITE_OK) {
        uint32_t cp;
        int len;
        if (!dtok_maybe_cjk_lead((unsigned char)text[pos])) {
            cp = 0;
            len = 1;
        } else {
            len = utf8_decode(text + pos, (size_t)(ntext - pos), &cp);
        }
        if (utf8_is_cjk(cp)) {
            if (r.n == 0) {
                rc = dtok_porter(t, ctx, flags, text, seg, pos, xToken);
                if (rc != SQLITE_OK)
                    break;
            }
            dtok_run_add(t, &r, text, pos, len, cp);
            pos += len;
            seg = pos;
            continue;
        }
        if (r.n > 0) {
            rc = dtok_emit_cjk(&r, pos, flags, ctx, xToken);
            seg = pos;
        }
        pos += len;
    }
    if (rc == SQLITE_OK) {
        if (r.n > 0)
            rc = dtok_emit_cjk(&r, ntext, flags, ctx, xToken);
        else
            rc = dtok_porter(t, ctx, flags, text, seg, ntext, xToken);
    }
    free(r.starts);
    free(r.fstarts);
    free(r.fb);
    return rc;
}

/* Tokens of a prefix query, held back so the last one can be replaced. */
struct held {
    struct {
        char *tok;
        int n, flags, start, end;
    } *v;
    int n, cap;
};

static int
dtok_hold_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
    struct held *h = p;
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 8;
        h->v = xrealloc(h->v, sizeof *h->v * (size_t)h->cap);
    }
    h->v[h->n].tok = xstrndup(tok, (size_t)n);
    h->v[h->n].n = n;
    h->v[h->n].flags = tflags;
    h->v[h->n].start = start;
    h->v[h->n].end = end;
    h->n++;
    return SQLITE_OK;
}

static void
dtok_held_free(struct held *h)
{
    for (int i = 0; i < h->n; i++)
        free(h->v[i].tok);
    free(h->v);
    memset(h, 0, sizeof *h);
}

/* A prefix query term ("soy"*, "agree"*): porter turns "soy" into "soi",
 * which is no prefix of the indexed "soybean", while the unstemmed "agree"
 * is no prefix of the indexed "agre" (agreed). So the last word goes in both
 * forms, the unstemmed one as a colocated synonym (FTS5 matches either). */
static int
dtok_prefix_query(struct dtok *t, void *ctx, int flags, const char *text, int ntext,
                  int (*xToken)(void *, int, const char *, int, int, int))
{
    struct held all = {0}, last = {0};
    int rc = dtok_split(t, &all, flags, text, ntext, dtok_hold_cb);
    int k = all.n - 1;
    if (rc == SQLITE_OK && k >= 0)
        rc = t->plain.xTokenize(t->plain_inst, &last, flags, text + all.v[k].start,
                                all.v[k].end - all.v[k].start, dtok_hold_cb);
    for (int i = 0; rc == SQLITE_OK && i < all.n; i++)
        rc = xToken(ctx, all.v[i].flags, all.v[i].tok, all.v[i].n, all.v[i].start, all.v[i].end);
    if (rc == SQLITE_OK && k >= 0 && last.n == 1 &&
        (last.v[0].n != all.v[k].n || memcmp(last.v[0].tok, all.v[k].tok, (size_t)last.v[0].n)))
        rc = xToken(ctx, FTS5_TOKEN_COLOCATED, last.v[0].tok, last.v[0].n, all.v[k].start,
                    all.v[k].end);
    dtok_held_free(&all);
    dtok_held_free(&last);
    return rc;
}

static int
dtok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int ntext,
              int (*xToken)(void *, int, const char *, int, int, int))
{
    struct dtok *t = (struct dtok *)p;
    if ((flags & FTS5_TOKENIZE_PREFIX) && (flags & FTS5_TOKENIZE_QUERY))
        return dtok_prefix_query(t, ctx, flags, text, ntext, xToken);
    return dtok_split(t, ctx, flags, text, ntext, xToken);
}

static fts5_api *
dtok_api(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

int
store_tokenizer_register(sqlite3 *db, fts5_api **api_out)
{
    static fts5_tokenizer methods = {dtok_create, dtok_delete, dtok_tokenize};
    fts5_api *api = dtok_api(db);
    *api_out = api;
    if (!api || api->iVersion < 2)
        return SQLITE_ERROR;
    return api->xCreateTokenizer(api, "dossier", api, &methods, NULL);
}
