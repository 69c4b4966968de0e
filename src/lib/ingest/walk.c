/*
 * ingest/walk.c — finding article files: a deterministic recursive walk over
 * the roots the user gave (sorted by name, hidden entries skipped, symlinks
 * followed but never into a directory already visited), and the table of
 * readers that decides which files dossier reads.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

/* ---- readers ------------------------------------------------------------------- */

static const char *const text_ext[] = {".txt", ".text", ".eml", ".org", NULL}; /* .eml: mail.c; .org: Org-mode */
static const char *const md_ext[] = {".md", ".markdown", ".mdown", NULL};
static const char *const html_ext[] = {".html", ".htm", ".xhtml", ".shtml", NULL};
static const char *const feed_ext[] = {".rss", ".atom", ".rdf", ".xml", ".feed", ".enex", NULL};

/* The names the walk considers; the bytes decide the format in the end
 * (sniff.c), so an .html file holding plain text is read as text. */
static const struct reader readers[] = {
    {"text", text_ext, ingest_read_text},
    {"markdown", md_ext, ingest_read_markdown},
    {"html", html_ext, NULL},
    {"feed", feed_ext, ingest_read_feed},
};

/* See ingest.h. Extensions compare case-insensitively. */
const struct reader *
ingest_reader_for(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return NULL;
    for (size_t r = 0; r < DS_ARRAY_LEN(readers); r++)
        for (const char *const *e = readers[r].extensions; *e; e++)
            if (ds_strcasecmp_ascii(dot, *e) == 0)
                return &readers[r];
    return NULL;
}

/* ---- walking ------------------------------------------------------------------- */

struct devino {
    dev_t dev;
    ino_t ino;
};

struct walk {
    int (*on_file)(const char *path, const struct stat *st, void *ud);
    void (*on_skip)(const char *path, const char *reason, void *ud);
    void *ud;
    struct devino *seen;
    size_t nseen, capseen;
    uid_t uid;          /* the real user, read once: getuid() is a system
                         * call, 10% of a no-change run of 100k files */
};

static bool
walk_seen(struct walk *w, const struct stat *st)
{
    for (size_t i = 0; i < w->nseen; i++)
        if (w->seen[i].dev == st->st_dev && w->seen[i].ino == st->st_ino)
            return true;
    if (w->nseen == w->capseen) {
        w->capseen = w->capseen ? w->capseen * 2 : 64;
        w->seen = xrealloc(w->seen, w->capseen * sizeof *w->seen);
    }
    w->seen[w->nseen].dev = st->st_dev;
    w->seen[w->nseen].ino = st->st_ino;
    w->nseen++;
    return false;
}

static void
walk_skip(struct walk *w, const char *path, const char *what, int e)
{
    if (!w->on_skip)
        return;
    char *why = xasprintf("%s: %s", what, strerror(e));
    w->on_skip(path, why, w->ud);
    free(why);
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A path as the walk reaches it: its full name, and the same file as a
 * name relative to its open folder (dfd; AT_FDCWD with the full name when
 * the folder could not be opened), so that a stat or an access check
 * looks up one name instead of every folder of the path again. */
struct at {
    int dfd;
    const char *name;
};

static int walk_path(struct walk *w, const char *path, struct at at, const struct stat *st,
                     bool explicit);

/* One batch of a folder's names: the smallest ones after `after` (NULL:
 * from the first), sorted, at most max of them; *more is set when the
 * folder holds names beyond them. */
struct names {
    char **v;
    size_t n;
    bool more;
};

/* Keep the max smallest of names->v[0..n) (sorted), freeing the rest. */
static void
names_keep(struct names *nm, size_t max)
{
    if (nm->n) /* an empty directory has no array to sort */
        qsort(nm->v, nm->n, sizeof *nm->v, cmp_names);
    for (size_t i = max; i < nm->n; i++)
        free(nm->v[i]);
    if (nm->n > max) {
        nm->n = max;
        nm->more = true;
    }
}

/* Read the next batch of d's names after `after` (see struct names). While
 * reading, at most 2 * max names are held: past that the max smallest are
 * kept and names from the largest of them on are passed over. */
static void
names_read(DIR *d, const char *after, size_t max, struct names *nm)
{
    size_t cap = 0;
    const char *bound = NULL; /* names from here on are not in this batch */
    struct dirent *de;
    nm->v = NULL;
    nm->n = 0;
    nm->more = false;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* hidden, "." and ".." */
        if (after && strcmp(de->d_name, after) <= 0)
            continue;
        if (bound && strcmp(de->d_name, bound) >= 0) {
            nm->more = true;
            continue;
        }
        if (nm->n == cap) {
            cap = cap ? cap * 2 : 32;
            nm->v = xrealloc(nm->v, cap * sizeof *nm->v);
        }
        nm->v[nm->n++] = xstrdup(de->d_name);
        if (nm->n >= 2 * max) {
            names_keep(nm, max);
            bound = nm->v[max - 1];
        }
    }
    names_keep(nm, max);
}

/* Names a folder's listing holds at a time: a folder of more is read
 * again for each next batch (in name order all the same), so that a
 * folder of a million files does not hold a million names (issue 16).
 * DOSSIER_TEST_WALK_NAMES sets it for tests. */
#define WALK_NAMES 8192

static size_t
walk_names_max(void)
{
    const char *e = getenv("DOSSIER_TEST_WALK_NAMES");
    long v = e ? strtol(e, NULL, 10) : 0;
    return v > 0 ? (size_t)v : WALK_NAMES;
}

/* Walk each of nm's names, children of path; rc as walk_path. The
 * folder is held open meanwhile (one descriptor a level of the tree) for
 * the names' stat and access checks. */
static int
walk_names(struct walk *w, const char *path, const struct names *nm)
{
    int rc = 0;
    size_t plen = strlen(path);
    bool root = plen == 1 && path[0] == '/';
    int dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    for (size_t i = 0; i < nm->n && rc == 0; i++) {
        char *child = xasprintf("%s%s%s", path, root ? "" : "/", nm->v[i]);
        struct at at = {dfd, nm->v[i]};
        if (dfd < 0)
            at = (struct at){AT_FDCWD, child};
        struct stat st;
        if (fstatat(at.dfd, at.name, &st, 0) != 0) {
            struct stat lst;
            if (fstatat(at.dfd, at.name, &lst, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(lst.st_mode))
                walk_skip(w, child, "broken link", errno);
            else
                walk_skip(w, child, "unreadable", errno);
        } else {
            rc = walk_path(w, child, at, &st, false);
        }
        free(child);
    }
    if (dfd >= 0)
        close(dfd);
    return rc;
}

static void
names_free(struct names *nm)
{
    for (size_t i = 0; i < nm->n; i++)
        free(nm->v[i]);
    free(nm->v);
    memset(nm, 0, sizeof *nm);
}

/* Walk a folder's entries in name order, a batch of names at a time. The
 * folder is closed while its entries are walked (one open folder at a
 * time, however deep the tree) and opened again for the next batch. */
static int
walk_dir(struct walk *w, const char *path)
{
    size_t max = walk_names_max();
    char *after = NULL;
    int rc = 0;
    bool more = true;
    while (rc == 0 && more) {
        DIR *d = opendir(path);
        if (!d) {
            if (!after)
                walk_skip(w, path, "unreadable", errno);
            break;
        }
        struct names nm;
        names_read(d, after, max, &nm);
        closedir(d);
        rc = walk_names(w, path, &nm);
        more = nm.more && nm.n;
        free(after);
        after = nm.n ? xstrdup(nm.v[nm.n - 1]) : NULL;
        names_free(&nm);
    }
    free(after);
    return rc;
}

/* Can this process read the file? When its mode bits say so for the real
 * user (as access() checks) no system call is made: the owner's bits for
 * the owner, else read for both group and others, or the superuser. A
 * file whose ACL denies a named user what "others" may do is then found
 * unreadable when it is read. Else faccessat() decides. */
static bool
readable(const struct walk *w, struct at at, const struct stat *st)
{
    uid_t uid = w->uid;
    if (uid == 0)
        return true; /* the superuser reads any file (CAP_DAC_OVERRIDE) */
    if (st->st_uid == uid ? (st->st_mode & S_IRUSR) != 0
                          : (st->st_mode & (S_IRGRP | S_IROTH)) == (S_IRGRP | S_IROTH))
        return true;
    return faccessat(at.dfd, at.name, R_OK, 0) == 0;
}

static int
walk_path(struct walk *w, const char *path, struct at at, const struct stat *st, bool explicit)
{
    if (S_ISDIR(st->st_mode)) {
        if (walk_seen(w, st))
            return 0; /* already walked: a link loop or a second name */
        return walk_dir(w, path);
    }
    if (!S_ISREG(st->st_mode))
        return 0;
    if (!ingest_reader_for(path)) {
        /* named as no format dossier reads (an image, a style sheet, the
         * scripts of a saved page): listed, so nothing is left out silently */
        if (w->on_skip)
            w->on_skip(path, explicit ? "no reader for this kind of file" : "not a text, page or feed", w->ud);
        return 0;
    }
    if (!readable(w, at, st)) {
        walk_skip(w, path, "unreadable", errno);
        return 0;
    }
    return w->on_file ? w->on_file(path, st, w->ud) : 0;
}

/* See ingest.h. Roots are resolved with realpath(); a root that does not
 * exist is reported through on_skip. */
int
ingest_walk(const char *const *roots, size_t nroots,
            int (*on_file)(const char *path, const struct stat *st, void *ud),
            void (*on_skip)(const char *path, const char *reason, void *ud), void *ud)
{
    struct walk w = {on_file, on_skip, ud, NULL, 0, 0, getuid()};
    int rc = 0;
    for (size_t i = 0; i < nroots && rc == 0; i++) {
        char *abs = realpath(roots[i], NULL);
        struct stat st;
        if (!abs) {
            walk_skip(&w, roots[i], "cannot open", errno);
            continue;
        }
        if (stat(abs, &st) != 0)
            walk_skip(&w, abs, "cannot open", errno);
        else
            rc = walk_path(&w, abs, (struct at){AT_FDCWD, abs}, &st, true);
        free(abs);
    }
    free(w.seen);
    return rc;
}
