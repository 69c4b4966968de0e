/*
 * util.h — memory, growable buffers, errors and hashing shared by every module.
 *
 * Error policy (one for the whole program):
 *   - Allocation failure is not recoverable: x*alloc() print a message and
 *     abort through ds_fatal(), so callers never check for NULL.
 *   - Recoverable failures return a status (0 ok, -1 failed, or a documented
 *     positive value) and fill a caller-owned struct ds_error with a message
 *     meant for a human, never raw library text.
 *   - ds_fatal() runs the fatal hook first (the TUI registers one that
 *     restores the terminal), then prints and exits with status 2.
 */
#ifndef DOSSIER_UTIL_H
#define DOSSIER_UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define DS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define DS_NORETURN __attribute__((noreturn))
#else
#define DS_PRINTF(f, a)
#define DS_NORETURN
#endif

#define DS_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define DS_MIN(a, b) ((a) < (b) ? (a) : (b))
#define DS_MAX(a, b) ((a) > (b) ? (a) : (b))

/* Allocation: never returns NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);              /* xstrdup(NULL) returns NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) DS_PRINTF(1, 2);

/* Free *p and set it to NULL. */
void ds_freep(void *pp);

/* A growable byte buffer. data is always NUL-terminated once anything has
 * been appended (len excludes the NUL); an empty buffer may have data NULL. */
struct buf {
    char *data;
    size_t len;
    size_t cap;
};

#define BUF_INIT {NULL, 0, 0}
void buf_init(struct buf *b);
void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) DS_PRINTF(2, 3);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void buf_reset(struct buf *b);      /* len = 0, keeps memory */
char *buf_steal(struct buf *b);     /* returns data (never NULL; "" if empty), buffer becomes empty */
const char *buf_str(const struct buf *b); /* data or "" — borrowed until the next append */
void buf_free(struct buf *b);

/* Recoverable error: a message for a human and, where it applies, the byte
 * position in the input that caused it (-1 when none). */
struct ds_error {
    int pos;
    char msg[512];
};

void ds_error_clear(struct ds_error *e);
void ds_error_set(struct ds_error *e, int pos, const char *fmt, ...) DS_PRINTF(3, 4);

/* Fatal errors. The hook runs once, before the message is printed. */
void ds_set_fatal_hook(void (*hook)(void));
DS_NORETURN void ds_fatal(const char *fmt, ...) DS_PRINTF(1, 2);

/* 64-bit hash of a byte string (FNV-1a with a final avalanche); stable across
 * runs and machines, so it may be stored. Not cryptographic. */
uint64_t ds_hash64(const void *p, size_t n);

/* Monotonic clock in seconds, for progress and timing. */
double ds_now(void);
/* CPU seconds the process has used (every thread), for costs in benchmarks. */
double ds_cpu_now(void);

/* String helpers. */
int ds_str_starts_with(const char *s, const char *prefix);
int ds_str_ends_with(const char *s, const char *suffix);
int ds_strcasecmp_ascii(const char *a, const char *b);
/* Trim ASCII space from both ends in place; returns s. */
char *ds_str_trim(char *s);

/* Write a JSON string literal (with quotes) for s: control characters
 * escaped, and a byte that is not UTF-8 written as \udcXX (0xXX + 0xDC00,
 * Python's surrogateescape), so the output is always valid UTF-8. */
void buf_put_json_string(struct buf *b, const char *s);
/* The same, or null when s is NULL. */
void buf_put_json_or_null(struct buf *b, const char *s);

/* Open path for reading if it is a regular file: the open never blocks (a
 * FIFO named like a config file would wait for a writer forever), and
 * anything but a regular file is refused with EINVAL ("not a regular
 * file"). Returns a blocking descriptor, or -1 with errno set and a
 * message in err. */
int ds_open_regular(const char *path, struct ds_error *err);
/* The same as a stdio stream ("r"), or NULL with errno and err set. */
FILE *ds_fopen_regular(const char *path, struct ds_error *err);

/* Read a whole regular file (ds_open_regular) into *out (NUL-terminated).
 * Returns 0, or -1 with errno set and a message in err. Files larger than
 * max_bytes fail with EFBIG. */
int ds_read_file(const char *path, size_t max_bytes, struct buf *out, struct ds_error *err);

/* Where things live. Each returns a newly allocated path.
 *  assets: $DOSSIER_ASSETS, else the installed data dir if present, else the
 *          source tree's assets/ (running from a build tree).
 *  config: $XDG_CONFIG_HOME/dossier (or ~/.config/dossier).
 *  data:   $XDG_DATA_HOME/dossier (or ~/.local/share/dossier). */
char *ds_assets_dir(void);
char *ds_config_dir(void);
char *ds_data_dir(void);
/* The database path: explicit (from --db) if non-NULL, else $DOSSIER_DB,
 * else <data dir>/index.db. */
char *ds_db_path(const char *explicit_path);
/* mkdir -p; returns 0 or -1 with errno. */
int ds_mkdir_p(const char *path, int mode);

#endif
