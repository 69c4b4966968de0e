/*
 * index/feeds.c — the index run's side of feeds: one file, many documents.
 * A feed's items are prepared like files (on the preparing thread), except
 * those whose content hash the store has already for the same key; the
 * writer stores new and changed items and keeps those that left the feed
 * (see idx_store_feed).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "lib.h"

/* bsearch: a key hash against a stored item. */
static int
cmp_item_key(const void *key, const void *elem)
{
    uint64_t k = *(const uint64_t *)key, e = ((const struct store_item *)elem)->key_hash;
    return k < e ? -1 : k > e;
}

/* See index/lib.h. A feed file: each item prepared as an article, except those stored with
 * the same content hash already (a feed that changes re-indexes only its
 * new and changed items). */
void
idx_prepare_feed(struct run *r, const struct ingest_ctx *ictx, struct extractor *ex,
                 struct buf *bytes, struct prepared *p)
{
    struct candidate *c = &r->cands[p->cand];
    struct feed f;
    struct ds_error err;
    p->feed = true;
    if (ingest_feed_read(buf_str(bytes), bytes->len, &f, &err) != 0) {
        p->skip_reason = xstrdup(err.msg);
        return;
    }
    p->feed_error = f.error ? xstrdup(f.error) : NULL;
    p->items = xcalloc(f.n ? f.n : 1, sizeof *p->items);
    for (size_t k = 0; k < f.n; k++) {
        const struct feed_item *it = &f.items[k];
        struct prepared *ip = &p->items[p->nitems++];
        ip->cand = p->cand;
        ip->key = xstrdup(it->key);
        ip->hash = it->hash;
        uint64_t kh = ds_hash64(it->key, strlen(it->key));
        const struct store_item *old =
            c->nitems ? bsearch(&kh, c->items, c->nitems, sizeof *c->items, cmp_item_key) : NULL;
        ip->item_known = old != NULL;
        if (old && old->hash == it->hash) {
            ip->item_unchanged = true;
            continue;
        }
        if (ingest_feed_article(ictx, c->path, &f, k, &ip->a, &err) != 0) {
            ip->skip_reason = xstrdup(err.msg);
            continue;
        }
        idx_prepare_article(ex, ip);
    }
    feed_clear(&f);
}

/* See index/lib.h. Store a prepared feed: its new and changed items, then the file's row.
 * Items no longer in the file stay (a feed is a window onto recent items:
 * what scrolled out of it is still an article the reader kept); they go
 * with the file. */
int
idx_store_feed(struct run *r, struct prepared *p, struct ds_error *err)
{
    struct candidate *c = &r->cands[p->cand];
    int rc = 0;
    if (c->old_doc) /* it was an article file before */
        rc = store_file_delete(r->store, c->path, err);
    r->sum->feeds++;
    for (size_t k = 0; k < p->nitems && rc == 0; k++) {
        struct prepared *ip = &p->items[k];
        r->sum->items++;
        if (ip->item_unchanged) {
            r->sum->unchanged++;
            continue;
        }
        if (ip->skip_reason) {
            char *where = xasprintf("%s#%s", c->path, ip->key);
            idx_add_skip(r->sum, where, ip->skip_reason);
            free(where);
            continue;
        }
        int64_t id = store_doc_by_hash(r->store, ip->hash, err);
        if (id < 0)
            return -1;
        if (id == 0)
            rc = idx_store_new_doc(r, ip, &id, err);
        if (rc == 0)
            rc = store_item_put(r->store, c->path, ip->key, ip->hash, id, err);
        if (rc == 0 && ip->item_known)
            r->sum->updated++;
        else if (rc == 0)
            r->sum->added++;
    }
    if (rc == 0)
        rc = store_feed_file_put(r->store, c->path, &c->st, err);
    if (rc == 0 && p->feed_error) {
        char *why = xasprintf("feed not well-formed: %zu item%s read before %s", p->nitems,
                              p->nitems == 1 ? "" : "s", p->feed_error);
        idx_add_skip(r->sum, c->path, why);
        free(why);
    }
    return rc;
}
