/*
 * bench_html.c — how fast dossier reads web pages, against its floor: the
 * same bytes through libxml2's HTML parser alone (htmlReadMemory with the
 * options the reader uses, then xmlFreeDoc). One core; the best of N
 * rounds of CPU time, both sides alternating.
 *
 *   bench_html [--rounds N] FILE...
 *
 * Prints one line per side and a RESULT line for bench scripts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "dossier/ingest.h"
#include "dossier/util.h"

static double
cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
    int rounds = 5, first = 1;
    if (argc > 2 && strcmp(argv[1], "--rounds") == 0) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: bench_html [--rounds N] FILE...\n");
        return 2;
    }
    size_t n = (size_t)(argc - first), total = 0;
    struct buf *data = xcalloc(n, sizeof *data);
    struct ds_error err;
    for (size_t i = 0; i < n; i++) {
        if (ds_read_file(argv[first + (int)i], 64u << 20, &data[i], &err) != 0) {
            fprintf(stderr, "bench_html: %s\n", err.msg);
            return 2;
        }
        total += data[i].len;
    }
    int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
               HTML_PARSE_IGNORE_ENC;
    double floor_best = 1e9, ingest_best = 1e9;
    size_t read = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = cpu_now();
        for (size_t i = 0; i < n; i++) {
            htmlDocPtr doc = htmlReadMemory(data[i].data, (int)data[i].len, NULL, "UTF-8", opts);
            if (doc)
                xmlFreeDoc(doc);
        }
        double t1 = cpu_now();
        read = 0;
        for (size_t i = 0; i < n; i++) {
            struct ingest_result res;
            if (ingest_file(NULL, argv[first + (int)i], data[i].data, data[i].len, &res, &err) ==
                0)
                read++;
            ingest_result_clear(&res);
        }
        double t2 = cpu_now();
        floor_best = DS_MIN(floor_best, t1 - t0);
        ingest_best = DS_MIN(ingest_best, t2 - t1);
    }
    double mb = (double)total / 1e6;
    printf("pages  %zu (%zu read as articles), %.1f MB of HTML\n", n, read, mb);
    printf("floor  libxml2 htmlReadMemory: %.3f s cpu, %.1f MB/s\n", floor_best, mb / floor_best);
    printf("dossier ingest_file:           %.3f s cpu, %.1f MB/s (ratio %.2f)\n", ingest_best,
           mb / ingest_best, ingest_best / floor_best);
    printf("RESULT html pages=%zu mb=%.1f floor_mbs=%.1f dossier_mbs=%.1f ratio=%.2f\n", n, mb,
           mb / floor_best, mb / ingest_best, ingest_best / floor_best);
    for (size_t i = 0; i < n; i++)
        buf_free(&data[i]);
    free(data);
    return 0;
}
