/*
 * util/segment.c — Chinese and Japanese text cut into words (see zh.h).
 *
 * ICU's word break iterator with the "zh" locale breaks Han and kana text
 * by its dictionary (longest words by frequency), which keeps 关税 and 发展
 * whole where overlapping bigrams would make 展中 and 中国 of 发展中国家.
 * It is given the text as UTF-16 with a map back to our UTF-8's byte
 * offsets (its dictionary engine reads UTF-16 in place but copies a UTF-8
 * UText character by character into a string and an index map of its own,
 * which made it ~25% slower on Chinese news). The dictionary knows few personal names and leaves them in
 * pieces (华|春|莹, 习|近平); seg_words joins them by the family-name
 * pattern of zh.c, and seg_is_word_span does not see a boundary inside a
 * name so joined.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "dossier/utf8.h"
#include "dossier/util.h"
#include "dossier/zh.h"

struct segmenter {
    UBreakIterator *bi; /* NULL when ICU has no word rules: one ideograph a word */
    UChar *u;           /* the last text in UTF-16 */
    uint32_t *at;       /* at[i]: the byte offset of u[i] in the UTF-8 text; at[len] = n */
    size_t ucap;
    uint32_t *breaks; /* boundaries of the last text */
    uint8_t *word;    /* word[i]: the piece ending at breaks[i] holds a letter or digit */
    size_t n, cap;
};

struct segmenter *
seg_new(void)
{
    struct segmenter *sg = xcalloc(1, sizeof *sg);
    UErrorCode e = U_ZERO_ERROR;
    sg->bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &e);
    if (U_FAILURE(e)) {
        if (sg->bi)
            ubrk_close(sg->bi);
        sg->bi = NULL;
    }
    return sg;
}

void
seg_free(struct segmenter **sgp)
{
    struct segmenter *sg = *sgp;
    if (!sg)
        return;
    if (sg->bi)
        ubrk_close(sg->bi);
    free(sg->u);
    free(sg->at);
    free(sg->breaks);
    free(sg->word);
    free(sg);
    *sgp = NULL;
}

/* Append boundary at (the piece before it a word or not). */
static void
seg_push(struct segmenter *sg, size_t at, bool word)
{
    if (sg->n == sg->cap) {
        sg->cap = sg->cap ? sg->cap * 2 : 64;
        sg->breaks = xrealloc(sg->breaks, sg->cap * sizeof *sg->breaks);
        sg->word = xrealloc(sg->word, sg->cap);
    }
    sg->breaks[sg->n] = (uint32_t)at;
    sg->word[sg->n] = word;
    sg->n++;
}

/* Without ICU: each code point its own piece, a word when it is a letter
 * or an ideograph. */
static void
seg_by_char(struct segmenter *sg, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        seg_push(sg, i, utf8_is_cjk(cp) || (cp < 0x80 && ((cp | 32) - 'a' < 26 || cp - '0' < 10)));
    }
}

/* s[0, n) into sg->u as UTF-16 (an invalid byte as U+FFFD, as ICU's UTF-8
 * reader takes it), each unit's byte offset in sg->at; its length in
 * units (never more than n). */
static size_t
seg_utf16(struct segmenter *sg, const char *s, size_t n)
{
    if (n + 1 > sg->ucap) {
        sg->ucap = n + 1 > 2 * sg->ucap ? n + 1 : 2 * sg->ucap;
        sg->u = xrealloc(sg->u, sg->ucap * sizeof *sg->u);
        sg->at = xrealloc(sg->at, sg->ucap * sizeof *sg->at);
    }
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = utf8_decode(s + i, n - i, &cp);
        if (cp >= 0x10000) {
            sg->at[k] = (uint32_t)i;
            sg->u[k++] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
            cp = 0xDC00 + ((cp - 0x10000) & 0x3FF);
        }
        sg->at[k] = (uint32_t)i;
        sg->u[k++] = (UChar)cp;
        i += (size_t)l;
    }
    sg->at[k] = (uint32_t)n;
    return k;
}

size_t
seg_breaks(struct segmenter *sg, const char *s, size_t n, const uint32_t **out)
{
    sg->n = 0;
    seg_push(sg, 0, false);
    UErrorCode e = U_ZERO_ERROR;
    if (sg->bi && n > 0 && n < INT32_MAX)
        ubrk_setText(sg->bi, sg->u, (int32_t)seg_utf16(sg, s, n), &e);
    if (!sg->bi || n == 0 || n >= INT32_MAX || U_FAILURE(e)) {
        seg_by_char(sg, s, n);
    } else {
        ubrk_first(sg->bi);
        for (int32_t b = ubrk_next(sg->bi); b != UBRK_DONE; b = ubrk_next(sg->bi))
            seg_push(sg, sg->at[b], ubrk_getRuleStatus(sg->bi) >= UBRK_WORD_NONE_LIMIT);
    }
    *out = sg->breaks;
    return sg->n;
}

/* Code points in s[a, b), at most 3 counted (4 means more). */
static size_t
seg_chars(const char *s, size_t a, size_t b, uint32_t *first)
{
    size_t k = 0;
    while (a < b && k < 3) {
        uint32_t cp;
        a += (size_t)utf8_decode(s + a, b - a, &cp);
        if (k == 0)
            *first = cp;
        k++;
    }
    return a < b ? 4 : k;
}

/* Does piece k (breaks[k-1], breaks[k]) hold one Han character that may
 * be part of a given name? */
static bool
seg_given_piece(const struct segmenter *sg, const char *s, size_t k)
{
    uint32_t cp = 0;
    return k < sg->n && seg_chars(s, sg->breaks[k - 1], sg->breaks[k], &cp) == 1 &&
           zh_given_ok(cp);
}

/* The last piece of a personal name that starts with piece k, or k when
 * none does (see seg_words). */
static size_t
seg_name_end(const struct segmenter *sg, const char *s, size_t n, size_t k)
{
    size_t a = sg->breaks[k - 1], b = sg->breaks[k];
    size_t sl = zh_surname(s + a, b - a);
    if (sl != b - a)
        return k; /* the piece is not exactly a family name */
    if (seg_given_piece(sg, s, k + 1))
        return seg_given_piece(sg, s, k + 2) ? k + 2 : k + 1;
    uint32_t cp = 0;
    if (k + 1 < sg->n && seg_chars(s, b, sg->breaks[k + 1], &cp) == 2 && zh_given_ok(cp)) {
        size_t e = sg->breaks[k + 1];
        if (zh_title_before(s, 0, a) || zh_said_after(s, e, n))
            return k + 1; /* 主席|习|近平, 习|近平|表示 */
    }
    return k;
}

void
seg_words(struct segmenter *sg, const char *s, size_t n, seg_word_fn fn, void *ud)
{
    const uint32_t *br;
    size_t nb = seg_breaks(sg, s, n, &br);
    for (size_t k = 1; k < nb; k++) {
        if (!sg->word[k])
            continue;
        size_t last = seg_name_end(sg, s, n, k);
        fn(br[k - 1], br[last], ud);
        k = last;
    }
}

/* ---- word boundaries around a span ----------------------------------------------------- */

/* Is cp part of a word (a letter, digit or mark: no space, no punctuation)? */
static bool
seg_word_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 32) - 'a' < 26 || cp - '0' < 10;
    return utf8_is_cjk(cp) ||
           (U_GET_GC_MASK((UChar32)cp) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0;
}

/* The start of the code point that ends at s[i] (i > 0). */
static size_t
seg_prev_cp(const char *s, size_t i)
{
    do
        i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

/* Is cp a hangul syllable? */
static bool
seg_hangul(uint32_t cp)
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

/* The index of boundary at in breaks[0..nb), or nb when it is none or lies
 * inside a personal name that seg_words joins. */
static size_t
seg_bound_index(const struct segmenter *sg, const char *s, size_t n, size_t at)
{
    size_t lo = 0, hi = sg->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (sg->breaks[mid] < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == sg->n || sg->breaks[lo] != at)
        return sg->n;
    /* a name of pieces k..last has inner boundaries breaks[k..last-1] */
    for (size_t k = lo > 1 ? lo - 1 : 1; k <= lo && k < sg->n; k++)
        if (sg->word[k] && seg_name_end(sg, s, n, k) > lo)
            return sg->n; /* 习|近平: no boundary before 近 */
    return lo;
}

/* Code points of the run segmented on either side of a span: enough for
 * the dictionary's choice at the span's ends to be the one it makes over
 * the whole clause, without segmenting a long clause for every hit. */
#define SEG_WINDOW 16

bool
seg_is_term_span(struct segmenter *sg, const char *s, size_t n, size_t start, size_t end,
                 size_t tail)
{
    if (start >= end || end > n)
        return false;
    size_t lo = start, hi = end;
    uint32_t cp;
    for (int k = 0; lo > 0 && k < SEG_WINDOW; k++) {
        size_t p = seg_prev_cp(s, lo);
        utf8_decode(s + p, lo - p, &cp);
        if (!seg_word_char(cp))
            break;
        lo = p;
    }
    for (int k = 0; hi < n && k < SEG_WINDOW; k++) {
        int l = utf8_decode(s + hi, n - hi, &cp);
        if (!seg_word_char(cp))
            break;
        hi += (size_t)l;
    }
    if (lo == start && hi == end)
        return true; /* no word character on either side */
    const uint32_t *br;
    seg_breaks(sg, s + lo, hi - lo, &br);
    if (seg_bound_index(sg, s + lo, hi - lo, start - lo) == sg->n)
        return false;
    if (seg_bound_index(sg, s + lo, hi - lo, end - lo) < sg->n)
        return true;
    /* the term's last word begins a longer word of the text (經濟|部 in
     * 經濟|部長: the title took the ministry's 部) */
    if (tail && tail < end - start && seg_bound_index(sg, s + lo, hi - lo, end - tail - lo) < sg->n)
        return true;
    /* Korean writes particles and endings onto the word (한국은행이): a
     * span of hangul may end where the syllables go on. */
    uint32_t last, next;
    utf8_decode(s + seg_prev_cp(s, end), end - seg_prev_cp(s, end), &last);
    utf8_decode(s + end, n - end, &next);
    return seg_hangul(last) && seg_hangul(next);
}

bool
seg_is_word_span(struct segmenter *sg, const char *s, size_t n, size_t start, size_t end)
{
    return seg_is_term_span(sg, s, n, start, end, 0);
}

size_t
seg_term_tail(struct segmenter *sg, const char *s, size_t n)
{
    const uint32_t *br;
    size_t nb = seg_breaks(sg, s, n, &br);
    if (nb < 3 || !sg->word[nb - 1] || !sg->word[nb - 2])
        return 0; /* one word, or not words throughout */
    uint32_t cp;
    size_t l = br[nb - 1] - br[nb - 2];
    return (size_t)utf8_decode(s + br[nb - 2], l, &cp) == l && utf8_is_cjk(cp) ? l : 0;
}
