/*
 * extract/topics.c — topic rules: parse topics.conf, build the lookup
 * tables and the tree of topics, and count the matches of a text (scoring
 * them is extract/score.c).
 *
 * Matching is one pass over the text whatever the number of rules: each
 * pattern's literal prefix (the letters it must start with, found by reading
 * the pattern) is filed under its first byte; at each word start only the
 * patterns whose prefix is there are tried, each as an anchored JIT match.
 * Patterns with no literal prefix (they start with a class or a group) are
 * scanned over the whole text instead: correct, just slower.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

void
tp_init(struct tp_rules *r)
{
    memset(r, 0, sizeof *r);
}

static void
tp_topic_free(struct tp_topic *t)
{
    free(t->slug);
    free(t->name);
    free(t->where);
}

static void
tp_pat_free(struct tp_pattern *p)
{
    ds_regex_free(&p->re);
    ds_regex_free(&p->scan);
    tp_term_free(p->term);
    free(p->src);
}

void
tp_free(struct tp_rules *r)
{
    for (size_t i = 0; i < r->ntopics; i++)
        tp_topic_free(&r->topics[i]);
    free(r->topics);
    for (size_t i = 0; i < r->npats; i++)
        tp_pat_free(&r->pats[i]);
    free(r->pats);
    free(r->entries);
    free(r->first2);
    free(r->h3);
    free(r->long_entries);
    free(r->always);
    free(r->words);
    free(r->chars);
    free(r->words_hash);
    free(r->chars_hash);
    free(r->fold);
    free(r->cjk_first);
    free(r->order);
    tp_scratch_free(r);
    memset(r, 0, sizeof *r);
}

/* See lib.h. */
void
tp_scratch_free(struct tp_rules *r)
{
    free(r->count_body);
    free(r->count_title);
    free(r->stamp);
    free(r->stems);
    free(r->raw);
    free(r->distinct);
    free(r->lead);
    free(r->chosen);
    free(r->best);
    free(r->flags);
}

/* Drop every pattern of topic ti (a later file redefines it). */
static void
tp_drop_patterns(struct tp_rules *r, uint32_t ti)
{
    size_t k = 0;
    for (size_t i = 0; i < r->npats; i++) {
        if (r->pats[i].topic == ti)
            tp_pat_free(&r->pats[i]);
        else
            r->pats[k++] = r->pats[i];
    }
    r->npats = k;
}

/* A slug is one or more names of a-z, 0-9 and '-' joined by '/'
 * ("economy/trade"): each '/' steps down the tree. */
static bool
tp_slug_ok(const char *s)
{
    if (!*s || *s == '/')
        return false;
    for (; *s; s++) {
        if (*s == '/' && (s[1] == '/' || s[1] == '\0'))
            return false;
        if (!(ex_is_lower((unsigned char)*s) || ex_is_digit((unsigned char)*s) || *s == '-' ||
              *s == '/'))
            return false;
    }
    return true;
}

/* The index of the topic with slug s[0..n), or -1. */
static int32_t
tp_find(const struct tp_rules *r, const char *s, size_t n)
{
    for (size_t i = 0; i < r->ntopics; i++)
        if (strncmp(r->topics[i].slug, s, n) == 0 && r->topics[i].slug[n] == '\0')
            return (int32_t)i;
    return -1;
}

/* Every topic below another needs its parent defined (in this file or an
 * earlier one). Returns 0, or -1 with "file:line: message". */
static int
tp_check_parents(const struct tp_rules *r, struct ds_error *err)
{
    for (size_t i = 0; i < r->ntopics; i++) {
        const char *slash = strrchr(r->topics[i].slug, '/');
        if (slash && tp_find(r, r->topics[i].slug, (size_t)(slash - r->topics[i].slug)) < 0) {
            ds_error_set(err, -1, "%s: topic '%s' has no parent topic '%.*s'",
                         r->topics[i].where, r->topics[i].slug,
                         (int)(slash - r->topics[i].slug), r->topics[i].slug);
            return -1;
        }
    }
    return 0;
}

static int
tp_add_pattern(struct tp_rules *r, uint32_t topic, enum tp_role role, double weight,
               const char *rx, const char *path, int lineno, size_t col0, struct ds_error *err)
{
    struct ds_error e;
    ds_error_clear(&e);
    /* Compile unanchored first: its error offsets are the user's columns. */
    struct ds_regex *scan = ds_regex_new(rx, DS_RE_CASELESS, &e);
    if (!scan) {
        ds_error_set(err, -1, "%s:%d:%zu: bad pattern: %s", path, lineno, col0 + (size_t)e.pos + 1,
                     strchr(e.msg, ':') ? strchr(e.msg, ':') + 2 : e.msg);
        return -1;
    }
    struct ds_regex *re = ds_regex_new(rx, DS_RE_CASELESS | DS_RE_ANCHORED, &e);
    if (!re) {
        ds_regex_free(&scan);
        ds_error_set(err, -1, "%s:%d: bad pattern: %s", path, lineno, e.msg);
        return -1;
    }
    r->pats = xrealloc(r->pats, (r->npats + 1) * sizeof *r->pats);
    struct tp_pattern *p = &r->pats[r->npats++];
    memset(p, 0, sizeof *p);
    p->re = re;
    p->scan = scan;
    p->topic = topic;
    p->role = role;
    p->weight = weight;
    p->src = xstrdup(rx);
    return 0;
}

/* Read the WEIGHT that starts val (-100..100, followed by a space or tab)
 * into *w, *end after it. False when it is not one. */
static bool
tp_weight(const char *val, double *w, char **end)
{
    *w = strtod(val, end);
    return *end != val && (**end == ' ' || **end == '\t') && isfinite(*w) && *w >= -100 &&
           *w <= 100;
}

/* Where tp_load is in one rules file. */
struct tp_file {
    struct tp_rules *r;
    const char *path;
    int lineno;
    int32_t cur;    /* the topic being defined, or -1 */
    int cur_line;   /* the line of its [slug] */
    size_t first;   /* the first topic this file defined */
    struct ds_error *err;
};

/* The line "[slug]" at q: start a topic, or replace one an earlier file
 * defined. 0, or -1 with "file:line: message". */
static int
tp_section(struct tp_file *f, char *q)
{
    struct tp_rules *r = f->r;
    if (f->cur >= 0 && !r->topics[f->cur].name) {
        ds_error_set(f->err, -1, "%s:%d: topic '%s' has no name", f->path, f->cur_line,
                     r->topics[f->cur].slug);
        return -1;
    }
    char *e = strchr(q, ']');
    if (!e) {
        ds_error_set(f->err, -1, "%s:%d: missing ']' after the topic slug", f->path, f->lineno);
        return -1;
    }
    *e = '\0';
    char *slug = ds_str_trim(q + 1);
    if (!tp_slug_ok(slug)) {
        ds_error_set(f->err, -1, "%s:%d: bad topic slug '%s' (use a-z, 0-9 and '-', and "
                     "'/' between levels)", f->path, f->lineno, slug);
        return -1;
    }
    int32_t cur = tp_find(r, slug, strlen(slug));
    if (cur >= 0 && (size_t)cur >= f->first) {
        ds_error_set(f->err, -1, "%s:%d: topic '%s' defined twice (first at %s)", f->path,
                     f->lineno, slug, r->topics[cur].where);
        return -1;
    }
    if (cur >= 0) {
        /* An override: same slug replaces the earlier definition. */
        tp_drop_patterns(r, (uint32_t)cur);
        tp_topic_free(&r->topics[cur]);
    } else {
        r->topics = xrealloc(r->topics, (r->ntopics + 1) * sizeof *r->topics);
        cur = (int32_t)r->ntopics++;
    }
    struct tp_topic *t = &r->topics[cur];
    memset(t, 0, sizeof *t);
    t->slug = xstrdup(slug);
    t->threshold = 4;
    t->cap = 3;
    t->min_terms = 1;
    t->where = xasprintf("%s:%d", f->path, f->lineno);
    f->cur = cur;
    f->cur_line = f->lineno;
    return 0;
}

/* threshold, cap or min-terms = val for topic t. 0, or -1 with the error. */
static int
tp_number_key(struct tp_file *f, struct tp_topic *t, const char *key, const char *val)
{
    char *end;
    if (strcmp(key, "threshold") == 0) {
        double d = strtod(val, &end);
        if (end == val || *end || !(d >= 0) || d > 1e6) {
            ds_error_set(f->err, -1, "%s:%d: bad threshold '%s' (want a number >= 0)", f->path,
                         f->lineno, val);
            return -1;
        }
        t->threshold = d;
        return 0;
    }
    bool cap = strcmp(key, "cap") == 0;
    long c = strtol(val, &end, 10);
    if (end == val || *end || c < 1 || c > (cap ? 1000 : 100)) {
        ds_error_set(f->err, -1, cap ? "%s:%d: bad cap '%s' (want a whole number 1-1000)"
                                     : "%s:%d: bad min-terms '%s' (want a whole number 1-100)",
                     f->path, f->lineno, val);
        return -1;
    }
    if (cap)
        t->cap = (int)c;
    else
        t->min_terms = (int)c;
    return 0;
}

/* terms = WEIGHT list, or pattern = WEIGHT REGEX (line is the whole line,
 * for the regex's column). 0, or -1 with the error. */
static int
tp_weighted_key(struct tp_file *f, const char *key, const char *val, const char *line)
{
    char *end;
    double w;
    bool terms = strcmp(key, "terms") == 0;
    if (!tp_weight(val, &w, &end)) {
        ds_error_set(f->err, -1, terms ? "%s:%d: bad weight in '%s' (want 'terms = WEIGHT term, "
                                         "term, ...', WEIGHT from -100 to 100)"
                                       : "%s:%d: bad weight in '%s' (want 'pattern = WEIGHT "
                                         "REGEX', WEIGHT from -100 to 100)",
                     f->path, f->lineno, val);
        return -1;
    }
    if (terms)
        return tp_add_terms(f->r, (uint32_t)f->cur, w, end, f->path, f->lineno, f->err);
    while (*end == ' ' || *end == '\t')
        end++;
    if (!*end) {
        ds_error_set(f->err, -1, "%s:%d: pattern has a weight but no regex", f->path, f->lineno);
        return -1;
    }
    return tp_add_pattern(f->r, (uint32_t)f->cur, TP_WEIGHT, w, end, f->path, f->lineno,
                          (size_t)(end - line), f->err);
}

/* The line "key = value" (q: its first non-blank byte) for the current
 * topic. 0, or -1 with "file:line: message". */
static int
tp_keyval(struct tp_file *f, const char *line, char *q)
{
    char *eq = strchr(q, '=');
    if (!eq) {
        ds_error_set(f->err, -1, "%s:%d: expected 'key = value' or '[slug]'", f->path, f->lineno);
        return -1;
    }
    *eq = '\0';
    char *key = ds_str_trim(q);
    char *val = eq + 1;
    while (*val == ' ' || *val == '\t')
        val++;
    /* trailing spaces are not part of a pattern */
    size_t vl = strlen(val);
    while (vl && (val[vl - 1] == ' ' || val[vl - 1] == '\t'))
        val[--vl] = '\0';
    if (f->cur < 0) {
        ds_error_set(f->err, -1, "%s:%d: '%s' before any [topic]", f->path, f->lineno, key);
        return -1;
    }
    struct tp_topic *t = &f->r->topics[f->cur];
    if (strcmp(key, "name") == 0) {
        if (!*val) {
            ds_error_set(f->err, -1, "%s:%d: empty name", f->path, f->lineno);
            return -1;
        }
        free(t->name);
        t->name = xstrdup(val);
        return 0;
    }
    if (strcmp(key, "threshold") == 0 || strcmp(key, "cap") == 0 || strcmp(key, "min-terms") == 0)
        return tp_number_key(f, t, key, val);
    if (strcmp(key, "terms") == 0 || strcmp(key, "pattern") == 0)
        return tp_weighted_key(f, key, val, line);
    if (strcmp(key, "fallback") == 0) {
        if (strcmp(val, "yes") != 0 && strcmp(val, "no") != 0) {
            ds_error_set(f->err, -1, "%s:%d: fallback is 'yes' or 'no'", f->path, f->lineno);
            return -1;
        }
        t->fallback = strcmp(val, "yes") == 0;
        return 0;
    }
    if (strcmp(key, "all") == 0 || strcmp(key, "any") == 0) {
        if (!*val) {
            ds_error_set(f->err, -1, "%s:%d: empty pattern", f->path, f->lineno);
            return -1;
        }
        return tp_add_pattern(f->r, (uint32_t)f->cur, key[1] == 'l' ? TP_ALL : TP_ANY, 0, val,
                              f->path, f->lineno, (size_t)(val - line), f->err);
    }
    ds_error_set(f->err, -1, "%s:%d: unknown key '%s' (name, threshold, cap, min-terms, "
                 "fallback, terms, pattern, all, any)", f->path, f->lineno, key);
    return -1;
}

int
tp_load(struct tp_rules *r, const char *path, bool required, struct ds_error *err,
        uint64_t *hash)
{
    struct buf data = BUF_INIT;
    struct ds_error rerr;
    ds_error_clear(&rerr);
    if (ds_read_file(path, 4u << 20, &data, &rerr) != 0) {
        buf_free(&data);
        if (!required && errno == ENOENT)
            return 0;
        ds_error_set(err, -1, "%s", rerr.msg); /* it names the path */
        return -1;
    }
    *hash = ds_hash64(data.data ? data.data : "", data.len) ^ (*hash * 0x100000001b3ull);
    static char empty[1];
    char *p = data.data ? data.data : empty;
    struct tp_file f = {r, path, 0, -1, 0, r->ntopics, err};
    int rc = 0;
    char *line;
    while (rc == 0 && (line = ex_next_line(&p)) != NULL) {
        f.lineno++;
        char *q = line;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q == '\0' || *q == '#')
            continue;
        rc = *q == '[' ? tp_section(&f, q) : tp_keyval(&f, line, q);
    }
    if (rc == 0 && f.cur >= 0 && !r->topics[f.cur].name) {
        ds_error_set(err, -1, "%s:%d: topic '%s' has no name", path, f.cur_line,
                     r->topics[f.cur].slug);
        rc = -1;
    }
    if (rc == 0)
        rc = tp_check_parents(r, err);
    buf_free(&data);
    return rc;
}

/* Literal prefixes of each top-level alternative of rx; returns how many were
 * found, or 0 when some alternative has none (the pattern is then scanned). */
static size_t
tp_prefixes(const char *rx, char lit[][8], uint8_t *lens, size_t max)
{
    size_t nalt = 0;
    const char *p = rx;
    for (;;) {
        /* leading option settings and \b */
        for (;;) {
            if (strncmp(p, "(?i)", 4) == 0 || strncmp(p, "(?-i)", 5) == 0) {
                p += p[2] == '-' ? 5 : 4;
                continue;
            }
            if (strncmp(p, "\\b", 2) == 0) {
                p += 2;
                continue;
            }
            break;
        }
        if (nalt == max)
            return 0;
        size_t n = 0;
        const char *q = p;
        while (*q && n < 7) {
            unsigned char c = (unsigned char)*q;
            bool litc = ex_is_alpha(c) || ex_is_digit(c) || c == ' ' || c == '-' || c == '\'' ||
                        c == '&' || c >= 0x80;
            const char *nx = q + 1;
            unsigned char out = c;
            if (c == '\\' && q[1] && !ex_is_alpha((unsigned char)q[1]) &&
                !ex_is_digit((unsigned char)q[1])) {
                litc = true;
                out = (unsigned char)q[1];
                nx = q + 2;
            }
            if (!litc)
                break;
            if (*nx == '?' || *nx == '*' || *nx == '{')
                break; /* optional: not required */
            lit[nalt][n++] = (char)ex_lower(out);
            q = nx;
            if (*q == '+')
                break;
        }
        if (n == 0)
            return 0;
        lens[nalt++] = (uint8_t)n;
        /* find the next top-level '|' */
        int depth = 0;
        bool cls = false;
        const char *a = p;
        for (; *a; a++) {
            if (*a == '\\' && a[1]) {
                a++;
                continue;
            }
            if (cls) {
                if (*a == ']')
                    cls = false;
                continue;
            }
            if (*a == '[')
                cls = true;
            else if (*a == '(')
                depth++;
            else if (*a == ')')
                depth--;
            else if (*a == '|' && depth == 0)
                break;
        }
        if (*a != '|')
            return nalt;
        p = a + 1;
    }
}

static int
tp_entry_cmp(const void *pa, const void *pb)
{
    const struct tp_entry *a = pa, *b = pb;
    unsigned ca = ((unsigned char)a->lit[0] << 8) | (unsigned char)a->lit[1];
    unsigned cb = ((unsigned char)b->lit[0] << 8) | (unsigned char)b->lit[1];
    if (ca != cb)
        return ca < cb ? -1 : 1;
    return a->pattern < b->pattern ? -1 : a->pattern > b->pattern;
}

/* Bucket of the first three bytes (lower case) of a prefix or of the text. */
static inline unsigned
tp_h3(const unsigned char *p)
{
    unsigned h = ((unsigned)p[0] * 31u + (unsigned)p[1]) * 31u + (unsigned)p[2];
    return (h ^ (h >> 7)) & (TP_H3 - 1);
}

static const struct tp_rules *tp_sort_rules;

static int
tp_depth_cmp(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    int da = tp_sort_rules->topics[a].depth, db = tp_sort_rules->topics[b].depth;
    if (da != db)
        return da > db ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Link each topic to its parent and order the topics deepest first, so one
 * pass adds each subtree into its parent; size the per-topic scratch. */
static void
tp_tree_finish(struct tp_rules *r)
{
    size_t n = r->ntopics;
    free(r->order);
    free(r->raw);
    free(r->distinct);
    free(r->lead);
    free(r->chosen);
    free(r->best);
    free(r->flags);
    r->order = xmalloc((n + 1) * sizeof *r->order);
    for (size_t i = 0; i < n; i++) {
        struct tp_topic *t = &r->topics[i];
        const char *slash = strrchr(t->slug, '/');
        t->parent = slash ? tp_find(r, t->slug, (size_t)(slash - t->slug)) : -1;
        t->depth = 0;
        for (const char *c = t->slug; *c; c++)
            t->depth += *c == '/';
        r->order[i] = (uint32_t)i;
    }
    tp_sort_rules = r;
    if (n > 1)
        qsort(r->order, n, sizeof *r->order, tp_depth_cmp);
    tp_sort_rules = NULL;
    r->raw = xcalloc(n + 1, sizeof *r->raw);
    r->distinct = xcalloc(n + 1, sizeof *r->distinct);
    r->lead = xcalloc(n + 1, sizeof *r->lead);
    r->chosen = xcalloc(n + 1, sizeof *r->chosen);
    r->best = xcalloc(n + 1, sizeof *r->best);
    r->flags = xcalloc(n + 1, sizeof *r->flags);
}

/* File each regex pattern's literal prefixes as entries (r->entries), or
 * the pattern under r->always when it has none. */
static void
tp_file_prefixes(struct tp_rules *r)
{
    free(r->entries);
    free(r->always);
    r->entries = NULL;
    r->always = NULL;
    r->nentries = r->nalways = 0;
    size_t cap = 0;
    for (size_t i = 0; i < r->npats; i++) {
        char lit[128][8];
        uint8_t lens[128];
        if (r->pats[i].term)
            continue; /* terms are filed by tp_terms_finish */
        size_t k = tp_prefixes(r->pats[i].src, lit, lens, 128);
        if (k == 0) {
            r->always = xrealloc(r->always, (r->nalways + 1) * sizeof *r->always);
            r->always[r->nalways++] = (uint32_t)i;
            continue;
        }
        for (size_t j = 0; j < k; j++) {
            if (r->nentries == cap) {
                cap = cap ? cap * 2 : 64;
                r->entries = xrealloc(r->entries, cap * sizeof *r->entries);
            }
            struct tp_entry *e = &r->entries[r->nentries++];
            memset(e, 0, sizeof *e);
            memcpy(e->lit, lit[j], lens[j]);
            e->len = lens[j];
            e->pattern = (uint32_t)i;
        }
    }
}

/* The short prefixes (1-2 bytes, a one-byte one filed under every second
 * byte) sorted into r->entries, indexed by their first two bytes
 * (r->first2, r->short_first). */
static void
tp_short_table(struct tp_rules *r, const struct tp_entry *all, size_t nall)
{
    size_t nexp = 0;
    for (size_t i = 0; i < nall; i++)
        if (all[i].len < 3)
            nexp += all[i].len == 1 ? 256 : 1;
    struct tp_entry *exp = xmalloc((nexp + 1) * sizeof *exp);
    size_t k = 0;
    for (size_t i = 0; i < nall; i++) {
        if (all[i].len == 1) {
            for (unsigned c = 0; c < 256; c++) {
                exp[k] = all[i];
                exp[k].lit[1] = (char)c; /* only for sorting; len stays 1 */
                k++;
            }
        } else if (all[i].len == 2) {
            exp[k++] = all[i];
        }
    }
    r->entries = exp;
    r->nentries = nexp;
    if (r->nentries)
        qsort(r->entries, r->nentries, sizeof *r->entries, tp_entry_cmp);
    free(r->first2);
    r->first2 = xmalloc(65537 * sizeof *r->first2);
    size_t e = 0;
    for (unsigned key = 0; key < 65536; key++) {
        r->first2[key] = (uint32_t)e;
        while (e < r->nentries && (unsigned)(((unsigned char)r->entries[e].lit[0] << 8) |
                                             (unsigned char)r->entries[e].lit[1]) == key)
            e++;
    }
    r->first2[65536] = (uint32_t)e;
    memset(r->short_first, 0, sizeof r->short_first);
    for (size_t i = 0; i < r->nentries; i++)
        r->short_first[(unsigned char)r->entries[i].lit[0]] = true;
}

/* The prefixes of three bytes or more into r->long_entries, bucketed by a
 * hash of their first three bytes (r->h3: a counting sort). */
static void
tp_long_table(struct tp_rules *r, const struct tp_entry *all, size_t nall)
{
    free(r->h3);
    free(r->long_entries);
    r->h3 = xcalloc(TP_H3 + 1, sizeof *r->h3);
    size_t nlong = 0;
    for (size_t i = 0; i < nall; i++)
        if (all[i].len >= 3) {
            r->h3[tp_h3((const unsigned char *)all[i].lit) + 1]++;
            nlong++;
        }
    for (unsigned h = 0; h < TP_H3; h++)
        r->h3[h + 1] += r->h3[h];
    r->long_entries = xmalloc((nlong + 1) * sizeof *r->long_entries);
    uint32_t *fill = xmalloc(TP_H3 * sizeof *fill);
    memcpy(fill, r->h3, TP_H3 * sizeof *fill);
    for (size_t i = 0; i < nall; i++)
        if (all[i].len >= 3)
            r->long_entries[fill[tp_h3((const unsigned char *)all[i].lit)]++] = all[i];
    free(fill);
    r->nlong = nlong;
}

void
tp_finish(struct tp_rules *r)
{
    tp_file_prefixes(r);
    struct tp_entry *all = r->entries;
    size_t nall = r->nentries;
    tp_short_table(r, all, nall);
    tp_long_table(r, all, nall);
    free(all);
    free(r->count_body);
    free(r->count_title);
    free(r->stamp);
    r->count_body = xcalloc(r->npats + 1, sizeof *r->count_body);
    r->count_title = xcalloc(r->npats + 1, sizeof *r->count_title);
    r->stamp = xcalloc(r->npats + 1, sizeof *r->stamp);
    tp_tree_finish(r);
    tp_terms_finish(r);
}

void
tp_hit_add(struct tp_hits *h, uint32_t pat, size_t a, size_t b)
{
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 32;
        h->v = xrealloc(h->v, h->cap * sizeof *h->v);
    }
    h->v[h->n].pattern = pat;
    h->v[h->n].start = (uint32_t)a;
    h->v[h->n].end = (uint32_t)b;
    h->n++;
}

/* Try the entries [e, end) at start: compare the literal prefix from byte
 * `from` on, then run the pattern anchored there (once per position). */
static void
tp_try(struct tp_rules *r, const char *s, size_t n, size_t start, const struct tp_entry *e,
       const struct tp_entry *end, size_t from, uint32_t *counts, struct tp_hits *hits)
{
    const unsigned char *u = (const unsigned char *)s;
    for (; e < end; e++) {
        if (start + e->len > n)
            continue;
        bool eq = true;
        for (size_t k = from; k < e->len; k++)
            if (ex_lower(u[start + k]) != (unsigned char)e->lit[k]) {
                eq = false;
                break;
            }
        if (!eq)
            continue;
        uint32_t pi = e->pattern;
        if (r->stamp[pi] == (uint32_t)(start + 1))
            continue;
        r->stamp[pi] = (uint32_t)(start + 1);
        struct tp_pattern *pt = &r->pats[pi];
        if (ds_regex_match(pt->re, s, n, start) == 1) {
            size_t ms, me;
            ds_regex_group(pt->re, 0, &ms, &me);
            counts[pi]++;
            if (hits && pt->role == TP_WEIGHT && me > ms)
                tp_hit_add(hits, pi, ms, me);
        }
    }
}

/* Try every pattern that may start at byte `start` of s. */
static void
tp_at(struct tp_rules *r, const char *s, size_t n, size_t start, uint32_t *counts,
      struct tp_hits *hits)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char low[3] = {ex_lower(u[start]), start + 1 < n ? ex_lower(u[start + 1]) : 0,
                            start + 2 < n ? ex_lower(u[start + 2]) : 0};
    unsigned key = ((unsigned)low[0] << 8) | low[1];
    if (r->short_first[low[0]])
        tp_try(r, s, n, start, r->entries + r->first2[key], r->entries + r->first2[key + 1], 2,
               counts, hits);
    if (start + 2 < n) {
        unsigned h = tp_h3(low);
        if (r->h3[h] != r->h3[h + 1])
            tp_try(r, s, n, start, r->long_entries + r->h3[h], r->long_entries + r->h3[h + 1],
                   0, counts, hits);
    }
}

size_t
tp_scan(struct tp_rules *r, const char *s, size_t n, const struct toks *toks, uint32_t *counts,
        struct tp_hits *hits)
{
    size_t words = 0;
    for (size_t k = 0; k < toks->n; k++) {
        const struct tok *t = &toks->v[k];
        if (!(t->flags & TK_CJK)) {
            words++;
            tp_at(r, s, n, t->start, counts, hits);
            continue;
        }
        for (size_t p = t->start; p < t->end;) {
            words++;
            tp_at(r, s, n, p, counts, hits);
            p++;
            while (p < t->end && ((unsigned char)s[p] & 0xC0) == 0x80)
                p++;
        }
    }
    for (size_t i = 0; i < r->nalways; i++) {
        uint32_t pi = r->always[i];
        struct tp_pattern *pt = &r->pats[pi];
        size_t pos = 0;
        while (ds_regex_next(pt->scan, s, n, &pos)) {
            size_t ms, me;
            ds_regex_group(pt->scan, 0, &ms, &me);
            counts[pi]++;
            if (hits && pt->role == TP_WEIGHT && me > ms)
                tp_hit_add(hits, pi, ms, me);
        }
    }
    tp_terms_scan(r, s, n, toks, counts, hits);
    return words;
}
