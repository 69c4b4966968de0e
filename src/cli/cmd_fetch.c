/* cmd_fetch.c — the commands that bring documents from the web into the
 * collection: `dossier add URL...` (pages), `dossier feeds [add|remove]`
 * (the subscription list) and `dossier update` (every feed, conditionally;
 * with --articles, or a feed's own setting, also the page behind each new
 * item). What is fetched is saved under $XDG_DATA_HOME/dossier/web/<host>/
 * and then indexed from those files, so the files stay the source of truth;
 * the index links a feed item to the page of the same URL
 * (store_items_link_pages), so the page stands for the item. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "dossier/fetch.h"
#include "dossier/indexer.h"
#include "dossier/ingest.h"

/* $XDG_DATA_HOME/dossier/web/<host> (newly allocated). */
static char *
host_dir(const char *host)
{
    char *dd = ds_data_dir();
    char *dir = xasprintf("%s/web/%s", dd, host);
    free(dd);
    return dir;
}

/* Index the files just saved into s (NULL: the index is opened here);
 * prints one summary line. Returns an exit status. */
static int
index_saved(const char *cmd, struct store *given, char **paths, size_t n)
{
    if (n == 0)
        return EXIT_FOUND;
    struct store *s = given;
    if (!s && cli_open_store(NULL, STORE_CREATE, &s) != 0)
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
    if (!given)
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
    if (nurls == 0)
        return cli_fail(urls, "add", "give the URL of a page");
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
    int irc = index_saved("add", NULL, saved, nsaved);
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
            fputs(l->v[i].articles ? "\tarticles\n" : "\n", stdout);
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
        buf_puts(&b, l->v[i].articles ? ",\"articles\":true}" : ",\"articles\":false}");
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
change_feeds(struct feed_list *l, char **words, int n, const char *name, bool articles)
{
    struct ds_error err;
    ds_error_clear(&err);
    bool add = strcmp(words[0], "add") == 0;
    if ((!add && strcmp(words[0], "remove") != 0) || n != 2) {
        fprintf(stderr, "dossier feeds: use 'feeds add URL [--name NAME] [--articles]' or "
                        "'feeds remove NAME'\n");
        return EXIT_ERROR;
    }
    if (add) {
        char *dflt = name ? NULL : default_feed_name(words[1]);
        int rc = feed_list_add(l, name ? name : dflt, words[1], articles, &err);
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
    bool json = false, articles = false;
    const char *name = NULL;
    const struct cli_option opts[] = {
        {"json", 0, NULL, &json},
        {"name", 1, &name, NULL},
        {"articles", 0, NULL, &articles},
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
        status = change_feeds(&l, words, n, name, articles);
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

/* Fetch one feed conditionally; on a new version save it, return its path
 * in *saved and hand its bytes to *body. Returns 0 (changed or not), or -1
 * with err set. */
static int
update_feed(struct fetch_session *f, struct feed_sub *sub, char **saved, struct buf *body,
            struct ds_error *err)
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
            *body = res.body;
            res.body = (struct buf)BUF_INIT;
        }
        free(file);
        free(dir);
        free(hdir);
        free(host);
    }
    fetch_result_clear(&res);
    return rc;
}

/* What one `update` did, and the files it saved (to index). */
struct update_run {
    struct fetch_session *f;
    struct store *s;      /* open when pages are fetched */
    char **saved;
    size_t nsaved, cap;
    size_t changed, unchanged, failed;
    size_t pages, pages_failed;
};

static void
update_keep(struct update_run *u, char *path)
{
    if (u->nsaved == u->cap) {
        u->cap = u->cap ? u->cap * 2 : 16;
        u->saved = xrealloc(u->saved, u->cap * sizeof *u->saved);
    }
    u->saved[u->nsaved++] = path;
}

/* Say on stderr that what (a feed's name, a URL) failed, and why. */
static void
update_complain(const char *what, const char *msg)
{
    fputs("dossier update: ", stderr);
    cli_put_text(stderr, what);
    fputs(": ", stderr);
    cli_put_text(stderr, msg);
    fputc('\n', stderr);
}

/* Is item new to the index: no item of that key stored for this feed file,
 * and no page stating its link? -1 on a database error. */
static int
item_is_new(struct update_run *u, const struct store_item *known, size_t nknown,
            const struct feed_item *it, struct ds_error *err)
{
    uint64_t kh = ds_hash64(it->key, strlen(it->key));
    for (size_t k = 0; k < nknown; k++)
        if (known[k].key_hash == kh)
            return 0;
    int page = store_page_with_url(u->s, it->link, err);
    return page < 0 ? -1 : !page;
}

/* Fetch and save the page behind each new item of the feed saved at path
 * (bytes in body). Failures are reported and counted, never fatal. */
static void
fetch_item_pages(struct update_run *u, const char *path, const struct buf *body)
{
    struct feed fd;
    struct store_item *known = NULL;
    size_t nknown = 0;
    struct ds_error err;
    ds_error_clear(&err);
    if (ingest_feed_read(buf_str(body), body->len, &fd, &err) != 0)
        return; /* the index run reports a broken feed */
    if (store_items_of(u->s, path, &known, &nknown, &err) != 0) {
        update_complain(path, err.msg);
        u->pages_failed++;
        feed_clear(&fd);
        return;
    }
    for (size_t i = 0; i < fd.n; i++) {
        const struct feed_item *it = &fd.items[i];
        char *host = it->link ? fetch_url_host(it->link) : NULL;
        int fresh = host ? item_is_new(u, known, nknown, it, &err) : 0;
        free(host);
        if (fresh <= 0) {
            if (fresh < 0)
                update_complain(it->link, err.msg);
            continue;
        }
        struct fetch_request rq = {it->link, NULL, NULL};
        struct fetch_result res;
        char *page = NULL;
        if (fetch_get(u->f, &rq, &res, &err) == 0)
            page = save_page(&res, &err);
        fetch_result_clear(&res);
        if (!page) {
            update_complain(it->link, err.msg);
            u->pages_failed++;
            continue;
        }
        u->pages++;
        update_keep(u, page);
    }
    free(known);
    feed_clear(&fd);
}

/* Update one feed (and, when wanted, its new items' pages). */
static void
update_one(struct update_run *u, struct feed_sub *sub, bool articles)
{
    struct ds_error err;
    ds_error_clear(&err);
    char *path = NULL;
    struct buf body = BUF_INIT;
    if (update_feed(u->f, sub, &path, &body, &err) != 0) {
        update_complain(sub->name, err.msg);
        u->failed++;
    } else if (!path) {
        u->unchanged++;
    } else {
        u->changed++;
        if ((articles || sub->articles) && u->s)
            fetch_item_pages(u, path, &body);
        update_keep(u, path);
    }
    buf_free(&body);
}

int
cmd_update(int argc, char **argv)
{
    bool articles = false;
    const struct cli_option opts[] = {{"articles", 0, NULL, &articles}, {NULL, 0, NULL, NULL}};
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
    bool pages = articles;
    for (size_t i = 0; i < l.n; i++)
        pages = pages || l.v[i].articles;
    struct update_run u = {.f = fetch_new(NULL)};
    if (pages && cli_open_store(NULL, STORE_CREATE, &u.s) != 0) {
        fetch_free(&u.f);
        feed_list_clear(&l);
        return EXIT_ERROR;
    }
    for (size_t i = 0; i < l.n; i++)
        update_one(&u, &l.v[i], articles);
    fetch_free(&u.f);
    printf("%zu feeds: %zu changed, %zu unchanged, %zu failed\n", l.n, u.changed, u.unchanged,
           u.failed);
    if (pages)
        printf("%zu new pages saved, %zu failed\n", u.pages, u.pages_failed);
    int status = u.failed || u.pages_failed ? EXIT_ERROR : EXIT_FOUND;
    if (u.changed && feed_list_save(&l, &err) != 0) {
        fprintf(stderr, "dossier update: %s\n", err.msg);
        status = EXIT_ERROR;
    }
    int irc = index_saved("update", u.s, u.saved, u.nsaved);
    for (size_t i = 0; i < u.nsaved; i++)
        free(u.saved[i]);
    free(u.saved);
    store_close(&u.s);
    feed_list_clear(&l);
    return status != EXIT_FOUND ? status : irc;
}
