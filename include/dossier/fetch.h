/*
 * fetch.h — getting documents from the web, politely and safely, and keeping
 * the list of subscribed feeds.
 *
 * Contract:
 *   - Only http and https are fetched, also through redirects (at most 5);
 *     TLS is verified; the usual proxy environment variables apply.
 *   - Each request has a timeout and a size cap; going past either fails the
 *     request with a message saying which, and nothing is written.
 *   - One request at a time; two requests to the same host are at least
 *     `delay_ms` apart.
 *   - Files are written to a temporary name in the target folder and renamed:
 *     nothing half-written is ever left there.
 *   - Nothing is printed.
 */
#ifndef DOSSIER_FETCH_H
#define DOSSIER_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "dossier/util.h"

#define FETCH_DEFAULT_TIMEOUT_MS 30000L
#define FETCH_DEFAULT_MAX_BYTES ((size_t)8 << 20)
#define FETCH_DEFAULT_DELAY_MS 500L
#define FETCH_MAX_REDIRECTS 5L

struct fetch_options {
    long timeout_ms;  /* per request; 0 = $DOSSIER_FETCH_TIMEOUT (s) or the default */
    size_t max_bytes; /* per response; 0 = $DOSSIER_FETCH_MAX_BYTES or the default */
    long delay_ms;    /* between requests to one host; <0 = $DOSSIER_FETCH_DELAY_MS or default */
};

/* A conditional request sends what the last response said (either may be NULL). */
struct fetch_request {
    const char *url;
    const char *etag;
    const char *last_modified;
};

struct fetch_result {
    long status;         /* HTTP status of the last response */
    bool not_modified;   /* 304: body is empty, keep what you have */
    char *final_url;     /* after redirects */
    char *etag;          /* NULL when the server sent none */
    char *last_modified;
    struct buf body;
};

struct fetch_session;

/* A session reuses connections and remembers when each host was last asked.
 * Options are copied; environment defaults are resolved here. */
struct fetch_session *fetch_new(const struct fetch_options *opts);
void fetch_free(struct fetch_session **f);

/* GET one URL. Returns 0 with *res filled (status 2xx, or 304 when
 * not_modified), or -1 with err set ("timed out after 2 s", "larger than the
 * 1048576-byte cap", "HTTP 404", "only http and https are fetched", ...).
 * *res is always initialised and must be cleared with fetch_result_clear. */
int fetch_get(struct fetch_session *f, const struct fetch_request *rq, struct fetch_result *res,
              struct ds_error *err);
void fetch_result_clear(struct fetch_result *res);

/* The host part of an http(s) URL (newly allocated, lowercase), or NULL. */
char *fetch_url_host(const char *url);

/* Write head (may be NULL) then body to dir/name through a temporary file in
 * dir and a rename. Creates dir. Returns 0, or -1 with err set. */
int fetch_save(const char *dir, const char *name, const char *head, const void *body, size_t len,
               struct ds_error *err);

/* ---- the subscribed feeds (feedlist.c) -------------------------------------
 * Kept in a small tab-separated file, $XDG_DATA_HOME/dossier/feeds.tsv:
 * "name TAB url TAB etag TAB last-modified TAB options", so it survives
 * deleting the index (files are the source of truth). options: "articles"
 * (fetch the page behind each new item) or empty. */
struct feed_sub {
    char *name, *url, *etag, *last_modified;
    bool articles; /* `feeds add --articles`: update fetches each new item's page */
};

struct feed_list {
    struct feed_sub *v;
    size_t n;
    char *path;
};

/* Load the list from path (NULL = the default file). A missing file is an
 * empty list. Returns 0, or -1 with err set. */
int feed_list_load(struct feed_list *l, const char *path, struct ds_error *err);
/* Write the list back (temporary file + rename). */
int feed_list_save(const struct feed_list *l, struct ds_error *err);
void feed_list_clear(struct feed_list *l);
struct feed_sub *feed_list_find(struct feed_list *l, const char *name);
/* Is name usable as a feed's file name (not empty, no '/', no leading '.')? */
bool feed_name_ok(const char *name);
/* Add a feed; fails when the name is taken or the URL is not http(s). */
int feed_list_add(struct feed_list *l, const char *name, const char *url, bool articles,
                  struct ds_error *err);
/* Remove by name; returns 0, or -1 when there is no such feed. */
int feed_list_remove(struct feed_list *l, const char *name);
/* The last word of a URL's path, lowercase, letters, digits and '-' only,
 * at most max bytes, "index" when empty (newly allocated). */
char *fetch_slug(const char *url, size_t max);

#endif
