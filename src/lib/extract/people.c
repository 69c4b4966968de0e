/*
 * extract/people.c — the people pass of the entity extractor: capitalised
 * runs of name-like tokens (with particles, "de la", "van", "al-", and a
 * suffix, "Jr.", "QC") with evidence (a title or role before, an
 * appositive role after, a reporting verb, a common given name, a CJK
 * rendering right after, or the surname alone with a reporting verb or an
 * honorific elsewhere), then titled lone names; every later mention is
 * found by extract/people_later.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "people.h"

static bool
er_namey(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    if (!(t->flags & TK_NAMEY) || (t->flags & TK_ALLCAPS))
        return false;
    if (t->end - t->start < 2 && !(t->end - t->start == 1))
        return false;
    if (er_is(r, t, WL_STOP) || er_in(r, t, WL_TITLES))
        return false;
    return true;
}

/* Is token k a middle initial ("W." of "George W. Bush")? */
static bool
er_initial(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    return t->end - t->start == 2 && ex_is_upper((unsigned char)r->s[t->start]) &&
           r->s[t->start + 1] == '.';
}

/* Is token k the lower-case part of a hyphenated given name ("chong" of
 * "Hyun-chong"): short, lower case, right after a hyphen and a name-like
 * token? */
static bool
er_name_tail(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start;
    return k > 0 && t->sep == '-' && n >= 2 && n <= 5 &&
           !(r->s[t->end - 2] == 'e' && r->s[t->end - 1] == 'd') && /* "Qaeda-linked" */
           ex_is_lower((unsigned char)r->s[t->start]) && (r->t.v[k - 1].flags & TK_NAMEY) &&
           !(r->t.v[k - 1].flags & TK_POSS);
}

/* Is token t exactly the word w? */
static bool
er_word(const struct ent_run *r, const struct tok *t, const char *w)
{
    size_t l = strlen(w);
    return t->end - t->start == l && memcmp(r->s + t->start, w, l) == 0;
}

/* Is token k a surname of one capital letter ("O" of "Rogelio Ramírez de
 * la O"), ending the run? */
static bool
er_last_letter(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    return v[k].end - v[k].start == 1 && ex_is_upper((unsigned char)r->s[v[k].start]) &&
           (k + 1 >= r->t.n || !er_joined(&v[k + 1]) || !(v[k + 1].flags & TK_CAP));
}

/* Is token k a lower-case particle inside a name ("de la" of "Rodrigo de
 * la Serna", "van", "bin", "al-"): one of the usual ones, after a
 * name-like token or another particle, and followed by a capitalised
 * token or one more particle? */
static bool
er_particle(const struct ent_run *r, size_t k)
{
    static const char *const particles[] = {"de", "del", "della", "di", "da", "dos", "das",
                                            "du", "la", "le", "van", "von", "der", "den",
                                            "ter", "ten", "zu", "af", "bin", "binti", "bint", "ibn",
                                            "al", "el", "wa", "arap", NULL};
    const struct tok *v = r->t.v;
    if (k == 0 || k + 1 >= r->t.n || v[k].end - v[k].start > 5 || !er_joined(&v[k]) ||
        !er_joined(&v[k + 1]) || !strchr("abdeilstvwz", r->s[v[k].start]))
        return false; /* every particle starts with one of these */
    bool listed = false;
    for (const char *const *p = particles; *p && !listed; p++)
        listed = er_word(r, &v[k], *p);
    if (!listed)
        return false;
    bool before = ((v[k - 1].flags & TK_NAMEY) && !(v[k - 1].flags & TK_POSS)) ||
                  er_initials(r, k - 1); /* "F.W. de Klerk" */
    if (!before && !(k >= 2 && ex_is_lower((unsigned char)r->s[v[k - 1].start]) &&
                     (v[k - 2].flags & TK_NAMEY) && er_joined(&v[k - 1])))
        return false; /* "de la": the first particle follows the name */
    if ((v[k + 1].flags & TK_NAMEY) || er_last_letter(r, k + 1))
        return true;
    return k + 2 < r->t.n && ex_is_lower((unsigned char)r->s[v[k + 1].start]) &&
           er_joined(&v[k + 2]) && ((v[k + 2].flags & TK_NAMEY) || er_last_letter(r, k + 2));
}

/* Is token k the second part of a double-barrelled surname ("Park" of
 * "Yoo-Park", "Eakin" of "Holtz-Eakin"): capitalised, right after a hyphen
 * and a name-like token? */
static bool
er_surname_hyphen(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    return k > 0 && v[k].sep == '-' && (v[k].flags & TK_CAP) && (v[k - 1].flags & TK_NAMEY) &&
           !(v[k - 1].flags & TK_POSS) && v[k - 1].end + 1 == v[k].start &&
           !er_in(r, &v[k], WL_TITLES) && !er_in(r, &v[k - 1], WL_TITLES); /* "Vice-Premier" */
}

/* Is token k a suffix after a name ("Jr", "Sr", "III", "QC")? */
static bool
er_suffix(const struct ent_run *r, size_t k)
{
    static const char *const suffixes[] = {"Jr", "Sr", "II", "III", "IV", "QC", "KC", NULL};
    for (const char *const *p = suffixes; *p; p++)
        if (er_word(r, &r->t.v[k], *p))
            return true;
    return false;
}

/* Does token k end in a word that names an institution ("Kreditbank",
 * "Asset Management")? */
static bool
er_org_word(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start;
    if (er_is(r, t, WL_ORG_SUFFIX))
        return true;
    static const char *const ends[] = {"bank", "management", "programme", NULL};
    for (const char *const *e = ends; *e; e++) {
        size_t l = strlen(*e), i = 0;
        while (i < l && n >= l &&
               ex_lower((unsigned char)r->s[t->end - l + i]) == (unsigned char)(*e)[i])
            i++;
        if (n >= l && i == l)
            return true;
    }
    return false;
}

/* See people.h. */
bool
er_org_word_at(const struct ent_run *r, size_t k)
{
    return er_org_word(r, k);
}

static bool
er_ends(const struct ent_run *r, size_t k, const char *suffix, size_t min_len)
{
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start, l = strlen(suffix);
    return n >= min_len && n > l && memcmp(r->s + t->end - l, suffix, l) == 0;
}

/* Is token k, first of a run of three or more, a word describing the
 * person who follows by its ending: a job or a follower ("Novelist",
 * "Blairite"), a national ("Corkman")? */
static bool
er_descriptor(const struct ent_run *r, size_t k)
{
    if (r->t.v[k].end - r->t.v[k].start > 3 && memcmp(r->s + r->t.v[k].start, "Abd", 3) == 0)
        return false; /* "Abdulrahman", "Abdurrahman": a name, not a "-man" */
    if (er_ends(r, k, "ist", 6) || er_ends(r, k, "ite", 7) || er_ends(r, k, "man", 7))
        return true;
    /* "Analyst", "Demographer", "Historian": not a given name ("Christopher",
     * "Julian") */
    /* "Commuter", "Shopkeeper" opening a sentence, where any word is
     * capitalised (not "Alexander", a given name) */
    bool agent = er_ends(r, k, "er", 8) && (r->t.v[k].flags & TK_SENT);
    return (er_ends(r, k, "yst", 7) || er_ends(r, k, "pher", 9) || er_ends(r, k, "ian", 8) ||
            agent) &&
           !er_is(r, &r->t.v[k], WL_GIVEN);
}

/* Does token k end like a plural or abstract common noun, never a name
 * ("Allegations", "Beliefs", "Ventures", "Societies", "Officers")? */
static bool
er_common_noun(const struct ent_run *r, size_t k)
{
    static const char *const ends[] = {"tions", "ments", "ities", "ieties", "iefs", "ures",
                                       "ances", "ences", "ships", NULL};
    for (const char *const *e = ends; *e; e++)
        if (er_ends(r, k, *e, strlen(*e) + 2))
            return true;
    /* the plural of a title: "Probation Officers", "Union Leaders" */
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start;
    if (n < 5 || n > 31 || r->s[t->end - 1] != 's')
        return false;
    char low[32];
    for (size_t i = 0; i + 1 < n; i++)
        low[i] = (char)ex_lower((unsigned char)r->s[t->start + i]);
    return (ent_words_bits(r->g->words, low, n - 1) >> WL_TITLES) & 1;
}

/* Is there a person's evidence right after token b: a reporting verb
 * ("said") or an appositive role (", a spokesman for")? */
static bool er_role_after(const struct ent_run *r, size_t b);

static bool
er_evidence_after(const struct ent_run *r, size_t b)
{
    const struct tok *v = r->t.v;
    size_t nt = r->t.n;
    if (b + 1 < nt && v[b + 1].sep == ' ' && !(v[b].flags & TK_POSS) &&
        er_in(r, &v[b + 1], WL_SAID_AFTER))
        return true;
    return er_role_after(r, b);
}

/* Is there an appositive role after token b (", a spokesman for")? */
static bool
er_role_after(const struct ent_run *r, size_t b)
{
    const struct tok *v = r->t.v;
    size_t nt = r->t.n;
    if (b + 1 < nt && v[b + 1].sep == ',' && r->s[v[b].end] == ',') {
        size_t f = b + 1; /* the apposition's first word, after an age ("X, 46, a nurse") */
        if (f + 1 < nt && (v[f].flags & TK_NUM) && v[f].end - v[f].start <= 3 &&
            r->s[v[f].end] == ',' && v[f + 1].sep == ',') {
            f++;
            if (f + 1 < nt && (er_word(r, &v[f], "a") || er_word(r, &v[f], "an")) &&
                v[f + 1].sep == ' ' && !(v[f + 1].flags & (TK_CAP | TK_NUM)))
                return true; /* an age and a job: "Aisha Rahman, 38, a postwoman" */
        }
        for (size_t k = f; k < nt && k < f + 7; k++) {
            if ((k > f && !er_joined(&v[k])) || er_word(r, &v[k], "which"))
                break;
            if (er_in(r, &v[k], WL_ROLES_AFTER) &&
                (!(v[k].flags & TK_CAP) || er_in(r, &v[k], WL_TITLES)))
                return true; /* not "Space Invaders, Pac-Man" */
        }
    }
    return false;
}

/* A country or place named right after a first name, with a person's
 * evidence after it ("Winston Jordan, a spokesman, said"), is that
 * person's surname: its gazetteer mention (at token k) is dropped so the
 * people pass sees the whole name. */
static void
er_unclaim(struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    for (size_t m = r->nm; m > 0; m--) {
        const struct mention *mm = &r->m[m - 1];
        if (mm->start != v[k].start || mm->end != v[k].end || mm->ref >= r->g->nents)
            continue;
        enum entity_kind kind = r->g->ents[mm->ref].kind;
        if (kind == ENTITY_COUNTRY || kind == ENTITY_PLACE) {
            r->m[m - 1] = r->m[--r->nm];
            r->covered[k] = 0;
        }
        break;
    }
}

/* ... and so is a place named by its own name right before a surname
 * with a role after a comma ("Santiago Bausili, head of the central
 * bank"): a first name. Not with "said" alone ("Scotland Yard said",
 * "Swiss Re said"), nor a people's name ("Australian"). */
static bool
er_place_given(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    if (!(k + 1 < r->t.n && r->covered[k] == 1 && !r->covered[k + 1] && v[k + 1].sep == ' ' &&
          (k == 0 || r->covered[k - 1] != 1) && (v[k].flags & TK_NAMEY) && er_namey(r, k + 1) &&
          !er_org_word(r, k + 1) && !er_is(r, &v[k + 1], WL_GIVEN) && er_role_after(r, k + 1)))
        return false;
    for (size_t m = r->nm; m > 0; m--) {
        const struct mention *mm = &r->m[m - 1];
        if (mm->start == v[k].start && mm->end == v[k].end && mm->ref < r->g->nents) {
            const char *name = r->g->ents[mm->ref].name;
            size_t n = v[k].end - v[k].start;
            return strlen(name) == n && memcmp(name, r->s + v[k].start, n) == 0;
        }
    }
    return false;
}

static void
er_unclaim_surnames(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    for (size_t k = 0; k < r->t.n; k++) {
        if (er_place_given(r, k) || (r->covered[k] == 1 && er_place_first(r, k))) {
            er_unclaim(r, k);
            continue;
        }
        if (k == 0 || r->covered[k] != 1 || r->covered[k - 1] || v[k].sep != ' ' ||
            (k + 1 < r->t.n && r->covered[k + 1] == 1) || !er_namey(r, k - 1) ||
            !(v[k].flags & TK_NAMEY) || !er_evidence_after(r, k))
            continue;
        er_unclaim(r, k);
    }
}

static void
er_set_key(struct ent_run *r, uint32_t ref, size_t a, size_t b)
{
    struct dyn *d = &r->d[ref - r->g->nents];
    if (d->key[0])
        return;
    const struct tok *v = r->t.v;
    const struct tok *k = &v[b];
    if (d->alt || (b > a && er_is(r, &v[a], WL_CN_SURNAMES)))
        k = &v[a];
    size_t n = k->end - k->start;
    if (n >= sizeof d->key || er_is(r, k, WL_PRONOUNS))
        return;
    memcpy(d->key, r->s + k->start, n);
    d->key[n] = '\0';
}

/* Is token k a common given name that is also a stop word ("Bill", a bill
 * in Parliament), followed by a name-like token: then it opens the name. */
static bool
er_given_stop(const struct ent_run *r, size_t k, size_t e)
{
    const struct tok *v = r->t.v;
    return k < e && er_is(r, &v[k], WL_GIVEN) && er_is(r, &v[k], WL_STOP) &&
           (v[k].flags & TK_NAMEY) && er_namey(r, k + 1) &&
           !er_ends(r, k + 1, "ing", 5); /* "Bill Allowing Strikes" */
}

/* Does token a open a name with a common given name? */
static bool
er_given_at(const struct ent_run *r, size_t a)
{
    return (er_is(r, &r->t.v[a], WL_GIVEN) && (r->t.v[a].flags & TK_NAMEY)) ||
           (!r->covered[a] && er_place_first(r, a)); /* "Jordan Henderson" unclaimed */
}

/* Is token k, a title or stop word ("King", "Law", "May"), a surname here:
 * the last of the run [a, e], one or two tokens after a common given name
 * at a (name-like words or an initial between), capitalised like a name,
 * and no function word, organisation word, weekday or word of a place
 * ("Victoria Street", "Simon Park")? */
static bool
er_word_surname(const struct ent_run *r, size_t a, size_t k, size_t e)
{
    static const char *const not_surnames[] = {
        "Street", "Road", "Avenue", "Park", "Square", "Hall", "Centre", "Center", "Bay",
        "Gulf", "Island", "Islands", "River", "Lake", "Mount", "Valley", "Station", "Port",
        "Court", "House", "City", "County", "Coast", "Airport", "Sea", "Ocean", "Area", "Zone",
        "Province", "Region", "State", "Day", "Week", "Year", "Cup", "League", "Games", "Act",
        "Plan", "Prize", "Award", "Awards", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "Today", "Now", NULL};
    const struct tok *v = r->t.v;
    if (k != e || k <= a || k > a + 2 || !(v[k].flags & TK_NAMEY) || !er_given_at(r, a) ||
        er_is(r, &v[k], WL_FUNCTION) || er_is(r, &v[k], WL_PRONOUNS) ||
        er_is(r, &v[k], WL_ORG_SUFFIX))
        return false;
    for (size_t j = a + 1; j < k; j++)
        if (!er_namey(r, j) && !er_initial(r, j))
            return false;
    for (const char *const *w = not_surnames; *w; w++)
        if (er_word(r, &v[k], *w))
            return false;
    return true;
}

/* How many tokens of [a, b] are not particles (nor a double-barrelled
 * surname's second part). */
static size_t
er_name_words(const struct ent_run *r, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t k = a; k <= b; k++)
        n += !er_particle(r, k) && !er_surname_hyphen(r, k) && !er_cap_particle(r, k) &&
             !(r->t.v[k].flags & TK_NICK);
    return n;
}

/* A capitalised run the people pass looks at: tokens [i, e], the name
 * inside it [a, b], what says it is a person, and a name in Chinese
 * characters right after it (alt, its span ending at span_end). */
struct er_cand {
    size_t i, e, a, b;
    size_t sfx; /* a suffix after the name ("Jr", "QC"), or 0 */
    bool titled, honorific;
    const char *alt_a;
    size_t alt_n, span_end;
};

/* What is decided after every capitalised run has been seen: titled
 * lone names ("Mr Blair"), lone names with a reporting verb ("Kluft
 * said"), and names of two or three words without evidence of their own
 * (later), which one of the two lone kinds can give them. */
struct er_singles {
    size_t *tok;
    size_t n;
    size_t *lone;
    size_t nlone;
    struct er_cand *later;
    size_t nlater;
};

/* Append x to the array *v of *n elements of size sz (grown at powers of
 * two). */
static void
er_push(void *vp, size_t *n, const void *x, size_t sz)
{
    char **v = vp;
    if ((*n & (*n - 1)) == 0)
        *v = xrealloc(*v, (*n ? *n * 2 : 4) * sz);
    memcpy(*v + *n * sz, x, sz);
    (*n)++;
}

/* The end of the capitalised run starting at token i, with the lower-case
 * parts of hyphenated given names ("Kim Hyun-chong"); at most 8 tokens. */
static size_t
er_run_end(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    size_t e = i;
    while (e + 1 < r->t.n && !r->covered[e + 1] && er_joined(&v[e + 1]) &&
           !(v[e].flags & TK_POSS) && e + 1 < i + 8 && r->s[v[e + 1].start - 1] != '&' &&
           !(v[e + 1].start >= 2 && r->s[v[e + 1].start - 2] == '&') && /* "Ernst & Young" */
           ((v[e + 1].flags & TK_CAP) || er_name_tail(r, e + 1) || er_particle(r, e + 1) ||
            er_elided(r, e + 1)))
        e++;
    while (e > i && er_particle(r, e))
        e--; /* a run never ends in a particle */
    return e;
}

/* Title evidence inside the run: the name starts after the last title or
 * stop word in it (c->a), c->titled and c->honorific say what it was. */
static void
er_title_in_run(const struct ent_run *r, struct er_cand *c)
{
    const struct tok *v = r->t.v;
    c->a = c->i;
    for (size_t k = c->i; k <= c->e; k++) {
        if (k > c->i && er_surname_hyphen(r, k))
            continue; /* "Yoo-Park": a surname's part, not a place word */
        if (k > c->i && k == c->a + 1 && er_is(r, &v[c->a], WL_CN_SURNAMES) &&
            !er_in(r, &v[k], WL_TITLES))
            continue; /* "Liu He": a surname then a short given name */
        if (c->titled && k == c->a && k < c->e && er_is(r, &v[k], WL_CN_SURNAMES) &&
            (v[k + 1].flags & TK_NAMEY))
            break; /* "Spokesperson He Yadong": He is a surname here */
        bool descr = k == c->i && c->e >= k + 2 && er_descriptor(r, k);
        if ((er_in(r, &v[k], WL_TITLES) || er_is(r, &v[k], WL_STOP) || descr) &&
            !(k == c->a && er_given_stop(r, k, c->e)) && /* "Bill Clinton" */
            !(k == c->a && c->e == k + 2 && er_person_shape(r, k, c->e)) && /* "Park Ji-won" */
            !er_word_surname(r, c->a, k, c->e)) {         /* "Mervyn King" */
            /* a title counts for the name right after it, not past a stop
             * word ("Congressman Expected To Be Indicted") */
            c->titled = er_in(r, &v[k], WL_TITLES) || descr;
            c->honorific = er_is(r, &v[k], WL_HONORIFIC);
            c->a = k + 1;
        }
    }
}

/* Title evidence just before the run: "top diplomat, Wang Yi", "Secretary
 * of Commerce Wilbur Ross", "Chancellor of the Exchequer Nigel Lawson". */
static void
er_title_before(const struct ent_run *r, struct er_cand *c)
{
    const struct tok *v = r->t.v;
    size_t i = c->i;
    if (c->titled || i == 0)
        return;
    const struct tok *p = &v[i - 1];
    bool kin = !(v[i].flags & TK_SENT) && (er_kin(r, p) || er_kin_of(r, i)); /* not "children. X" */
    if (er_in(r, p, WL_TITLES) || kin || er_named_before(r, i))
        c->titled = true; /* written in lower case or capitalised */
    if (er_is(r, p, WL_HONORIFIC) && (p->end - p->start <= 3 || er_word(r, p, "Prof")) &&
        p->end + 2 == v[i].start && r->s[p->end] == '.' && r->s[p->end + 1] == ' ' && c->a == i)
        c->titled = c->honorific = true; /* "Mr. Trump", "Sen. Cruz": an abbreviation's stop */
    size_t q = i - 1;
    if (q > 0 && v[q].end - v[q].start == 3 && memcmp(r->s + v[q].start, "the", 3) == 0)
        q--;
    bool of = v[q].end - v[q].start == 2 && memcmp(r->s + v[q].start, "of", 2) == 0;
    bool and = r->s[v[q].start] == '&' ||
               (v[q].end - v[q].start == 3 && memcmp(r->s + v[q].start, "and", 3) == 0);
    if (q > 0 && q < i && !and && er_is(r, &v[q], WL_CONNECTORS) &&
        er_in(r, &v[q - 1], WL_TITLES) &&
        !(of && c->a == i && c->e - c->a + 1 == 2)) {
        /* "Chancellor of the Exchequer Nigel Lawson", "best actor for Jamie
         * Foxx" (not "Tory and Lib Dem": two groups); but two words right after "chief executive of" are what
         * the office is of ("Marlow Foods") */
        c->titled = true;
        if (c->e - c->a + 1 == 3 && c->a == i)
            c->a++;
    }
}

/* Are tokens [a, b] a name: each name-like (a short given name after a
 * Chinese surname, a middle initial, a name tail), the last no
 * organisation word ("Helvetia Kreditbank said"), 1..3 of them? */
static bool
er_name_ok(const struct ent_run *r, size_t a, size_t b)
{
    const struct tok *v = r->t.v;
    bool cn = er_is(r, &v[a], WL_CN_SURNAMES);
    if (er_word(r, &v[a], "St") || er_org_lead(r, a) || er_place_compound(r, a, b) ||
        (b == a + 1 && er_al_surname(r, a)))
        return false; /* a saint's name is a place's or a firm's: "St Bernard";
                         "Banco Sabadell", "Grupo Security" are firms; "Al-Nassr"
                         alone is a club's, a channel's */
    for (size_t k = a; k <= b; k++)
        if (!er_namey(r, k) && !(cn && (v[k].flags & TK_NAMEY) && b > a &&
                                 v[k].end - v[k].start <= 3 && !er_in(r, &v[k], WL_TITLES)) &&
            !(k > a && k < b && (er_initial(r, k) || er_particle(r, k) || er_cap_particle(r, k))) &&
            !(k == a && b > a && er_initials(r, k)) &&
            !(k == a && b == a + 1 && er_initial(r, k) && v[b].end - v[b].start >= 4) &&
            !(k == a && b == a + 2 && er_initial(r, k) && er_initial(r, k + 1) &&
              v[b].end - v[b].start >= 4) &&
            !(k == b && k > a && er_particle(r, k - 1) && er_last_letter(r, k)) &&
            !(k > a + 1 && er_surname_hyphen(r, k)) && !(k == b && k > a && er_elided(r, k)) &&
            !(k > a && er_name_tail(r, k)) && !(k == a && er_given_stop(r, k, b)) &&
            !(k == a && b == a + 2 && v[b].sep == '-' && !er_is(r, &v[a], WL_FUNCTION) &&
              er_person_shape(r, a, b)) && /* "Park Chan-dae" */
            !er_word_surname(r, a, k, b))
            return false;
    static const char *const buildings[] = {"Palace", "Castle", "Cathedral", "Abbey", "Stadium",
                                            "Arena", "Museum", "Hotel", "Hospital", "Theatre",
                                            "Theater", "Gardens", "Tower", NULL};
    for (const char *const *w = buildings; *w; w++)
        if (b > a && er_word(r, &v[b], *w))
            return false; /* "Elysee Palace", "Villa Park Stadium" */
    size_t words = er_name_words(r, a, b);
    /* four words when the first is a given name: "José Luis Escrivá
     * Belmonte", "Luiz Inácio Lula da Silva" */
    bool particle = false; /* "Luiz Inácio Lula da Silva": long Iberian names */
    for (size_t k = a + 1; k < b && !particle; k++)
        particle = er_particle(r, k);
    return !er_org_word(r, b) && !er_org_lead(r, b) && /* "Novo Banco" */
           (words <= 3 ||
            (words == 4 && (er_is(r, &v[a], WL_GIVEN) || particle || er_person_shape(r, a, b)))) &&
           !(er_common_noun(r, b) && !(b > a && er_is(r, &v[a], WL_GIVEN))); /* "Bob Deans" */
}

/* Is the run [i, b] part of something else: a title opening with an
 * article ("La Boheme"), after "&" ("Lowe & Partners"), a photo credit
 * ("Photo: Ann Lowe/AP"),
 * or naming what the person after it works on ("Cold Harbour director Ann
 * Lowe": a lower-case role, then a capitalised name)? */
static bool
er_run_modifies(const struct ent_run *r, size_t i, size_t b)
{
    static const char *const articles[] = {"La", "Le", "Les", "El", "Los", "Las", "Il", NULL};
    const struct tok *v = r->t.v;
    for (const char *const *a = articles; *a; a++)
        if (v[i].end - v[i].start == strlen(*a) && memcmp(r->s + v[i].start, *a, strlen(*a)) == 0)
            return true; /* a title ("La Boheme"): a name has a given name first */
    size_t p = v[i].start;
    while (p > 0 && r->s[p - 1] == ' ')
        p--;
    if (p > 0 && r->s[p - 1] == '&')
        return true;
    if (v[b].end < r->n && r->s[v[b].end] == '/')
        return true; /* a credit, "Photo: Ann Lowe/AP": metadata, not a mention */
    static const char *const credits[] = {"Photo", "Photograph", "Picture", "Image", "Credit",
                                          NULL};
    if (p > 0 && r->s[p - 1] == ':' && i > 0)
        for (const char *const *c = credits; *c; c++)
            if (v[i - 1].end - v[i - 1].start == strlen(*c) &&
                memcmp(r->s + v[i - 1].start, *c, strlen(*c)) == 0)
                return true;
    return b + 2 < r->t.n && !(v[b].flags & TK_POSS) && v[b + 1].sep == ' ' &&
           v[b + 2].sep == ' ' &&
           ex_is_lower((unsigned char)r->s[v[b + 1].start]) && er_in(r, &v[b + 1], WL_TITLES) &&
           (v[b + 2].flags & TK_CAP);
}

/* Evidence other than a title that [a, b] is a person: the name in Chinese
 * characters after it (kept in c->alt_a), a common given name and a
 * surname, "said" after it, "said" or "told" before it, or a role after a
 * comma ("X, a spokesman"). */
static bool
er_evidence(const struct ent_run *r, struct er_cand *c)
{
    const struct tok *v = r->t.v;
    size_t nt = r->t.n, a = c->a, b = c->sfx ? c->sfx : c->b;
    bool ev = c->titled;
    c->span_end = v[b].end;
    if (!ev && er_which_after(r, c->b))
        return false; /* "Eli Lilly, which sells": a body */
    if (c->sfx && c->span_end < r->n && r->s[c->span_end] == '.' &&
        ex_is_lower((unsigned char)r->s[c->span_end - 1]))
        c->span_end++; /* "Jr." */
    if (b + 1 < nt && (v[b + 1].flags & TK_CJK) && v[b + 1].sep == ' ') {
        size_t cl = v[b + 1].end - v[b + 1].start;
        if (cl >= 6 && cl <= 12 && b > a) {
            c->alt_a = r->s + v[b + 1].start;
            c->alt_n = cl;
            c->span_end = v[b + 1].end;
            ev = true;
        }
    }
    if (!ev && b + 1 < nt && v[b + 1].sep == ' ' && !(v[b].flags & TK_POSS) &&
        er_in(r, &v[b + 1], WL_SAID_AFTER))
        ev = true;
    size_t words = er_name_words(r, a, c->b);
    if (!ev && (er_person_shape(r, a, c->b) || er_of_org_said(r, b)))
        ev = true; /* "Mohd Faiz bin Ismail", "Aengus Ó Snodaigh", "X of the Y Party said" */
    if (!ev && a == c->i && er_given_at(r, a) &&
        (words == 2 || (words == 3 && er_initial(r, a + 1))))
        ev = true; /* "Alexander Payne won": a common given name, then a surname */
    if (!ev && a == c->i && er_given_at(r, a) && words == 3 && c->b >= a + 2 &&
        er_namey(r, a + 1) && er_namey(r, c->b) && !er_is(r, &v[a + 1], WL_GIVEN))
        ev = true; /* "Luis Fernandez Ortuzar", "Cristina Fernández de Kirchner": a given
                      name and two surnames */
    if (!ev && a == c->i && er_given_at(r, a) && words == 4 && c->b == a + 3 &&
        er_is(r, &v[a + 1], WL_GIVEN) && er_namey(r, a + 2) && er_namey(r, a + 3) &&
        !er_is(r, &v[a + 2], WL_GIVEN) && !er_is(r, &v[a + 3], WL_GIVEN))
        ev = true; /* "Andrés Manuel López Obrador": two given names and two surnames */
    if (!ev && a > 0 && v[a].sep == ' ' && er_in(r, &v[a - 1], WL_SAID_BEFORE) &&
        !(v[a - 1].flags & TK_CAP) && !(c->b > a && er_clause_subject(r, a, b)) &&
        !er_by_maker(r, a)) /* not "made by Novo Nordisk" */
        ev = true;
    if (!ev && er_given_at(r, a) && c->b > a && er_of_name_said(r, b))
        ev = true; /* "Santiago Abascal of Vox said" */
    if (!ev && a > 1 && v[a].sep == ' ' && v[a - 1].end - v[a - 1].start == 2 &&
        memcmp(r->s + v[a - 1].start, "to", 2) == 0 && er_in(r, &v[a - 2], WL_SAID_BEFORE))
        ev = true;
    return ev || er_role_after(r, b);
}

/* The person found before whose name ends with name after a space (a
 * double-barrelled surname said alone: "Holtz-Eakin" of "Douglas
 * Holtz-Eakin"), or, for a name of two words or more, begins with it
 * before a space ("Sri Mulyani" of "Sri Mulyani Indrawati", "John Lee" of
 * "John Lee Ka-chiu"); UINT32_MAX when none. */
static uint32_t
er_known_tail(const struct ent_run *r, const char *name)
{
    size_t l = strlen(name);
    bool words = strchr(name, ' ') != NULL;
    for (size_t d = 0; d < r->nd; d++) {
        const char *n = r->d[d].name;
        size_t nl = strlen(n);
        if (r->d[d].kind != ENTITY_PERSON || nl <= l + 1)
            continue;
        if (n[nl - l - 1] == ' ' && memcmp(n + nl - l, name, l) == 0)
            return (uint32_t)(d + r->g->nents);
        if (words && n[l] == ' ' && memcmp(n, name, l) == 0)
            return (uint32_t)(d + r->g->nents);
    }
    return UINT32_MAX;
}

/* Record the person [c->a, c->b] (with its Chinese name) and cover it, or
 * a mention of the person whose surname it is. */
static void
er_add_person(struct ent_run *r, const struct er_cand *c)
{
    const struct tok *v = r->t.v;
    char *name = er_text(r, c->a, c->b);
    uint32_t known = er_known_tail(r, name);
    if (known != UINT32_MAX) { /* "Holtz-Eakin said" after "Douglas Holtz-Eakin" */
        free(name);
        er_mention(r, v[c->a].start, (uint32_t)c->span_end, known);
        for (size_t k = c->a; k <= (c->sfx ? c->sfx : c->b); k++)
            r->covered[k] = 2;
        return;
    }
    if (c->sfx) {
        const struct tok *t = &v[c->sfx];
        char *full = xasprintf("%s %.*s", name, (int)(c->span_end - t->start), r->s + t->start);
        free(name);
        name = full;
    }
    uint32_t ref = er_dyn(r, name, ENTITY_PERSON);
    free(name);
    struct dyn *d = &r->d[ref - r->g->nents];
    if (c->alt_a && !d->alt)
        d->alt = xstrndup(c->alt_a, c->alt_n);
    er_set_key(r, ref, c->a, c->b);
    er_mention(r, v[c->a].start, (uint32_t)c->span_end, ref);
    for (size_t k = c->a; k <= (c->sfx ? c->sfx : c->b); k++)
        r->covered[k] = 2;
    if (c->alt_a)
        r->covered[(c->sfx ? c->sfx : c->b) + 1] = 2;
}

/* Does token k end like an abstract noun, never a lone surname after a
 * title ("General Election", "Dr Citizenship")? */
static bool
er_abstract(const struct ent_run *r, size_t k)
{
    static const char *const ends[] = {"tion", "sion", "ness", "ism", "ship", "ity", NULL};
    for (const char *const *e = ends; *e; e++)
        if (er_ends(r, k, *e, strlen(*e) + 3))
            return true;
    return false;
}

/* A run too long for a name after a title ("President Pro Tem David
 * Long"): the name is its last two or three words when they open with a
 * common given name. */
static void
er_given_tail(const struct ent_run *r, struct er_cand *c)
{
    if (!c->titled || c->e < c->a + 2)
        return;
    for (size_t g = c->e - 1; g > c->a && g + 2 >= c->e; g--)
        if (er_given_at(r, g) && er_name_ok(r, g, c->e)) {
            c->a = g;
            return;
        }
}

/* A run without a person's evidence of its own, kept for the end: a lone
 * name with a reporting verb ("Kluft said"), or a name of two or three
 * words (which such a lone name, or a titled one, may confirm). */
static void
er_defer(struct er_singles *sg, const struct er_cand *c, bool ev)
{
    if (c->b == c->a && ev && !c->titled)
        er_push(&sg->lone, &sg->nlone, &c->a, sizeof c->a);
    else if (c->b > c->a && !ev)
        er_push(&sg->later, &sg->nlater, c, sizeof *c);
}

/* The capitalised run at token i: a person of two or three words with
 * evidence is recorded, one word after an honorific or office ("Mr
 * Blair", "President Trump"; never after a job noun, never an organisation
 * word or an abstract noun) is kept in singles, and so are runs waiting
 * for the evidence of a lone surname. Returns the token after the run. */
static size_t
er_person_at(struct ent_run *r, size_t i, struct er_singles *singles)
{
    const struct tok *v = r->t.v;
    struct er_cand c;
    memset(&c, 0, sizeof c);
    c.i = i;
    c.e = er_run_end(r, i);
    if (c.e > i && er_suffix(r, c.e))
        c.sfx = c.e--;
    er_title_in_run(r, &c);
    if (c.a > c.e)
        return (c.sfx ? c.sfx : c.e) + 1;
    er_title_before(r, &c);
    c.b = c.e;
    if (c.b >= c.a + 2 && er_initial(r, c.a) && !er_is(r, &v[c.a + 1], WL_STOP) &&
        !er_initial(r, c.a + 1))
        c.a++; /* "W. Douglas Parker": the name is what follows the first initial;
                  not "C. S. Venkatakrishnan", two initials and a surname */
    bool name = er_name_ok(r, c.a, c.b);
    if (!name) {
        size_t a = c.a;
        er_given_tail(r, &c);
        name = c.a != a; /* the tail found is a name */
    }
    if (!name || er_run_modifies(r, c.i, c.b) || (!c.titled && er_body_before(r, c.i)))
        return (c.sfx ? c.sfx : c.e) + 1;
    if (!c.titled && (er_works_at(r, c.i) || er_product_cue(r, c.i, c.b)))
        return (c.sfx ? c.sfx : c.e) + 1; /* "analysts at Peel Hunt": a firm;
                                              "sales of Johnnie Walker": a brand */
    size_t len = c.b - c.a + 1;
    bool ev = er_evidence(r, &c);
    if (!ev || (len == 1 && !c.titled)) {
        er_defer(singles, &c, ev);
        return (c.sfx ? c.sfx : c.e) + 1; /* a lone surname is decided after discovery */
    }
    if (len > 1) {
        er_add_person(r, &c);
    } else if (c.honorific && !er_is(r, &v[c.a], WL_ORG_SUFFIX) &&
               !er_is(r, &v[c.a], WL_ORG_HEAD) && !er_abstract(r, c.a)) {
        er_push(&singles->tok, &singles->n, &c.a, sizeof c.a);
    }
    return (c.sfx ? c.sfx : c.e) + 1;
}

/* Is token k's word the same as token j's? */
static bool
er_same_word(const struct ent_run *r, size_t k, size_t j)
{
    const struct tok *v = r->t.v;
    size_t n = v[k].end - v[k].start;
    return n == v[j].end - v[j].start && memcmp(r->s + v[k].start, r->s + v[j].start, n) == 0;
}

/* Is the line holding token k written in title case: at least four words
 * of four letters or more, nearly all capitalised? */
static bool
er_title_case_line(const struct ent_run *r, size_t k)
{
    const struct tok *v = r->t.v;
    size_t a = k, b = k;
    while (a > 0 && v[a].sep != '\n')
        a--;
    while (b + 1 < r->t.n && v[b + 1].sep != '\n')
        b++;
    size_t caps = 0, words = 0;
    for (size_t j = a; j <= b; j++) {
        if (v[j].end - v[j].start < 4 || (v[j].flags & TK_NUM))
            continue;
        words++;
        caps += (v[j].flags & TK_CAP) != 0;
    }
    return words >= 4 && caps * 10 >= words * 9;
}

/* Is the run [c->a + 1, c->b] the whole name of a person found, a
 * double-barrelled surname ("Okonjo-Iweala, the head of the
 * WTO" before "Ngozi Okonjo-Iweala was born")? Then c->a is its given name. */
static bool
er_tail_found(struct ent_run *r, const struct er_cand *c)
{
    if (c->b <= c->a + 1)
        return false;
    bool spaced = false;
    for (size_t k = c->a + 2; k <= c->b; k++)
        spaced = spaced || r->t.v[k].sep != '-';
    if (spaced && (!er_given_at(r, c->a) || r->t.v[c->a + 1].sep != ' '))
        return false; /* "Meet Melania Trump" opening a headline; but "named Víctor
                         Rodríguez Padilla" after "Rodríguez Padilla, who" is the whole name */
    char *tail = er_text(r, c->a + 1, c->b);
    bool found = er_find(r, tail, ENTITY_PERSON) != UINT32_MAX;
    free(tail);
    return found;
}

/* Is the run c joined by "and" to a person found, of two words or more
 * ("Virat Kohli and Shubman Gill added 96", "Femke Bol and Karsten
 * Warholm won")? Two names side by side, one a person's, name two
 * people. */
static bool
er_and_person(const struct ent_run *r, const struct er_cand *c)
{
    const struct tok *v = r->t.v;
    size_t b = c->sfx ? c->sfx : c->b;
    if (c->a > 0 && (er_word(r, &v[c->a - 1], "the") || er_word(r, &v[c->a - 1], "The") ||
                     (v[c->a - 1].flags & TK_POSS) || r->s[v[c->a].start - 2] == '\''))
        return false; /* a work's or a band's name: "the Black Eyed Peas", "Stones' Emotional
                         Rescue" */
    if (r->s[v[c->a].end - 1] == 's' && !er_given_at(r, c->a))
        return false; /* "Justices Kennedy and Samuel A. Alito Jr." */
    if (b + 3 < r->t.n && er_word(r, &v[b + 1], "and") && v[b + 1].sep == ' ' &&
        r->covered[b + 2] == 2 && r->covered[b + 3] == 2 && er_joined(&v[b + 3]))
        return true;
    if (c->a >= 2 && b + 2 < r->t.n && v[c->a].sep == ',' && r->covered[c->a - 1] == 2 &&
        r->covered[c->a - 2] == 2 && er_joined(&v[c->a - 1]) && v[b + 1].sep == ',' &&
        r->covered[b + 1] == 2 && r->covered[b + 2] == 2 && er_joined(&v[b + 2]))
        return true; /* "Daniel Whitcombe, Priya Raman, Colin Marsh and ...": a name
                        between two people's names in a list */
    return (c->a >= 3 && er_word(r, &v[c->a - 1], "and") && v[c->a].sep == ' ' &&
            r->covered[c->a - 2] == 2 && r->covered[c->a - 3] == 2 && er_joined(&v[c->a - 2])) ||
           er_and_person_of(r, c->a, b);
}

/* Names kept without evidence whose surname is, elsewhere in the text, a
 * lone name with a reporting verb or after an honorific ("Carolina Kluft
 * ... Kluft said"): persons. A first word that opens a sentence or is a
 * plural noun, and no given name, is no part of the name ("Broadcaster
 * Chris Evans"), and no name is left when one word would remain ("Vote
 * Blair"); a surname is three letters or more ("Munich Re"), not
 * hyphened to the word before ("the Romney-Ryan ad"), and not in a line
 * in title case (a headline's "to Ask Sestak"). Also confirmed: a run whose end is a
 * person found, or joined by "and" to a person (er_and_person). */
static void
er_confirm(struct ent_run *r, const struct er_singles *sg, const struct er_cand *c)
{
    bool free_run = true;
    for (size_t k = c->a; k <= (c->sfx ? c->sfx : c->b); k++)
        free_run = free_run && !r->covered[k];
    if (!free_run)
        return;
    const struct tok *v = r->t.v;
    if (er_tail_found(r, c) && !er_title_case_line(r, c->a)) {
        er_add_person(r, c); /* "Ngozi Okonjo-Iweala" after "Okonjo-Iweala" */
        return;
    }
    struct er_cand n = *c;
    bool doubt = ((v[n.a].flags & TK_SENT) || er_common_noun(r, n.a)) && !er_given_at(r, n.a);
    if (doubt && n.b - n.a >= 2)
        n.a++; /* "Broadcaster Chris Evans", "Sprinters Kostas Kenteris" */
    if (er_and_person(r, &n) && !er_title_case_line(r, n.a)) {
        er_add_person(r, &n);
        return;
    }
    if (doubt && n.a == c->a)
        return; /* "Vote Blair" opening a headline, "Justices Kennedy" */
    if (v[n.b].end - v[n.b].start < 3 || v[n.b].sep != ' ' || er_title_case_line(r, n.a))
        return; /* "Munich Re", "the Romney-Ryan ad", a headline's "to Ask Sestak" */
    bool seen = false;
    for (size_t j = 0; j < sg->nlone && !seen; j++)
        seen = er_same_word(r, n.b, sg->lone[j]);
    for (size_t j = 0; j < sg->n && !seen; j++)
        seen = er_same_word(r, n.b, sg->tok[j]);
    if (seen)
        er_add_person(r, &n);
}

/* Deferred runs confirmed: by their surname alone with a reporting verb
 * or an honorific elsewhere, by a person found whose name is their end,
 * or by "and" next to a person (confirmed in turn: a few rounds, for
 * "A and B" where B is confirmed after A is looked at). */
static void
er_add_confirmed(struct ent_run *r, const struct er_singles *sg)
{
    for (int round = 0; round < 3; round++) {
        size_t nm = r->nm;
        for (size_t d = 0; d < sg->nlater; d++)
            er_confirm(r, sg, &sg->later[d]);
        if (r->nm == nm)
            break;
    }
}

/* Titled lone names ("President Trump", "Mr Blair"): the full name whose
 * key they are when one was found, else a person of one word. */
static void
er_add_singles(struct ent_run *r, const struct er_singles *singles)
{
    const struct tok *v = r->t.v;
    for (size_t s = 0; s < singles->n; s++) {
        size_t k = singles->tok[s];
        if (r->covered[k])
            continue;
        uint32_t ref = UINT32_MAX;
        size_t l = v[k].end - v[k].start;
        for (size_t d = 0; d < r->nd; d++) {
            if (r->d[d].kind != ENTITY_PERSON || !r->d[d].key[0])
                continue;
            if (strlen(r->d[d].key) == l && memcmp(r->d[d].key, r->s + v[k].start, l) == 0)
                ref = (uint32_t)(d + r->g->nents);
        }
        if (ref == UINT32_MAX)
            ref = er_first_surname_of(r, r->s + v[k].start, l); /* "Justice Piña" of
                                                                    "Norma Lucía Piña
                                                                    Hernández" */
        if (ref == UINT32_MAX &&
            (er_is(r, &v[k], WL_GIVEN) ||
             (k > 0 && (er_word(r, &v[k - 1], "Sir") || er_word(r, &v[k - 1], "Dame")))))
            ref = er_first_name_of(r, r->s + v[k].start, l); /* "Sir Ian", "Sir Menzies":
                                                                 a knight's given name; not
                                                                 "Mr Howard" of "Howard
                                                                 Flight" */
        if (ref == UINT32_MAX) {
            char *name = er_text(r, k, k);
            ref = er_dyn(r, name, ENTITY_PERSON);
            free(name);
            struct dyn *d = &r->d[ref - r->g->nents];
            if (l < sizeof d->key && !d->key[0]) {
                memcpy(d->key, r->s + v[k].start, l);
                d->key[l] = '\0';
            }
        }
        er_mention(r, v[k].start, v[k].end, ref);
        r->covered[k] = 2;
    }
}

/* People: capitalised runs of name-like tokens with evidence, then titled
 * lone names, then later mentions. */
void
er_pass_people(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    struct er_singles singles = {NULL, 0, NULL, 0, NULL, 0};
    er_mark_nicknames(r);
    er_unclaim_surnames(r);
    for (size_t i = 0; i < r->t.n;) {
        if (r->covered[i] || !(v[i].flags & TK_CAP) || (v[i].flags & TK_CJK))
            i++;
        else
            i = er_person_at(r, i, &singles);
    }
    er_add_confirmed(r, &singles);
    er_add_singles(r, &singles);
    free(singles.tok);
    free(singles.lone);
    free(singles.later);
    /* Later mentions: full names without evidence, and lone surnames. */
    er_pass_later(r);
}
