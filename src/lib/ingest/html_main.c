/*
 * ingest/html_main.c — the main text of a web page, found the way reader
 * modes (Mozilla's Readability, the reader view of Firefox) find it:
 *
 *   1. drop what cannot be text (scripts, styles, hidden elements, dialogs)
 *      and, on the first try, blocks whose class or id says they are page
 *      furniture (comment, footer, related, sidebar, share, nav, cookie,
 *      newsletter, subscribe, promo, ad...) unless it also says article;
 *   2. give each paragraph a score (its commas and length) and pass it up to
 *      its parent (whole), grandparent (half) and further ancestors (less),
 *      each ancestor starting from its kind (a div +5, a list -3, a heading
 *      -5) and its class/id hints (article, content, entry, main, post,
 *      story, body +25; comment, footer, related, share, sidebar... -25);
 *   3. scale each candidate by how little of its text is links, take the
 *      best, climb to an ancestor that several good candidates share, and
 *      add the siblings that score near it or read as prose;
 *   4. clean the result: forms, tables, lists and divs that look like
 *      furniture (many links, many images, few commas) go.
 * When that leaves under 500 characters the page is read again with the
 * class/id hints relaxed step by step; the longest result wins.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "html.h"
#include "lib.h"

#define TOP_CANDIDATES 5
#define CHAR_THRESHOLD 500

enum {
    F_STRIP_UNLIKELY = 1,
    F_WEIGHT_CLASSES = 2,
    F_CLEAN_CONDITIONALLY = 4,
};

struct score {
    double s;
};

struct grab {
    int flags;
    struct score *pool;
    size_t npool, cap;
    xmlNode **cands;
    size_t ncands, capcands;
    char *byline;
    const char *title;
};

/* ---- class and id hints ---------------------------------------------------------- */

static const char *const unlikely_words[] = {
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "cookie", "newsletter",
    "subscribe", "paywall", NULL};
static const char *const maybe_words[] = {"and", "article", "body", "column", "content", "main",
                                          "shadow", NULL};
static const char *const positive_words[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story", NULL};
static const char *const negative_words[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
    "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
    "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
    "cookie", "newsletter", "subscribe", "paywall", NULL};
static const char *const unlikely_roles[] = {"menu", "menubar", "complementary", "navigation",
                                             "alert", "alertdialog", "dialog", NULL};

/* "hid" as a whole class name also means hidden. */
static bool
negative(const char *s)
{
    if (hx_has_word(s, negative_words))
        return true;
    if (!s)
        return false;
    for (const char *p = s; (p = strstr(p, "hid")) != NULL; p += 3)
        if ((p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' '))
            return true;
    return false;
}

/* Class/id hints of n: -25 for each of class and id that reads as furniture,
 * +25 for each that reads as content; 0 once hints are turned off. */
static int
class_weight(const struct grab *g, const xmlNode *n)
{
    if (!(g->flags & F_WEIGHT_CLASSES))
        return 0;
    int w = 0;
    const char *cls = hx_attr(n, "class"), *id = hx_attr(n, "id");
    if (cls && *cls) {
        if (negative(cls))
            w -= 25;
        if (hx_has_word(cls, positive_words))
            w += 25;
    }
    if (id && *id) {
        if (negative(id))
            w -= 25;
        if (hx_has_word(id, positive_words))
            w += 25;
    }
    return w;
}

/* ---- scores ----------------------------------------------------------------------- */

/* n's score, or NULL when it is not a candidate (or n is NULL). */
static struct score *
score_of(const xmlNode *n)
{
    return n ? (struct score *)n->_private : NULL;
}

/* n's score, 0 when it has none. */
static double
sv(const xmlNode *n)
{
    const struct score *sc = score_of(n);
    return sc ? sc->s : 0;
}

/* Give n a score from its kind and class/id hints and make it a candidate.
 * A page with more than g->cap candidates (16,384: far beyond any article)
 * scores only the first ones, so a hostile page costs bounded memory. */
static void
init_node(struct grab *g, xmlNode *n)
{
    if (g->npool == g->cap)
        return; /* out of slots: the node is not a candidate */
    struct score *sc = &g->pool[g->npool++];
    double s = 0;
    static const char *const plus3[] = {"pre", "td", "blockquote", NULL};
    static const char *const minus3[] = {"address", "ol", "ul", "dl", "dd", "dt", "li", "form",
                                         NULL};
    static const char *const minus5[] = {"h1", "h2", "h3", "h4", "h5", "h6", "th", NULL};
    if (hx_is(n, "div"))
        s += 5;
    else if (hx_is_any(n, plus3))
        s += 3;
    else if (hx_is_any(n, minus3))
        s -= 3;
    else if (hx_is_any(n, minus5))
        s -= 5;
    sc->s = s + class_weight(g, n);
    n->_private = sc;
    if (g->ncands == g->capcands) {
        g->capcands = g->capcands ? g->capcands * 2 : 64;
        g->cands = xrealloc(g->cands, g->capcands * sizeof *g->cands);
    }
    g->cands[g->ncands++] = n;
}

/* ---- step 1: cleaning the page before scoring ----------------------------------------- */

static const char *const phrasing[] = {
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr", "font", "u", "s", NULL};
static const char *const div_to_p[] = {"blockquote", "dl", "div", "img", "ol", "p", "pre",
                                       "table", "ul", "figure", "section", NULL};
static const char *const to_score[] = {"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre",
                                       NULL};

/* Is n inline content (text, or an inline element holding only inline
 * content)? */
static bool
is_phrasing(const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        return true;
    if (n->type != XML_ELEMENT_NODE)
        return false;
    if (hx_is_any(n, phrasing))
        return true;
    if (hx_is(n, "a") || hx_is(n, "del") || hx_is(n, "ins")) {
        for (const xmlNode *c = n->children; c; c = c->next)
            if (!is_phrasing(c))
                return false;
        return true;
    }
    return false;
}

/* Does n hold a block element (a paragraph, list, table, div...) at any depth?
 * Does n hold a block element (a paragraph, list, table, div...) at any depth? */
static bool
has_block_child(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (hx_is_any(c, div_to_p) || has_block_child(c)))
            return true;
    return false;
}

/* True for an element with no text and nothing but <br>/<hr> inside. */
static bool
without_content(const xmlNode *n)
{
    if (hx_text_len(n))
        return false;
    size_t el = hx_count_el(n);
    return el == 0 || el == hx_count_tag(n, "br") + hx_count_tag(n, "hr");
}

/* Note n as the byline when it is one (html_block_byline) and none is
 * noted yet; true when it was taken (the block then goes from the text). */
static bool
check_byline(struct grab *g, xmlNode *n, const char *match)
{
    if (g->byline)
        return false;
    g->byline = html_block_byline(n, match);
    return g->byline != NULL;
}


/* Move runs of phrasing children of a div into <p> elements. */
static void
wrap_phrasing(xmlNode *div)
{
    xmlNode *p = NULL;
    for (xmlNode *c = div->children, *next; c; c = next) {
        next = c->next;
        if (is_phrasing(c)) {
            if (p) {
                xmlUnlinkNode(c);
                xmlAddChild(p, c);
            } else if (!hx_is_blank_text(c)) {
                p = xmlNewNode(NULL, (const xmlChar *)"p");
                xmlAddPrevSibling(c, p);
                xmlUnlinkNode(c);
                xmlAddChild(p, c);
            }
        } else if (p) {
            while (p->last && hx_is_blank_text(p->last))
                hx_remove(p->last);
            p = NULL;
        }
    }
}

/* Is a <p> the only element and content of n? */
static bool
single_p_inside(const xmlNode *n)
{
    if (hx_count_el(n) != 1 || !hx_is(hx_first_el(n), "p"))
        return false;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && !hx_is_blank_text(c))
            return false;
    return true;
}

/* Should node go before scoring: hidden, a dialog, the byline (noted in
 * g), the heading that repeats the title (once: *title_header), or, on a
 * first try, furniture by its class, id or role, or an empty block? */
static bool
removable(struct grab *g, xmlNode *node, xmlNode *body, bool *title_header)
{
    if (node == body)
        return false;
    static const char *const empties[] = {"div", "section", "header", "h1", "h2", "h3",
                                          "h4", "h5", "h6", NULL};
    const char *cls = hx_attr(node, "class"), *id = hx_attr(node, "id");
    char match[512];
    snprintf(match, sizeof match, "%s %s", cls ? cls : "", id ? id : "");
    const char *role = hx_attr(node, "role");
    const char *modal = hx_attr(node, "aria-modal");
    if (!hx_visible(node))
        return true;
    if (modal && strcmp(modal, "true") == 0 && role && strcmp(role, "dialog") == 0)
        return true;
    if (check_byline(g, node, match))
        return true;
    if (*title_header && (hx_is(node, "h1") || hx_is(node, "h2"))) {
        struct buf b = BUF_INIT;
        hx_text(node, &b);
        bool same = html_similarity(g->title, buf_str(&b)) > 0.75;
        buf_free(&b);
        if (same) {
            *title_header = false;
            return true;
        }
    }
    if (g->flags & F_STRIP_UNLIKELY) {
        if (hx_has_word(match, unlikely_words) && !hx_has_word(match, maybe_words) &&
            !hx_has_ancestor(node, "table", 0) && !hx_has_ancestor(node, "code", 0) &&
            !hx_is(node, "a")) {
            if (hx_is(node, "header") || ing_ifind(match, strlen(match), "header"))
                if (!g->byline)
                    g->byline = html_header_byline(node);
            return true;
        }
        for (const char *const *r = unlikely_roles; role && *r; r++)
            if (strcmp(role, *r) == 0)
                return true;
    }
    return hx_is_any(node, empties) && without_content(node);
}

/* The list right after a removed element that heads other stories
 * ("RELATED STORIES" in a paragraph of its own, then <ul>): the links go
 * with their heading. NULL when there is none. */
static xmlNode *
related_list_after(xmlNode *node)
{
    size_t tl = hx_text_len(node);
    if (tl == 0 || tl > 40)
        return NULL;
    xmlNode *list = hx_next_el(node);
    if (!list || !(hx_is(list, "ul") || hx_is(list, "ol")))
        return NULL;
    struct buf b = BUF_INIT;
    hx_text(node, &b);
    const char *t = buf_str(&b);
    while (*t == ' ' || *t == '\n')
        t++;
    bool heads = ing_is_related_heading(t, strlen(t));
    buf_free(&b);
    return heads ? list : NULL;
}

/* Walk the page once: remove what cannot be text, note the byline, and
 * collect the elements to score (into *els). */
static size_t
prepare_nodes(struct grab *g, xmlNode *body, xmlNode ***els)
{
    size_t n = 0, cap = 64;
    xmlNode **v = xmlMalloc(cap * sizeof *v);
    bool title_header = g->title != NULL;
    xmlNode *node = body;
    while (node) {
        if (node->type != XML_ELEMENT_NODE) {
            node = hx_next(node, body, true);
            continue;
        }
        if (removable(g, node, body, &title_header)) {
            xmlNode *list = related_list_after(node);
            xmlNode *next = hx_next(list ? list : node, body, true);
            if (list)
                hx_remove(list);
            hx_remove(node);
            node = next;
            continue;
        }
        bool scored = hx_is_any(node, to_score);
        if (hx_is(node, "div")) {
            wrap_phrasing(node);
            if (single_p_inside(node) && hx_link_density(node) < 0.25) {
                xmlNode *child = hx_first_el(node);
                xmlUnlinkNode(child);
                xmlReplaceNode(node, child);
                xmlFreeNode(node);
                node = child;
                scored = true;
            } else if (!has_block_child(node)) {
                hx_rename(node, "p");
                scored = true;
            }
        }
        if (scored) {
            if (n == cap) {
                cap *= 2;
                v = xmlRealloc(v, cap * sizeof *v);
            }
            v[n++] = node;
        }
        node = hx_next(node, body, false);
    }
    *els = v;
    return n;
}

/* ---- step 2 and 3: scoring and choosing --------------------------------------------- */

/* Score each paragraph-like element (25+ characters) and add its score to five
 * levels of ancestors, less at each level. */
static void
score_elements(struct grab *g, xmlNode **els, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        xmlNode *e = els[i];
        if (!e->parent || e->parent->type != XML_ELEMENT_NODE)
            continue;
        size_t len = hx_text_len(e);
        if (len < 25)
            continue;
        double cs = 1 + (double)hx_commas(e) + 1 + (double)DS_MIN(len / 100, (size_t)3);
        xmlNode *anc = e->parent;
        for (int level = 0; anc && anc->type == XML_ELEMENT_NODE && level < 5;
             level++, anc = anc->parent) {
            if (!anc->parent || anc->parent->type != XML_ELEMENT_NODE)
                break;
            if (!score_of(anc))
                init_node(g, anc);
            struct score *sc = score_of(anc);
            if (!sc)
                break;
            double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            sc->s += cs / div;
        }
    }
}

/* Is anc an ancestor of n? */
static bool
is_ancestor(const xmlNode *anc, const xmlNode *n)
{
    for (const xmlNode *p = n->parent; p; p = p->parent)
        if (p == anc)
            return true;
    return false;
}

/* The best candidate, after climbing to where good candidates meet. */
static xmlNode *
choose_top(struct grab *g, xmlNode *body)
{
    xmlNode *top[TOP_CANDIDATES] = {0};
    for (size_t i = 0; i < g->ncands; i++) {
        xmlNode *c = g->cands[i];
        struct score *sc = score_of(c);
        if (!sc)
            continue;
        sc->s *= 1 - hx_link_density(c);
        for (int k = 0; k < TOP_CANDIDATES; k++)
            if (!top[k] || sc->s > sv(top[k])) {
                memmove(top + k + 1, top + k, (TOP_CANDIDATES - 1 - (size_t)k) * sizeof *top);
                top[k] = c;
                break;
            }
    }
    xmlNode *best = top[0];
    if (!best || best == body)
        return NULL;
    /* three or more strong runners-up under one ancestor: take it */
    double bs = sv(best);
    size_t nalt = 0;
    xmlNode *alts[TOP_CANDIDATES];
    for (int k = 1; k < TOP_CANDIDATES && top[k]; k++)
        if (bs > 0 && sv(top[k]) / bs >= 0.75)
            alts[nalt++] = top[k];
    if (nalt >= 3) {
        for (xmlNode *p = best->parent; p && p != body && p->type == XML_ELEMENT_NODE;
             p = p->parent) {
            size_t hold = 0;
            for (size_t k = 0; k < nalt; k++)
                hold += is_ancestor(p, alts[k]);
            if (hold >= 3) {
                best = p;
                break;
            }
        }
    }
    if (!score_of(best))
        init_node(g, best);
    if (!score_of(best))
        return best;
    /* climb while the parent's score holds up */
    double last = sv(best), threshold = last / 3;
    for (xmlNode *p = best->parent; p && p != body && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (!score_of(p))
            continue;
        double ps = sv(p);
        if (ps < threshold)
            break;
        if (ps > last) {
            best = p;
            break;
        }
        last = ps;
    }
    /* an only child is as good as its parent */
    while (best->parent && best->parent != body && best->parent->type == XML_ELEMENT_NODE &&
           hx_count_el(best->parent) == 1)
        best = best->parent;
    if (!score_of(best))
        init_node(g, best);
    return best;
}

/* Does s hold a full stop followed by a space or the end? */
static bool
ends_sentence(const char *s)
{
    for (const char *p = strchr(s, '.'); p; p = strchr(p + 1, '.'))
        if (p[1] == ' ' || p[1] == '\0')
            return true;
    return false;
}

/* The top candidate and the siblings that belong with it, moved under a new
 * <div> (returned; owned by the document's tree). */
static xmlNode *
gather(struct grab *g, xmlNode *best, xmlNode *body)
{
    xmlNode *article = xmlNewNode(NULL, (const xmlChar *)"div");
    if (!best) {
        /* no candidate: the whole body */
        for (xmlNode *c = body->children, *next; c; c = next) {
            next = c->next;
            xmlUnlinkNode(c);
            xmlAddChild(article, c);
        }
        xmlAddChild(body, article);
        return article;
    }
    xmlNode *parent = best->parent;
    double bs = sv(best);
    double threshold = DS_MAX(10.0, bs * 0.2);
    const char *bcls = hx_attr(best, "class");
    for (xmlNode *s = hx_first_el(parent), *next; s; s = next) {
        next = hx_next_el(s);
        bool take = s == best;
        if (!take) {
            double bonus = 0;
            const char *cls = hx_attr(s, "class");
            if (bcls && *bcls && cls && strcmp(cls, bcls) == 0)
                bonus = bs * 0.2;
            if (score_of(s) && sv(s) + bonus >= threshold) {
                take = true;
            } else if (hx_is(s, "p")) {
                double ld = hx_link_density(s);
                size_t len = hx_text_len(s);
                if (len > 80 && ld < 0.25) {
                    take = true;
                } else if (len < 80 && len > 0 && ld == 0) {
                    struct buf b = BUF_INIT;
                    hx_text(s, &b);
                    take = ends_sentence(buf_str(&b));
                    buf_free(&b);
                }
            }
        }
        if (take) {
            xmlUnlinkNode(s);
            xmlAddChild(article, s);
        }
    }
    xmlAddChild(parent, article);
    return article;
}

/* ---- step 4: cleaning the article ------------------------------------------------------ */

/* Remove every element named tag under root. */
static void
remove_tags(xmlNode *root, const char *tag)
{
    for (xmlNode *n = root->children ? root->children : NULL, *next; n; n = next) {
        next = hx_next(n, root, hx_is(n, tag));
        if (hx_is(n, tag)) {
            next = hx_next(n, root, true);
            hx_remove(n);
        }
    }
}

/* Is a table one of data (caption, summary, th, many rows), not layout? */
static bool
data_table(const xmlNode *t)
{
    const char *role = hx_attr(t, "role");
    if (role && strcmp(role, "presentation") == 0)
        return false;
    const char *dt = hx_attr(t, "datatable");
    if (dt && strcmp(dt, "0") == 0)
        return false;
    if (hx_attr(t, "summary") || hx_count_tag(t, "caption") || hx_count_tag(t, "th") ||
        hx_count_tag(t, "thead") || hx_count_tag(t, "tfoot") || hx_count_tag(t, "colgroup"))
        return true;
    if (hx_count_tag(t, "table"))
        return false;
    size_t rows = hx_count_tag(t, "tr"), cells = hx_count_tag(t, "td");
    return rows >= 10 || cells > 4 * DS_MAX(rows, (size_t)1);
}

/* Does element n (named tag) look like furniture: hints against it, more links
 * than text, more images or list items or inputs than paragraphs, embeds, no
 * text? Data tables and code are kept. */
static bool
should_drop(struct grab *g, xmlNode *n, const char *tag)
{
    bool is_list = strcmp(tag, "ul") == 0 || strcmp(tag, "ol") == 0;
    size_t tlen = hx_text_len(n);
    if (!is_list && tlen) {
        size_t ll = 0;
        for (xmlNode *c = n; c; c = hx_next(c, n, false))
            if (c != n && (hx_is(c, "ul") || hx_is(c, "ol")))
                ll += hx_text_len(c);
        is_list = (double)ll / (double)tlen > 0.9;
    }
    if (strcmp(tag, "table") == 0 && data_table(n))
        return false;
    if (hx_has_ancestor(n, "code", 0))
        return false;
    for (xmlNode *p = n->parent; p; p = p->parent)
        if (hx_is(p, "table") && data_table(p))
            return false;
    int weight = class_weight(g, n);
    if (weight < 0)
        return true;
    if (hx_commas(n) >= 10)
        return false;
    size_t p = hx_count_tag(n, "p"), img = hx_count_tag(n, "img");
    size_t li = hx_count_tag(n, "li"), input = hx_count_tag(n, "input");
    double lip = (double)li - 100;
    size_t embeds = hx_count_tag(n, "object") + hx_count_tag(n, "embed") +
                    hx_count_tag(n, "iframe");
    double ld = hx_link_density(n);
    bool in_figure = hx_has_ancestor(n, "figure", 0);
    size_t heading = 0;
    for (xmlNode *c = n; c; c = hx_next(c, n, false))
        if (c != n && (hx_is(c, "h1") || hx_is(c, "h2") || hx_is(c, "h3") || hx_is(c, "h4") ||
                       hx_is(c, "h5") || hx_is(c, "h6")))
            heading += hx_text_len(c);
    double hd = tlen ? (double)heading / (double)tlen : 0;
    bool drop = (!in_figure && img > 1 && (double)p / (double)img < 0.5) ||
                (!is_list && lip > (double)p) || (input > p / 3) ||
                (!is_list && !in_figure && hd < 0.9 && tlen < 25 && (img == 0 || img > 2) &&
                 ld > 0) ||
                (!is_list && weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5) ||
                (embeds == 1 && tlen < 75) || embeds > 1 || (img == 0 && tlen == 0);
    if (is_list && drop) {
        /* a list of images (a gallery) stays */
        if (li && li == img)
            return false;
    }
    return drop;
}

/* Remove the elements named tag under root that should_drop() (when that
 * cleaning is on). */
static void
clean_conditionally(struct grab *g, xmlNode *root, const char *tag)
{
    if (!(g->flags & F_CLEAN_CONDITIONALLY))
        return;
    /* last first, so removing an element never skips the next one */
    size_t n = 0, cap = 16;
    xmlNode **v = xmalloc(cap * sizeof *v);
    for (xmlNode *c = root; c; c = hx_next(c, root, false))
        if (c != root && hx_is(c, tag)) {
            if (n == cap) {
                cap *= 2;
                v = xrealloc(v, cap * sizeof *v);
            }
            v[n++] = c;
        }
    for (size_t i = n; i-- > 0;) {
        /* skip an element already removed with an ancestor */
        bool alive = false;
        for (xmlNode *p = v[i]; p; p = p->parent)
            if (p == root) {
                alive = true;
                break;
            }
        if (alive && should_drop(g, v[i], tag))
            hx_remove(v[i]);
    }
    free(v);
}

/* Clean the gathered article: forms, embeds, asides, navigation, share bars,
 * furniture headings, then tables, lists and divs that look like furniture. */
static void
clean_article(struct grab *g, xmlNode *art)
{
    clean_conditionally(g, art, "form");
    clean_conditionally(g, art, "fieldset");
    static const char *const gone[] = {"object", "embed", "footer", "link", "aside", "iframe",
                                       "input", "textarea", "select", "button", "nav", NULL};
    for (size_t i = 0; gone[i]; i++)
        remove_tags(art, gone[i]);
    /* share bars under 500 characters */
    for (xmlNode *c = art; c;) {
        if (c != art && c->type == XML_ELEMENT_NODE) {
            const char *cls = hx_attr(c, "class"), *id = hx_attr(c, "id");
            if (((cls && ing_ifind(cls, strlen(cls), "share")) ||
                 (id && ing_ifind(id, strlen(id), "share"))) &&
                hx_text_len(c) < 500) {
                xmlNode *next = hx_next(c, art, true);
                hx_remove(c);
                c = next;
                continue;
            }
        }
        c = hx_next(c, art, false);
    }
    /* headers that look like furniture */
    for (xmlNode *c = art; c;) {
        if ((hx_is(c, "h1") || hx_is(c, "h2")) && class_weight(g, c) < 0) {
            xmlNode *next = hx_next(c, art, true);
            hx_remove(c);
            c = next;
            continue;
        }
        c = hx_next(c, art, false);
    }
    clean_conditionally(g, art, "table");
    clean_conditionally(g, art, "ul");
    clean_conditionally(g, art, "div");
}

/* ---- the whole step ---------------------------------------------------------------------- */

/* The document's <body>, or its root element when it has none. */
static xmlNode *
find_body(xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *n = root; n; n = hx_next(n, root, false))
        if (hx_is(n, "body"))
            return n;
    return root;
}

/* Remove scripts, styles, noscript, templates, SVG and comments under root. */
static void
strip_scripts(xmlNode *root)
{
    static const char *const tags[] = {"script", "style", "noscript", "template", "svg", NULL};
    for (xmlNode *n = root; n;) {
        if (n != root && (hx_is_any(n, tags) || n->type == XML_COMMENT_NODE)) {
            xmlNode *next = hx_next(n, root, true);
            hx_remove(n);
            n = next;
            continue;
        }
        n = hx_next(n, root, false);
    }
}

/* One attempt on a fresh copy of the page; text (reset first) gets the
 * article. */
static void
attempt(xmlDoc *orig, struct grab *g, struct buf *text)
{
    xmlDoc *doc = xmlCopyDoc(orig, 1);
    xmlNode *body = doc ? find_body(doc) : NULL;
    buf_reset(text);
    if (!body) {
        if (doc)
            xmlFreeDoc(doc);
        return;
    }
    strip_scripts(body);
    g->npool = g->ncands = 0;
    xmlNode **els;
    size_t n = prepare_nodes(g, body, &els);
    score_elements(g, els, n);
    xmlFree(els);
    xmlNode *best = choose_top(g, body);
    xmlNode *art = gather(g, best, body);
    clean_article(g, art);
    hx_write_text(art, text);
    xmlFreeDoc(doc);
}

/* See html.h. Up to four attempts, each with fewer hints, until one gives 500
 * characters; the longest wins. */
void
html_main_text(xmlDoc *doc, const char *title, struct buf *out, char **byline)
{
    struct grab g = {0};
    g.cap = 1 << 14;
    g.pool = xcalloc(g.cap, sizeof *g.pool);
    g.title = title;
    int flags[] = {F_STRIP_UNLIKELY | F_WEIGHT_CLASSES | F_CLEAN_CONDITIONALLY,
                   F_WEIGHT_CLASSES | F_CLEAN_CONDITIONALLY, F_CLEAN_CONDITIONALLY, 0};
    struct buf best = BUF_INIT, cur = BUF_INIT;
    size_t best_len = 0;
    for (size_t i = 0; i < DS_ARRAY_LEN(flags); i++) {
        g.flags = flags[i];
        free(g.byline);
        g.byline = NULL;
        attempt(doc, &g, &cur);
        size_t chars = 0;
        for (size_t k = 0; k < cur.len; k++)
            chars += ((unsigned char)cur.data[k] & 0xC0) != 0x80 && cur.data[k] != '\n';
        if (chars > best_len || !best.data) {
            struct buf t = best;
            best = cur;
            cur = t;
            best_len = chars;
            if (!*byline && g.byline) {
                free(*byline);
                *byline = g.byline;
                g.byline = NULL;
            }
        }
        if (chars >= CHAR_THRESHOLD)
            break;
    }
    buf_append(out, best.data ? best.data : "", best.len);
    buf_free(&best);
    buf_free(&cur);
    free(g.byline);
    free(g.pool);
    free(g.cands);
}
