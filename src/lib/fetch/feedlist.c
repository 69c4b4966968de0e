/* feedlist.c — the subscribed feeds, kept in $XDG_DATA_HOME/dossier/feeds.tsv
 * (one feed a line: name, URL, ETag, Last-Modified, options, tab-separated;
 * a line of four columns, as written before options existed, has none), and the
 * slugs that name feeds and saved pages. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/fetch.h"

/* Tabs and newlines would break the line format: they become spaces. */
static char *
field(const char *s)
{
    char *out = xstrdup(s ? s : "");
    for (char *p = out; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
    return out;
}

/* Append one parsed line to the list. */
static void
add_line(struct feed_list *l, char *line)
{
    char *cols[5] = {NULL, NULL, NULL, NULL, NULL};
    int n = 0;
    for (char *tok; n < 5 && (tok = strsep(&line, "\t")) != NULL;)
        cols[n++] = tok;
    if (n < 2 || !*cols[0] || !*cols[1])
        return;
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    struct feed_sub *f = &l->v[l->n++];
    f->name = xstrdup(cols[0]);
    f->url = xstrdup(cols[1]);
    f->etag = cols[2] && *cols[2] ? xstrdup(cols[2]) : NULL;
    f->last_modified = cols[3] && *cols[3] ? xstrdup(cols[3]) : NULL;
    f->articles = cols[4] && strstr(cols[4], "articles") != NULL;
}

/* Load the list (see fetch.h). */
int
feed_list_load(struct feed_list *l, const char *path, struct ds_error *err)
{
    memset(l, 0, sizeof *l);
    if (path) {
        l->path = xstrdup(path);
    } else {
        char *dd = ds_data_dir();
        l->path = xasprintf("%s/feeds.tsv", dd);
        free(dd);
    }
    FILE *fp = fopen(l->path, "r");
    if (!fp) {
        if (errno == ENOENT)
            return 0;
        ds_error_set(err, -1, "%s: %s", l->path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (line[0] != '#')
            add_line(l, line);
    }
    free(line);
    fclose(fp);
    return 0;
}

/* Write the list back atomically (see fetch.h). */
int
feed_list_save(const struct feed_list *l, struct ds_error *err)
{
    struct buf b = BUF_INIT;
    buf_puts(&b, "# dossier feeds: name, URL, ETag, Last-Modified, options (tab-separated)\n");
    for (size_t i = 0; i < l->n; i++) {
        const struct feed_sub *f = &l->v[i];
        char *c[4] = {field(f->name), field(f->url), field(f->etag), field(f->last_modified)};
        buf_printf(&b, "%s\t%s\t%s\t%s\t%s\n", c[0], c[1], c[2], c[3],
                   f->articles ? "articles" : "");
        for (int k = 0; k < 4; k++)
            free(c[k]);
    }
    char *dir = xstrdup(l->path);
    char *slash = strrchr(dir, '/');
    const char *name = l->path;
    if (slash) {
        *slash = '\0';
        name = slash + 1;
    }
    int rc = fetch_save(slash ? dir : ".", name, NULL, b.data ? b.data : "", b.len, err);
    free(dir);
    buf_free(&b);
    return rc;
}

/* Free every entry and the path. */
void
feed_list_clear(struct feed_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].name);
        free(l->v[i].url);
        free(l->v[i].etag);
        free(l->v[i].last_modified);
    }
    free(l->v);
    free(l->path);
    memset(l, 0, sizeof *l);
}

/* The feed called name, or NULL. */
struct feed_sub *
feed_list_find(struct feed_list *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].name, name) == 0)
            return &l->v[i];
    return NULL;
}

/* A name that is safe as a file name in the feeds folder (see fetch.h). */
bool
feed_name_ok(const char *name)
{
    return *name && !strchr(name, '/') && name[0] != '.' && !strpbrk(name, "\t\n\r");
}

/* Add a feed (see fetch.h). */
int
feed_list_add(struct feed_list *l, const char *name, const char *url, bool articles,
              struct ds_error *err)
{
    char *host = fetch_url_host(url);
    if (!host) {
        ds_error_set(err, -1, "%s: not an http or https URL", url);
        return -1;
    }
    free(host);
    if (!feed_name_ok(name)) {
        ds_error_set(err, -1, "'%s': a feed name is a word without '/' or a leading '.'", name);
        return -1;
    }
    if (feed_list_find(l, name)) {
        ds_error_set(err, -1, "a feed called '%s' exists already", name);
        return -1;
    }
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    l->v[l->n++] = (struct feed_sub){xstrdup(name), xstrdup(url), NULL, NULL, articles};
    return 0;
}

/* Remove a feed by name (see fetch.h). */
int
feed_list_remove(struct feed_list *l, const char *name)
{
    struct feed_sub *f = feed_list_find(l, name);
    if (!f)
        return -1;
    size_t i = (size_t)(f - l->v);
    free(f->name);
    free(f->url);
    free(f->etag);
    free(f->last_modified);
    memmove(l->v + i, l->v + i + 1, (l->n - i - 1) * sizeof *l->v);
    l->n--;
    return 0;
}

/* A slug from the host and the last word of the path (see fetch.h). */
char *
fetch_slug(const char *url, size_t max)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t end = strcspn(p, "?#");
    const char *last = p + end;
    while (last > p && last[-1] == '/')
        last--;
    const char *start = last;
    while (start > p && start[-1] != '/')
        start--;
    struct buf b = BUF_INIT;
    bool dash = false;
    for (const char *c = start; c < last && b.len < max; c++) {
        char ch = *c;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (word) {
            if (dash && b.len)
                buf_putc(&b, '-');
            buf_putc(&b, ch);
            dash = false;
        } else {
            dash = true;
        }
    }
    /* Drop a trailing ".html"-like extension word. */
    static const char *const exts[] = {"-html", "-htm", "-xml", "-rss", "-php"};
    for (size_t i = 0; i < DS_ARRAY_LEN(exts); i++)
        if (b.len > strlen(exts[i]) && ds_str_ends_with(buf_str(&b), exts[i]))
            b.len -= strlen(exts[i]), b.data[b.len] = '\0';
    if (b.len == 0)
        buf_puts(&b, "index");
    return buf_steal(&b);
}
