/*
 * index/forget.c — `dossier forget`: drop what the index holds of files and
 * folders the user names (kept until now because a run could not see
 * them), then bring the near-duplicate bands and the statistics up to date.
 */
#include "config.h"

#include <stdlib.h>

#include "dossier/compare.h"
#include "dossier/corpus.h"
#include "dossier/indexer.h"
#include "dossier/store.h"
#include "dossier/store_similar.h"
#include "lib.h"

/* Paths to forget. */
struct forget {
    char **paths;
    size_t n, cap;
};

static void
push_path(struct forget *g, const char *path)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 64;
        g->paths = xrealloc(g->paths, g->cap * sizeof *g->paths);
    }
    g->paths[g->n++] = xstrdup(path);
}

static int
collect_all(const char *path, void *ud)
{
    push_path(ud, path);
    return 0;
}

int
indexer_forget(struct store *s, const char *const *paths, size_t npaths, size_t *forgotten,
               struct ds_error *err)
{
    struct forget g = {0};
    int rc = 0;
    *forgotten = 0;
    for (size_t i = 0; i < npaths && rc == 0; i++) {
        char *abs = idx_absolute_root(paths[i]);
        char *dir = ds_str_ends_with(abs, "/") ? xstrdup(abs) : xasprintf("%s/", abs);
        struct file_state fs;
        int found = store_file_get(s, abs, &fs, err);
        if (found < 0)
            rc = -1;
        else if (found == 0)
            push_path(&g, abs);
        if (rc == 0)
            rc = store_file_each(s, dir, collect_all, &g, err);
        free(dir);
        free(abs);
    }
    if (rc == 0 && g.n) {
        rc = store_begin(s, err);
        for (size_t i = 0; i < g.n && rc == 0; i++)
            rc = store_file_delete(s, g.paths[i], err);
        if (rc == 0)
            rc = store_commit(s, err);
        else
            store_rollback(s);
        /* the near-duplicate bands and the statistics follow the documents */
        int stale = rc == 0 ? store_sig_stale(s, err) : -1;
        if (stale < 0 || (stale > 0 && neardup_backfill(s, err) < 0))
            rc = -1;
        if (rc == 0)
            rc = corpus_refresh(s, false, err);
        if (rc == 0)
            *forgotten = g.n;
    }
    for (size_t i = 0; i < g.n; i++)
        free(g.paths[i]);
    free(g.paths);
    return rc;
}
