/*
 * extract/share.c — an extractor for another thread (see extract.h,
 * extractor_share). The big tables — gazetteers, figure word lists, topic
 * dispatch tables, compiled patterns — are only read while an article is
 * extracted, so a second extractor borrows them from the first instead of
 * loading its own (~30 MB a copy at the shipped rules); what one run
 * writes — regex match data and JIT stacks, the topic counters and
 * scores, the Chinese segmenter's buffers — each extractor has its own.
 */
#include "config.h"

#include "dossier/extract.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* The figure patterns of base with match data of their own; the word
 * lists and group numbers are base's. */
static void
share_figures(struct fig_res *fr, const struct fig_res *base)
{
    *fr = *base;
    fr->fig = base->fig ? ds_regex_share(base->fig) : NULL;
    fr->period = base->period ? ds_regex_share(base->period) : NULL;
}

/* base's topic rules: the tables borrowed, each pattern's regexes shared,
 * the per-run scratch (sized as tp_finish and tp_tree_finish size it) new. */
static void
share_topics(struct tp_rules *r, const struct tp_rules *base)
{
    *r = *base;
    r->pats = xcalloc(base->npats + 1, sizeof *r->pats);
    for (size_t i = 0; i < base->npats; i++) {
        r->pats[i] = base->pats[i];
        r->pats[i].re = base->pats[i].re ? ds_regex_share(base->pats[i].re) : NULL;
        r->pats[i].scan = base->pats[i].scan ? ds_regex_share(base->pats[i].scan) : NULL;
    }
    size_t np = base->npats + 1, nt = base->ntopics + 1;
    r->count_body = xcalloc(np, sizeof *r->count_body);
    r->count_title = xcalloc(np, sizeof *r->count_title);
    r->stamp = xcalloc(np, sizeof *r->stamp);
    r->stems = NULL;
    r->nstems = 0;
    r->raw = xcalloc(nt, sizeof *r->raw);
    r->distinct = xcalloc(nt, sizeof *r->distinct);
    r->lead = xcalloc(nt, sizeof *r->lead);
    r->chosen = xcalloc(nt, sizeof *r->chosen);
    r->best = xcalloc(nt, sizeof *r->best);
    r->flags = xcalloc(nt, sizeof *r->flags);
}

/* See extract.h. */
struct extractor *
extractor_share(const struct extractor *base)
{
    struct extractor *ex = xcalloc(1, sizeof *ex);
    ex->base = base;
    ex->gz = base->gz; /* ent_run reads it through a const pointer */
    ex->seg = base->seg ? seg_new() : NULL;
    ex->hash = base->hash;
    share_figures(&ex->fr, &base->fr);
    share_topics(&ex->tp, &base->tp);
    return ex;
}

/* See lib.h: what extractor_share made, and only that. */
void
ex_share_free(struct extractor *ex)
{
    ds_regex_free(&ex->fr.fig);
    ds_regex_free(&ex->fr.period);
    struct tp_rules *r = &ex->tp;
    for (size_t i = 0; i < r->npats; i++) {
        ds_regex_free(&r->pats[i].re);
        ds_regex_free(&r->pats[i].scan);
    }
    free(r->pats);
    tp_scratch_free(r);
    seg_free(&ex->seg);
    free(ex);
}
