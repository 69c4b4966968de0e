/*
 * ingest/frontmatter.c — front matter on top of Markdown (Jekyll, Hugo, web
 * clippers, notes apps): YAML between "---" lines, read with libyaml, or
 * TOML between "+++" lines, read line by line (key = value, arrays of
 * strings). Only the top-level keys that name metadata are used (title,
 * date, author, source/site, url, tags/categories and their synonyms:
 * headerblock.c's table); the rest is ignored. Front matter that libyaml
 * refuses is still taken off the text and read as "key: value" lines, so
 * a broken block never becomes the headline.
 *
 * libyaml builds a node graph without expanding aliases and we walk only
 * two levels of it (a mapping of scalars, sequences of scalars), so alias
 * bombs cost nothing; the block is capped at FRONT_MATTER_MAX bytes.
 */
#include "config.h"

#include <string.h>
#include <yaml.h>

#include "dossier/util.h"
#include "lib.h"

/* The line of the block's closing fence (after the first line), as the
 * offset of its first byte; *after gets the offset past its newline.
 * Returns 0 when there is none within FRONT_MATTER_MAX. */
static size_t
closing_fence(const char *text, size_t n, size_t from, const char *fence, size_t *after)
{
    size_t i = from;
    size_t lim = n < FRONT_MATTER_MAX ? n : FRONT_MATTER_MAX;
    while (i < lim) {
        const char *nl = memchr(text + i, '\n', lim - i);
        size_t e = nl ? (size_t)(nl - text) : lim;
        size_t len = e - i;
        while (len && text[i + len - 1] == ' ')
            len--;
        if ((len == 3 && memcmp(text + i, fence, 3) == 0) ||
            (fence[0] == '-' && len == 3 && memcmp(text + i, "...", 3) == 0)) {
            *after = nl ? e + 1 : n;
            return i;
        }
        if (!nl)
            break;
        i = e + 1;
    }
    return 0;
}

/* Where the front matter's first line ends ("---\n" or "+++\n" opening the
 * text), with *fence set; 0 when the text does not open with one. */
static size_t
opening_fence(const char *text, size_t n, const char **fence)
{
    size_t k = 0;
    if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        k = 3;
    if (n - k < 4)
        return 0;
    if (memcmp(text + k, "---", 3) == 0)
        *fence = "---";
    else if (memcmp(text + k, "+++", 3) == 0)
        *fence = "+++";
    else
        return 0;
    size_t i = k + 3;
    while (i < n && text[i] == ' ')
        i++;
    return i < n && text[i] == '\n' ? i + 1 : 0;
}

/* See ingest.h: is there front matter at the top of text? */
bool
ing_has_front_matter(const char *text, size_t n)
{
    const char *fence;
    size_t body = opening_fence(text, n, &fence), after;
    return body && closing_fence(text, n, body, fence, &after) > 0;
}

/* A scalar node's bytes (*len), or NULL for any other node. */
static const char *
scalar_of(yaml_node_t *node, size_t *len)
{
    if (!node || node->type != YAML_SCALAR_NODE)
        return NULL;
    *len = node->data.scalar.length;
    return (const char *)node->data.scalar.value;
}

/* One top-level key: scalars as they are; a sequence of scalars as tags
 * (or authors, one by one); an author mapping by its "name". */
static void
yaml_pair(yaml_document_t *doc, yaml_node_pair_t *pair, struct ing_meta *m)
{
    size_t kl, vl;
    const char *key = scalar_of(yaml_document_get_node(doc, pair->key), &kl);
    yaml_node_t *v = yaml_document_get_node(doc, pair->value);
    if (!key || !v)
        return;
    const char *val = scalar_of(v, &vl);
    if (val) {
        ing_meta_set(m, key, kl, val, vl);
        return;
    }
    if (v->type == YAML_SEQUENCE_NODE) {
        int items = 0;
        for (yaml_node_item_t *it = v->data.sequence.items.start;
             it < v->data.sequence.items.top && items < 100; it++, items++) {
            val = scalar_of(yaml_document_get_node(doc, *it), &vl);
            if (val)
                ing_meta_set(m, key, kl, val, vl);
        }
    } else if (v->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top;
             p++) {
            size_t nl;
            const char *name = scalar_of(yaml_document_get_node(doc, p->key), &nl);
            if (name && ing_ieq(name, nl, "name")) {
                val = scalar_of(yaml_document_get_node(doc, p->value), &vl);
                if (val)
                    ing_meta_set(m, key, kl, val, vl);
            }
        }
    }
}

/* YAML front matter: true when libyaml read it as a mapping. */
static bool
read_yaml(const char *s, size_t n, struct ing_meta *m)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser))
        return false;
    yaml_parser_set_input_string(&parser, (const unsigned char *)s, n);
    bool ok = false;
    if (yaml_parser_load(&parser, &doc)) {
        yaml_node_t *root = yaml_document_get_root_node(&doc);
        if (root && root->type == YAML_MAPPING_NODE) {
            ok = true;
            for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
                 p < root->data.mapping.pairs.top; p++)
                yaml_pair(&doc, p, m);
        }
        yaml_document_delete(&doc);
    }
    yaml_parser_delete(&parser);
    return ok;
}

/* A list value "[a, "b", 'c']" (TOML arrays, YAML flow sequences). */
static void
read_list(struct ing_meta *m, const char *key, size_t kl, const char *v, size_t vl)
{
    size_t i = 1;
    vl--; /* the ']' */
    while (i < vl) {
        const char *c = memchr(v + i, ',', vl - i);
        size_t e = c ? (size_t)(c - v) : vl;
        ing_meta_set(m, key, kl, v + i, e - i);
        i = e + 1;
    }
}

/* Line by line: "key = value" (TOML) or "key: value" (YAML libyaml did not
 * accept); indented lines (nested tables, continued lists) are skipped. */
static void
read_lines(const char *s, size_t n, struct ing_meta *m)
{
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        const char *l = s + i;
        size_t len = e - i;
        i = e + 1;
        if (!len || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || l[0] == '[')
            continue;
        size_t k = 0;
        while (k < len && l[k] != '=' && l[k] != ':')
            k++;
        if (k == len)
            continue;
        size_t kl = k;
        while (kl && l[kl - 1] == ' ')
            kl--;
        const char *v = l + k + 1;
        size_t vl = len - k - 1;
        while (vl && *v == ' ') {
            v++;
            vl--;
        }
        while (vl && v[vl - 1] == ' ')
            vl--;
        if (vl >= 2 && v[0] == '[' && v[vl - 1] == ']')
            read_list(m, l, kl, v, vl);
        else if (vl && (v[0] == '[' || v[0] == '{'))
            continue; /* a list or table the line does not close */
        else
            ing_meta_set(m, l, kl, v, vl);
    }
}

/* See lib.h. */
size_t
ing_front_matter(const char *text, size_t n, struct ing_meta *m, struct buf *removed)
{
    const char *fence;
    size_t from = opening_fence(text, n, &fence), after = 0;
    if (!from)
        return 0;
    size_t close = closing_fence(text, n, from, fence, &after);
    if (!close)
        return 0;
    if (fence[0] == '+' || !read_yaml(text + from, close - from, m))
        read_lines(text + from, close - from, m);
    for (size_t p = 0; p < after;) {
        const char *nl = memchr(text + p, '\n', after - p);
        size_t e = nl ? (size_t)(nl - text) : after;
        buf_puts(removed, "front-matter\t");
        buf_append(removed, text + p, e - p);
        buf_putc(removed, '\n');
        p = e + 1;
    }
    return after;
}
