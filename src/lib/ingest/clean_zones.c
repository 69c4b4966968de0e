/*
 * ingest/clean_zones.c — furniture told by where it sits, after the
 * metadata passes, whatever its words or language: the short lines
 * between the headline and the first paragraph when the page's controls
 * are already known there ("Gift this article", "A+", "Add to myFT"
 * between "Save" and "Listen to this article"), and the short lines
 * after the last line of the text when two controls are known there
 * (not the items of a list under "The top three were:"); a consent
 * banner's buttons under it ("Akceptuję", "Принять"); a report's
 * running head repeated with its folio on either side ("Annual report
 * 2026 | 3", "4 | Annual report 2026"), and a line in capitals repeated
 * on every page ("CONFIDENTIAL DRAFT – NOT FOR DISTRIBUTION"). A
 * paragraph, a sentence, a list's item, a line with a figure or a
 * quotation is never taken by place.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "lib.h"

/* Reasons that mark a page's controls (not the headline, byline or date,
 * which every article has). See lib.h. */
bool
ing_control_reason(const char *why)
{
    static const char *const reasons[] = {
        "label",    "icons",   "share",    "comments", "audio",   "counter", "app",
        "consent",  "paywall", "newsletter", "promo",  "related", "pager",   "thread",
        "widget",   "shopping", "download", "note",    "rule",    "time",    "controls",
        "prompt-block", "breadcrumb", "ticker", "player", "repeat"};
    if (!why)
        return false;
    for (size_t i = 0; i < DS_ARRAY_LEN(reasons); i++)
        if (strcmp(why, reasons[i]) == 0)
            return true;
    return false;
}

/* A paragraph of the text: a sentence of four words or more, or a line
 * of sixteen words. */
static bool
paragraph(const struct ing_doc_line *l)
{
    return ing_is_content(l) &&
           (ing_is_prose(l->t, l->tl, 4) || ing_count_words_max(l->t, l->tl, 16) >= 16);
}

/* A line of the text the tail's controls cannot follow in: a paragraph,
 * a list's item, or a line of six words or more (a numbered note). */
static bool
text_line(const struct ing_doc_line *l)
{
    return paragraph(l) ||
           (ing_is_content(l) && (ing_is_bullet(l) || ing_count_words_max(l->t, l->tl, 6) >= 6));
}

/* A control's shape: at most max_words words (five; three above the
 * first paragraph, where a headline the metadata passes did not take
 * sits among the controls) and 48 bytes, no sentence's end, no figure,
 * no quotation, not a list's item. */
static bool
control_shaped(const struct ing_doc_line *l, int max_words)
{
    if (!ing_is_content(l) || l->tl > 48 || ing_is_bullet(l) ||
        ing_ends_with_any(l->t, l->tl, ".!?:\"'") ||
        ing_count_words_max(l->t, l->tl, max_words + 1) > max_words)
        return false;
    for (size_t i = 0; i < l->tl; i++) {
        unsigned char c = (unsigned char)l->t[i];
        if ((c >= '0' && c <= '9') || c == '"')
            return false;
        if (c == 0xe2 && i + 2 < l->tl && (unsigned char)l->t[i + 1] == 0x80 &&
            ((unsigned char)l->t[i + 2] == 0x9c || (unsigned char)l->t[i + 2] == 0x9d ||
             (unsigned char)l->t[i + 2] == 0xa6))
            return false; /* “ ” … */
        if (c == 0xc2 && i + 1 < l->tl &&
            ((unsigned char)l->t[i + 1] == 0xab || (unsigned char)l->t[i + 1] == 0xbb))
            return false; /* « » */
        if (c == 0xe3 && i + 2 < l->tl && (unsigned char)l->t[i + 1] == 0x80 &&
            ((unsigned char)l->t[i + 2] == 0x8c || (unsigned char)l->t[i + 2] == 0x8d ||
             (unsigned char)l->t[i + 2] == 0x82))
            return false; /* 「 」 。 */
    }
    return true;
}

/* Lines [a, b): when at least min of them are controls, the lines
 * among them shaped as controls of at most max_words words go too. */
static void
drop_zone(struct ing_doc *d, size_t a, size_t b, size_t min, int max_words)
{
    size_t controls = 0, cand = 0;
    for (size_t i = a; i < b; i++) {
        controls += ing_control_reason(d->lines[i].why);
        cand += control_shaped(&d->lines[i], max_words);
    }
    if (controls < min || !cand)
        return;
    bool list = false; /* under "The top three were:": a list's items */
    for (size_t i = a; i < b; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank)
            continue;
        if (ing_is_content(l) && l->t[l->tl - 1] == ':') {
            list = true;
            continue;
        }
        if (!control_shaped(l, max_words)) {
            list = list && !l->why;
            continue;
        }
        if (!list)
            l->why = "controls";
    }
}

/* The next (or, above the text, also the previous) line of a known
 * control in zone [a, b), shaped as a control of at most three words: a
 * tool row's button no table names beside one it does ("Deeper dive"
 * over "Stash for later", "Clip it" under "Keep reading on the
 * Dispatch"). Below the text only the line after a control goes: a real
 * heading sits above the rail it heads. Not chained: the known controls
 * are read before any is marked. */
static void
control_neighbours(struct ing_doc *d, size_t a, size_t b, bool above)
{
    if (b <= a)
        return;
    bool *known = xcalloc(b - a, sizeof *known);
    for (size_t i = a; i < b; i++) /* a short control, not a note's sentence */
        known[i - a] = ing_control_reason(d->lines[i].why) && d->lines[i].tl <= 48 &&
                       !ing_ends_with_any(d->lines[i].t, d->lines[i].tl, ".!?");
    for (size_t i = a; i < b; i++) {
        if (!known[i - a])
            continue;
        size_t j = i + 1;
        while (j < b && d->lines[j].blank)
            j++;
        if (j < b && control_shaped(&d->lines[j], 3))
            d->lines[j].why = "controls";
        if (!above)
            continue;
        size_t k = i;
        while (k > a && d->lines[k - 1].blank)
            k--;
        if (k > a && control_shaped(&d->lines[k - 1], 3)) {
            const struct ing_doc_line *up = k > a + 1 ? &d->lines[k - 2] : NULL;
            if (!up || up->blank || up->tl == 0 || up->t[up->tl - 1] != ':')
                d->lines[k - 1].why = "controls";
        }
    }
    free(known);
}

/* A consent banner's buttons: up to three short lines under it. */
static void
consent_buttons(struct ing_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        if (!d->lines[i].why || strcmp(d->lines[i].why, "consent") != 0)
            continue;
        for (size_t j = i + 1, k = 0; j < d->n && k < 3; j++) {
            struct ing_doc_line *l = &d->lines[j];
            if (l->blank)
                continue;
            k++;
            if (l->why)
                continue;
            if (l->tl > 30 || ing_count_words_max(l->t, l->tl, 4) > 3 ||
                ing_ends_with_any(l->t, l->tl, ".!?\""))
                break;
            l->why = "consent";
        }
    }
}

/* ---- running heads --------------------------------------------------------------- */

/* "Annual report 2026 | 3", "4 | Annual report 2026": a short line of
 * fields split by bars, one of them a folio alone; its key is the other
 * fields' letters, lower-cased (0 when it is no such line). */
static uint64_t
folio_key(const char *s, size_t n)
{
    if (n > 90 || !memchr(s, '|', n) || ing_count_words_max(s, n, 13) > 12)
        return 0;
    bool folio = false;
    uint64_t h = 1469598103934665603ull;
    size_t letters = 0;
    for (size_t a = 0; a < n;) {
        size_t e = a;
        while (e < n && s[e] != '|')
            e++;
        size_t x = a, y = e;
        while (x < y && s[x] == ' ')
            x++;
        while (y > x && s[y - 1] == ' ')
            y--;
        bool digits = y > x && y - x <= 4;
        for (size_t i = x; i < y && digits; i++)
            digits = s[i] >= '0' && s[i] <= '9';
        if (digits) {
            folio = true;
        } else {
            for (size_t i = x; i < y; i++) {
                char c = s[i];
                if (c >= '0' && c <= '9')
                    continue;
                if (c >= 'A' && c <= 'Z')
                    c = (char)(c - 'A' + 'a');
                letters += c != ' ';
                h = (h ^ (unsigned char)c) * 1099511628211ull;
            }
            h = (h ^ '|') * 1099511628211ull;
        }
        a = e + 1;
    }
    return folio && letters >= 3 ? h | 1 : 0;
}

/* A line in capitals of three words or more ("CONFIDENTIAL DRAFT – NOT
 * FOR DISTRIBUTION"), no figures. */
static bool
caps_mark(const struct ing_doc_line *l)
{
    if (l->tl < 12 || l->tl > 90 || ing_count_words_max(l->t, l->tl, 13) > 12 ||
        ing_count_words_max(l->t, l->tl, 3) < 3)
        return false;
    size_t upper = 0;
    for (size_t i = 0; i < l->tl; i++) {
        char c = l->t[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            return false;
        upper += c >= 'A' && c <= 'Z';
    }
    return upper >= 8;
}

struct zone_key {
    uint64_t key;
    size_t i;
};

static int
zone_key_cmp(const void *a, const void *b)
{
    uint64_t x = ((const struct zone_key *)a)->key, y = ((const struct zone_key *)b)->key;
    return x < y ? -1 : x > y;
}

/* Running heads: lines of the same folio key, or the same line in
 * capitals, seen twice or more; every copy goes (ing_drop_duplicates
 * kept the first of identical ones, another pass may have taken one). */
static void
running_heads(struct ing_doc *d)
{
    if (d->structured)
        return; /* a page's markup has no printed page's heads */
    struct zone_key *keys = NULL;
    size_t nk = 0;
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank)
            continue;
        uint64_t key = folio_key(l->t, l->tl);
        if (!key && caps_mark(l))
            key = ds_hash64(l->t, l->tl) & ~(uint64_t)1; /* even: apart from folio keys */
        if (!key)
            continue;
        if (!keys)
            keys = xcalloc(d->n, sizeof *keys);
        keys[nk++] = (struct zone_key){key, i};
    }
    if (nk >= 2) {
        qsort(keys, nk, sizeof *keys, zone_key_cmp);
        for (size_t k = 0; k < nk; k++) {
            bool twice = (k > 0 && keys[k - 1].key == keys[k].key) ||
                         (k + 1 < nk && keys[k + 1].key == keys[k].key);
            struct ing_doc_line *l = &d->lines[keys[k].i];
            if (twice && (ing_is_content(l) || strcmp(l->why, "duplicate") == 0))
                l->why = "page";
        }
    }
    free(keys);
}

/* See lib.h. */
void
ing_drop_zones(struct ing_doc *d)
{
    consent_buttons(d);
    running_heads(d);
    size_t first = d->n, last = d->n;
    for (size_t i = 0; i < d->n; i++) {
        if (first == d->n && paragraph(&d->lines[i]))
            first = i;
        if (text_line(&d->lines[i]))
            last = i;
    }
    if (first == d->n)
        return; /* no paragraph: nothing to tell the controls from */
    drop_zone(d, 0, first, 2, 3);
    drop_zone(d, last + 1, d->n, 2, 5);
    control_neighbours(d, 0, first, true);
    control_neighbours(d, last + 1, d->n, false);
}
