/*
 * fetch/lib.h — private to the fetch part: libcurl, loaded when a fetch
 * first needs it.
 *
 * Why loaded, not linked: libcurl brings 28 shared libraries of its own
 * (TLS, Kerberos, LDAP, SSH, HTTP/2...), and loading and relocating them
 * was about half the start-up time of every dossier command, though only
 * `add`, `update` and `feeds add` fetch anything (`dossier similar` spent
 * ~50 of its ~108 ms p95 starting). git keeps libcurl out of its main
 * program for the same reason.
 */
#ifndef DOSSIER_FETCH_LIB_H
#define DOSSIER_FETCH_LIB_H

#include <curl/curl.h>

#include "dossier/fetch.h"

/* The libcurl functions fetch.c calls, by the names of curl.h without
 * their curl_ prefix. */
struct curl_api {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *c);
    void (*easy_reset)(CURL *c);
    CURLcode (*easy_setopt)(CURL *c, CURLoption opt, ...);
    CURLcode (*easy_perform)(CURL *c);
    CURLcode (*easy_getinfo)(CURL *c, CURLINFO info, ...);
    const char *(*easy_strerror)(CURLcode rc);
    struct curl_slist *(*slist_append)(struct curl_slist *l, const char *s);
    void (*slist_free_all)(struct curl_slist *l);
    CURLU *(*url)(void);
    CURLUcode (*url_set)(CURLU *u, CURLUPart part, const char *content, unsigned int flags);
    CURLUcode (*url_get)(const CURLU *u, CURLUPart part, char **content, unsigned int flags);
    void (*url_cleanup)(CURLU *u);
    void (*free)(void *p);
};

/* libcurl loaded and initialised once (thread-safe); exits with a message
 * saying which package to install when it cannot be loaded, as a failed
 * curl_easy_init() did when it was linked. (fetch/curl_api.c) */
const struct curl_api *fetch_curl(void);

#endif
