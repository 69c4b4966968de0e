/*
 * extract/people_places.c — a person's name against the words around it:
 * a place that is also a common first name opening a name ("Jordan
 * Henderson", "Sydney Sweeney"), a run followed by ", which" (a body's
 * relative pronoun, not a person's), a name after "by" where "by" follows
 * a word of making, owning, publishing or attacking ("made by Novo
 * Nordisk", "attacks by Boko Haram"), an Arabic surname with a capitalised
 * article ("Yazan Al-Naimat") and a lone name with one, a club's or a
 * channel's ("Al-Nassr"). Used by extract/people.c and people_shapes.c.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "lib.h"
#include "people.h"

static bool
pp_word(const struct ent_run *r, size_t k, const char *const *list)
{
    for (const char *const *w = list; *w; w++)
        if (er_tok_is(r, k, *w))
            return true;
    return false;
}

/* Places that are as often a first name (not "Florence" alone in
 * given.c's list: a capitalised run opened by one is a place's unless the
 * name shows otherwise). */
static const char *const place_names[] = {
    "Jordan",   "Sydney",   "Florence", "Paris",    "Austin",   "Dallas",    "Georgia",
    "Victoria", "Chelsea",  "Madison",  "Brooklyn", "Savannah", "Phoenix",   "Israel",
    "India",    "Kenya",    "Lincoln",  "Houston",  "Orlando",  "Denver",    "Carolina",
    "Virginia", "Adelaide", "Regina",   "Vienna",   "Siena",    "Sienna",    "Dakota",
    "Cheyenne", "Aspen",    "Devon",    "Chester",  "Milan",    "Jackson",   "Tyrone",
    "Kingston", "Shannon",  "Camden",   "Logan",    "Preston",  "Charlotte", "Alexandria",
    "Valencia", "Lourdes",  "Santiago", "Lorraine", "Salem",    "Sharon",    "Asia",
    "Africa",   "America",  "Montana",  "Nevada",   "Indiana",  "Arizona",   "Berlin",
    "Trinidad", NULL};

/* See people.h. */
bool
er_place_first_word(const struct ent_run *r, size_t k)
{
    size_t n = k < r->t.n ? r->t.v[k].end - r->t.v[k].start : 0;
    return n >= 4 && n <= 10 && (r->t.v[k].flags & TK_NAMEY) && pp_word(r, k, place_names);
}

/* Is token j's word the same as token k's? */
static bool
pp_same(const struct ent_run *r, size_t j, size_t k)
{
    const struct tok *a = &r->t.v[j], *b = &r->t.v[k];
    return a->end - a->start == b->end - b->start &&
           memcmp(r->s + a->start, r->s + b->start, a->end - a->start) == 0;
}

/* See people.h. */
bool
er_place_first(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    size_t s = k + 1;
    /* the cheap tests first: er_given_at asks this of every capitalised word */
    if (s >= r->t.n || v[s].sep != ' ' || !(v[k].flags & TK_NAMEY) || !(v[s].flags & TK_NAMEY) ||
        (v[s].flags & TK_ALLCAPS) || r->covered[s] || r->s[v[s].end - 1] == 's' ||
        v[s].end - v[s].start < 3 || !er_place_first_word(r, k) || er_is(r, &v[s], WL_STOP) ||
        er_is(r, &v[s], WL_GIVEN) || er_org_word_at(r, s) || er_is(r, &v[s], WL_ORG_SUFFIX) ||
        er_is(r, &v[s], WL_ORG_HEAD) || er_in(r, &v[s], WL_TITLES) ||
        (s + 1 < r->t.n && er_joined(&v[s + 1]) && (v[s + 1].flags & TK_CAP)))
        return false; /* "Jordan Valley", "Houston Rockets", "Paris Saint-Germain" */
    for (size_t j = 0; j < r->t.n; j++) {
        if (j == s || !pp_same(r, j, s) || (j > 0 && pp_same(r, j - 1, k)))
            continue;
        if (j + 1 < r->t.n && er_joined(&v[j + 1]) && (v[j + 1].flags & TK_CAP))
            continue; /* "Sweeney Todd" is no lone surname */
        return true;  /* "Jordan Henderson ... Henderson, 35, joined" */
    }
    return false;
}

/* See people.h. */
bool
er_which_after(const struct ent_run *r, size_t b)
{
    return b + 1 < r->t.n && r->t.v[b + 1].sep == ',' && er_tok_is(r, b + 1, "which");
}

/* See people.h. */
bool
er_by_maker(const struct ent_run *r, size_t a)
{
    /* not "run by", "owned by", "founded by": a person's as often */
    static const char *const made[] = {
        "made",     "published", "released", "issued", "manufactured", "distributed", "supplied",
        "marketed", "attacks",   "attack",   "raids",  "offer",        "bid",         "takeover",
        "compiled", "ranked",    NULL};
    static const char *const days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday",    NULL};
    if (a < 2 || !er_tok_is(r, a - 1, "by"))
        return false;
    size_t w = a - 2;
    if (w >= 2 && pp_word(r, w, days) && er_tok_is(r, w - 1, "on"))
        w -= 2; /* "published on Tuesday by" */
    const struct tok *t = &r->t.v[w];
    for (const char *const *m = made; *m; m++)
        if (strlen(*m) == t->end - t->start && strncasecmp(*m, r->s + t->start, strlen(*m)) == 0)
            return true; /* "Attacks by" opening a sentence too */
    return false;
}

/* See people.h. */
bool
er_al_surname(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    return k + 1 < r->t.n && r->t.v[k].end - r->t.v[k].start == 2 &&
           (er_tok_is(r, k, "Al") || er_tok_is(r, k, "El")) &&
           v[k + 1].sep == '-' && (v[k + 1].flags & TK_NAMEY) && (v[k + 1].flags & TK_CAP);
}
