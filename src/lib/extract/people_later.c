/*
 * extract/people_later.c — the last step of the people pass: every later
 * mention of a person found, as a full name without evidence of its own
 * or as a lone surname (the person last mentioned with it, else the next
 * one).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "people.h"

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

/* Does person name p end the longer name q after a space, the first
 * letter of p in either case ("Okonjo-Iweala" of "Ngozi Okonjo-Iweala",
 * "Van Dijk" of "Virgil van Dijk")? */
static bool
er_tail_of(const char *p, size_t pl, const char *q)
{
    size_t ql = strlen(q);
    if (ql <= pl + 1 || q[ql - pl - 1] != ' ')
        return false;
    const char *t = q + ql - pl;
    return ex_lower((unsigned char)t[0]) == ex_lower((unsigned char)p[0]) &&
           memcmp(t + 1, p + 1, pl - 1) == 0;
}

/* The person of a longer name ending with dyn p's whose mention lies
 * nearest before position at (else nearest after), or UINT32_MAX. */
static uint32_t
er_nearest_full(const struct ent_run *r, size_t p, uint32_t at)
{
    const char *pn = r->d[p].name;
    size_t pl = strlen(pn);
    uint32_t best = UINT32_MAX, best_before = 0, best_after = UINT32_MAX;
    bool before = false;
    for (size_t m = 0; m < r->nm; m++) {
        uint32_t ref = r->m[m].ref;
        if (ref < r->g->nents || ref - r->g->nents == p)
            continue;
        const struct dyn *q = &r->d[ref - r->g->nents];
        if (q->kind != ENTITY_PERSON || !er_tail_of(pn, pl, q->name))
            continue;
        uint32_t s = r->m[m].start;
        if (s < at && (!before || s > best_before)) {
            before = true;
            best_before = s;
            best = ref;
        } else if (s > at && !before && s < best_after) {
            best_after = s;
            best = ref;
        }
    }
    return best;
}

/* A person found by the end of a longer name only ("Okonjo-Iweala, the
 * head of the WTO" before "Ngozi Okonjo-Iweala", "Van Dijk said" after
 * "Virgil van Dijk"): its mentions go to the nearest person of that
 * longer name, so that one person is one entity. */
static void
er_merge_tails(struct ent_run *r)
{
    for (size_t p = 0; p < r->nd; p++) {
        if (r->d[p].kind != ENTITY_PERSON)
            continue;
        uint32_t pref = (uint32_t)(p + r->g->nents);
        for (size_t m = 0; m < r->nm; m++) {
            if (r->m[m].ref != pref)
                continue;
            uint32_t q = er_nearest_full(r, p, r->m[m].start);
            if (q == UINT32_MAX)
                break; /* no longer name: nothing to merge */
            r->m[m].ref = q;
        }
    }
}

/* Later mentions of the people found: their full names without evidence
 * and their lone surnames. */
void
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
    er_merge_tails(r);
}
