/*
 * store/bodyholes.c — the dead slices of body chunks written over by new
 * bodies (schema 23, issue 16).
 *
 * A deleted document's body is a slice of a chunk (bodychunk.c) that no
 * row points at any more. Left dead, it made an incremental run (100
 * files changed, 50 deleted of 10k) grow the file by 1,292 kB where the
 * row-per-body layout before it grew by 864 kB: a deleted row gave its
 * page back, a dead slice gave nothing until its chunk was half dead. The
 * delete trigger (ds_body_free) now records each slice of a deleted body
 * as a hole, kept in body_holes(chunk, off, len); a body written later
 * fills holes before it takes room in a new chunk, its bytes written in
 * place with sqlite3_blob_write, so its reference may name several slices
 * (bodychunk.c's format). Writing in place is as safe as any other write
 * of the transaction: a rollback or a killed run restores the chunk with
 * the rows and the holes, and readers of an older snapshot still see the
 * chunk as it was.
 *
 * The holes are read into memory at the first use in a write transaction
 * and written back by store_commit() when they changed; a rollback drops
 * them. A deleted body is copied out before its slice is free to take:
 * corpus_gone keeps its bytes (ds_body_own) and the full-text deletion its
 * text (ftswrite.c), both by the triggers of the DELETE itself.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

enum {
    HOLE_MIN = 32, /* a smaller hole is not worth a slice of a reference (3-9 bytes) */
};

/* See lib.h. */
void
store_holes_drop(struct store *s)
{
    s->holes.n = 0;
    s->holes.loaded = s->holes.dirty = false;
}

/* See lib.h. */
void
store_holes_add(struct store *s, int64_t chunk, size_t off, size_t len)
{
    struct store_holes *h = &s->holes;
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 64;
        h->v = xrealloc(h->v, h->cap * sizeof *h->v);
    }
    h->v[h->n++] = (struct store_hole){chunk, off, len};
}

/* See lib.h. */
int
store_holes_load(struct store *s, struct ds_error *err)
{
    if (s->holes.loaded)
        return 0;
    sqlite3_stmt *st = store_stmt(s, SQ_HOLES_GET, err);
    if (!st)
        return -1;
    s->holes.n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t off = sqlite3_column_int64(st, 1), len = sqlite3_column_int64(st, 2);
        if (off >= 0 && len > 0)
            store_holes_add(s, sqlite3_column_int64(st, 0), (size_t)off, (size_t)len);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading where documents' text was");
    s->holes.loaded = true;
    s->holes.dirty = false;
    return 0;
}

static int
hole_cmp(const void *a, const void *b)
{
    const struct store_hole *x = a, *y = b;
    if (x->chunk != y->chunk)
        return x->chunk < y->chunk ? -1 : 1;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Holes sorted, the ones that touch made one. */
static void
holes_merge(struct store_holes *h)
{
    if (h->n < 2)
        return;
    qsort(h->v, h->n, sizeof *h->v, hole_cmp);
    size_t w = 0;
    for (size_t i = 1; i < h->n; i++) {
        struct store_hole *last = &h->v[w];
        if (h->v[i].chunk == last->chunk && h->v[i].off <= last->off + last->len) {
            size_t end = h->v[i].off + h->v[i].len;
            if (end > last->off + last->len)
                last->len = end - last->off;
        } else {
            h->v[++w] = h->v[i];
        }
    }
    h->n = w + 1;
}

/* See lib.h. */
int
store_holes_flush(struct store *s, struct ds_error *err)
{
    struct store_holes *h = &s->holes;
    if (!h->loaded || !h->dirty)
        return 0;
    holes_merge(h);
    if (store_exec(s, "DELETE FROM body_holes", "recording where documents' text was", err) != 0)
        return -1;
    for (size_t i = 0; i < h->n; i++) {
        sqlite3_stmt *st = store_stmt(s, SQ_HOLES_PUT, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, h->v[i].chunk);
        sqlite3_bind_int64(st, 2, (int64_t)h->v[i].off);
        sqlite3_bind_int64(st, 3, (int64_t)h->v[i].len);
        if (store_step_done(s, st, "recording where documents' text was", err) != 0)
            return -1;
    }
    h->dirty = false;
    return 0;
}

/* See lib.h. */
int
store_holes_free_ref(struct store *s, const void *ref, size_t n, struct ds_error *err)
{
    struct store_extent v[STORE_EXTENTS_MAX];
    size_t k = store_body_extents(ref, n, v, STORE_EXTENTS_MAX);
    if (k == 0)
        return 0; /* no reference: the body was in its row */
    if (store_holes_load(s, err) != 0)
        return -1;
    for (size_t i = 0; i < k; i++)
        store_holes_add(s, v[i].chunk, v[i].off, v[i].len);
    s->holes.dirty = true;
    return 0;
}

/* See lib.h. */
void
store_holes_forget_chunk(struct store *s, int64_t chunk)
{
    struct store_holes *h = &s->holes;
    size_t w = 0;
    for (size_t i = 0; i < h->n; i++)
        if (h->v[i].chunk != chunk)
            h->v[w++] = h->v[i];
    if (w != h->n)
        h->dirty = true;
    h->n = w;
}

/* n bytes of p written at off of chunk: in memory when it is the writer's
 * pending chunk, in place otherwise. */
static int
hole_write(struct store *s, int64_t chunk, size_t off, const void *p, size_t n,
           struct ds_error *err)
{
    if (chunk == s->chunk.id) {
        if (off > s->chunk.data.len || n > s->chunk.data.len - off)
            goto damaged;
        memcpy(s->chunk.data.data + off, p, n);
        return 0;
    }
    if (off > INT_MAX || n > (size_t)INT_MAX - off)
        goto damaged;
    if (s->chunk_cache.id == chunk) /* its copy no longer holds */
        s->chunk_cache.id = 0;
    sqlite3_blob *b = NULL;
    int rc = sqlite3_blob_open(s->db, "main", "body_chunks", "data", chunk, 1, &b);
    if (rc == SQLITE_OK)
        rc = sqlite3_blob_write(b, p, (int)n, (int)off);
    sqlite3_blob_close(b);
    if (rc == SQLITE_OK)
        return 0;
    if (rc != SQLITE_ERROR)
        return store_fail(s, err, rc, "saving a document's text");
damaged:
    ds_error_set(err, -1, "a hole of stored text lies outside its chunk %lld", (long long)chunk);
    return -1;
}

/* The hole to take for want bytes: the smallest that holds them all, or
 * else the biggest; -1 when none is worth taking. */
static long
hole_pick(const struct store_holes *h, size_t want)
{
    long fit = -1, big = -1;
    for (size_t i = 0; i < h->n; i++) {
        size_t len = h->v[i].len;
        if (len >= want && (fit < 0 || len < h->v[fit].len))
            fit = (long)i;
        if (len >= HOLE_MIN && (big < 0 || len > h->v[big].len))
            big = (long)i;
    }
    return fit >= 0 ? fit : big;
}

/* See lib.h. */
int
store_holes_fill(struct store *s, const void *packed, size_t n, struct buf *ref, size_t *done,
                 struct ds_error *err)
{
    struct store_holes *h = &s->holes;
    const unsigned char *p = packed;
    *done = 0;
    if (store_holes_load(s, err) != 0)
        return -1;
    /* one slice is left for what the holes cannot take */
    for (int k = 0; k < STORE_EXTENTS_MAX - 1 && *done < n; k++) {
        long i = hole_pick(h, n - *done);
        if (i < 0)
            break;
        struct store_hole *o = &h->v[i];
        size_t take = o->len < n - *done ? o->len : n - *done;
        if (hole_write(s, o->chunk, o->off, p + *done, take, err) != 0)
            return -1;
        store_body_ref_add(ref, o->chunk, o->off, take);
        *done += take;
        o->off += take;
        o->len -= take;
        if (o->len == 0)
            h->v[i] = h->v[--h->n];
        h->dirty = true;
    }
    return 0;
}
