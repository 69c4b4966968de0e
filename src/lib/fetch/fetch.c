/* fetch.c — HTTP(S) requests through libcurl with the limits of fetch.h, and
 * the atomic save of what was fetched. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lib.h"

#define HOSTS_REMEMBERED 64

struct host_time {
    char *host;
    double when;
};

struct fetch_session {
    CURL *curl;
    struct fetch_options o;
    struct host_time hosts[HOSTS_REMEMBERED];
    size_t nhosts;
    bool too_big;
};

/* A positive number from the environment variable name, or dflt. */
static double
env_number(const char *name, double dflt)
{
    const char *v = getenv(name);
    char *end;
    if (!v || !*v)
        return dflt;
    double d = strtod(v, &end);
    return *end || d < 0 ? dflt : d;
}

/* Start a session: one curl handle (kept for connection reuse). */
struct fetch_session *
fetch_new(const struct fetch_options *opts)
{
    struct fetch_session *f = xcalloc(1, sizeof *f);
    if (opts)
        f->o = *opts;
    else
        f->o.delay_ms = -1;
    if (f->o.timeout_ms <= 0)
        f->o.timeout_ms =
            (long)(env_number("DOSSIER_FETCH_TIMEOUT", FETCH_DEFAULT_TIMEOUT_MS / 1000.0) * 1000);
    if (f->o.timeout_ms <= 0) /* 0 would mean no timeout at all */
        f->o.timeout_ms = FETCH_DEFAULT_TIMEOUT_MS;
    if (f->o.max_bytes == 0)
        f->o.max_bytes = (size_t)env_number("DOSSIER_FETCH_MAX_BYTES", FETCH_DEFAULT_MAX_BYTES);
    if (f->o.max_bytes == 0)
        f->o.max_bytes = FETCH_DEFAULT_MAX_BYTES;
    if (f->o.delay_ms < 0)
        f->o.delay_ms = (long)env_number("DOSSIER_FETCH_DELAY_MS", FETCH_DEFAULT_DELAY_MS);
    f->curl = fetch_curl()->easy_init();
    if (!f->curl)
        ds_fatal("libcurl could not start");
    return f;
}

/* End a session and set *fp to NULL. */
void
fetch_free(struct fetch_session **fp)
{
    struct fetch_session *f = *fp;
    if (!f)
        return;
    fetch_curl()->easy_cleanup(f->curl);
    for (size_t i = 0; i < f->nhosts; i++)
        free(f->hosts[i].host);
    free(f);
    *fp = NULL;
}

/* Release what a result holds; it may be reused afterwards. */
void
fetch_result_clear(struct fetch_result *res)
{
    free(res->final_url);
    free(res->etag);
    free(res->last_modified);
    buf_free(&res->body);
    memset(res, 0, sizeof *res);
}

/* The lowercase host of an http(s) URL, or NULL. */
char *
fetch_url_host(const char *url)
{
    const struct curl_api *C = fetch_curl();
    CURLU *u = C->url();
    char *host = NULL, *scheme = NULL, *out = NULL;
    if (C->url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        C->url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0) &&
        C->url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
        out = xstrdup(host);
        for (char *p = out; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
    }
    C->free(host);
    C->free(scheme);
    C->url_cleanup(u);
    return out;
}

/* Wait until host may be asked again, and note that it is asked now. */
static void
wait_for_host(struct fetch_session *f, const char *host)
{
    struct host_time *h = NULL;
    for (size_t i = 0; i < f->nhosts && !h; i++)
        if (strcmp(f->hosts[i].host, host) == 0)
            h = &f->hosts[i];
    if (h) {
        double wait = h->when + f->o.delay_ms / 1000.0 - ds_now();
        if (wait > 0) {
            struct timespec ts = {(time_t)wait, (long)((wait - (double)(time_t)wait) * 1e9)};
            while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
                ;
        }
    } else {
        if (f->nhosts == HOSTS_REMEMBERED) {
            free(f->hosts[0].host);
            memmove(f->hosts, f->hosts + 1, (HOSTS_REMEMBERED - 1) * sizeof *f->hosts);
            f->nhosts--;
        }
        h = &f->hosts[f->nhosts++];
        h->host = xstrdup(host);
    }
    h->when = ds_now();
}

struct sink {
    struct fetch_session *f;
    struct fetch_result *res;
};

/* curl write callback: append to the body, stop past the cap. */
static size_t
on_body(char *p, size_t size, size_t n, void *ud)
{
    struct sink *s = ud;
    size_t len = size * n;
    if (s->res->body.len + len > s->f->o.max_bytes) {
        s->f->too_big = true;
        return 0;
    }
    buf_append(&s->res->body, p, len);
    return len;
}

/* curl header callback: keep ETag and Last-Modified of the last response. */
static size_t
on_header(char *p, size_t size, size_t n, void *ud)
{
    struct sink *s = ud;
    size_t len = size * n;
    static const char *const names[] = {"etag:", "last-modified:"};
    char **slots[] = {&s->res->etag, &s->res->last_modified};
    if (len > 5 && strncmp(p, "HTTP/", 5) == 0) {
        free(s->res->etag);
        free(s->res->last_modified);
        s->res->etag = s->res->last_modified = NULL;
    }
    for (size_t i = 0; i < DS_ARRAY_LEN(names); i++) {
        size_t nl = strlen(names[i]);
        if (len > nl && strncasecmp(p, names[i], nl) == 0) {
            char *v = xstrndup(p + nl, len - nl);
            free(*slots[i]);
            *slots[i] = xstrdup(ds_str_trim(v));
            free(v);
        }
    }
    return len;
}

/* Set the options of one request on the session's handle. */
static void
setup(struct fetch_session *f, const struct fetch_request *rq, struct sink *sink,
      struct curl_slist **hdrs)
{
    const struct curl_api *C = fetch_curl();
    CURL *c = f->curl;
    C->easy_reset(c);
    C->easy_setopt(c, CURLOPT_URL, rq->url);
    C->easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    C->easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    C->easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    C->easy_setopt(c, CURLOPT_MAXREDIRS, FETCH_MAX_REDIRECTS);
    C->easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    C->easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    C->easy_setopt(c, CURLOPT_TIMEOUT_MS, f->o.timeout_ms);
    C->easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)f->o.max_bytes);
    C->easy_setopt(c, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
    C->easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    C->easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    C->easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    C->easy_setopt(c, CURLOPT_WRITEDATA, sink);
    C->easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    C->easy_setopt(c, CURLOPT_HEADERDATA, sink);
    *hdrs = NULL;
    if (rq->etag && *rq->etag) {
        char *h = xasprintf("If-None-Match: %s", rq->etag);
        *hdrs = C->slist_append(*hdrs, h);
        free(h);
    }
    if (rq->last_modified && *rq->last_modified) {
        char *h = xasprintf("If-Modified-Since: %s", rq->last_modified);
        *hdrs = C->slist_append(*hdrs, h);
        free(h);
    }
    C->easy_setopt(c, CURLOPT_HTTPHEADER, *hdrs);
}

/* A message for a failed transfer. */
static void
explain(struct fetch_session *f, CURLcode rc, const char *url, struct ds_error *err)
{
    if (f->too_big || rc == CURLE_FILESIZE_EXCEEDED)
        ds_error_set(err, -1, "%s: larger than the %zu-byte cap", url, f->o.max_bytes);
    else if (rc == CURLE_OPERATION_TIMEDOUT)
        ds_error_set(err, -1, "%s: timed out after %.3g s", url, f->o.timeout_ms / 1000.0);
    else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
        ds_error_set(err, -1, "%s: only http and https are fetched (also through redirects)",
                     url);
    else if (rc == CURLE_TOO_MANY_REDIRECTS)
        ds_error_set(err, -1, "%s: more than %ld redirects", url, FETCH_MAX_REDIRECTS);
    else
        ds_error_set(err, -1, "%s: %s", url, fetch_curl()->easy_strerror(rc));
}

/* GET one URL (see fetch.h). */
int
fetch_get(struct fetch_session *f, const struct fetch_request *rq, struct fetch_result *res,
          struct ds_error *err)
{
    memset(res, 0, sizeof *res);
    char *host = fetch_url_host(rq->url);
    if (!host) {
        ds_error_set(err, -1, "%s: only http and https URLs are fetched", rq->url);
        return -1;
    }
    wait_for_host(f, host);
    free(host);
    const struct curl_api *C = fetch_curl();
    struct sink sink = {f, res};
    struct curl_slist *hdrs;
    f->too_big = false;
    setup(f, rq, &sink, &hdrs);
    CURLcode rc = C->easy_perform(f->curl);
    C->slist_free_all(hdrs);
    char *final = NULL;
    C->easy_getinfo(f->curl, CURLINFO_RESPONSE_CODE, &res->status);
    C->easy_getinfo(f->curl, CURLINFO_EFFECTIVE_URL, &final);
    res->final_url = xstrdup(final ? final : rq->url);
    if (rc != CURLE_OK) {
        explain(f, rc, rq->url, err);
        return -1;
    }
    if (res->status == 304) {
        res->not_modified = true;
        return 0;
    }
    if (res->status < 200 || res->status > 299) {
        ds_error_set(err, -1, "%s: HTTP %ld", rq->url, res->status);
        return -1;
    }
    return 0;
}

/* Atomic save (see fetch.h). */
int
fetch_save(const char *dir, const char *name, const char *head, const void *body, size_t len,
           struct ds_error *err)
{
    if (ds_mkdir_p(dir, 0755) != 0) {
        ds_error_set(err, -1, "%s: %s", dir, strerror(errno));
        return -1;
    }
    char *tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
    char *dest = xasprintf("%s/%s", dir, name);
    int rc = -1;
    int fd = mkstemp(tmp);
    FILE *fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!fp) {
        ds_error_set(err, -1, "%s: %s", tmp, strerror(errno));
        if (fd >= 0)
            close(fd);
    } else {
        bool ok = (!head || fputs(head, fp) >= 0) && fwrite(body, 1, len, fp) == len;
        ok = fflush(fp) == 0 && ok;
        ok = fchmod(fileno(fp), 0644) == 0 && ok;
        ok = fclose(fp) == 0 && ok;
        if (ok && rename(tmp, dest) == 0)
            rc = 0;
        else
            ds_error_set(err, -1, "%s: %s", dest, strerror(errno));
    }
    if (rc != 0 && fd >= 0)
        unlink(tmp);
    free(tmp);
    free(dest);
    return rc;
}
