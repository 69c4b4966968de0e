/*
 * corpus.c — the pure half of corpus statistics: date bucketing for the
 * timeline, subject keys for grouping figures, keyword-in-context lines
 * (cleaning, cutting and aligning by display width), log-likelihood
 * keyness, sorting, CSV fields and the free functions of every result.
 * Nothing here touches the store, so the unit tests call it directly; the
 * SQL that feeds it is the store's (store_stats.h).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "dossier/compare.h"
#include "dossier/utf8.h"

/* ---- freeing --------------------------------------------------------------------------------- */

void
corpus_counts_free(struct corpus_count *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].key);
        free(c[i].label);
    }
    free(c);
}

void
corpus_pairs_free(struct corpus_pair *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(p[i].a);
        free(p[i].b);
    }
    free(p);
}

void
corpus_timeline_clear(struct corpus_timeline *t)
{
    if (!t)
        return;
    free(t->buckets);
    for (size_t i = 0; i < t->nseries; i++) {
        free(t->series[i].key);
        free(t->series[i].label);
        free(t->series[i].counts);
    }
    free(t->series);
    memset(t, 0, sizeof *t);
}

void
corpus_figure_clear(struct corpus_figure *f)
{
    free(f->date);
    free(f->source);
    free(f->text);
    free(f->unit);
    free(f->kind);
    free(f->period);
    free(f->subject);
    free(f->subject_key);
    memset(f, 0, sizeof *f);
}

void
corpus_figures_free(struct corpus_figure *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        corpus_figure_clear(&f[i]);
    free(f);
}

void
corpus_kwic_free(struct corpus_kwic *k, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(k[i].left);
        free(k[i].kw);
        free(k[i].right);
    }
    free(k);
}

void
corpus_terms_free(struct corpus_term *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(t[i].term);
    free(t);
}

void
corpus_keyness_clear(struct corpus_keyness *k)
{
    if (!k)
        return;
    corpus_terms_free(k->terms, k->nterms);
    memset(k, 0, sizeof *k);
}

void
corpus_overview_clear(struct corpus_overview *o)
{
    if (!o)
        return;
    corpus_timeline_clear(&o->timeline);
    corpus_counts_free(o->topics, o->ntopics);
    corpus_counts_free(o->sources, o->nsources);
    corpus_counts_free(o->entities, o->nentities);
    corpus_pairs_free(o->pairs, o->npairs);
    memset(o, 0, sizeof *o);
}

/* ---- dates and buckets ----------------------------------------------------------------------- */

const char *
corpus_unit_name(enum corpus_unit u)
{
    switch (u) {
    case CORPUS_UNIT_WEEK:
        return "week";
    case CORPUS_UNIT_MONTH:
        return "month";
    case CORPUS_UNIT_YEAR:
        return "year";
    case CORPUS_UNIT_AUTO:
        break;
    }
    return "auto";
}

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD..." (missing parts = 1). Years
 * outside 1800..2200 are refused: they are extraction mistakes, and one of
 * them would stretch a timeline over centuries of empty buckets. */
static bool
corpus_parse_date(const char *s, int *y, int *m, int *d)
{
    if (!s)
        return false;
    int v[3] = {0, 1, 1};
    const int len[3] = {4, 2, 2};
    const char *p = s;
    for (int part = 0; part < 3; part++) {
        if (part > 0) {
            if (*p != '-')
                break;
            p++;
        }
        int x = 0;
        for (int i = 0; i < len[part]; i++, p++) {
            if (*p < '0' || *p > '9')
                return false;
            x = x * 10 + (*p - '0');
        }
        v[part] = x;
    }
    if (v[0] < 1800 || v[0] > 2200 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
        return false;
    *y = v[0];
    *m = v[1];
    *d = v[2];
    return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * algorithm), and back (see corpus.h). */
long
corpus_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void
corpus_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The bucket number of a date in unit: months and years count from year 0,
 * weeks are the day number of their Monday divided by 7. */
static long
corpus_bucket_index(enum corpus_unit unit, int y, int m, int d)
{
    switch (unit) {
    case CORPUS_UNIT_YEAR:
        return y;
    case CORPUS_UNIT_WEEK: {
        /* 1970-01-01 was a Thursday: day d's week starts on day
         * 7 * floor((d + 3) / 7) - 3, a Monday */
        long days = corpus_days_from_civil(y, m, d) + 3;
        return days >= 0 ? days / 7 : -((-days + 6) / 7);
    }
    case CORPUS_UNIT_MONTH:
    case CORPUS_UNIT_AUTO:
        break;
    }
    return (long)y * 12 + (m - 1);
}

static void
corpus_bucket_key(enum corpus_unit unit, long idx, char key[12])
{
    switch (unit) {
    case CORPUS_UNIT_YEAR:
        snprintf(key, 12, "%04lu", (unsigned long)idx % 10000ul);
        return;
    case CORPUS_UNIT_WEEK: {
        int y, m, d;
        corpus_civil_from_days(idx * 7 - 3, &y, &m, &d);
        snprintf(key, 12, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
                 (unsigned)d % 100u);
        return;
    }
    case CORPUS_UNIT_MONTH:
    case CORPUS_UNIT_AUTO:
        break;
    }
    snprintf(key, 12, "%04lu-%02lu", (unsigned long)(idx / 12) % 10000ul,
             (unsigned long)(idx % 12) % 100ul + 1);
}

enum corpus_unit
corpus_unit_for_range(const char *first, const char *last)
{
    int y1, m1, d1, y2, m2, d2;
    if (!corpus_parse_date(first, &y1, &m1, &d1) || !corpus_parse_date(last, &y2, &m2, &d2))
        return CORPUS_UNIT_MONTH;
    long months = ((long)y2 * 12 + m2) - ((long)y1 * 12 + m1) + 1;
    long days = corpus_days_from_civil(y2, m2, d2) - corpus_days_from_civil(y1, m1, d1);
    if (months > 60)
        return CORPUS_UNIT_YEAR;
    if (months >= 4)
        return CORPUS_UNIT_MONTH;
    if (days >= 14)
        return CORPUS_UNIT_WEEK;
    return CORPUS_UNIT_MONTH;
}

void
corpus_timeline_build(const struct corpus_datecount *dates, size_t n, enum corpus_unit unit,
                      int64_t undated, struct corpus_timeline *out)
{
    memset(out, 0, sizeof *out);
    out->undated = undated;
    const char *first = NULL, *last = NULL;
    long lo = 0, hi = 0;
    int y, m, d;
    /* the range, in days, decides the unit when asked to */
    long dlo = 0, dhi = 0;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (dates[i].count <= 0)
            continue;
        if (!corpus_parse_date(dates[i].date, &y, &m, &d)) {
            out->undated += dates[i].count;
            continue;
        }
        long days = corpus_days_from_civil(y, m, d);
        if (!any || days < dlo)
            dlo = days, first = dates[i].date;
        if (!any || days > dhi)
            dhi = days, last = dates[i].date;
        any = true;
    }
    if (unit == CORPUS_UNIT_AUTO)
        unit = any ? corpus_unit_for_range(first, last) : CORPUS_UNIT_MONTH;
    out->unit = unit;
    if (!any)
        return;
    corpus_civil_from_days(dlo, &y, &m, &d);
    lo = corpus_bucket_index(unit, y, m, d);
    corpus_civil_from_days(dhi, &y, &m, &d);
    hi = corpus_bucket_index(unit, y, m, d);
    out->nbuckets = (size_t)(hi - lo + 1);
    out->buckets = xcalloc(out->nbuckets, sizeof *out->buckets);
    for (size_t i = 0; i < out->nbuckets; i++)
        corpus_bucket_key(unit, lo + (long)i, out->buckets[i].key);
    for (size_t i = 0; i < n; i++) {
        if (dates[i].count <= 0 || !corpus_parse_date(dates[i].date, &y, &m, &d))
            continue;
        long b = corpus_bucket_index(unit, y, m, d) - lo;
        out->buckets[b].count += dates[i].count;
        out->dated += dates[i].count;
    }
    for (size_t i = 0; i < out->nbuckets; i++)
        out->max = DS_MAX(out->max, out->buckets[i].count);
}

/* The bucket number of the first bucket of t. */
static long
corpus_timeline_lo(const struct corpus_timeline *t)
{
    int y = 0, m = 1, d = 1;
    corpus_parse_date(t->buckets[0].key, &y, &m, &d);
    return corpus_bucket_index(t->unit, y, m, d);
}

void
corpus_timeline_add_series(struct corpus_timeline *t, const char *key, const char *label,
                           const struct corpus_datecount *dates, size_t n)
{
    t->series = xrealloc(t->series, (t->nseries + 1) * sizeof *t->series);
    struct corpus_series *sr = &t->series[t->nseries++];
    sr->key = xstrdup(key);
    sr->label = xstrdup(label);
    sr->total = 0;
    sr->counts = xcalloc(t->nbuckets ? t->nbuckets : 1, sizeof *sr->counts);
    if (!t->nbuckets)
        return;
    long lo = corpus_timeline_lo(t);
    for (size_t i = 0; i < n; i++) {
        int y, m, d;
        if (dates[i].count <= 0 || !corpus_parse_date(dates[i].date, &y, &m, &d))
            continue;
        long b = corpus_bucket_index(t->unit, y, m, d) - lo;
        if (b < 0 || (size_t)b >= t->nbuckets)
            continue;
        sr->counts[b] += dates[i].count;
        sr->total += dates[i].count;
    }
}

/* ---- text cleaning --------------------------------------------------------------------------- */

static bool
corpus_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

/* Characters that must not reach a terminal: C0/C1 controls, DEL, and the
 * bidirectional overrides that reorder what follows them. */
static bool
corpus_is_unsafe(uint32_t cp)
{
    return utf8_cp_width(cp) < 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

/* Append s[0..n) cleaned: whitespace and unsafe characters become one
 * space (runs collapsed), invalid UTF-8 becomes U+FFFD. */
static void
corpus_clean_append(struct buf *b, const char *s, size_t n)
{
    bool space = false;
    buf_reserve(b, n + 4); /* once, not doubling from nothing (KWIC's lines) */
    b->data[b->len] = '\0';
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (corpus_is_space(cp) || corpus_is_unsafe(cp)) {
            space = true;
        } else {
            if (space && b->len && b->data[b->len - 1] != ' ')
                buf_putc(b, ' ');
            else if (space && !b->len)
                buf_putc(b, ' ');
            space = false;
            if (cp == UTF8_REPLACEMENT)
                buf_puts(b, "\xEF\xBF\xBD");
            else
                buf_append(b, s + i, (size_t)k);
        }
        i += (size_t)k;
    }
    if (space)
        buf_putc(b, ' ');
}

static char *
corpus_trim_steal(struct buf *b)
{
    char *s = buf_steal(b);
    size_t n = strlen(s), i = 0;
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
    while (s[i] == ' ')
        i++;
    if (i)
        memmove(s, s + i, n - i + 1);
    return s;
}

char *
corpus_clean_line(const char *s, size_t n)
{
    struct buf b = BUF_INIT;
    if (s)
        corpus_clean_append(&b, s, n);
    return corpus_trim_steal(&b);
}

/* ---- subjects -------------------------------------------------------------------------------- */

static const char *const corpus_stopwords[] = {
    "a",    "about", "after", "against", "all",   "an",   "and",  "are",   "as",   "at",
    "be",   "been",  "between", "by",    "for",   "from", "has",  "have",  "in",   "into",
    "is",   "it",    "its",   "of",      "on",    "or",   "over", "s",     "than", "that",
    "the",  "their", "this",  "to",      "under", "was",  "were", "which", "with", "within",
};

static int
corpus_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
corpus_is_stopword(const char *w)
{
    return bsearch(&w, corpus_stopwords, DS_ARRAY_LEN(corpus_stopwords), sizeof(char *),
                   corpus_cmp_str) != NULL;
}

char *
corpus_subject_key(const char *subject)
{
    if (!subject)
        return xstrdup("");
    size_t n = strlen(subject);
    char **words = NULL;
    size_t nw = 0, cap = 0;
    struct buf w = BUF_INIT;
    for (size_t i = 0; i <= n;) {
        uint32_t cp = 0;
        int k = 1;
        if (i < n)
            k = utf8_decode(subject + i, n - i, &cp);
        bool letter = i < n && cp != UTF8_REPLACEMENT &&
                      ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                       (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 &&
                                                    !corpus_is_space(cp) &&
                                                    !corpus_is_unsafe(cp) &&
                                                    !(cp >= 0x2000 && cp <= 0x206F) &&
                                                    !(cp >= 0x3000 && cp <= 0x303F) &&
                                                    !(cp >= 0xFF00 && cp <= 0xFF0F)));
        if (letter) {
            char enc[4];
            int e = utf8_encode(utf8_tolower(cp), enc);
            buf_append(&w, enc, (size_t)e);
        } else if (w.len) {
            const char *word = buf_str(&w);
            if (!corpus_is_stopword(word)) {
                if (nw == cap) {
                    cap = cap ? cap * 2 : 8;
                    words = xrealloc(words, cap * sizeof *words);
                }
                words[nw++] = xstrdup(word);
            }
            buf_reset(&w);
        }
        i += (size_t)k;
    }
    buf_free(&w);
    if (nw > 1)
        qsort(words, nw, sizeof *words, corpus_cmp_str);
    struct buf out = BUF_INIT;
    for (size_t i = 0; i < nw; i++) {
        /* a repeated word says nothing more */
        if (i == 0 || strcmp(words[i], words[i - 1]) != 0) {
            if (out.len)
                buf_putc(&out, ' ');
            buf_puts(&out, words[i]);
        }
    }
    for (size_t i = 0; i < nw; i++)
        free(words[i]);
    free(words);
    return buf_steal(&out);
}

/* ---- keyword in context ---------------------------------------------------------------------- */

/* Drop characters from the front of s until it fits in width columns. */
static void
corpus_cut_front(char *s, size_t width)
{
    size_t n = strlen(s), i = 0;
    size_t w = utf8_width(s, n);
    while (w > width && i < n) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        int cw = utf8_cp_width(cp);
        w -= cw > 0 ? (size_t)cw : 0;
        i += (size_t)k;
    }
    /* combining marks left at the front would attach to the padding */
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (utf8_cp_width(cp) != 0)
            break;
        i += (size_t)k;
    }
    while (i < n && s[i] == ' ')
        i++;
    memmove(s, s + i, n - i + 1);
}

/* Bytes of body to clean for width columns of context: a first try
 * enough for most text (two bytes a column: Han is three bytes for two
 * columns), then enough even for 4-byte characters and collapsed
 * whitespace. */
static size_t
corpus_kwic_span(size_t width, int try)
{
    return try == 0 ? width * 2 + 16 : width * 6 + 64;
}

/* The cleaned text before start that fits in width columns. */
static char *
corpus_kwic_left(const char *body, size_t start, size_t width)
{
    char *left = NULL;
    for (int try = 0; try < 2; try++) {
        size_t span = corpus_kwic_span(width, try);
        size_t ls = start > span ? start - span : 0;
        while (ls < start && ((unsigned char)body[ls] & 0xC0) == 0x80)
            ls++;
        struct buf b = BUF_INIT;
        corpus_clean_append(&b, body + ls, start - ls);
        free(left);
        left = corpus_trim_steal(&b);
        /* wider than width: the front is cut off, so a longer piece would
         * give the same line */
        if (ls == 0 || utf8_width(left, strlen(left)) > width)
            break;
    }
    corpus_cut_front(left, width);
    return left;
}

/* The cleaned text after end that fits in width columns. */
static char *
corpus_kwic_right(const char *body, size_t len, size_t end, size_t width)
{
    char *right = NULL;
    size_t keep = 0;
    for (int try = 0; try < 2; try++) {
        size_t span = corpus_kwic_span(width, try);
        size_t re = end + span < len ? end + span : len;
        while (re > end && re < len && ((unsigned char)body[re] & 0xC0) == 0x80)
            re--;
        struct buf b = BUF_INIT;
        corpus_clean_append(&b, body + end, re - end);
        free(right);
        right = corpus_trim_steal(&b);
        size_t cols, n = strlen(right);
        keep = utf8_prefix_for_width(right, n, width, &cols);
        if (re == len || keep < n)
            break;
    }
    right[keep] = '\0';
    while (keep > 0 && right[keep - 1] == ' ')
        right[--keep] = '\0';
    return right;
}

void
corpus_kwic_make(const char *body, size_t len, size_t start, size_t end, size_t width,
                 struct corpus_kwic *out)
{
    if (end > len)
        end = len;
    if (start > end)
        start = end;
    out->left = corpus_kwic_left(body, start, width);
    struct buf b = BUF_INIT;
    corpus_clean_append(&b, body + start, end - start);
    out->kw = corpus_trim_steal(&b);
    out->right = corpus_kwic_right(body, len, end, width);
    out->start = (uint32_t)start;
    out->end = (uint32_t)end;
}

void
corpus_kwic_format(const struct corpus_kwic *k, size_t width, struct buf *out)
{
    const char *left = k->left ? k->left : "";
    size_t n = strlen(left);
    size_t w = utf8_width(left, n);
    if (w > width) {
        char *cut = xstrdup(left);
        corpus_cut_front(cut, width);
        w = utf8_width(cut, strlen(cut));
        for (size_t i = w; i < width; i++)
            buf_putc(out, ' ');
        buf_puts(out, cut);
        free(cut);
    } else {
        for (size_t i = w; i < width; i++)
            buf_putc(out, ' ');
        buf_puts(out, left);
    }
    buf_putc(out, ' ');
    buf_puts(out, k->kw ? k->kw : "");
    buf_putc(out, ' ');
    buf_puts(out, k->right ? k->right : "");
}

/* A sort key: the text folded to lowercase, words in reverse order when
 * reverse (so the word nearest the keyword counts first). */
static char *
corpus_sort_key(const char *s, bool reverse)
{
    struct buf b = BUF_INIT;
    size_t n = s ? strlen(s) : 0;
    struct buf folded = BUF_INIT;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        char enc[4];
        int e = utf8_encode(utf8_tolower(cp), enc);
        buf_append(&folded, enc, (size_t)e);
        i += (size_t)k;
    }
    if (!reverse) {
        buf_free(&b);
        return buf_steal(&folded);
    }
    const char *f = buf_str(&folded);
    size_t end = folded.len;
    while (end > 0) {
        size_t st = end;
        while (st > 0 && f[st - 1] != ' ')
            st--;
        if (end > st) {
            if (b.len)
                buf_putc(&b, ' ');
            buf_append(&b, f + st, end - st);
        }
        end = st > 0 ? st - 1 : 0;
    }
    buf_free(&folded);
    return buf_steal(&b);
}

struct corpus_kwic_keyed {
    char *key;
    struct corpus_kwic line;
};

static int
corpus_cmp_kwic_keyed(const void *a, const void *b)
{
    const struct corpus_kwic_keyed *x = a, *y = b;
    int c = 0;
    if (x->key && y->key)
        c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->line.doc_id != y->line.doc_id)
        return x->line.doc_id < y->line.doc_id ? -1 : 1;
    return x->line.start < y->line.start ? -1 : x->line.start > y->line.start;
}

void
corpus_kwic_sort(struct corpus_kwic *k, size_t n, enum corpus_kwic_sort sort)
{
    if (n < 2)
        return;
    struct corpus_kwic_keyed *tmp = xcalloc(n, sizeof *tmp);
    for (size_t i = 0; i < n; i++) {
        tmp[i].line = k[i];
        if (sort == CORPUS_KWIC_BY_LEFT)
            tmp[i].key = corpus_sort_key(k[i].left, true);
        else if (sort == CORPUS_KWIC_BY_RIGHT)
            tmp[i].key = corpus_sort_key(k[i].right, false);
    }
    qsort(tmp, n, sizeof *tmp, corpus_cmp_kwic_keyed);
    for (size_t i = 0; i < n; i++) {
        k[i] = tmp[i].line;
        free(tmp[i].key);
    }
    free(tmp);
}

/* ---- keyness --------------------------------------------------------------------------------- */

double
corpus_g2(double a, double b, double c, double d)
{
    return keyness_g2(a, b, c, d); /* one definition, shared with compare */
}

double
corpus_log_ratio(double a, double b, double c, double d)
{
    if (c <= 0 || d <= 0)
        return 0;
    if (a <= 0)
        a = 0.5;
    if (b <= 0)
        b = 0.5;
    return log2((a / c) / (b / d));
}

/* ---- output helpers -------------------------------------------------------------------------- */

int
corpus_format_parse(const char *name)
{
    if (!name)
        return -1;
    if (!strcmp(name, "csv"))
        return CORPUS_FMT_CSV;
    if (!strcmp(name, "json"))
        return CORPUS_FMT_JSON;
    if (!strcmp(name, "markdown") || !strcmp(name, "md"))
        return CORPUS_FMT_MARKDOWN;
    return -1;
}

void
corpus_csv_field(struct buf *b, const char *s)
{
    if (!s)
        return;
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    /* spreadsheets trim unquoted edge spaces */
    if (*s == ' ' || (*s && s[strlen(s) - 1] == ' '))
        quote = true;
    if (quote)
        buf_putc(b, '"');
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (cp == '"')
            buf_puts(b, "\"\"");
        else if (cp == '\n')
            buf_putc(b, '\n');
        else if (corpus_is_unsafe(cp))
            buf_putc(b, ' ');
        else if (cp == UTF8_REPLACEMENT)
            buf_puts(b, "\xEF\xBF\xBD");
        else
            buf_append(b, s + i, (size_t)k);
        i += (size_t)k;
    }
    if (quote)
        buf_putc(b, '"');
}
