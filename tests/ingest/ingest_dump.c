/*
 * ingest_dump.c — test driver: runs ingest on files (or folders, walked
 * with ingest_walk) and prints one JSON object per article, so shell tests
 * can compare metadata and bodies with expectations written elsewhere.
 *
 *   ingest_dump [--bench] FILE|DIR...
 *
 * --bench reads every file into memory first, then times ingest_article
 * alone and prints "files bytes seconds MB/s" instead of JSON.
 * Outlets come from $DOSSIER_ASSETS (or the source tree's assets/).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/util.h"

struct files {
    char **paths;
    size_t n, cap;
};

static int
collect(const char *path, const struct stat *st, void *ud)
{
    (void)st;
    struct files *f = ud;
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 256;
        f->paths = xrealloc(f->paths, f->cap * sizeof *f->paths);
    }
    f->paths[f->n++] = xstrdup(path);
    return 0;
}

static void
skipped(const char *path, const char *reason, void *ud)
{
    (void)ud;
    fprintf(stderr, "skip: %s: %s\n", path, reason);
}

static double
cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
field(struct buf *b, const char *k, const char *v, bool comma)
{
    buf_printf(b, "%s\"%s\":", comma ? "," : "", k);
    if (v)
        buf_put_json_string(b, v);
    else
        buf_puts(b, "null");
}

/* One article as a JSON line; item is the feed item's key (or NULL). */
static void
dump_article(struct buf *out, const char *path, const char *item, const char *error,
             const struct article *a)
{
    buf_reset(out);
    field(out, "path", path, false);
    if (item)
        field(out, "item", item, true);
    field(out, "error", error, true);
    field(out, "encoding", a->encoding, true);
    field(out, "title", a->title, true);
    field(out, "subtitle", a->subtitle, true);
    field(out, "summary", a->summary, true);
    field(out, "section", a->section, true);
    field(out, "source", a->source, true);
    field(out, "published", a->published, true);
    field(out, "date_how", a->published ? date_source_name(a->date_how) : NULL, true);
    if (!a->published)
        field(out, "undated", undated_reason_name(a->undated), true);
    if (a->day_month)
        field(out, "day_month", a->day_month, true);
    field(out, "byline", a->byline, true);
    field(out, "lang", a->lang, true);
    if (a->url || item)
        field(out, "url", a->url, true);
    if (a->tags)
        field(out, "tags", a->tags, true);
    buf_printf(out, ",\"words\":%d", a->words);
    field(out, "body", a->body, true);
    field(out, "removed", a->removed, true);
    field(out, "raw", a->raw, true);
    buf_puts(out, "}\n");
    fputc('{', stdout);
    fwrite(out->data, 1, out->len, stdout);
}

/* A feed: one line per item, and one for the feed's error if it broke. */
static void
dump_feed(const struct ingest_ctx *ctx, const char *path, const struct buf *bytes,
          struct buf *out)
{
    struct feed feed;
    struct ds_error err;
    if (ingest_feed_read(bytes->data, bytes->len, &feed, &err) != 0) {
        struct article none = {0};
        dump_article(out, path, NULL, err.msg, &none);
        return;
    }
    for (size_t k = 0; k < feed.n; k++) {
        struct article a;
        int r = ingest_feed_article(ctx, path, &feed, k, &a, &err);
        dump_article(out, path, feed.items[k].key, r ? err.msg : NULL, &a);
        article_clear(&a);
    }
    if (feed.error) {
        struct article none = {0};
        dump_article(out, path, NULL, feed.error, &none);
    }
    feed_clear(&feed);
}

int
main(int argc, char **argv)
{
    bool bench = false;
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--bench") == 0) {
        bench = true;
        first = 2;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: ingest_dump [--bench] FILE|DIR...\n");
        return 2;
    }
    struct files f = {NULL, 0, 0};
    ingest_walk((const char *const *)argv + first, (size_t)(argc - first), collect, skipped, &f);

    struct ds_error err;
    struct outlets *outlets = NULL;
    char *assets = ds_assets_dir();
    if (outlets_load(assets, NULL, &outlets, &err) != 0) {
        fprintf(stderr, "ingest_dump: %s\n", err.msg);
        return 2;
    }
    free(assets);
    struct ingest_ctx ctx = {outlets, NULL, 0};

    int rc = 0;
    if (bench) {
        struct buf *data = xcalloc(f.n ? f.n : 1, sizeof *data);
        size_t total = 0;
        for (size_t i = 0; i < f.n; i++) {
            if (ds_read_file(f.paths[i], 64u << 20, &data[i], &err) != 0)
                fprintf(stderr, "%s: %s\n", f.paths[i], err.msg);
            total += data[i].len;
        }
        double best = 1e9, best_cpu = 1e9;
        for (int round = 0; round < 5; round++) {
            double t0 = ds_now(), c0 = cpu_now();
            for (size_t i = 0; i < f.n; i++) {
                struct article a;
                ingest_article(&ctx, f.paths[i], data[i].data, data[i].len, &a, &err);
                article_clear(&a);
            }
            double dt = ds_now() - t0, dc = cpu_now() - c0;
            if (dt < best)
                best = dt;
            if (dc < best_cpu)
                best_cpu = dc;
        }
        /* CPU time as well as wall time: other jobs on the machine inflate the latter */
        printf("%zu files %zu bytes wall %.4f s %.1f MB/s, cpu %.4f s %.1f MB/s\n", f.n, total,
               best, best > 0 ? (double)total / 1e6 / best : 0.0, best_cpu,
               best_cpu > 0 ? (double)total / 1e6 / best_cpu : 0.0);
        for (size_t i = 0; i < f.n; i++)
            buf_free(&data[i]);
        free(data);
    } else {
        struct buf bytes = BUF_INIT, out = BUF_INIT;
        for (size_t i = 0; i < f.n; i++) {
            struct article a;
            buf_reset(&bytes);
            buf_reset(&out);
            if (ds_read_file(f.paths[i], 64u << 20, &bytes, &err) != 0) {
                fprintf(stderr, "%s: %s\n", f.paths[i], err.msg);
                rc = 1;
                continue;
            }
            if (ingest_format_of(f.paths[i], bytes.data, bytes.len) == INGEST_FEED) {
                dump_feed(&ctx, f.paths[i], &bytes, &out);
                continue;
            }
            int r = ingest_article(&ctx, f.paths[i], bytes.data, bytes.len, &a, &err);
            dump_article(&out, f.paths[i], NULL, r ? err.msg : NULL, &a);
            article_clear(&a);
        }
        buf_free(&bytes);
        buf_free(&out);
    }
    for (size_t i = 0; i < f.n; i++)
        free(f.paths[i]);
    free(f.paths);
    outlets_free(&outlets);
    return rc;
}
