/*
 * ingest/html_meta.c — what a web page says about itself, by trust:
 * JSON-LD (schema.org Article types, read in html_jsonld.c), then meta
 * tags (Dublin Core, Open Graph, article:*, citation_*, parsely-*,
 * sailthru.*, twitter:*), then <link rel=canonical> and what a saved copy
 * says of its address (html_saved.c), then <time datetime>, then the
 * <title> without the site's name.
 * The page's visible byline is found with the main text (html_main.c,
 * html_byline.c).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "html.h"
#include "lib.h"

/* See html.h. */
void
html_set_once(char **dst, const char *v)
{
    if (!*dst && v && *v)
        *dst = xstrdup(v);
}

/* ---- meta tags ---------------------------------------------------------------------- */

/* Meta names by field, strongest first within each field. */
static const char *const title_keys[] = {
    "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
    "twitter:title", "parsely-title", "citation_title", "sailthru.title", NULL};
static const char *const byline_keys[] = {
    "dc:creator", "dcterm:creator", "author", "parsely-author", "citation_author",
    "sailthru.author", "byl", NULL}; /* "byl": "By X and Y", a byline as printed */
static const char *const profile_keys[] = {"article:author", "og:article:author", NULL};
static const char *const site_keys[] = {"og:site_name", "dc:publisher", "dcterm:publisher", "citation_journal_title",
                                        "citation_publisher", "twitter:site_name", "source",
                                        "application-name", NULL};
static const char *const date_keys[] = {
    "article:published_time", "parsely-pub-date", "citation_publication_date", "citation_date",
    "dc:date", "dcterm:date", "dcterm:issued", "dc:date.issued", "dc:issued", "dcterm:created",
    "date", "pubdate",
    "publish-date", "publishdate", "publish_date", "sailthru.date", "og:published_time",
    "article:published", "datepublished", NULL};
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

/* Is n inside an element whose itemprop is prop (microdata)? */
static bool
in_item(const xmlNode *n, const char *prop)
{
    for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        const char *ip = hx_attr(p, "itemprop");
        if (ip && ds_strcasecmp_ascii(ip, prop) == 0)
            return true;
    }
    return false;
}

/* A date meta tag's value written as eight digits ("20240402", as some
 * newspaper systems do) in out as "2024-04-02"; other values unchanged. */
static const char *
compact_date(const char *v, char out[11])
{
    if (!v || strlen(v) != 8 || strspn(v, "0123456789") != 8)
        return v;
    int y = atoi((char[5]){v[0], v[1], v[2], v[3], 0}), mo = (v[4] - '0') * 10 + (v[5] - '0'),
        d = (v[6] - '0') * 10 + (v[7] - '0');
    if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return v;
    snprintf(out, 11, "%04d-%02d-%02d", y, mo, d);
    return out;
}

/* Meta tags, each with a name=, property= or microdata's itemprop= (each
 * may name keys, space separated), and <link rel=canonical>. */
static void
read_meta_tags(xmlNode *root, struct html_meta *m)
{
    char compact[11];
    struct meta_kv *kv = NULL;
    size_t n = 0, cap = 0;
    const char *canonical = NULL;
    for (xmlNode *e = root; e; e = hx_next(e, root, false)) {
        if (hx_is(e, "link")) {
            const char *rel = hx_attr(e, "rel"), *href = hx_attr(e, "href");
            if (rel && href && ds_strcasecmp_ascii(rel, "canonical") == 0 && is_url(href))
                canonical = href;
            /* <link rel="author" href=".../author/first-last/">: a name
             * only when the page shows no byline */
            if (rel && href && ds_strcasecmp_ascii(rel, "author") == 0 && !m->byline_profile)
                m->byline_profile = html_author_address_name(href);
            continue;
        }
        if (!hx_is(e, "meta"))
            continue;
        const char *content = hx_attr(e, "content");
        if (!content)
            continue;
        const char *names[3] = {hx_attr(e, "property"), hx_attr(e, "name"), hx_attr(e, "itemprop")};
        if (names[2] && ds_strcasecmp_ascii(names[2], "name") == 0) {
            /* microdata: <meta itemprop=name> of the publisher's item */
            if (in_item(e, "publisher"))
                html_set_once(&m->site, content);
            names[2] = NULL;
        }
        for (int k = 0; k < 3; k++) {
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
    html_set_once(&m->title, kv_find(kv, n, title_keys));
    char *names = kv_join(kv, n, byline_keys);
    if (names && !is_url(names))
        html_set_once(&m->byline, names);
    free(names);
    const char *by = kv_find(kv, n, profile_keys);
    if (by && !is_url(by))
        html_set_once(&m->byline_profile, by);
    html_set_once(&m->site, kv_find(kv, n, site_keys));
    html_set_once(&m->published, compact_date(kv_find(kv, n, date_keys), compact));
    html_set_once(&m->description, kv_find(kv, n, desc_keys));
    html_set_once(&m->url, canonical);
    const char *u = kv_find(kv, n, url_keys);
    if (u && is_url(u))
        html_set_once(&m->url, u);
    for (size_t i = 0; i < n; i++)
        free(kv[i].key);
    free(kv);
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
char *
html_collapse(const char *s)
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
    char *cur = html_collapse(strrchr(orig, ':') + 1);
    if (word_count(cur) < 3) {
        free(cur);
        return html_collapse(strchr(orig, ':') + 1);
    }
    char *head = xstrndup(orig, (size_t)(strchr(orig, ':') - orig));
    if (word_count(head) > 5) {
        free(cur);
        cur = xstrdup(orig);
    }
    free(head);
    return cur;
}

/* The page's first <h1> when <title> opens with it and a separator follows
 * ("Headline | Section | Site" under <h1>Headline</h1>): the headline
 * without the section. Not when the h1 is shorter than what follows it (a
 * site's name over "Site | Headline"). Returns malloc'd text or NULL. */
static char *
h1_prefix_title(xmlNode *root, const char *orig)
{
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        if (!hx_is(n, "h1"))
            continue;
        struct buf b = BUF_INIT;
        hx_text(n, &b);
        char *h = html_collapse(buf_str(&b));
        buf_free(&b);
        size_t hl = strlen(h), ol = strlen(orig);
        bool hier;
        if (hl >= 10 && hl + 3 < ol && strncmp(orig, h, hl) == 0 && orig[hl] == ' ' &&
            separator_at(orig, hl + 1, &hier) && hl > ol - hl)
            return h;
        free(h);
        return NULL; /* only the first h1 */
    }
    return NULL;
}

/* Is p (a part of <title>) the site's name: an outlet's shape, or the
 * text of the link home (home, may be NULL)? */
static bool
site_part(const char *p, size_t n, const char *home)
{
    struct ing_name_shape ns;
    /* "Het Noorderblad", "The Courier": an article and a paper's word,
     * after a separator in <title> */
    bool article_paper = ing_outlet_like(p, n, true) && ing_name_shape(p, n, &ns) &&
                         ns.article && ns.outlet_word && ns.words == 2;
    return n && ing_count_words_max(p, n, 6) <= 5 &&
           (ing_outlet_like(p, n, false) || article_paper || (home && ing_ieq(p, n, home)));
}

/* The site's name in <title> on a page that states none: the last part
 * after a separator ("Headline \xe2\x80\x93 Site"), else a middle one
 * ("Headline - Site - Section"), else the part before " :: " or ": " that
 * opens it ("Site :: Headline", "Site: Headline"), when it looks like an
 * outlet's name or is the text of the link home. Returns malloc'd text or
 * NULL. */
static char *
title_site(const char *raw, const char *home)
{
    char *orig = html_collapse(raw);
    size_t len = strlen(orig), cuts[16], ends[16], nc = 0;
    for (size_t i = 0; i < len && nc < 16; i++) {
        bool h;
        size_t l = separator_at(orig, i, &h);
        if (l) {
            ends[nc] = i - 1; /* the part before ends at the space */
            cuts[nc++] = i + l + 1;
        }
    }
    char *site = NULL;
    for (size_t k = nc; k-- > 0 && !site;) {
        size_t e = k + 1 < nc ? ends[k + 1] : len;
        if (cuts[k] < e && site_part(orig + cuts[k], e - cuts[k], home))
            site = xstrndup(orig + cuts[k], e - cuts[k]);
    }
    const char *colon = strstr(orig, " :: ");
    size_t cl = colon ? 4 : 2;
    if (!colon)
        colon = strstr(orig, ": ");
    if (!site && colon && colon > orig && site_part(orig, (size_t)(colon - orig), home) &&
        ing_count_words(colon + cl, strlen(colon + cl)) >= 3)
        site = xstrndup(orig, (size_t)(colon - orig));
    free(orig);
    return site;
}

/* "Headline | Section" left when an outlet's name was cut from "Headline
 * | Section | Outlet" (a news site's hierarchy; a blog's "Post | Topic |
 * Jane Roe" keeps its topic, as reader modes do): a last part of one to three words after the same
 * separator (sep, sl bytes) is the section when the part before it has
 * four words or more. */
static void
drop_section_part(char *cur, const char *sep, size_t sl)
{
    size_t n = strlen(cur);
    for (size_t i = n; i-- > 1;) {
        if (cur[i - 1] != ' ' || i + sl >= n || memcmp(cur + i, sep, sl) != 0 || cur[i + sl] != ' ')
            continue;
        if (word_count(cur + i + sl + 1) > 3)
            return;
        cur[i - 1] = '\0';
        if (word_count(cur) < 4)
            cur[i - 1] = ' ';
        return;
    }
}

/* <title> without the site's name ("Headline | Site", "Site: Headline"),
 * the way reader modes cut it; a lone <h1> when the title is very short or
 * long. Returns malloc'd text or NULL. */
static char *
clean_title(xmlNode *root, const char *raw)
{
    char *orig = html_collapse(raw);
    size_t len = strlen(orig);
    char *cur = h1_prefix_title(root, orig);
    if (cur) {
        free(orig);
        return cur;
    }
    bool hier = false, any = false, portal = false;
    size_t last = 0, last_len = 0, first = 0, first_len = 0;
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
        last_len = l;
    }
    if (any) {
        cur = xstrndup(orig, last - 1);
        const char *site = orig + last + last_len + 1;
        if (site < orig + len && ing_outlet_like(site, strlen(site), false))
            drop_section_part(cur, orig + last, last_len); /* a news site's hierarchy */
        if (word_count(cur) < 3) {
            free(cur);
            cur = html_collapse(orig + first + first_len);
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
    char *t = html_collapse(cur);
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

/* Is time element n an update's stamp: "Updated <time>" in its parent? */
static bool
update_stamp(xmlNode *n)
{
    char *t = n->parent ? hx_text_collapsed(n->parent) : NULL;
    bool up = t && (ing_istarts(t, strlen(t), "updated") || ing_istarts(t, strlen(t), "modified") ||
                    ing_istarts(t, strlen(t), "last updated"));
    free(t);
    return up;
}

/* The first <time datetime> in the page (a date on the article itself):
 * marked pubdate or inside the article or its header, else the first one
 * soon after the page's one <h1> (a newspaper CMS's header list of byline
 * and stamps) that is not an update's stamp nor in an aside or a footer. */
static void
read_time(xmlNode *root, struct html_meta *m)
{
    for (xmlNode *n = root; n && !m->published; n = hx_next(n, root, false))
        if (hx_is(n, "time")) {
            const char *dt = hx_attr(n, "datetime");
            const char *pub = hx_attr(n, "pubdate");
            if (dt && (pub || hx_has_ancestor(n, "article", 0) || hx_has_ancestor(n, "header", 0)))
                html_set_once(&m->published, dt);
        }
    xmlNode *h1 = NULL;
    size_t h1s = 0;
    for (xmlNode *n = root; n && !m->published; n = hx_next(n, root, false))
        if (hx_is(n, "h1") && !h1s++)
            h1 = n;
    size_t steps = 0;
    for (xmlNode *n = h1s == 1 ? hx_next(h1, root, true) : NULL; n && !m->published && steps < 40;
         n = hx_next(n, root, false), steps++) {
        if (hx_is(n, "p") || hx_is(n, "h2"))
            break; /* the text has begun: a later stamp is no header's */
        const char *dt = hx_is(n, "time") ? hx_attr(n, "datetime") : NULL;
        if (dt && strlen(dt) >= 10 && !update_stamp(n) && !hx_has_ancestor(n, "aside", 0) &&
            !hx_has_ancestor(n, "footer", 0))
            html_set_once(&m->published, dt);
    }
}

/* Does an element's class name a publication date ("posted-on",
 * "entry-date published", "post-date") and not a modification? */
static bool
posted_class(const xmlNode *n)
{
    const char *c = hx_attr(n, "class");
    if (!c)
        return false;
    size_t cl = strlen(c);
    if (ing_ifind(c, cl, "updated") || ing_ifind(c, cl, "modified"))
        return false;
    return ing_ifind(c, cl, "posted-on") || ing_ifind(c, cl, "entry-date") ||
           ing_ifind(c, cl, "post-date") || ing_ifind(c, cl, "publish");
}

/* A theme's "Posted on March 3, 2020" (WordPress's span.posted-on, its
 * entry-date): a short element whose class names the publication and whose
 * text holds a date, inside the article or its header and not in a list
 * of other stories (aside, list item). Read only when nothing else dated
 * the page. */
static void
read_posted(xmlNode *root, struct html_meta *m)
{
    for (xmlNode *n = root; n && !m->published; n = hx_next(n, root, false)) {
        if (n->type != XML_ELEMENT_NODE || !posted_class(n) || hx_has_ancestor(n, "aside", 0) ||
            hx_has_ancestor(n, "li", 0) ||
            !(hx_has_ancestor(n, "article", 0) || hx_has_ancestor(n, "header", 0) ||
              hx_has_ancestor(n, "main", 0)))
            continue;
        if (hx_text_len(n) == 0 || hx_text_len(n) > 80)
            continue;
        struct buf b = BUF_INIT;
        hx_text(n, &b);
        struct ing_date dt;
        if (ing_find_date(buf_str(&b), b.len, &dt, NULL) && dt.y && dt.m && dt.d)
            m->published = xasprintf("%04d-%02d-%02d", dt.y, dt.m, dt.d);
        buf_free(&b);
    }
}

/* The text of a link to the site's front page ("<a href="/" rel="home">",
 * its logo's alt text), the first in the page: the site names itself so in
 * its header. NULL when there is none or it is a word of navigation. The
 * caller decides whether it is a name. */
static char *
home_link_name(xmlNode *root)
{
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        if (!hx_is(n, "a"))
            continue;
        const char *href = hx_attr(n, "href"), *rel = hx_attr(n, "rel");
        if (!((href && strcmp(href, "/") == 0) || (rel && ds_strcasecmp_ascii(rel, "home") == 0)))
            continue;
        struct buf b = BUF_INIT;
        hx_text(n, &b);
        char *t = html_collapse(buf_str(&b));
        buf_free(&b);
        if (!t[0]) {
            free(t);
            xmlNode *img = NULL;
            for (xmlNode *c = n; c && !img; c = hx_next(c, n, false))
                img = hx_is(c, "img") ? c : NULL;
            const char *alt = img ? hx_attr(img, "alt") : NULL;
            t = html_collapse(alt ? alt : "");
        }
        if (t[0] && word_count(t) <= 5 && !ing_has_ui_word(t, strlen(t)))
            return t;
        free(t);
        return NULL; /* only the first link home */
    }
    return NULL;
}

/* The text of the first element whose class names the site's title
 * ("site-title", "site-name", "feed-title", "masthead"), when it is shaped
 * as an outlet's name: a fragment or a reader's copy without a link home. */
static char *
site_class_name(xmlNode *root)
{
    static const char *const classes[] = {"site-title", "site-name", "feed-title", "masthead",
                                          NULL};
    for (xmlNode *n = root; n; n = hx_next(n, root, false)) {
        const char *c = n->type == XML_ELEMENT_NODE ? hx_attr(n, "class") : NULL;
        bool hit = false;
        for (const char *const *k = classes; c && *k && !hit; k++)
            hit = ing_ifind(c, strlen(c), *k) != NULL;
        if (!hit || !html_text_within(n, 80))
            continue;
        struct buf b = BUF_INIT;
        hx_text(n, &b);
        char *t = html_collapse(buf_str(&b));
        buf_free(&b);
        if (t[0] && word_count(t) <= 5 && ing_outlet_like(t, strlen(t), true))
            return t;
        free(t);
        return NULL; /* only the first */
    }
    return NULL;
}

/* The site's name when no tag states it: the last part of <title> (when
 * shaped as an outlet's, or the same as the link home: two places agreeing
 * on a name that looks like a person's, "Mountain Xpress"), else the link
 * home's text when it is no person's name. */
static void
read_site_name(xmlNode *root, const char *doc_title, struct html_meta *m)
{
    char *home = home_link_name(root);
    char *last = doc_title && doc_title[0] ? title_site(doc_title, home) : NULL;
    if (last) {
        m->site = last;
        free(home);
    } else if (home && ing_outlet_like(home, strlen(home), true)) {
        m->site = home; /* a logo's alt text: "The Mercury" */
    } else {
        free(home);
        m->site = site_class_name(root);
    }
}

/* The text of the first <h1> when it is headline-sized (a saved
 * fragment's only title), or NULL. */
static char *
first_h1(xmlNode *root)
{
    for (xmlNode *n = root; n; n = hx_next(n, root, false))
        if (hx_is(n, "h1")) {
            if (!html_text_within(n, 300))
                return NULL;
            struct buf b = BUF_INIT;
            hx_text(n, &b);
            char *t = html_collapse(buf_str(&b));
            buf_free(&b);
            if (t[0] && word_count(t) <= 30)
                return t;
            free(t);
            return NULL;
        }
    return NULL;
}

/* A headline a tag states (og:title, twitter:title, JSON-LD) that the
 * page's one <h1> prints longer, with most of the tag's words ("Rail talks
 * collapse again" over "Rail talks collapse for a third time as drivers
 * set new strike dates"): the tag is a shortened headline for sharing, the
 * <h1> the one the page prints for its readers, which wins. */
static void
printed_headline(xmlNode *root, struct html_meta *m)
{
    xmlNode *h1 = NULL;
    for (xmlNode *n = root; n; n = hx_next(n, root, false))
        if (hx_is(n, "h1")) {
            if (h1)
                return; /* several: no one headline */
            h1 = n;
        }
    if (!m->title || !h1 || !html_text_within(h1, 300))
        return;
    char *t = hx_text_collapsed(h1);
    size_t tw = word_count(m->title), hw = word_count(t);
    if (hw <= 30 && hw >= tw + 3 && html_similarity(t, m->title) >= 0.6 &&
        ds_strcasecmp_ascii(t, m->title) != 0) {
        free(m->title);
        m->title = t;
        return;
    }
    free(t);
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
    html_jsonld_read(root, doc_title, m);
    read_meta_tags(root, m);
    printed_headline(root, m);
    if (html_office_page(root)) {
        free(m->byline); /* the document's author: whose account saved it */
        m->byline = NULL;
        if (doc_title && html_file_name_title(doc_title))
            doc_title[0] = '\0';
    }
    html_saved_read(doc, m);
    read_time(root, m);
    read_posted(root, m);
    html_date_elements(root, m);
    html_local_day(root, m);
    if (!m->title && doc_title && doc_title[0])
        m->title = clean_title(root, doc_title);
    if (!m->title && !doc_title)
        m->title = first_h1(root); /* a fragment without <head> */
    if (!m->title)
        m->title = html_styled_title(root); /* a word processor's page */
    if (!m->site)
        read_site_name(root, doc_title, m);
    if (!m->site)
        m->site = html_copyright_site(root);
    char *prov = html_provider_site(root, m->site); /* a story on Yahoo or MSN */
    if (prov) {
        free(m->site);
        m->site = prov;
    }
    free(doc_title);
    /* what the page says may hold white space runs and entities already
     * decoded by the parser; collapse the runs */
    char **fields[] = {&m->title,       &m->byline,         &m->site,      &m->published,
                       &m->description, &m->byline_profile, &m->byline_org};
    for (size_t i = 0; i < DS_ARRAY_LEN(fields); i++)
        if (*fields[i]) {
            char *c = html_collapse(*fields[i]);
            free(*fields[i]);
            *fields[i] = c[0] ? c : (free(c), NULL);
        }
    /* the site's own name as the author ("Island Post" by "Island Post")
     * names no one: a byline on the page wins over it */
    if (m->byline && m->site && ds_strcasecmp_ascii(m->byline, m->site) == 0) {
        free(m->byline_org);
        m->byline_org = m->byline;
        m->byline = NULL;
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
    free(m->byline_org);
    memset(m, 0, sizeof *m);
}
