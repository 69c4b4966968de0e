/* cmd_index.c — `dossier index [PATH...]`: run the indexer, show progress on a
 * terminal, print a one-line summary and the skipped files. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "dossier/indexer.h"

#define SKIPS_SHOWN 5 /* skipped files named in the summary line */

static void
progress(const struct index_progress *p, void *ud)
{
    (void)ud;
    double mb = (double)p->bytes / 1e6;
    fprintf(stderr, "\r%s %zu/%zu files  %.1f MB  %.1f MB/s ", p->phase, p->done, p->total, mb,
            p->elapsed > 0 ? mb / p->elapsed : 0.0);
    fflush(stderr);
}

/* The roots of earlier runs are kept in the index, so `dossier index` alone
 * refreshes them. New roots are added to the list. */
static char **
remembered_roots(struct store *s, int *n)
{
    char *list = store_meta_get(s, "roots");
    char **roots = NULL;
    *n = 0;
    if (!list)
        return NULL;
    for (char *save = NULL, *p = strtok_r(list, "\n", &save); p; p = strtok_r(NULL, "\n", &save)) {
        roots = xrealloc(roots, (size_t)(*n + 1) * sizeof *roots);
        roots[(*n)++] = xstrdup(p);
    }
    free(list);
    return roots;
}

static int
remember_roots(struct store *s, char **old, int nold, char **add, int nadd, struct ds_error *err)
{
    struct buf b = BUF_INIT;
    for (int i = 0; i < nold; i++)
        buf_printf(&b, "%s\n", old[i]);
    for (int i = 0; i < nadd; i++) {
        char resolved[PATH_MAX];
        const char *abs = realpath(add[i], resolved) ? resolved : add[i];
        bool known = false;
        for (int k = 0; k < nold; k++)
            known = known || strcmp(old[k], abs) == 0;
        if (!known)
            buf_printf(&b, "%s\n", abs);
    }
    int rc = store_meta_set(s, "roots", buf_str(&b), err);
    buf_free(&b);
    return rc;
}

int
cmd_index(int argc, char **argv)
{
    const char *max_size = NULL;
    bool quiet = false;
    const struct cli_option opts[] = {
        {"max-size", 1, &max_size, NULL},
        {"quiet", 0, NULL, &quiet},
        {NULL, 0, NULL, NULL},
    };
    char **paths;
    int npaths;
    int prc = cli_parse(cli_find("index"), argc, argv, opts, &paths, &npaths);
    if (prc != 0)
        return prc > 0 ? 0 : EXIT_ERROR;

    struct index_options io = {0};
    if (max_size) {
        char *end;
        double mib = strtod(max_size, &end);
        if (*end || mib <= 0) {
            fprintf(stderr, "dossier index: --max-size wants a number of MiB, not '%s'\n",
                    max_size);
            free(paths);
            return EXIT_ERROR;
        }
        io.max_bytes = (size_t)(mib * 1024 * 1024);
    }
    if (isatty(STDERR_FILENO) && !quiet)
        io.progress = progress;
    /* A path that does not exist is a typo or an unmounted drive: refuse
     * before anything is indexed or remembered (the index is not even
     * created). */
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            fprintf(stderr, "dossier index: ");
            cli_put_text(stderr, paths[i]);
            fprintf(stderr, ": %s\n", strerror(errno));
            free(paths);
            return EXIT_ERROR;
        }
    }

    struct store *s;
    if (cli_open_store(NULL, STORE_CREATE, &s) != 0) {
        free(paths);
        return EXIT_ERROR;
    }
    int nold = 0;
    char **old = remembered_roots(s, &nold);
    const char *const *roots = (const char *const *)paths;
    int nroots = npaths;
    if (npaths == 0) {
        roots = (const char *const *)old;
        nroots = nold;
    }
    int status = EXIT_FOUND;
    struct ds_error err;
    ds_error_clear(&err);
    struct index_summary sum;
    if (nroots == 0) {
        fprintf(stderr, "dossier index: nothing to index: give a file or a folder\n");
        status = EXIT_ERROR;
    } else if (indexer_run(s, roots, (size_t)nroots, &io, &sum, &err) != 0 ||
               remember_roots(s, old, nold, paths, npaths, &err) != 0) {
        if (io.progress)
            fputc('\n', stderr);
        fprintf(stderr, "dossier index: %s\n", err.msg);
        status = EXIT_ERROR;
        index_summary_clear(&sum);
    } else {
        if (io.progress)
            fputs("\r\033[K", stderr);
        if (!quiet) {
            double mb = (double)sum.bytes / 1e6;
            printf("indexed %zu files in %.2f s (%.1f MB): %zu added, %zu updated, %zu unchanged, "
                   "%zu duplicate%s, %zu removed",
                   sum.files_seen, sum.seconds, mb, sum.added, sum.updated, sum.unchanged,
                   sum.duplicates, sum.duplicates == 1 ? "" : "s", sum.removed);
            if (sum.reextracted)
                printf(", %zu re-extracted (rules changed)", sum.reextracted);
            printf("; skipped %zu", sum.nskips);
            /* a saved page's folder of images and scripts would fill the
             * screen: a few here, all of them in `dossier stats` */
            size_t shown = DS_MIN(sum.nskips, (size_t)SKIPS_SHOWN);
            for (size_t i = 0; i < shown; i++) {
                fputs(i ? ", " : ": ", stdout);
                cli_put_text(stdout, sum.skips[i].path);
                printf(" (%s)", sum.skips[i].reason);
            }
            if (sum.nskips > shown)
                printf(", and %zu more (dossier stats lists them)", sum.nskips - shown);
            putchar('\n');
        }
        index_summary_clear(&sum);
    }
    for (int i = 0; i < nold; i++)
        free(old[i]);
    free(old);
    free(paths);
    store_close(&s);
    return status;
}
