/*
 * extract/org_shapes.c — organisations no list names and no organisation
 * word ends: a company or body known by its place in the sentence, after
 * the people pass (so that a person's lone surname is never taken).
 *
 *   "Eskom chief executive Dan Marokane", "Westpac chief economist ...":
 *       a capitalised name, then a lower-case title, then a name;
 *   "Petrobras shares fell", "shares of MTN Nigeria rose": next to shares;
 *   "SMRT said", "CEOE said": an acronym before a reporting verb.
 * Each one found is also every later token written the same.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "people.h"

/* Is token k the lower-case word w? */
static bool
os_word(const struct ent_run *r, size_t k, const char *w)
{
    if (k >= r->t.n)
        return false;
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start;
    return strlen(w) == n && memcmp(r->s + t->start, w, n) == 0;
}

/* Could token k be (part of) a company's name: capitalised, not yet an
 * entity, no function, stop, title or given-name word, no nationality
 * ("German", "Spanish", "Dutch")? */
static bool
os_name_word(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    if (r->covered[k] || !(t->flags & TK_CAP) || (t->flags & (TK_NUM | TK_CJK)))
        return false;
    if (er_is(r, t, WL_STOP) || er_is(r, t, WL_FUNCTION) || er_in(r, t, WL_TITLES) ||
        er_is(r, t, WL_HONORIFIC) || er_is(r, t, WL_GIVEN) || er_is(r, t, WL_PRONOUNS))
        return false;
    static const char *const demonym[] = {"ian", "ese", "ish", "ean", "can", "tch", "nch",
                                          NULL};
    size_t n = t->end - t->start;
    if (!(t->flags & TK_ALLCAPS))
        for (const char *const *e = demonym; *e; e++) {
            size_t el = strlen(*e);
            if (n > el + 2 && memcmp(r->s + t->end - el, *e, el) == 0)
                return false;
        }
    return true;
}

/* Is a sentence's first word i a name: written with an inner capital
 * ("UniCredit") or in capitals, or capitalised again inside a sentence? */
static bool
os_proper(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    if (!(v[i].flags & TK_SENT) || (v[i].flags & TK_ALLCAPS))
        return true;
    for (uint32_t p = v[i].start + 1; p < v[i].end; p++)
        if (r->s[p] >= 'A' && r->s[p] <= 'Z')
            return true;
    size_t n = v[i].end - v[i].start;
    for (size_t k = 0; k < r->t.n; k++)
        if (k != i && !(v[k].flags & TK_SENT) && v[k].end - v[k].start == n &&
            memcmp(r->s + v[k].start, r->s + v[i].start, n) == 0)
            return true;
    return false;
}

/* Is token k a lower-case title a company gives ("chief executive",
 * "spokeswoman", "economist"), not one any body or event has
 * ("director", "head")? */
static bool
os_company_title(const struct ent_run *r, size_t k)
{
    static const char *const titles[] = {
        "chief", "ceo", "cfo", "chairman", "chairwoman", "chairperson", "president",
        "spokesman", "spokeswoman", "spokesperson", "economist", "analyst", "strategist",
        "founder", "co-founder", "cofounder", "boss", NULL};
    for (const char *const *t = titles; *t; t++)
        if (os_word(r, k, *t))
            return true;
    return false;
}

/* Is token k a lower-case noun for a company ("the mining group Vale",
 * "Vale, the miner,", "the utility Eskom")? */
static bool
os_company_noun(const struct ent_run *r, size_t k, bool after)
{
    static const char *const nouns[] = {
        "company", "firm", "utility", "lender", "miner", "carmaker", "automaker",
        "conglomerate", "insurer", "retailer", "airline", "giant", "chipmaker", "refiner", NULL};
    /* after a name, in apposition, also words any body may be called
     * ("Vale, the mining group,"; not "local group Victims") */
    static const char *const wider[] = {"group", "operator", "producer", "developer",
                                        "broadcaster", NULL};
    for (const char *const *w = nouns; *w; w++)
        if (os_word(r, k, *w))
            return true;
    for (const char *const *w = wider; after && *w; w++)
        if (os_word(r, k, *w))
            return true;
    return false;
}

/* Does a mention of an organisation cover token k? */
static bool
os_org_at(const struct ent_run *r, size_t k)
{
    if (k >= r->t.n || r->covered[k] != 1)
        return false;
    uint32_t at = r->t.v[k].start;
    for (size_t m = r->nm; m > 0; m--) {
        const struct mention *mm = &r->m[m - 1];
        if (mm->start <= at && at < mm->end) {
            enum entity_kind kind = mm->ref < r->g->nents ? r->g->ents[mm->ref].kind
                                                          : r->d[mm->ref - r->g->nents].kind;
            return kind == ENTITY_ORG;
        }
    }
    return false;
}

/* Is the run [i, j] placed as a company by its neighbours: written with a
 * possessive before a company's title ("Codelco's chairman"), after a
 * lower-case noun for a company ("the state utility Eskom") or before one
 * in apposition ("Vale, the mining group,"), or joined by "and" to an
 * organisation ("Infosys and Wipro Ltd", "Equinor and Vattenfall" after
 * "Equinor's chief executive")? */
static bool
os_beside(const struct ent_run *r, size_t i, size_t j)
{
    const struct tok *v = r->t.v;
    size_t k = j + 1;
    if (v[i].sep == '-' || (k < r->t.n && v[k].sep == '-') ||
        (k < r->t.n && er_joined(&v[k]) && (v[k].flags & TK_CAP)) ||
        (i > 0 && er_joined(&v[i]) && (v[i - 1].flags & TK_CAP)) ||
        (k + 1 < r->t.n && (os_word(r, k, "of") || os_word(r, k, "for")) &&
         (v[k + 1].flags & TK_CAP)))
        return false; /* part of a longer name: "F-Secure", "Departments of Health", "Saint
                         Bernard Software" */
    if ((v[j].flags & TK_POSS) && os_company_title(r, k))
        return true;
    if (i > 0 && v[i].sep == ' ' && os_company_noun(r, i - 1, false))
        return true;
    if (k + 1 < r->t.n && v[k].sep == ',' && (os_word(r, k, "the") || os_word(r, k, "a")))
        for (size_t q = k + 1; q < r->t.n && q <= k + 3 && er_joined(&v[q]); q++)
            if (os_company_noun(r, q, true))
                return q + 1 >= r->t.n || !er_joined(&v[q + 1]) || os_word(r, q + 1, "that");
    if (v[j].flags & TK_POSS)
        return false; /* "Tesco and Sainsbury's rose": whose name ends how is unsaid */
    if (k + 1 < r->t.n && os_word(r, k, "and") && v[k + 1].sep == ' ' && os_org_at(r, k + 1))
        return true;
    return i >= 2 && os_word(r, i - 1, "and") && v[i].sep == ' ' && os_org_at(r, i - 2);
}

/* Is the run [i, j] placed as a company: before a lower-case title and a
 * name, next to "shares", or an acronym before a reporting verb? */
static bool
os_placed(const struct ent_run *r, size_t i, size_t j)
{
    const struct tok *v = r->t.v;
    size_t k = j + 1;
    if (os_beside(r, i, j))
        return true;
    if (k < r->t.n && v[k].sep == ' ' && !(v[k].flags & TK_CAP)) {
        if (os_word(r, k, "shares") || os_word(r, k, "stock"))
            return true;
        if (os_company_title(r, k) && k + 1 < r->t.n && er_joined(&v[k + 1]) &&
            ((v[k + 1].flags & TK_CAP) ||
             (er_in(r, &v[k + 1], WL_TITLES) && k + 2 < r->t.n && (v[k + 2].flags & TK_CAP))))
            return j > i || os_proper(r, i);
        if (j == i && (v[i].flags & TK_ALLCAPS) && v[i].end - v[i].start >= 3 &&
            er_in(r, &v[k], WL_SAID_AFTER) && (i == 0 || !(v[i - 1].flags & TK_ALLCAPS)))
            return true;
    }
    return i >= 2 && (os_word(r, i - 1, "of") || os_word(r, i - 1, "in")) &&
           (os_word(r, i - 2, "shares") || os_word(r, i - 2, "Shares"));
}

/* Record the organisation [i, j]; a one-word name is remembered so that
 * later tokens written the same are mentions too. */
static void
os_add(struct ent_run *r, size_t i, size_t j)
{
    uint32_t ref = er_org_span(r, i, j);
    if (j == i)
        er_remember(r, i, ref);
}

/* See people.h: every capitalised run not yet an entity that is placed as
 * a company, then every later token written as a one-word one. */
void
er_pass_companies(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    size_t nacr = r->nacr;
    for (size_t i = 0; i < r->t.n; i++) {
        if (!os_name_word(r, i))
            continue;
        size_t j = i;
        while (j + 1 < r->t.n && j < i + 2 && v[j + 1].sep == ' ' && os_name_word(r, j + 1))
            j++;
        if (os_placed(r, i, j))
            os_add(r, i, j);
        i = j;
    }
    if (r->nacr == nacr)
        return;
    for (size_t i = 0; i < r->t.n; i++)
        if (!r->covered[i] && (v[i].flags & TK_CAP))
            er_acronym_use(r, i);
}
