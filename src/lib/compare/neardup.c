/*
 * compare/neardup.c — near-duplicates from MinHash signatures: saving them
 * with their LSH band keys while indexing, the near-duplicates of one
 * document, and groups over the whole index. The rows live in the store
 * (store_similar.h); the banding, the Jaccard and containment estimates,
 * and the check of pairs near the floors on their stored texts are here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dossier/compare.h"
#include "dossier/store.h" /* store_begin */
#include "dossier/store_similar.h"

#define SIG_BYTES NEARDUP_SIG_BYTES

static void
put_u32(unsigned char *out, uint32_t v)
{
    out[0] = (unsigned char)v;
    out[1] = (unsigned char)(v >> 8);
    out[2] = (unsigned char)(v >> 16);
    out[3] = (unsigned char)(v >> 24);
}

static uint32_t
get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Signatures are stored little-endian whatever the machine: the slots, then
 * the shingle count (the containment estimate's set size). */
static void
sig_pack(const uint32_t sig[MINHASH_K], uint32_t shingles, unsigned char out[SIG_BYTES])
{
    for (size_t i = 0; i < MINHASH_K; i++)
        put_u32(out + 4 * i, sig[i]);
    put_u32(out + 4 * MINHASH_K, shingles);
}

static void
sig_unpack(const unsigned char *p, uint32_t sig[MINHASH_K], uint32_t *shingles)
{
    for (size_t i = 0; i < MINHASH_K; i++)
        sig[i] = get_u32(p + 4 * i);
    if (shingles)
        *shingles = get_u32(p + 4 * MINHASH_K);
}

/* The key of band b of sig (the band's index is hashed in, so bands never
 * collide with each other). */
static int64_t
band_key(const uint32_t sig[MINHASH_K], size_t b)
{
    unsigned char bytes[4 + MINHASH_BAND_ROWS * 4];
    bytes[0] = (unsigned char)b;
    bytes[1] = bytes[2] = bytes[3] = 0;
    for (size_t r = 0; r < MINHASH_BAND_ROWS; r++) {
        uint32_t v = sig[b * MINHASH_BAND_ROWS + r];
        for (size_t k = 0; k < 4; k++)
            bytes[4 + 4 * r + k] = (unsigned char)(v >> (8 * k));
    }
    return (int64_t)ds_hash64(bytes, sizeof bytes);
}

static void
band_keys(const uint32_t sig[MINHASH_K], int64_t keys[MINHASH_BANDS])
{
    for (size_t b = 0; b < MINHASH_BANDS; b++)
        keys[b] = band_key(sig, b);
}

/* ---- saving ----------------------------------------------------------------------- */

struct neardup_writer {
    struct store_sig_writer *w;
};

int
neardup_writer_open(struct store *s, struct neardup_writer **out, struct ds_error *err)
{
    *out = NULL;
    struct store_sig_writer *w = NULL;
    if (store_sig_writer_open(s, MINHASH_BANDS, &w, err) != 0)
        return -1;
    *out = xcalloc(1, sizeof **out);
    (*out)->w = w;
    return 0;
}

void
neardup_writer_free(struct neardup_writer **wp)
{
    if (!*wp)
        return;
    store_sig_writer_free(&(*wp)->w);
    free(*wp);
    *wp = NULL;
}

int
neardup_writer_put(struct neardup_writer *w, int64_t doc_id, const uint32_t sig[MINHASH_K],
                   uint32_t shingles, struct ds_error *err)
{
    unsigned char blob[SIG_BYTES];
    uint32_t old[MINHASH_K];
    int64_t keys[MINHASH_BANDS], old_keys[MINHASH_BANDS];
    int had = store_sig_writer_old(w->w, doc_id, blob, sizeof blob, err);
    if (had < 0)
        return -1;
    if (had) {
        sig_unpack(blob, old, NULL);
        band_keys(old, old_keys);
    }
    sig_pack(sig, shingles, blob);
    band_keys(sig, keys);
    return store_sig_put(w->w, doc_id, blob, sizeof blob, keys, had ? old_keys : NULL, err);
}

int
neardup_writer_add(struct neardup_writer *w, int64_t doc_id, const char *body, size_t len,
                   struct ds_error *err)
{
    uint32_t sig[MINHASH_K];
    uint32_t shingles = minhash_content_signature(body ? body : "", body ? len : 0, sig);
    return neardup_writer_put(w, doc_id, sig, shingles, err);
}

struct backfill {
    struct neardup_writer *w;
    struct ds_error *err;
    long added;
};

static int
backfill_one(int64_t doc_id, const char *body, size_t len, void *ud)
{
    struct backfill *b = ud;
    if (neardup_writer_add(b->w, doc_id, body, len, b->err) != 0)
        return 1;
    b->added++;
    return 0;
}

long
neardup_backfill(struct store *s, struct ds_error *err)
{
    struct backfill b = {NULL, err, 0};
    bool began = false;
    if (neardup_writer_open(s, &b.w, err) != 0)
        return -1;
    if (!store_in_transaction(s)) {
        if (store_begin(s, err) != 0)
            goto fail;
        began = true;
    }
    /* Signatures of an older rule are all computed again. */
    bool renew = !store_sig_rule_current(s);
    if ((renew && store_sig_reset(s, err) != 0) ||
        store_sig_unsigned_each(s, backfill_one, &b, err) != 0 ||
        (renew && store_sig_rule_mark(s, err) != 0))
        goto fail;
    neardup_writer_free(&b.w);
    if (store_sig_sweep(s, err) != 0)
        goto fail;
    if (began && store_commit(s, err) != 0)
        return -1;
    return b.added;
fail:
    neardup_writer_free(&b.w);
    if (began)
        store_rollback(s);
    return -1;
}

/* ---- near-duplicates of one document ---------------------------------------------------- */

int
neardup_signature(struct store *s, int64_t doc_id, uint32_t sig[MINHASH_K], uint32_t *shingles,
                  struct ds_error *err)
{
    unsigned char blob[SIG_BYTES];
    int got = store_sig_get(s, doc_id, blob, sizeof blob, err);
    if (got > 0)
        sig_unpack(blob, sig, shingles);
    return got;
}

/* Are two titles the same, but for case and the spaces around them, and of
 * two words or more? */
static bool
same_title(const char *x, const char *y)
{
    if (!x || !y)
        return false;
    while (*x == ' ' || *x == '\t')
        x++;
    while (*y == ' ' || *y == '\t')
        y++;
    size_t lx = strlen(x), ly = strlen(y);
    while (lx && (x[lx - 1] == ' ' || x[lx - 1] == '\t' || x[lx - 1] == '\n'))
        lx--;
    while (ly && (y[ly - 1] == ' ' || y[ly - 1] == '\t' || y[ly - 1] == '\n'))
        ly--;
    return lx == ly && lx > 0 && memchr(x, ' ', lx) && strncasecmp(x, y, lx) == 0;
}

int
neardup_pair(struct store *s, int64_t a, int64_t b, double j, uint32_t na, uint32_t nb,
             struct ds_error *err)
{
    if (j >= NEARDUP_MIN_JACCARD)
        return 1;
    if (j < NEARDUP_CHECK_MIN_JACCARD ||
        minhash_containment(j, na, nb) < NEARDUP_CHECK_MIN_CONTAINMENT)
        return 0;
    char *ta = NULL, *ba = NULL, *tb = NULL, *bb = NULL;
    int ga = store_doc_text(s, a, &ta, &ba, err);
    int gb = ga < 0 ? -1 : store_doc_text(s, b, &tb, &bb, err);
    int near = ga < 0 || gb < 0 ? -1 : 0;
    if (ga == 0 && gb == 0 && ba && bb) {
        double ej, ec;
        minhash_content_overlap(ba, strlen(ba), bb, strlen(bb), &ej, &ec);
        near = ej >= NEARDUP_MIN_JACCARD ||
               (ej >= NEARDUP_CONTAINED_MIN_JACCARD && ec >= NEARDUP_MIN_CONTAINMENT);
        /* A copy whose edit took out the long paragraphs: most paragraphs
         * of both found again. */
        size_t matched = 0;
        if (!near)
            near = minhash_paragraphs_shared(ba, strlen(ba), bb, strlen(bb), &matched) >=
                       NEARDUP_PARA_MIN_SHARE &&
                   matched >= NEARDUP_PARA_MIN_MATCHED;
        /* A page of team sheets and its copy, under one title: most lines of
         * names of both found again. Two reports of one match share the
         * sheets but not their title (a preview, a report, another site). */
        if (!near && same_title(ta, tb))
            near = minhash_name_lines_shared(ba, strlen(ba), bb, strlen(bb), &matched) >=
                       NEARDUP_PARA_MIN_SHARE &&
                   matched >= NEARDUP_PARA_MIN_MATCHED;
    }
    free(ta);
    free(ba);
    free(tb);
    free(bb);
    return near;
}

static int
neardup_cmp(const void *p, const void *q)
{
    const struct similar_doc *x = p, *y = q;
    if (x->jaccard != y->jaccard)
        return x->jaccard > y->jaccard ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

int
neardup_find(struct store *s, int64_t doc_id, double min_jaccard, struct similar_doc **out,
             size_t *n_out, struct ds_error *err)
{
    *out = NULL;
    *n_out = 0;
    int have = store_sig_tables(s, err);
    if (have <= 0)
        return have;
    uint32_t sig[MINHASH_K], other[MINHASH_K], shingles = 0, other_shingles = 0;
    int found = neardup_signature(s, doc_id, sig, &shingles, err);
    if (found <= 0)
        return found;
    int64_t keys[MINHASH_BANDS];
    band_keys(sig, keys);
    int64_t *ids = NULL;
    size_t nids = 0;
    if (store_sig_band_docs(s, keys, MINHASH_BANDS, doc_id, &ids, &nids, err) != 0)
        return -1;
    struct similar_doc *v = xmalloc((nids + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < nids; i++) {
        int got = neardup_signature(s, ids[i], other, &other_shingles, err);
        if (got < 0) {
            free(v);
            free(ids);
            return -1;
        }
        double j = got ? minhash_similarity(sig, other) : 0;
        int near = got ? neardup_pair(s, doc_id, ids[i], j, shingles, other_shingles, err) : 0;
        if (near < 0) {
            free(v);
            free(ids);
            return -1;
        }
        if (got && (j >= min_jaccard || near))
            v[n++] = (struct similar_doc){.id = ids[i], .jaccard = j, .near_dup = near};
    }
    free(ids);
    qsort(v, n, sizeof *v, neardup_cmp);
    *out = v;
    *n_out = n;
    return 0;
}

/* ---- groups over the whole index ------------------------------------------------------------ */

static size_t
uf_find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static void
uf_union(size_t *parent, size_t x, size_t y)
{
    x = uf_find(parent, x);
    y = uf_find(parent, y);
    if (x != y)
        parent[DS_MAX(x, y)] = DS_MIN(x, y);
}

static size_t
id_index(const int64_t *ids, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && ids[lo] == id ? lo : SIZE_MAX;
}

/* Every signature, then every band bucket, of one grouping pass. */
struct grouping {
    int64_t *ids;
    uint32_t *sigs; /* MINHASH_K per id */
    uint32_t *shingles; /* one per id */
    size_t n, cap;
    size_t *parent;
    size_t *bucket; /* indexes of the documents of the current band key */
    size_t bn, bcap;
    int64_t band;
    double min_jaccard;
    struct store *s;       /* for pairs checked on their texts */
    struct ds_error *err;
    bool failed;           /* a check failed (err says why) */
};

static int
grouping_add_sig(int64_t doc_id, const void *sig, void *ud)
{
    struct grouping *g = ud;
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 1024;
        g->ids = xrealloc(g->ids, g->cap * sizeof *g->ids);
        g->sigs = xrealloc(g->sigs, g->cap * MINHASH_K * sizeof *g->sigs);
        g->shingles = xrealloc(g->shingles, g->cap * sizeof *g->shingles);
    }
    g->ids[g->n] = doc_id;
    sig_unpack(sig, g->sigs + g->n * MINHASH_K, g->shingles + g->n);
    g->n++;
    return 0;
}

/* Documents x and y (indexes) are in one set already, or are near-duplicates
 * and are joined now. */
static void
grouping_verify(struct grouping *g, size_t x, size_t y)
{
    if (uf_find(g->parent, x) == uf_find(g->parent, y))
        return;
    double j = minhash_similarity(g->sigs + x * MINHASH_K, g->sigs + y * MINHASH_K);
    if (j >= g->min_jaccard) {
        uf_union(g->parent, x, y);
        return;
    }
    if (g->failed)
        return;
    int near = neardup_pair(g->s, g->ids[x], g->ids[y], j, g->shingles[x], g->shingles[y], g->err);
    if (near > 0)
        uf_union(g->parent, x, y);
    g->failed = near < 0;
}

/* Verify the pairs of the finished bucket (against its first members only
 * when it is large, to bound the work). */
static void
grouping_close_bucket(struct grouping *g)
{
    for (size_t x = 0; x < g->bn && x < 8; x++)
        for (size_t y = x + 1; y < g->bn; y++)
            grouping_verify(g, g->bucket[x], g->bucket[y]);
    g->bn = 0;
}

static int
grouping_add_band(int64_t band, int64_t doc_id, void *ud)
{
    struct grouping *g = ud;
    if (g->bn && band != g->band)
        grouping_close_bucket(g);
    g->band = band;
    size_t ix = id_index(g->ids, g->n, doc_id);
    if (ix == SIZE_MAX)
        return 0;
    if (g->bn == g->bcap)
        g->bucket = xrealloc(g->bucket, (g->bcap = g->bcap ? g->bcap * 2 : 16) * sizeof *g->bucket);
    g->bucket[g->bn++] = ix;
    return 0;
}

/* Slots whose equal values make candidates, beside the LSH bands: a pair
 * whose estimate reaches NEARDUP_CHECK_MIN_JACCARD (0.1) agrees on more
 * than 6 of the 64 slots, so on at least one of any 59 of them. Grouping
 * on single slots therefore misses no pair `similar` marks (neardup_pair
 * needs that estimate at least), which the bands alone may. */
#define GROUP_SLOTS (MINHASH_K - (size_t)(NEARDUP_CHECK_MIN_JACCARD * MINHASH_K) + 1)
/* A bucket larger than this (a value many documents share) is checked
 * against its first GROUP_BUCKET_HEAD members only, to bound the work. */
#define GROUP_BUCKET_FULL 512
#define GROUP_BUCKET_HEAD 64

struct slot_entry {
    uint32_t value;
    uint32_t doc; /* index into the grouping's arrays */
};

static int
slot_entry_cmp(const void *p, const void *q)
{
    const struct slot_entry *x = p, *y = q;
    if (x->value != y->value)
        return x->value < y->value ? -1 : 1;
    return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Verify the pairs of one run of equal slot values. */
static void
grouping_slot_run(struct grouping *g, const struct slot_entry *e, size_t n)
{
    size_t head = n > GROUP_BUCKET_FULL ? GROUP_BUCKET_HEAD : n;
    for (size_t x = 0; x < head; x++)
        for (size_t y = x + 1; y < n; y++)
            grouping_verify(g, e[x].doc, e[y].doc);
}

/* Candidates from equal values in each of the first GROUP_SLOTS slots. */
static void
grouping_by_slots(struct grouping *g)
{
    struct slot_entry *e = xmalloc((g->n + 1) * sizeof *e);
    for (size_t slot = 0; slot < GROUP_SLOTS; slot++) {
        size_t m = 0;
        for (size_t i = 0; i < g->n; i++) {
            uint32_t v = g->sigs[i * MINHASH_K + slot];
            if (v != 0xFFFFFFFFu) /* an empty text's slot: nothing to share */
                e[m++] = (struct slot_entry){v, (uint32_t)i};
        }
        qsort(e, m, sizeof *e, slot_entry_cmp);
        for (size_t i = 0; i < m;) {
            size_t j = i + 1;
            while (j < m && e[j].value == e[i].value)
                j++;
            if (j - i > 1)
                grouping_slot_run(g, e + i, j - i);
            i = j;
        }
    }
    free(e);
}

struct group {
    int64_t *ids;
    size_t n;
};

static int
group_cmp(const void *p, const void *q)
{
    const struct group *x = p, *y = q;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return (x->ids[0] > y->ids[0]) - (x->ids[0] < y->ids[0]);
}

/* The union-find's sets of two or more, largest first. */
static void
grouping_collect(struct grouping *g, int64_t ***groups_out, size_t **sizes_out, size_t *ngroups)
{
    size_t n = g->n;
    size_t *count = xcalloc(n + 1, sizeof *count);
    for (size_t i = 0; i < n; i++)
        count[uf_find(g->parent, i)]++;
    size_t ng = 0;
    for (size_t i = 0; i < n; i++)
        if (g->parent[i] == i && count[i] > 1)
            ng++;
    struct group *gr = xcalloc(ng + 1, sizeof *gr);
    size_t *slot = xmalloc((n + 1) * sizeof *slot);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (g->parent[i] == i && count[i] > 1) {
            slot[i] = k;
            gr[k++].ids = xmalloc(count[i] * sizeof *gr[0].ids);
        }
    for (size_t i = 0; i < n; i++) {
        size_t r = uf_find(g->parent, i);
        if (count[r] > 1) {
            struct group *one = &gr[slot[r]];
            one->ids[one->n++] = g->ids[i]; /* ids ascend, so each group is sorted */
        }
    }
    qsort(gr, ng, sizeof *gr, group_cmp);
    int64_t **groups = xmalloc((ng + 1) * sizeof *groups);
    size_t *sizes = xmalloc((ng + 1) * sizeof *sizes);
    for (size_t i = 0; i < ng; i++) {
        groups[i] = gr[i].ids;
        sizes[i] = gr[i].n;
    }
    free(gr);
    free(slot);
    free(count);
    *groups_out = groups;
    *sizes_out = sizes;
    *ngroups = ng;
}

void
neardup_groups_free(int64_t **groups, size_t *sizes, size_t ngroups)
{
    for (size_t i = 0; i < ngroups; i++)
        free(groups[i]);
    free(groups);
    free(sizes);
}

int
neardup_groups(struct store *s, double min_jaccard, int64_t ***groups_out, size_t **sizes_out,
               size_t *ngroups, struct ds_error *err)
{
    *groups_out = NULL;
    *sizes_out = NULL;
    *ngroups = 0;
    int have = store_sig_tables(s, err);
    if (have <= 0)
        return have;
    struct grouping g = {.min_jaccard = min_jaccard, .s = s, .err = err};
    int result = -1;
    if (store_sig_each(s, SIG_BYTES, grouping_add_sig, &g, err) != 0)
        goto done;
    g.parent = xmalloc((g.n + 1) * sizeof *g.parent);
    for (size_t i = 0; i < g.n; i++)
        g.parent[i] = i;
    /* Documents sharing a band key are candidates. */
    if (store_sig_bands_each(s, grouping_add_band, &g, err) != 0)
        goto done;
    grouping_close_bucket(&g);
    grouping_by_slots(&g);
    if (g.failed)
        goto done;
    grouping_collect(&g, groups_out, sizes_out, ngroups);
    result = 0;
done:
    free(g.ids);
    free(g.sigs);
    free(g.shingles);
    free(g.parent);
    free(g.bucket);
    return result;
}
