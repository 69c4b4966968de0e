/*
 * ingest/clean_tails.c — furniture that only its place in the document
 * tells from text, looked for after the metadata passes have read the
 * lines they use (a copyright line names the outlet, a record's fields its
 * date): copyright notices anywhere in the text, a press release's
 * boilerplate blocks ("About X" and its self-description, a
 * forward-looking-statements disclaimer, "Media contact" blocks), a news
 * database's field blocks ("Subject: ...; Publication title: ...;
 * Language: ..."), a paid post's headline under its "Sponsored" label, and
 * a writer's biography among the last lines ("Jane Roe covers housing for
 * The X."). Each block is recognised by its heading or its first line and
 * the shape of what follows, never by a name; a sentence that reports
 * speech is never part of one.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "lib.h"

static bool
is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool
is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool
quotes(const struct ing_doc_line *l)
{
    return memchr(l->t, '"', l->tl) || ing_ifind(l->t, l->tl, "\xe2\x80\x9c");
}

/* A heading: a short content line (at most max words) with no full stop
 * at its end. */
static bool
heading_like(const struct ing_doc_line *l, int max)
{
    return ing_is_content(l) && ing_count_words_max(l->t, l->tl, max + 1) <= max &&
           !ing_ends_with_any(l->t, l->tl, ".!?\"");
}

/* ---- copyright notices -------------------------------------------------------- */

/* "© 2024 X. All rights reserved.", "Copyright 2024 X", "(c) 2024 X":
 * not "Copyright law protects ...", which goes on in lower case. */
static bool
copyright_notice(const struct ing_doc_line *l)
{
    const char *s = l->t;
    size_t n = l->tl;
    if (!ing_is_copyright_line(s, n) || ing_count_words_max(s, n, 61) > 60 ||
        ing_has_speech_verb(s, n))
        return false;
    if (ing_ifind(s, n, "all rights reserved"))
        return true;
    if (!ing_istarts(s, n, "copyright"))
        return true; /* "©", "(c) " */
    size_t i = 9;
    while (i < n && (s[i] == ' ' || s[i] == ':'))
        i++;
    return i < n && !is_lower(s[i]);
}

/* ---- press releases ------------------------------------------------------------ */

/* Does the paragraph describe an issuer ("X, Inc. is a ...", "X develops
 * ...", "(NASDAQ: X)", "founded in")? */
static bool
self_description(const struct ing_doc_line *l)
{
    static const char *const signs[] = {" is a ", " is an ", " is the ", " develops ", " provides ",
                                        " operates ", " owns ", "founded in", "headquartered",
                                        "(nasdaq", "(nyse", "(tsx", "(lse", "(asx",
                                        "for more information, visit", "learn more at"};
    size_t len;
    return !ing_has_speech_verb(l->t, l->tl) &&
           ing_ifind_first(l->t, l->tl, signs, DS_ARRAY_LEN(signs), &len) != NULL;
}

/* "About Harbor Lane Foods" over "Harbor Lane Foods, Inc. is a ...": the
 * issuer's standing description, the same on every release it sends. The
 * heading and the paragraphs under it (up to the next heading) go. */
static size_t
about_block(struct ing_doc *d, size_t i)
{
    struct ing_doc_line *h = &d->lines[i];
    if (!ing_istarts(h->t, h->tl, "about ") || h->tl < 8 || !is_upper(h->t[6]) ||
        !heading_like(h, 7))
        return 0;
    const char *name = h->t + 6;
    size_t nl = strcspn(name, " ,");
    if (nl > h->tl - 6)
        nl = h->tl - 6;
    struct ing_doc_line *first = ing_doc_next(d, i);
    if (!first || !ing_is_content(first) || first->tl < nl ||
        memcmp(first->t, name, nl) != 0 || !self_description(first))
        return 0;
    size_t j = i + 1;
    h->why = "release";
    for (; j < d->n; j++) {
        struct ing_doc_line *l = &d->lines[j];
        if (l->blank || !ing_is_content(l))
            continue;
        if (heading_like(l, 8) || ing_has_speech_verb(l->t, l->tl))
            break;
        l->why = "release";
    }
    return j - i;
}

/* A forward-looking-statements or safe-harbor disclaimer: legal text
 * about every statement of the release, nothing of its news. */
static bool
disclaimer_text(const struct ing_doc_line *l)
{
    static const char *const legal[] = {"within the meaning",     "undue reliance",
                                        "no obligation",          "any obligation",
                                        "differ materially",      "risks and uncertainties",
                                        "safe harbor",            "not historical facts",
                                        "subject to risks",       "forward-looking statement"};
    size_t len;
    return ing_is_content(l) && memchr(l->t, '-', l->tl) &&
           ing_ifind(l->t, l->tl, "forward-looking") &&
           ing_ifind_first(l->t, l->tl, legal, DS_ARRAY_LEN(legal), &len) &&
           ing_count_words_max(l->t, l->tl, 401) <= 400 && !quotes(l) &&
           !ing_has_speech_verb(l->t, l->tl);
}

/* "X provides this news content "as is" without warranty of any kind.":
 * a distributor's disclaimer of the release as a whole. */
static bool
release_disclaimer(const struct ing_doc_line *l)
{
    return l->tl <= 400 && ing_ifind(l->t, l->tl, "without warranty") &&
           (ing_ifind(l->t, l->tl, "this release") || ing_ifind(l->t, l->tl, "content")) &&
           !ing_has_speech_verb(l->t, l->tl);
}

static bool
disclaimer_heading(const struct ing_doc_line *l)
{
    return heading_like(l, 8) &&
           (ing_ifind(l->t, l->tl, "forward-looking") || ing_ifind(l->t, l->tl, "safe harbor") ||
            ing_istarts(l->t, l->tl, "cautionary note") ||
            ing_istarts(l->t, l->tl, "cautionary statement") ||
            ing_istarts(l->t, l->tl, "legal disclaimer") || ing_ieq(l->t, l->tl, "disclaimer:") ||
            ing_ieq(l->t, l->tl, "disclaimer"));
}

/* The heading of a release's contact block ("Media Contact:", "Contacts",
 * "Investor Relations", "For more information, contact:"). */
static bool
contact_heading(const struct ing_doc_line *l)
{
    static const char *const heads[] = {
        "media contact",  "media contacts", "press contact", "press contacts", "contact",
        "contacts",       "media",          "investors",     "investor contact",
        "investor contacts", "media relations", "investor relations", "press office",
        "media inquiries", "media enquiries", "for more information, contact",
        "for more information contact", "for further information, contact",
        "for further information", "contact information", "press inquiries"};
    size_t n = l->tl;
    if (n > 40)
        return false;
    while (n && (l->t[n - 1] == ':' || l->t[n - 1] == ' '))
        n--;
    return ing_is_content(l) && ing_ieq_any(l->t, n, heads, DS_ARRAY_LEN(heads));
}

/* Does the line hold a phone number (seven digits or more) or an e-mail
 * address? */
static bool
reachable(const char *s, size_t n)
{
    size_t digits = 0;
    for (size_t i = 0; i < n; i++)
        digits += s[i] >= '0' && s[i] <= '9';
    const char *at = memchr(s, '@', n);
    return digits >= 7 || (at && at > s && at + 1 < s + n && at[1] != ' ');
}

/* "Media Contact:" / "Jordan Ames" / "(916) 555-0142" / "media@x.com": the
 * heading and the short lines under it (names, roles, numbers, addresses,
 * more contact headings), when one of them is a number or an address. */
static size_t
contact_block(struct ing_doc *d, size_t i)
{
    if (!contact_heading(&d->lines[i]))
        return 0;
    size_t j = i + 1, blanks = 0;
    bool reach = false;
    for (; j < d->n && blanks < 2; j++) {
        struct ing_doc_line *l = &d->lines[j];
        if (l->blank) {
            blanks++;
            continue;
        }
        blanks = 0;
        if (!ing_is_content(l))
            continue;
        bool r = reachable(l->t, l->tl);
        if (!r && !contact_heading(l) &&
            (ing_count_words_max(l->t, l->tl, 9) > 8 || ing_ends_with_any(l->t, l->tl, ".!?\":")))
            break; /* a sentence, or another section's label ("Legal Disclaimer:") */
        reach = reach || r;
    }
    if (!reach)
        return 0;
    for (size_t k = i; k < j; k++)
        if (ing_is_content(&d->lines[k]))
            d->lines[k].why = "contact";
    return j - i;
}

/* ---- database records ---------------------------------------------------------- */

/* "Publication title: X" → the key's length when it is a record key. */
static bool
record_key(const struct ing_doc_line *l, bool *known)
{
    const char *c = memchr(l->t, ':', l->tl);
    if (!c || c == l->t || !is_upper(l->t[0]) || (size_t)(c - l->t) > 40 ||
        c + 1 >= l->t + l->tl || ing_count_words_max(l->t, (size_t)(c - l->t), 5) > 4)
        return false;
    *known = ing_is_record_key(l->t, (size_t)(c - l->t), ING_RK_BLOCK) ||
             ing_ifind(l->t, (size_t)(c - l->t), "document id");
    return true;
}

/* A run of three or more "Key: value" lines (blank lines between allowed),
 * two of them a record's keys: the record's fields under or above the
 * text; a "Classification" or "Details" heading just above goes too. */
static size_t
record_block(struct ing_doc *d, size_t i)
{
    size_t j = i, fields = 0, known_n = 0;
    for (; j < d->n; j++) {
        struct ing_doc_line *l = &d->lines[j];
        if (l->blank || !ing_is_content(l))
            continue;
        bool known = false;
        if (!record_key(l, &known) || l->tl > 300)
            break;
        fields++;
        known_n += known;
    }
    if (fields < 3 || known_n < 2)
        return 0;
    for (size_t k = i; k < j; k++)
        if (ing_is_content(&d->lines[k]))
            d->lines[k].why = "record";
    struct ing_doc_line *above = ing_doc_prev(d, i);
    if (above && ing_is_content(above) &&
        (ing_ieq(above->t, above->tl, "classification") || ing_ieq(above->t, above->tl, "details")))
        above->why = "record";
    return j - i;
}

/* ---- sponsored cards and biographies ------------------------------------------- */

/* "Sponsored" / "Open a savings account in minutes": the paid post's
 * headline under its label. */
static void
sponsored_card(struct ing_doc *d, size_t i)
{
    static const char *const labels[] = {"sponsored", "sponsored content", "paid content",
                                         "paid post", "promoted", "promoted content",
                                         "partner content"};
    const struct ing_doc_line *h = &d->lines[i];
    if (!h->why || !ing_ieq_any(h->t, h->tl, labels, DS_ARRAY_LEN(labels)))
        return;
    struct ing_doc_line *l = ing_doc_next(d, i);
    if (l && heading_like(l, 14) && ing_count_words_max(l->t, l->tl, 3) >= 3 && !quotes(l))
        l->why = "sponsored";
}

/* "Jane Roe", "Ben Haldane", "Mary-Kate O'Neil": two or three capitalised
 * words opening s; the length, or 0. */
static size_t
name_opening(const char *s, size_t n)
{
    size_t i = 0;
    int words = 0;
    while (i < n && words < 3) {
        if (!is_upper(s[i]))
            break;
        size_t w = i + 1;
        while (w < n && (is_lower(s[w]) || s[w] == '-' || s[w] == '\'' || is_upper(s[w])))
            w++;
        if (w - i < 2 || (w < n && s[w] != ' '))
            break;
        words++;
        i = w + 1;
    }
    return words >= 2 ? i - 1 : 0;
}

/* "Jane Roe covers housing for The X.", "Jane Roe is a reporter at X.":
 * a writer's biography, a name then what they cover or their job. */
static bool
bio_shape(const struct ing_doc_line *l)
{
    static const char *const covers[] = {" covers ", " writes about ", " writes for ",
                                         " reports on ", " reports for ", " has covered ",
                                         " has written about ", " has written for ",
                                         " has reported on "};
    /* not " is the editor of ...", " is technology correspondent ...": a
     * closing line of a column that introduces its writer is text */
    static const char *const is[] = {" is a ", " is an "};
    static const char *const roles[] = {"reporter", "correspondent", "journalist", "columnist",
                                        "writer", "editor", "contributor", "freelance",
                                        "producer", "critic", "photographer", "author of"};
    size_t nl = name_opening(l->t, l->tl);
    if (!nl || ing_count_words_max(l->t, l->tl, 61) > 60 || quotes(l) ||
        ing_has_speech_verb(l->t, l->tl))
        return false;
    const char *r = l->t + nl;
    size_t rn = l->tl - nl, len;
    for (size_t k = 0; k < DS_ARRAY_LEN(covers); k++)
        if (ing_istarts(r, rn, covers[k]))
            return true;
    size_t stop = strcspn(r, ".");
    if (stop > rn)
        stop = rn;
    for (size_t k = 0; k < DS_ARRAY_LEN(is); k++)
        if (ing_istarts(r, rn, is[k]))
            return ing_ifind_first(r, stop, roles, DS_ARRAY_LEN(roles), &len) != NULL;
    return false;
}

/* A biography among the last three lines of the text. */
static void
drop_end_bio(struct ing_doc *d)
{
    size_t last[3], nlast = ing_last_content(d, 3, last);
    for (size_t j = 0; j < nlast; j++)
        if (bio_shape(&d->lines[last[j]]))
            d->lines[last[j]].why = "bio";
}

/* See lib.h. */
void
ing_drop_notices(struct ing_doc *d)
{
    bool prose = false; /* a paragraph of the text above */
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        sponsored_card(d, i);
        if (!ing_is_content(l))
            continue;
        size_t used = about_block(d, i);
        if (!used)
            used = contact_block(d, i);
        if (!used)
            used = record_block(d, i);
        if (used) {
            i += used - 1;
            continue;
        }
        /* "© 2003 Jane Roe" between an essay's title and its text is its
         * author's credit, a byline of sorts; a notice reserving rights is
         * furniture anywhere */
        if (copyright_notice(l) && (prose || ing_ifind(l->t, l->tl, "rights reserved")))
            l->why = "copyright";
        else if (ing_is_breadcrumb(l->t, l->tl))
            l->why = "breadcrumb";
        else if (disclaimer_heading(l) || disclaimer_text(l) || release_disclaimer(l))
            l->why = "disclaimer";
        prose = prose || (ing_is_content(l) && ing_is_prose(l->t, l->tl, 8));
    }
    drop_end_bio(d);
}
