/*
 * extract/score.c — from the matches of a document's title and body to its
 * topics: each topic's score counts its own terms and patterns and those
 * of its assigned children; a topic needs its threshold, enough evidence
 * (distinct terms, or one in the title or lead) and its all/any
 * conditions; topics far below their best sibling are dropped; a topic
 * assigned brings its parents; the rest are listed best first, each with
 * the spans of the words that matched it or a topic below it.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

static int
tp_score_cmp(const void *pa, const void *pb)
{
    const struct topic_score *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(a->slug, b->slug);
}

/* The byte where the lead ends: after the first TP_LEAD_WORDS words of the
 * body (a CJK character counts as one word). */
static size_t
tp_lead_end(const char *body, const struct toks *toks)
{
    size_t words = 0;
    for (size_t k = 0; k < toks->n; k++) {
        const struct tok *t = &toks->v[k];
        if (!(t->flags & TK_CJK)) {
            if (++words >= TP_LEAD_WORDS)
                return t->end;
            continue;
        }
        for (size_t p = t->start; p < t->end; p++)
            if (((unsigned char)body[p] & 0xC0) != 0x80 && ++words >= TP_LEAD_WORDS)
                return p;
    }
    return SIZE_MAX;
}

/* Is topic t the topic a or above it? */
static bool
tp_under(const struct tp_rules *r, uint32_t a, uint32_t t)
{
    for (int32_t x = (int32_t)a; x >= 0; x = r->topics[x].parent)
        if ((uint32_t)x == t)
            return true;
    return false;
}

/* Sum each topic's matches (its own, then its subtree's) into r->raw,
 * r->distinct and r->lead, and choose the topics whose subtree scores
 * reach the threshold with enough evidence (min_terms distinct terms, or
 * one in the title or lead) and whose all/any conditions hold; a chosen
 * topic's parents are chosen too. */
static void
tp_decide(struct tp_rules *r, const struct tp_hits *hits, size_t lead_end, double norm)
{
    enum { FAILED = 1, HAS_ANY = 2, ANY_OK = 4, CHILD = 8 };
    size_t nt = r->ntopics;
    memset(r->raw, 0, nt * sizeof *r->raw);
    memset(r->distinct, 0, nt * sizeof *r->distinct);
    memset(r->lead, 0, nt * sizeof *r->lead);
    memset(r->best, 0, nt * sizeof *r->best);
    uint8_t *f = r->flags;
    memset(f, 0, nt);
    uint32_t *in_lead = r->stamp; /* free after the scans */
    memset(in_lead, 0, r->npats * sizeof *in_lead);
    for (size_t h = 0; h < hits->n; h++)
        in_lead[hits->v[h].pattern] += hits->v[h].start < lead_end;
    for (size_t i = 0; i < r->npats; i++) {
        const struct tp_pattern *p = &r->pats[i];
        const struct tp_topic *tp = &r->topics[p->topic];
        uint32_t c = r->count_body[i] + 2 * r->count_title[i];
        if (p->role == TP_WEIGHT && c) {
            uint32_t cap = (uint32_t)tp->cap;
            r->raw[p->topic] += p->weight * (double)(c < cap ? c : cap);
            r->distinct[p->topic]++;
            if (r->count_title[i] || in_lead[i])
                r->lead[p->topic] = true;
        } else if (p->role == TP_ALL && c == 0) {
            f[p->topic] |= FAILED;
        } else if (p->role == TP_ANY) {
            f[p->topic] |= HAS_ANY | (c ? ANY_OK : 0);
        }
    }
    for (size_t k = 0; k < nt; k++) {
        uint32_t t = r->order[k]; /* children before their parents */
        const struct tp_topic *tp = &r->topics[t];
        bool ok = !(f[t] & FAILED) && (f[t] & (HAS_ANY | ANY_OK)) != HAS_ANY;
        r->chosen[t] = (f[t] & CHILD) ||
                       (ok && r->raw[t] > 0 && r->raw[t] / norm >= tp->threshold &&
                        ((int)r->distinct[t] >= tp->min_terms || r->lead[t]));
        if (tp->parent < 0 || !r->chosen[t])
            continue; /* a topic not assigned says nothing about its parent */
        uint32_t up = (uint32_t)tp->parent;
        r->raw[up] += r->raw[t];
        r->distinct[up] += r->distinct[t];
        r->lead[up] = r->lead[up] || r->lead[t];
        if (r->chosen[t]) {
            f[up] |= CHILD;
            /* a parent scores at least as much as its best child */
            double b = r->best[t] > r->raw[t] ? r->best[t] : r->raw[t];
            if (b > r->best[up])
                r->best[up] = b;
        }
    }
}

/* The score of topic t before length normalisation: its subtree's, or its
 * best assigned child's when that is more. */
static double
tp_raw(const struct tp_rules *r, size_t t)
{
    return r->best[t] > r->raw[t] ? r->best[t] : r->raw[t];
}

/* Keep, of the topics chosen under one parent (or at the top), those
 * scoring at least TP_SIBLING_SHARE of the best of them, or with a kept
 * child of their own: a mention in passing does not make a topic, a
 * narrow topic found makes its branch. */
static void
tp_prune(struct tp_rules *r)
{
    size_t nt = r->ntopics;
    double *top = xcalloc(nt + 1, sizeof *top); /* [parent + 1]: best chosen child */
    bool *kept_child = xcalloc(nt + 1, sizeof *kept_child);
    for (size_t t = 0; t < nt; t++)
        if (r->chosen[t] && tp_raw(r, t) > top[r->topics[t].parent + 1])
            top[r->topics[t].parent + 1] = tp_raw(r, t);
    for (size_t k = 0; k < nt; k++) { /* children before their parents */
        uint32_t t = r->order[k];
        int32_t up = r->topics[t].parent;
        if (r->chosen[t] && !kept_child[t] && tp_raw(r, t) < TP_SIBLING_SHARE * top[up + 1])
            r->chosen[t] = false;
        if (r->chosen[t] && up >= 0)
            kept_child[up] = true;
    }
    free(kept_child);
    free(top);
}

/* The spans of the hits of topic t's subtree into ts, in reading order. */
static void
tp_spans(const struct tp_rules *r, const struct tp_hits *hits, uint32_t t, struct topic_score *ts)
{
    size_t nsp = 0;
    for (size_t h = 0; h < hits->n; h++)
        nsp += tp_under(r, r->pats[hits->v[h].pattern].topic, t);
    ts->spans = nsp ? xmalloc(nsp * sizeof *ts->spans) : NULL;
    for (size_t h = 0; h < hits->n; h++) {
        if (!tp_under(r, r->pats[hits->v[h].pattern].topic, t))
            continue;
        ts->spans[ts->nspans].start = hits->v[h].start;
        ts->spans[ts->nspans].end = hits->v[h].end;
        ts->nspans++;
    }
    if (ts->nspans > 1)
        qsort(ts->spans, ts->nspans, sizeof *ts->spans, span_cmp);
    size_t k = 0; /* a word matched by a topic and by one below it: once */
    for (size_t i = 0; i < ts->nspans; i++)
        if (!k || ts->spans[i].start != ts->spans[k - 1].start ||
            ts->spans[i].end != ts->spans[k - 1].end)
            ts->spans[k++] = ts->spans[i];
    ts->nspans = k;
}

/* Score title and body against the rules: count every pattern and term
 * (title matches count twice), then choose topics (tp_decide) and list
 * them with their scores and spans, best first; the fallback topic when
 * none is chosen. */
void
tp_run(struct tp_rules *r, const char *title, const char *body, const struct toks *body_toks,
       struct extraction *out)
{
    if (!r->ntopics)
        return;
    size_t npats = r->npats;
    memset(r->count_body, 0, npats * sizeof *r->count_body);
    memset(r->count_title, 0, npats * sizeof *r->count_title);
    memset(r->stamp, 0, npats * sizeof *r->stamp);
    struct tp_hits hits = {0};
    struct toks local = {NULL, 0, 0};
    size_t words = 0, lead_end = 0;
    if (body) {
        size_t n = strlen(body);
        if (!body_toks)
            ex_tokenize(body, n, &local);
        words = tp_scan(r, body, n, body_toks ? body_toks : &local, r->count_body, &hits);
        lead_end = tp_lead_end(body, body_toks ? body_toks : &local);
    }
    memset(r->stamp, 0, npats * sizeof *r->stamp);
    if (title) {
        size_t n = strlen(title);
        ex_tokenize(title, n, &local);
        tp_scan(r, title, n, &local, r->count_title, NULL);
    }
    free(local.v);

    double norm = sqrt((double)(words > 300 ? words : 300) / 300.0);
    tp_decide(r, &hits, lead_end, norm);
    tp_prune(r);
    size_t first_out = out->ntopics;
    for (size_t t = 0; t < r->ntopics; t++) {
        if (!r->chosen[t])
            continue;
        out->topics = xrealloc(out->topics, (out->ntopics + 1) * sizeof *out->topics);
        struct topic_score *ts = &out->topics[out->ntopics++];
        memset(ts, 0, sizeof *ts);
        ts->slug = xstrdup(r->topics[t].slug);
        double raw = tp_raw(r, t);
        ts->score = round(raw / norm * 100) / 100;
        tp_spans(r, &hits, (uint32_t)t, ts);
    }
    if (out->ntopics == first_out) {
        for (size_t t = 0; t < r->ntopics; t++) {
            if (!r->topics[t].fallback)
                continue;
            out->topics = xrealloc(out->topics, (out->ntopics + 1) * sizeof *out->topics);
            struct topic_score *ts = &out->topics[out->ntopics++];
            memset(ts, 0, sizeof *ts);
            ts->slug = xstrdup(r->topics[t].slug);
            break;
        }
    }
    if (out->ntopics - first_out > 1)
        qsort(out->topics + first_out, out->ntopics - first_out, sizeof *out->topics,
              tp_score_cmp);
    free(hits.v);
}
