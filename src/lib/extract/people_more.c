/*
 * extract/people_more.c — more of the people pass (extract/people.c):
 * nicknames in quotes inside a name (Jamal "Biggie" Hollins), a name
 * with an organisation and a verb after it ("Kola Ologbondiyan of the
 * Peoples Democratic Party said"), two names of places joined by "and"
 * ("William Ruto of Kenya and Ismail Omar Guelleh of Djibouti"), a name
 * after a musician's or such word ("the cellist Andrzej Nowak"), where
 * someone works ("analysts at Peel Hunt") and brands ("sales of Johnnie
 * Walker").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "people.h"

/* The byte length of the quote opening at p ('"' or U+201C), else 0. */
static size_t
pm_open_quote(const char *s, size_t n, size_t p)
{
    if (p < n && s[p] == '"')
        return 1;
    if (p + 3 <= n && memcmp(s + p, "\xe2\x80\x9c", 3) == 0)
        return 3;
    return 0;
}

/* The byte length of the quote closing at p ('"' or U+201D), else 0. */
static size_t
pm_close_quote(const char *s, size_t n, size_t p)
{
    if (p < n && s[p] == '"')
        return 1;
    if (p + 3 <= n && memcmp(s + p, "\xe2\x80\x9d", 3) == 0)
        return 3;
    return 0;
}

/* Is token k a one-word nickname in quotes between two parts of a name
 * (Ferdinand "Bongbong" Marcos): a name-like token, a space and a quote
 * before it, the closing quote and a space after it, then a capitalised
 * token? */
static bool
pm_nickname(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    if (k == 0 || k + 1 >= r->t.n || !(v[k].flags & TK_NAMEY) || !(v[k - 1].flags & TK_NAMEY) ||
        !(v[k + 1].flags & TK_CAP) || (v[k - 1].flags & TK_POSS) || (v[k].flags & TK_POSS))
        return false;
    size_t q = v[k - 1].end;
    if (q >= r->n || r->s[q] != ' ')
        return false;
    size_t ql = pm_open_quote(r->s, r->n, q + 1);
    if (!ql || q + 1 + ql != v[k].start)
        return false;
    size_t cl = pm_close_quote(r->s, r->n, v[k].end);
    return cl && v[k].end + cl + 1 == v[k + 1].start && r->s[v[k].end + cl] == ' ';
}

/* See people.h. */
void
er_mark_nicknames(struct ent_run *r)
{
    struct tok *v = r->t.v;
    for (size_t k = 1; k + 1 < r->t.n; k++) {
        if (!pm_nickname(r, k))
            continue;
        v[k].flags |= TK_NICK;
        v[k].flags &= (uint16_t)~TK_SENT;
        v[k + 1].flags &= (uint16_t)~TK_SENT;
        v[k].sep = ' ';
        v[k + 1].sep = ' ';
    }
}

/* Is token k the lower-case word w? */
static bool
pm_word(const struct ent_run *r, size_t k, const char *w)
{
    size_t l = strlen(w);
    return k < r->t.n && r->t.v[k].end - r->t.v[k].start == l &&
           memcmp(r->s + r->t.v[k].start, w, l) == 0;
}

/* The kind of the entity whose mention covers token k. */
static enum entity_kind
pm_kind_at(const struct ent_run *r, size_t k)
{
    uint32_t at = r->t.v[k].start;
    for (size_t m = r->nm; m > 0; m--) {
        const struct mention *mm = &r->m[m - 1];
        if (mm->start <= at && at < mm->end)
            return mm->ref < r->g->nents ? r->g->ents[mm->ref].kind
                                         : r->d[mm->ref - r->g->nents].kind;
    }
    return ENTITY_PERSON;
}

/* See people.h. */
bool
er_of_org_said(const struct ent_run *r, size_t b)
{
    const struct tok *v = r->t.v;
    size_t k = b + 1;
    if ((v[b].flags & TK_POSS) || !pm_word(r, k, "of") || v[k].sep != ' ')
        return false;
    k += 1 + pm_word(r, k + 1, "the");
    if (k >= r->t.n || r->covered[k] != 1 || pm_kind_at(r, k) != ENTITY_ORG)
        return false;
    while (k < r->t.n && r->covered[k] == 1 && !(v[k].flags & TK_POSS))
        k++;
    return k < r->t.n && v[k].sep == ' ' &&
           (er_in(r, &v[k], WL_SAID_AFTER) || er_is(r, &v[k], WL_GOV_AFTER));
}

/* Does "of" and a place found end at token j, a person's name (two tokens
 * at least) before it? */
static bool
pm_person_of_place(const struct ent_run *r, size_t j)
{
    size_t k = j;
    while (k > 0 && r->covered[k] == 1 && pm_kind_at(r, k) != ENTITY_ORG &&
           pm_kind_at(r, k) != ENTITY_PERSON)
        k--;
    return k + 1 <= j && k >= 2 && pm_word(r, k, "of") && r->covered[k - 1] == 2 &&
           r->covered[k - 2] == 2;
}

/* See people.h. */
bool
er_and_person_of(const struct ent_run *r, size_t a, size_t b)
{
    const struct tok *v = r->t.v;
    if (a >= 5 && pm_word(r, a - 1, "and") && v[a].sep == ' ' && pm_person_of_place(r, a - 2))
        return true;
    if (!pm_word(r, b + 1, "of"))
        return false;
    size_t k = b + 2;
    while (k < r->t.n && r->covered[k] == 1)
        k++;
    return k > b + 2 && k + 2 < r->t.n && pm_word(r, k, "and") && r->covered[k + 1] == 2 &&
           r->covered[k + 2] == 2;
}

/* See people.h. */
bool
er_named_before(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    if (i < 2 || v[i].sep != ' ')
        return false;
    const struct tok *p = &v[i - 1];
    size_t n = p->end - p->start;
    return n >= 6 && memcmp(r->s + p->end - 3, "ist", 3) == 0 &&
           ex_is_lower((unsigned char)r->s[p->start]) &&
           (pm_word(r, i - 2, "the") || pm_word(r, i - 2, "a") || pm_word(r, i - 2, "an"));
}

/* See people.h. */
bool
er_body_before(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    if (i == 0 || v[i].sep != ' ' || er_in(r, &v[i], WL_TITLES) || er_is(r, &v[i], WL_HONORIFIC))
        return false;
    if (pm_word(r, i - 1, "the"))
        return !er_is(r, &v[i], WL_GIVEN); /* "of the Bloc Québécois", "the Historic Pact
                                              said"; not "the David Blunkett affair" */
    return i >= 2 && pm_word(r, i - 1, "of") && v[i - 1].sep == ' ' && r->covered[i - 2] == 2;
}

/* See people.h. */
bool
er_of_name_said(const struct ent_run *r, size_t b)
{
    const struct tok *v = r->t.v;
    size_t k = b + 1;
    if ((v[b].flags & TK_POSS) || k >= r->t.n || !pm_word(r, k, "of") || v[k].sep != ' ')
        return false;
    k += 1 + pm_word(r, k + 1, "the");
    size_t first = k;
    while (k < r->t.n && k < first + 4 && (v[k].flags & TK_CAP) && !r->covered[k] &&
           (k == first || v[k].sep == ' ') && !(v[k].flags & TK_POSS))
        k++;
    return k > first && k < r->t.n && v[k].sep == ' ' && er_in(r, &v[k], WL_SAID_AFTER);
}

/* See people.h. */
bool
er_lower_elsewhere(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    size_t n = v[i].end - v[i].start;
    for (size_t k = 0; k < r->t.n; k++)
        if (k != i && v[k].end - v[k].start == n && !(v[k].flags & TK_CAP) &&
            ex_lower((unsigned char)r->s[v[i].start]) == (unsigned char)r->s[v[k].start] &&
            memcmp(r->s + v[i].start + 1, r->s + v[k].start + 1, n - 1) == 0)
            return true;
    return false;
}

/* See people.h. */
bool
er_clause_subject(const struct ent_run *r, size_t a, size_t b)
{
    const struct tok *v = r->t.v;
    if (a < 2 || v[a - 1].sep != ' ' || !(pm_word(r, a - 1, "said") || pm_word(r, a - 1, "says")))
        return false;
    return b + 1 < r->t.n && v[b + 1].sep == ' ' && !(v[b + 1].flags & TK_CAP) &&
           er_is(r, &v[b + 1], WL_GOV_AFTER) && !pm_word(r, b + 1, "and") &&
           !pm_word(r, b + 1, "or");
}

/* See people.h. */
bool
er_given_before_place(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    if (i == 0 || v[i].sep != ' ' || r->covered[i - 1] || !(v[i - 1].flags & TK_NAMEY) ||
        (v[i - 1].flags & TK_POSS) || !er_is(r, &v[i - 1], WL_GIVEN) ||
        er_is(r, &v[i - 1], WL_STOP) || er_in(r, &v[i - 1], WL_TITLES))
        return false;
    return i + 1 >= r->t.n || !er_joined(&v[i + 1]) || !(v[i + 1].flags & TK_CAP);
}

/* Is the run at token i what someone works at ("analysts at Peel Hunt",
 * "an economist at Capital Economics"): "at" after a job noun? */
bool
er_works_at(const struct ent_run *r, size_t i)
{
    static const char *const jobs[] = {"analyst", "analysts", "economist", "economists",
                                       "strategist", "strategists", "researcher", "researchers",
                                       "partner", "director", "executive", "head", "chief",
                                       "lawyer", "lawyers", "trader", "traders", "banker",
                                       "bankers", "manager", "managers", "broker", "brokers", NULL};
    const struct tok *v = r->t.v;
    if (i < 2 || !pm_word(r, i - 1, "at"))
        return false;
    size_t n = v[i - 2].end - v[i - 2].start;
    for (const char *const *j = jobs; *j; j++)
        if (strlen(*j) == n && ex_lower((unsigned char)r->s[v[i - 2].start]) == (unsigned char)**j &&
            memcmp(r->s + v[i - 2].start + 1, *j + 1, n - 1) == 0)
            return true; /* "Analysts at" opening a sentence too */
    return false;
}

/* Is the run [i, b] a brand or a shop: after "sales of" or "maker(s)
 * of" ("Sales of Johnnie Walker fell"), or a possessive with nothing
 * after it but punctuation ("which makes Jack Daniel's, also", "at
 * Sainsbury's.": a person's possessive goes on to what is theirs)? */
bool
er_product_cue(const struct ent_run *r, size_t i, size_t b)
{
    static const char *const heads[] = {"sales", "Sales", "maker", "makers", "Maker", "Makers",
                                        NULL};
    const struct tok *v = r->t.v;
    if (er_market_move(r, b))
        return true; /* "Walt Disney gained 3%": a company */
    if (v[b].flags & TK_POSS) {
        size_t p = v[b].end;
        while (p < r->n && r->s[p] && r->s[p] != ' ' && r->s[p] != '\n' &&
               !strchr(",.;:)!?", r->s[p]))
            p++; /* past the "'s" */
        if (p < r->n && r->s[p] && strchr(",.;:)!?", r->s[p]))
            return true;
    }
    if (i < 2 || !pm_word(r, i - 1, "of") || v[i].sep != ' ')
        return false;
    for (const char *const *h = heads; *h; h++)
        if (pm_word(r, i - 2, *h))
            return true;
    return false;
}

/* The person found whose name opens with the given name w (n bytes) and a
 * space ("Ian Cheshire-Dunn" for "Sir Ian"), when exactly one does, or
 * UINT32_MAX. */
uint32_t
er_first_name_of(const struct ent_run *r, const char *w, size_t n)
{
    uint32_t ref = UINT32_MAX;
    for (size_t d = 0; d < r->nd; d++) {
        const char *name = r->d[d].name;
        if (r->d[d].kind != ENTITY_PERSON || strncmp(name, w, n) != 0 || name[n] != ' ')
            continue;
        if (ref != UINT32_MAX)
            return UINT32_MAX; /* two of that name: which one is unsaid */
        ref = (uint32_t)(d + r->g->nents);
    }
    return ref;
}

/* The person found, of three words or more, whose second word from the
 * end is w (n bytes, a first surname where names carry two: "Piña" of
 * "Norma Lucía Piña Hernández"), when exactly one is, or UINT32_MAX. */
uint32_t
er_first_surname_of(const struct ent_run *r, const char *w, size_t n)
{
    uint32_t ref = UINT32_MAX;
    for (size_t d = 0; d < r->nd; d++) {
        const char *name = r->d[d].name, *last = strrchr(name, ' ');
        if (r->d[d].kind != ENTITY_PERSON || !last || last - name < (ptrdiff_t)n + 2)
            continue;
        const char *pen = last - n;
        if (pen[-1] != ' ' || memcmp(pen, w, n) != 0 || strchr(name, ' ') == pen - 1)
            continue; /* two words before the last: a given name, then the surnames */
        if (ref != UINT32_MAX)
            return UINT32_MAX;
        ref = (uint32_t)(d + r->g->nents);
    }
    return ref;
}
