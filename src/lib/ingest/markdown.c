/*
 * ingest/markdown.c — Markdown to the text a reader sees, with cmark (the
 * CommonMark reference parser): emphasis, link and image syntax, reference
 * definitions, escapes and entities are cmark's to get right, not ours.
 *
 * What stays: headings and paragraphs, each a line with a blank line after;
 * list items as "- " (or "1. ") lines, two spaces of indent per level, so
 * cleaning sees them as bullets; block quotes' text; code as written; the
 * text of links; the text of raw HTML blocks of text (<p>, <div>) through
 * the same HTML-to-text step as feed items. What goes: images (their alt
 * text too: it describes a picture the reader cannot see), raw HTML blocks
 * holding media, embeds, scripts or comments (<figure><img>, <iframe>),
 * inline tags (the text between them stays), thematic breaks, the URLs.
 */
#include "config.h"

#include <cmark.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

/* Nesting deeper than this is flattened (cmark itself caps nothing). */
#define MD_MAX_LIST_DEPTH 8

struct md_out {
    struct buf *b;
    int list_depth;
};

/* End the current line unless at a line start. */
static void
end_line(struct buf *b)
{
    if (b->len && b->data[b->len - 1] != '\n')
        buf_putc(b, '\n');
}

/* Start a block: on a fresh line, after a blank line unless tight. */
static void
start_block(struct buf *b, bool tight)
{
    end_line(b);
    if (!tight && b->len >= 1 && !(b->len >= 2 && b->data[b->len - 2] == '\n'))
        buf_putc(b, '\n');
}

/* Is node the first block inside a list item (its text follows the bullet)? */
static bool
first_in_item(cmark_node *node)
{
    cmark_node *parent = cmark_node_parent(node);
    return parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
           cmark_node_first_child(parent) == node;
}

/* Are we inside a tight list (no blank lines between its items)? */
static bool
in_tight_list(cmark_node *node)
{
    for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p))
        if (cmark_node_get_type(p) == CMARK_NODE_LIST)
            return cmark_node_get_list_tight(p);
    return false;
}

/* Append a node's literal text (text, code), if any. */
static void
put_literal(struct buf *b, cmark_node *node)
{
    const char *lit = cmark_node_get_literal(node);
    if (lit)
        buf_puts(b, lit);
}

/* Start a list item: its own line, indented by depth, "- " or "N. ". */
static void
enter_item(struct md_out *o, cmark_node *node)
{
    cmark_node *list = cmark_node_parent(node);
    end_line(o->b);
    int depth = o->list_depth < MD_MAX_LIST_DEPTH ? o->list_depth : MD_MAX_LIST_DEPTH;
    for (int k = 1; k < depth; k++)
        buf_puts(o->b, "  ");
    if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
        int nth = cmark_node_get_list_start(list);
        cmark_node *p = cmark_node_previous(node);
        for (; p && nth < 100000; p = cmark_node_previous(p))
            nth++;
        buf_printf(o->b, "%d. ", nth);
    } else {
        buf_puts(o->b, "- ");
    }
}

/* Tags whose block is a picture, an embed or code, never text. */
static const char *const media_tags[] = {
    "<img", "<figure", "<picture", "<iframe", "<script", "<style", "<video", "<audio",
    "<svg", "<object", "<embed", "<!--", "<source", "<noscript", "<form", "<button",
};

/* A raw HTML block: dropped when it holds media, embeds, scripts or
 * comments; otherwise its text stays as a paragraph (Markdown exported
 * from HTML keeps paragraphs and bylines in <p> and <div> blocks). */
static void
html_block(struct md_out *o, cmark_node *node)
{
    const char *lit = cmark_node_get_literal(node);
    if (!lit)
        return;
    size_t n = strlen(lit);
    for (size_t i = 0; i < DS_ARRAY_LEN(media_tags); i++)
        if (ing_ifind(lit, n, media_tags[i]))
            return;
    struct buf t = BUF_INIT;
    feed_item_html_to_text(lit, n, &t);
    if (t.len > 1) {
        start_block(o->b, false);
        buf_append(o->b, t.data, t.len);
    }
    buf_free(&t);
}

/* One event of the walk. Returns true when the node's children are to be
 * skipped (an image). */
static bool
on_enter(struct md_out *o, cmark_node *node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
    case CMARK_NODE_CODE_BLOCK:
        if (!first_in_item(node))
            start_block(o->b, in_tight_list(node) || o->list_depth > 0);
        if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK)
            put_literal(o->b, node);
        return false;
    case CMARK_NODE_LIST:
        if (o->list_depth == 0)
            start_block(o->b, false);
        o->list_depth++;
        return false;
    case CMARK_NODE_ITEM:
        enter_item(o, node);
        return false;
    case CMARK_NODE_THEMATIC_BREAK:
        start_block(o->b, false);
        return false;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
        put_literal(o->b, node);
        return false;
    case CMARK_NODE_SOFTBREAK:
        buf_putc(o->b, ' ');
        return false;
    case CMARK_NODE_LINEBREAK:
        buf_putc(o->b, '\n');
        return false;
    case CMARK_NODE_IMAGE:
        return true;
    case CMARK_NODE_HTML_BLOCK:
        html_block(o, node);
        return false;
    default: /* HTML blocks and inline HTML, custom nodes: nothing */
        return false;
    }
}

/* See lib.h. */
void
ing_markdown_to_text(const char *text, size_t n, struct buf *out)
{
    struct buf b = BUF_INIT;
    struct md_out o = {&b, 0};
    cmark_node *doc = cmark_parse_document(text, n, CMARK_OPT_DEFAULT);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER) {
            if (on_enter(&o, node))
                cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
        } else if (cmark_node_get_type(node) == CMARK_NODE_LIST) {
            o.list_depth--;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    end_line(&b);
    /* cmark decodes entities (&#27; is ESC): normalise as any decoded text */
    const char *enc;
    ingest_decode(buf_str(&b), b.len, out, &enc);
    buf_free(&b);
}
