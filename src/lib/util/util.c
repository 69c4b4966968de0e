/* util.c — allocation, buffers, errors, hashing and paths (see util.h). */
#include "config.h"

#include "dossier/util.h"
#include "dossier/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void (*fatal_hook)(void);

void
ds_set_fatal_hook(void (*hook)(void))
{
    fatal_hook = hook;
}

void
ds_fatal(const char *fmt, ...)
{
    void (*hook)(void) = fatal_hook;
    va_list ap;

    fatal_hook = NULL; /* a failure inside the hook must not loop */
    if (hook)
        hook();
    fputs("dossier: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        ds_fatal("out of memory (%zu bytes)", n);
    return p;
}

void *
xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        ds_fatal("out of memory (%zu x %zu bytes)", count, size);
    return p;
}

void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        ds_fatal("out of memory (%zu bytes)", n);
    return q;
}

char *
xstrdup(const char *s)
{
    return s ? xstrndup(s, strlen(s)) : NULL;
}

char *
xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
xasprintf(const char *fmt, ...)
{
    struct buf b = BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return buf_steal(&b);
}

void
ds_freep(void *pp)
{
    void **p = pp;
    free(*p);
    *p = NULL;
}

/* ---- buffers --------------------------------------------------------------- */

void
buf_init(struct buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void
buf_reserve(struct buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void
buf_append(struct buf *b, const void *p, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
    buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void
buf_reset(struct buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *
buf_steal(struct buf *b)
{
    char *p = b->data ? b->data : xstrdup("");
    buf_init(b);
    return p;
}

const char *
buf_str(const struct buf *b)
{
    return b->data ? b->data : "";
}

void
buf_free(struct buf *b)
{
    free(b->data);
    buf_init(b);
}

void
buf_put_json_string(struct buf *b, const char *s)
{
    buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        switch (*p) {
        case '"': buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\r': buf_puts(b, "\\r"); break;
        default:
            if (*p < 0x20 || *p == 0x7f) {
                buf_printf(b, "\\u%04x", *p);
            } else if (*p < 0x80) {
                buf_putc(b, (char)*p);
            } else {
                /* a byte that is not UTF-8 (a file name from another
                 * locale) as the lone surrogate U+DC80+byte, as Python's
                 * surrogateescape does: the output stays valid UTF-8 and
                 * the name can be rebuilt byte for byte */
                uint32_t cp;
                int k = utf8_decode((const char *)p, strlen((const char *)p), &cp);
                if (cp == 0xFFFD && k == 1) {
                    buf_printf(b, "\\u%04x", 0xDC00 + *p);
                } else {
                    buf_append(b, (const char *)p, (size_t)k);
                    p += k - 1;
                }
            }
        }
    }
    buf_putc(b, '"');
}

void
buf_put_json_or_null(struct buf *b, const char *s)
{
    if (s)
        buf_put_json_string(b, s);
    else
        buf_puts(b, "null");
}

/* ---- errors ---------------------------------------------------------------- */

void
ds_error_clear(struct ds_error *e)
{
    if (!e)
        return;
    e->pos = -1;
    e->msg[0] = '\0';
}

void
ds_error_set(struct ds_error *e, int pos, const char *fmt, ...)
{
    if (!e)
        return;
    va_list ap;
    e->pos = pos;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

/* ---- hashing and time --------------------------------------------------------- */

uint64_t
ds_hash64(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    /* splitmix64 finaliser: FNV's low bits are weak on short inputs */
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

double
ds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double
ds_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- strings ----------------------------------------------------------------- */

int
ds_str_starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
ds_str_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int
ds_strcasecmp_ascii(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
        if (ca != cb || !ca)
            return ca - cb;
    }
}

char *
ds_str_trim(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] && isspace((unsigned char)s[i]))
        i++;
    if (i)
        memmove(s, s + i, n - i + 1);
    return s;
}

/* ---- files and paths ---------------------------------------------------------- */

int
ds_open_regular(const char *path, struct ds_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        int saved = errno;
        ds_error_set(err, -1, "%s: %s", path, strerror(saved));
        errno = saved;
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        ds_error_set(err, -1, "%s: not a regular file", path);
        errno = EINVAL;
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

FILE *
ds_fopen_regular(const char *path, struct ds_error *err)
{
    int fd = ds_open_regular(path, err);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "r");
    if (!f) {
        int saved = errno;
        close(fd);
        ds_error_set(err, -1, "%s: %s", path, strerror(saved));
        errno = saved;
    }
    return f;
}

int
ds_read_file(const char *path, size_t max_bytes, struct buf *out, struct ds_error *err)
{
    int fd = ds_open_regular(path, err);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) == 0 && max_bytes && (size_t)st.st_size > max_bytes) {
        close(fd);
        errno = EFBIG;
        ds_error_set(err, -1, "%s: larger than %zu bytes", path, max_bytes);
        return -1;
    }
    buf_reset(out);
    buf_reserve(out, st.st_size > 0 ? (size_t)st.st_size : 4096);
    for (;;) {
        buf_reserve(out, 65536);
        ssize_t r = read(fd, out->data + out->len, out->cap - out->len - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int saved = errno;
            close(fd);
            ds_error_set(err, -1, "%s: %s", path, strerror(saved));
            errno = saved;
            return -1;
        }
        if (r == 0)
            break;
        out->len += (size_t)r;
        out->data[out->len] = '\0';
        if (max_bytes && out->len > max_bytes) {
            close(fd);
            errno = EFBIG;
            ds_error_set(err, -1, "%s: larger than %zu bytes", path, max_bytes);
            return -1;
        }
    }
    close(fd);
    return 0;
}

static char *
xdg_dir(const char *env, const char *fallback)
{
    const char *base = getenv(env);
    if (base && *base == '/')
        return xasprintf("%s/dossier", base);
    const char *home = getenv("HOME");
    return xasprintf("%s/%s/dossier", home && *home ? home : ".", fallback);
}

char *
ds_config_dir(void)
{
    return xdg_dir("XDG_CONFIG_HOME", ".config");
}

char *
ds_data_dir(void)
{
    return xdg_dir("XDG_DATA_HOME", ".local/share");
}

char *
ds_assets_dir(void)
{
    const char *env = getenv("DOSSIER_ASSETS");
    struct stat st;
    if (env && *env)
        return xstrdup(env);
    if (stat(DOSSIER_DATADIR "/topics.conf", &st) == 0)
        return xstrdup(DOSSIER_DATADIR);
    return xstrdup(DOSSIER_SRCDIR "/assets");
}

char *
ds_db_path(const char *explicit_path)
{
    if (explicit_path && *explicit_path)
        return xstrdup(explicit_path);
    const char *env = getenv("DOSSIER_DB");
    if (env && *env)
        return xstrdup(env);
    char *dir = ds_data_dir();
    char *p = xasprintf("%s/index.db", dir);
    free(dir);
    return p;
}

int
ds_mkdir_p(const char *path, int mode)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, (mode_t)mode) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = mkdir(p, (mode_t)mode);
    free(p);
    return rc == 0 || errno == EEXIST ? 0 : -1;
}
