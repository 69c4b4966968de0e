/*
 * ingest/clean_service.c — what a release service, a mailing list or a
 * printed page sets around an article, looked for after the metadata
 * passes have read the lines they use (a release's "SOURCE X" or a page's
 * running head can name the outlet):
 * - a release service's lines: "NEWS PROVIDED BY" and the issuer's name
 *   under it, "SOURCE X" at the end, "View original content ...", a
 *   contact line with its number or address ("Media contact: Jo Roe,
 *   jo@x.com"), and an "About X" paragraph in the tail, where nothing of
 *   the text follows it;
 * - a mailing's shell: "View this email in your browser", "Forward it to
 *   a friend", "Update your preferences", "Unsubscribe", "You are
 *   receiving this because ...", "Share this newsletter", "Presented by
 *   X", a sign-up form's consent and its e-mail field;
 * - a printed page's jump lines ("Continued on Page A6", "Please see
 *   BRIDGE on A9", "BRIDGE | From A1", "MARKET (Continued from B1)"), page
 *   counters ("Page 2 of 5", alone or as a field of a header), and headers
 *   and footers that repeat on every page with only their numbers changed
 *   (told by repetition: a line of fields set apart by wide gaps, one of
 *   them a folio, a date or an address, twice or more in the text);
 * - rows of reaction and comment counts ("👏 93 · 💬 12", "💬 208
 *   comments").
 * Every shape is a whole short line that is no sentence of reporting: a
 * story's "Share prices fell ...", "About 40 people attended ..." or "See
 * below for the full list" stays.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/util.h"
#include "lib.h"

static bool
sv_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool
sv_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool
sv_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || sv_upper(c);
}

/* Does the line hold a phone number (seven digits or more) or an e-mail
 * address? */
static bool
sv_reachable(const char *s, size_t n)
{
    size_t digits = 0;
    for (size_t i = 0; i < n; i++)
        digits += sv_digit(s[i]);
    const char *at = memchr(s, '@', n);
    return digits >= 7 || (at && at > s && at[-1] != ' ' && at + 1 < s + n && at[1] != ' ');
}

static bool
sv_quotes(const char *s, size_t n)
{
    return memchr(s, '"', n) || ing_ifind(s, n, "\xe2\x80\x9c");
}

static bool
sv_has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (sv_digit(s[i]))
            return true;
    return false;
}

/* ---- words of a short line ------------------------------------------------------- */

#define SV_WORDS 10

/* A short line as words, its brackets, bars, commas and colons read as
 * spaces ("MARKET (Continued from B1)" → MARKET Continued from B1). */
struct sv_words {
    char buf[96];
    const char *w[SV_WORDS];
    size_t l[SV_WORDS];
    size_t n;
};

static bool
sv_split(const char *s, size_t n, struct sv_words *ws)
{
    if (n >= sizeof ws->buf)
        return false;
    ws->n = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        ws->buf[i] = (c == '(' || c == ')' || c == '|' || c == ',' || c == ':') ? ' ' : c;
    }
    ws->buf[n] = '\0';
    for (size_t i = 0; i < n;) {
        while (i < n && ws->buf[i] == ' ')
            i++;
        if (i >= n)
            break;
        if (ws->n == SV_WORDS)
            return false;
        size_t e = i;
        while (e < n && ws->buf[e] != ' ')
            e++;
        ws->w[ws->n] = ws->buf + i;
        ws->l[ws->n++] = e - i;
        i = e;
    }
    /* a closing full stop is not part of the last word ("Page A6.") */
    if (ws->n && ws->l[ws->n - 1] > 1 && ws->w[ws->n - 1][ws->l[ws->n - 1] - 1] == '.')
        ws->l[ws->n - 1]--;
    return ws->n > 0;
}

static bool
sv_is(const struct sv_words *ws, size_t k, const char *lit)
{
    return k < ws->n && ing_ieq(ws->w[k], ws->l[k], lit);
}

/* A jump's slug: a word in capitals ("BRIDGE", "TAX-CUTS"), not one of
 * the jump's own words. */
static bool
sv_slug(const struct sv_words *ws, size_t k)
{
    if (k >= ws->n || ws->l[k] < 2)
        return false;
    size_t letters = 0;
    for (size_t i = 0; i < ws->l[k]; i++) {
        char c = ws->w[k][i];
        if (sv_upper(c))
            letters++;
        else if (c != '-' && c != '\'' && c != '&')
            return false;
    }
    static const char *const own[] = {"SEE", "PAGE", "FROM", "CONTINUED", "ON", "JUMP"};
    return letters >= 2 && !ing_ieq_any(ws->w[k], ws->l[k], own, DS_ARRAY_LEN(own));
}

/* A page reference: "A6", "B12", "3", "22", "12A". */
static bool
sv_page_ref(const struct sv_words *ws, size_t k)
{
    if (k >= ws->n || ws->l[k] > 4)
        return false;
    const char *w = ws->w[k];
    size_t i = 0, l = ws->l[k];
    if (sv_alpha(w[0]))
        i++;
    size_t d = i;
    while (i < l && sv_digit(w[i]))
        i++;
    if (i == d || i - d > 3)
        return false;
    if (i < l && d == 0 && sv_alpha(w[i]))
        i++;
    return i == l;
}

/* Words k.. end the line as "[the] next page", "back page", "[page] A6". */
static bool
sv_page_end(const struct sv_words *ws, size_t k)
{
    if (sv_is(ws, k, "the"))
        k++;
    if ((sv_is(ws, k, "next") || sv_is(ws, k, "back") || sv_is(ws, k, "previous") ||
         sv_is(ws, k, "following")) &&
        sv_is(ws, k + 1, "page"))
        return k + 2 == ws->n;
    if (sv_is(ws, k, "page") || sv_is(ws, k, "p.") || sv_is(ws, k, "pg."))
        k++;
    return sv_page_ref(ws, k) && k + 1 == ws->n;
}

/* "Continued on Page A6", "(Continued on page 4)", "MARKET (Continued
 * from B1)", "Please see SAWMILL on 22", "See BRIDGE, Page 3", "BRIDGE |
 * From A1", "From Page A3", "Jump: MARKET, B4": a printed story's jump
 * to or from another page. */
static bool
jump_line(const char *s, size_t n)
{
    struct sv_words ws;
    if (n > 60 || (!sv_has_digit(s, n) && !ing_ifind(s, n, " page")) || !sv_split(s, n, &ws) ||
        ws.n > 8)
        return false; /* a page's number, or "next page" */
    size_t k = 0;
    while (k < 2 && sv_slug(&ws, k))
        k++;
    size_t slugs = k;
    if (sv_is(&ws, k, "continued") || sv_is(&ws, k, "cont.") || sv_is(&ws, k, "cont'd"))
        return (sv_is(&ws, k + 1, "on") || sv_is(&ws, k + 1, "from")) && sv_page_end(&ws, k + 2);
    if (sv_is(&ws, k, "from"))
        return (slugs || sv_is(&ws, k + 1, "page")) && sv_page_end(&ws, k + 1);
    if (slugs)
        return false;
    if (sv_is(&ws, 0, "please"))
        k = 1;
    if (sv_is(&ws, k, "see") || sv_is(&ws, k, "jump") || sv_is(&ws, k, "jump:")) {
        size_t m = k + 1;
        if (sv_is(&ws, m, "to"))
            m++;
        size_t first = m;
        while (m < first + 2 && sv_slug(&ws, m))
            m++;
        if (m == first)
            return false;
        if (sv_is(&ws, m, "on"))
            m++;
        return sv_page_end(&ws, m);
    }
    return false;
}

/* "Page 2 of 5": a printed page's counter. */
static bool
page_counter(const char *s, size_t n)
{
    struct sv_words ws;
    return n <= 20 && sv_split(s, n, &ws) && ws.n == 4 && sv_is(&ws, 0, "page") &&
           sv_is(&ws, 2, "of") && sv_page_ref(&ws, 1) && sv_page_ref(&ws, 3);
}

/* ---- fields of a printed page's header or footer -------------------------------- */

/* The next field of s from *i: text up to a gap of three spaces or more. */
static bool
next_field(const char *s, size_t n, size_t *i, const char **f, size_t *fl)
{
    size_t a = *i;
    while (a < n && s[a] == ' ')
        a++;
    if (a >= n)
        return false;
    size_t e = a;
    while (e < n && !(e + 2 < n && s[e] == ' ' && s[e + 1] == ' ' && s[e + 2] == ' '))
        e++;
    *f = s + a;
    *fl = e - a;
    *i = e;
    return true;
}

/* A field that marks a page, not a text: a folio ("17", "A6"), a page
 * counter, an address, a date or time in figures ("3/14/25, 9:02 AM"). */
static bool
page_mark(const char *f, size_t fl)
{
    size_t digits = 0, letters = 0;
    bool sep = false;
    for (size_t i = 0; i < fl; i++) {
        digits += sv_digit(f[i]);
        letters += sv_alpha(f[i]);
        sep = sep || ((f[i] == '/' || f[i] == ':') && i && sv_digit(f[i - 1]));
    }
    if (fl <= 4 && digits && digits + letters == fl && letters <= 1)
        return true;
    if (page_counter(f, fl) || ing_istarts(f, fl, "page ") || ing_ifind(f, fl, "://") ||
        ing_istarts(f, fl, "www."))
        return true;
    return sep && fl <= 30;
}

/* A line of two to five fields set apart by wide gaps, one of them a
 * page mark; *counter is set when one is "Page N of M". */
static bool
field_line(const char *s, size_t n, bool *counter)
{
    if (n > 200 || !ing_ifind(s, n, "   "))
        return false;
    const char *f;
    size_t fl, i = 0, fields = 0;
    bool mark = false;
    *counter = false;
    while (next_field(s, n, &i, &f, &fl)) {
        fields++;
        *counter = *counter || page_counter(f, fl);
        mark = mark || page_mark(f, fl);
    }
    return fields >= 2 && fields <= 5 && mark;
}

/* The words of a line with letters in them, lower-cased, as one value
 * whatever their order and numbers ("Spring 2025 | QUARTERLY 17" and
 * "18 QUARTERLY | Spring 2025" are the same); *words gets their count. */
static uint64_t
letter_key(const char *s, size_t n, size_t *words)
{
    uint64_t key = 0;
    *words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        uint64_t h = 1469598103934665603ull;
        bool letters = false;
        for (; i < n && s[i] != ' '; i++) {
            char c = s[i];
            if (sv_digit(c))
                continue; /* the folio and the date change from page to page */
            if (sv_upper(c))
                c = (char)(c - 'A' + 'a');
            letters = letters || sv_alpha(c) || (unsigned char)c >= 0x80;
            h = (h ^ (unsigned char)c) * 1099511628211ull;
        }
        if (letters) {
            key += h * 2654435761ull + (h >> 29);
            (*words)++;
        }
    }
    return key;
}

/* A line's key and index, sorted by key to find the repeated ones. */
struct keyed_line {
    uint64_t key;
    size_t i;
};

static int
keyed_cmp(const void *a, const void *b)
{
    uint64_t x = ((const struct keyed_line *)a)->key, y = ((const struct keyed_line *)b)->key;
    return x < y ? -1 : x > y;
}

/* A printed page's header or footer repeated on every page with its
 * numbers changed: every copy goes, the first too (ing_drop_duplicates
 * keeps the first of identical lines). Told by repetition, so a table's
 * row seen once stays. */
static void
drop_page_fields(struct ing_doc *d)
{
    if (d->structured)
        return; /* a page's markup has no printed page's fields */
    size_t cand = 0;
    struct keyed_line *kl = NULL;
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        bool counter, dropped = l->why != NULL;
        size_t words;
        if (l->blank || !field_line(l->t, l->tl, &counter))
            continue;
        if (counter && !dropped) {
            l->why = "page"; /* "... Page 2 of 5": a printed page's foot */
            continue;
        }
        uint64_t key = letter_key(l->t, l->tl, &words);
        if (words < 2)
            continue;
        if (!kl)
            kl = xcalloc(d->n, sizeof *kl);
        kl[cand++] = (struct keyed_line){key, i};
    }
    if (cand >= 2) {
        qsort(kl, cand, sizeof *kl, keyed_cmp);
        for (size_t k = 0; k < cand; k++) {
            bool twice = (k > 0 && kl[k - 1].key == kl[k].key) ||
                         (k + 1 < cand && kl[k + 1].key == kl[k].key);
            if (twice && ing_is_content(&d->lines[kl[k].i]))
                d->lines[kl[k].i].why = "page";
        }
    }
    free(kl);
}

/* ---- a mailing's shell ----------------------------------------------------------- */

/* "View this email in your browser", "Open in browser", "View it
 * online", "Read the web version". */
static bool
browser_view(const char *s, size_t n)
{
    static const char *const verbs[] = {"view ", "open ", "read ", "see "};
    bool verb = false;
    for (size_t k = 0; k < DS_ARRAY_LEN(verbs) && !verb; k++)
        verb = ing_istarts(s, n, verbs[k]);
    if (!verb)
        return false;
    while (n && (s[n - 1] == '.' || s[n - 1] == '!'))
        n--;
    return ing_ifind(s, n, " browser") || (n > 7 && ing_ieq(s + n - 7, 7, " online")) ||
           ing_ifind(s, n, "web version");
}

/* The shapes of a mailing's shell, cheapest tests first; the caller
 * checks that the line is no quote or reported speech. */
static bool
shell_shape(const char *s, size_t n)
{
    static const char *const why_sent[] = {
        "you are receiving", "you're receiving", "you received this", "you are getting this",
        "you're getting this", "you are subscribed", "you're subscribed", "subscribed as ",
        "this email was sent to", "this e-mail was sent to", "you signed up for"};
    for (size_t k = 0; k < DS_ARRAY_LEN(why_sent); k++)
        if (ing_istarts(s, n, why_sent[k]))
            return ing_count_words_max(s, n, 31) <= 30;
    if (n > 120 || ing_count_words_max(s, n, 15) > 14)
        return false;
    if (browser_view(s, n))
        return true;
    static const char *const share[] = {"share this email",   "share this e-mail",
                                        "share this newsletter", "share this release",
                                        "share this story",   "share this post"};
    for (size_t k = 0; k < DS_ARRAY_LEN(share); k++)
        if (ing_istarts(s, n, share[k])) {
            /* alone, or its link after a colon ("Share this email: URL") */
            size_t i = strlen(share[k]);
            if (i < n && s[i] == ':')
                i++;
            while (i < n && s[i] == ' ')
                i++;
            return i == n || !memchr(s + i, ' ', n - i);
        }
    if (ing_istarts(s, n, "presented by ") || ing_istarts(s, n, "brought to you by "))
        return ing_count_words_max(s, n, 9) <= 8;
    if (ing_ifind(s, n, "forward"))
        return ing_ifind(s, n, " friend") || ing_ifind(s, n, " colleague") ||
               ing_ifind(s, n, "forwarded to you") || ing_ifind(s, n, "forwarded this");
    if (ing_ifind(s, n, "unsubscribe") || ing_ifind(s, n, "stop receiving"))
        return true;
    static const char *const prefs[] = {"update your preferences", "manage your preferences",
                                        "email preferences",       "e-mail preferences",
                                        "update preferences"};
    static const char *const subs[] = {"manage your subscription", "manage subscription"};
    size_t len;
    return (ing_ifind(s, n, "preferences") &&
            ing_ifind_first(s, n, prefs, DS_ARRAY_LEN(prefs), &len)) ||
           (ing_ifind(s, n, "subscription") &&
            ing_ifind_first(s, n, subs, DS_ARRAY_LEN(subs), &len));
}

/* A mailing's shell around its stories: how to see it, forward it, stop
 * it or share it, why it came, who paid for it. */
static bool
mailing_shell(const char *s, size_t n)
{
    return n <= 240 && shell_shape(s, n) && !sv_quotes(s, n) && !ing_has_speech_verb(s, n);
}

/* "By subscribing you accept our privacy notice.", "By signing up, you
 * agree to our Terms": a sign-up form's consent line. */
static bool
signup_consent(const char *s, size_t n)
{
    static const char *const opens[] = {"by subscribing", "by signing up", "by registering",
                                        "by entering your email", "by clicking sign up",
                                        "by submitting your email"};
    static const char *const agree[] = {"agree", "accept", "consent", "acknowledge"};
    size_t len;
    if (n > 300 || !ing_istarts(s, n, "by ") || ing_count_words_max(s, n, 41) > 40)
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(opens); k++)
        if (ing_istarts(s, n, opens[k]))
            return ing_ifind_first(s, n, agree, DS_ARRAY_LEN(agree), &len) != NULL;
    return false;
}

/* "Type your email…", "Enter your email address", "Your email": a form
 * field's placeholder. */
static bool
email_field(const char *s, size_t n)
{
    while (n && (s[n - 1] == '.' || s[n - 1] == ' '))
        n--;
    if (n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0)
        n -= 3;
    size_t i = 0;
    if (ing_istarts(s, n, "type ") || ing_istarts(s, n, "enter "))
        i = s[0] == 't' || s[0] == 'T' ? 5 : 6;
    if (ing_istarts(s + i, n - i, "your "))
        i += 5;
    return ing_ieq(s + i, n - i, "email") || ing_ieq(s + i, n - i, "email address") ||
           ing_ieq(s + i, n - i, "e-mail") || ing_ieq(s + i, n - i, "e-mail address");
}

/* A sign-up box whose button went with the page's markup: above its
 * consent line or e-mail field, a blurb that says when it comes ("...,
 * every Thursday morning.") and a short heading over it. */
static void
signup_card_above(struct ing_doc *d, size_t i)
{
    static const char *const cadence[] = {"every ", "daily", "weekly", "weekday", "inbox",
                                          "delivered", "morning", "evening"};
    size_t len;
    struct ing_doc_line *blurb = NULL;
    while (i-- > 0) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank || (l->why && strcmp(l->why, "newsletter") == 0))
            continue;
        blurb = ing_is_content(l) ? l : NULL;
        break;
    }
    if (!blurb || ing_count_words_max(blurb->t, blurb->tl, 26) > 25 ||
        ing_has_speech_verb(blurb->t, blurb->tl) || sv_quotes(blurb->t, blurb->tl) ||
        !ing_ifind_first(blurb->t, blurb->tl, cadence, DS_ARRAY_LEN(cadence), &len))
        return;
    blurb->why = "newsletter";
    struct ing_doc_line *head = ing_doc_prev(d, (size_t)(blurb - d->lines));
    if (head && ing_is_content(head) && ing_count_words_max(head->t, head->tl, 6) <= 5 &&
        !ing_ends_with_any(head->t, head->tl, ".!?:,;\""))
        head->why = "newsletter";
}

/* "Newer Post Older Post Home", "« Previous | Next »": a blog's pager,
 * nothing but its words. */
static bool
pager_line(const char *s, size_t n)
{
    static const char *const words[] = {"newer", "older", "post", "posts", "home", "next",
                                        "previous", "prev", "entries", "page", "\xc2\xab",
                                        "\xc2\xbb", "\xe2\x86\x90", "\xe2\x86\x92", "|"};
    if (n > 60)
        return false;
    size_t found = 0, dir = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t e = i;
        while (e < n && s[e] != ' ')
            e++;
        if (e == i)
            break;
        if (!ing_ieq_any(s + i, e - i, words, DS_ARRAY_LEN(words)))
            return false;
        found++;
        dir += ing_ieq(s + i, e - i, "newer") || ing_ieq(s + i, e - i, "older") ||
               ing_ieq(s + i, e - i, "next") || ing_ieq(s + i, e - i, "previous");
        i = e;
    }
    return found >= 3 && dir >= 2;
}

/* "Powered by X": a platform's credit in at most four words. */
static bool
powered_by(const char *s, size_t n)
{
    return ing_istarts(s, n, "powered by ") && ing_count_words_max(s, n, 5) <= 4 &&
           !ing_ends_with_any(s, n, ".!?\"");
}

/* "-- Agence France-Presse" as the last line: an agency's sign-off. */
static void
dash_signoff(struct ing_doc *d)
{
    for (size_t i = d->n; i-- > 0;) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank || !ing_is_content(l))
            continue;
        const char *name;
        size_t nl;
        if (!ing_istarts(l->t, l->tl, "- ") && l->tl <= 60 &&
            ing_dash_trailer(l->t, l->tl, &name, &nl) &&
            (outlets_match(d->outlets, name, nl) || ing_outlet_like(name, nl, true)))
            l->why = "signoff";
        return;
    }
}

/* ---- counts ---------------------------------------------------------------------- */

/* Length of the pictograph at s (hearts, stars, dingbats, emoji and
 * their selectors), or 0; arrows, box-drawing and table rules are not. */
static size_t
pictograph_len(const unsigned char *s, size_t n)
{
    if (n >= 3 && s[0] == 0xe2 && s[1] >= 0x98 && s[1] <= 0x9e)
        return 3; /* U+2600-U+27BF: symbols and dingbats (♡, ★, ✉) */
    if (n >= 3 && s[0] == 0xe2 && s[1] >= 0xac && s[1] <= 0xaf)
        return 3; /* U+2B00-U+2BFF: stars and shapes (⭐) */
    if (n >= 3 && s[0] == 0xef && s[1] == 0xb8 && s[2] == 0x8f)
        return 3; /* variation selector after one */
    if (n >= 4 && s[0] == 0xf0 && s[1] == 0x9f)
        return 4; /* U+1F000-U+1FFFF: emoji */
    return 0;
}

/* Length of a separator between counts (" · ", "•", "|"), or 0. */
static size_t
count_separator(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xc2 && s[1] == 0xb7)
        return 2;
    if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] == 0xa2)
        return 3;
    return s[0] == ' ' || s[0] == '|' ? 1 : 0;
}

/* "👏 93 · 💬 12", "👍 38😮 6", "💬 208 comments", "♡ 212": a row of
 * reaction and comment counts. */
static bool
reaction_counts(const char *s, size_t n)
{
    static const char *const words[] = {"comments", "comment", "likes", "reactions", "replies",
                                        "shares"}; /* "💬 208 comments" */
    if (n > 80 || sv_alpha(s[0]))
        return false; /* counts open with a number or a pictograph */
    const unsigned char *u = (const unsigned char *)s;
    size_t numbers = 0, symbols = 0;
    for (size_t i = 0; i < n;) {
        size_t sl = pictograph_len(u + i, n - i), sep = count_separator(u + i, n - i);
        if (sl) {
            symbols++;
            i += sl;
        } else if (sep) {
            i += sep;
        } else if (sv_digit(s[i])) {
            numbers++;
            while (i < n && (sv_digit(s[i]) || s[i] == ',' || s[i] == '.'))
                i++;
            if (i < n && (s[i] == 'K' || s[i] == 'k' || s[i] == 'M'))
                i++;
        } else {
            size_t e = i;
            while (e < n && s[e] != ' ')
                e++;
            if (!ing_ieq_any(s + i, e - i, words, DS_ARRAY_LEN(words)) || !numbers)
                return false;
            symbols++;
            i = e;
        }
    }
    return numbers && symbols && numbers <= 6;
}

/* ---- a release service's lines --------------------------------------------------- */

/* "SOURCE Harbor Lane Foods, Inc.": the service's closing credit of the
 * issuer, the word in capitals and a name after it. */
static bool
source_credit(const char *s, size_t n)
{
    if (n < 9 || n > 100 || memcmp(s, "SOURCE ", 7) != 0 || !sv_upper(s[7]))
        return false;
    static const char *const small[] = {"of", "and", "&", "the", "for", "de", "du", "la", "et",
                                        "y", "-", "\xe2\x80\x93"};
    size_t words = 0;
    for (size_t i = 7; i < n;) {
        size_t e = i;
        while (e < n && s[e] != ' ')
            e++;
        if (!sv_upper(s[i]) && !sv_digit(s[i]) && !ing_ieq_any(s + i, e - i, small, DS_ARRAY_LEN(small)))
            return false;
        if (++words > 8)
            return false;
        i = e;
        while (i < n && s[i] == ' ')
            i++;
    }
    return true;
}

/* "Media contact: Jo Roe, 555-0142, jo@x.com": a contact label, then the
 * way to reach someone on the same line. */
static bool
contact_line(const char *s, size_t n)
{
    static const char *const labels[] = {
        "contact",          "contacts",          "media contact",     "media contacts",
        "press contact",    "press contacts",    "investor contact",  "investor contacts",
        "media inquiries",  "media enquiries",   "press inquiries",   "for more information",
        "for further information"};
    const char *c = memchr(s, ':', n);
    if (!c || n > 240 || !ing_ieq_any(s, (size_t)(c - s), labels, DS_ARRAY_LEN(labels)))
        return false;
    return sv_reachable(c, n - (size_t)(c - s)) && ing_count_words_max(s, n, 26) <= 25 &&
           !ing_has_speech_verb(s, n);
}

static const char *
service_line(const char *s, size_t n)
{
    if (n <= 20) {
        size_t m = n;
        while (m && (s[m - 1] == ':' || s[m - 1] == ' '))
            m--;
        if (ing_ieq(s, m, "news provided by"))
            return "release";
    }
    if (source_credit(s, n))
        return "release";
    if (ing_istarts(s, n, "view original content") || ing_istarts(s, n, "view source version")) {
        /* "View source version on x.com: URL": words before the link */
        const char *url = ing_ifind(s, n, "http");
        return ing_count_words_max(s, url ? (size_t)(url - s) : n, 11) <= 10 ? "release" : NULL;
    }
    if (contact_line(s, n))
        return "contact";
    return NULL;
}

/* "NEWS PROVIDED BY" / "Harbor Lane Foods, Inc.": the issuer's name under
 * the service's label. */
static void
issuer_under(struct ing_doc *d, size_t i)
{
    struct ing_doc_line *l = ing_doc_next(d, i);
    if (l && ing_is_content(l) && ing_count_words_max(l->t, l->tl, 7) <= 6 &&
        !ing_ends_with_any(l->t, l->tl, "!?\"") && !ing_is_prose(l->t, l->tl, 4))
        l->why = "release";
}

/* Is there a sentence of the text after line i (a content line of eight
 * words or more)? */
static bool
text_follows(const struct ing_doc *d, size_t i)
{
    for (size_t j = i; j < d->n; j++) {
        const struct ing_doc_line *l = &d->lines[j];
        if (ing_is_content(l) && ing_count_words_max(l->t, l->tl, 8) >= 8)
            return true;
    }
    return false;
}

/* "About Harbor Lane" over "Harbor Lane Ltd repairs engines in 14
 * countries. ...": the issuer's standing description in a release's tail.
 * The paragraph opens with the heading's first name word and no sentence
 * of the text follows the block (contacts, credits and links may). */
static void
tail_about(struct ing_doc *d, size_t i)
{
    struct ing_doc_line *h = &d->lines[i];
    if (h->tl < 8 || h->tl > 60 || !ing_istarts(h->t, h->tl, "about ") || !sv_upper(h->t[6]) ||
        ing_count_words_max(h->t, h->tl, 8) > 7 || ing_ends_with_any(h->t, h->tl, ".!?\""))
        return;
    const char *name = h->t + 6;
    size_t nl = strcspn(name, " ,");
    if (nl > h->tl - 6)
        nl = h->tl - 6;
    if (ing_ieq(name, nl, "the") || ing_ieq(name, nl, "this") || ing_ieq(name, nl, "our"))
        return; /* "About the author", "About this story": other rules' */
    size_t j = i + 1, paras = 0;
    for (; j < d->n && paras < 3; j++) {
        struct ing_doc_line *l = &d->lines[j];
        if (l->blank)
            continue;
        if (!ing_is_content(l))
            break;
        if (!paras && (l->tl < nl || memcmp(l->t, name, nl) != 0))
            return;
        if (ing_has_speech_verb(l->t, l->tl) || sv_quotes(l->t, l->tl) ||
            ing_count_words_max(l->t, l->tl, 121) > 120 ||
            (paras && ing_count_words_max(l->t, l->tl, 8) < 8))
            break;
        paras++;
    }
    if (!paras || text_follows(d, j))
        return;
    h->why = "release";
    for (size_t k = i + 1; k < j; k++)
        if (ing_is_content(&d->lines[k]))
            d->lines[k].why = "release";
}

/* See lib.h. */
void
ing_drop_service_lines(struct ing_doc *d)
{
    drop_page_fields(d);
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->why && l->tl <= 20 && service_line(l->t, l->tl))
            issuer_under(d, i); /* the label taken by another pass: its issuer still goes */
        if (!ing_is_content(l) || l->tl > 300)
            continue;
        const char *why = service_line(l->t, l->tl);
        if (!why && jump_line(l->t, l->tl))
            why = "jump";
        if (!why && page_counter(l->t, l->tl))
            why = "page";
        if (!why && mailing_shell(l->t, l->tl))
            why = "newsletter";
        if (!why && (signup_consent(l->t, l->tl) || email_field(l->t, l->tl))) {
            l->why = "newsletter";
            signup_card_above(d, i);
            continue;
        }
        if (!why && reaction_counts(l->t, l->tl))
            why = "counter";
        if (!why && pager_line(l->t, l->tl))
            why = "pager";
        /* in a page's markup "Powered by X" is a widget's, kept with the
         * widget (a calculator in the story, as Readability keeps it); in a
         * copy as text it is the page's footer */
        if (!why && !d->structured && powered_by(l->t, l->tl))
            why = "credit";
        if (why) {
            l->why = why;
            if (strcmp(why, "release") == 0 && l->tl <= 20)
                issuer_under(d, i);
            continue;
        }
        tail_about(d, i);
    }
    dash_signoff(d);
    ing_drop_app_lines(d);
    ing_drop_thread_lines(d);
    ing_drop_saver_lines(d);
    ing_drop_zones(d);
}
