/*
 * extract_dump.c — test driver: run the extractor on text files and print
 * what it found as JSON, one object per file (one per line with -l).
 *
 *   extract_dump [-a ASSETS] [-c CONFIG] [-t TITLE] [-b] FILE...
 *
 * The whole file is the article body (no cleaning: ingest is another
 * module). -b prints only timing: bytes, wall and CPU seconds and MB/s over
 * all files, each file extracted once (the files are read before the clock
 * starts).
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dossier/extract.h"

static void
put_span(struct buf *b, struct span s)
{
    buf_printf(b, "[%u,%u]", s.start, s.end);
}

static void
put_str_or_null(struct buf *b, const char *s)
{
    if (s)
        buf_put_json_string(b, s);
    else
        buf_puts(b, "null");
}

static void
dump(const char *path, const struct extraction *x)
{
    struct buf b = BUF_INIT;
    buf_puts(&b, "{\"file\":");
    buf_put_json_string(&b, path);
    buf_puts(&b, ",\"figures\":[");
    for (size_t i = 0; i < x->nfigures; i++) {
        const struct figure *f = &x->figures[i];
        buf_puts(&b, i ? ",\n  {" : "\n  {");
        buf_puts(&b, "\"text\":");
        buf_put_json_string(&b, f->text);
        buf_printf(&b, ",\"value\":%.17g,\"value_hi\":%.17g,\"unit\":", f->value, f->value_hi);
        put_str_or_null(&b, f->unit);
        buf_puts(&b, ",\"scale\":");
        put_str_or_null(&b, f->scale);
        buf_printf(&b, ",\"kind\":\"%s\",\"direction\":", figure_kind_name(f->kind));
        put_str_or_null(&b, f->direction);
        buf_puts(&b, ",\"approx\":");
        put_str_or_null(&b, f->approx);
        buf_puts(&b, ",\"period\":");
        put_str_or_null(&b, f->period);
        buf_puts(&b, ",\"subject\":");
        put_str_or_null(&b, f->subject);
        buf_puts(&b, ",\"span\":");
        put_span(&b, f->span);
        buf_puts(&b, ",\"sentence\":");
        put_span(&b, f->sentence);
        if (f->nalso) {
            buf_puts(&b, ",\"also\":[");
            for (size_t k = 0; k < f->nalso; k++) {
                buf_puts(&b, k ? "," : "");
                put_span(&b, f->also[k]);
            }
            buf_putc(&b, ']');
        }
        buf_putc(&b, '}');
    }
    buf_puts(&b, "],\"entities\":[");
    for (size_t i = 0; i < x->nentities; i++) {
        const struct entity *e = &x->entities[i];
        buf_puts(&b, i ? ",\n  {" : "\n  {");
        buf_puts(&b, "\"name\":");
        buf_put_json_string(&b, e->name);
        buf_puts(&b, ",\"alt\":");
        put_str_or_null(&b, e->alt);
        buf_printf(&b, ",\"kind\":\"%s\",\"count\":%zu,\"spans\":[", entity_kind_name(e->kind),
                   e->nspans);
        for (size_t k = 0; k < e->nspans; k++) {
            if (k)
                buf_putc(&b, ',');
            put_span(&b, e->spans[k]);
        }
        buf_puts(&b, "]}");
    }
    buf_puts(&b, "],\"topics\":[");
    for (size_t i = 0; i < x->ntopics; i++) {
        const struct topic_score *t = &x->topics[i];
        buf_puts(&b, i ? ",\n  {" : "\n  {");
        buf_puts(&b, "\"slug\":");
        buf_put_json_string(&b, t->slug);
        buf_printf(&b, ",\"score\":%.2f,\"spans\":[", t->score);
        for (size_t k = 0; k < t->nspans; k++) {
            if (k)
                buf_putc(&b, ',');
            put_span(&b, t->spans[k]);
        }
        buf_puts(&b, "]}");
    }
    buf_puts(&b, "]}\n");
    fputs(buf_str(&b), stdout);
    buf_free(&b);
}

int
main(int argc, char **argv)
{
    const char *assets = getenv("DOSSIER_ASSETS");
    const char *config = NULL;
    const char *title = NULL;
    bool bench = false;
    int c;
    while ((c = getopt(argc, argv, "a:c:t:b")) != -1) {
        switch (c) {
        case 'a':
            assets = optarg;
            break;
        case 'c':
            config = optarg;
            break;
        case 't':
            title = optarg;
            break;
        case 'b':
            bench = true;
            break;
        default:
            fprintf(stderr,
                    "usage: extract_dump [-a ASSETS] [-c CONFIG] [-t TITLE] [-b] FILE...\n");
            return 2;
        }
    }
    if (!assets) {
        fprintf(stderr, "extract_dump: set DOSSIER_ASSETS or pass -a\n");
        return 2;
    }
    struct ds_error err;
    ds_error_clear(&err);
    struct extractor *ex = NULL;
    if (extractor_open(assets, config, &ex, &err) != 0) {
        fprintf(stderr, "extract_dump: %s\n", err.msg);
        return 1;
    }
    int nfiles = argc - optind;
    struct buf *texts = xcalloc((size_t)(nfiles > 0 ? nfiles : 1), sizeof *texts);
    size_t total = 0;
    for (int i = 0; i < nfiles; i++) {
        if (ds_read_file(argv[optind + i], 64u << 20, &texts[i], &err) != 0) {
            fprintf(stderr, "extract_dump: %s\n", err.msg);
            return 1;
        }
        total += texts[i].len;
    }
    double t0 = ds_now();
    clock_t c0 = clock();
    size_t nfig = 0, nent = 0, ntop = 0;
    for (int i = 0; i < nfiles; i++) {
        struct article a;
        memset(&a, 0, sizeof a);
        static char empty[1];
        a.body = texts[i].data ? texts[i].data : empty;
        a.title = title ? xstrdup(title) : NULL;
        struct extraction x = {0};
        extractor_run(ex, &a, &x);
        nfig += x.nfigures;
        nent += x.nentities;
        ntop += x.ntopics;
        if (!bench)
            dump(argv[optind + i], &x);
        extraction_clear(&x);
        free(a.title);
    }
    double dt = ds_now() - t0;
    double cpu = (double)(clock() - c0) / CLOCKS_PER_SEC;
    if (bench)
        printf("files %d bytes %zu wall %.3f s (%.1f MB/s) cpu %.3f s (%.1f MB/s) figures %zu "
               "entities %zu topics %zu\n",
               nfiles, total, dt, dt > 0 ? (double)total / 1e6 / dt : 0.0, cpu,
               cpu > 0 ? (double)total / 1e6 / cpu : 0.0, nfig, nent, ntop);
    for (int i = 0; i < nfiles; i++)
        buf_free(&texts[i]);
    free(texts);
    extractor_free(&ex);
    return 0;
}
