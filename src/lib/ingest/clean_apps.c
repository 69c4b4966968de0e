/*
 * ingest/clean_apps.c — what apps and live pages add around an article
 * that reaches a folder through a share sheet, an e-mail or a live
 * page's copy: a mail app's signature ("Sent from my iPhone", "Get
 * Outlook for Android"), a news app's share line ("Shared via X",
 * "Shared from X"), "Open in X", a read-later app's shell ("Your saved
 * story", "Saved to your list on June 5"), a forwarded message's header
 * block, a live page's toggles ("Show key events only", "Load more
 * posts", "Please turn on JavaScript ..."), an embedded post's bare time
 * and date ("9:14 AM · Mar 12, 2025"), a player's speed row ("0.75x 1x
 * 1.5x") and its fallback ("Your browser does not support the audio
 * element."), a production note ("This article was translated from
 * Spanish", "AI-generated summary. Check the full article.") with the
 * box heading above an AI note, a feedback row ("Was this article
 * helpful? Yes No"); and, by repetition, a live page's list of key
 * events, each a stamp and the headline of an entry below. Each is a
 * whole short line that reports nothing; "Listen, said the minister",
 * "Subscribers to the scheme rose" and a reporter's own list stay.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "lib.h"

/* The first s[0, n) holding needle[0, m) as it is (case kept), or NULL: a
 * memchr for its first byte, then a compare (memmem is not in C11). */
static const char *
ap_find(const char *s, size_t n, const char *needle, size_t m)
{
    const char *end = s + n;
    while (s && (size_t)(end - s) >= m) {
        const char *c = memchr(s, needle[0], (size_t)(end - s) - m + 1);
        if (!c || memcmp(c, needle, m) == 0)
            return c;
        s = c + 1;
    }
    return NULL;
}

static bool
ap_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* "Sent from my iPhone", "Sent from Yahoo Mail on Android", "Get Outlook
 * for iOS", "Shared via Google News", "Shared from Apple News". */
static bool
app_signature(const char *s, size_t n)
{
    static const char *const leads[] = {"sent from ", "sent via ", "sent with ", "shared via ",
                                        "shared from ", "shared with ", "get outlook for "};
    if (n > 60 || !(s[0] == 'S' || s[0] == 's' || s[0] == 'G' || s[0] == 'g') ||
        ing_ends_with_any(s, n, ".,;:!?\"") || ing_count_words_max(s, n, 8) > 7)
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(leads); k++)
        if (ing_istarts(s, n, leads[k]) && n > strlen(leads[k])) {
            /* a name follows: a capital or "my" */
            const char *r = s + strlen(leads[k]);
            return (*r >= 'A' && *r <= 'Z') || ing_istarts(r, (size_t)(s + n - r), "my ");
        }
    return false;
}

/* "Open in Pocketful", "Open in the app for the best experience", "Your
 * saved story", "Saved to your list on June 5". */
static bool
app_shell(const char *s, size_t n)
{
    if (n > 80 || !(s[0] == 'O' || s[0] == 'o' || s[0] == 'S' || s[0] == 's' || s[0] == 'Y' ||
                    s[0] == 'y') ||
        ing_ends_with_any(s, n, ",;\""))
        return false;
    int words = ing_count_words_max(s, n, 11);
    if (ing_istarts(s, n, "open in the app") || ing_istarts(s, n, "open in app") ||
        ing_istarts(s, n, "open in our app"))
        return words <= 10;
    if (ing_istarts(s, n, "open in ") && n > 8 && s[8] >= 'A' && s[8] <= 'Z')
        return words <= 4 && !ing_ends_with_any(s, n, ".");
    if (ing_istarts(s, n, "saved to your ") || ing_istarts(s, n, "saved to my "))
        return words <= 8;
    return ing_ieq(s, n, "your saved story") || ing_ieq(s, n, "your saved article");
}

/* "Show key events only", "Refresh", "Load more posts", "Embedded post",
 * "Please turn on JavaScript. Live updates are disabled." */
static bool
live_control(const char *s, size_t n)
{
    static const char *const whole[] = {"show key events only", "key events only", "refresh", "load more",
                                        "embedded post", "embedded content", "embedded video",
                                        "tl;dr", "tldr"};
    size_t m = n;
    while (m && (s[m - 1] == ':' || s[m - 1] == ' '))
        m--;
    if (m && m <= 24 && ing_ieq_any(s, m, whole, DS_ARRAY_LEN(whole)))
        return true;
    if (ing_istarts(s, n, "load more ") || ing_istarts(s, n, "show more "))
        return ing_count_words_max(s, n, 5) <= 3 && !ing_ends_with_any(s, n, ".,;");
    if (n > 160 || n < 10 || !ap_find(s, n, "cript", 5) || !ing_ifind(s, n, "javascript") ||
        ing_count_words_max(s, n, 26) > 25)
        return false;
    return ing_ifind(s, n, "turn on") || ing_ifind(s, n, "enable") ||
           ing_ifind(s, n, "disabled") || ing_ifind(s, n, "requires");
}

static bool
month_word(const char *s, size_t n)
{
    static const char *const months[] = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december"};
    if (n && s[n - 1] == '.')
        n--;
    return ing_ieq_any(s, n, months, DS_ARRAY_LEN(months));
}

/* "Refresh · Load more": a row of those controls. */
static bool
control_row(const char *s, size_t n)
{
    if (n > 80 || !(ap_find(s, n, " \xc2\xb7 ", 4) || ap_find(s, n, " | ", 3)))
        return false;
    size_t pieces = 0, i = 0;
    while (i < n) {
        const char *sep = ing_ifind(s + i, n - i, " \xc2\xb7 "); /* " · " */
        const char *bar = ing_ifind(s + i, n - i, " | ");
        if (!sep || (bar && bar < sep))
            sep = bar;
        size_t end = sep ? (size_t)(sep - s) : n;
        if (!live_control(s + i, end - i))
            return false;
        pieces++;
        i = sep ? end + (sep == bar ? 3 : 4) : n;
    }
    return pieces >= 2;
}

/* "9:14 AM · Mar 12, 2025": a clock, then only a date (month names,
 * numbers, separators). */
static bool
bare_stamp(const char *s, size_t n)
{
    if (n > 40)
        return false;
    size_t i = ing_time_prefix(s, n);
    if (!i || i >= n)
        return false;
    int months = 0, numbers = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        const char *w = s + i;
        size_t wl = j - i;
        while (wl && w[wl - 1] == ',')
            wl--;
        bool sep = wl == 1 && (w[0] == '-' || w[0] == '|');
        sep = sep || (wl == 2 && memcmp(w, "\xc2\xb7", 2) == 0); /* · */
        bool num = wl && wl <= 4;
        for (size_t k = 0; num && k < wl; k++)
            num = ap_digit(w[k]);
        static const char *const clock_words[] = {"am", "pm", "a.m.", "p.m.", "gmt", "utc"};
        if (month_word(w, wl))
            months++;
        else if (ing_ieq_any(w, wl, clock_words, DS_ARRAY_LEN(clock_words)))
            sep = true; /* "9:14 AM": the clock's own word */
        else if (num)
            numbers++;
        else if (!sep && wl)
            return false;
        i = j;
        while (i < n && s[i] == ' ')
            i++;
    }
    return months == 1 && numbers >= 1;
}

/* "0.75x 1x 1.25x 1.5x 2x": a player's speed buttons. */
static bool
speed_row(const char *s, size_t n)
{
    if (n > 60)
        return false;
    size_t i = 0, tokens = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && (ap_digit(s[j]) || s[j] == '.'))
            j++;
        if (j == i || j >= n || (s[j] != 'x' && s[j] != 'X'))
            return false;
        j++;
        if (j < n && s[j] != ' ')
            return false;
        tokens++;
        while (j < n && s[j] == ' ')
            j++;
        i = j;
    }
    return tokens >= 1;
}

/* "Your browser does not support the audio element.", "Video is not
 * supported by your browser." */
static bool
browser_fallback(const char *s, size_t n)
{
    if (n > 140 || !ap_find(s, n, "rowser", 6) || ing_count_words_max(s, n, 21) > 20)
        return false;
    return ing_ifind(s, n, "not support") || ing_ifind(s, n, "doesn't support") ||
           ing_ifind(s, n, "doesn\xe2\x80\x99t support") || ing_ifind(s, n, "not supported") ||
           ing_ifind(s, n, "unsupported");
}

/* "This article was translated from Spanish.", "Translated from the
 * Italian by X": a production note on the text. */
static bool
translation_note(const char *s, size_t n)
{
    static const char *const things[] = {"article", "story", "piece", "report", "interview",
                                         "text", "column", "essay"};
    static const char *const verbs[] = {"was translated", "has been translated",
                                        "was machine-translated", "was automatically translated",
                                        "is a translation", "was originally published in"};
    if (n > 300 || !(s[0] == 'T' || s[0] == 't') || memchr(s, '"', n) ||
        ing_count_words_max(s, n, 31) > 30)
        return false;
    if (ing_istarts(s, n, "translated from ") || ing_istarts(s, n, "translated by "))
        return ing_count_words_max(s, n, 13) <= 12;
    if (!ing_istarts(s, n, "this "))
        return false;
    size_t i = 5;
    bool thing = false;
    for (size_t k = 0; k < DS_ARRAY_LEN(things) && !thing; k++)
        if (ing_istarts(s + i, n - i, things[k])) {
            thing = true;
            i += strlen(things[k]) + 1;
        }
    if (!thing || i >= n)
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(verbs); k++)
        if (ing_istarts(s + i, n - i, verbs[k]))
            return true;
    return false;
}

/* "AI-generated summary. Check the full article for details.", "Summary
 * generated by AI. It may contain errors.", "This summary was produced
 * with the help of AI": a note on the summary box, not reporting. */
static bool
ai_note(const char *s, size_t n)
{
    /* "AI" in capitals first: one fast search rules out nearly every line */
    if (n > 200 || !ap_find(s, n, "AI", 2) ||
        (!ing_ifind(s, n, "summar") && !ing_ifind(s, n, "key points") && !ing_ifind(s, n, "tl;dr")))
        return false;
    if (ing_count_words_max(s, n, 26) > 25 || ing_has_speech_verb(s, n))
        return false;
    const char *ai = ap_find(s, n, "AI", 2);
    bool by_ai = false;
    while (ai && !by_ai) { /* "AI" as a word or "AI-generated" */
        size_t at = (size_t)(ai - s);
        bool left = at == 0 || s[at - 1] == ' ' || s[at - 1] == '(';
        bool right = at + 2 == n || s[at + 2] == ' ' || s[at + 2] == '-' || s[at + 2] == '.' ||
                     s[at + 2] == ',' || s[at + 2] == ')';
        by_ai = left && right && s[at] == 'A' && s[at + 1] == 'I';
        ai = at + 2 < n ? ap_find(s + at + 2, n - at - 2, "AI", 2) : NULL;
    }
    if (!by_ai)
        return false;
    static const char *const notes[] = {"generated", "produced", "created", "written",
                                        "may contain", "check", "reviewed", "checked", "errors",
                                        "help of"};
    size_t len;
    return ing_ifind_first(s, n, notes, DS_ARRAY_LEN(notes), &len) != NULL;
}

/* "Was this article helpful? Yes No" */
static bool
feedback_row(const char *s, size_t n)
{
    return n <= 60 && ing_istarts(s, n, "was this ") && ing_ifind(s, n, "helpful?") &&
           ing_count_words_max(s, n, 9) <= 8;
}

/* See lib.h. */
const char *
ing_app_shape(const char *s, size_t n)
{
    if (n > 300)
        return NULL;
    if (app_signature(s, n) || app_shell(s, n))
        return "app";
    if (live_control(s, n) || control_row(s, n))
        return "label";
    if (bare_stamp(s, n))
        return "time";
    if (speed_row(s, n) || browser_fallback(s, n))
        return "audio";
    if (translation_note(s, n) || ai_note(s, n))
        return "note";
    if (feedback_row(s, n))
        return "label";
    const char *w = ing_widget_shape(s, n);
    if (!w)
        w = ing_thread_shape(s, n);
    return w ? w : ing_foreign_shape(s, n);
}

/* See lib.h. */
size_t
ing_arrow_len(const char *s, size_t n)
{
    if (n > 4 && (memcmp(s, "\xe2\x86\x91 ", 4) == 0 || memcmp(s, "\xe2\xac\x86 ", 4) == 0))
        return 4; /* "↑ ", "⬆ " */
    return n > 2 && s[0] == '^' && s[1] == ' ' ? 2 : 0;
}

/* ---- by place and by repetition ---------------------------------------------------- */

static bool
forward_marker(const char *s, size_t n)
{
    if (s[0] == '-' || s[0] == '=')
        return n <= 60 && (ing_ifind(s, n, "forwarded message") || ing_ifind(s, n, "original message"));
    return ing_ieq(s, n, "begin forwarded message:");
}

static bool
header_field(const char *s, size_t n)
{
    static const char *const keys[] = {"from: ", "date: ", "sent: ", "subject: ", "to: ",
                                       "cc: ", "reply-to: "};
    for (size_t k = 0; k < DS_ARRAY_LEN(keys); k++)
        if (ing_istarts(s, n, keys[k]))
            return n <= 200;
    return false;
}

/* A forwarded message's marker and the header fields under it. */
static void
forwarded_block(struct ing_doc *d, size_t i)
{
    d->lines[i].why = "mail";
    for (size_t j = i + 1; j < d->n; j++) {
        struct ing_doc_line *h = &d->lines[j];
        if (h->blank)
            continue;
        if (!header_field(h->t, h->tl))
            break;
        h->why = "mail";
    }
}

/* The heading of an AI summary box above its note ("Key points",
 * "Summary", "TL;DR"), within the eight lines before it. */
static void
ai_box_heading(struct ing_doc *d, size_t i)
{
    static const char *const heads[] = {"key points", "summary", "tl;dr", "tldr", "in brief",
                                        "at a glance", "quick read", "the short version"};
    for (size_t j = i, seen = 0; j-- > 0 && seen < 8;) {
        struct ing_doc_line *h = &d->lines[j];
        if (h->blank)
            continue;
        seen++;
        size_t m = h->tl;
        while (m && (h->t[m - 1] == ':' || h->t[m - 1] == ' '))
            m--;
        if (m && m <= 20 && ing_ieq_any(h->t, m, heads, DS_ARRAY_LEN(heads))) {
            h->why = "note";
            return;
        }
    }
}

/* "16:45 Bill passes by 312 votes": a stamp before a line that is another
 * line of the document (an entry's headline below): a key-events list. */
static bool
stamp_repeats_line(const struct ing_doc *d, size_t i)
{
    const struct ing_doc_line *l = &d->lines[i];
    const char *s = l->t;
    size_t n = l->tl;
    if (n > 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') { /* a list's item */
        s += 2;
        n -= 2;
    } else if (n > 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0) { /* "• " */
        s += 4;
        n -= 4;
    }
    size_t tp = n <= 200 && ap_digit(s[0]) ? ing_time_prefix(s, n) : 0;
    if (!tp || tp >= n || ing_count_words_max(s + tp, n - tp, 3) < 2)
        return false;
    for (size_t j = 0; j < d->n; j++)
        if (j != i && !d->lines[j].blank && d->lines[j].tl == n - tp &&
            memcmp(d->lines[j].t, s + tp, n - tp) == 0)
            return true;
    return false;
}

/* See lib.h. */
void
ing_drop_app_lines(struct ing_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank || l->tl > 300)
            continue;
        if (!l->why && forward_marker(l->t, l->tl)) {
            forwarded_block(d, i);
            continue;
        }
        if (l->t[0] != '-' && ai_note(l->t, l->tl))
            ai_box_heading(d, i);
        if (!l->why && stamp_repeats_line(d, i))
            l->why = "time";
    }
}
