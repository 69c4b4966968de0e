/*
 * ingest/html_meta.c — what a web page says about itself, by trust:
 * JSON-LD (schema.org Article types), then meta tags (Dublin Core, Open
 * Graph, article:*, citation_*, parsely-*, sailthru.*, twitter:*), then
 * <time datetime>, <link rel=canonical> and the "saved from url=" comment,
 * then the <title> without the site's name. The page's visible byline is
 * found with the main text (html_main.c).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/util.h"
#include "html.h"
#include "lib.h"

/* ---- a small JSON reader for JSON-LD ------------------------------------------------ */

enum jtype { J_NULL, J_STR, J_NUM, J_BOOL, J_ARR, J_OBJ };

struct jval {
    enum jtype t;
    char *s;               /* J_STR: the string; J_OBJ: unused */
    struct jval **items;   /* J_ARR, J_OBJ (values) */
    char **keys;           /* J_OBJ */
    size_t n;
};

#define JSON_DEPTH 32

/* Free v and everything under it (NULL is fine). */
static void
jfree(struct jval *v)
{
    if (!v)
        return;
    free(v->s);
    for (size_t i = 0; i < v->n; i++) {
        jfree(v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v);
}

struct jparse {
    const char *s;
    size_t n, i;
};

/* Skip JSON white space. */
static void
jws(struct jparse *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\n' || p->s[p->i] == '\t' ||
                           p->s[p->i] == '\r'))
        p->i++;
}

/* The value of hex digit c, or -1. */
static int
hexval(char c)
{
    return isdigit((unsigned char)c) ? c - '0' : isxdigit((unsigned char)c) ? (c | 32) - 'a' + 10 : -1;
}

/* The JSON string at p->s[p->i] (a '"'), unescaped; malloc'd. Control escapes
 * become spaces. */
static char *
jstring(struct jparse *p)
{
    struct buf b = BUF_INIT;
    p->i++; /* '"' */
    while (p->i < p->n && p->s[p->i] != '"') {
        char c = p->s[p->i++];
        if (c != '\\') {
            buf_putc(&b, c);
            continue;
        }
        if (p->i >= p->n)
            break;
        char e = p->s[p->i++];
        uint32_t cp = 0;
        switch (e) {
        case 'n': case 'r': case 't': case 'f': case 'b':
            buf_putc(&b, ' ');
            break;
        case 'u':
            for (int k = 0; k < 4 && p->i < p->n; k++) {
                int h = hexval(p->s[p->i]);
                if (h < 0)
                    break;
                cp = cp * 16 + (uint32_t)h;
                p->i++;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF && p->i + 6 <= p->n && p->s[p->i] == '\\' &&
                p->s[p->i + 1] == 'u') {
                uint32_t lo = 0;
                for (int k = 0; k < 4; k++) {
                    int h = hexval(p->s[p->i + 2 + (size_t)k]);
                    lo = lo * 16 + (uint32_t)(h < 0 ? 0 : h);
                }
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p->i += 6;
                }
            }
            if (cp >= 0x20 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                char tmp[4];
                buf_append(&b, tmp, (size_t)utf8_encode(cp, tmp));
            }
            break;
        default:
            buf_putc(&b, e);
        }
    }
    p->i++; /* closing '"' */
    if (!b.data)
        buf_append(&b, "", 0);
    return buf_steal(&b);
}

static struct jval *jvalue(struct jparse *p, int depth);

/* The object or array at p, or NULL when it is not well-formed. */
static struct jval *
jcontainer(struct jparse *p, int depth, bool obj)
{
    struct jval *v = xcalloc(1, sizeof *v);
    v->t = obj ? J_OBJ : J_ARR;
    size_t cap = 0;
    p->i++;
    for (;;) {
        jws(p);
        if (p->i >= p->n) {
            jfree(v);
            return NULL;
        }
        if (p->s[p->i] == (obj ? '}' : ']')) {
            p->i++;
            return v;
        }
        if (p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        char *key = NULL;
        if (obj) {
            if (p->s[p->i] != '"') {
                jfree(v);
                return NULL;
            }
            key = jstring(p);
            jws(p);
            if (p->i >= p->n || p->s[p->i] != ':') {
                free(key);
                jfree(v);
                return NULL;
            }
            p->i++;
        }
        struct jval *item = jvalue(p, depth + 1);
        if (!item) {
            free(key);
            jfree(v);
            return NULL;
        }
        if (v->n == cap) {
            cap = cap ? cap * 2 : 8;
            v->items = xrealloc(v->items, cap * sizeof *v->items);
            if (obj)
                v->keys = xrealloc(v->keys, cap * sizeof *v->keys);
        }
        if (obj)
            v->keys[v->n] = key;
        v->items[v->n++] = item;
    }
}

/* The JSON value at p (at most JSON_DEPTH levels), or NULL. Numbers, true,
 * false and null keep only their type. */
static struct jval *
jvalue(struct jparse *p, int depth)
{
    jws(p);
    if (p->i >= p->n || depth > JSON_DEPTH)
        return NULL;
    char c = p->s[p->i];
    if (c == '{' || c == '[')
        return jcontainer(p, depth, c == '{');
    struct jval *v = xcalloc(1, sizeof *v);
    if (c == '"') {
        v->t = J_STR;
        v->s = jstring(p);
        return v;
    }
    size_t b = p->i;
    while (p->i < p->n && (isalnum((unsigned char)p->s[p->i]) || p->s[p->i] == '.' ||
                           p->s[p->i] == '-' || p->s[p->i] == '+'))
        p->i++;
    if (p->i == b) {
        free(v);
        return NULL;
    }
    v->t = isdigit((unsigned char)c) || c == '-' ? J_NUM : c == 'n' ? J_NULL : J_BOOL;
    return v;
}

/* Member key of object o, or NULL. */
static const struct jval *
jget(const struct jval *o, const char *key)
{
    if (!o || o->t != J_OBJ)
        return NULL;
    for (size_t i = 0; i < o->n; i++)
        if (strcmp(o->keys[i], key) == 0)
            return o->items[i];
    return NULL;
}

/* v's string when it is a non-empty string, else NULL (borrowed). */
static const char *
jstr(const struct jval *v)
{
    return v && v->t == J_STR && v->s[0] ? v->s : NULL;
}

/* ---- JSON-LD -------------------------------------------------------------------------- */

static const char *const article_types[] = {
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "BlogPosting", "DiscussionForumPosting",
    "LiveBlogPosting", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
    "Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
    "SocialMediaPosting", "TechArticle", NULL,
};

/* Is @type t (a string or an array) one of schema.org's article types? */
static bool
is_article_type(const struct jval *t)
{
    if (!t)
        return false;
    if (t->t == J_ARR) {
        for (size_t i = 0; i < t->n; i++)
            if (is_article_type(t->items[i]))
                return true;
        return false;
    }
    const char *s = jstr(t);
    for (const char *const *a = article_types; s && *a; a++)
        if (strcmp(s, *a) == 0)
            return true;
    return false;
}

/* The first object of an article type in v (an array, a @graph). */
static const struct jval *
find_article(const struct jval *v, int depth)
{
    if (!v || depth > 4)
        return NULL;
    if (v->t == J_ARR) {
        for (size_t i = 0; i < v->n; i++) {
            const struct jval *a = find_article(v->items[i], depth + 1);
            if (a)
                return a;
        }
        return NULL;
    }
    if (v->t != J_OBJ)
        return NULL;
    if (is_article_type(jget(v, "@type")))
        return v;
    return find_article(jget(v, "@graph"), depth + 1);
}

/* Names of author (a string, an object with a name, or an array of them),
 * joined with ", ". */
static char *
author_names(const struct jval *a)
{
    if (!a)
        return NULL;
    if (jstr(a))
        return xstrdup(jstr(a));
    if (a->t == J_OBJ)
        return jstr(jget(a, "name")) ? xstrdup(jstr(jget(a, "name"))) : NULL;
    if (a->t != J_ARR)
        return NULL;
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < a->n; i++) {
        const char *name = a->items[i]->t == J_OBJ ? jstr(jget(a->items[i], "name"))
                                                   : jstr(a->items[i]);
        if (!name)
            continue;
        if (b.len)
            buf_puts(&b, ", ");
        buf_puts(&b, name);
    }
    return b.len ? buf_steal(&b) : (buf_free(&b), NULL);
}

/* Set *dst to a copy of v unless it is set already or v is empty. */
static void
set_once(char **dst, const char *v)
{
    if (!*dst && v && *v)
        *dst = xstrdup(v);
}

/* Fields of a JSON-LD article into m (those not set yet): name or headline
 * (the one closer to <title> when they differ), author names, publisher name,
 * datePublished, description, url. */
static void
jsonld_meta(const struct jval *art, const char *doc_title, struct html_meta *m)
{
    const char *name = jstr(jget(art, "name")), *headline = jstr(jget(art, "headline"));
    const char *title = name ? name : headline;
    if (name && headline && strcmp(name, headline) != 0 && doc_title) {
        bool name_ok = html_similarity(name, doc_title) > 0.75;
        bool head_ok = html_similarity(headline, doc_title) > 0.75;
        title = head_ok && !name_ok ? headline : name;
    }
    set_once(&m->title, title);
    if (!m->byline)
        m->byline = author_names(jget(art, "author"));
    set_once(&m->site, jstr(jget(jget(art, "publisher"), "name")));
    set_once(&m->published, jstr(jget(art, "datePublished")));
    set_once(&m->description, jstr(jget(art, "description")));
    const struct jval *u = jget(art, "url");
    if (jstr(u) && (strncmp(jstr(u), "http://", 7) == 0 || strncmp(jstr(u), "https://", 8) == 0))
        set_once(&m->url, jstr(u));
}

/* Every <script type="application/ld+json"> that holds an article. */
static void
read_jsonld(xmlNode *root, const char *doc_title, struct html_meta *m)
{
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        if (!hx_is(n, "script"))
            continue;
        const char *type = hx_attr(n, "type");
        if (!type || !ing_ifind(type, strlen(type), "ld+json"))
            continue;
        struct buf b = BUF_INIT;
        hx_text(n, &b);
        const char *s = buf_str(&b);
        size_t len = b.len;
        /* <![CDATA[ ... ]]> wrappers some pages keep */
        const char *cd = strstr(s, "<![CDATA[");
        if (cd) {
            s = cd + 9;
            len = strlen(s);
            const char *end = strstr(s, "]]>");
            if (end)
                len = (size_t)(end - s);
        }
        struct jparse p = {s, len, 0};
        struct jval *v = jvalue(&p, 0);
        const struct jval *art = find_article(v, 0);
        const struct jval *ctx = v && v->t == J_OBJ ? jget(v, "@context") : NULL;
        bool schema = !ctx || (jstr(ctx) && strstr(jstr(ctx), "schema.org")) || ctx->t != J_STR;
        if (art && schema)
            jsonld_meta(art, doc_title, m);
        jfree(v);
        buf_free(&b);
    }
}

/* ---- meta tags ---------------------------------------------------------------------- */

/* Meta names by field, strongest first within each field. */
static const char *const title_keys[] = {
    "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
    "twitter:title", "parsely-title", "citation_title", "sailthru.title", NULL};
static const char *const byline_keys[] = {
    "dc:creator", "dcterm:creator", "author", "parsely-author", "citation_author",
    "sailthru.author", NULL};
static const char *const profile_keys[] = {"article:author", "og:article:author", NULL};
static const char *const site_keys[] = {"og:site_name", "dc:publisher", "dcterm:publisher", "citation_journal_title",
                                        "citation_publisher", "twitter:site_name", "source",
                                        "application-name", NULL};
static const char *const date_keys[] = {
    "article:published_time", "parsely-pub-date", "citation_publication_date", "citation_date",
    "dc:date", "dcterm:date", "dc.date.issued", "dcterms.created", "date", "pubdate",
    "publish-date", "publishdate", "publish_date", "sailthru.date", "og:published_time",
    "article:published", NULL};
static const char *const url_keys[] = {"og:url", "twitter:url", "parsely-link", NULL};
static const char *const desc_keys[] = {"dc:description", "dcterm:description", "og:description",
                                        "description", "twitter:description", NULL};

struct meta_kv {
    char *key; /* lower case, "dc.title" written "dc:title" */
    const char *value;
    bool property; /* from property= (RDFa, Open Graph) rather than name= */
};

/* A meta name normalised: lower case, the first '.' after dc/dcterms as ':',
 * "dcterms" as "dcterm". */
static char *
meta_key(const char *name)
{
    char *k = xstrdup(name);
    char *w = k;
    for (char *p = k; *p; p++)
        if (!isspace((unsigned char)*p))
            *w++ = (char)tolower((unsigned char)*p);
    *w = '\0';
    if (strncmp(k, "dcterms", 7) == 0)
        memmove(k + 6, k + 7, strlen(k + 7) + 1);
    if ((strncmp(k, "dc.", 3) == 0) || (strncmp(k, "dcterm.", 7) == 0))
        *strchr(k, '.') = ':';
    return k;
}

/* The value of the first of keys (in their order) that a meta tag gives, or
 * NULL. For one key, a property= tag (RDFa: the vocabulary's own attribute)
 * wins over a name= one. */
static const char *
kv_find(const struct meta_kv *kv, size_t n, const char *const *keys)
{
    for (; *keys; keys++) {
        const char *named = NULL;
        for (size_t i = 0; i < n; i++)
            if (strcmp(kv[i].key, *keys) == 0 && kv[i].value[0]) {
                if (kv[i].property)
                    return kv[i].value;
                if (!named)
                    named = kv[i].value;
            }
        if (named)
            return named;
    }
    return NULL;
}

/* Every distinct value of the first of keys that a meta tag gives (pages
 * with several authors repeat the tag), joined with ", " (with "; " when a
 * name holds a comma: "Doe, Jane"); malloc'd, or NULL. */
static char *
kv_join(const struct meta_kv *kv, size_t n, const char *const *keys)
{
    const char *first = kv_find(kv, n, keys);
    if (!first)
        return NULL;
    const char *key = NULL;
    for (size_t i = 0; i < n && !key; i++)
        if (kv[i].value == first)
            key = kv[i].key;
    bool prop = false;
    for (size_t i = 0; i < n; i++)
        prop = prop || (kv[i].value == first && kv[i].property);
    size_t nv = 0;
    const char *vals[16];
    bool comma = false;
    for (size_t i = 0; i < n && nv < DS_ARRAY_LEN(vals); i++) {
        if (strcmp(kv[i].key, key) != 0 || kv[i].property != prop || !kv[i].value[0])
            continue;
        bool seen = false;
        for (size_t k = 0; k < nv; k++)
            seen = seen || strcmp(vals[k], kv[i].value) == 0;
        if (!seen) {
            vals[nv++] = kv[i].value;
            comma = comma || strchr(kv[i].value, ',');
        }
    }
    struct buf b = BUF_INIT;
    for (size_t k = 0; k < nv; k++) {
        if (k)
            buf_puts(&b, comma ? "; " : ", ");
        buf_puts(&b, vals[k]);
    }
    return buf_steal(&b);
}

/* Is s an http(s) address? */
static bool
is_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* Meta tags, each with a name= and property= (both may name keys, space
 * separated), and <link rel=canonical>. */
static void
read_meta_tags(xmlNode *root, struct html_meta *m)
{
    struct meta_kv *kv = NULL;
    size_t n = 0, cap = 0;
    const char *canonical = NULL;
    for (xmlNode *e = root; e; e = hx_next(e, root, false)) {
        if (hx_is(e, "link")) {
            const char *rel = hx_attr(e, "rel"), *href = hx_attr(e, "href");
            if (rel && href && ds_strcasecmp_ascii(rel, "canonical") == 0 && is_url(href))
                canonical = href;
            continue;
        }
        if (!hx_is(e, "meta"))
            continue;
        const char *content = hx_attr(e, "content");
        if (!content)
            continue;
        const char *names[2] = {hx_attr(e, "property"), hx_attr(e, "name")};
        for (int k = 0; k < 2; k++) {
            if (!names[k])
                continue;
            char *all = xstrdup(names[k]), *save = NULL;
            for (char *t = strtok_r(all, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
                if (n == cap) {
                    cap = cap ? cap * 2 : 32;
                    kv = xrealloc(kv, cap * sizeof *kv);
                }
                kv[n].key = meta_key(t);
                kv[n].value = content;
                kv[n].property = k == 0;
                n++;
            }
            free(all);
        }
    }
    set_once(&m->title, kv_find(kv, n, title_keys));
    char *names = kv_join(kv, n, byline_keys);
    if (names && !is_url(names))
        set_once(&m->byline, names);
    free(names);
    const char *by = kv_find(kv, n, profile_keys);
    if (by && !is_url(by))
        set_once(&m->byline_profile, by);
    set_once(&m->site, kv_find(kv, n, site_keys));
    set_once(&m->published, kv_find(kv, n, date_keys));
    set_once(&m->description, kv_find(kv, n, desc_keys));
    set_once(&m->url, canonical);
    const char *u = kv_find(kv, n, url_keys);
    if (u && is_url(u))
        set_once(&m->url, u);
    for (size_t i = 0; i < n; i++)
        free(kv[i].key);
    free(kv);
}

/* "<!-- saved from url=(0042)https://... -->" that browsers write. */
static void
read_saved_from(xmlDoc *doc, struct html_meta *m)
{
    for (xmlNode *n = doc->children; n && !m->url; n = n->next) {
        xmlNode *scan = n;
        if (hx_is(n, "html")) /* the comment may sit just inside <html> */
            scan = n->children;
        for (xmlNode *c = scan; c && !m->url; c = c == n ? NULL : c->next) {
            if (c->type != XML_COMMENT_NODE || !c->content)
                continue;
            const char *s = strstr((const char *)c->content, "saved from url=");
            if (!s)
                continue;
            s += 15;
            if (*s == '(')
                s = strchr(s, ')') ? strchr(s, ')') + 1 : s;
            size_t len = 0;
            while (s[len] && !isspace((unsigned char)s[len]))
                len++;
            if (len && is_url(s))
                m->url = xstrndup(s, len);
        }
    }
}

/* ---- the title -------------------------------------------------------------------------- */

/* Space-separated words in s. */
static size_t
word_count(const char *s)
{
    size_t k = 0;
    bool in = false;
    for (; *s; s++) {
        bool sp = isspace((unsigned char)*s);
        if (!sp && !in)
            k++;
        in = !sp;
    }
    return k;
}

/* Is s[i] the start of " X " with X a title separator? Returns its byte
 * length (the separator only) or 0. */
static size_t
separator_at(const char *s, size_t i, bool *hier)
{
    static const char *const seps[] = {"|", "-", "\xe2\x80\x93", "\xe2\x80\x94", "\\", "/",
                                       ">", "\xc2\xbb", NULL};
    if (i == 0 || s[i - 1] != ' ')
        return 0;
    for (size_t k = 0; seps[k]; k++) {
        size_t l = strlen(seps[k]);
        if (strncmp(s + i, seps[k], l) == 0 && s[i + l] == ' ') {
            *hier = k >= 4;
            return l;
        }
    }
    return 0;
}

/* A copy of s with runs of white space as one space, trimmed. */
static char *
collapse(const char *s)
{
    struct buf b = BUF_INIT;
    bool sp = false;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            sp = b.len > 0;
            continue;
        }
        if (sp)
            buf_putc(&b, ' ');
        sp = false;
        buf_putc(&b, *s);
    }
    if (!b.data)
        buf_append(&b, "", 0);
    return buf_steal(&b);
}

/* The words of orig without separator characters. */
static size_t
words_without_separators(const char *orig)
{
    struct buf b = BUF_INIT;
    for (const char *p = orig; *p; p++) {
        bool h;
        size_t l = separator_at(orig, (size_t)(p - orig), &h);
        if (l) {
            p += l - 1;
            continue;
        }
        buf_putc(&b, *p);
    }
    size_t k = word_count(buf_str(&b));
    buf_free(&b);
    return k;
}

/* "Site: Headline" (no heading on the page says the whole title): the
 * part after the last colon, or after the first when that is too short;
 * the whole title when the part before is long (a headline with a colon).
 * NULL to keep the title as it is. */
static char *
colon_title(xmlNode *root, const char *orig)
{
    for (xmlNode *n = root; n; n = hx_next(n, root, false))
        if (hx_is(n, "h1") || hx_is(n, "h2")) {
            struct buf b = BUF_INIT;
            hx_text(n, &b);
            bool match = strcmp(buf_str(&b), orig) == 0;
            buf_free(&b);
            if (match)
                return NULL;
        }
    char *cur = collapse(strrchr(orig, ':') + 1);
    if (word_count(cur) < 3) {
        free(cur);
        return collapse(strchr(orig, ':') + 1);
    }
    char *head = xstrndup(orig, (size_t)(strchr(orig, ':') - orig));
    if (word_count(head) > 5) {
        free(cur);
        cur = xstrdup(orig);
    }
    free(head);
    return cur;
}

/* <title> without the site's name ("Headline | Site", "Site: Headline"),
 * the way reader modes cut it; a lone <h1> when the title is very short or
 * long. Returns malloc'd text or NULL. */
static char *
clean_title(xmlNode *root, const char *raw)
{
    char *orig = collapse(raw);
    size_t len = strlen(orig);
    char *cur = NULL;
    bool hier = false, any = false, portal = false;
    size_t last = 0, first = 0, first_len = 0;
    for (size_t i = 0; i < len; i++) {
        bool h;
        size_t l = separator_at(orig, i, &h);
        if (!l)
            continue;
        if (!any) {
            first = i;
            first_len = l;
        }
        any = true;
        hier = hier || h;
        last = i;
    }
    if (any) {
        cur = xstrndup(orig, last - 1);
        if (word_count(cur) < 3) {
            free(cur);
            cur = collapse(orig + first + first_len);
        }
    } else if (strstr(orig, ": ")) {
        cur = colon_title(root, orig);
    } else if (len > 150 || len < 15) {
        xmlNode *h1 = NULL;
        size_t nh1 = 0;
        for (xmlNode *n = root; n; n = hx_next(n, root, false))
            if (hx_is(n, "h1")) {
                h1 = n;
                nh1++;
            }
        if (nh1 == 1) {
            struct buf b = BUF_INIT;
            hx_text(h1, &b);
            cur = buf_steal(&b);
        }
    }
    if (!cur && !any && strchr(orig, '_')) {
        /* portals join "headline_channel_site" with underscores and no
         * spaces: the headline is the first part when it is a real one */
        size_t head = (size_t)(strchr(orig, '_') - orig);
        if (head >= 12 && !strchr(orig, ' ')) {
            cur = xstrndup(orig, head);
            portal = true;
        }
    }
    if (!cur)
        cur = xstrdup(orig);
    char *t = collapse(cur);
    free(cur);
    size_t wc = word_count(t);
    if (!portal && wc <= 4 && (!hier || wc != words_without_separators(orig) - 1)) {
        free(t);
        t = xstrdup(orig);
    }
    free(orig);
    if (!t[0]) {
        free(t);
        return NULL;
    }
    return t;
}

/* ---- similarity, the whole step ------------------------------------------------------- */

/* Lower-cased words of s (split on anything not a letter or digit). */
static size_t
words_of(const char *s, char ***out)
{
    char *c = xstrdup(s);
    char **v = NULL;
    size_t n = 0;
    for (char *p = c; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    char *p = c;
    while (*p) {
        while (*p && (unsigned char)*p < 0x80 && !isalnum((unsigned char)*p))
            p++;
        char *b = p;
        while (*p && ((unsigned char)*p >= 0x80 || isalnum((unsigned char)*p)))
            p++;
        if (p > b) {
            v = xrealloc(v, (n + 1) * sizeof *v);
            v[n++] = xstrndup(b, (size_t)(p - b));
        }
    }
    free(c);
    *out = v;
    return n;
}

/* See html.h: the share of b's word characters that are in words a also has. */
double
html_similarity(const char *a, const char *b)
{
    char **wa, **wb;
    size_t na = words_of(a, &wa), nb = words_of(b, &wb);
    double r = 0;
    if (na && nb) {
        size_t bl = 0, ul = 0, nu = 0;
        for (size_t j = 0; j < nb; j++) {
            bl += strlen(wb[j]) + (j ? 1 : 0);
            bool in = false;
            for (size_t i = 0; i < na && !in; i++)
                in = strcmp(wa[i], wb[j]) == 0;
            if (!in) {
                ul += strlen(wb[j]) + (nu ? 1 : 0);
                nu++;
            }
        }
        r = 1.0 - (double)ul / (double)bl;
    }
    for (size_t i = 0; i < na; i++)
        free(wa[i]);
    for (size_t i = 0; i < nb; i++)
        free(wb[i]);
    free(wa);
    free(wb);
    return r;
}

/* The first <time datetime> in the page (a date on the article itself). */
static void
read_time(xmlNode *root, struct html_meta *m)
{
    for (xmlNode *n = root; n && !m->published; n = hx_next(n, root, false))
        if (hx_is(n, "time")) {
            const char *dt = hx_attr(n, "datetime");
            const char *pub = hx_attr(n, "pubdate");
            if (dt && (pub || hx_has_ancestor(n, "article", 0) || hx_has_ancestor(n, "header", 0)))
                set_once(&m->published, dt);
        }
}

/* See html.h. */
void
html_meta_read(xmlDoc *doc, struct html_meta *m)
{
    memset(m, 0, sizeof *m);
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return;
    const char *lang = hx_attr(root, "lang");
    if (lang && strlen(lang) >= 2 && isalpha((unsigned char)lang[0]) &&
        isalpha((unsigned char)lang[1]) && (!lang[2] || lang[2] == '-' || lang[2] == '_')) {
        m->lang = xstrndup(lang, 2);
        m->lang[0] = (char)tolower((unsigned char)m->lang[0]);
        m->lang[1] = (char)tolower((unsigned char)m->lang[1]);
    }
    char *doc_title = NULL;
    for (xmlNode *n = root; n; n = hx_next(n, root, false))
        if (hx_is(n, "title") && !hx_has_ancestor(n, "svg", 0)) {
            struct buf b = BUF_INIT;
            hx_text(n, &b);
            doc_title = buf_steal(&b);
            break;
        }
    read_jsonld(root, doc_title, m);
    read_meta_tags(root, m);
    read_time(root, m);
    read_saved_from(doc, m);
    if (!m->title && doc_title && doc_title[0])
        m->title = clean_title(root, doc_title);
    free(doc_title);
    /* what the page says may hold white space runs and entities already
     * decoded by the parser; collapse the runs */
    char **fields[] = {&m->title,     &m->byline,      &m->site,
                       &m->published, &m->description, &m->byline_profile};
    for (size_t i = 0; i < DS_ARRAY_LEN(fields); i++)
        if (*fields[i]) {
            char *c = collapse(*fields[i]);
            free(*fields[i]);
            *fields[i] = c[0] ? c : (free(c), NULL);
        }
}

/* Free every field of m and zero it. */
void
html_meta_clear(struct html_meta *m)
{
    free(m->title);
    free(m->byline);
    free(m->site);
    free(m->published);
    free(m->url);
    free(m->lang);
    free(m->description);
    free(m->byline_profile);
    memset(m, 0, sizeof *m);
}
