/*
 * zh.h — Chinese words for the parts that read Chinese text: family names
 * (single and double, Simplified and Traditional), characters no given name
 * is made of, the titles and roles written before a name and the reporting
 * verbs and honorifics written after one (util/zh.c); and the word
 * segmenter, ICU's dictionary-based word break iterator with Chinese
 * personal names joined (util/segment.c).
 *
 * The word lists are written once, in either script: the other script's
 * forms come from the Traditional -> Simplified table (util/hanfold.c,
 * from OpenCC's) when a list is first used (util/zh_lists.c).
 *
 * Every function reads UTF-8 at a byte offset and answers in bytes; none
 * allocates except the segmenter, which one thread owns, and a list's
 * forms, built once for the process and kept.
 */
#ifndef DOSSIER_ZH_H
#define DOSSIER_ZH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/utf8.h"

/* ---- lexicon (util/zh.c) -------------------------------------------------------------- */

/* Bytes of the family name that starts s[0..n) (a double one, 欧阳/歐陽,
 * before a single one), or 0. */
size_t zh_surname(const char *s, size_t n);

/* May cp be part of a given name? False for function characters (的, 在,
 * 说, 表...), digits and anything that is no Han character. */
bool zh_given_ok(uint32_t cp);

/* Is cp a character of transliterated foreign names (克, 斯, 爾, 尼...)? */
bool zh_translit_ok(uint32_t cp);

/* Bytes of a title or role that ends at s[end] (主席, 總理, 發言人,
 * 董事長...), looking back no further than s[lo]; 0 if none. */
size_t zh_title_before(const char *s, size_t lo, size_t end);
/* The length of a title or role that starts at s[p] (before hi), 0 when
 * none. */
size_t zh_title_at(const char *s, size_t p, size_t hi);

/* Bytes of a reporting verb, role or honorific that starts at s[start]
 * (表示, 說, 指出, 先生, 女士...), looking no further than s[hi]; 0 if
 * none. */
size_t zh_said_after(const char *s, size_t start, size_t hi);

/* Is w[0..n) a Chinese function or time word (我们, 今年, 表示) or a number
 * written in numerals (萬億)? Such words are never keywords. */
bool zh_is_stopword(const char *w, size_t n);

/* ---- script folding (util/hanfold.c) ------------------------------------------------- */

/* The direct table covers U+3400..U+9FFF. */
#define ZH_FOLD_LO 0x3400u
#define ZH_FOLD_N (0xA000u - 0x3400u)

/* A new table of ZH_FOLD_N entries: the Simplified form of cp at
 * [cp - ZH_FOLD_LO], 0 when cp does not fold. The caller frees it. */
uint32_t *zh_fold_table(void);

/* The Simplified form of any code point (cp itself when it does not fold). */
uint32_t zh_fold(uint32_t cp);

/* A new string: s[0..n) with every Han character folded to Simplified
 * (util/zh_lists.c). The caller frees it. */
char *zh_fold_copy(const char *s, size_t n);

/* ---- word lists written once (util/zh_lists.c) ---------------------------------------- */

/* A list of words written once, in either script: an array of structs
 * whose first member is the word (const char *), ended by a NULL word.
 * Declare it static with ZH_LIST(array); zh_forms() gives its forms. */
struct zh_list {
    const void *base;
    size_t stride;
    _Atomic(void *) forms; /* struct zh_forms, built at first use */
};
#define ZH_LIST(arr) {(arr), sizeof (arr)[0], NULL}

/* Every form of a list: each word as written and, when it differs, its
 * Simplified fold; entry[i] is the index of the word in the array. */
struct zh_forms {
    size_t n;
    const char **w;
    size_t *len;
    size_t *entry;
    uint8_t first[ZH_FOLD_N / 8], last[ZH_FOLD_N / 8]; /* Han characters that
                                                       * start / end a form */
    bool other; /* some form starts or ends with no Han character */
    /* The forms by their first and by their last code point, so a lookup
     * compares only the forms that can match: bucket b (the code point
     * modulo ZH_FORMS_BUCKETS) of the first is by_first[first_at[b] ..
     * first_at[b + 1]), likewise for the last. NULL when a form is not
     * valid UTF-8 (every form is then compared). */
    uint32_t *first_at, *by_first, *last_at, *by_last;
};
#define ZH_FORMS_BUCKETS 512

/* A set of Han characters written once (sorted or not): each character and
 * its Simplified fold are in it. Declare it static with ZH_CPS(array). */
struct zh_cps {
    const uint32_t *cp;
    size_t n;
    _Atomic(void *) map; /* a bitmap over the direct table, built at first use */
};
#define ZH_CPS(arr) {(arr), sizeof (arr) / sizeof (arr)[0], NULL}

/* The bitmap of l, built on the first call (thread-safe) and kept. */
const uint8_t *zh_cps_map(struct zh_cps *l);

/* Is bit cp of map set, cp a Han character of the direct table? (other
 * for any other code point) */
static inline bool
zh_map_has(const uint8_t *map, bool other, uint32_t cp)
{
    if (cp < ZH_FOLD_LO || cp >= ZH_FOLD_LO + ZH_FOLD_N)
        return other;
    return map[(cp - ZH_FOLD_LO) >> 3] & (1u << ((cp - ZH_FOLD_LO) & 7));
}

/* Is cp (or what it folds to) in l? Builds l's bitmap on the first call.
 * Inline (the entity and figure passes ask at nearly every character). */
static inline bool
zh_cps_has(struct zh_cps *l, uint32_t cp)
{
    if (cp < ZH_FOLD_LO || cp >= ZH_FOLD_LO + ZH_FOLD_N)
        return false;
    const uint8_t *map = atomic_load_explicit(&l->map, memory_order_acquire);
    return zh_map_has(map ? map : zh_cps_map(l), false, cp);
}

/* The forms of l, built on the first call (thread-safe) and kept. */
const struct zh_forms *zh_forms_build(struct zh_list *l);

/* The forms of l (zh_forms_build on the first call). */
static inline const struct zh_forms *
zh_forms(struct zh_list *l)
{
    const struct zh_forms *f = atomic_load_explicit(&l->forms, memory_order_acquire);
    return f ? f : zh_forms_build(l);
}

/* zh_forms_at and zh_forms_before past the test of the character at the
 * start (end), cp. */
size_t zh_forms_at_cp(const struct zh_forms *f, const char *s, size_t p, size_t hi,
                      size_t *entry, uint32_t cp);
size_t zh_forms_before_cp(const struct zh_forms *f, const char *s, size_t lo, size_t end,
                          size_t *entry, uint32_t cp);

/* The longest form that starts at s[p] and ends by s[hi]: its length in
 * bytes (0 if none), the entry's index in *entry (may be NULL). Inline up
 * to the one bit test that rejects most places. */
static inline size_t
zh_forms_at(const struct zh_forms *f, const char *s, size_t p, size_t hi, size_t *entry)
{
    uint32_t cp;
    if (p >= hi)
        return 0;
    utf8_decode(s + p, hi - p, &cp);
    return zh_map_has(f->first, f->other, cp) ? zh_forms_at_cp(f, s, p, hi, entry, cp) : 0;
}

/* The longest form that ends at s[end] and starts at or after s[lo]. */
static inline size_t
zh_forms_before(const struct zh_forms *f, const char *s, size_t lo, size_t end, size_t *entry)
{
    uint32_t cp;
    if (end <= lo)
        return 0;
    size_t q = end - 1;
    while (q > lo && ((unsigned char)s[q] & 0xC0) == 0x80)
        q--;
    utf8_decode(s + q, end - q, &cp);
    return zh_map_has(f->last, f->other, cp) ? zh_forms_before_cp(f, s, lo, end, entry, cp)
                                             : 0;
}

/* Is s[0..n) exactly a form of f? */
bool zh_forms_is(const struct zh_forms *f, const char *s, size_t n);

/* ---- word segmentation (util/segment.c) ----------------------------------------------- */

struct segmenter;

/* A segmenter for Chinese and Japanese text (ICU's "zh" word rules, whose
 * dictionary covers Han and kana). Never fails: without ICU data each
 * ideograph is a word. Not shared between threads. */
struct segmenter *seg_new(void);
void seg_free(struct segmenter **sg);

/* The word boundaries of s[0..n) as byte offsets (the first 0, the last n)
 * in *out, valid until the next call on sg; returns how many. */
size_t seg_breaks(struct segmenter *sg, const char *s, size_t n, const uint32_t **out);

/* Receives one word [start, end) of the text given to seg_words. */
typedef void (*seg_word_fn)(size_t start, size_t end, void *ud);

/* The words of s[0..n) that hold a letter, digit or ideograph (spaces and
 * punctuation are skipped), in order. A Chinese personal name the
 * dictionary leaves in pieces (华|春|莹) is joined into one word: a family
 * name and one or two given characters, or with a title before or a
 * reporting verb after, a family name and the two-character word after it
 * (主席|习|近平 -> 习近平). */
void seg_words(struct segmenter *sg, const char *s, size_t n, seg_word_fn fn, void *ud);

/* Does s[start, end) begin and end on word boundaries of s[0..n)? Only
 * the run of letters, digits and ideographs around the span is segmented,
 * at most 16 characters on either side, so a call costs little more than
 * the span. No boundary lies inside a personal name seg_words joins
 * (习近平 holds no word 近平). A span of hangul may end inside a word, where Korean writes
 * particles onto it (한국은행 in 한국은행이). Used to find a word in text
 * without finding it inside another (中国 is no word of 发展中国家). */
bool seg_is_word_span(struct segmenter *sg, const char *s, size_t n, size_t start, size_t end);

/* seg_is_word_span for a term whose own last word is one character of tail
 * bytes (seg_term_tail): the span may also end inside a word of the text
 * that this character begins, where a boundary lies before it (經濟部,
 * cut 經濟|部, in 經濟|部長; 何立峰 in 何立|峰會). */
bool seg_is_term_span(struct segmenter *sg, const char *s, size_t n, size_t start, size_t end,
                      size_t tail);

/* Bytes of the last word of s[0..n) as the segmenter cuts it alone, when
 * it is one Han character after other words (經濟|部 -> 3); else 0. */
size_t seg_term_tail(struct segmenter *sg, const char *s, size_t n);

#endif
