/*
 * ingest/clean_saves.c — the lines read-later apps, feed readers, AMP
 * and print views, live pages and boards add around a story, told by
 * shape rather than by a site's words: an app's own buttons ("Visit
 * website", "View original", "Saved with X", "Open in X"), a source line
 * with its reading time ("The Harbour Times · 4 min read · Dec 7"), a
 * bare host name, a live page's "Show 3 new updates" and "Share this
 * update", an embed's "View on X", a board's profile fields ("Member
 * since 2011", "Reputation 2,038"), a row of controls ("Reply Quote
 * Report"), a pager ("Page 1 of 4 Next ›"), a rating ("★★★★☆", "Rate
 * this read"); and, over the whole text, a short line that repeats (a
 * tool row above and below the story: "Hearts 214", "Gift"), a poll's
 * question and options over its "See results". A sentence is never
 * taken; a writer's question that opens with "Subscribe" is not a call
 * to subscribe (ing_writer_question).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "lib.h"

static const char *const app_labels[] = {
    "visit website", "mark as read", "mark as unread", "view original", "original article",
    "read original", "view original article", "favourite", "favorite", "view non-amp version",
    "powered by amp", "tap to expand", "show older updates", "show newer updates",
    "share this update", "copy link to this update", "follow live", "get in touch",
    "auto-update on", "auto-update off", "text size", "font size", "print this page",
    "close window", "show new updates",
};

/* Words a row of a post's controls is made of ("Reply Quote Report"). */
static const char *const control_words[] = {
    "reply", "quote", "report", "share", "like", "save", "gift", "edit", "delete", "flag",
    "permalink", "bookmark", "print", "email", "upvote", "downvote", "award", "follow",
};

static bool
is_word_in(const char *s, size_t n, const char *const *t, size_t nt)
{
    return ing_ieq_any(s, n, t, nt);
}

/* "Reply Quote Report": two to six words, each a control's. */
static bool
control_row(const char *s, size_t n)
{
    if (n > 60)
        return false;
    int words = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '|' || s[i] == '\t'))
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != '|' && s[i] != '\t')
            i++;
        if (i == b)
            break;
        if (!is_word_in(s + b, i - b, control_words, DS_ARRAY_LEN(control_words)))
            return false;
        words++;
    }
    return words >= 2 && words <= 6;
}

/* "[Mark as read] [Favourite] [Delete]": a row of two to six buttons in
 * brackets, each of at most three words, and nothing else (a link's
 * target in parentheses after a bracket is a link, not a button). */
static bool
bracket_row(const char *s, size_t n)
{
    if (n > 100 || s[0] != '[' || s[n - 1] != ']')
        return false;
    int groups = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i == n)
            break;
        if (s[i] != '[')
            return false;
        const char *e = memchr(s + i, ']', n - i);
        if (!e || e == s + i + 1)
            return false;
        size_t in = (size_t)(e - s) - i - 1;
        if (memchr(s + i + 1, '[', in) || ing_count_words_max(s + i + 1, in, 4) > 3)
            return false;
        i = (size_t)(e - s) + 1;
        if (i < n && s[i] == '(')
            return false;
        groups++;
    }
    return groups >= 2 && groups <= 6;
}

/* "harbourscience.example.org": a line that is a host name alone. */
static bool
bare_host(const char *s, size_t n)
{
    if (n < 5 || n > 80)
        return false;
    size_t dots = 0, last = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '.') {
            if (i == 0 || s[i - 1] == '.')
                return false;
            dots++;
            last = i;
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    size_t tld = n - last - 1;
    if (!dots || tld < 2 || tld > 6)
        return false;
    for (size_t i = last + 1; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return false;
    return true;
}

/* "X · 4 min read · Dec 7", "host · Name", "Created on 2026-12-08 · Tags:
 * ...": a saved page's source line, fields split by middle dots. */
static bool
source_line(const char *s, size_t n)
{
    const char *dot = ing_ifind(s, n, " \xc2\xb7 ");
    if (!dot || n > 160 || ing_count_words_max(s, n, 16) > 15 || s[n - 1] == '.')
        return false;
    if (ing_ifind(s, n, " min read") || ing_ifind(s, n, "\xc2\xb7 tags:") ||
        ing_istarts(s, n, "created on ") || ing_istarts(s, n, "saved on "))
        return true;
    return bare_host(s, (size_t)(dot - s));
}

/* "Saved with Omnivore", "Open in Pocket", "Read in Feedly", "Saved to
 * Pocket · 6 min read": an app's name after its verb, at most four words. */
static bool
app_verb(const char *s, size_t n)
{
    static const char *const verbs[] = {"saved with ", "saved to ", "open in ", "read in ",
                                        "clipped with ", "save to ", "view on "};
    if (n > 48 || ing_ends_with_any(s, n, ".!?:") || ing_count_words_max(s, n, 5) > 4)
        return false;
    for (size_t i = 0; i < DS_ARRAY_LEN(verbs); i++) {
        size_t m = strlen(verbs[i]);
        if (n > m && ing_istarts(s, n, verbs[i]) && s[m] >= 'A' && s[m] <= 'Z')
            return true;
    }
    return false;
}

/* "Page 1 of 4 Next ›", "‹ Prev Page 2 of 4". */
static bool
pager(const char *s, size_t n)
{
    const char *p = ing_ifind(s, n, "page ");
    if (!p || n > 40 || !ing_ifind(s, n, " of ") ||
        !(ing_ifind(s, n, "next") || ing_ifind(s, n, "prev")))
        return false;
    return ing_count_words_max(s, n, 8) <= 7 && !ing_ends_with_any(s, n, ".");
}

/* "★★★★☆" (stars alone, or with a count), "Rate this read". */
static bool
rating(const char *s, size_t n)
{
    if (ing_istarts(s, n, "rate this ") && ing_count_words_max(s, n, 4) <= 3 &&
        !ing_ends_with_any(s, n, ".?"))
        return true;
    size_t stars = 0, i = 0;
    while (i + 3 <= n && (memcmp(s + i, "\xe2\x98\x85", 3) == 0 ||
                          memcmp(s + i, "\xe2\x98\x86", 3) == 0)) /* ★ ☆ */
        i += 3, stars++;
    return stars >= 3 && ing_count_words_max(s + i, n - i, 3) <= 2;
}

/* A live page's "Show 3 new updates", "Stash for later", "Keep reading
 * on the Dispatch", "Send us your questions about ...". */
static const char *
live_or_rail(const char *s, size_t n)
{
    int w = ing_count_words_max(s, n, 16);
    if (ing_istarts(s, n, "show ") && ing_ifind(s, n, " update") && w <= 5)
        return "label";
    if (w <= 3 && n > 10 && ing_ieq(s + n - 10, 10, " for later"))
        return "label";
    if ((ing_istarts(s, n, "keep reading on ") || ing_istarts(s, n, "continue reading on ") ||
         ing_istarts(s, n, "keep reading at ")) && w <= 7 && !ing_ends_with_any(s, n, "."))
        return "related";
    if (ing_istarts(s, n, "send us your ") && w <= 15 && !ing_has_speech_verb(s, n))
        return "tip";
    return NULL;
}

/* "Member since 2011", "Reputation 2,038" in a board's author line. */
static bool
profile_fields(const char *s, size_t n)
{
    if (n > 100 || ing_count_words_max(s, n, 9) > 8 || ing_ends_with_any(s, n, "."))
        return false;
    const char *m = ing_ifind(s, n, "member since ");
    if (m) {
        size_t r = (size_t)(s + n - m) - 13;
        const char *y = m + 13;
        return r >= 4 && y[0] >= '1' && y[0] <= '2' && y[1] >= '0' && y[1] <= '9';
    }
    return ing_istarts(s, n, "reputation ") && s[11] >= '0' && s[11] <= '9' &&
           ing_count_words_max(s, n, 3) == 2;
}

/* See lib.h. */
const char *
ing_saver_shape(const char *s, size_t n)
{
    if (n == 0 || n > 160)
        return NULL;
    if (n <= 40 && is_word_in(s, n, app_labels, DS_ARRAY_LEN(app_labels)))
        return "app";
    if (ing_istarts(s, n, "highlight:") && n > 11)
        return "note";
    if (app_verb(s, n) || source_line(s, n) || bare_host(s, n))
        return "app";
    if (control_row(s, n) || bracket_row(s, n))
        return "controls";
    if (profile_fields(s, n) || pager(s, n))
        return "thread";
    if (rating(s, n))
        return "widget";
    return live_or_rail(s, n);
}

/* See lib.h. */
bool
ing_writer_question(const char *s, size_t n)
{
    static const char *const calls[] = {"subscribe", "sign up", "newsletter", "join", "click",
                                        "free", "here", "inbox", "tap"};
    const char *q = memchr(s, '?', n);
    if (!q || (size_t)(q - s) + 2 >= n || q[1] != ' ')
        return false;
    size_t len;
    const char *rest = q + 2;
    return !ing_ifind_first(rest, (size_t)(s + n - rest), calls, DS_ARRAY_LEN(calls), &len);
}

static bool
strpbrk_n(const char *s, size_t n, const char *set)
{
    for (size_t i = 0; i < n; i++)
        if (strchr(set, s[i]))
            return true;
    return false;
}

/* A short line a tool row or a counter row repeats: at most four words
 * and 48 bytes, a letter in it, no sentence's end, not a list's item. */
static bool
repeatable(const struct ing_doc_line *l)
{
    if (l->blank || l->tl < 4 || l->tl > 48 || ing_is_bullet(l) ||
        ing_ends_with_any(l->t, l->tl, ".!?:;,\"'") || ing_count_words_max(l->t, l->tl, 5) > 4 ||
        strpbrk_n(l->t, l->tl, "{}[]()<>=;/$*#"))
        return false; /* code, a table's cell, a caption's credit */
    for (size_t i = 0; i < l->tl; i++) {
        unsigned char c = (unsigned char)l->t[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xc3)
            return true;
    }
    return false;
}

/* A heading over its text (a contents list's entry repeats it; the
 * heading stays): a paragraph under it, and above it neither a known
 * control nor a line of a repeated group (a tool row over the story). */
static bool
heading_over_text(const struct ing_doc *d, size_t i, const size_t *group)
{
    const struct ing_doc_line *p = ing_doc_prev(d, i), *q = ing_doc_next(d, i);
    if (!q || !ing_is_content(q) || !ing_is_prose(q->t, q->tl, 4))
        return false;
    return !p || !(ing_control_reason(p->why) || group[(size_t)(p - d->lines)]);
}

static bool
results_button(const struct ing_doc_line *l)
{
    static const char *const t[] = {"see results", "view results", "show results", "vote",
                                    "vote now", "see the results"};
    return !l->blank && ing_ieq_any(l->t, l->tl, t, DS_ARRAY_LEN(t));
}

/* A poll over its results button: the question (a line ending "?") and
 * two to six short options. */
static void
drop_poll(struct ing_doc *d, size_t i)
{
    size_t k = i, opts = 0;
    while (k > 0) {
        struct ing_doc_line *p = &d->lines[k - 1];
        if (p->blank) {
            k--;
            continue;
        }
        if (p->tl > 24 || ing_count_words_max(p->t, p->tl, 4) > 3 ||
            ing_ends_with_any(p->t, p->tl, ".?!:"))
            break;
        opts++;
        k--;
    }
    while (k > 0 && d->lines[k - 1].blank)
        k--;
    if (opts < 2 || opts > 6 || k == 0)
        return;
    struct ing_doc_line *q = &d->lines[k - 1];
    if (q->tl > 120 || q->t[q->tl - 1] != '?' || ing_count_words_max(q->t, q->tl, 16) > 15)
        return;
    for (size_t j = k - 1; j <= i; j++)
        if (!d->lines[j].blank && !d->lines[j].why)
            d->lines[j].why = "widget";
}

struct rkey {
    uint64_t key;
    size_t i;
};

static int
rkey_cmp(const void *a, const void *b)
{
    const struct rkey *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* See lib.h. */
void
ing_drop_saver_lines(struct ing_doc *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (results_button(&d->lines[i]))
            drop_poll(d, i);
    /* the short lines seen twice or more, grouped by their text */
    struct rkey *keys = NULL;
    size_t nk = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (!repeatable(&d->lines[i]))
            continue;
        if (!keys)
            keys = xcalloc(d->n, sizeof *keys);
        keys[nk++] = (struct rkey){ds_hash64(d->lines[i].t, d->lines[i].tl), i};
    }
    if (nk < 2) {
        free(keys);
        return;
    }
    qsort(keys, nk, sizeof *keys, rkey_cmp); /* a group's lines in the text's order */
    size_t *group = xcalloc(d->n, sizeof *group); /* 1 + the group's first key, or 0 */
    bool *done = xcalloc(d->n, sizeof *done);      /* its group was taken */
    for (size_t k = 0, e; k < nk; k = e) {
        for (e = k + 1; e < nk && keys[e].key == keys[k].key; e++)
            ;
        if (e - k >= 2)
            for (size_t x = k; x < e; x++)
                group[keys[x].i] = k + 1;
    }
    /* a group goes (every copy) when a copy sits beside a known control or
     * beside a line of another group that went: a tool row, not a table's
     * repeated cell or a heading used twice */
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = 0; i < d->n; i++) {
            struct ing_doc_line *l = &d->lines[i];
            if (!group[i] || done[i])
                continue;
            struct ing_doc_line *p = ing_doc_prev(d, i), *q = ing_doc_next(d, i);
            if (!((p && ing_control_reason(p->why)) || (q && ing_control_reason(q->why))))
                continue;
            for (size_t x = group[i] - 1; x < nk && keys[x].key == keys[group[i] - 1].key; x++) {
                size_t j = keys[x].i;
                struct ing_doc_line *m = &d->lines[j];
                if (m->tl != l->tl || memcmp(m->t, l->t, l->tl) != 0)
                    continue;
                done[j] = true;
                if ((!m->why || strcmp(m->why, "duplicate") == 0) &&
                    (j == i || !heading_over_text(d, j, group)))
                    m->why = "repeat";
            }
            changed = true;
        }
    }
    free(done);
    free(group);
    free(keys);
}
