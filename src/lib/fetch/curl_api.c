/*
 * fetch/curl_api.c — libcurl loaded on first use (see lib.h for why).
 */
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

#include "lib.h"

static struct curl_api api;
static pthread_once_t api_once = PTHREAD_ONCE_INIT;

/* The names libcurl's runtime package installs, the OpenSSL flavour first. */
static const char *const curl_sonames[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};

/* Look name up in h, or exit saying which. */
static void *
curl_sym(void *h, const char *name)
{
    void *p = dlsym(h, name);
    if (!p)
        ds_fatal("libcurl has no %s (too old? dossier needs 7.85 or newer)", name);
    return p;
}

static void
curl_load(void)
{
    void *h = NULL;
    const char *why = "";
    for (size_t i = 0; i < DS_ARRAY_LEN(curl_sonames) && !h; i++) {
        h = dlopen(curl_sonames[i], RTLD_NOW | RTLD_LOCAL);
        if (!h && i == 0)
            why = dlerror();
    }
    if (!h)
        ds_fatal("fetching needs libcurl, which could not be loaded (%s); on Debian: "
                 "apt-get install libcurl4",
                 why ? why : "not found");
    /* dlsym hands back object pointers; POSIX guarantees they convert to
     * function pointers, which ISO C does not say, hence the memcpy */
#define CURL_FN(field, name)                                                                      \
    do {                                                                                         \
        void *p_ = curl_sym(h, name);                                                            \
        memcpy(&api.field, &p_, sizeof p_);                                                      \
    } while (0)
    CURL_FN(global_init, "curl_global_init");
    CURL_FN(easy_init, "curl_easy_init");
    CURL_FN(easy_cleanup, "curl_easy_cleanup");
    CURL_FN(easy_reset, "curl_easy_reset");
    CURL_FN(easy_setopt, "curl_easy_setopt");
    CURL_FN(easy_perform, "curl_easy_perform");
    CURL_FN(easy_getinfo, "curl_easy_getinfo");
    CURL_FN(easy_strerror, "curl_easy_strerror");
    CURL_FN(slist_append, "curl_slist_append");
    CURL_FN(slist_free_all, "curl_slist_free_all");
    CURL_FN(url, "curl_url");
    CURL_FN(url_set, "curl_url_set");
    CURL_FN(url_get, "curl_url_get");
    CURL_FN(url_cleanup, "curl_url_cleanup");
    CURL_FN(free, "curl_free");
#undef CURL_FN
    api.global_init(CURL_GLOBAL_DEFAULT);
}

const struct curl_api *
fetch_curl(void)
{
    pthread_once(&api_once, curl_load);
    return &api;
}
