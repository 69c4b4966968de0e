/* cmd_index.c — `dossier index [PATH...]`: run the indexer, show progress on a
 * terminal, print a one-line summary and the skipped files; with --watch,
 * keep indexing the folders that change until SIGINT/SIGTERM; `dossier forget
 * PATH...`: remove what was indexed there. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
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
    if (!p->total) { /* a step after the last file: its name only */
        fprintf(stderr, "\r\033[K%s ", p->phase);
        fflush(stderr);
        return;
    }
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

/* Say what the run could not see and kept: always, even with --quiet, since
 * it may be a drive that is not mounted. A root that could not be read
 * makes the run fail (exit 2) after it did what it could. */
static int
warn_missing(const struct index_summary *sum)
{
    if (sum->missing)
        fprintf(stderr,
                "dossier index: %zu file%s could not be seen (a folder missing, unreadable or "
                "empty); %s kept and marked missing: 'dossier forget PATH' or 'dossier index "
                "--prune' removes them\n",
                sum->missing, sum->missing == 1 ? "" : "s", sum->missing == 1 ? "it is" : "they are");
    if (sum->roots_unreadable) {
        fprintf(stderr, "dossier index: %zu of the folders to index could not be read\n",
                sum->roots_unreadable);
        return EXIT_ERROR;
    }
    return EXIT_FOUND;
}

/* Print the one-line summary of a run (and a few skipped files). */
static void
print_summary(const struct index_summary *sum)
{
    double mb = (double)sum->bytes / 1e6;
    printf("indexed %zu file%s in %.2f s (%.1f MB): %zu added, %zu updated, %zu unchanged, "
           "%zu duplicate%s, %zu removed",
           sum->files_seen, sum->files_seen == 1 ? "" : "s", sum->seconds, mb, sum->added, sum->updated, sum->unchanged,
           sum->duplicates, sum->duplicates == 1 ? "" : "s", sum->removed);
    if (sum->feeds)
        printf(" (%zu feed%s: %zu item%s)", sum->feeds, sum->feeds == 1 ? "" : "s", sum->items,
               sum->items == 1 ? "" : "s");
    if (sum->reextracted)
        printf(", %zu re-extracted (rules changed)", sum->reextracted);
    if (sum->missing)
        printf(", %zu missing (kept)", sum->missing);
    if (sum->themes_fitted)
        printf("; themes fitted, %zu articles assigned (%.2f s CPU)", sum->themes_assigned,
               sum->themes_cpu);
    else if (sum->themes_assigned)
        printf("; %zu assigned to themes (%.2f s CPU)", sum->themes_assigned, sum->themes_cpu);
    printf("; skipped %zu", sum->nskips);
    /* a saved page's folder of images and scripts would fill the screen: a
     * few here, all of them in `dossier stats` */
    size_t shown = DS_MIN(sum->nskips, (size_t)SKIPS_SHOWN);
    for (size_t i = 0; i < shown; i++) {
        fputs(i ? ", " : ": ", stdout);
        cli_put_name(stdout, sum->skips[i].path);
        printf(" (%s)", sum->skips[i].reason);
    }
    if (sum->nskips > shown)
        printf(", and %zu more (dossier stats lists them)", sum->nskips - shown);
    putchar('\n');
    fflush(stdout);
    /* where the CPU went, for bench/ (issue 16) */
    const char *steps = getenv("DOSSIER_INDEX_STEPS");
    for (int i = 0; steps && *steps && *steps != '0' && i < IDX_STEP_COUNT; i++)
        fprintf(stderr, "step %-45s %8.3f s CPU\n", index_step_name((enum index_step)i),
                sum->step_cpu[i]);
}

/* One index run over roots, then the new ones among paths remembered;
 * prints its summary. Returns an exit status. */
static int
index_once(struct store *s, const char *const *roots, size_t nroots, char **old, int nold,
           char **paths, int npaths, const struct index_options *io, bool quiet)
{
    struct ds_error err;
    ds_error_clear(&err);
    struct index_summary sum;
    if (indexer_run(s, roots, nroots, io, &sum, &err) != 0 ||
        remember_roots(s, old, nold, paths, npaths, &err) != 0) {
        if (io->progress)
            fputc('\n', stderr);
        fprintf(stderr, "dossier index: %s\n", err.msg);
        index_summary_clear(&sum);
        /* give back the space the failed batch took in the log */
        struct ds_error cerr;
        store_checkpoint(s, &cerr);
        return EXIT_ERROR;
    }
    if (io->progress)
        fputs("\r\033[K", stderr);
    if (!quiet)
        print_summary(&sum);
    int status = warn_missing(&sum);
    index_summary_clear(&sum);
    return status;
}

/* --watch: set by SIGINT or SIGTERM; a second signal ends the program at
 * once (the index stays consistent: every batch is a transaction). */
static volatile sig_atomic_t watch_stop;

static void
on_stop_signal(int sig)
{
    if (watch_stop++) {
        signal(sig, SIG_DFL);
        raise(sig);
    }
}

/* --watch catches SIGINT and SIGTERM from the start, the first run
 * included (a shell starts background jobs with SIGINT ignored). */
static void
catch_stop_signals(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_stop_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

/* The watch is made before the first run, so a file written while that
 * run reads the folders is an event (or a changed signature) the loop
 * sees, not lost until something else changes beside it. */
static struct index_watch *
watch_start(const char *const *roots, size_t nroots)
{
    const char *poll_env = getenv("DOSSIER_WATCH_POLL");
    return index_watch_new(roots, nroots, poll_env && *poll_env == '1');
}

/* `index --watch`: index the folders that change until SIGINT or SIGTERM.
 * Returns an exit status (0 when stopped by a signal). */
static int
watch_loop(struct store *s, struct index_watch *w, size_t nroots,
           const struct index_options *io, bool quiet)
{
    if (!quiet) {
        printf("watching %zu folder%s (%s); Ctrl-C stops\n", nroots, nroots == 1 ? "" : "s",
               index_watch_inotify(w) ? "inotify" : "polling every second");
        fflush(stdout);
    }
    int status = EXIT_FOUND;
    while (!watch_stop && status != EXIT_ERROR) {
        char **dirs;
        size_t n;
        if (index_watch_wait(w, 500, 150, &dirs, &n) <= 0)
            continue;
        if (!watch_stop)
            status = index_once(s, (const char *const *)dirs, n, NULL, 0, NULL, 0, io, quiet);
        for (size_t i = 0; i < n; i++)
            free(dirs[i]);
        free(dirs);
    }
    return status == EXIT_ERROR ? EXIT_ERROR : EXIT_FOUND;
}

/* Parse --max-size MiB into io; false (with a message) when it is no number. */
static bool
parse_max_size(const char *max_size, struct index_options *io)
{
    if (!max_size)
        return true;
    char *end;
    double mib = strtod(max_size, &end);
    if (*end || mib <= 0) {
        fprintf(stderr, "dossier index: --max-size wants a number of MiB, not '%s'\n", max_size);
        return false;
    }
    io->max_bytes = (size_t)(mib * 1024 * 1024);
    return true;
}

/* A path that does not exist is a typo or an unmounted drive: refuse
 * before anything is indexed or remembered (the index is not even
 * created). */
static bool
paths_exist(char **paths, int npaths)
{
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            fprintf(stderr, "dossier index: ");
            cli_put_text(stderr, paths[i]);
            fprintf(stderr, ": %s\n", strerror(errno));
            return false;
        }
    }
    return true;
}

int
cmd_index(int argc, char **argv)
{
    const char *max_size = NULL;
    bool quiet = false, prune = false, watch = false;
    const struct cli_option opts[] = {
        {"max-size", 1, &max_size, NULL},
        {"quiet", 0, NULL, &quiet},
        {"prune", 0, NULL, &prune},
        {"watch", 0, NULL, &watch},
        {NULL, 0, NULL, NULL},
    };
    char **paths;
    int npaths;
    int prc = cli_parse(cli_find("index"), argc, argv, opts, &paths, &npaths);
    if (prc != 0)
        return cli_parse_status(prc);
    struct index_options io = {.prune = prune};
    /* for measuring and testing: the index is the same whatever it says */
    const char *threads = getenv("DOSSIER_INDEX_THREADS");
    if (threads && *threads)
        io.prepare_threads = (size_t)strtoul(threads, NULL, 10);
    if (watch)
        catch_stop_signals();
    if (isatty(STDERR_FILENO) && !quiet)
        io.progress = progress;
    struct store *s = NULL;
    if (!parse_max_size(max_size, &io) || !paths_exist(paths, npaths) ||
        cli_open_store(NULL, STORE_CREATE, &s) != 0) {
        free(paths);
        return EXIT_ERROR;
    }
    int nold = 0;
    char **old = remembered_roots(s, &nold);
    const char *const *roots = (const char *const *)(npaths ? paths : old);
    size_t nroots = (size_t)(npaths ? npaths : nold);
    int status = EXIT_ERROR;
    struct index_watch *w = watch && nroots ? watch_start(roots, nroots) : NULL;
    if (nroots == 0)
        fprintf(stderr, "dossier index: nothing to index: give a file or a folder\n");
    else
        status = index_once(s, roots, nroots, old, nold, paths, npaths, &io, quiet);
    if (w && status != EXIT_ERROR && !watch_stop)
        status = watch_loop(s, w, nroots, &io, quiet);
    index_watch_free(&w);
    for (int i = 0; i < nold; i++)
        free(old[i]);
    free(old);
    free(paths);
    store_close(&s);
    return status;
}

/* Drop forgotten roots (and roots under them) from the remembered list. */
static int
forget_roots(struct store *s, char **forget, int nforget, struct ds_error *err)
{
    int nold = 0;
    char **old = remembered_roots(s, &nold);
    struct buf b = BUF_INIT;
    for (int i = 0; i < nold; i++) {
        bool drop = false;
        for (int k = 0; k < nforget && !drop; k++) {
            char resolved[PATH_MAX];
            const char *abs = realpath(forget[k], resolved) ? resolved : forget[k];
            size_t n = strlen(abs);
            drop = strncmp(old[i], abs, n) == 0 && (old[i][n] == '\0' || old[i][n] == '/');
        }
        if (!drop)
            buf_printf(&b, "%s\n", old[i]);
        free(old[i]);
    }
    free(old);
    int rc = store_meta_set(s, "roots", buf_str(&b), err);
    buf_free(&b);
    return rc;
}

int
cmd_forget(int argc, char **argv)
{
    char **paths;
    int npaths;
    int prc = cli_parse(cli_find("forget"), argc, argv, NULL, &paths, &npaths);
    if (prc != 0)
        return cli_parse_status(prc);
    if (npaths == 0)
        return cli_fail(paths, "forget", "give the files or folders to forget");
    struct store *s;
    if (cli_open_store(NULL, 0, &s) != 0)
        return cli_fail(paths, NULL, NULL);
    struct ds_error err;
    size_t n = 0;
    int status = EXIT_FOUND;
    if (indexer_forget(s, (const char *const *)paths, (size_t)npaths, &n, &err) != 0 ||
        forget_roots(s, paths, npaths, &err) != 0) {
        fprintf(stderr, "dossier forget: %s\n", err.msg);
        status = EXIT_ERROR;
    } else if (n == 0) {
        fprintf(stderr, "dossier forget: nothing indexed there\n");
        status = EXIT_NONE;
    } else {
        printf("forgot %zu file%s\n", n, n == 1 ? "" : "s");
    }
    free(paths);
    store_close(&s);
    return status;
}
