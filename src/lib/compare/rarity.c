/*
 * compare/rarity.c — how common a word is in the collection, for the
 * alignment's weak pairs (compare.h: struct cmp_rarity): the share of the
 * index's documents holding it, from store_termstats.
 */
#include "config.h"

#include <string.h>

#include "dossier/compare.h"
#include "dossier/store_similar.h"

/* The share of documents holding term, or -1 when the lookup fails. */
static double
store_share(void *ctx, const char *term, const char *word)
{
    struct cmp_store_rarity *r = ctx;
    struct ds_error err;
    ds_error_clear(&err);
    int64_t df = store_termstats_df(r->ts, term, word, &err);
    if (df < 0 || r->docs <= 0)
        return -1;
    return (double)df / r->docs;
}

int
cmp_rarity_open(struct store *s, struct cmp_store_rarity *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    if (store_termstats_open(s, &out->ts, err) != 0)
        return -1;
    out->docs = (double)store_termstats_docs_total(out->ts);
    out->r.share = store_share;
    out->r.ctx = out;
    out->r.docs = out->docs;
    return 0;
}

void
cmp_rarity_free(struct cmp_store_rarity *r)
{
    store_termstats_free(&r->ts);
    memset(r, 0, sizeof *r);
}
