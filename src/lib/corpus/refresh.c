/*
 * corpus/refresh.c — corpus_refresh() (corpus.h): the statistics tables kept
 * in the index brought up to date at the end of each index run, either
 * rebuilt or by applying the changes since the last refresh as deltas. The
 * tables and their SQL are the store's (store/stats_derived.c); what is
 * computed here is what they hold: figure subject keys, the pairs among the
 * top entities and the vocabulary's deltas.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* The ids of the top entities by the derived counts (at most
 * CORPUS_COOCCUR_TOP), sorted by id, and as text ("1,5,9") in *key (newly
 * allocated). */
static int
corpus_refresh_top(struct store *s, int64_t *ids, size_t *n_out, char **key,
                   struct ds_error *err)
{
    size_t n = 0;
    *key = NULL;
    if (stats_top_entity_ids(s, CORPUS_COOCCUR_TOP, ids, &n, err) != 0)
        return -1;
    qsort(ids, n, sizeof *ids, corpus_cmp_i64);
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%s%lld", i ? "," : "", (long long)ids[i]);
    *key = buf_steal(&b);
    *n_out = n;
    return 0;
}

/* Pairs among the top entities from scratch; the top set is remembered
 * (meta corpus_pair_top) so a refresh can tell whether deltas still apply. */
static int
corpus_fill_pairs(struct store *s, struct ds_error *err)
{
    int64_t top[CORPUS_COOCCUR_TOP];
    size_t ntop = 0, np = 0;
    char *key = NULL;
    struct stats_pair *pairs = NULL;
    if (corpus_refresh_top(s, top, &ntop, &key, err) != 0)
        return -1;
    int rc = corpus_pairs_of(s, top, ntop, &pairs, &np, err);
    if (rc == 0)
        rc = stats_pairs_replace(s, pairs, np, err);
    free(pairs);
    if (rc == 0)
        rc = stats_meta_put(s, "corpus_pair_top", key, err);
    free(key);
    return rc;
}

/* Everything from scratch: about 3.5 s of CPU at 100k documents (the walk of
 * the full-text vocabulary ~1.7 s, figure subject keys ~1 s). */
static int
corpus_rebuild(struct store *s, struct ds_error *err)
{
    if (stats_rebuild_tables(s, corpus_fig_key, NULL, err) != 0 ||
        corpus_fill_pairs(s, err) != 0)
        return -1;
    return stats_vocab_rebuild(s, err);
}

/* (doc, entity) rows in document order, among the top entities only. */
struct corpus_rows {
    const int64_t *top;
    size_t ntop;
    int64_t *doc, *ent;
    size_t n, cap;
};

/* Keep one (doc, entity) row when the entity is among the top ones. */
static void
corpus_rows_add(int64_t doc, int64_t ent, void *ud)
{
    struct corpus_rows *r = ud;
    if (corpus_find_id(r->top, r->ntop, ent) < 0)
        return;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 1024;
        r->doc = xrealloc(r->doc, r->cap * sizeof *r->doc);
        r->ent = xrealloc(r->ent, r->cap * sizeof *r->ent);
    }
    r->doc[r->n] = doc;
    r->ent[r->n++] = ent;
}

/* Subtract (sign -1: the deleted documents', above < 0) or add (+1: the
 * documents above the id) the pair counts among top[0..ntop) into matrix. */
static int
corpus_pair_deltas(struct store *s, int64_t above, const int64_t *top, size_t ntop, int sign,
                   int64_t *matrix, struct ds_error *err)
{
    struct corpus_rows r = {top, ntop, NULL, NULL, 0, 0};
    int rc = stats_change_mentions(s, above, corpus_rows_add, &r, err);
    if (rc == 0) {
        int64_t *m = xcalloc(ntop * ntop + 1, sizeof *m);
        corpus_pair_matrix(r.doc, r.ent, r.n, top, ntop, m);
        for (size_t i = 0; i < ntop * ntop; i++)
            matrix[i] += sign * m[i];
        free(m);
    }
    free(r.doc);
    free(r.ent);
    return rc;
}

/* The vocabulary's deltas: one upsert per term whose count moved. */
static int
corpus_vocab_deltas(struct store *s, const struct corpus_tf *tf, struct ds_error *err)
{
    size_t all = tf->counts.n;
    const char **terms = xmalloc((all ? all : 1) * sizeof *terms);
    int64_t *counts = xmalloc((all ? all : 1) * sizeof *counts);
    size_t n = 0;
    for (size_t i = 0; i < all; i++) {
        if (!tf->counts.e[i].value)
            continue;
        terms[n] = tf->counts.e[i].key;
        counts[n++] = (int64_t)tf->counts.e[i].value;
    }
    int rc = stats_vocab_add(s, terms, counts, n, err);
    free(terms);
    free(counts);
    return rc;
}

/* The pairs after the changes: the deltas in matrix hold while the top
 * entities (top, key; old_key as last stored) stay the same, else all
 * again. */
static int
corpus_pairs_update(struct store *s, const int64_t *top, size_t ntop, const char *key,
                    const char *old_key, const int64_t *matrix, struct ds_error *err)
{
    int64_t top2[CORPUS_COOCCUR_TOP];
    size_t ntop2 = 0, np = 0;
    char *key2 = NULL;
    if (corpus_refresh_top(s, top2, &ntop2, &key2, err) != 0)
        return -1;
    bool same = old_key && strcmp(old_key, key) == 0 && strcmp(key, key2) == 0;
    free(key2);
    if (!same)
        return corpus_fill_pairs(s, err);
    struct stats_pair *p = xmalloc((ntop * ntop + 1) * sizeof *p);
    for (size_t i = 0; i < ntop; i++)
        for (size_t j = i + 1; j < ntop; j++)
            if (matrix[i * ntop + j])
                p[np++] = (struct stats_pair){top[i], top[j], matrix[i * ntop + j]};
    int rc = stats_pairs_add(s, p, np, err);
    free(p);
    return rc;
}

/* The changes since the last refresh, applied as deltas: what the deleted
 * documents contributed (copied by the trigger) is subtracted, the new
 * documents (ids above the largest one still counted: SQLite gives a new
 * row the largest id + 1) are added. */
static int
corpus_apply_changes(struct store *s, struct ds_error *err)
{
    int64_t top[CORPUS_COOCCUR_TOP];
    size_t ntop = 0;
    char *key = NULL, *old_key = NULL;
    int64_t *matrix = NULL, maxid = 0;
    struct corpus_tf tf = {0};
    struct corpus_tf_sign gone = {s, &tf, -1, err}, added = {s, &tf, 1, err};
    int result = -1;

    /* pairs and vocabulary first: both read what the trigger kept */
    if (corpus_refresh_top(s, top, &ntop, &key, err) != 0)
        goto done;
    old_key = store_meta_get(s, "corpus_pair_top");
    matrix = xcalloc(ntop * ntop + 1, sizeof *matrix);
    if (corpus_pair_deltas(s, -1, top, ntop, -1, matrix, err) != 0 ||
        stats_change_texts(s, -1, corpus_tf_text, &gone, err) != 0 ||
        stats_subtract_gone(s, &maxid, err) != 0 ||
        stats_add_new(s, maxid, corpus_fig_key, NULL, err) != 0 ||
        corpus_pair_deltas(s, maxid, top, ntop, 1, matrix, err) != 0 ||
        stats_change_texts(s, maxid, corpus_tf_text, &added, err) != 0 ||
        stats_changes_done(s, err) != 0 || corpus_vocab_deltas(s, &tf, err) != 0 ||
        corpus_pairs_update(s, top, ntop, key, old_key, matrix, err) != 0)
        goto done;
    result = 0;
done:
    corpus_tf_free(&tf);
    free(matrix);
    free(key);
    free(old_key);
    return result;
}

/* Past this many changed documents (plus a twentieth of the index), a
 * rebuild is cheaper than tokenizing each changed document again. */
#define CORPUS_REFRESH_DELTA_MAX 2000

int
corpus_refresh(struct store *s, bool full, struct ds_error *err)
{
    struct stats_refresh_state st;
    bool own = false;
    char *rules = NULL, *stamp = NULL, *built = NULL;
    int rc = stats_refresh_begin(s, &own, &st, err);
    if (rc != 0)
        return stats_refresh_end(s, own, rc, err);
    rules = store_meta_get(s, "rules_hash");
    stamp = store_meta_get(s, "corpus_rules");
    built = store_meta_get(s, "corpus_maxid");
    /* documents to add: all but those counted that are not gone */
    int64_t changes = st.gone + (st.ndocs - (st.counted - st.gone));
    bool same_rules = rules && stamp ? strcmp(rules, stamp) == 0 : !rules && !stamp;
    bool rebuild =
        full || !built || !same_rules || changes > CORPUS_REFRESH_DELTA_MAX + st.ndocs / 20;
    if (rebuild)
        rc = corpus_rebuild(s, err);
    else
        rc = changes ? corpus_apply_changes(s, err) : 0;
    /* nothing changed: nothing to write (a no-change index run writes no row) */
    if (rc == 0 && (rebuild || changes)) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)st.maxid);
        /* the rules hash as the extractions were made (NULL: never indexed) */
        rc = stats_meta_put(s, "corpus_maxid", num, err) != 0 ||
                     stats_meta_put(s, "corpus_rules", rules, err) != 0
                 ? -1
                 : 0;
    }
    free(rules);
    free(stamp);
    free(built);
    return stats_refresh_end(s, own, rc, err);
}
