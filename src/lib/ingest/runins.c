/*
 * ingest/runins.c — run-ins inside a paragraph: a related-story link
 * ("READ MORE: <headline>") or a credit ("(Reporting by ...; Editing by
 * ...)", "X contributed to this report.") that a page or a wire service ran
 * into the text instead of giving it a line of its own. Each is found by
 * the same shapes clean.c gives whole lines (ing_is_related_runin,
 * ing_is_credit), at a place where a run-in can sit: in parentheses or
 * brackets, after the last sentence of a line, or before the first one; and
 * a footnote's marker ("[^1]", "... against it.[1]"). The cut text goes to
 * the removed lines (`show --removed`) with its reason.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

static bool
rn_upper_or_digit(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c >= 0x80;
}

/* Does a headline follow the run-in prefix of s[0, n) (the word after its
 * colon capitalised, a digit or a quote)? */
static bool
rn_headline_follows(const char *s, size_t n)
{
    const char *colon = memchr(s, ':', n < 24 ? n : 24);
    if (!colon)
        return false;
    size_t i = (size_t)(colon - s) + 1;
    while (i < n && s[i] == ' ')
        i++;
    return i < n && rn_upper_or_digit((unsigned char)s[i]);
}

/* Does a sentence start at s[p] (p > 0): spaces before it, and before them
 * the end of a sentence (. ! ? or a closing quote or parenthesis)? */
static bool
rn_sentence_start(const char *s, size_t p)
{
    if (p == 0 || s[p - 1] != ' ' || !rn_upper_or_digit((unsigned char)s[p]))
        return false;
    size_t q = p;
    while (q > 0 && s[q - 1] == ' ')
        q--;
    if (q == 0)
        return false;
    char c = s[q - 1];
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')')
        return true;
    return q >= 3 && (unsigned char)s[q - 3] == 0xE2 && (unsigned char)s[q - 2] == 0x80 &&
           ((unsigned char)s[q - 1] == 0x9D || (unsigned char)s[q - 1] == 0x99);
}

/* The start of the spaces before s[p]. */
static size_t
rn_space_before(const char *s, size_t p)
{
    while (p > 0 && s[p - 1] == ' ')
        p--;
    return p;
}

/* Is s[a, b) one sentence (no sentence starts inside it)? */
static bool
rn_one_sentence(const char *s, size_t a, size_t b)
{
    for (size_t p = a + 1; p < b; p++)
        if (rn_sentence_start(s, p) && rn_space_before(s, p) > a)
            return false;
    return true;
}

/* Is the credit s[a, b) shaped like one inside a paragraph: one sentence,
 * a name after its "by" ("Reporting by Jane Doe", not "Compiled by an
 * eleven-year-old"), no clause after a comma ("..., the survey found")? */
static bool
rn_credit_shaped(const char *s, size_t a, size_t b)
{
    if (!rn_one_sentence(s, a, b))
        return false;
    const char *by = ing_ifind(s + a, b - a < 48 ? b - a : 48, "by ");
    if (by && !(by[3] >= 'A' && by[3] <= 'Z'))
        return false;
    for (size_t i = a; i + 2 < b; i++)
        if (s[i] == ',' && s[i + 1] == ' ' && s[i + 2] >= 'a' && s[i + 2] <= 'z' && by)
            return false;
    return true;
}

/* Could s[a, b) be a run-in at all: a colon near its start (a related
 * link's prefix), a credit's first word, or a credit's "contributed" near
 * its end? Cheap, so most sentences cost no more than this. */
static bool
rn_maybe(const char *s, size_t a, size_t b)
{
    static const char *const firsts[] = {"reporting ", "additional ", "with ", "writing ",
                                         "editing ", "edited ", "compiled ", "contributing",
                                         "graphics ", "research ", "- additional", "-additional"};
    size_t n = b - a;
    if (memchr(s + a, ':', n < 24 ? n : 24))
        return true;
    for (size_t i = 0; i < DS_ARRAY_LEN(firsts); i++)
        if (ing_istarts(s + a, n, firsts[i]))
            return true;
    size_t tail = n < 40 ? n : 40;
    return ing_ifind(s + b - tail, tail, "contributed") != NULL;
}

/* What s[a, b) is as a run-in: "related", "credit" or NULL. */
static const char *
rn_kind(const char *s, size_t a, size_t b)
{
    if (!rn_maybe(s, a, b))
        return NULL;
    if (ing_is_credit(s + a, b - a) && rn_credit_shaped(s, a, b))
        return "credit";
    if (ing_is_related_runin(s + a, b - a) && rn_headline_follows(s + a, b - a))
        return "related";
    return NULL;
}

/* A run-in in parentheses or brackets: "(READ MORE: <headline>)",
 * "[Related: <headline>]", "(Reporting by ...)". */
static const char *
rn_bracketed(const char *s, size_t n, size_t *a, size_t *b)
{
    for (size_t i = 0; i < n; i++) {
        if ((s[i] != '(' && s[i] != '[') || (i > 0 && s[i - 1] != ' '))
            continue;
        char close = s[i] == '(' ? ')' : ']';
        size_t j = i + 1;
        while (j < n && j < i + 400 && s[j] != close && s[j] != '(' && s[j] != '[')
            j++;
        if (j >= n || s[j] != close || j == i + 1)
            continue;
        const char *why = !rn_maybe(s, i + 1, j) ? NULL
                          : close == ')' && ing_is_credit(s + i, j + 1 - i) &&
                                  rn_credit_shaped(s, i + 1, j)
                              ? "credit"
                              : rn_kind(s, i + 1, j);
        if (why) {
            *a = rn_space_before(s, i);
            *b = j + 1;
            return why;
        }
        i = j;
    }
    return NULL;
}

/* A run-in after the last sentence of the line: the first sentence start
 * from which the rest of the line is a run-in. */
static const char *
rn_tail(const char *s, size_t n, size_t *a, size_t *b)
{
    for (size_t p = n > 400 ? n - 400 : 1; p < n; p++) {
        if (!rn_sentence_start(s, p))
            continue;
        const char *why = rn_kind(s, p, n);
        if (why) {
            *a = rn_space_before(s, p);
            *b = n;
            return why;
        }
    }
    return NULL;
}

/* A related-story run-in opening the line, ended by a full stop before the
 * text goes on: "Related: <headline>. The text ...". */
static const char *
rn_head(const char *s, size_t n, size_t *a, size_t *b)
{
    if (!memchr(s, ':', n < 24 ? n : 24))
        return NULL;
    for (size_t p = 1; p < n && p < 300; p++) {
        if (!rn_sentence_start(s, p))
            continue;
        size_t e = rn_space_before(s, p);
        if (s[e - 1] != '.' || !ing_is_related_runin(s, e - 1) || !rn_headline_follows(s, e - 1))
            return NULL;
        *a = 0;
        *b = p;
        return "related";
    }
    return NULL;
}

/* A wire's end mark run into the last paragraph: "... to the year.
 * Enditem". */
static const char *
rn_end_mark(const char *s, size_t n, size_t *a, size_t *b)
{
    static const char mark[] = " enditem";
    size_t k = sizeof mark - 1;
    if (n <= k + 1 || !ing_ieq(s + n - k, k, mark) || !strchr(".!?\"'", s[n - k - 1]))
        return NULL;
    *a = n - k;
    *b = n;
    return "signoff";
}

/* Does a sentence's punctuation or a closing quote end s[0, i)? */
static bool
rn_after_punct(const char *s, size_t i)
{
    if (i == 0)
        return false;
    if (strchr(".,;:!?\"')", s[i - 1]))
        return true;
    return i >= 3 && (unsigned char)s[i - 3] == 0xE2 && (unsigned char)s[i - 2] == 0x80 &&
           ((unsigned char)s[i - 1] == 0x9D || (unsigned char)s[i - 1] == 0x99);
}

/* A footnote's marker: Markdown's "[^1]" anywhere (its definition's
 * "[^1]: " too), or, when numeric is set, "[1]" to "[999]" just after a
 * sentence's punctuation or a closing quote ("... no vaccine against
 * it.[1]"); an index in code ("a[1]") or a bracketed number in the text
 * ("[1] The ...") stays. */
static const char *
rn_footnote(const char *s, size_t n, bool numeric, size_t *a, size_t *b)
{
    for (const char *p = memchr(s, '[', n); p; p = memchr(p + 1, '[', (size_t)(s + n - p) - 1)) {
        size_t i = (size_t)(p - s), j = i + 1;
        bool caret = j < n && s[j] == '^';
        j += caret;
        size_t d = j;
        while (j < n && j - d <= 20 &&
               ((s[j] >= '0' && s[j] <= '9') ||
                (caret && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))))
            j++;
        if (j == d || j >= n || s[j] != ']' ||
            (!caret && (!numeric || j - d > 3 || !rn_after_punct(s, i))))
            continue;
        j++;
        /* glued to the word it annotates, or a definition ("[^2]: ...",
         * opening the line or run into the paragraph); then a space,
         * punctuation or the end ("[^a-z]+" is a pattern in code) */
        bool definition = j < n && s[j] == ':';
        if (caret && (i == 0 || s[i - 1] == ' ') && !definition)
            continue;
        if (j < n && !strchr(" .,;:)[", s[j]))
            continue;
        if (caret && j < n && s[j] == ':')
            for (j++; j < n && s[j] == ' ';)
                j++;
        *a = i;
        *b = j;
        return "footnote";
    }
    return NULL;
}

/* See ingest/lib.h. */
const char *
ing_inline_runin(const char *s, size_t n, size_t *a, size_t *b)
{
    const char *why = rn_end_mark(s, n, a, b);
    if (!why)
        why = rn_bracketed(s, n, a, b);
    if (!why)
        why = rn_tail(s, n, a, b);
    if (!why)
        why = rn_head(s, n, a, b);
    return why;
}

/* Line l without s[a, b): a new string the doc owns. */
static void
rn_cut(struct ing_doc *d, struct ing_doc_line *l, size_t a, size_t b)
{
    struct buf t = BUF_INIT;
    buf_append(&t, l->t, a);
    buf_append(&t, l->t + b, l->tl - b);
    if ((d->nown & (d->nown - 1)) == 0) /* grow at powers of two */
        d->own = xrealloc(d->own, (d->nown ? d->nown * 2 : 1) * sizeof *d->own);
    size_t len = t.len;
    d->own[d->nown++] = buf_steal(&t);
    l->t = d->own[d->nown - 1];
    l->tl = len;
}

/* See ingest/lib.h. */
void
ing_cut_runins(struct ing_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        for (int round = 0; round < 4 && !l->why && !l->blank && l->tl; round++) {
            size_t a, b;
            const char *why = ing_inline_runin(l->t, l->tl, &a, &b);
            /* numeric markers only in text and Markdown: a page's own
             * "[1]" links (its <sup> references) are kept as Readability
             * keeps them */
            if (!why && memchr(l->t, '[', l->tl))
                why = rn_footnote(l->t, l->tl, !d->structured, &a, &b);
            if (!why)
                break;
            if (a == 0 && b == l->tl) {
                l->why = why; /* the whole line */
                break;
            }
            size_t ta = a, tb = b;
            while (ta < tb && l->t[ta] == ' ')
                ta++;
            while (tb > ta && l->t[tb - 1] == ' ')
                tb--;
            buf_puts(&d->cut, why);
            buf_putc(&d->cut, '\t');
            buf_append(&d->cut, l->t + ta, tb - ta);
            buf_putc(&d->cut, '\n');
            while (a == 0 && b < l->tl && l->t[b] == ' ')
                b++; /* a run-in opening the line takes the space after it */
            rn_cut(d, l, a, b);
        }
    }
}

/* See ingest/lib.h. */
void
ing_cuts_done(struct ing_doc *d, struct buf *removed)
{
    buf_append(removed, d->cut.data ? d->cut.data : "", d->cut.len);
    buf_free(&d->cut);
    for (size_t i = 0; i < d->nown; i++)
        free(d->own[i]);
    free(d->own);
    d->own = NULL;
    d->nown = 0;
}
