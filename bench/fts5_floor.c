/* fts5_floor.c — the indexing floor: the cost of putting the same files into
 * a bare FTS5 table, with nothing else (no cleaning, no extraction, no
 * metadata). `dossier index` is measured against this number.
 *
 *   fts5_floor --db PATH [--tokenize SPEC | --bigram] [--batch N] [--contentless]
 *              [--cache-mb N] [--read-only] DIR...
 *
 * Files are found recursively (hidden entries skipped) and read in sorted
 * path order; the first non-empty line is the title column, the rest the
 * body. The database is created fresh (PATH, -wal and -shm are removed
 * first) with WAL and synchronous=NORMAL, and documents are inserted --batch
 * per transaction (default 1000). --read-only stops after reading, to give
 * the read floor in process. Variants for experiments: --contentless
 * (content='', the text kept elsewhere), --cache-mb (SQLite page cache size;
 * default SQLite's 2 MB), --tokenize (e.g. trigram).
 *
 * --bigram is the fair floor for Chinese: unicode61 makes a whole run of
 * Han characters between punctuation one token, about a tenth of the tokens
 * dossier's index tokenizer makes of it, so the default floor understates
 * what any exact CJK index must insert. With --bigram, runs of CJK
 * characters (utf8_is_cjk) become the same token stream dossier's tokenizer
 * makes (store/tokenizer.c: overlapping bigrams, a lone character one
 * token, the run's last character colocated at the last bigram's position)
 * but with no folding to one script; the rest goes to porter unicode61
 * remove_diacritics 2 as in the default floor. No extraction, nothing else.
 *
 * Output: one human line on stderr and one key=value line on stdout, e.g.
 *   docs=1000 bytes=2900000 seconds=0.141 mb_s=20.5 docs_s=7092 read_seconds=0.01
 * Exit status 0, or 1 with a message when a file or the database fails.
 *
 * This is a benchmark tool, not part of the library, so it talks to SQLite
 * directly; the program's own SQLite code stays inside src/lib/store*.c.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dossier/utf8.h"
#include "dossier/util.h"

#define FLOOR_DEFAULT_TOKENIZE "porter unicode61 remove_diacritics 2"
#define FLOOR_BIGRAM "floor_bigram"

/* ---- the --bigram tokenizer ---------------------------------------------------------- */

struct bigram {
    fts5_tokenizer porter;
    Fts5Tokenizer *inner;
};

/* Passes porter's tokens on, shifted by the offset of the piece it got. */
struct bg_shift {
    void *ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
    int off;
};

static int
bg_shift_cb(void *p, int tflags, const char *tok, int n, int start, int end)
{
    struct bg_shift *sh = p;
    return sh->xToken(sh->ctx, tflags, tok, n, start + sh->off, end + sh->off);
}

static void
bg_delete(Fts5Tokenizer *p)
{
    struct bigram *b = (struct bigram *)p;
    if (b && b->inner)
        b->porter.xDelete(b->inner);
    free(b);
}

static int
bg_create(void *ctx, const char **args, int nargs, Fts5Tokenizer **out)
{
    fts5_api *api = ctx;
    struct bigram *b = xcalloc(1, sizeof *b);
    void *ud = NULL;
    const char *inner_args[] = {"unicode61", "remove_diacritics", "2"};
    (void)args;
    (void)nargs;
    int rc = api->xFindTokenizer(api, "porter", &ud, &b->porter);
    if (rc == SQLITE_OK)
        rc = b->porter.xCreate(ud, inner_args, 3, &b->inner);
    if (rc != SQLITE_OK) {
        bg_delete((Fts5Tokenizer *)b);
        b = NULL;
    }
    *out = (Fts5Tokenizer *)b;
    return rc;
}

/* text[from, to) to porter, offsets moved to the whole text. */
static int
bg_porter(struct bigram *b, void *ctx, int flags, const char *text, int from, int to,
          int (*xToken)(void *, int, const char *, int, int, int))
{
    if (to <= from)
        return SQLITE_OK;
    struct bg_shift sh = {ctx, xToken, from};
    return b->porter.xTokenize(b->inner, &sh, flags, text + from, to - from, bg_shift_cb);
}

/* The tokens of the CJK run whose characters start at st[0..n), st[n] its
 * end: bigrams, or the one character, and the last character colocated. */
static int
bg_run(const char *text, const int *st, int n, int flags, void *ctx,
       int (*xToken)(void *, int, const char *, int, int, int))
{
    if (n == 1)
        return xToken(ctx, 0, text + st[0], st[1] - st[0], st[0], st[1]);
    for (int i = 0; i + 1 < n; i++) {
        int rc = xToken(ctx, 0, text + st[i], st[i + 2] - st[i], st[i], st[i + 2]);
        if (rc != SQLITE_OK)
            return rc;
    }
    if (flags & FTS5_TOKENIZE_DOCUMENT)
        return xToken(ctx, FTS5_TOKEN_COLOCATED, text + st[n - 1], st[n] - st[n - 1], st[n - 1],
                      st[n]);
    return SQLITE_OK;
}

static int
bg_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int ntext,
            int (*xToken)(void *, int, const char *, int, int, int))
{
    struct bigram *b = (struct bigram *)p;
    int *st = xmalloc(((size_t)ntext + 1) * sizeof *st);
    int n = 0, seg = 0, pos = 0, rc = SQLITE_OK;
    while (pos < ntext && rc == SQLITE_OK) {
        uint32_t cp = 0;
        int len = 1;
        if ((unsigned char)text[pos] >= 0xE3)
            len = utf8_decode(text + pos, (size_t)(ntext - pos), &cp);
        if (utf8_is_cjk(cp)) {
            if (n == 0)
                rc = bg_porter(b, ctx, flags, text, seg, pos, xToken);
            st[n++] = pos;
            pos += len;
            seg = pos;
            continue;
        }
        if (n > 0) {
            st[n] = pos;
            rc = bg_run(text, st, n, flags, ctx, xToken);
            n = 0;
            seg = pos;
        }
        pos += len;
    }
    if (rc == SQLITE_OK && n > 0) {
        st[n] = ntext;
        rc = bg_run(text, st, n, flags, ctx, xToken);
    } else if (rc == SQLITE_OK) {
        rc = bg_porter(b, ctx, flags, text, seg, ntext, xToken);
    }
    free(st);
    return rc;
}

/* Register the --bigram tokenizer with db's FTS5; -1 when FTS5 is missing. */
static int
bg_register(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    static fts5_tokenizer tok = {bg_create, bg_delete, bg_tokenize};
    if (!api || api->xCreateTokenizer(api, FLOOR_BIGRAM, api, &tok, NULL) != SQLITE_OK) {
        fprintf(stderr, "fts5_floor: --bigram: cannot register the tokenizer\n");
        return -1;
    }
    return 0;
}

/* ---- the floor ------------------------------------------------------------------------ */

struct pathlist {
    char **v;
    size_t n, cap;
};

static void
pathlist_add(struct pathlist *pl, char *p)
{
    if (pl->n == pl->cap) {
        pl->cap = pl->cap ? pl->cap * 2 : 1024;
        pl->v = xrealloc(pl->v, pl->cap * sizeof *pl->v);
    }
    pl->v[pl->n++] = p;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect regular files under path (or path itself); -1 on an unreadable root. */
static int
walk(const char *path, struct pathlist *pl, bool root)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        if (root)
            fprintf(stderr, "fts5_floor: %s: %s\n", path, strerror(errno));
        return root ? -1 : 0;
    }
    if (S_ISREG(st.st_mode)) {
        pathlist_add(pl, xstrdup(path));
        return 0;
    }
    if (!S_ISDIR(st.st_mode))
        return 0;
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "fts5_floor: %s: %s\n", path, strerror(errno));
        return root ? -1 : 0;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char *child = xasprintf("%s/%s", path, de->d_name);
        walk(child, pl, false);
        free(child);
    }
    closedir(d);
    return 0;
}

/* Split text into title (first non-empty line) and body (everything after). */
static void
split_title(const char *text, size_t len, const char **title, size_t *tlen, const char **body,
            size_t *blen)
{
    const char *p = text, *end = text + len;
    while (p < end && (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t'))
        p++;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *tend = nl ? nl : end;
    *title = p;
    *tlen = (size_t)(tend - p);
    *body = nl ? nl + 1 : end;
    *blen = (size_t)(end - *body);
}

static int
exec_sql(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "fts5_floor: %s: %s\n", sql, msg ? msg : "error");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static void
remove_db(const char *path)
{
    const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < DS_ARRAY_LEN(suffixes); i++) {
        char *p = xasprintf("%s%s", path, suffixes[i]);
        unlink(p);
        free(p);
    }
}

static void
usage(FILE *f)
{
    fprintf(f, "usage: fts5_floor --db PATH [--tokenize SPEC | --bigram] [--batch N] [--contentless]\n"
               "                  [--cache-mb N] [--read-only] DIR...\n");
}

int
main(int argc, char **argv)
{
    const char *dbpath = NULL, *tokenize = FLOOR_DEFAULT_TOKENIZE;
    long batch = 1000, cache_mb = 0;
    bool read_only = false, contentless = false;
    struct pathlist roots = {0}, files = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            dbpath = argv[++i];
        } else if (strcmp(argv[i], "--tokenize") == 0 && i + 1 < argc) {
            tokenize = argv[++i];
        } else if (strcmp(argv[i], "--batch") == 0 && i + 1 < argc) {
            batch = strtol(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--cache-mb") == 0 && i + 1 < argc) {
            cache_mb = strtol(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--bigram") == 0) {
            tokenize = FLOOR_BIGRAM;
        } else if (strcmp(argv[i], "--contentless") == 0) {
            contentless = true;
        } else if (strcmp(argv[i], "--read-only") == 0) {
            read_only = true;
        } else if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (argv[i][0] == '-') {
            usage(stderr);
            return 2;
        } else {
            pathlist_add(&roots, argv[i]);
        }
    }
    if ((!dbpath && !read_only) || roots.n == 0 || batch < 1 || cache_mb < 0) {
        usage(stderr);
        free(roots.v);
        return 2;
    }
    /* The tokenizer spec goes inside a CREATE statement (DDL cannot bind), so
     * accept only what a tokenizer spec is made of. */
    for (const char *c = tokenize; *c; c++) {
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == ' ' || *c == '_')) {
            fprintf(stderr, "fts5_floor: --tokenize: only [a-z0-9_ ] allowed\n");
            free(roots.v);
            return 2;
        }
    }

    int rc = 1;
    sqlite3 *db = NULL;
    sqlite3_stmt *ins = NULL;
    struct buf text = BUF_INIT;
    struct ds_error err;
    uint64_t bytes = 0;
    size_t docs = 0;
    double read_seconds = 0;

    double t0 = ds_now();
    for (size_t i = 0; i < roots.n; i++)
        if (walk(roots.v[i], &files, true) < 0)
            goto out;
    qsort(files.v, files.n, sizeof *files.v, cmp_str);

    if (!read_only) {
        remove_db(dbpath);
        if (sqlite3_open(dbpath, &db) != SQLITE_OK) {
            fprintf(stderr, "fts5_floor: %s: %s\n", dbpath, sqlite3_errmsg(db));
            goto out;
        }
        char *create = xasprintf("CREATE VIRTUAL TABLE docs USING fts5(title, body, "
                                 "tokenize='%s'%s)", tokenize, contentless ? ", content=''" : "");
        char *cache = xasprintf("PRAGMA cache_size=%ld", cache_mb ? -cache_mb * 1024 : -2000);
        int crc = (strcmp(tokenize, FLOOR_BIGRAM) == 0 && bg_register(db) < 0) ||
                  exec_sql(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") < 0 ||
                  exec_sql(db, cache) < 0 || exec_sql(db, create) < 0;
        free(create);
        free(cache);
        if (crc)
            goto out;
        if (sqlite3_prepare_v2(db, "INSERT INTO docs(title, body) VALUES (?1, ?2)", -1, &ins,
                               NULL) != SQLITE_OK) {
            fprintf(stderr, "fts5_floor: prepare: %s\n", sqlite3_errmsg(db));
            goto out;
        }
        if (exec_sql(db, "BEGIN") < 0)
            goto out;
    }
    for (size_t i = 0; i < files.n; i++) {
        double r0 = ds_now();
        if (ds_read_file(files.v[i], 0, &text, &err) < 0) {
            fprintf(stderr, "fts5_floor: %s\n", err.msg);
            continue;
        }
        read_seconds += ds_now() - r0;
        bytes += text.len;
        docs++;
        if (read_only)
            continue;
        const char *title, *body;
        size_t tlen, blen;
        split_title(buf_str(&text), text.len, &title, &tlen, &body, &blen);
        sqlite3_bind_text(ins, 1, title, (int)tlen, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, body, (int)blen, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            fprintf(stderr, "fts5_floor: insert %s: %s\n", files.v[i], sqlite3_errmsg(db));
            goto out;
        }
        sqlite3_reset(ins);
        if (docs % (size_t)batch == 0 && (exec_sql(db, "COMMIT") < 0 || exec_sql(db, "BEGIN") < 0))
            goto out;
    }
    if (!read_only && exec_sql(db, "COMMIT") < 0)
        goto out;
    double dt = ds_now() - t0;
    double mb = (double)bytes / 1e6;
    fprintf(stderr, "fts5_floor: %zu docs %.1f MB in %.3f s: %.1f MB/s, %.0f docs/s%s\n", docs,
            mb, dt, dt > 0 ? mb / dt : 0.0, dt > 0 ? (double)docs / dt : 0.0,
            read_only ? " (read only)" : "");
    printf("docs=%zu bytes=%llu seconds=%.3f mb_s=%.2f docs_s=%.0f read_seconds=%.3f\n", docs,
           (unsigned long long)bytes, dt, dt > 0 ? mb / dt : 0.0,
           dt > 0 ? (double)docs / dt : 0.0, read_seconds);
    rc = 0;
out:
    sqlite3_finalize(ins);
    sqlite3_close(db);
    buf_free(&text);
    for (size_t i = 0; i < files.n; i++)
        free(files.v[i]);
    free(files.v);
    free(roots.v);
    return rc;
}
