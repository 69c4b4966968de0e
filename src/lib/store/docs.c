/*
 * store/docs.c — the indexer's side of the store, part one: files (path ->
 * size, mtime and document), documents (insert, look up, resolve, read)
 * and the document queries the front ends share.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dossier/store_stats.h"
#include "dossier/ingest.h"
#include "dossier/url.h"
#include "dossier/utf8.h"
#include "lib.h"

/* ---- files ------------------------------------------------------------------------ */

int
store_file_get(struct store *s, const char *path, struct file_state *out, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_FILE_GET, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, path);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->size = sqlite3_column_int64(st, 0);
        out->mtime_ns = sqlite3_column_int64(st, 1);
        out->doc_id = sqlite3_column_int64(st, 2);
        out->file_id = sqlite3_column_int64(st, 3);
        sqlite3_reset(st);
        return 0;
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return 1;
    return store_fail(s, err, rc, "reading the file list");
}

/* See store.h. */
int64_t
store_file_id(struct store *s, const char *path, struct ds_error *err)
{
    struct file_state fs;
    int found = store_file_get(s, path, &fs, err);
    return found < 0 ? -1 : found == 0 ? fs.file_id : 0;
}

int
store_file_put(struct store *s, const char *path, const struct file_state *fs,
               struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_FILE_PUT, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, path);
    sqlite3_bind_int64(st, 2, fs->size);
    sqlite3_bind_int64(st, 3, fs->mtime_ns);
    sqlite3_bind_int64(st, 4, fs->doc_id);
    return store_step_done(s, st, "recording a file", err);
}

/* store_file_delete()'s statements, inside its transaction. */
static int
file_delete_in(struct store *s, const char *path, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_FILE_DOC, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, path);
    int rc = sqlite3_step(st);
    int64_t doc = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "forgetting a file");
    if (rc == SQLITE_DONE)
        return 0;
    st = store_stmt(s, SQ_FILE_DEL, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, path);
    if (store_step_done(s, st, "forgetting a file", err) != 0)
        return -1;
    st = store_stmt(s, SQ_FEED_REREAD, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, doc);
    if (store_step_done(s, st, "forgetting a file", err) != 0)
        return -1;
    st = store_stmt(s, SQ_DOC_DEL_ORPHAN, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, doc);
    if (store_step_done(s, st, "forgetting a document", err) != 0)
        return -1;
    return 0;
}

int
store_file_delete(struct store *s, const char *path, struct ds_error *err)
{
    int begun = store_own_begin(s, err);
    if (begun < 0)
        return -1;
    return store_own_end(s, begun, file_delete_in(s, path, err), err);
}

char *
store_prefix_upper(const char *prefix, size_t *ulen_out)
{
    /* the last byte below 0xff plus one, what follows it dropped */
    size_t ulen = prefix ? strlen(prefix) : 0;
    char *upper = ulen ? xstrdup(prefix) : NULL;
    while (ulen > 0 && (unsigned char)upper[ulen - 1] == 0xff)
        ulen--;
    if (ulen > 0)
        upper[ulen - 1] = (char)((unsigned char)upper[ulen - 1] + 1);
    *ulen_out = ulen;
    return upper;
}

int
store_file_each(struct store *s, const char *prefix,
                int (*fn)(const char *path, int64_t file_id, void *ud), void *ud,
                struct ds_error *err)
{
    return store_file_each_after(s, prefix, NULL, fn, ud, err);
}

int
store_file_each_after(struct store *s, const char *prefix, const char *after,
                      int (*fn)(const char *path, int64_t file_id, void *ud), void *ud,
                      struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    /* A range on the primary key: prefix <= path < the next string after
     * every string starting with prefix, and past `after`. */
    size_t ulen;
    char *upper = store_prefix_upper(prefix, &ulen);
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT path, rowid FROM files WHERE path >= ?1%s%s ORDER BY path",
             ulen > 0 ? " AND path < ?2" : "", after ? " AND path > ?3" : "");
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        free(upper);
        return store_fail(s, err, rc, "listing indexed files");
    }
    store_bind_text(st, 1, prefix ? prefix : "");
    if (ulen > 0)
        sqlite3_bind_text(st, 2, upper, (int)ulen, SQLITE_STATIC);
    if (after)
        store_bind_text(st, 3, after);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (fn((const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1), ud) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    free(upper);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "listing indexed files");
    return 0;
}

/* ---- documents -------------------------------------------------------------------- */

/* Names stored for enum date_source (a storage format: never renumber). */
static const char *const date_how_names[] = {
    [DATE_NONE] = NULL,
    [DATE_FEED] = "feed",
    [DATE_FRONT_MATTER] = "front-matter",
    [DATE_HEADER] = "header-block",
    [DATE_PUBLISHED_LINE] = "published-line",
    [DATE_ISO_LINE] = "iso-line",
    [DATE_DATELINE] = "dateline",
    [DATE_BYLINE] = "byline",
    [DATE_PATH] = "path",
    [DATE_METADATA] = "metadata",
};

static enum date_source
store_date_how_parse(const char *t)
{
    for (size_t i = 1; t && i < DS_ARRAY_LEN(date_how_names); i++)
        if (strcmp(t, date_how_names[i]) == 0)
            return (enum date_source)i;
    return DATE_NONE;
}

int64_t
store_doc_by_hash(struct store *s, uint64_t hash, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_DOC_BY_HASH, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, (int64_t)hash);
    int rc = sqlite3_step(st);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "looking up a document");
    return id;
}

/* The first sentence of body, whitespace collapsed, at most max bytes (cut
 * at a word boundary with "…" when longer). Newly allocated; NULL when the
 * body has no text. */
static char *
store_lead(const char *body, size_t max)
{
    struct buf b = BUF_INIT;
    const unsigned char *p = (const unsigned char *)body;
    bool space = false;

    while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        p++;
    for (; *p; p++) {
        unsigned char c = *p;
        if (c < 0x20 || c == 0x7f) {
            if (c == '\n' && p[1] == '\n' && b.len > 0)
                break; /* paragraph end */
            space = b.len > 0;
            continue;
        }
        if (c == ' ') {
            space = b.len > 0;
            continue;
        }
        if (space) {
            buf_putc(&b, ' ');
            space = false;
        }
        buf_putc(&b, (char)c);
        if ((c == '.' || c == '!' || c == '?') && (p[1] == ' ' || p[1] == '\n' || !p[1]) &&
            b.len > 20)
            break;
        /* 。！？ end a sentence in CJK text. */
        if (c == 0x82 && b.len >= 3 && memcmp(b.data + b.len - 3, "\xe3\x80\x82", 3) == 0)
            break;
        if (b.len > max + 4)
            break;
    }
    if (b.len == 0) {
        buf_free(&b);
        return NULL;
    }
    if (b.len > max) {
        size_t cut = max - 3; /* room for "…" */
        while (cut > 0 && ((unsigned char)b.data[cut] & 0xC0) == 0x80)
            cut--;
        size_t sp = cut;
        while (sp > max / 2 && b.data[sp] != ' ')
            sp--;
        if (b.data[sp] == ' ')
            cut = sp;
        b.len = cut;
        b.data[cut] = '\0';
        buf_puts(&b, "…");
    }
    return buf_steal(&b);
}

int
store_doc_insert(struct store *s, const struct article *a, uint64_t hash, int64_t *id_out,
                 struct ds_error *err)
{
    const char *body = a->body ? a->body : "";
    const char *raw = a->raw ? a->raw : body;
    struct buf packed = BUF_INIT;
    ingest_raw_pack(raw, strlen(raw), body, strlen(body), &packed);
    int rc = store_doc_insert_packed(s, a, hash, packed.data, packed.len, id_out, err);
    buf_free(&packed);
    return rc;
}

/* One row (id, value) of statement sid, unless value is NULL. */
static int
doc_put_pair(struct store *s, enum store_stmt_id sid, int64_t id, const char *value,
             const char *what, struct ds_error *err)
{
    if (!value)
        return 0;
    sqlite3_stmt *st = store_stmt(s, sid, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    store_bind_text(st, 2, value);
    return store_step_done(s, st, what, err);
}

/* The rows beside a new document's (only some documents have them): why
 * it is undated, its URL as written and in normal form, its summary. */
static int
doc_put_side_rows(struct store *s, const struct article *a, int64_t id, struct ds_error *err)
{
    if (!a->published && a->undated) {
        sqlite3_stmt *us = store_stmt(s, SQ_DOC_UNDATED_PUT, err);
        if (!us)
            return -1;
        sqlite3_bind_int64(us, 1, id);
        store_bind_text(us, 2, undated_reason_name(a->undated));
        store_bind_text(us, 3, a->day_month);
        if (store_step_done(s, us, "saving why a document is undated", err) != 0)
            return -1;
    }
    if (a->url) {
        char *key = url_normalize(a->url); /* the form pages and items match by */
        int rc = doc_put_pair(s, SQ_DOC_URL_PUT, id, a->url, "saving a document's address", err);
        if (rc == 0)
            rc = doc_put_pair(s, SQ_DOC_URL_KEY_PUT, id, key, "saving a document's address", err);
        free(key);
        if (rc != 0)
            return -1;
    }
    return doc_put_pair(s, SQ_DOC_SUMMARY_PUT, id, a->summary, "saving a document's summary", err);
}

/* Parameters 13-15 of SQ_DOC_INSERT (body, raw, removed) from b, made
 * by store_body_prepare(): the body deflated (store/zbody.c), with the
 * removed lines and the raw pack in the same stream unless the pack is
 * deflated already, or ref, the reference to those bytes in a chunk
 * (store/bodychunk.c) when not empty; b and ref hold the bytes until the
 * statement runs. The full-text entry gets the text itself. */
static void
store_bind_body(sqlite3_stmt *st, const struct article *a, const void *raw_packed, size_t n,
                const struct store_body *b, const struct buf *ref)
{
    if (b->kind && ref->len)
        sqlite3_bind_blob(st, 13, ref->data, (int)ref->len, SQLITE_STATIC);
    else if (b->kind)
        sqlite3_bind_blob(st, 13, b->z.data, (int)b->z.len, SQLITE_STATIC);
    else
        store_bind_text(st, 13, a->body ? a->body : "");
    if (b->kind == 2) { /* both inside the body's blob */
        sqlite3_bind_zeroblob(st, 14, 0);
        sqlite3_bind_null(st, 15);
        return;
    }
    sqlite3_bind_blob(st, 14, raw_packed, (int)n, SQLITE_STATIC);
    store_bind_text(st, 15, a->removed);
}

int
store_doc_insert_packed(struct store *s, const struct article *a, uint64_t hash,
                        const void *raw_packed, size_t n, int64_t *id_out, struct ds_error *err)
{
    return store_doc_insert_body(s, a, hash, raw_packed, n, NULL, id_out, err);
}

int
store_doc_insert_body(struct store *s, const struct article *a, uint64_t hash,
                      const void *raw_packed, size_t n, const struct store_body *pre,
                      int64_t *id_out, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_DOC_INSERT, err);
    if (!st)
        return -1;
    const char *body = a->body ? a->body : "";
    /* the list shows the lead only when there is no title; otherwise
     * store_doc_get() makes it again from the body (1.2 of 118 MB at 10k
     * generated documents, issue 16) */
    char *lead = a->title ? NULL : store_lead(body, 200);
    struct store_body here = {BUF_INIT, 0, false};
    if (!pre || !pre->ready) {
        store_body_prepare_here(s, a, raw_packed, n, &here);
        pre = &here;
    }
    /* inside a transaction the deflated body goes into the pending chunk */
    struct buf ref = BUF_INIT;
    if (pre->kind && store_chunk_put(s, pre->z.data, pre->z.len, &ref, err) < 0) {
        free(lead);
        store_body_clear(&here);
        return -1;
    }
    sqlite3_bind_int64(st, 1, (int64_t)hash);
    store_bind_text(st, 2, a->title);
    store_bind_text(st, 3, a->subtitle);
    store_bind_text(st, 4, a->section);
    store_bind_text(st, 5, a->source);
    store_bind_text(st, 6, a->published);
    int how = (int)a->date_how;
    store_bind_text(st, 7, how >= 0 && (size_t)how < DS_ARRAY_LEN(date_how_names)
                               ? date_how_names[how]
                               : NULL);
    store_bind_text(st, 8, a->byline);
    store_bind_text(st, 9, a->lang);
    store_bind_text(st, 10, a->encoding);
    sqlite3_bind_int64(st, 11, a->words);
    store_bind_text(st, 12, lead);
    store_bind_body(st, a, raw_packed, n, pre, &ref);
    sqlite3_bind_int64(st, 16, (int64_t)time(NULL));
    int rc = store_step_done(s, st, "saving a document", err);
    free(lead);
    store_body_clear(&here);
    if (rc != 0) {
        buf_free(&ref);
        return rc;
    }
    int64_t id = sqlite3_last_insert_rowid(s->db);
    buf_free(&ref);
    if (id_out)
        *id_out = id;
    if (store_tags_restore(s, id, hash, err) != 0 || doc_put_side_rows(s, a, id, err) != 0)
        return -1;
    if (sqlite3_get_autocommit(s->db)) {
        /* (the length chunk is written after the entry: if that write
         * fails, ranking falls back to FTS5's own count) */
        if (store_fts_insert(s, id, a->title, body, err) != 0)
            return -1;
        return store_lengths_flush(s, err);
    }
    /* Inside a transaction the full-text entry waits for store_commit():
     * FTS5 flushes its pending terms to a new segment at every statement
     * savepoint, and the extraction's upserts and foreign-key inserts open
     * one each. Written last, the batch's terms go out as one segment. */
    if (s->nfts_pending == s->fts_pending_cap) {
        s->fts_pending_cap = s->fts_pending_cap ? s->fts_pending_cap * 2 : 256;
        s->fts_pending = xrealloc(s->fts_pending, s->fts_pending_cap * sizeof *s->fts_pending);
    }
    s->fts_pending[s->nfts_pending++] =
        (struct store_fts_entry){id, xstrdup(a->title), xstrdup(body)};
    return 0;
}

void
doc_record_clear(struct doc_record *r)
{
    if (!r)
        return;
    free(r->path);
    free(r->lead);
    article_clear(&r->a);
    memset(r, 0, sizeof *r);
}

/* A's body, removed lines and raw text from columns 11-13 of SQ_DOC_GET
 * (body, raw, removed). The body is text (an older index, a short one) or
 * deflated (store/zbody.c), then maybe with the removed lines and the raw
 * pack inside; the raw text is packed against the body (a blob, schema 7)
 * or text, as an older dossier wrote it before migration 7 ran. 0, or -1
 * when damaged. */
static int
doc_get_text(struct store *s, sqlite3_stmt *st, struct article *a)
{
    struct store_body_extra x = {.raw = BUF_INIT};
    struct buf body = BUF_INIT, slice = BUF_INIT;
    int rc = 0;
    if (sqlite3_column_type(st, 11) == SQLITE_BLOB) {
        const void *p; /* a reference's slice (store/bodychunk.c), or the blob */
        size_t pn;
        rc = store_body_resolve(s, s->db, sqlite3_column_blob(st, 11),
                                (size_t)sqlite3_column_bytes(st, 11), &slice, &p, &pn);
        if (rc == 0)
            rc = store_body_unpack(p, pn, &body, &x);
        buf_free(&slice);
        a->body = buf_steal(&body);
    } else {
        a->body = store_col_dup(st, 11);
    }
    if (!a->body)
        a->body = xstrdup("");
    const void *pack = x.whole ? x.raw.data : sqlite3_column_blob(st, 12);
    size_t pack_n = x.whole ? x.raw.len : (size_t)sqlite3_column_bytes(st, 12);
    a->removed = x.whole ? x.removed : store_col_dup(st, 13);
    if (rc == 0 && (x.whole || sqlite3_column_type(st, 12) == SQLITE_BLOB)) {
        struct buf raw = BUF_INIT;
        rc = ingest_raw_unpack(pack ? pack : "", pack_n, a->body, strlen(a->body), &raw);
        a->raw = buf_steal(&raw);
    } else if (rc == 0) {
        a->raw = store_col_dup(st, 12);
    }
    buf_free(&x.raw);
    if (!a->raw)
        a->raw = xstrdup("");
    return rc;
}

int
store_doc_get(struct store *s, int64_t id, struct doc_record *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = store_stmt(s, SQ_DOC_GET, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            return 1;
        return store_fail(s, err, rc, "reading a document");
    }
    struct article *a = &out->a;
    out->id = id;
    a->title = store_col_dup(st, 0);
    a->subtitle = store_col_dup(st, 1);
    a->section = store_col_dup(st, 2);
    a->source = store_col_dup(st, 3);
    a->published = store_col_dup(st, 4);
    a->date_how = store_date_how_parse((const char *)sqlite3_column_text(st, 5));
    a->byline = store_col_dup(st, 6);
    a->lang = store_col_dup(st, 7);
    a->encoding = store_col_dup(st, 8);
    a->words = sqlite3_column_int(st, 9);
    out->lead = store_col_dup(st, 10);
    out->hash = (uint64_t)sqlite3_column_int64(st, 14);
    a->url = store_col_dup(st, 15);
    a->undated = undated_reason_parse((const char *)sqlite3_column_text(st, 16));
    a->day_month = store_col_dup(st, 17);
    a->summary = store_col_dup(st, 18);
    rc = doc_get_text(s, st, a);
    sqlite3_reset(st);
    if (rc == 0 && a->title && !out->lead) /* stored only for a document without a title */
        out->lead = store_lead(a->body, 200);
    if (rc != 0) {
        doc_record_clear(out);
        ds_error_set(err, -1, "reading a document: the text of document %lld is damaged",
                     (long long)id);
        return -1;
    }

    st = store_stmt(s, SQ_DOC_FIRST_PATH, err);
    if (!st) {
        doc_record_clear(out);
        return -1;
    }
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->path = store_col_dup(st, 0);
        out->nfiles = sqlite3_column_int(st, 1);
        out->missing = sqlite3_column_int(st, 2) != 0;
        a->path = xstrdup(out->path);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW) {
        doc_record_clear(out);
        return store_fail(s, err, rc, "reading a document");
    }
    return 0;
}

int
store_doc_exists(struct store *s, int64_t id, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_DOC_EXISTS, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc == SQLITE_DONE)
        return 1;
    return store_fail(s, err, rc, "looking up a document");
}

static int
store_path_doc(struct store *s, const char *path, int64_t *id_out, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_FILE_DOC, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, path);
    int rc = sqlite3_step(st);
    bool feed = rc == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_NULL;
    if (rc == SQLITE_ROW)
        *id_out = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (feed) /* a feed file: its first item */
        return store_feed_first_doc(s, path, id_out, err);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc == SQLITE_DONE)
        return 1;
    return store_fail(s, err, rc, "looking up a file");
}

int
store_doc_resolve(struct store *s, const char *id_or_path, int64_t *id_out,
                  struct ds_error *err)
{
    const char *p = id_or_path;
    size_t n = strlen(p);

    if (n > 0 && n < 19 && strspn(p, "0123456789") == n) {
        int64_t id = strtoll(p, NULL, 10);
        int rc = store_doc_exists(s, id, err);
        if (rc == 0)
            *id_out = id;
        if (rc != 1)
            return rc;
        /* a file named "42" in the current directory may still match */
    }
    if (n == 0)
        return 1;
    int rc = p[0] == '/' ? store_path_doc(s, p, id_out, err) : 1;
    if (rc != 1)
        return rc;
    char *real = realpath(p, NULL);
    if (real) {
        rc = store_path_doc(s, real, id_out, err);
        free(real);
        if (rc != 1)
            return rc;
    }
    if (p[0] != '/') {
        /* the file may be gone from disk but still indexed: cwd + path */
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd)) {
            char *joined = xasprintf("%s/%s", cwd, p);
            rc = store_path_doc(s, joined, id_out, err);
            free(joined);
            return rc;
        }
    }
    return 1;
}
