/*
 * index/watch.c — which folders changed: inotify on Linux (one watch per
 * folder under the roots, hidden folders left out as the walk leaves them
 * out), else a poll that signs each root (paths, sizes, mtimes) once a
 * second. Changes are debounced: after the first event the watch waits
 * until the folders are quiet for a moment (or a little longer at most), so
 * a copy of many files becomes one index run.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/inotify.h>
#endif

#include "dossier/ingest.h"
#include "lib.h"

#define WATCH_POLL_MS 1000      /* the poll fallback signs the roots this often */
#define WATCH_MAX_DEBOUNCE 2000 /* a stream of events waits at most this long */

struct index_watch {
    char **roots;
    size_t nroots;
    int fd;              /* inotify, or -1 when polling */
    char **dirs;         /* watch descriptor -> folder (NULL when none) */
    size_t ndirs;
    uint64_t *sigs;      /* poll: each root's last signature */
    char **changed;      /* folders changed since the last take */
    size_t nchanged, capchanged;
    uint64_t events;     /* counted, so the debounce sees events in a noted folder */
    bool watch_failed;   /* a folder could not be watched (the limit): poll instead */
};

/* Note folder dir as changed (once). */
static void
note_changed(struct index_watch *w, const char *dir)
{
    w->events++;
    for (size_t i = 0; i < w->nchanged; i++)
        if (strcmp(w->changed[i], dir) == 0)
            return;
    idx_push_path(&w->changed, &w->nchanged, &w->capchanged, dir);
}

#ifdef __linux__
#define WATCH_MASK                                                                                \
    (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_ATTRIB)

/* Watch dir and every folder under it (not hidden ones, no symlinks). */
static void
watch_tree(struct index_watch *w, const char *dir)
{
    int wd = inotify_add_watch(w->fd, dir, WATCH_MASK | IN_ONLYDIR);
    if (wd < 0) {
        /* out of watches (fs.inotify.max_user_watches): a folder would be
         * missed, so the whole watch polls instead */
        if (errno == ENOSPC || errno == ENOMEM)
            w->watch_failed = true;
        return;
    }
    if ((size_t)wd >= w->ndirs) {
        size_t n = (size_t)wd + 16;
        w->dirs = xrealloc(w->dirs, n * sizeof *w->dirs);
        memset(w->dirs + w->ndirs, 0, (n - w->ndirs) * sizeof *w->dirs);
        w->ndirs = n;
    }
    free(w->dirs[wd]);
    w->dirs[wd] = xstrdup(dir);
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char *sub = xasprintf("%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
            watch_tree(w, sub);
        free(sub);
    }
    closedir(d);
}

/* Read what inotify has; note the folders that changed. */
static void
read_events(struct index_watch *w)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    ssize_t len;
    while ((len = read(w->fd, buf, sizeof buf)) > 0) {
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            p += sizeof *ev + ev->len;
            if (ev->mask & IN_Q_OVERFLOW) { /* events lost: look at everything */
                for (size_t i = 0; i < w->nroots; i++)
                    note_changed(w, w->roots[i]);
                continue;
            }
            if (ev->wd < 0 || (size_t)ev->wd >= w->ndirs || !w->dirs[ev->wd])
                continue;
            if (ev->mask & IN_IGNORED) {
                free(w->dirs[ev->wd]);
                w->dirs[ev->wd] = NULL;
                continue;
            }
            const char *dir = w->dirs[ev->wd];
            if (ev->len && ev->name[0] == '.')
                continue; /* hidden, and editors' temporary files */
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
                char *sub = xasprintf("%s/%s", dir, ev->name);
                watch_tree(w, sub);
                free(sub);
            }
            note_changed(w, dir);
        }
    }
}
#endif

/* Poll fallback: a signature of a root's files (path, size, mtime). */
static int
sign_file(const char *path, const struct stat *st, void *ud)
{
    uint64_t *h = ud;
    uint64_t v[3] = {ds_hash64(path, strlen(path)), (uint64_t)st->st_size,
                     (uint64_t)st->st_mtim.tv_sec * 1000000000u + (uint64_t)st->st_mtim.tv_nsec};
    *h = ds_hash64(v, sizeof v) ^ (*h * 0x100000001b3ull);
    return 0;
}

static uint64_t
sign_root(const char *root)
{
    uint64_t h = 1469598103934665603ull;
    ingest_walk(&root, 1, sign_file, NULL, &h);
    return h;
}

/* Poll fallback: note the roots whose signature changed. */
static void
poll_roots(struct index_watch *w)
{
    for (size_t i = 0; i < w->nroots; i++) {
        uint64_t h = sign_root(w->roots[i]);
        if (h != w->sigs[i])
            note_changed(w, w->roots[i]);
        w->sigs[i] = h;
    }
}

/* See indexer.h. */
struct index_watch *
index_watch_new(const char *const *roots, size_t nroots, bool poll_only)
{
    struct index_watch *w = xcalloc(1, sizeof *w);
    w->fd = -1;
    w->roots = xcalloc(nroots ? nroots : 1, sizeof *w->roots);
    w->sigs = xcalloc(nroots ? nroots : 1, sizeof *w->sigs);
    for (size_t i = 0; i < nroots; i++)
        w->roots[w->nroots++] = idx_absolute_root(roots[i]);
#ifdef __linux__
    if (!poll_only)
        w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    for (size_t i = 0; w->fd >= 0 && i < w->nroots; i++)
        watch_tree(w, w->roots[i]);
    if (w->fd >= 0 && w->watch_failed) {
        close(w->fd);
        w->fd = -1;
    }
#else
    (void)poll_only;
#endif
    for (size_t i = 0; w->fd < 0 && i < w->nroots; i++)
        w->sigs[i] = sign_root(w->roots[i]);
    return w;
}

/* See indexer.h. */
bool
index_watch_inotify(const struct index_watch *w)
{
    return w->fd >= 0;
}

/* Milliseconds on a monotonic clock. */
static int64_t
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait up to ms for the watch to have something (inotify) or for the next
 * poll; notes what changed. Returns false when a signal interrupted it. */
static bool
wait_some(struct index_watch *w, int ms)
{
    if (w->fd < 0) {
        struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
        if (nanosleep(&ts, NULL) != 0)
            return false;
        poll_roots(w);
        return true;
    }
#ifdef __linux__
    struct pollfd p = {w->fd, POLLIN, 0};
    int rc = poll(&p, 1, ms);
    if (rc < 0)
        return errno != EINTR;
    if (rc > 0)
        read_events(w);
#endif
    return true;
}

/* Is dir a folder with something in it other than hidden entries? */
static bool
has_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool any = false;
    for (struct dirent *e; !any && (e = readdir(d)) != NULL;)
        any = e->d_name[0] != '.';
    closedir(d);
    return any;
}

/* Is path one of the roots? */
static bool
is_root(const struct index_watch *w, const char *path)
{
    for (size_t i = 0; i < w->nroots; i++)
        if (strcmp(w->roots[i], path) == 0)
            return true;
    return false;
}

/* What to index for the changed folders: a folder gone or left empty is
 * indexed from its parent (an index run keeps what an empty root held, as
 * an unmounted drive's), and a folder under another one in the list goes. */
static void
settle_changed(struct index_watch *w)
{
    for (size_t i = 0; i < w->nchanged; i++) {
        char *d = w->changed[i];
        char *slash;
        while (!is_root(w, d) && !has_entries(d) && (slash = strrchr(d, '/')) && slash > d)
            *slash = '\0';
    }
    size_t k = 0;
    for (size_t i = 0; i < w->nchanged; i++) {
        bool under = false;
        for (size_t j = 0; j < w->nchanged && !under; j++) {
            size_t n = strlen(w->changed[j]);
            under = j != i && strncmp(w->changed[i], w->changed[j], n) == 0 &&
                    (w->changed[i][n] == '/' || (w->changed[i][n] == '\0' && j < i));
        }
        if (under)
            free(w->changed[i]);
        else
            w->changed[k++] = w->changed[i];
    }
    w->nchanged = k;
}

/* See indexer.h. */
int
index_watch_wait(struct index_watch *w, int timeout_ms, int debounce_ms, char ***dirs,
                 size_t *n)
{
    *dirs = NULL;
    *n = 0;
    if (w->fd >= 0 && w->watch_failed) { /* a new folder could not be watched */
        close(w->fd);
        w->fd = -1;
        for (size_t i = 0; i < w->nroots; i++) {
            w->sigs[i] = sign_root(w->roots[i]);
            note_changed(w, w->roots[i]);
        }
    }
    int wait = w->fd < 0 ? WATCH_POLL_MS : timeout_ms;
    if (w->nchanged == 0 && !wait_some(w, wait))
        return -1;
    if (w->nchanged == 0)
        return 0;
    /* debounce: until quiet for debounce_ms, or WATCH_MAX_DEBOUNCE in all */
    int64_t start = now_ms();
    for (uint64_t seen = 0; w->fd >= 0 && seen != w->events;) {
        seen = w->events;
        int64_t left = WATCH_MAX_DEBOUNCE - (now_ms() - start);
        if (left <= 0 || !wait_some(w, (int)DS_MIN(left, (int64_t)debounce_ms)))
            break;
    }
    settle_changed(w);
    *dirs = w->changed;
    *n = w->nchanged;
    w->changed = NULL;
    w->nchanged = w->capchanged = 0;
    return 1;
}

/* See indexer.h. */
void
index_watch_free(struct index_watch **wp)
{
    struct index_watch *w = *wp;
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    for (size_t i = 0; i < w->ndirs; i++)
        free(w->dirs[i]);
    free(w->dirs);
    for (size_t i = 0; i < w->nroots; i++)
        free(w->roots[i]);
    free(w->roots);
    for (size_t i = 0; i < w->nchanged; i++)
        free(w->changed[i]);
    free(w->changed);
    free(w->sigs);
    free(w);
    *wp = NULL;
}
