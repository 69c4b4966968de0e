/*
 * url.c — the normal form of a URL that documents are matched by (url.h).
 * Pure string work on what RFC 3986 calls the generic syntax; no decoding,
 * no network, so a page and a feed item link the same way every time.
 */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dossier/url.h"
#include "dossier/util.h"

/* Parameters that say where a reader came from, not what the page is. */
static const char *const url_tracking[] = {
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "yclid", "igshid", "_ga",
};

/* Whether the query parameter p (n bytes, "name" or "name=value") is a
 * tracking one or empty. */
static bool
url_param_dropped(const char *p, size_t n)
{
    size_t name = 0;
    while (name < n && p[name] != '=')
        name++;
    if (name == 0)
        return true;
    if (name >= 4 && strncasecmp(p, "utm_", 4) == 0)
        return true;
    for (size_t i = 0; i < DS_ARRAY_LEN(url_tracking); i++)
        if (strlen(url_tracking[i]) == name && strncasecmp(p, url_tracking[i], name) == 0)
            return true;
    return false;
}

/* Length of the scheme at the start of s when s is "scheme://...", else 0. */
static size_t
url_scheme_len(const char *s)
{
    size_t i = 0;
    if (!isalpha((unsigned char)s[0]))
        return 0;
    while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')
        i++;
    return strncmp(s + i, "://", 3) == 0 ? i : 0;
}

/* Append the authority a (n bytes): user info as written, the host in lower
 * case, the port unless it is the scheme's default or empty. */
static void
url_put_authority(struct buf *b, const char *scheme, const char *a, size_t n)
{
    const char *at = memchr(a, '@', n);
    size_t host = at ? (size_t)(at - a) + 1 : 0;
    buf_append(b, a, host);
    /* the port's colon: the last one, after an IPv6 literal's ']' */
    size_t colon = n;
    for (size_t i = n; i > host; i--) {
        if (a[i - 1] == ']')
            break;
        if (a[i - 1] == ':') {
            colon = i - 1;
            break;
        }
    }
    for (size_t i = host; i < colon; i++)
        buf_putc(b, (char)tolower((unsigned char)a[i]));
    const char *port = a + colon + 1;
    size_t plen = colon < n ? n - colon - 1 : 0;
    bool dflt = plen == 0 || (strcmp(scheme, "http") == 0 && plen == 2 && !memcmp(port, "80", 2)) ||
                (strcmp(scheme, "https") == 0 && plen == 3 && !memcmp(port, "443", 3));
    if (!dflt) {
        buf_putc(b, ':');
        buf_append(b, port, plen);
    }
}

/* Append the query q (n bytes, without '?') less the dropped parameters. */
static void
url_put_query(struct buf *b, const char *q, size_t n)
{
    bool first = true;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && q[j] != '&')
            j++;
        if (!url_param_dropped(q + i, j - i)) {
            buf_putc(b, first ? '?' : '&');
            buf_append(b, q + i, j - i);
            first = false;
        }
        i = j + 1;
    }
}

char *
url_normalize(const char *url)
{
    struct buf b = BUF_INIT;
    const char *s = url ? url : "";
    while (isspace((unsigned char)*s))
        s++;
    size_t len = strlen(s);
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    size_t sl = url_scheme_len(s);
    if (!sl) {
        buf_append(&b, s, len);
        return buf_steal(&b);
    }
    char scheme[32];
    size_t k = sl < sizeof scheme - 1 ? sl : sizeof scheme - 1;
    for (size_t i = 0; i < k; i++)
        scheme[i] = (char)tolower((unsigned char)s[i]);
    scheme[k] = '\0';
    buf_append(&b, scheme, k);
    buf_puts(&b, "://");
    const char *p = s + sl + 3, *end = s + len;
    const char *hash = memchr(p, '#', (size_t)(end - p));
    if (hash)
        end = hash;
    size_t auth = strcspn(p, "/?#");
    if (p + auth > end)
        auth = (size_t)(end - p);
    url_put_authority(&b, scheme, p, auth);
    p += auth;
    const char *qm = memchr(p, '?', (size_t)(end - p));
    const char *path_end = qm ? qm : end;
    size_t plen = (size_t)(path_end - p);
    while (plen > 1 && p[plen - 1] == '/')
        plen--;
    if (plen == 0)
        buf_putc(&b, '/');
    else
        buf_append(&b, p, plen);
    if (qm)
        url_put_query(&b, qm + 1, (size_t)(end - qm - 1));
    return buf_steal(&b);
}
