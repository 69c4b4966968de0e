/*
 * ingest/clean_blocks.c — furniture told by its place in the document, not
 * by one line alone: the text of an embedded post (the line just above
 * its "— Name (@handle) date" signature), a pull quote (a line that is only
 * a quotation whose words the text says again in a longer line), and a
 * contents list (short lines each repeated later as a heading). Every
 * rule needs the repetition or the neighbour, so a quoted line or a short
 * list that stands once in the story stays.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "dossier/util.h"
#include "lib.h"

/* The post's own text sits just above its signature; a line that reports
 * speech ("X said ...") is the story's, which may quote the post. */
static void
drop_post_texts(struct ing_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct ing_doc_line *sig = &d->lines[i];
        if (sig->blank || !sig->why || strcmp(sig->why, "embed") != 0)
            continue;
        struct ing_doc_line *t = ing_doc_prev(d, i);
        if (t && ing_is_content(t) && ing_count_words_max(t->t, t->tl, 61) <= 60 &&
            !ing_has_speech_verb(t->t, t->tl))
            t->why = "embed";
    }
}

/* Length of an opening or closing quotation mark at s (", ', “, ”, ‘, ’,
 * «, »), or 0. */
static size_t
quote_mark(const char *s, size_t n)
{
    if (n >= 1 && (s[0] == '"' || s[0] == '\''))
        return 1;
    if (n >= 3 && (memcmp(s, "\xe2\x80\x9c", 3) == 0 || memcmp(s, "\xe2\x80\x9d", 3) == 0 ||
                   memcmp(s, "\xe2\x80\x98", 3) == 0 || memcmp(s, "\xe2\x80\x99", 3) == 0))
        return 3;
    if (n >= 2 && (memcmp(s, "\xc2\xab", 2) == 0 || memcmp(s, "\xc2\xbb", 2) == 0))
        return 2;
    return 0;
}

/* The words of a line that is only a quotation ("“The nights are what
 * kill people.”"), without its marks and closing punctuation: true and
 * [*a, *b) when the line opens and closes with a quotation mark and holds
 * no other. */
static bool
quotation_core(const char *s, size_t n, size_t *a, size_t *b)
{
    size_t o = quote_mark(s, n);
    if (!o || n < o + 4)
        return false;
    size_t e = n;
    while (e > o && (s[e - 1] == '.' || s[e - 1] == ',' || s[e - 1] == '!' || s[e - 1] == '?'))
        e--;
    size_t c = 0;
    for (size_t k = 1; k <= 3 && k <= e - o && !c; k++)
        if (quote_mark(s + e - k, k) == k)
            c = k;
    if (!c)
        return false;
    e -= c;
    while (e > o && (s[e - 1] == '.' || s[e - 1] == ',' || s[e - 1] == '!' || s[e - 1] == '?'))
        e--;
    for (size_t k = o; k < e; k++)
        if (s[k] == '"' || (unsigned char)s[k] == 0xe2)
            if (quote_mark(s + k, e - k) && s[k] != '\'')
                return false; /* a second quotation inside: a line of dialogue */
    *a = o;
    *b = e;
    return ing_count_words_max(s + o, e - o, 41) >= 4 &&
           ing_count_words_max(s + o, e - o, 41) <= 40;
}

/* A pull quote: a quotation alone on its line whose words stand again in
 * exactly one longer line of the text ("“The nights are what kill
 * people,” said ..."). */
static void
drop_pull_quotes(struct ing_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *q = &d->lines[i];
        size_t a, b;
        if (!ing_is_content(q) || q->tl > 300 || !quotation_core(q->t, q->tl, &a, &b))
            continue;
        char core[301];
        memcpy(core, q->t + a, b - a);
        core[b - a] = '\0';
        size_t found = 0;
        for (size_t j = 0; j < d->n && found < 2; j++) {
            const struct ing_doc_line *m = &d->lines[j];
            if (j != i && !m->blank && m->tl > q->tl && ing_ifind(m->t, m->tl, core))
                found++;
        }
        if (found == 1)
            q->why = "pullquote"; /* said once more; a refrain said often is dialogue */
    }
}

/* Does m hold s[0, n) as a whole sentence: exactly (case and all), at
 * the start of m or after a sentence's end? */
static bool
holds_sentence(const struct ing_doc_line *m, const char *s, size_t n)
{
    const char *end = m->t + m->tl;
    for (const char *p = m->t; (size_t)(end - p) >= n; p++) {
        p = memchr(p, s[0], (size_t)(end - p) - n + 1);
        if (!p)
            return false;
        if (memcmp(p, s, n) == 0 &&
            (p == m->t || (p - m->t >= 2 && p[-1] == ' ' &&
                           (p[-2] == '.' || p[-2] == '!' || p[-2] == '?' || p[-2] == '"'))))
            return true;
    }
    return false;
}

/* A pull quote without quotation marks: a line of one or two sentences
 * (six to forty words, a capital first, a full stop last) set beside the
 * paragraph it repeats, which holds it as a sentence and is longer. Only
 * the neighbour counts: text that says a sentence again further on (a
 * summary, a refrain) is the writer's. */
static void
drop_plain_pull_quotes(struct ing_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *q = &d->lines[i];
        if (!ing_is_content(q) || q->tl < 30 || q->tl > 300 ||
            !(q->t[0] >= 'A' && q->t[0] <= 'Z') || !ing_ends_with_any(q->t, q->tl, ".!?") ||
            ing_count_words_max(q->t, q->tl, 6) < 6 || ing_count_words_max(q->t, q->tl, 41) > 40)
            continue;
        const struct ing_doc_line *p = ing_doc_prev(d, i), *x = ing_doc_next(d, i);
        if ((p && ing_is_content(p) && p->tl > q->tl && holds_sentence(p, q->t, q->tl)) ||
            (x && ing_is_content(x) && x->tl > q->tl && holds_sentence(x, q->t, q->tl)))
            q->why = "pullquote";
    }
}

/* A card's heading: content, at most five words, no closing mark. */
static bool
card_heading(const struct ing_doc_line *h)
{
    return h && ing_is_content(h) && ing_count_words_max(h->t, h->tl, 6) <= 5 &&
           !ing_ends_with_any(h->t, h->tl, ".!?:,;\"");
}

/* A newsletter card without a prompt in its heading: a short heading (at
 * most five words, no closing mark), a blurb naming its cadence or inbox
 * ("The day's moves, explained. Delivered weekdays at 5pm."), then its
 * "Sign up"/"Subscribe" button, which cleaning already took. */
static void
drop_signup_cards(struct ing_doc *d)
{
    static const char *const cadence[] = {"delivered",  "weekdays",      "every day",
                                          "every week", "daily",         "weekly",
                                          "inbox",      "every morning", "every evening",
                                          "every monday", "every tuesday", "every wednesday",
                                          "every thursday", "every friday", "every saturday",
                                          "every sunday"};
    for (size_t i = 0; i < d->n; i++) {
        const struct ing_doc_line *b = &d->lines[i];
        if (b->blank || !b->why ||
            !(ing_ieq(b->t, b->tl, "sign up") || ing_ieq(b->t, b->tl, "subscribe") ||
              ing_ieq(b->t, b->tl, "subscribe now") || ing_ieq(b->t, b->tl, "sign me up")))
            continue;
        struct ing_doc_line *blurb = ing_doc_prev(d, i);
        if (!blurb || !ing_is_content(blurb) || ing_count_words_max(blurb->t, blurb->tl, 26) > 25 ||
            ing_has_speech_verb(blurb->t, blurb->tl))
            continue;
        bool cad = false;
        for (size_t k = 0; k < DS_ARRAY_LEN(cadence) && !cad; k++)
            cad = ing_ifind(blurb->t, blurb->tl, cadence[k]) != NULL;
        if (!cad)
            continue;
        blurb->why = "newsletter";
        struct ing_doc_line *head = ing_doc_prev(d, (size_t)(blurb - d->lines));
        if (card_heading(head))
            head->why = "newsletter";
    }
}

/* The same card whose button went with the page's markup: a short heading,
 * then a blurb that says how it is delivered and when ("Delivered weekdays
 * at 5pm", "in your inbox every Friday"). */
static void
drop_signup_blurbs(struct ing_doc *d)
{
    static const char *const when[] = {"weekday", "daily",  "weekly", "every ", "morning",
                                       "evening", "monday", "friday", "sunday"};
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *b = &d->lines[i];
        if (!ing_is_content(b) || b->tl > 200 || ing_count_words_max(b->t, b->tl, 21) > 20 ||
            !(ing_ifind(b->t, b->tl, "delivered") || ing_ifind(b->t, b->tl, "inbox")) ||
            ing_has_speech_verb(b->t, b->tl))
            continue;
        bool cad = false;
        for (size_t k = 0; k < DS_ARRAY_LEN(when) && !cad; k++)
            cad = ing_ifind(b->t, b->tl, when[k]) != NULL;
        struct ing_doc_line *head = ing_doc_prev(d, i);
        if (!cad || !card_heading(head))
            continue;
        b->why = "newsletter";
        head->why = "newsletter";
    }
}

/* s without a list's bullet or number ("- ", "* ", "• ", "3. "). */
static const char *
item_text(const char *s, size_t n, size_t *len)
{
    size_t i = 0;
    if (n > 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
        i = 2;
    else if (n > 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0)
        i = 4;
    else {
        while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ')
            i += 2;
        else
            i = 0;
    }
    *len = n - i;
    return s + i;
}

/* Is line i a short entry (at most eight words, no closing full stop)
 * whose text is a later line of the document (a heading)? */
static bool
repeated_below(const struct ing_doc *d, size_t i)
{
    const struct ing_doc_line *l = &d->lines[i];
    size_t n;
    const char *s = item_text(l->t, l->tl, &n);
    if (!ing_is_content(l) || n < 2 || n > 80 || s[n - 1] == '.' ||
        !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9')) ||
        !((s[1] >= 'a' && s[1] <= 'z') || s[1] == ' ' || s[1] == '.') ||
        ing_count_words_max(s, n, 9) > 8)
        return false;
    for (size_t j = i + 1; j < d->n; j++) {
        const struct ing_doc_line *h = &d->lines[j];
        size_t hn;
        const char *hs = item_text(h->t, h->tl, &hn);
        if (!h->blank && hn == n && strncasecmp(hs, s, n) == 0)
            return true;
    }
    return false;
}

/* Does line i head a contents list ("Contents", "Table of contents", "In
 * this article", "On this page", "Jump to")? */
static bool
contents_label(const struct ing_doc *d, size_t i)
{
    static const char *const heads[] = {"contents",      "table of contents", "in this article",
                                        "on this page",  "in this story",     "jump to",
                                        "on this page:", "contents:",         "jump to:",
                                        "in this guide", "in this guide:"};
    const struct ing_doc_line *l = &d->lines[i];
    return !l->blank && ing_ieq_any(l->t, l->tl, heads, DS_ARRAY_LEN(heads));
}

/* A contents list: under a contents label, two or more entries in a row
 * (a blank line between them allowed), each repeated below as a heading;
 * the entries go, the headings stay. */
static void
drop_contents_lists(struct ing_doc *d)
{
    size_t i = 0;
    while (i < d->n) {
        if (!contents_label(d, i++))
            continue;
        size_t j = i, entries = 0, last = i;
        while (j < d->n && (d->lines[j].blank || repeated_below(d, j))) {
            if (!d->lines[j].blank) {
                entries++;
                last = j;
            }
            j++;
        }
        if (entries >= 2)
            for (size_t k = i; k <= last; k++)
                if (ing_is_content(&d->lines[k]))
                    d->lines[k].why = "contents";
        i = j > i ? j : i + 1;
    }
}

/* See lib.h. */
void
ing_drop_block_shapes(struct ing_doc *d)
{
    drop_post_texts(d);
    drop_pull_quotes(d);
    drop_plain_pull_quotes(d);
    drop_contents_lists(d);
    drop_signup_cards(d);
    drop_signup_blurbs(d);
    ing_drop_caption_groups(d);
}
