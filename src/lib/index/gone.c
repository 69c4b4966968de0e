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

/* Files a batch of vanished ones holds at most (the chunk size): a run
 * that finds half a million files gone deletes them a batch at a time,
 * each batch its own transaction, instead of listing them all first. */
struct gone {
    struct run *run;
    bool keep_all;        /* the root could not be seen at all */
    bool counting;        /* count only (ngone, nkept), hold nothing */
    size_t ngone, nkept;  /* counted: to remove, to keep marked missing */
    size_t max;           /* paths a batch holds */
    char **paths;         /* to remove */
    size_t n, cap;
    char **missing;       /* to keep, marked missing */
    size_t nmissing, capmissing;
    char *last;           /* a full batch: the path it stopped at */
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

/* store_file_each: a file the walk did not find is counted, or joins the
 * batch (to remove, or to keep marked missing); a full batch stops. */
static int
collect_gone(const char *path, int64_t file_id, void *ud)
{
    struct gone *g = ud;
    struct run *r = g->run;
    if (was_seen(r, file_id))
        return 0;
    bool keep = !r->opts->prune && (g->keep_all || is_unseen(r, path));
    if (g->counting) {
        *(keep ? &g->nkept : &g->ngone) += 1;
        return 0;
    }
    if (keep)
        idx_push_path(&g->missing, &g->nmissing, &g->capmissing, path);
    else
        idx_push_path(&g->paths, &g->n, &g->cap, path);
    if (g->n + g->nmissing < g->max)
        return 0;
    g->last = xstrdup(path);
    return 1;
}

/* Empty the batch. */
static void
gone_clear(struct gone *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->paths[i]);
    for (size_t i = 0; i < g->nmissing; i++)
        free(g->missing[i]);
    g->n = g->nmissing = 0;
    free(g->last);
    g->last = NULL;
}

/* Whether root i can keep what is indexed under it: a root that cannot
 * be opened, or a folder that is now empty although files were indexed
 * under it (an unmounted drive), keeps them all. *unreadable: the root
 * cannot be opened or read. */
static bool
root_keeps_all(const struct run *r, size_t i, const char *abs, bool *unreadable)
{
    struct stat st;
    bool exists = stat(abs, &st) == 0;
    bool is_dir = exists ? S_ISDIR(st.st_mode) : true;
    *unreadable = !exists || (is_dir && access(abs, R_OK | X_OK) != 0);
    return *unreadable || (is_dir && !r->found[i]);
}

/* Count the files of root i that the walk did not find (g->ngone,
 * g->nkept, added to), and report a root that keeps them all. */
static int
count_root(struct run *r, struct gone *g, size_t i, const char *root, struct ds_error *err)
{
    char *abs = idx_absolute_root(root);
    bool unreadable;
    size_t before = g->nkept + g->ngone;
    g->keep_all = root_keeps_all(r, i, abs, &unreadable);
    g->counting = true;
    int rc = store_file_each(r->store, r->prefixes[i], collect_gone, g, err);
    bool any = g->nkept + g->ngone > before;
    if (rc == 0 && !unreadable && g->keep_all && any && !r->opts->prune)
        idx_add_skip(r->sum, abs, "no files found: an unmounted or emptied folder? its documents "
                              "are kept, marked missing");
    if (rc == 0 && g->keep_all && (unreadable || any))
        r->sum->roots_unreadable++;
    free(abs);
    return rc;
}

/* Remove, or keep marked missing, the batch, in one transaction. */
static int
apply_batch(struct run *r, struct gone *g, struct ds_error *err)
{
    int rc = store_begin(r->store, err);
    if (rc != 0)
        return -1;
    for (size_t i = 0; i < g->n && rc == 0; i++) {
        rc = store_items_forget(r->store, g->paths[i], err);
        if (rc == 0)
            rc = store_file_delete(r->store, g->paths[i], err);
        if (rc == 0)
            r->sum->removed++;
    }
    for (size_t i = 0; i < g->nmissing && rc == 0; i++) {
        rc = store_file_mark_missing(r->store, g->missing[i], err);
        if (rc == 0)
            r->sum->missing++;
    }
    if (rc == 0)
        return store_commit(r->store, err);
    store_rollback(r->store);
    return -1;
}

/* The files of root i that the walk did not find, a batch at a time. */
static int
remove_root(struct run *r, struct gone *g, size_t i, const char *root, struct ds_error *err)
{
    char *abs = idx_absolute_root(root);
    bool unreadable;
    g->keep_all = root_keeps_all(r, i, abs, &unreadable);
    g->counting = false;
    free(abs);
    char *after = NULL;
    int rc = 0;
    do {
        rc = store_file_each_after(r->store, r->prefixes[i], after, collect_gone, g, err);
        free(after);
        after = g->last;
        g->last = NULL;
        if (rc == 0)
            rc = apply_batch(r, g, err);
        gone_clear(g);
    } while (rc == 0 && after);
    free(after);
    return rc;
}

/* The missing marks of what is seen again go, root by root. */
static int
clear_missing(struct run *r, const char *const *roots, size_t nroots, struct ds_error *err)
{
    int rc = store_begin(r->store, err);
    for (size_t i = 0; i < nroots && rc == 0; i++) {
        char *abs = idx_absolute_root(roots[i]);
        rc = store_files_clear_missing(r->store, abs, err);
        free(abs);
    }
    if (rc == 0)
        return store_commit(r->store, err);
    store_rollback(r->store);
    return -1;
}

/* See index/lib.h. The vanished files are counted first (nothing held), so
 * that a run with none reads the file list once and writes nothing more. */
int
idx_remove_gone(struct run *r, const char *const *roots, size_t nroots, struct ds_error *err)
{
    size_t chunk = r->opts->chunk_files ? r->opts->chunk_files : INDEX_DEFAULT_CHUNK;
    struct gone g = {.run = r, .max = chunk};
    int rc = 0;
    size_t *per_root = xcalloc(nroots ? nroots : 1, sizeof *per_root);
    for (size_t i = 0; i < nroots && rc == 0; i++) {
        size_t before = g.ngone + g.nkept;
        rc = count_root(r, &g, i, roots[i], err);
        per_root[i] = g.ngone + g.nkept - before;
    }
    if (rc == 0 && g.ngone)
        rc = store_write_mode(r->store, g.ngone * 10 >= r->sum->files_seen, err);
    if (rc == 0)
        rc = clear_missing(r, roots, nroots, err);
    for (size_t i = 0; i < nroots && rc == 0; i++)
        if (per_root[i])
            rc = remove_root(r, &g, i, roots[i], err);
    gone_clear(&g);
    free(g.paths);
    free(g.missing);
    free(per_root);
    return rc;
}
