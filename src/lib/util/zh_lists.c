/*
 * util/zh_lists.c — Chinese word lists written once, in either script.
 * When a list is first used, each word is folded to Simplified with the
 * OpenCC table (util/hanfold.c); the word as written and its fold, when
 * different, are the list's forms, so 發言人 and 发言人 both match a list
 * that says one of them. Bitmaps of the characters that start and end a
 * form let the callers skip most places with one bit test.
 */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/util.h"
#include "dossier/zh.h"

static pthread_mutex_t zl_lock = PTHREAD_MUTEX_INITIALIZER;

/* The word of entry i of l. */
static const char *
zl_word(const struct zh_list *l, size_t i)
{
    return *(const char *const *)(const void *)((const char *)l->base + i * l->stride);
}

/* A new copy of w folded to Simplified (every Han character through the
 * table; the others as they are). */
static char *
zl_fold_copy(const char *w)
{
    return zh_fold_copy(w, strlen(w));
}

/* A new string: w[0..n) folded to Simplified. A byte that is no UTF-8 is
 * copied as it is, not read as U+FFFD: three bytes for one would overrun
 * the copy (a query may hold any bytes). Han characters fold within 3-4
 * bytes, so 2n + 1 bytes always hold the result. */
char *
zh_fold_copy(const char *w, size_t n)
{
    size_t o = 0;
    char *out = xmalloc(n * 2 + 1);
    for (size_t p = 0; p < n;) {
        uint32_t cp;
        int l = utf8_decode(w + p, n - p, &cp);
        if (l <= 0 || (l == 1 && (unsigned char)w[p] >= 0x80)) {
            out[o++] = w[p++];
            continue;
        }
        p += (size_t)l;
        o += (size_t)utf8_encode(zh_fold(cp), out + o);
    }
    out[o] = '\0';
    return out;
}

/* Note the first and last characters of form w[0..n) in f's bitmaps. */
static void
zl_mark(struct zh_forms *f, const char *w, size_t n)
{
    uint32_t a, z;
    int la = utf8_decode(w, n, &a);
    size_t q = n;
    while (q > 0 && ((unsigned char)w[q - 1] & 0xC0) == 0x80)
        q--;
    if (q > 0)
        q--;
    utf8_decode(w + q, n - q, &z);
    if (la <= 0 || a < ZH_FOLD_LO || a >= ZH_FOLD_LO + ZH_FOLD_N || z < ZH_FOLD_LO ||
        z >= ZH_FOLD_LO + ZH_FOLD_N) {
        f->other = true;
        return;
    }
    f->first[(a - ZH_FOLD_LO) >> 3] |= (uint8_t)(1u << ((a - ZH_FOLD_LO) & 7));
    f->last[(z - ZH_FOLD_LO) >> 3] |= (uint8_t)(1u << ((z - ZH_FOLD_LO) & 7));
}

/* Add form w (owned by the caller or the table) of entry i. */
static void
zl_add(struct zh_forms *f, size_t *cap, const char *w, size_t i)
{
    for (size_t k = 0; k < f->n; k++)
        if (strcmp(f->w[k], w) == 0)
            return; /* written in both scripts, or the same fold twice */
    if (f->n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        f->w = xrealloc(f->w, *cap * sizeof *f->w);
        f->len = xrealloc(f->len, *cap * sizeof *f->len);
        f->entry = xrealloc(f->entry, *cap * sizeof *f->entry);
    }
    f->w[f->n] = w;
    f->len[f->n] = strlen(w);
    f->entry[f->n] = i;
    zl_mark(f, w, f->len[f->n]);
    f->n++;
}

/* The first code point of form w[0..n) (last: its last one). */
static uint32_t
zl_end_cp(const char *w, size_t n, bool last)
{
    uint32_t cp;
    size_t q = 0;
    if (last) {
        q = n;
        while (q > 0 && ((unsigned char)w[q - 1] & 0xC0) == 0x80)
            q--;
        if (q > 0)
            q--;
    }
    utf8_decode(w + q, n - q, &cp);
    return cp;
}

/* The buckets of f's forms by their first (last) code point, in *at and
 * *by (see struct zh_forms). */
static void
zl_bucket(const struct zh_forms *f, bool last, uint32_t **at, uint32_t **by)
{
    uint32_t *a = xcalloc(ZH_FORMS_BUCKETS + 1, sizeof *a);
    uint32_t *b = xmalloc((f->n + 1) * sizeof *b);
    for (size_t k = 0; k < f->n; k++)
        a[zl_end_cp(f->w[k], f->len[k], last) % ZH_FORMS_BUCKETS + 1]++;
    for (size_t i = 0; i < ZH_FORMS_BUCKETS; i++)
        a[i + 1] += a[i];
    uint32_t *fill = xmalloc(ZH_FORMS_BUCKETS * sizeof *fill);
    memcpy(fill, a, ZH_FORMS_BUCKETS * sizeof *fill);
    for (size_t k = 0; k < f->n; k++)
        b[fill[zl_end_cp(f->w[k], f->len[k], last) % ZH_FORMS_BUCKETS]++] = (uint32_t)k;
    free(fill);
    *at = a;
    *by = b;
}

/* Index f's forms by their first and last code points, when every form is
 * valid UTF-8 (a form's end decodes as the same bytes of a text do). */
static void
zl_index(struct zh_forms *f)
{
    for (size_t k = 0; k < f->n; k++)
        if (!utf8_valid(f->w[k], f->len[k]) || f->len[k] == 0)
            return;
    zl_bucket(f, false, &f->first_at, &f->by_first);
    zl_bucket(f, true, &f->last_at, &f->by_last);
}

/* Build the forms of l. */
static struct zh_forms *
zl_build(const struct zh_list *l)
{
    struct zh_forms *f = xcalloc(1, sizeof *f);
    size_t cap = 0;
    for (size_t i = 0; zl_word(l, i); i++) {
        const char *w = zl_word(l, i);
        zl_add(f, &cap, w, i);
        char *s = zl_fold_copy(w);
        size_t before = f->n;
        zl_add(f, &cap, s, i);
        if (f->n == before)
            free(s);
    }
    zl_index(f);
    return f;
}

/* What *slot holds, built by build(arg) on the first call under a lock and
 * kept for the process (reachable from the list, so no leak checker
 * counts it). */
static void *
zl_once(_Atomic(void *) *slot, void *(*build)(const void *), const void *arg)
{
    void *v = atomic_load_explicit(slot, memory_order_acquire);
    if (v)
        return v;
    pthread_mutex_lock(&zl_lock);
    v = atomic_load_explicit(slot, memory_order_relaxed);
    if (!v) {
        v = build(arg);
        atomic_store_explicit(slot, v, memory_order_release);
    }
    pthread_mutex_unlock(&zl_lock);
    return v;
}

static void *
zl_build_list(const void *l)
{
    return zl_build(l);
}

/* See zh.h. */
const struct zh_forms *
zh_forms_build(struct zh_list *l)
{
    return zl_once(&l->forms, zl_build_list, l);
}

/* Is bit cp of map set (cp a Han character of the direct table)? */
static bool
zl_has(const uint8_t *map, bool other, const char *s, size_t n)
{
    uint32_t cp;
    if (utf8_decode(s, n, &cp) <= 0 || cp < ZH_FOLD_LO || cp >= ZH_FOLD_LO + ZH_FOLD_N)
        return other;
    return map[(cp - ZH_FOLD_LO) >> 3] & (1u << ((cp - ZH_FOLD_LO) & 7));
}

/* The longest form of f that starts at s[p] and ends by s[hi] or, with
 * last, ends at s[p] and starts at or after s[lo]; cp is the text's first
 * (last) character there. Only the forms of cp's bucket are compared. Two
 * forms never match at one place with one length (the forms are
 * distinct), so the longest is the same whichever order they are tried in. */
static size_t
zl_longest(const struct zh_forms *f, bool last, const char *s, size_t lo, size_t p, size_t hi,
           size_t *entry, uint32_t cp)
{
    const uint32_t *at = last ? f->last_at : f->first_at, *by = last ? f->by_last : f->by_first;
    size_t best = 0, i = by ? at[cp % ZH_FORMS_BUCKETS] : 0;
    size_t up = by ? at[cp % ZH_FORMS_BUCKETS + 1] : f->n;
    for (; i < up; i++) {
        size_t k = by ? by[i] : i, l = f->len[k];
        if (l <= best || (last ? p - lo : hi - p) < l)
            continue;
        size_t from = last ? p - l : p;
        if (s[from + l - 1] == f->w[k][l - 1] && memcmp(s + from, f->w[k], l) == 0) {
            best = l;
            if (entry)
                *entry = f->entry[k];
        }
    }
    return best;
}

/* See zh.h: the longest form at s[p], whose first character cp passed the
 * bitmap. */
size_t
zh_forms_at_cp(const struct zh_forms *f, const char *s, size_t p, size_t hi, size_t *entry,
               uint32_t cp)
{
    return zl_longest(f, false, s, p, p, hi, entry, cp);
}

/* See zh.h: the longest form ending at s[end], whose last character cp
 * passed the bitmap. */
size_t
zh_forms_before_cp(const struct zh_forms *f, const char *s, size_t lo, size_t end,
                   size_t *entry, uint32_t cp)
{
    return zl_longest(f, true, s, lo, end, end, entry, cp);
}

/* Is s[0..n) exactly a form of f? */
bool
zh_forms_is(const struct zh_forms *f, const char *s, size_t n)
{
    if (n == 0 || !zl_has(f->first, f->other, s, n))
        return false;
    size_t lo = 0, up = f->n;
    const uint32_t *by = NULL;
    if (f->by_first) {
        uint32_t cp;
        utf8_decode(s, n, &cp);
        lo = f->first_at[cp % ZH_FORMS_BUCKETS];
        up = f->first_at[cp % ZH_FORMS_BUCKETS + 1];
        by = f->by_first;
    }
    for (size_t i = lo; i < up; i++) {
        size_t k = by ? by[i] : i;
        if (f->len[k] == n && memcmp(s, f->w[k], n) == 0)
            return true;
    }
    return false;
}

/* The bitmap of a struct zh_cps: each character and its fold. */
static void *
zl_cps_build(const void *arg)
{
    const struct zh_cps *l = arg;
    uint8_t *map = xcalloc(ZH_FOLD_N / 8, 1);
    for (size_t i = 0; i < l->n; i++) {
        uint32_t two[2] = {l->cp[i], zh_fold(l->cp[i])};
        for (int k = 0; k < 2; k++)
            if (two[k] >= ZH_FOLD_LO && two[k] < ZH_FOLD_LO + ZH_FOLD_N)
                map[(two[k] - ZH_FOLD_LO) >> 3] |= (uint8_t)(1u << ((two[k] - ZH_FOLD_LO) & 7));
    }
    return map;
}

/* See zh.h. */
const uint8_t *
zh_cps_map(struct zh_cps *l)
{
    return zl_once(&l->map, zl_cps_build, l);
}
