/*
 * ingest/html_jsonld.c — what a page's JSON-LD says about it: a small JSON
 * reader (depth-limited, no numbers kept) and the schema.org Article found
 * in a <script type="application/ld+json"> (alone, in an array or in a
 * @graph): headline or name, author names, publisher name, datePublished,
 * description, url. The most trusted metadata a page has (html_meta.c reads
 * the rest).
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
/* Does the quote at s[q] close a string? A CMS that pastes a description
 * into its JSON-LD leaves quotes of the text unescaped ("the state's
 * first "plug-in" ferries"): a quote followed by anything but a comma, a
 * colon, a closing bracket or the end is one of those and stays in the
 * string. */
static bool
string_ends(const struct jparse *p, size_t q)
{
    size_t i = q + 1;
    while (i < p->n && isspace((unsigned char)p->s[i]))
        i++;
    return i >= p->n || p->s[i] == ',' || p->s[i] == ':' || p->s[i] == '}' || p->s[i] == ']';
}

static char *
jstring(struct jparse *p)
{
    struct buf b = BUF_INIT;
    p->i++; /* '"' */
    while (p->i < p->n && !(p->s[p->i] == '"' && string_ends(p, p->i))) {
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

/* The object in v (an array, a @graph, depth-limited) whose @id is id, or
 * NULL: Yoast and other generators name the author once in the @graph and
 * point at it ("author": {"@id": "...#/schema/person/1"}). */
static const struct jval *
find_by_id(const struct jval *v, const char *id, int depth)
{
    if (!v || depth > 4)
        return NULL;
    if (v->t == J_OBJ) {
        const char *vid = jstr(jget(v, "@id"));
        if (vid && strcmp(vid, id) == 0 && jget(v, "name"))
            return v;
        return find_by_id(jget(v, "@graph"), id, depth + 1);
    }
    for (size_t i = 0; v->t == J_ARR && i < v->n; i++) {
        const struct jval *o = find_by_id(v->items[i], id, depth + 1);
        if (o)
            return o;
    }
    return NULL;
}

/* Is @type t (a string or an array) schema.org's Organization (or a kind
 * of it: NewsMediaOrganization, Corporation)? */
static bool
is_organization(const struct jval *t)
{
    for (size_t i = 0; t && t->t == J_ARR && i < t->n; i++)
        if (is_organization(t->items[i]))
            return true;
    const char *s = jstr(t);
    return s && (strstr(s, "Organization") || strcmp(s, "Corporation") == 0);
}

/* Append one author a (a string, or an object with a name or an @id that
 * root resolves) to b, joined with ", ", unless it is an address, empty or
 * there already; *people counts the authors that are not organisations. */
static void
add_author(const struct jval *a, const struct jval *root, struct buf *b, int *people)
{
    if (a && a->t == J_OBJ && !jget(a, "name") && jstr(jget(a, "@id")))
        a = find_by_id(root, jstr(jget(a, "@id")), 0);
    const char *name = a && a->t == J_OBJ ? jstr(jget(a, "name")) : jstr(a);
    if (!name || strncmp(name, "http://", 7) == 0 || strncmp(name, "https://", 8) == 0)
        return;
    char *probe = xasprintf(", %s,", name), *all = xasprintf(", %s,", buf_str(b));
    if (!strstr(all, probe)) {
        if (b->len)
            buf_puts(b, ", ");
        buf_puts(b, name);
        *people += !(a->t == J_OBJ && is_organization(jget(a, "@type")));
    }
    free(probe);
    free(all);
}

/* Names of author (a string, an object with a name or an @id, or an array
 * of them), distinct, joined with ", " (malloc'd, or NULL). *org is set
 * when every one is an organisation. */
static char *
author_names(const struct jval *a, const struct jval *root, bool *org)
{
    struct buf b = BUF_INIT;
    int people = 0;
    if (a && a->t == J_ARR) {
        for (size_t i = 0; i < a->n; i++)
            add_author(a->items[i], root, &b, &people);
    } else if (a) {
        add_author(a, root, &b, &people);
    }
    *org = people == 0;
    return b.len ? buf_steal(&b) : (buf_free(&b), NULL);
}

/* Fields of a JSON-LD article into m (those not set yet): name or headline
 * (the one closer to <title> when they differ; the headline when the name
 * is the publisher's), author names, publisher name,
 * datePublished, description, url. */
static void
jsonld_meta(const struct jval *art, const struct jval *root, const char *doc_title,
            struct html_meta *m)
{
    const char *name = jstr(jget(art, "name")), *headline = jstr(jget(art, "headline"));
    const struct jval *pub = jget(art, "publisher");
    if (pub && pub->t == J_OBJ && !jget(pub, "name") && jstr(jget(pub, "@id")))
        pub = find_by_id(root, jstr(jget(pub, "@id")), 0); /* Yoast: {"@id": "...#organization"} */
    const char *publisher = jstr(jget(pub, "name"));
    /* a name that is the publisher's names the site, not the article */
    if (name && headline && publisher && ds_strcasecmp_ascii(name, publisher) == 0)
        name = NULL;
    const char *title = name ? name : headline;
    if (name && headline && strcmp(name, headline) != 0 && doc_title) {
        bool name_ok = html_similarity(name, doc_title) > 0.75;
        bool head_ok = html_similarity(headline, doc_title) > 0.75;
        title = head_ok && !name_ok ? headline : name;
    }
    html_set_once(&m->title, title);
    bool org;
    char *names = author_names(jget(art, "author"), root, &org);
    /* an organisation as author is the site's fallback when the CMS names
     * no one: a byline on the page wins over it */
    html_set_once(org ? &m->byline_org : &m->byline, names);
    free(names);
    html_set_once(&m->site, publisher);
    html_set_once(&m->published, jstr(jget(art, "datePublished")));
    html_set_once(&m->description, jstr(jget(art, "description")));
    const struct jval *u = jget(art, "url");
    if (jstr(u) && (strncmp(jstr(u), "http://", 7) == 0 || strncmp(jstr(u), "https://", 8) == 0))
        html_set_once(&m->url, jstr(u));
}

/* See html.h. */
void
html_jsonld_read(xmlNode *root, const char *doc_title, struct html_meta *m)
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
            jsonld_meta(art, v, doc_title, m);
        jfree(v);
        buf_free(&b);
    }
}
