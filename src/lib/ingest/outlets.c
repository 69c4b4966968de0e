/*
 * ingest/outlets.c — the list of known news outlets (assets/outlets.tsv plus
 * the user's own file) and matching a line of text against it. Matching
 * ignores ASCII case, runs of spaces, a leading "The" and surrounding
 * punctuation, so "THE GUARDIAN." and "Guardian" both name The Guardian.
 * assets/domains.tsv (and the user's) adds web domains as aliases, so the
 * URL a page was saved from names its outlet.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

struct alias {
    char *key;    /* normalised alias */
    size_t canon; /* index into names */
    size_t seq;   /* order of loading: a later definition wins */
};

struct outlets {
    char **names;
    size_t nnames;
    struct alias *aliases;
    size_t naliases, capaliases;
};

static bool
is_edge_punct(unsigned char c)
{
    return c == ' ' || c == '.' || c == ',' || c == ':' || c == ';' || c == '-' || c == '(' ||
           c == ')' || c == '"' || c == '\'' || c == '|' || c == '*' || c == '_' || c == '[' ||
           c == ']';
}

/* Normalised key of s into out (malloc'd), or NULL when nothing is left. */
static char *
outlet_key(const char *s, size_t n)
{
    while (n && is_edge_punct((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && is_edge_punct((unsigned char)s[n - 1]))
        n--;
    /* curly quotes and © around a name */
    if (n >= 3 &&
        (ds_str_starts_with(s, "\xe2\x80\x9c") || ds_str_starts_with(s, "\xe2\x80\x98"))) {
        s += 3;
        n -= 3;
    }
    if (n >= 3 &&
        (memcmp(s + n - 3, "\xe2\x80\x9d", 3) == 0 || memcmp(s + n - 3, "\xe2\x80\x99", 3) == 0))
        n -= 3;
    if (n >= 4 && ing_istarts(s, n, "the ")) {
        s += 4;
        n -= 4;
    }
    if (n == 0 || n > 120)
        return NULL;
    char *k = xmalloc(n + 1);
    size_t m = 0;
    bool sp = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ') {
            sp = m > 0;
            continue;
        }
        if (sp)
            k[m++] = ' ';
        sp = false;
        k[m++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    k[m] = '\0';
    if (m == 0) {
        free(k);
        return NULL;
    }
    return k;
}

static void
add_alias(struct outlets *o, const char *s, size_t n, size_t canon)
{
    char *k = outlet_key(s, n);
    if (!k)
        return;
    if (o->naliases == o->capaliases) {
        o->capaliases = o->capaliases ? o->capaliases * 2 : 256;
        o->aliases = xrealloc(o->aliases, o->capaliases * sizeof *o->aliases);
    }
    o->aliases[o->naliases].key = k;
    o->aliases[o->naliases].canon = canon;
    o->aliases[o->naliases].seq = o->naliases;
    o->naliases++;
}

static size_t
find_name(const struct outlets *o, const char *name)
{
    for (size_t i = 0; i < o->nnames; i++)
        if (strcmp(o->names[i], name) == 0)
            return i;
    return (size_t)-1;
}

static int
load_file(struct outlets *o, const char *path, struct ds_error *err)
{
    FILE *f = ds_fopen_regular(path, err);
    if (!f)
        return errno == ENOENT ? 0 : -1;
    char line[4096];
    int lineno = 0;
    int rc = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strlen(line);
        if (n == sizeof line - 1 && line[n - 1] != '\n') {
            ds_error_set(err, -1, "%s:%d: line too long", path, lineno);
            rc = -1;
            break;
        }
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        char *p = line;
        while (*p == ' ')
            p++;
        if (*p == '#' || *p == '\0')
            continue;
        char *tab = strchr(p, '\t');
        char *canon = xstrndup(p, tab ? (size_t)(tab - p) : strlen(p));
        ds_str_trim(canon);
        if (!*canon) {
            free(canon);
            ds_error_set(err, -1, "%s:%d: expected an outlet name before the tab", path, lineno);
            rc = -1;
            break;
        }
        size_t idx = find_name(o, canon);
        if (idx == (size_t)-1) {
            o->names = xrealloc(o->names, (o->nnames + 1) * sizeof *o->names);
            idx = o->nnames;
            o->names[o->nnames++] = canon;
        } else {
            free(canon);
        }
        add_alias(o, o->names[idx], strlen(o->names[idx]), idx);
        if (tab) {
            char *a = tab + 1;
            while (a && *a) {
                char *bar = strchr(a, '|');
                size_t al = bar ? (size_t)(bar - a) : strlen(a);
                add_alias(o, a, al, idx);
                a = bar ? bar + 1 : NULL;
            }
        }
    }
    fclose(f);
    return rc;
}

static int
cmp_alias(const void *a, const void *b)
{
    const struct alias *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    /* the later definition (the user's file) wins: it sorts first */
    return x->seq < y->seq ? 1 : x->seq > y->seq ? -1 : 0;
}

/* See ingest.h. *out is newly allocated (free with outlets_free) even when
 * neither file exists; on failure *out is NULL and err says where. */
int
outlets_load(const char *assets_dir, const char *config_dir, struct outlets **out,
             struct ds_error *err)
{
    struct outlets *o = xcalloc(1, sizeof *o);
    const char *dirs[2] = {assets_dir, config_dir};
    *out = NULL;
    for (int i = 0; i < 2; i++) {
        if (!dirs[i])
            continue;
        char *path = xasprintf("%s/outlets.tsv", dirs[i]);
        int rc = load_file(o, path, err);
        free(path);
        if (rc == 0) {
            path = xasprintf("%s/domains.tsv", dirs[i]);
            rc = load_file(o, path, err);
            free(path);
        }
        if (rc != 0) {
            outlets_free(&o);
            return -1;
        }
    }
    if (o->naliases)
        qsort(o->aliases, o->naliases, sizeof *o->aliases, cmp_alias);
    *out = o;
    return 0;
}

void
outlets_free(struct outlets **op)
{
    struct outlets *o = op ? *op : NULL;
    if (!o)
        return;
    for (size_t i = 0; i < o->nnames; i++)
        free(o->names[i]);
    for (size_t i = 0; i < o->naliases; i++)
        free(o->aliases[i].key);
    free(o->names);
    free(o->aliases);
    free(o);
    *op = NULL;
}

/* See ingest.h: the whole line (give or take case, "The" and punctuation)
 * must be the outlet's name or alias. */
const char *
outlets_match(const struct outlets *o, const char *line, size_t n)
{
    if (!o || !o->naliases || !line)
        return NULL;
    char *k = outlet_key(line, n);
    if (!k)
        return NULL;
    size_t lo = 0, hi = o->naliases;
    const char *found = NULL;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(k, o->aliases[mid].key);
        if (c == 0) {
            /* leftmost equal key is the preferred one */
            while (mid > 0 && strcmp(o->aliases[mid - 1].key, k) == 0)
                mid--;
            found = o->names[o->aliases[mid].canon];
            break;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    free(k);
    return found;
}

static bool
word_edge(const char *s, size_t n, size_t i)
{
    if (i == 0 || i >= n)
        return true;
    unsigned char a = (unsigned char)s[i - 1], b = (unsigned char)s[i];
    bool wa = (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9');
    bool wb = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    return !(wa && wb);
}

/* Is the match line[at, at+len) part of a longer proper name ("Yellow Sea
 * Observer" holds the alias "Observer" but names another outlet)? It is
 * when a capitalised word other than "The" sits right before it, or one
 * right after it that is not a company suffix or "All rights reserved",
 * or a hyphen joins it to another word ("The Times-Reporter"). */
static bool
inside_longer_name(const char *line, size_t n, size_t at, size_t len)
{
    static const char *const after_ok[] = {"all",  "ltd",   "limited", "inc",  "llc",
                                           "plc",  "group", "corp",    "co",   "company",
                                           "gmbh", "ag",    "sa",      "rights"};
    if (at >= 2 && line[at - 1] == ' ') {
        size_t e = at - 1, b = e;
        while (b > 0 && line[b - 1] != ' ')
            b--;
        unsigned char c = (unsigned char)line[b];
        if (e > b && c >= 'A' && c <= 'Z' && !ing_ieq(line + b, e - b, "the"))
            return true;
    }
    size_t b = at + len;
    /* "The Times-Reporter", "Post-Gazette": a hyphen joins the next name */
    if (b + 1 < n && line[b] == '-' && line[b + 1] >= 'A' && line[b + 1] <= 'Z')
        return true;
    if (at >= 2 && line[at - 1] == '-' && ((line[at - 2] >= 'a' && line[at - 2] <= 'z') ||
                                           (line[at - 2] >= 'A' && line[at - 2] <= 'Z')))
        return true;
    if (b + 1 < n && line[b] == ' ') {
        b++;
        size_t e = b;
        while (e < n && ((line[e] >= 'a' && line[e] <= 'z') || (line[e] >= 'A' && line[e] <= 'Z')))
            e++;
        unsigned char c = (unsigned char)line[b];
        if (e > b && c >= 'A' && c <= 'Z') {
            for (size_t k = 0; k < DS_ARRAY_LEN(after_ok); k++)
                if (ing_ieq(line + b, e - b, after_ok[k]))
                    return false;
            return true;
        }
    }
    return false;
}

/* See ingest/lib.h. */
const char *
outlets_find_in(const struct outlets *o, const char *line, size_t n, size_t *match_len)
{
    if (!o || !line || n == 0)
        return NULL;
    /* keys are lower case: search a lower-cased copy with strstr */
    char stackbuf[512];
    char *low = n < sizeof stackbuf ? stackbuf : xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        low[i] = (line[i] >= 'A' && line[i] <= 'Z') ? (char)(line[i] + 32) : line[i];
    low[n] = '\0';
    const char *best = NULL;
    size_t bestlen = 0;
    for (size_t a = 0; a < o->naliases; a++) {
        const char *k = o->aliases[a].key;
        size_t kl = strlen(k);
        if (kl < 5 || kl <= bestlen || kl > n)
            continue;
        for (const char *hit = strstr(low, k); hit; hit = strstr(hit + 1, k)) {
            size_t at = (size_t)(hit - low);
            if (word_edge(low, n, at) && word_edge(low, n, at + kl) &&
                !inside_longer_name(line, n, at, kl)) {
                best = o->names[o->aliases[a].canon];
                bestlen = kl;
                break;
            }
        }
    }
    if (low != stackbuf)
        free(low);
    if (match_len)
        *match_len = bestlen;
    return best;
}

/* See ingest/lib.h: the host of the URL, then each shorter domain it
 * belongs to ("edition.cnn.com", then "cnn.com"), looked up as aliases. */
const char *
outlets_for_url(const struct outlets *o, const char *url, size_t n)
{
    size_t i = 0;
    if (n >= 8 && ing_istarts(url, n, "https://"))
        i = 8;
    else if (n >= 7 && ing_istarts(url, n, "http://"))
        i = 7;
    size_t e = i;
    while (e < n && url[e] != '/' && url[e] != ':' && url[e] != '?' && url[e] != '#' &&
           url[e] != ' ')
        e++;
    if (e - i < 4 || !memchr(url + i, '.', e - i))
        return NULL;
    for (size_t a = i; a < e;) {
        const char *canon = outlets_match(o, url + a, e - a);
        if (canon)
            return canon;
        const char *dot = memchr(url + a, '.', e - a);
        if (!dot || !memchr(dot + 1, '.', (size_t)(url + e - dot - 1)))
            break; /* a bare top-level domain names no outlet */
        a = (size_t)(dot - url) + 1;
    }
    return NULL;
}
