/*
 * store/spans.c — where in the body each mention, topic match and repeated
 * figure is: the spans column of mentions, doc_topics and figure_also.
 *
 * Stored as a BLOB of unsigned LEB128 varints, two per span: the start's
 * distance from the previous span's start (zigzag, so an out-of-order span
 * costs a byte more rather than breaking the format) and the length. A span
 * takes two or three bytes instead of the ten of the text "1385-1394," that
 * older indexes wrote (still read: a TEXT value is that form).
 * Topic rows list every word that matched, so this was a third of the
 * extractions' size (3,000 generated news articles: 4.5 MB of span text).
 */
#include "config.h"

#include <stdlib.h>

#include "lib.h"

/* Spans past this many in one value are damage, not text (a body of 16 MB
 * has fewer words). */
#define SPANS_MAX (1u << 22)

static void
spans_put_varint(struct buf *b, uint64_t v)
{
    while (v >= 0x80) {
        buf_putc(b, (char)(0x80 | (v & 0x7f)));
        v >>= 7;
    }
    buf_putc(b, (char)v);
}

static bool
spans_get_varint(const unsigned char **p, const unsigned char *end, uint64_t *out)
{
    uint64_t v = 0;
    for (int shift = 0; *p < end && shift < 64; shift += 7) {
        unsigned char c = *(*p)++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) {
            *out = v;
            return true;
        }
    }
    return false;
}

static void
spans_push(struct span **sp, size_t *n, size_t *cap, uint32_t start, uint32_t end)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        *sp = xrealloc(*sp, *cap * sizeof **sp);
    }
    (*sp)[*n].start = start;
    (*sp)[*n].end = end;
    (*n)++;
}

/* b (reset first) gets the stored form of the spans. */
static void
spans_format(struct buf *b, const struct span *sp, size_t n)
{
    buf_reset(b);
    buf_puts(b, "");
    int64_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t d = (int64_t)sp[i].start - prev;
        spans_put_varint(b, d >= 0 ? (uint64_t)d << 1 : ((uint64_t)(-d) << 1) - 1);
        spans_put_varint(b, sp[i].end >= sp[i].start ? sp[i].end - sp[i].start : 0);
        prev = sp[i].start;
    }
}

/* The BLOB form, appended to *sp; stops at the first damaged varint. */
static void
spans_decode(const unsigned char *p, size_t len, struct span **sp, size_t *n, size_t *cap)
{
    const unsigned char *end = p + len;
    int64_t prev = 0;
    while (p < end && *n < SPANS_MAX) {
        uint64_t z, l;
        if (!spans_get_varint(&p, end, &z) || !spans_get_varint(&p, end, &l))
            return;
        int64_t start = prev + ((z & 1) ? -(int64_t)((z + 1) >> 1) : (int64_t)(z >> 1));
        if (start < 0 || start > UINT32_MAX || l > UINT32_MAX - (uint64_t)start)
            return;
        spans_push(sp, n, cap, (uint32_t)start, (uint32_t)(start + (int64_t)l));
        prev = start;
    }
}

/* The TEXT form "s-e,s-e" of older indexes, appended to *sp. */
static void
spans_parse_text(const char *p, struct span **sp, size_t *n, size_t *cap)
{
    while (p && *p && *n < SPANS_MAX) {
        char *end;
        unsigned long a = strtoul(p, &end, 10);
        if (end == p || *end != '-')
            return;
        p = end + 1;
        unsigned long b = strtoul(p, &end, 10);
        if (end == p)
            return;
        spans_push(sp, n, cap, (uint32_t)a, (uint32_t)b);
        p = end;
        if (*p == ',')
            p++;
    }
}

/* Either form of a value, appended to *sp. */
static void
spans_of_value(sqlite3_value *v, struct span **sp, size_t *n, size_t *cap)
{
    if (sqlite3_value_type(v) == SQLITE_BLOB)
        spans_decode(sqlite3_value_blob(v), (size_t)sqlite3_value_bytes(v), sp, n, cap);
    else if (sqlite3_value_type(v) == SQLITE_TEXT)
        spans_parse_text((const char *)sqlite3_value_text(v), sp, n, cap);
}

struct span *
store_spans_column(sqlite3_stmt *st, int col, size_t *n_out)
{
    struct span *sp = NULL;
    size_t n = 0, cap = 0;
    spans_of_value(sqlite3_column_value(st, col), &sp, &n, &cap);
    *n_out = n;
    return sp;
}

int
store_bind_spans(sqlite3_stmt *st, int idx, struct buf *scratch, const struct span *sp, size_t n)
{
    spans_format(scratch, sp, n);
    return sqlite3_bind_blob(st, idx, scratch->data, (int)scratch->len, SQLITE_STATIC);
}

/* ds_spans_cat(a, b): the spans of a then those of b, in the BLOB form
 * (a mention's row gathers the spans of an entity found twice). */
static void
store_sql_spans_cat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    struct span *sp = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < argc; i++)
        spans_of_value(argv[i], &sp, &n, &cap);
    struct buf b = BUF_INIT;
    spans_format(&b, sp, n);
    sqlite3_result_blob(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
    buf_free(&b);
    free(sp);
}

int
store_spans_register(struct store *s)
{
    return sqlite3_create_function_v2(s->db, "ds_spans_cat", 2,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                      store_sql_spans_cat, NULL, NULL, NULL);
}
