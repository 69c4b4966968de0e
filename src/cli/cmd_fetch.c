/* cmd_fetch.c — the commands that bring documents from the web into the
 * collection: `dossier add URL...` (pages), `dossier feeds [add|remove]`
 * (the subscription list) and `dossier update` (every feed, conditionally).
 * What is fetched is saved under $XDG_DATA_HOME/dossier/web/<host>/ and then
 * indexed from those files, so the files stay the source of truth. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "dossier/fetch.h"
#include "dossier/indexer.h"

/* $XDG_DATA_HOME/dossier/web/<host> (newly allocated). */
static char *
host_dir(const char *host)
{
    char *dd = ds_data_dir();
    char *dir = xasprintf("%s/web/%s", dd, host);
    free(dd);
    return dir;
}

/* Index the files just saved; prints one summary line. Returns an exit status. */
static int
index_saved(const char *cmd, char **paths, size_t n)
{
    if (n == 0)
        return EXIT_FOUND;
    struct store *s;
    if (cli_open_store(NULL, STORE_CREATE, &s) != 0)
        return EXIT_ERROR;
    struct index_options io = {0};
    struct index_summary sum;
    struct ds_error err;
    ds_error_clear(&err);
    int status = EXIT_FOUND;
    if (indexer_run(s, (const char *const *)paths, n, &io, &sum, &err) != 0) {
        fprintf(stderr, "dossier %s: %s\n", cmd, err.msg);
        status = EXIT_ERROR;
    } else {
        printf("indexed %zu files: %zu added, %zu updated, %zu unchanged", sum.files_seen,
               sum.added, sum.updated, sum.unchanged);
        if (sum.feeds)
            printf(" (%zu items)", sum.items);
        printf("; skipped %zu\n", sum.nskips);
    }
    index_summary_clear(&sum);
    store_close(&s);
    return status;
}

/* Save one fetched page with the browsers' "saved from url" comment on top;
 * returns the path (newly allocated) or NULL with err set. */
static char *
save_page(const struct fetch_result *res, struct ds_error *err)
{
    char *host = fetch_url_host(res->final_url);
    if (!host) {
        ds_error_set(err, -1, "%s: no host", res->final_url);
        return NULL;
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    char day[16], stamp[32];
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    char *slug = fetch_slug(res->final_url, 60);
    char *name = xasprintf("%s-%s.html", day, slug);
    char *dir = host_dir(host);
    char *head = xasprintf("<!-- saved from url=(%04zu)%s -->\n<!-- fetched by %s at %s -->\n",
                           strlen(res->final_url), res->final_url, PACKAGE_STRING, stamp);
    char *path = NULL;
    if (fetch_save(dir, name, head, res->body.data ? res->body.data : "", res->body.len, err) ==
        0)
        path = xasprintf("%s/%s", dir, name);
    free(head);
    free(dir);
    free(name);
    free(slug);
    free(host);
    return path;
}

int
cmd_add(int argc, char **argv)
{
    const struct cli_option opts[] = {{NULL, 0, NULL, NULL}};
    char **urls;
    int nurls;
    int prc = cli_parse(cli_find("add"), argc, argv, opts, &urls, &nurls);
    if (prc != 0)
        return cli_parse_status(prc);
    if (nurls == 0) {
        fprintf(stderr, "dossier add: give the URL of a page\n");
        free(urls);
        return EXIT_ERROR;
    }
    struct fetch_session *f = fetch_new(NULL);
    char **saved = xcalloc((size_t)nurls, sizeof *saved);
    size_t nsaved = 0;
    int status = EXIT_FOUND;
    for (int i = 0; i < nurls; i++) {
        struct fetch_request rq = {urls[i], NULL, NULL};
        struct fetch_result res;
        struct ds_error err;
        ds_error_clear(&err);
        char *path = NULL;
        if (fetch_get(f, &rq, &res, &err) == 0)
            path = save_page(&res, &err);
        if (path) {
            fputs("saved ", stdout);
            cli_put_text(stdout, path);
            putchar('\n');
            saved[nsaved++] = path;
        } else {
            fputs("dossier add: ", stderr);
            cli_put_text(stderr, err.msg);
            fputc('\n', stderr);
            status = EXIT_ERROR;
        }
        fetch_result_clear(&res);
    }
    fetch_free(&f);
    int irc = index_saved("add", saved, nsaved);
    for (size_t i = 0; i < nsaved; i++)
        free(saved[i]);
    free(saved);
    free(urls);
    return status != EXIT_FOUND ? status : irc;
}

/* Print the feed list, one per line or as a JSON array. */
static void
list_feeds(const struct feed_list *l, bool json)
{
    if (!json) {
        for (size_t i = 0; i < l->n; i++) {
            cli_put_text(stdout, l->v[i].name);
            putchar('\t');
            cli_put_text(stdout, l->v[i].url);
            putchar('\n');
        }
        return;
    }
    struct buf b = BUF_INIT;
    buf_putc(&b, '[');
    for (size_t i = 0; i < l->n; i++) {
        buf_puts(&b, i ? ",{\"name\":" : "{\"name\":");
        buf_put_json_string(&b, l->v[i].name);
        cli_json_field(&b, "url", l->v[i].url);
        cli_json_field(&b, "etag", l->v[i].etag);
        cli_json_field(&b, "last_modified", l->v[i].last_modified);
        buf_putc(&b, '}');
    }
    buf_puts(&b, "]\n");
    fputs(buf_str(&b), stdout);
    buf_free(&b);
}

/* The name a feed gets without --name: host (dots as dashes) and path word. */
static char *
default_feed_name(const char *url)
{
    char *host = fetch_url_host(url);
    char *slug = fetch_slug(url, 40);
    char *name = xasprintf("%s-%s", host ? host : "feed", slug);
    for (char *p = name; *p; p++)
        if (*p == '.' || *p == ':')
            *p = '-';
    free(host);
    free(slug);
    return name;
}

/* `feeds add URL` / `feeds remove NAME` on a loaded list; saves it. */
static int
change_feeds(struct feed_list *l, char **words, int n, const char *name)
{
    struct ds_error err;
    ds_error_clear(&err);
    bool add = strcmp(words[0], "add") == 0;
    if ((!add && strcmp(words[0], "remove") != 0) || n != 2) {
        fprintf(stderr, "dossier feeds: use 'feeds add URL [--name NAME]' or "
                        "'feeds remove NAME'\n");
        return EXIT_ERROR;
    }
    if (add) {
        char *dflt = name ? NULL : default_feed_name(words[1]);
        int rc = feed_list_add(l, name ? name : dflt, words[1], &err);
        if (rc == 0)
            printf("added feed %s\n", name ? name : dflt);
        free(dflt);
        if (rc != 0) {
            fprintf(stderr, "dossier feeds: %s\n", err.msg);
            return EXIT_ERROR;
        }
    } else if (feed_list_remove(l, words[1]) != 0) {
        fputs("dossier feeds: no feed called ", stderr);
        cli_put_text(stderr, words[1]);
        fputc('\n', stderr);
        return EXIT_ERROR;
    }
    if (feed_list_save(l, &err) != 0) {
        fprintf(stderr, "dossier feeds: %s\n", err.msg);
        return EXIT_ERROR;
    }
    return EXIT_FOUND;
}

int
cmd_feeds(int argc, char **argv)
{
    bool json = false;
    const char *name = NULL;
    const struct cli_option opts[] = {
        {"json", 0, NULL, &json},
        {"name", 1, &name, NULL},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int n;
    int prc = cli_parse(cli_find("feeds"), argc, argv, opts, &words, &n);
    if (prc != 0)
        return cli_parse_status(prc);
    struct feed_list l;
    struct ds_error err;
    ds_error_clear(&err);
    int status = EXIT_FOUND;
    if (feed_list_load(&l, NULL, &err) != 0) {
        fprintf(stderr, "dossier feeds: %s\n", err.msg);
        status = EXIT_ERROR;
    } else if (n == 0) {
        list_feeds(&l, json);
        status = l.n ? EXIT_FOUND : EXIT_NONE;
    } else {
        status = change_feeds(&l, words, n, name);
    }
    feed_list_clear(&l);
    free(words);
    return status;
}

/* Does the body look like XML (a '<' first, after a BOM and blanks)? */
static bool
looks_like_xml(const struct buf *b)
{
    const char *p = buf_str(b), *end = p + b->len;
    if (b->len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p < end && *p == '<';
}

/* Fetch one feed conditionally; on a new version save it and return its
 * path in *saved. Returns 0 (changed or not), or -1 with err set. */
static int
update_feed(struct fetch_session *f, struct feed_sub *sub, char **saved, struct ds_error *err)
{
    struct fetch_request rq = {sub->url, sub->etag, sub->last_modified};
    struct fetch_result res;
    *saved = NULL;
    if (!feed_name_ok(sub->name)) { /* feeds.tsv may be edited by hand */
        ds_error_set(err, -1, "not a usable feed name (no '/', no leading '.')");
        return -1;
    }
    int rc = fetch_get(f, &rq, &res, err);
    if (rc == 0 && !res.not_modified) {
        char *host = fetch_url_host(sub->url);
        char *hdir = host_dir(host);
        char *dir = xasprintf("%s/feeds", hdir);
        char *file = xasprintf("%s.xml", sub->name);
        if (!looks_like_xml(&res.body)) {
            ds_error_set(err, -1, "%s: not an XML feed; nothing saved", sub->url);
            rc = -1;
        } else if ((rc = fetch_save(dir, file, NULL, buf_str(&res.body), res.body.len, err)) ==
                   0) {
            *saved = xasprintf("%s/%s", dir, file);
            free(sub->etag);
            free(sub->last_modified);
            sub->etag = xstrdup(res.etag);
            sub->last_modified = xstrdup(res.last_modified);
        }
        free(file);
        free(dir);
        free(hdir);
        free(host);
    }
    fetch_result_clear(&res);
    return rc;
}

int
cmd_update(int argc, char **argv)
{
    const struct cli_option opts[] = {{NULL, 0, NULL, NULL}};
    char **words;
    int n;
    int prc = cli_parse(cli_find("update"), argc, argv, opts, &words, &n);
    if (prc != 0)
        return cli_parse_status(prc);
    free(words);
    struct feed_list l;
    struct ds_error err;
    ds_error_clear(&err);
    if (feed_list_load(&l, NULL, &err) != 0) {
        fprintf(stderr, "dossier update: %s\n", err.msg);
        return EXIT_ERROR;
    }
    struct fetch_session *f = fetch_new(NULL);
    char **saved = xcalloc(l.n + 1, sizeof *saved);
    size_t nsaved = 0, unchanged = 0, failed = 0;
    for (size_t i = 0; i < l.n; i++) {
        ds_error_clear(&err);
        if (update_feed(f, &l.v[i], &saved[nsaved], &err) != 0) {
            fputs("dossier update: ", stderr);
            cli_put_text(stderr, l.v[i].name);
            fputs(": ", stderr);
            cli_put_text(stderr, err.msg);
            fputc('\n', stderr);
            failed++;
        } else if (saved[nsaved]) {
            nsaved++;
        } else {
            unchanged++;
        }
    }
    fetch_free(&f);
    printf("%zu feeds: %zu changed, %zu unchanged, %zu failed\n", l.n, nsaved, unchanged, failed);
    int status = failed ? EXIT_ERROR : EXIT_FOUND;
    if (nsaved && feed_list_save(&l, &err) != 0) {
        fprintf(stderr, "dossier update: %s\n", err.msg);
        status = EXIT_ERROR;
    }
    int irc = index_saved("update", saved, nsaved);
    for (size_t i = 0; i < nsaved; i++)
        free(saved[i]);
    free(saved);
    feed_list_clear(&l);
    return status != EXIT_FOUND ? status : irc;
}
