/*
 * index/gone.c — the files an index run no longer sees: deleted ones go,
 * and those the walk could not see (a folder missing, unreadable or
 * emptied, as an unmounted drive) stay, marked missing, until `dossier
 * forget` or `--prune`. What the walk found is a bit per stored file row
 * (not a list of paths), so the run's memory stays fixed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib.h"

/* Is path one the walk could not read, or under one? */
static bool
is_unseen(const struct run *r, const char *path)
{
    for (size_t i = 0; i < r->nunseen; i++) {
        size_t n = strlen(r->unseen[i]);
        if (strncmp(path, r->unseen[i], n) == 0 && (path[n] == '\0' || path[n] == '/'))
            return true;
    }
    return false;
}

/* See index/lib.h. */
void
idx_mark_seen(struct run *r, int64_t file_id)
{
    if (file_id <= 0)
        return;
    size_t w = (size_t)file_id / 64;
    if (w >= r->nseen) {
        size_t n = r->nseen ? r->nseen : 1024;
        while (n <= w)
            n *= 2;
        r->seen = xrealloc(r->seen, n * sizeof *r->seen);
        memset(r->seen + r->nseen, 0, (n - r->nseen) * sizeof *r->seen);
        r->nseen = n;
    }
    r->seen[w] |= (uint64_t)1 << (file_id % 64);
}

/* Did the walk find the file of row file_id? */
static bool
was_seen(const struct run *r, int64_t file_id)
{
    size_t w = (size_t)file_id / 64;
    return file_id > 0 && w < r->nseen && (r->seen[w] >> (file_id % 64) & 1);
}

/* See index/lib.h. */
int
idx_mark_stored(struct run *r, const char *path, struct ds_error *err)
{
    int64_t id = store_file_id(r->store, path, err);
    if (id < 0)
        return -1;
    idx_mark_seen(r, id);
    return 0;
}

/* See index/lib.h. A folder's prefix ends in "/", so that /a/b does not
 * take in /a/bc. */
char *
idx_root_prefix(const char *root)
{
    char *abs = idx_absolute_root(root);
    struct stat st;
    bool is_dir = stat(abs, &st) == 0 ? S_ISDIR(st.st_mode) : true;
    if (!is_dir || ds_str_ends_with(abs, "/"))
        return abs;
    char *prefix = xasprintf("%s/", abs);
    free(abs);
    return prefix;
}

struct gone {
    struct run *run;
    bool keep_all;        /* the root could not be seen at all */
    char **paths;         /* to remove */
    size_t n, cap;
    char **missing;       /* to keep, marked missing */
    size_t nmissing, capmissing;
};

/* See index/lib.h. */
void
idx_push_path(char ***list, size_t *n, size_t *cap, const char *path)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *list = xrealloc(*list, *cap * sizeof **list);
    }
    (*list)[(*n)++] = xstrdup(path);
}

static int
collect_gone(const char *path, int64_t file_id, void *ud)
{
    struct gone *g = ud;
    struct run *r = g->run;
    if (was_seen(r, file_id))
        return 0;
    if (!r->opts->prune && (g->keep_all || is_unseen(r, path)))
        idx_push_path(&g->missing, &g->nmissing, &g->capmissing, path);
    else
        idx_push_path(&g->paths, &g->n, &g->cap, path);
    return 0;
}

/* Collect the files of one root that the walk did not find. A root that
 * cannot be opened, or a folder that is now empty although files were
 * indexed under it (an unmounted drive), keeps them all. */
static int
collect_root(struct run *r, struct gone *g, size_t i, const char *root, struct ds_error *err)
{
    char *abs = idx_absolute_root(root);
    struct stat st;
    bool exists = stat(abs, &st) == 0;
    bool is_dir = exists ? S_ISDIR(st.st_mode) : true;
    const char *prefix = r->prefixes[i];
    bool unreadable = !exists || (is_dir && access(abs, R_OK | X_OK) != 0);
    size_t before = g->nmissing + g->n;
    g->keep_all = unreadable || (is_dir && !r->found[i]);
    int rc = store_file_each(r->store, prefix, collect_gone, g, err);
    if (rc == 0 && !unreadable && g->keep_all && g->nmissing + g->n > before &&
        !r->opts->prune)
        idx_add_skip(r->sum, abs, "no files found: an unmounted or emptied folder? its documents "
                              "are kept, marked missing");
    if (rc == 0 && g->keep_all && (unreadable || g->nmissing + g->n > before))
        r->sum->roots_unreadable++;
    free(abs);
    return rc;
}

/* See index/lib.h. */
int
idx_remove_gone(struct run *r, const char *const *roots, size_t nroots, struct ds_error *err)
{
    struct gone g = {.run = r};
    int rc = 0;

    for (size_t i = 0; i < nroots && rc == 0; i++)
        rc = collect_root(r, &g, i, roots[i], err);
    if (rc == 0 && g.n)
        rc = store_write_mode(r->store, g.n * 10 >= r->sum->files_seen, err);
    if (rc == 0)
        rc = store_begin(r->store, err);
    if (rc == 0) {
        /* what is seen again is no longer missing */
        for (size_t i = 0; i < nroots && rc == 0; i++) {
            char *abs = idx_absolute_root(roots[i]);
            rc = store_files_clear_missing(r->store, abs, err);
            free(abs);
        }
        for (size_t i = 0; i < g.n && rc == 0; i++) {
            rc = store_items_forget(r->store, g.paths[i], err);
            if (rc == 0)
                rc = store_file_delete(r->store, g.paths[i], err);
            if (rc == 0)
                r->sum->removed++;
        }
        for (size_t i = 0; i < g.nmissing && rc == 0; i++) {
            rc = store_file_mark_missing(r->store, g.missing[i], err);
            if (rc == 0)
                r->sum->missing++;
        }
        if (rc == 0)
            rc = store_commit(r->store, err);
        else
            store_rollback(r->store);
    }
    for (size_t i = 0; i < g.n; i++)
        free(g.paths[i]);
    free(g.paths);
    for (size_t i = 0; i < g.nmissing; i++)
        free(g.missing[i]);
    free(g.missing);
    return rc;
}
