/*
 * ingest/doc.c — a text as a document of lines (struct ing_doc, lib.h):
 * hard-wrapped text rejoined into paragraphs, the text split into trimmed
 * lines, the cleaning passes that look at the whole document (furniture
 * and lines frequent in the corpus, the headlines under a "Related" label,
 * lines repeated inside it, short lines boxed in by subscription prompts),
 * and the body and removed lines assembled from what stays. One line's
 * kind is lines.c's and clean.c's; the order of the passes is ingest.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

/* ---- splitting ------------------------------------------------------------------- */

static bool
lower_ascii(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool
letter_ascii(char c)
{
    return lower_ascii(c) || (c >= 'A' && c <= 'Z');
}

/* Is w[0..wl) a whole word somewhere in text: no letter or hyphen on
 * either side, and not the second part of a word split at a line's end? */
static bool
word_in(const char *text, size_t n, const char *w, size_t wl)
{
    for (size_t i = 0; i + wl <= n; i++) {
        const char *p = memchr(text + i, w[0], n - i - wl + 1);
        if (!p)
            return false;
        i = (size_t)(p - text);
        if (memcmp(p, w, wl) != 0 || (i + wl < n && (letter_ascii(p[wl]) || p[wl] == '-')))
            continue;
        size_t b = i;
        while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\n'))
            b--;
        if (i > 0 && (letter_ascii(text[i - 1]) || text[i - 1] == '-' ||
                      (b < i && b > 0 && text[b - 1] == '-')))
            continue;
        return true;
    }
    return false;
}

/* A word split at a line's end by a PDF's or a typesetter's hyphen
 * ("hospi-" + "tal's", "seven-" + "ties"): out ends in a lower-case
 * fragment and its hyphen, next opens with lower case, and neither part
 * is a word of the text by itself (as "long" and "term" of "long-term"
 * would be); the hyphen is then taken off and true returned. */
static bool
unsplit_word(const char *text, size_t n, struct buf *out, const char *next, size_t nl)
{
    if (out->len < 3 || out->data[out->len - 1] != '-' || !nl || !lower_ascii(next[0]))
        return false;
    size_t a = out->len - 1;
    while (a > 0 && lower_ascii(out->data[a - 1]))
        a--;
    size_t pl = out->len - 1 - a, sl = 0;
    while (sl < nl && lower_ascii(next[sl]))
        sl++;
    if (pl < 2 || (a > 0 && out->data[a - 1] != ' ' && out->data[a - 1] != '(' &&
                   out->data[a - 1] != '"'))
        return false;
    if (word_in(text, n, out->data + a, pl) || word_in(text, n, next, sl))
        return false;
    out->len--; /* the hyphen */
    return true;
}

/* Does the line set fields apart with a gap of three spaces or more inside
 * it (a printed page's running head "Spring 2025 | QUARTERLY      17", a
 * table's row)? Such a line is laid out, not wrapped: its width says
 * nothing of the column's. */
static bool
laid_out(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    for (size_t run = 0; i < len; i++) {
        run = s[i] == ' ' ? run + 1 : 0;
        if (run >= 3 && i + 1 < len && s[i + 1] != ' ')
            return true;
    }
    return false;
}

/* Hard-wrapped text (wire copy, old archives, mail) breaks every line near a
 * fixed width. Such text is rejoined into one line per paragraph so the
 * cleaning rules see whole paragraphs and the reader pane can wrap them.
 * A line joins the next when it reaches near the wrap width and the next
 * line is neither blank, indented (a new paragraph) nor a list item.
 * Returns false (out untouched) when the text does not look hard-wrapped. */
bool
ing_reflow(const char *text, size_t n, struct buf *out)
{
    size_t maxlen = 0, nonblank = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        size_t len = e - i;
        if (len > 100)
            return false;
        if (len) {
            nonblank++;
            if (!laid_out(text + i, len))
                maxlen = DS_MAX(maxlen, len);
        }
        i = e + 1;
    }
    if (nonblank < 4 || maxlen < 40)
        return false;
    size_t wide = maxlen * 6 / 10, nwide = 0, nprose = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        if (e - i >= wide && !laid_out(text + i, e - i)) {
            nwide++;
            size_t spaces = 0;
            for (size_t k = i; k < e; k++)
                spaces += text[k] == ' ';
            char last = text[e - 1];
            if (last == '-' && e - i >= 2 && lower_ascii(text[e - 2]))
                last = text[e - 2]; /* a word split at the line's end ("hospi-") */
            if (spaces >= 5 &&
                ((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') || last == ','))
                nprose++;
        }
        i = e + 1;
    }
    if (nwide * 2 < nonblank || nprose * 2 < nwide)
        return false;

    buf_reserve(out, n + 1);
    bool join_next = false, prev_blank = true;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        const char *s = text + i;
        size_t len = e - i, ind = 0;
        while (ind < len && s[ind] == ' ')
            ind++;
        struct ing_doc_line probe = {s + ind, len - ind, ind, NULL, len == ind};
        bool starts_block = probe.blank || ind >= 2 || ing_is_bullet(&probe);
        if (join_next && !starts_block) {
            /* continue the paragraph: "mid-" + "December" stays one word */
            bool unsplit = unsplit_word(text, n, out, s + ind, len - ind);
            if (out->len && out->data[out->len - 1] != '-' && !unsplit)
                buf_putc(out, ' ');
            buf_append(out, s + ind, len - ind);
        } else {
            if (out->len)
                buf_putc(out, '\n');
            /* an indented first line opens a paragraph: give it a blank line */
            if (out->len && !probe.blank && ind >= 2 && !ing_is_bullet(&probe) && !prev_blank)
                buf_putc(out, '\n');
            buf_append(out, s, len);
        }
        prev_blank = probe.blank;
        join_next = !probe.blank && len >= wide && !laid_out(s, len);
        i = e + 1;
    }
    buf_putc(out, '\n');
    return true;
}

/* See lib.h. */
void
ing_split_lines(struct ing_doc *d, const char *text, size_t n)
{
    size_t cap = 64;
    d->lines = xmalloc(cap * sizeof *d->lines);
    d->n = 0;
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        if (d->n == cap) {
            cap *= 2;
            d->lines = xrealloc(d->lines, cap * sizeof *d->lines);
        }
        struct ing_doc_line *l = &d->lines[d->n++];
        const char *s = text + i;
        size_t len = e - i;
        size_t ind = 0;
        while (ind < len && s[ind] == ' ')
            ind++;
        while (len > ind && s[len - 1] == ' ')
            len--;
        l->t = s + ind;
        l->tl = len - ind;
        l->ind = ind;
        l->why = NULL;
        l->blank = l->tl == 0;
        i = e + 1;
    }
}

/* See lib.h. */
struct ing_doc_line *
ing_doc_next(const struct ing_doc *d, size_t i)
{
    for (size_t j = i + 1; j < d->n; j++)
        if (!d->lines[j].blank)
            return &d->lines[j];
    return NULL;
}

/* See lib.h. */
struct ing_doc_line *
ing_doc_prev(const struct ing_doc *d, size_t i)
{
    while (i-- > 0)
        if (!d->lines[i].blank)
            return &d->lines[i];
    return NULL;
}

/* ---- cleaning -------------------------------------------------------------------- */

/* Is the next non-blank line after i a photo credit ("Jane Roe, AP")? */
static bool
credit_follows(const struct ing_doc *d, size_t i)
{
    for (size_t j = i + 1; j < d->n; j++) {
        const struct ing_doc_line *l = &d->lines[j];
        if (l->blank)
            continue;
        const char *why = ing_furniture_reason(d->ctx, l->t, l->tl);
        return why && strcmp(why, "caption") == 0;
    }
    return false;
}

/* Is the next line a picture credit alone ("Jane Roe | Getty Images")? A
 * short line directly above one is the picture's caption. */
static bool
photo_credit_follows(const struct ing_doc *d, size_t i)
{
    if (i + 1 >= d->n || d->lines[i + 1].blank)
        return false;
    return ing_is_photo_credit_line(d->lines[i + 1].t, d->lines[i + 1].tl);
}

/* Does the line open with the byline's first name ("Jane Roe covers
 * housing ...", "Jane Roe is a reporter ...")? */
static bool
opens_with_author(const struct ing_doc *d, const struct ing_doc_line *l)
{
    const char *by = d->a ? d->a->byline : NULL;
    if (!by || !*by)
        return false;
    size_t bl = strcspn(by, ",;");
    while (bl && by[bl - 1] == ' ')
        bl--;
    if (bl < 5 || l->tl <= bl || memcmp(l->t, by, bl) != 0)
        return false;
    const char *r = l->t + bl;
    size_t rn = l->tl - bl;
    return ing_istarts(r, rn, " is a ") || ing_istarts(r, rn, " is an ") ||
           ing_istarts(r, rn, " is the ") || ing_istarts(r, rn, " covers ") ||
           ing_istarts(r, rn, " writes ") || ing_istarts(r, rn, " reports on ");
}

/* A newsletter or subscription prompt as a card's heading: short, no
 * full stop. */
static bool
prompt_heading(const struct ing_doc_line *l)
{
    return l && l->why && (strcmp(l->why, "newsletter") == 0 || strcmp(l->why, "paywall") == 0) &&
           ing_count_words_max(l->t, l->tl, 11) <= 10 && l->t[l->tl - 1] != '.';
}

/* Boxes around the text: a newsletter card's blurb between its heading and
 * its button ("Get our newsletter" / "Every Thursday: ..." / "Subscribe"),
 * an author's biography among the last lines ("Jane Roe covers ..." when
 * Jane Roe wrote the story). */
static void
drop_boxes(struct ing_doc *d)
{
    size_t content = 0, seen = 0;
    for (size_t i = 0; i < d->n; i++)
        content += ing_is_content(&d->lines[i]);
    const struct ing_doc_line *prev = NULL;
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank)
            continue;
        const struct ing_doc_line *next = ing_doc_next(d, i);
        if (ing_is_content(l)) {
            seen++;
            if (prompt_heading(prev) && ing_count_words_max(l->t, l->tl, 31) <= 30 &&
                ((next && next->why && (ing_istarts(next->t, next->tl, "subscribe") ||
                                        ing_istarts(next->t, next->tl, "sign up"))) ||
                 ing_istarts(l->t, l->tl, "every ") || ing_istarts(l->t, l->tl, "each ")))
                l->why = "newsletter"; /* its button, or its cadence: "Every Thursday: ..." */
            else if (seen + 3 > content && ing_count_words_max(l->t, l->tl, 61) <= 60 &&
                     opens_with_author(d, l))
                l->why = "bio";
        }
        prev = l;
    }
}

/* See lib.h. */
void
ing_drop_furniture(struct ing_doc *d)
{
    size_t nshort = 0, nfreq = 0, ncontent = 0;
    bool *freq = xcalloc(d->n ? d->n : 1, sizeof *freq);
    const struct ing_doc_line *prev = NULL; /* the line before, not blank */
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank)
            continue;
        l->why = ing_furniture_reason(d->ctx, l->t, l->tl);
        if (!l->why && prev && prev->why && strcmp(prev->why, "video") == 0 &&
            ing_is_video_credit_repeat(prev->t, prev->tl, l->t, l->tl))
            l->why = "video"; /* the player's credit again on its own line */
        if (!l->why && prev && prev->why && ing_is_caption_toggle(prev->t, prev->tl) &&
            ing_count_words_max(l->t, l->tl, 41) <= 40 && credit_follows(d, i))
            l->why = "caption"; /* "Hide Caption" / the caption / "Jane Roe, AP" */
        if (!l->why && ing_count_words_max(l->t, l->tl, 41) <= 40 && photo_credit_follows(d, i))
            l->why = "caption"; /* the caption / "Jane Roe | Getty Images" */
        if (!l->why && prev && prev->why && strcmp(prev->why, "gallery") == 0 &&
            ing_count_words_max(l->t, l->tl, 41) <= 40)
            l->why = "caption"; /* "1 of 5" / the slide's caption */
        prev = l;
        if (l->why)
            continue;
        ncontent++;
        if (l->tl <= INGEST_FURNITURE_MAX) {
            nshort++;
            freq[i] = ing_is_frequent(d->ctx, l->t, l->tl);
            nfreq += freq[i];
        }
    }
    /* Lines seen in many documents are furniture ("Reuse this content"),
     * unless they read as sentences: a wire story republished by many outlets
     * shares its short paragraphs with every copy, and those are text. A
     * sentence-like frequent line goes only at the very top or bottom of a
     * page (boilerplate bios, standards notes), and not even there when most
     * of this page's short lines are frequent (it is such a copy). */
    bool copy = nshort >= 4 && nfreq * 2 > nshort;
    size_t seen = 0;
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (!ing_is_content(l))
            continue;
        seen++;
        if (!freq[i])
            continue;
        bool sentence = ing_is_prose(l->t, l->tl, 4);
        bool edge = seen <= 2 || seen + 3 > ncontent;
        if (!sentence || (edge && !copy))
            l->why = "frequent";
    }
    free(freq);
    drop_boxes(d);
    ing_drop_block_shapes(d);
}

/* Is l shaped as a linked headline (after a list's bullet): 2 to 16 words, opening with a capital,
 * a digit or a quote, ending without a full stop, colon, semicolon or
 * comma? */
static bool
headline_shaped(const struct ing_doc_line *l)
{
    const char *s = l->t;
    size_t n = l->tl;
    if (n > 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
        s += 2; /* a list's bullet */
        n -= 2;
    } else if (n > 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0) {
        s += 4;
        n -= 4;
    }
    if (!n)
        return false;
    unsigned char c0 = (unsigned char)s[0], cl = (unsigned char)s[n - 1];
    if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9') || c0 == '"' || c0 >= 0x80))
        return false;
    if (cl == '.' || cl == ':' || cl == ';' || cl == ',')
        return false;
    int words = ing_count_words_max(s, n, 17);
    return words >= 2 && words <= 16;
}

/* The headlines listed under a "Related coverage" / "More on this story"
 * label (the lines up to two blank lines running, while they are headline
 * shaped) go with the label: links to other stories, not text. */
void
ing_drop_related_runs(struct ing_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (!l->why || strcmp(l->why, "label") != 0 || !ing_is_related_heading(l->t, l->tl))
            continue;
        if (ing_istarts(l->t, l->tl, "now playing") || ing_istarts(l->t, l->tl, "up next") ||
            ing_istarts(l->t, l->tl, "watch now") || ing_istarts(l->t, l->tl, "video ad feedback")) {
            /* a video player's label: the title of the clip under it, even
             * with a blank line or the player's running time between */
            size_t j = i + 1;
            while (j < d->n && (d->lines[j].blank || (d->lines[j].why &&
                                                      strcmp(d->lines[j].why, "video") == 0)))
                j++;
            if (j < d->n && !d->lines[j].why && headline_shaped(&d->lines[j]))
                d->lines[j].why = "video";
            continue;
        }
        /* a page's list puts each headline in a paragraph of its own: one
         * blank line between them does not end the run, two do */
        size_t j = i + 1, blanks = 0;
        for (; j < d->n && blanks < 2; j++) {
            struct ing_doc_line *h = &d->lines[j];
            if (h->blank) {
                blanks++;
                continue;
            }
            blanks = 0;
            if (h->why && strcmp(h->why, "label") == 0)
                break; /* another label: its own list or player */
            if (h->why)
                continue;
            if (h->tl <= 2 && h->t[0] >= '1' && h->t[0] <= '9' &&
                (h->tl == 1 || (h->t[1] >= '0' && h->t[1] <= '9'))) {
                h->why = "related"; /* a "Most read" list's rank, "1" */
                continue;
            }
            if (!headline_shaped(h))
                break;
            h->why = "related";
        }
        i = j ? j - 1 : i;
    }
}

/* A cheap hash for finding repeated lines: length plus the first and last
 * 32 bytes (candidates are compared in full, so collisions cost nothing). */
static uint64_t
quick_hash(const char *s, size_t n)
{
    if (n <= 64)
        return ds_hash64(s, n);
    uint64_t a = ds_hash64(s, 32), b = ds_hash64(s + n - 32, 32);
    return a ^ (b * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)n << 1);
}

/* Lines repeated inside the document: the first stays. */
void
ing_drop_duplicates(struct ing_doc *d)
{
    size_t cap = 16;
    while (cap < d->n * 2)
        cap *= 2;
    uint64_t *tab = xcalloc(cap, sizeof *tab);
    size_t *who = xcalloc(cap, sizeof *who);
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank || l->why || l->tl < DUP_MIN_BYTES)
            continue;
        uint64_t h = quick_hash(l->t, l->tl) | 1;
        size_t k = (size_t)h & (cap - 1);
        while (tab[k]) {
            if (tab[k] == h) {
                const struct ing_doc_line *o = &d->lines[who[k]];
                if (o->tl == l->tl && memcmp(o->t, l->t, l->tl) == 0) {
                    l->why = "duplicate";
                    break;
                }
            }
            k = (k + 1) & (cap - 1);
        }
        if (!l->why) {
            tab[k] = h;
            who[k] = i;
        }
    }
    free(tab);
    free(who);
}

/* Is why one of the reasons a subscription prompt is dropped for? */
static bool
is_prompt_reason(const char *why)
{
    return why && (strcmp(why, "paywall") == 0 || strcmp(why, "template") == 0 ||
                   strcmp(why, "sponsored") == 0 || strcmp(why, "newsletter") == 0);
}

/* Short lines caught between subscription prompts (or between a prompt and
 * the end of the page) belong to the same box of furniture: "Stay ahead
 * with our exclusives", a stray ".", an app blurb. A sentence of prose or
 * any longer line ends the run, so article text is never swept up. */
void
ing_drop_prompt_blocks(struct ing_doc *d)
{
    size_t i = 0;
    while (i < d->n) {
        if (!is_prompt_reason(d->lines[i].why)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        bool ok = true;
        while (j < d->n && !is_prompt_reason(d->lines[j].why)) {
            const struct ing_doc_line *l = &d->lines[j];
            if (ing_is_content(l) && (l->tl > 160 || ing_count_words(l->t, l->tl) > 15 ||
                                  ing_is_prose(l->t, l->tl, 10))) {
                ok = false;
                break;
            }
            j++;
        }
        if (ok)
            for (size_t k = i + 1; k < j; k++)
                if (ing_is_content(&d->lines[k]))
                    d->lines[k].why = "prompt-block";
        i = j;
    }
}

/* ---- assembling ------------------------------------------------------------------ */

/* See lib.h. */
void
ing_assemble(struct ing_doc *d, struct buf *body, struct buf *removed)
{
    bool pending_blank = false;
    for (size_t i = 0; i < d->n; i++) {
        const struct ing_doc_line *l = &d->lines[i];
        if (l->why) {
            buf_puts(removed, l->why);
            buf_putc(removed, '\t');
            buf_append(removed, l->t, l->tl);
            buf_putc(removed, '\n');
            continue;
        }
        if (l->blank) {
            pending_blank = body->len > 0;
            continue;
        }
        if (pending_blank)
            buf_append(body, "\n\n", 2);
        else if (body->len)
            buf_putc(body, '\n');
        pending_blank = false;
        if (l->ind && ing_is_bullet(l))
            for (size_t k = 0; k < l->ind; k++)
                buf_putc(body, ' ');
        buf_append(body, l->t, l->tl);
    }
}
