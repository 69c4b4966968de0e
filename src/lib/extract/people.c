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

/* People: capitalised runs of name-like tokens with evidence. */
void
er_pass_people(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    size_t nt = r->t.n;
    struct single {
        size_t tok;
    } *singles = NULL;
    size_t nsingles = 0;
    er_unclaim_surnames(r);

    for (size_t i = 0; i < nt;) {
        if (r->covered[i] || !(v[i].flags & TK_CAP) || (v[i].flags & TK_CJK)) {
            i++;
            continue;
        }
        /* the capitalised run [i, e], with the lower-case parts of
         * hyphenated given names ("Kim Hyun-chong") */
        size_t e = i;
        while (e + 1 < nt && !r->covered[e + 1] && er_joined(&v[e + 1]) &&
               !(v[e].flags & TK_POSS) && e + 1 < i + 8 &&
               ((v[e + 1].flags & TK_CAP) || er_name_tail(r, e + 1)))
            e++;
        /* title evidence: the last title word inside the run, or one before */
        size_t a = i;
        bool titled = false, honorific = false;
        for (size_t k = i; k <= e; k++) {
            if (k > i && k == a + 1 && er_is(r, &v[a], WL_CN_SURNAMES) &&
                !er_in(r, &v[k], WL_TITLES))
                continue; /* "Liu He": a surname then a short given name */
            if (titled && k == a && k < e && er_is(r, &v[k], WL_CN_SURNAMES) &&
                (v[k + 1].flags & TK_NAMEY))
                break; /* "Spokesperson He Yadong": He is a surname here */
            if (er_in(r, &v[k], WL_TITLES) || er_is(r, &v[k], WL_STOP)) {
                if (er_in(r, &v[k], WL_TITLES))
                    titled = true;
                honorific = er_is(r, &v[k], WL_HONORIFIC);
                a = k + 1;
            }
        }
        if (a > e) {
            i = e + 1;
            continue;
        }
        if (!titled && i > 0) {
            const struct tok *p = &v[i - 1];
            if (er_in(r, p, WL_TITLES) && !(p->flags & TK_CAP))
                titled = true;
            /* "top diplomat, Wang Yi" and "Secretary of Commerce Wilbur Ross" */
            if (er_in(r, p, WL_TITLES) && p->flags & TK_CAP)
                titled = true;
            size_t q = i - 1;
            if (q > 0 && v[q].end - v[q].start == 3 && memcmp(r->s + v[q].start, "the", 3) == 0)
                q--;
            if (q > 0 && q < i && er_is(r, &v[q], WL_CONNECTORS) &&
                er_in(r, &v[q - 1], WL_TITLES)) {
                titled = true;
                if (e - a + 1 == 3 && a == i)
                    a++; /* "Chancellor of the Exchequer Nigel Lawson" */
            }
        }
        size_t b = e;
        /* name tokens: a..b must all be name-like; 1..3 of them */
        bool ok = true;
        bool cn = er_is(r, &v[a], WL_CN_SURNAMES);
        for (size_t k = a; k <= b; k++)
            if (!er_namey(r, k) && !(cn && (v[k].flags & TK_NAMEY) && b > a &&
                                     v[k].end - v[k].start <= 3 && !er_in(r, &v[k], WL_TITLES)) &&
                !(k > a && k < b && er_initial(r, k)) && !(k > a && er_name_tail(r, k)))
                ok = false;
        if (ok && er_org_word(r, b))
            ok = false; /* "Helvetia Kreditbank said" */
        size_t len = b - a + 1;
        if (!ok || len > 3) {
            i = e + 1;
            continue;
        }
        /* other evidence */
        bool ev = titled;
        const char *alt_a = NULL;
        size_t alt_n = 0, span_end = v[b].end;
        if (b + 1 < nt && (v[b + 1].flags & TK_CJK) && v[b + 1].sep == ' ') {
            size_t cl = v[b + 1].end - v[b + 1].start;
            if (cl >= 6 && cl <= 12 && len >= 2) {
                alt_a = r->s + v[b + 1].start;
                alt_n = cl;
                span_end = v[b + 1].end;
                ev = true;
            }
        }
        if (!ev && b + 1 < nt && v[b + 1].sep == ' ' && !(v[b].flags & TK_POSS) &&
            er_in(r, &v[b + 1], WL_SAID_AFTER))
            ev = true;
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
                if (er_in(r, &v[k], WL_ROLES_AFTER)) {
                    ev = true;
                    break;
                }
            }
        }
        if (!ev || (len == 1 && !titled)) {
            if (len == 1 && !ev) {
                /* maybe a lone surname: decided after discovery */
            }
            i = e + 1;
            continue;
        }
        if (len == 1) {
            /* One word is a person only after an honorific or an office
             * ("Mr Blair", "President Trump"), never after a job noun
             * ("Tottenham boss"), and never an organisation word. */
            if (!honorific || er_is(r, &v[a], WL_ORG_SUFFIX) || er_is(r, &v[a], WL_ORG_HEAD)) {
                i = e + 1;
                continue;
            }
            if ((nsingles & (nsingles - 1)) == 0) /* grow at powers of two */
                singles = xrealloc(singles, (nsingles ? nsingles * 2 : 4) * sizeof *singles);
            singles[nsingles++].tok = a;
            i = e + 1;
            continue;
        }
        char *name = er_text(r, a, b);
        uint32_t ref = er_dyn(r, name, ENTITY_PERSON);
        free(name);
        struct dyn *d = &r->d[ref - r->g->nents];
        if (alt_a && !d->alt)
            d->alt = xstrndup(alt_a, alt_n);
        er_set_key(r, ref, a, b);
        er_mention(r, v[a].start, (uint32_t)span_end, ref);
        for (size_t k = a; k <= b; k++)
            r->covered[k] = 2;
        if (alt_a)
            r->covered[b + 1] = 2;
        i = e + 1;
    }

    /* Titled lone names ("President Trump", "Mr Blair"): the full name when
     * one was found, else a person of one word. */
    for (size_t s = 0; s < nsingles; s++) {
        size_t k = singles[s].tok;
        if (r->covered[k])
            continue;
        uint32_t ref = UINT32_MAX;
        for (size_t d = 0; d < r->nd; d++) {
            if (r->d[d].kind != ENTITY_PERSON || !r->d[d].key[0])
                continue;
            size_t l = v[k].end - v[k].start;
            if (strlen(r->d[d].key) == l && memcmp(r->d[d].key, r->s + v[k].start, l) == 0)
                ref = (uint32_t)(d + r->g->nents);
        }
        if (ref == UINT32_MAX) {
            char *name = er_text(r, k, k);
            ref = er_dyn(r, name, ENTITY_PERSON);
            free(name);
            struct dyn *d = &r->d[ref - r->g->nents];
            size_t l = v[k].end - v[k].start;
            if (l < sizeof d->key && !d->key[0]) {
                memcpy(d->key, r->s + v[k].start, l);
                d->key[l] = '\0';
            }
        }
        er_mention(r, v[k].start, v[k].end, ref);
        r->covered[k] = 2;
    }
    free(singles);

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

static void
er_pass_later(struct ent_run *r)
{
    const struct tok *v = r->t.v;
    size_t nt = r->t.n;
    size_t npeople = 0;
    for (size_t d = 0; d < r->nd; d++)
        if (r->d[d].kind == ENTITY_PERSON)
            npeople++;
    if (!npeople)
        return;
    /* words that may start a mention */
    struct smap cand, latest;
    smap_init(&cand, npeople * 2);
    smap_init(&latest, npeople);
    for (size_t d = 0; d < r->nd; d++) {
        const struct dyn *dy = &r->d[d];
        if (dy->kind != ENTITY_PERSON)
            continue;
        size_t fl = strcspn(dy->name, " -");
        smap_put(&cand, dy->name, fl, 1);
        if (dy->key[0])
            smap_put(&cand, dy->key, strlen(dy->key), 1);
    }
    /* full-name person mentions so far, by position */
    struct pmention *pm = NULL;
    size_t npm = 0;
    for (size_t m = 0; m < r->nm; m++) {
        uint32_t ref = r->m[m].ref;
        if (ref < r->g->nents || !er_full_person(&r->d[ref - r->g->nents]))
            continue;
        if (!pm)
            pm = xmalloc(r->nm * sizeof *pm);
        pm[npm].start = r->m[m].start;
        pm[npm].ref = ref;
        npm++;
    }
    if (npm > 1)
        qsort(pm, npm, sizeof *pm, er_pm_cmp);
    size_t sp = 0;

    for (size_t i = 0; i < nt; i++) {
        /* what was mentioned before this token */
        while (sp < npm && pm[sp].start < v[i].start) {
            const struct dyn *dy = &r->d[pm[sp].ref - r->g->nents];
            smap_put(&latest, dy->key, strlen(dy->key), (int32_t)pm[sp].ref);
            sp++;
        }
        if (r->covered[i] || !(v[i].flags & TK_NAMEY))
            continue;
        size_t tl = v[i].end - v[i].start;
        const char *tw = r->s + v[i].start;
        int32_t dummy;
        if (!smap_get(&cand, tw, tl, &dummy))
            continue;
        /* full name over 2-3 tokens */
        bool done = false;
        for (size_t len = 3; len >= 2 && !done; len--) {
            if (i + len > nt)
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
                smap_put(&latest, dy->key, strlen(dy->key), (int32_t)ref);
            done = true;
        }
        if (done)
            continue;
        /* a lone surname not followed by another capitalised word */
        if (i + 1 < nt && (v[i + 1].flags & TK_CAP) && er_joined(&v[i + 1]) &&
            !(v[i].flags & TK_POSS))
            continue;
        if (i > 0 && (v[i - 1].flags & TK_CAP) && er_joined(&v[i]) && !r->covered[i - 1] &&
            !er_is(r, &v[i - 1], WL_STOP))
            continue;
        int32_t ref = -1;
        if (!smap_get(&latest, tw, tl, &ref)) {
            /* none before: the first one after (looking a bounded way ahead) */
            for (size_t k = sp; k < npm && k < sp + 64; k++) {
                const struct dyn *dy = &r->d[pm[k].ref - r->g->nents];
                if (strlen(dy->key) == tl && memcmp(dy->key, tw, tl) == 0) {
                    ref = (int32_t)pm[k].ref;
                    break;
                }
            }
        }
        if (ref >= 0) {
            er_mention(r, v[i].start, v[i].end, (uint32_t)ref);
            r->covered[i] = 2;
        }
    }
    free(pm);
    smap_free(&cand);
    smap_free(&latest);
}
