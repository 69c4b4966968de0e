/*
 * extract/org_links.c — one organisation for the several names an article
 * gives it, once every pass has found its mentions:
 *
 *   "Siemens AG" ... "Siemens said": the name without its legal form;
 *   "Toyota Motor Corporation" ... "Toyota's finance chief", "Robert Bosch
 *       GmbH" ... "Bosch's chairman": the first or last word of a name
 *       with a legal form (a legal form says the rest is one firm's name);
 *   "the Competition and Markets Authority" ... "the CMA": an acronym of
 *       the initials of a name's capitalised words, though the article
 *       never defines it in brackets;
 *   "the Department of Justice" ... "the Justice Department": a body's
 *       field before its head word, the same body; "the US Department of
 *       Justice" ... "the Department of Justice": without a country's code.
 * A short form is linked only to a longer name found in the same article:
 * "Siemens" alone stays "Siemens".
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "people.h"

/* The length of full without a legal form at its end ("Siemens" of
 * "Siemens AG", "Nexi" of "Nexi S.p.A."), or 0 when it has none. */
static size_t
ol_without_form(const char *full)
{
    static const char *const forms[] = {
        "Inc", "Inc.", "Ltd", "Ltd.", "Limited", "Plc", "PLC", "plc", "AG", "NV", "N.V.", "SA",
        "S.A.", "SE", "Corp", "Corp.", "Corporation", "Co.", "LLC", "GmbH", "KK", "K.K.",
        "S.p.A.", "SpA", "Tbk", "Bhd", "ASA", "AB", "Oyj", NULL};
    const char *sp = strrchr(full, ' ');
    if (!sp || sp == full)
        return 0;
    for (const char *const *f = forms; *f; f++)
        if (strcmp(sp + 1, *f) == 0) {
            size_t n = (size_t)(sp - full);
            return full[n - 1] == ',' ? n - 1 : n; /* "Apple, Inc." */
        }
    return 0;
}

/* The number of words in the first n bytes of s. */
static size_t
ol_words(const char *s, size_t n)
{
    size_t w = n > 0;
    for (size_t p = 0; p < n; p++)
        w += s[p] == ' ';
    return w;
}

/* Is name a short form of full, a name with a legal form: full without
 * the form, or (four letters or more) the first or last word of a name
 * of two or three words before it? */
static bool
ol_short_of(const char *name, const char *full)
{
    size_t base = ol_without_form(full), n = strlen(name);
    if (base == 0 || n > base)
        return false;
    if (n == base)
        return memcmp(name, full, n) == 0;
    size_t words = ol_words(full, base);
    if (n < 4 || words < 2 || words > 3 || strchr(name, ' '))
        return false;
    if (full[n] == ' ' && memcmp(name, full, n) == 0)
        return true; /* "Toyota" of "Toyota Motor Corporation" */
    return full[base - n - 1] == ' ' && memcmp(name, full + base - n, n) == 0;
    /* "Bosch" of "Robert Bosch GmbH" */
}

/* Is name, in capitals (two to eight letters), the initials of the
 * capitalised words of full, three or more ("CMA" of "Competition and
 * Markets Authority"; "of", "and", "the" skipped)? */
static bool
ol_initials_of(const char *name, const char *full)
{
    size_t n = strlen(name), k = 0, caps = 0;
    if (n < 2 || n > 8)
        return false;
    for (size_t p = 0; p < n; p++)
        if (name[p] < 'A' || name[p] > 'Z')
            return false;
    for (const char *w = full; *w; w++) {
        if (w != full && w[-1] != ' ' && w[-1] != '-')
            continue;
        if (*w >= 'a' && *w <= 'z')
            continue; /* "of", "and", "the" */
        if (k >= n || *w != name[k])
            return false;
        k++;
        caps++;
    }
    return k == n && caps >= 3;
}

/* Does full end with "head of (the) field" ("Department of Justice", "US
 * Department of the Treasury")? */
static bool
ol_ends_head_of(const char *full, const char *head, size_t hn, const char *field, size_t fn,
                bool the)
{
    size_t n = hn + 4 + (the ? 4 : 0) + fn, len = strlen(full);
    if (len < n || (len > n && full[len - n - 1] != ' '))
        return false;
    const char *p = full + len - n;
    if (memcmp(p, head, hn) != 0 || memcmp(p + hn, " of ", 4) != 0)
        return false;
    p += hn + 4;
    if (the && memcmp(p, "the ", 4) != 0)
        return false;
    return memcmp(p + (the ? 4 : 0), field, fn) == 0;
}

/* Is name "field head" and full the same body written "head of field"
 * ("Justice Department" of "Department of Justice", "Defence Ministry" of
 * "Ministry of Defence", "Treasury Department" of "Department of the
 * Treasury")? */
static bool
ol_inverted_of(const char *name, const char *full)
{
    static const char *const heads[] = {"Department", "Ministry", "Office", "Bureau", NULL};
    const char *sp = strrchr(name, ' ');
    if (!sp || sp == name)
        return false;
    size_t fn = (size_t)(sp - name), hn = strlen(sp + 1);
    for (const char *const *h = heads; *h; h++)
        if (strcmp(sp + 1, *h) == 0)
            return ol_ends_head_of(full, sp + 1, hn, name, fn, false) ||
                   ol_ends_head_of(full, sp + 1, hn, name, fn, true);
    return false;
}

/* Is full name with a country's code of two or three capitals before it
 * ("US Department of Justice" of "Department of Justice", "UK Space
 * Agency")? */
static bool
ol_coded(const char *name, const char *full)
{
    size_t n = strlen(name), len = strlen(full);
    if (len < n + 3 || len > n + 4 || !strchr(name, ' ') || strcmp(full + len - n, name) != 0 ||
        full[len - n - 1] != ' ')
        return false;
    for (size_t p = 0; p < len - n - 1; p++)
        if (full[p] < 'A' || full[p] > 'Z')
            return false;
    return true;
}

/* The name and kind of ref. */
static const char *
ol_name(const struct ent_run *r, uint32_t ref, enum entity_kind *kind)
{
    if (ref < r->g->nents) {
        *kind = r->g->ents[ref].kind;
        return r->g->ents[ref].name;
    }
    *kind = r->d[ref - r->g->nents].kind;
    return r->d[ref - r->g->nents].name;
}

/* An organisation named in the article: its ref, the first mention
 * naming it, and the ref its mentions are linked to. */
struct ol_name_use {
    uint32_t ref, first, to;
};

static int
ol_by_ref(const void *pa, const void *pb)
{
    const struct ol_name_use *a = pa, *b = pb;
    if (a->ref != b->ref)
        return a->ref < b->ref ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

static int
ol_by_ref_only(const void *pa, const void *pb)
{
    const struct ol_name_use *a = pa, *b = pb;
    return a->ref < b->ref ? -1 : a->ref > b->ref;
}

static int
ol_by_first(const void *pa, const void *pb)
{
    const struct ol_name_use *a = pa, *b = pb;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* The distinct organisations among the mentions, in the order the article
 * first names them (*n of them; NULL when none). */
static struct ol_name_use *
ol_distinct(const struct ent_run *r, size_t *n)
{
    struct ol_name_use *u = xmalloc((r->nm ? r->nm : 1) * sizeof *u);
    size_t k = 0;
    enum entity_kind kind;
    for (size_t m = 0; m < r->nm; m++) {
        ol_name(r, r->m[m].ref, &kind);
        if (kind == ENTITY_ORG)
            u[k++] = (struct ol_name_use){r->m[m].ref, (uint32_t)m, r->m[m].ref};
    }
    qsort(u, k, sizeof *u, ol_by_ref);
    size_t d = 0;
    for (size_t i = 0; i < k; i++)
        if (d == 0 || u[d - 1].ref != u[i].ref)
            u[d++] = u[i];
    qsort(u, d, sizeof *u, ol_by_first);
    *n = d;
    return u;
}

/* See people.h. Each distinct name is compared with the others once (a
 * short form goes to the first longer name the article gives), not each
 * mention with every mention: an article with hundreds of mentions of a
 * dozen bodies costs a dozen squared comparisons. */
void
er_pass_link_orgs(struct ent_run *r)
{
    size_t n;
    enum entity_kind kind;
    struct ol_name_use *u = ol_distinct(r, &n);
    for (size_t i = 0; i < n; i++) {
        const char *name = ol_name(r, u[i].ref, &kind);
        for (size_t j = 0; j < n; j++) {
            const char *full = ol_name(r, u[j].ref, &kind);
            if (j != i && (ol_short_of(name, full) || ol_initials_of(name, full) ||
                           ol_inverted_of(name, full) || ol_coded(name, full))) {
                u[i].to = u[j].ref;
                break;
            }
        }
    }
    qsort(u, n, sizeof *u, ol_by_ref);
    for (size_t m = 0; m < r->nm; m++) {
        struct ol_name_use key = {r->m[m].ref, 0, 0};
        struct ol_name_use *hit = bsearch(&key, u, n, sizeof *u, ol_by_ref_only);
        if (hit)
            r->m[m].ref = hit->to;
    }
    free(u);
}
