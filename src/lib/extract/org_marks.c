/*
 * extract/org_marks.c — organisations whose names hold a mark no word list
 * has: two names joined by "&" before an organisation word ("Seven & i
 * Holdings", "Tiffany & Co"; a person's name never has one), a number before a
 * military unit's word ("its 7 Division", "the 3 Commando Brigade" is
 * extract/entities.c's), a number joined by a hyphen to a capitalised word
 * ("7-Eleven"), and a body named in apposition after another, "Frontex, the
 * European Border and Coast Guard Agency,": one organisation, not two; an
 * acronym after "known as" ("known as UNCTAD", "known as the CHMP");
 * and the checks extract/entities.c's name runs make of a league (a
 * competition's, a number after it) and of an event before "and".
 */
#include "config.h"

#include <string.h>

#include "lib.h"
#include "people.h"

/* Is " & " all that stands between token k and the next (the tokens
 * leave it out as a space)? */
static bool
om_amp(const struct ent_run *r, size_t k)
{
    return k + 1 < r->t.n && r->t.v[k + 1].start == r->t.v[k].end + 3 &&
           memcmp(r->s + r->t.v[k].end, " & ", 3) == 0;
}

/* Does a capitalised word follow token k, joined to it? */
static bool
om_cap_after(const struct ent_run *r, size_t k)
{
    return k + 1 < r->t.n && er_joined(&r->t.v[k + 1]) && (r->t.v[k + 1].flags & TK_CAP);
}

/* Is token k a capitalised word free of any entity (or "i" of "Seven & i"
 * before a capitalised word)? */
static bool
om_free_cap(const struct ent_run *r, size_t k, bool after_amp)
{
    const struct tok *v = r->t.v;
    if (k >= r->t.n || r->covered[k] || (v[k].flags & TK_CJK))
        return false;
    if (v[k].flags & TK_CAP)
        return !er_is(r, &v[k], WL_FUNCTION) && !er_is(r, &v[k], WL_PRONOUNS);
    return after_amp && v[k].end - v[k].start == 1 && k + 1 < r->t.n && (v[k + 1].flags & TK_CAP) &&
           er_is(r, &v[k + 1], WL_ORG_SUFFIX);
}

/* The name "X & Y" at token i ("X" and "Y" one word each, then the
 * organisation words joined after them): its last token, or SIZE_MAX. */
static size_t
om_amp_name(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    if (!om_amp(r, i) || !om_free_cap(r, i, false) || !om_free_cap(r, i + 1, true) ||
        (i > 0 && er_joined(&v[i]) && (v[i - 1].flags & TK_CAP) && !(v[i - 1].flags & TK_SENT)))
        return SIZE_MAX; /* not the end of a longer run: "Texas A & M" */
    if ((v[i].flags & TK_ALLCAPS) || (v[i + 1].flags & TK_ALLCAPS) || v[i].end - v[i].start < 2 ||
        (i + 1 < r->t.n && (v[i + 1].flags & TK_POSS)))
        return SIZE_MAX; /* "M & A", "R & D"; "Ben & Jerry's" is a brand */
    const struct tok *y = &v[i + 1];
    if (y->end >= r->n || r->s[y->end] == '\n' || r->s[y->end] == '<' ||
        (v[i].start >= 2 &&
         (r->s[v[i].start - 2] == '|' ||
          memcmp(r->s + v[i].start - (v[i].start >= 3 ? 3 : 0), "\xc2\xb7 ", 3) == 0)))
        return SIZE_MAX; /* a menu's "· Life & Style" at a line's end: furniture */
    size_t j = i + 1;
    while (j + 1 < r->t.n && er_joined(&v[j + 1]) && !r->covered[j + 1] &&
           (v[j + 1].flags & TK_CAP) && er_is(r, &v[j + 1], WL_ORG_SUFFIX) && j < i + 5)
        j++;
    /* "Seven & i Holdings", "Tiffany & Co"; a bare "X & Y" is a duo's, a film's or a
     * firm's as its cues say (extract/org_shapes.c) */
    return j > i + 1 ? j : SIZE_MAX;
}

/* Is token i a number of a military unit, after a determiner ("its 7
 * Division", "the 1 Armoured Division" is a run's)? */
static bool
om_unit_number(const struct ent_run *r, size_t i)
{
    static const char *const units[] = {"Division", "Brigade", "Regiment", "Battalion", "Squadron",
                                        "Corps",    "Fleet",   "Commando", NULL};
    static const char *const dets[] = {"its", "the", "their", "his", "her", "of", NULL};
    const struct tok *v = r->t.v;
    if (i == 0 || i + 1 >= r->t.n || !(v[i].flags & TK_NUM) || v[i].end - v[i].start > 2 ||
        v[i + 1].sep != ' ' || r->covered[i + 1] || om_cap_after(r, i + 1))
        return false;
    for (size_t p = v[i].start; p < v[i].end; p++)
        if (!ex_is_digit((unsigned char)r->s[p]))
            return false;
    bool unit = false, det = false;
    for (const char *const *w = units; *w && !unit; w++)
        unit = er_tok_is(r, i + 1, *w);
    for (const char *const *w = dets; *w && !det; w++)
        det = er_tok_is(r, i - 1, *w);
    return unit && det;
}

/* Does token i follow a word a company's name follows ("the owner of
 * 7-Eleven"; not "the line 15-Prata": a number of a line, a route)? */
static bool
om_before_name(const struct ent_run *r, size_t i)
{
    static const char *const before[] = {"of", "the", "at", "and", "by", "from", "with", NULL};
    for (const char *const *w = before; i > 0 && *w; w++)
        if (er_tok_is(r, i - 1, *w))
            return true;
    return false;
}

/* Is token i a number joined by a hyphen to a capitalised word of four
 * letters or more that ends the run ("7-Eleven"; not "3-Year" in a
 * headline: that word is written in lower case elsewhere or a stop word)? */
static bool
om_number_name(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    return (v[i].flags & TK_NUM) && v[i].end - v[i].start <= 2 && i + 1 < r->t.n &&
           v[i + 1].sep == '-' && (v[i + 1].flags & TK_NAMEY) && !r->covered[i + 1] &&
           v[i + 1].end - v[i + 1].start >= 4 && !er_is(r, &v[i + 1], WL_STOP) &&
           !er_lower_elsewhere(r, i + 1) && !om_cap_after(r, i + 1) &&
           !(i > 0 && v[i].sep == '-') && om_before_name(r, i);
}

/* The kind of the entity ref. */
static enum entity_kind
om_kind(const struct ent_run *r, uint32_t ref)
{
    return ref < r->g->nents ? r->g->ents[ref].kind : r->d[ref - r->g->nents].kind;
}

/* An acronym after "known as" (and "the") at token k: a name of the body
 * named right before ", known as" ("the UN Conference on Trade and
 * Development, known as UNCTAD,"), else a body of its own ("its committee
 * for medicines, known as the CHMP"); later uses are its mentions. */
static void
om_known_as(struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    if (k < 3 || r->covered[k] || !(v[k].flags & TK_ALLCAPS) || v[k].end - v[k].start < 3 ||
        om_cap_after(r, k) || (v[k - 1].flags & TK_ALLCAPS))
        return;
    size_t q = k - 1 - er_tok_is(r, k - 1, "the");
    if (q < 2 || !er_tok_is(r, q, "as") || !er_tok_is(r, q - 1, "known"))
        return;
    uint32_t ref = UINT32_MAX;
    size_t kn = q - 1;
    for (size_t m = r->nm; v[kn].sep == ',' && m > 0 && ref == UINT32_MAX; m--)
        if (r->m[m - 1].end == v[kn - 1].end && om_kind(r, r->m[m - 1].ref) == ENTITY_ORG)
            ref = r->m[m - 1].ref;
    static const char *const bodies[] = {"committee",  "agency", "group",    "council", "body",
                                         "panel",      "board",  "unit",     "office",  "authority",
                                         "commission", "court",  "tribunal", "bank",    NULL};
    bool body = false;
    for (size_t p = kn > 6 ? kn - 6 : 0; p < kn && !body; p++)
        for (const char *const *w = bodies; *w && !body; w++)
            body = er_tok_is(r, p, *w);
    if (ref == UINT32_MAX && !body)
        return; /* "the technology is known as DAB": a thing's name */
    if (ref == UINT32_MAX) {
        ref = er_org_span(r, k, k);
    } else {
        er_mention(r, v[k].start, v[k].end, ref);
        r->covered[k] = 1;
    }
    er_remember(r, k, ref);
}

/* See people.h. */
void
er_pass_marks(struct ent_run *r)
{
    for (size_t i = 0; i < r->t.n; i++) {
        om_known_as(r, i);
        size_t j = om_amp_name(r, i);
        if (j == SIZE_MAX && (om_unit_number(r, i) || om_number_name(r, i)))
            j = i + 1;
        if (j != SIZE_MAX) {
            uint32_t ref = er_org_span(r, i, j);
            (void)ref;
            i = j;
        }
    }
}

/* See people.h. */
void
er_link_appositions(struct ent_run *r)
{
    for (size_t m = 0; m + 1 < r->nm; m++) {
        struct mention *a = &r->m[m], *b = &r->m[m + 1];
        if (a->ref == b->ref || b->start < a->end + 6)
            continue;
        /* "Frontex, the European ... Agency," */
        if (memcmp(r->s + a->end, ", the ", 6) != 0 || b->start != a->end + 6)
            continue;
        if (om_kind(r, a->ref) != ENTITY_ORG || om_kind(r, b->ref) != ENTITY_ORG ||
            b->ref < r->g->nents || b->end >= r->n ||
            (r->s[b->end] != ',' && r->s[b->end] != '.') ||
            b->end - b->start < 2 * (a->end - a->start) ||
            memchr(r->s + b->start, ' ', b->end - b->start) == NULL)
            continue; /* a longer name, not a list's next item ("the EU, the IMF, ...") */
        const char *after = r->s + b->end + 2;
        if (r->s[b->end] == ',' &&
            (b->end + 6 >= r->n || strncmp(after, "the ", 4) == 0 ||
             strncmp(after, "and ", 4) == 0 || ex_is_upper((unsigned char)*after)))
            continue;
        bool once = true; /* the body named in apposition is named nowhere else */
        for (size_t q = 0; q < r->nm && once; q++)
            once = q == m + 1 || r->m[q].ref != b->ref;
        if (once)
            b->ref = a->ref;
    }
}

/* See people.h. */
bool
er_competition(const struct ent_run *r, size_t k)
{
    return er_tok_is(r, k, "League") && k > 0 &&
           (er_tok_is(r, k - 1, "Champions") || er_tok_is(r, k - 1, "Europa") ||
            er_tok_is(r, k - 1, "Nations") || er_tok_is(r, k - 1, "Conference"));
}

/* See people.h. */
bool
er_name_number(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    return er_tok_is(r, k, "League") && k + 1 < r->t.n && (v[k + 1].flags & TK_NUM) &&
           v[k + 1].sep == ' ' && v[k + 1].end - v[k + 1].start == 1 &&
           !(k + 2 < r->t.n && (v[k + 2].flags & TK_NUM) && v[k + 2].sep == '-');
}

/* See people.h. */
bool
er_event_word(const struct ent_run *r, size_t k)
{
    static const char *const events[] = {
        "Cup",    "Awards", "Prize",   "Games", "Championship", "Championships", "Open", "Festival",
        "Oscars", "Baftas", "Grammys", "Emmys", "Trophy",       "Olympics",      NULL};
    for (const char *const *w = events; *w; w++)
        if (er_tok_is(r, k, *w))
            return true;
    return false;
}

/* See people.h. */
bool
er_num_org(struct ent_run *r, size_t i)
{
    const struct tok *t = &r->t.v[i];
    size_t n = t->end - t->start;
    char key[48];
    bool cap = false;
    if (n >= sizeof key)
        return false;
    for (size_t p = 0; p < n; p++) {
        cap |= ex_is_upper((unsigned char)r->s[t->start + p]);
        key[p] = (char)ex_lower((unsigned char)r->s[t->start + p]);
    }
    const struct gz_slot *sl = cap ? gz_find(r->g, key, n, ds_hash64(key, n)) : NULL;
    for (int32_t a = sl ? sl->alias : -1; a >= 0; a = r->g->aliases[a].next) {
        const struct gz_alias *al = &r->g->aliases[a];
        if (r->g->ents[al->entity].kind != ENTITY_ORG ||
            (al->exact && (strlen(al->form) != n || memcmp(al->form, r->s + t->start, n) != 0)))
            continue;
        er_mention(r, t->start, t->end, al->entity);
        r->covered[i] = 1;
        return true;
    }
    return false;
}
