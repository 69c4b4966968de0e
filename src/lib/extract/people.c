/*
 * extract/people.c — the people pass of the entity extractor: capitalised
 * runs of name-like tokens with evidence (a title or role before, an
 * appositive role after, a reporting verb, a CJK rendering right after),
 * then every later full-name mention and every lone surname that belongs to
 * a person found.
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

/* Does token k end in a word that names an institution ("Kreditbank",
 * "Asset Management")? */
static bool
er_org_word(const struct ent_run *r, size_t k)
{
    const struct tok *t = &r->t.v[k];
    size_t n = t->end - t->start;
    if (er_is(r, t, WL_ORG_SUFFIX))
        return true;
    static const char *const ends[] = {"bank", "management", NULL};
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
    return er_ends(r, k, "ist", 6) || er_ends(r, k, "ite", 7) || er_ends(r, k, "man", 7);
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
static bool
er_evidence_after(const struct ent_run *r, size_t b)
{
    const struct tok *v = r->t.v;
    size_t nt = r->t.n;
    if (b + 1 < nt && v[b + 1].sep == ' ' && !(v[b].flags & TK_POSS) &&
        er_in(r, &v[b + 1], WL_SAID_AFTER))
        return true;
    if (b + 1 < nt && v[b + 1].sep == ',' && r->s[v[b].end] == ',') {
        for (size_t k = b + 1; k < nt && k < b + 8; k++) {
            if (k > b + 1 && !er_joined(&v[k]))
                break;
            if (er_in(r, &v[k], WL_ROLES_AFTER))
                return true;
        }
    }
    return false;
}

/* A country or place named right after a first name, with a person's
 * evidence after it ("Winston Jordan, a spokesman, said"), is that
 * person's surname: its gazetteer mention is dropped so the people pass
 * sees the whole name. */
static void
er_unclaim_surnames(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    for (size_t k = 1; k < r->t.n; k++) {
        if (r->covered[k] != 1 || r->covered[k - 1] || v[k].sep != ' ' ||
            (k + 1 < r->t.n && r->covered[k + 1] == 1) || !er_namey(r, k - 1) ||
            !(v[k].flags & TK_NAMEY) || !er_evidence_after(r, k))
            continue;
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

static void er_pass_later(struct ent_run *r);

/* A capitalised run the people pass looks at: tokens [i, e], the name
 * inside it [a, b], what says it is a person, and a name in Chinese
 * characters right after it (alt, its span ending at span_end). */
struct er_cand {
    size_t i, e, a, b;
    bool titled, honorific;
    const char *alt_a;
    size_t alt_n, span_end;
};

/* Titled lone names ("Mr Blair"), decided after every full name is found. */
struct er_singles {
    size_t *tok;
    size_t n;
};

/* The end of the capitalised run starting at token i, with the lower-case
 * parts of hyphenated given names ("Kim Hyun-chong"); at most 8 tokens. */
static size_t
er_run_end(const struct ent_run *r, size_t i)
{
    const struct tok *v = r->t.v;
    size_t e = i;
    while (e + 1 < r->t.n && !r->covered[e + 1] && er_joined(&v[e + 1]) &&
           !(v[e].flags & TK_POSS) && e + 1 < i + 8 &&
           ((v[e + 1].flags & TK_CAP) || er_name_tail(r, e + 1)))
        e++;
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
        if (k > c->i && k == c->a + 1 && er_is(r, &v[c->a], WL_CN_SURNAMES) &&
            !er_in(r, &v[k], WL_TITLES))
            continue; /* "Liu He": a surname then a short given name */
        if (c->titled && k == c->a && k < c->e && er_is(r, &v[k], WL_CN_SURNAMES) &&
            (v[k + 1].flags & TK_NAMEY))
            break; /* "Spokesperson He Yadong": He is a surname here */
        bool descr = k == c->i && c->e >= k + 2 && er_descriptor(r, k);
        if (er_in(r, &v[k], WL_TITLES) || er_is(r, &v[k], WL_STOP) || descr) {
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
    if (er_in(r, p, WL_TITLES))
        c->titled = true; /* written in lower case or capitalised */
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
    for (size_t k = a; k <= b; k++)
        if (!er_namey(r, k) && !(cn && (v[k].flags & TK_NAMEY) && b > a &&
                                 v[k].end - v[k].start <= 3 && !er_in(r, &v[k], WL_TITLES)) &&
            !(k > a && k < b && er_initial(r, k)) && !(k > a && er_name_tail(r, k)))
            return false;
    return !er_org_word(r, b) && b - a + 1 <= 3 &&
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
    size_t nt = r->t.n, a = c->a, b = c->b;
    bool ev = c->titled;
    c->span_end = v[b].end;
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
    if (!ev && a == c->i && er_is(r, &v[a], WL_GIVEN) &&
        (b == a + 1 || (b == a + 2 && er_initial(r, a + 1))))
        ev = true; /* "Alexander Payne won": a common given name, then a surname */
    if (!ev && a > 0 && v[a].sep == ' ' && er_in(r, &v[a - 1], WL_SAID_BEFORE) &&
        !(v[a - 1].flags & TK_CAP))
        ev = true;
    if (!ev && a > 1 && v[a].sep == ' ' && v[a - 1].end - v[a - 1].start == 2 &&
        memcmp(r->s + v[a - 1].start, "to", 2) == 0 && er_in(r, &v[a - 2], WL_SAID_BEFORE))
        ev = true;
    if (!ev && b + 1 < nt && v[b + 1].sep == ',' && r->s[v[b].end] == ',') {
        for (size_t k = b + 1; k < nt && k < b + 8; k++) {
            if (k > b + 1 && !er_joined(&v[k]))
                break;
            if (er_in(r, &v[k], WL_ROLES_AFTER))
                return true;
        }
    }
    return ev;
}

/* Record the person [c->a, c->b] (with its Chinese name) and cover it. */
static void
er_add_person(struct ent_run *r, const struct er_cand *c)
{
    const struct tok *v = r->t.v;
    char *name = er_text(r, c->a, c->b);
    uint32_t ref = er_dyn(r, name, ENTITY_PERSON);
    free(name);
    struct dyn *d = &r->d[ref - r->g->nents];
    if (c->alt_a && !d->alt)
        d->alt = xstrndup(c->alt_a, c->alt_n);
    er_set_key(r, ref, c->a, c->b);
    er_mention(r, v[c->a].start, (uint32_t)c->span_end, ref);
    for (size_t k = c->a; k <= c->b; k++)
        r->covered[k] = 2;
    if (c->alt_a)
        r->covered[c->b + 1] = 2;
}

/* The capitalised run at token i: a person of two or three words with
 * evidence is recorded, one word after an honorific or office ("Mr
 * Blair", "President Trump"; never after a job noun, never an organisation
 * word) is kept in singles. Returns the token after the run. */
static size_t
er_person_at(struct ent_run *r, size_t i, struct er_singles *singles)
{
    const struct tok *v = r->t.v;
    struct er_cand c;
    memset(&c, 0, sizeof c);
    c.i = i;
    c.e = er_run_end(r, i);
    er_title_in_run(r, &c);
    if (c.a > c.e)
        return c.e + 1;
    er_title_before(r, &c);
    c.b = c.e;
    if (!er_name_ok(r, c.a, c.b) || er_run_modifies(r, c.i, c.b))
        return c.e + 1;
    size_t len = c.b - c.a + 1;
    if (!er_evidence(r, &c) || (len == 1 && !c.titled))
        return c.e + 1; /* a lone surname is decided after discovery */
    if (len > 1) {
        er_add_person(r, &c);
    } else if (c.honorific && !er_is(r, &v[c.a], WL_ORG_SUFFIX) &&
               !er_is(r, &v[c.a], WL_ORG_HEAD)) {
        if ((singles->n & (singles->n - 1)) == 0) /* grow at powers of two */
            singles->tok =
                xrealloc(singles->tok, (singles->n ? singles->n * 2 : 4) * sizeof *singles->tok);
        singles->tok[singles->n++] = c.a;
    }
    return c.e + 1;
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
    struct er_singles singles = {NULL, 0};
    er_unclaim_surnames(r);
    for (size_t i = 0; i < r->t.n;) {
        if (r->covered[i] || !(v[i].flags & TK_CAP) || (v[i].flags & TK_CJK))
            i++;
        else
            i = er_person_at(r, i, &singles);
    }
    er_add_singles(r, &singles);
    free(singles.tok);
    /* Later mentions: full names without evidence, and lone surnames. */
    er_pass_later(r);
}

/* A small map from a word (borrowed bytes) to an int32, for the later-mention
 * pass: words that start a person's name or are their key, and for each key
 * the person mentioned last. */
struct smap {
    const char **k;
    uint32_t *kl;
    int32_t *v;
    size_t mask, n;
};

static void
smap_init(struct smap *m, size_t want)
{
    size_t cap = 16;
    while (cap < want * 2 + 2)
        cap *= 2;
    m->k = xcalloc(cap, sizeof *m->k);
    m->kl = xcalloc(cap, sizeof *m->kl);
    m->v = xcalloc(cap, sizeof *m->v);
    m->mask = cap - 1;
    m->n = 0;
}

static void
smap_free(struct smap *m)
{
    free(m->k);
    free(m->kl);
    free(m->v);
}

/* The slot for w (found, or empty where it would go). */
static size_t
smap_slot(const struct smap *m, const char *w, size_t n)
{
    size_t j = ds_hash64(w, n) & m->mask;
    while (m->k[j] && !(m->kl[j] == n && memcmp(m->k[j], w, n) == 0))
        j = (j + 1) & m->mask;
    return j;
}

static void
smap_put(struct smap *m, const char *w, size_t n, int32_t v)
{
    size_t j = smap_slot(m, w, n);
    if (!m->k[j]) {
        m->k[j] = w;
        m->kl[j] = (uint32_t)n;
        m->n++;
    }
    m->v[j] = v;
}

static bool
smap_get(const struct smap *m, const char *w, size_t n, int32_t *v)
{
    size_t j = smap_slot(m, w, n);
    if (!m->k[j])
        return false;
    *v = m->v[j];
    return true;
}

struct pmention {
    uint32_t start;
    uint32_t ref;
};

static int
er_pm_cmp(const void *pa, const void *pb)
{
    const struct pmention *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Is dyn d a person a lone surname can refer to? (A one-word person exists
 * only when no full name has that surname.) */
static bool
er_full_person(const struct dyn *d)
{
    return d->kind == ENTITY_PERSON && d->key[0];
}

/* The later-mention pass's state: the words that may start a mention
 * (cand), the person each key was last mentioned as (latest), the
 * full-name person mentions found so far by position (pm) and how many of
 * them lie before the current token (sp). */
struct er_later {
    struct smap cand, latest;
    struct pmention *pm;
    size_t npm, sp;
};

/* Fill lt from the people found so far (npeople of them). */
static void
er_later_init(const struct ent_run *r, size_t npeople, struct er_later *lt)
{
    smap_init(&lt->cand, npeople * 2);
    smap_init(&lt->latest, npeople);
    for (size_t d = 0; d < r->nd; d++) {
        const struct dyn *dy = &r->d[d];
        if (dy->kind != ENTITY_PERSON)
            continue;
        size_t fl = strcspn(dy->name, " -");
        smap_put(&lt->cand, dy->name, fl, 1);
        if (dy->key[0])
            smap_put(&lt->cand, dy->key, strlen(dy->key), 1);
    }
    lt->pm = NULL;
    lt->npm = lt->sp = 0;
    for (size_t m = 0; m < r->nm; m++) {
        uint32_t ref = r->m[m].ref;
        if (ref < r->g->nents || !er_full_person(&r->d[ref - r->g->nents]))
            continue;
        if (!lt->pm)
            lt->pm = xmalloc(r->nm * sizeof *lt->pm);
        lt->pm[lt->npm].start = r->m[m].start;
        lt->pm[lt->npm].ref = ref;
        lt->npm++;
    }
    if (lt->npm > 1)
        qsort(lt->pm, lt->npm, sizeof *lt->pm, er_pm_cmp);
}

/* A full name without evidence over 2-3 tokens from token i, already known
 * as a person: recorded, and true. */
static bool
er_later_full(struct ent_run *r, size_t i, struct er_later *lt)
{
    const struct tok *v = r->t.v;
    for (size_t len = 3; len >= 2; len--) {
        if (i + len > r->t.n)
            continue;
        bool joined = true;
        for (size_t k = i + 1; k < i + len; k++)
            if (r->covered[k] || v[k].sep != ' ' || (v[k - 1].flags & TK_POSS))
                joined = false;
        if (!joined)
            continue;
        char *name = er_text(r, i, i + len - 1);
        uint32_t ref = er_find(r, name, ENTITY_PERSON);
        free(name);
        if (ref == UINT32_MAX)
            continue;
        er_mention(r, v[i].start, v[i + len - 1].end, ref);
        for (size_t k = i; k < i + len; k++)
            r->covered[k] = 2;
        const struct dyn *dy = &r->d[ref - r->g->nents];
        if (er_full_person(dy))
            smap_put(&lt->latest, dy->key, strlen(dy->key), (int32_t)ref);
        return true;
    }
    return false;
}

/* Token i as a lone surname, not next to another capitalised word: the
 * person last mentioned with that key, else the first one after (a bounded
 * way ahead). */
static void
er_later_surname(struct ent_run *r, size_t i, const struct er_later *lt)
{
    const struct tok *v = r->t.v;
    size_t tl = v[i].end - v[i].start;
    const char *tw = r->s + v[i].start;
    if (i + 1 < r->t.n && (v[i + 1].flags & TK_CAP) && er_joined(&v[i + 1]) &&
        !(v[i].flags & TK_POSS))
        return;
    if (i > 0 && (v[i - 1].flags & TK_CAP) && er_joined(&v[i]) && !r->covered[i - 1] &&
        !er_is(r, &v[i - 1], WL_STOP))
        return;
    int32_t ref = -1;
    if (!smap_get(&lt->latest, tw, tl, &ref)) {
        for (size_t k = lt->sp; k < lt->npm && k < lt->sp + 64; k++) {
            const struct dyn *dy = &r->d[lt->pm[k].ref - r->g->nents];
            if (strlen(dy->key) == tl && memcmp(dy->key, tw, tl) == 0) {
                ref = (int32_t)lt->pm[k].ref;
                break;
            }
        }
    }
    if (ref >= 0) {
        er_mention(r, v[i].start, v[i].end, (uint32_t)ref);
        r->covered[i] = 2;
    }
}

/* Later mentions of the people found: their full names without evidence
 * and their lone surnames. */
static void
er_pass_later(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    size_t npeople = 0;
    for (size_t d = 0; d < r->nd; d++)
        if (r->d[d].kind == ENTITY_PERSON)
            npeople++;
    if (!npeople)
        return;
    struct er_later lt;
    er_later_init(r, npeople, &lt);
    for (size_t i = 0; i < r->t.n; i++) {
        /* what was mentioned before this token */
        while (lt.sp < lt.npm && lt.pm[lt.sp].start < v[i].start) {
            const struct dyn *dy = &r->d[lt.pm[lt.sp].ref - r->g->nents];
            smap_put(&lt.latest, dy->key, strlen(dy->key), (int32_t)lt.pm[lt.sp].ref);
            lt.sp++;
        }
        if (r->covered[i] || !(v[i].flags & TK_NAMEY))
            continue;
        int32_t dummy;
        if (!smap_get(&lt.cand, r->s + v[i].start, v[i].end - v[i].start, &dummy))
            continue;
        if (!er_later_full(r, i, &lt))
            er_later_surname(r, i, &lt);
    }
    free(lt.pm);
    smap_free(&lt.cand);
    smap_free(&lt.latest);
}
