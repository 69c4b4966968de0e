/*
 * index/forget.c — `dossier forget`: every indexed file equal to a path or
 * under it goes with its document, and the statistics follow.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/corpus.h"
#include "dossier/store_similar.h"
#include "lib.h"

/* The paths to forget. */
struct forget_list {
    char **paths;
    size_t n, cap;
};

/* store_file_each: collect every path. */
static int
collect_all(const char *path, int64_t file_id, void *ud)
{
    (void)file_id;
    struct forget_list *g = ud;
    idx_push_path(&g->paths, &g->n, &g->cap, path);
    return 0;
}

/* See indexer.h. */
int
indexer_forget(struct store *s, const char *const *paths, size_t npaths, size_t *forgotten,
               struct ds_error *err)
{
    struct forget_list g = {0};
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
            idx_push_path(&g.paths, &g.n, &g.cap, abs);
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
        if (rc == 0) /* the pages the deletions emptied go back */
            rc = store_reclaim(s, NULL, err);
        if (rc == 0)
            *forgotten = g.n;
    }
    for (size_t i = 0; i < g.n; i++)
        free(g.paths[i]);
    free(g.paths);
    return rc;
}
