/*
 * store/words.c — text cut into words for keywords, keyness, "more like
 * this" and comparison (store.h): the index's own tokens, except that
 * Chinese and Japanese runs become dictionary words (util/segment.c: ICU,
 * personal names joined) instead of the overlapping bigrams the index
 * keeps for exact search. Each word is folded to Simplified as the index
 * folds, so 關稅 and 关税 count as one word. Keywords leave out
 * one-character words (的, 在, 了), as one-letter English tokens are; the
 * comparison's word diff keeps them, and cuts the text as folded, so that
 * a Traditional and a Simplified version of one sentence get the same
 * words. Also the index's folding of a whole text, with the way back to
 * the original offsets (store_fold_text), for finding words as the index
 * finds them while showing the text as written.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/store_similar.h"
#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"

struct words_ctx {
    struct store *s;
    const char *text;
    size_t base; /* offset of the piece being tokenized in text */
    void (*fn)(const char *token, size_t start, size_t end, void *ud);
    void *ud;
    struct buf word;
    size_t min_chars; /* CJK words shorter than this are left out */
    const struct store_folded *fold; /* the run as folded, or NULL */
};

/* A token of a non-CJK piece: its span moved to the whole text. */
static void
words_shift_cb(const char *token, size_t start, size_t end, void *ud)
{
    struct words_ctx *c = ud;
    c->fn(token, c->base + start, c->base + end, c->ud);
}

/* The folded form of code point cp, as the index folds it; the common
 * ideographs from the direct table (tab), the rest by search. */
static uint32_t
words_fold_cp(const uint32_t *tab, uint32_t cp)
{
    if (cp - STORE_HANFOLD_LO < STORE_HANFOLD_N) {
        uint32_t f = tab[cp - STORE_HANFOLD_LO];
        return f ? f : cp;
    }
    return cp >= 0x3400 ? store_hanfold(cp) : utf8_tolower(cp);
}

/* One word of a CJK run, folded, when it has min_chars characters or more. */
static void
words_cjk_cb(size_t start, size_t end, void *ud)
{
    struct words_ctx *c = ud;
    const char *w = c->text + c->base;
    /* written straight into the buffer: a character of l bytes takes at
     * most 3 per byte (an invalid byte becomes U+FFFD) */
    buf_reset(&c->word);
    buf_reserve(&c->word, 3 * (end - start));
    char *o = c->word.data;
    size_t chars = 0, ol = 0;
    for (size_t i = start; i < end; chars++) {
        uint32_t cp;
        size_t l = (size_t)utf8_decode(w + i, end - i, &cp);
        uint32_t f = words_fold_cp(c->s->hanfold, cp);
        if (f == cp && cp != UTF8_REPLACEMENT) {
            memcpy(o + ol, w + i, l); /* valid UTF-8 is its code point's encoding */
            ol += l;
        } else {
            ol += (size_t)utf8_encode(f, o + ol);
        }
        i += l;
    }
    o[ol] = '\0';
    c->word.len = ol;
    if (chars >= c->min_chars)
        c->fn(buf_str(&c->word), c->base + start, c->base + end, c->ud);
}

/* One word of a folded CJK run (c->fold): the folded bytes are the token,
 * the span is the original's. */
static void
words_folded_cb(size_t start, size_t end, void *ud)
{
    struct words_ctx *c = ud;
    const struct store_folded *f = c->fold;
    buf_reset(&c->word);
    buf_append(&c->word, f->text.data + start, end - start);
    c->fn(buf_str(&c->word), c->base + f->map[start], c->base + f->map[end], c->ud);
}

/* The end of the CJK run (Han, kana, hangul) or of the other text that
 * starts at i. */
static size_t
words_run_end(const char *t, size_t len, size_t i, bool *cjk)
{
    uint32_t cp;
    int l = utf8_decode(t + i, len - i, &cp);
    *cjk = utf8_is_cjk(cp);
    for (i += (size_t)l; i < len; i += (size_t)l) {
        /* every CJK code point's first byte is 0xE3 or more, and a byte
         * below it never ends a character that started before it: outside
         * a CJK run those bytes are skipped without decoding */
        if (!*cjk) {
            while (i < len && (unsigned char)t[i] < 0xE3)
                i++;
            if (i == len)
                break;
        }
        l = utf8_decode(t + i, len - i, &cp);
        if (utf8_is_cjk(cp) != *cjk)
            break;
    }
    return i;
}

/* store_tokenize_words with CJK words of min_chars characters or more;
 * folded_first: the run is folded before it is cut (both scripts cut
 * alike) rather than cut as written. */
static int
words_tokenize(struct store *s, const char *text, size_t len, size_t min_chars,
               bool folded_first,
               void (*fn)(const char *token, size_t start, size_t end, void *ud), void *ud,
               struct ds_error *err)
{
    if (!s->seg)
        s->seg = seg_new();
    if (!s->hanfold)
        s->hanfold = store_hanfold_table();
    struct store_folded f = {BUF_INIT, NULL, 0, NULL};
    struct words_ctx c = {s, text, 0, fn, ud, BUF_INIT, min_chars, &f};
    int rc = 0;
    for (size_t i = 0; i < len && rc == 0;) {
        bool cjk;
        size_t e = words_run_end(text, len, i, &cjk);
        c.base = i;
        if (cjk && folded_first) {
            store_fold_text(&f, text + i, e - i);
            seg_words(s->seg, f.text.data, f.text.len, words_folded_cb, &c);
        } else if (cjk) {
            seg_words(s->seg, text + i, e - i, words_cjk_cb, &c);
        } else {
            rc = store_tokenize(s, text + i, e - i, words_shift_cb, &c, err);
        }
        i = e;
    }
    store_folded_free(&f);
    buf_free(&c.word);
    return rc;
}

int
store_tokenize_words(struct store *s, const char *text, size_t len,
                     void (*fn)(const char *token, size_t start, size_t end, void *ud), void *ud,
                     struct ds_error *err)
{
    return words_tokenize(s, text, len, 2, false, fn, ud, err);
}

/* A text_tokenizer over store_tokenize_words. */
static int
store_words_tokenize(void *ctx, const char *text, size_t len, text_token_fn fn, void *ud)
{
    struct ds_error err;
    ds_error_clear(&err);
    return store_tokenize_words(ctx, text, len, fn, ud, &err);
}

void
store_text_tokenizer_words(struct store *s, struct text_tokenizer *out)
{
    out->tokenize = store_words_tokenize;
    out->ctx = s;
}

/* A text_tokenizer for comparison: every CJK word, cut as folded. */
static int
store_compare_tokenize(void *ctx, const char *text, size_t len, text_token_fn fn, void *ud)
{
    struct ds_error err;
    ds_error_clear(&err);
    return words_tokenize(ctx, text, len, 1, true, fn, ud, &err);
}

void
store_text_tokenizer_compare(struct store *s, struct text_tokenizer *out)
{
    out->tokenize = store_compare_tokenize;
    out->ctx = s;
}

bool
store_term_is_cjk(const char *term)
{
    uint32_t cp;
    return (unsigned char)term[0] >= 0xE3 && utf8_decode(term, strlen(term), &cp) > 1 &&
           utf8_is_cjk(cp);
}

bool
store_term_is_bigram(const char *term)
{
    size_t n = strlen(term), at = 0;
    int chars = 0;
    while (at < n && chars < 3) {
        uint32_t cp;
        int len = utf8_decode(term + at, n - at, &cp);
        if (len <= 0 || !utf8_is_cjk(cp))
            return false;
        at += (size_t)len;
        chars++;
    }
    return chars >= 1 && chars <= 2 && at == n;
}

/* ---- folding a whole text ----------------------------------------------------------------- */

/* Room in f for n + 4 more folded bytes (one code point) and their map. */
static void
fold_room(struct store_folded *f, size_t n)
{
    buf_reserve(&f->text, n + 4 - f->text.len);
    if (n + 5 > f->cap) {
        f->cap = (n + 5) * 2;
        f->map = xrealloc(f->map, f->cap * sizeof *f->map);
    }
}

/* The folded form of cp, by f's direct table where it covers cp. */
static uint32_t
fold_cp(struct store_folded *f, uint32_t cp)
{
    if (!f->table)
        f->table = store_hanfold_table();
    if (cp - STORE_HANFOLD_LO < STORE_HANFOLD_N)
        return f->table[cp - STORE_HANFOLD_LO] ? f->table[cp - STORE_HANFOLD_LO] : cp;
    return words_fold_cp(f->table, cp);
}

size_t
store_fold_preimages(struct store_folded *f, uint32_t cp, uint32_t *out, size_t max)
{
    uint32_t want = fold_cp(f, cp);
    size_t n = 0;
    if (want < 0x80) {
        out[n++] = want;
        if (want - 'a' < 26u && n < max)
            out[n++] = want - 32;
        return n;
    }
    if (want - STORE_HANFOLD_LO >= STORE_HANFOLD_N)
        return 0; /* folded by a rule this cannot invert */
    out[n++] = want;
    for (uint32_t i = 0; i < STORE_HANFOLD_N; i++)
        if (f->table[i] == want && i + STORE_HANFOLD_LO != want) {
            if (n == max)
                return 0;
            out[n++] = i + STORE_HANFOLD_LO;
        }
    return n;
}

size_t
store_fold_match(struct store_folded *f, const char *want, size_t wlen, const char *text,
                 size_t len, size_t pos)
{
    size_t got = 0;
    char enc[4];
    while (got < wlen && pos < len) {
        uint32_t cp;
        pos += (size_t)utf8_decode(text + pos, len - pos, &cp);
        size_t el = (size_t)utf8_encode(fold_cp(f, cp), enc);
        if (el > wlen - got || memcmp(want + got, enc, el) != 0)
            return 0;
        got += el;
    }
    return got == wlen ? pos : 0;
}

void
store_fold_text(struct store_folded *f, const char *text, size_t len)
{
    if (!f->table)
        f->table = store_hanfold_table();
    buf_reset(&f->text);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        fold_room(f, n);
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            f->text.data[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            f->map[n++] = i++;
            continue;
        }
        uint32_t cp;
        size_t l = (size_t)utf8_decode(text + i, len - i, &cp);
        cp = fold_cp(f, cp);
        size_t el = (size_t)utf8_encode(cp, f->text.data + n);
        for (size_t k = 0; k < el; k++)
            f->map[n + k] = i;
        n += el;
        i += l;
    }
    fold_room(f, n);
    f->map[n] = len;
    f->text.len = n;
    f->text.data[n] = '\0';
}

void
store_folded_free(struct store_folded *f)
{
    buf_free(&f->text);
    free(f->map);
    free(f->table);
    f->map = NULL;
    f->table = NULL;
    f->cap = 0;
}
