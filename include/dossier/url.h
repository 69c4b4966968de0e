/*
 * url.h — one form of a web address for matching: a feed item's link and
 * the address a saved page states are the same page when their normal
 * forms are equal, however each was spelled (case, default port, trailing
 * slash, fragment, tracking parameters).
 */
#ifndef DOSSIER_URL_H
#define DOSSIER_URL_H

/* The normal form of url (newly allocated; free()): for an absolute URL
 * "scheme://authority/path?query#fragment" the scheme and host in lower
 * case, a default port (80 for http, 443 for https) and an empty one
 * dropped, an empty path made "/", trailing slashes dropped from any other
 * path, the fragment dropped, and from the query the tracking parameters
 * (utm_*, fbclid, gclid, dclid, msclkid, mc_cid, mc_eid, yclid, igshid,
 * _ga) and empty ones dropped, the rest kept in order ('?' goes when none
 * is left). The path's case and its percent escapes stay as written, and
 * http and https stay distinct. Anything else (no scheme, NULL: "") comes
 * back as it is, without surrounding white space. */
char *url_normalize(const char *url);

#endif
