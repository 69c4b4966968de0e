/*
 * extract/carry.c — the unit a number takes from around it when it is not
 * written next to it: the figure it is compared with ("to 3.33 mln bpd
 * from 3.40 mln", "Sales 10.1 mln vs 9,215,836"), the row of a results
 * table ("Net 1,037,690 vs 1,270,460" under "Shr 18 cts vs 15 cts"), an
 * index level after a move in points ("fell 238.19 points, or 1.4%, to
 * 16,804.71"), a scaled number compared with it ("7.5 billion marks,
 * less than the 9.2 billion"); a wire stock price in fractions and its change ("closed
 * at 24-1/4, up 3/4"); the currency of cents; whether "points" are an index's;
 * whether a number before a noun is part of a name ("Fortune 500
 * companies"); and a subject when the clause before a figure gives none.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* See lib.h. */
bool
fig_word_eq(const char *s, size_t a, size_t b, const char *w)
{
    size_t n = strlen(w);
    if (b - a != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ex_lower((unsigned char)s[a + i]) != (unsigned char)w[i])
            return false;
    return true;
}

/* The word ending at or before pos (skipping spaces and a full stop after
 * it), in [*wa, *wb); false at the start of the span or across other
 * punctuation. */
static bool
fig_prev_word(const char *s, size_t lo, size_t pos, size_t *wa, size_t *wb)
{
    size_t i = pos;
    while (i > lo && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    if (i > lo && s[i - 1] == '.')
        i--;
    size_t e = i;
    while (i > lo && (ex_is_alpha((unsigned char)s[i - 1]) || s[i - 1] == '\''))
        i--;
    if (e == i)
        return false;
    *wa = i;
    *wb = e;
    return true;
}

/* See lib.h. */
bool
fig_sentence_has(const char *s, const struct span *sent, const char *const *words)
{
    size_t i = sent->start;
    while (i < sent->end) {
        while (i < sent->end && !ex_is_alpha((unsigned char)s[i]))
            i++;
        size_t a = i;
        while (i < sent->end && ex_is_alpha((unsigned char)s[i]))
            i++;
        for (const char *const *w = words; *w && a < i; w++)
            if (fig_word_eq(s, a, i, *w))
                return true;
    }
    return false;
}

/* Is the sentence about a market index (so "points" are index points)? */
bool
fig_market_sentence(const char *s, const struct span *sent)
{
    static const char *const words[] = {
        "index", "indexes", "indices", "average", "stocks", "shares", "market", "markets",
        "dow", "nasdaq", "ftse", "nikkei", "dax", "cac", "kospi", "sensex", "stoxx", "seng",
        "composite", "benchmark", "futures", "bourse", "exchange", NULL};
    return fig_sentence_has(s, sent, words);
}

/* See lib.h. */
bool
fig_index_cue(const char *s, size_t n, size_t lo, size_t st)
{
    size_t e = st;
    bool shaped = false;
    while (e < n && (ex_is_digit((unsigned char)s[e]) ||
                     ((s[e] == ',' || s[e] == '.') && e + 1 < n &&
                      ex_is_digit((unsigned char)s[e + 1])))) {
        shaped |= s[e] == ',' || s[e] == '.';
        e++;
    }
    if (!shaped || fig_parse_num(s, st, e) < 100)
        return false;
    size_t a, b;
    if (fig_prev_word(s, lo, st, &a, &b) && (fig_word_eq(s, a, b, "at") || fig_word_eq(s, a, b, "to")))
        return true;
    size_t k = e;
    while (k < n && s[k] == ' ')
        k++;
    size_t w = k;
    while (k < n && ex_is_alpha((unsigned char)s[k]))
        k++;
    return k > e + 1 && s[e] == ' ' && (fig_word_eq(s, w, k, "mark") || fig_word_eq(s, w, k, "level"));
}

/* The verb before "to" at a ("fell to", "has grown to"), past a change
 * in per cent ("fell by 17 per cent to 4,150"): its word in [*va, *vb). */
static bool
fig_move_before(const char *s, const struct span *sent, size_t a, size_t *va, size_t *vb)
{
    size_t b;
    if (!fig_prev_word(s, sent->start, a, va, vb))
        return false;
    b = *vb;
    if (fig_word_eq(s, *va, b, "cent") || fig_word_eq(s, *va, b, "percent") ||
        fig_word_eq(s, *va, b, "pct") || (a > sent->start + 1 && s[a - 2] == '%')) {
        size_t lo = a > sent->start + 40 ? a - 40 : sent->start;
        size_t i = a;
        while (i > lo + 4 && memcmp(s + i - 4, " by ", 4) != 0)
            i--;
        if (i <= lo + 4)
            return false;
        return fig_prev_word(s, sent->start, i - 4, va, vb);
    }
    return true;
}

/* The counted noun of a subject ending at [na, nb) into noun: its plural
 * head ("cases" of "The number of measles cases", "people"), or what its
 * "numbers" count ("student numbers": students). */
static bool
fig_subject_noun(const char *s, size_t i, size_t na, size_t nb, char *noun, size_t cap)
{
    size_t n = nb - na;
    if (fig_word_eq(s, na, nb, "numbers")) {
        size_t a2, b2; /* "International student numbers" */
        if (!fig_prev_word(s, i, na, &a2, &b2) ||
            !(ex_is_lower((unsigned char)s[a2]) || a2 == i) || s[b2 - 1] == 's' ||
            b2 - a2 < 4 || b2 - a2 + 2 > cap)
            return false;
        for (size_t k = 0; k < b2 - a2; k++)
            noun[k] = (char)ex_lower((unsigned char)s[a2 + k]);
        noun[b2 - a2] = fig_self_counting(s, a2, b2) ? '\0' : 's'; /* "staff numbers" */
        noun[b2 - a2 + 1] = '\0';
        return true;
    }
    /* the sentence's first word may be capitalised ("Flights rose to") */
    bool lower = ex_is_lower((unsigned char)s[na]) ||
                 (na == i && ex_is_upper((unsigned char)s[na]) && ex_is_lower((unsigned char)s[na + 1]));
    bool plural = n >= 4 && lower && s[nb - 1] == 's' &&
                  s[nb - 2] != 's' && s[nb - 2] != 'u' && s[nb - 2] != 'i';
    bool people = (n == 6 && memcmp(s + na, "people", 6) == 0) ||
                  (n == 8 && memcmp(s + na, "children", 8) == 0);
    if (!(plural || people) || n + 1 > cap)
        return false;
    for (size_t k = 0; k < n; k++)
        noun[k] = (char)ex_lower((unsigned char)s[na + k]);
    noun[n] = '\0';
    return true;
}

/* The last plural of the lower-case words after "The number of" at [a, lim)
 * ("measles cases in an outbreak": cases; "people waiting": people). */
static bool
fig_number_of_head(const char *s, size_t a, size_t lim, size_t *na, size_t *nb)
{
    bool found = false;
    while (a < lim && ex_is_lower((unsigned char)s[a])) {
        size_t e = a;
        while (e < lim && ex_is_lower((unsigned char)s[e]))
            e++;
        size_t n = e - a;
        bool plural = (n >= 4 && s[e - 1] == 's' && s[e - 2] != 's' && s[e - 2] != 'u' &&
                       s[e - 2] != 'i') ||
                      (n == 6 && memcmp(s + a, "people", 6) == 0);
        if (plural) {
            *na = a;
            *nb = e;
            found = true;
        }
        if (e >= lim || s[e] != ' ')
            break;
        a = e + 1;
    }
    return found;
}

/* See lib.h. */
bool
fig_subject_count(const char *s, const struct span *sent, size_t st, size_t verb_after,
                  char *noun, size_t cap)
{
    static const char *const moves[] = {"fell", "rose", "dropped", "climbed", "increased",
                                        "decreased", "declined", "grew", "jumped", "slipped",
                                        "reached", "totalled", "totaled", "stood", "hit",
                                        "dipped", "surged", "soared", "edged", "grown", "risen",
                                        "fallen", "averaged", "averages", NULL};
    static const char *const measures[] = {
        "prices", "sales", "profits", "revenues", "earnings", "exports", "imports", "costs",
        "rates", "yields", "shares", "wages", "assets", "deposits", "reserves", "stocks",
        "funds", "losses", "taxes", "bills", "payments", "orders", "levels", "figures",
        "totals", "receipts", "spending", "balances", "savings", "temperatures", "speeds",
        "volumes", "ratings", "scores", "averages", NULL};
    static const char *const aux[] = {"has", "have", "had", "was", "were", "is", "are", NULL};
    size_t a, b;
    if (!fig_prev_word(s, sent->start, st, &a, &b))
        return false;
    /* "Passenger numbers ... reached 31.8 million", "Weekday trips
     * averaged 318,000": a verb that takes the level itself */
    bool direct = fig_word_eq(s, a, b, "reached") || fig_word_eq(s, a, b, "totalled") ||
                  fig_word_eq(s, a, b, "totaled") || fig_word_eq(s, a, b, "hit") ||
                  fig_word_eq(s, a, b, "averaged") || fig_word_eq(s, a, b, "averages");
    if (!direct && !(fig_word_eq(s, a, b, "to") || fig_word_eq(s, a, b, "at") ||
                     fig_word_eq(s, a, b, "by")))
        return false;
    if (!direct && !fig_move_before(s, sent, fig_change_start(s, sent->start, a), &a, &b))
        return false;
    bool moved = false;
    if (a < verb_after)
        return false;
    for (const char *const *m = moves; *m && !moved; m++)
        moved = fig_word_eq(s, a, b, *m);
    /* "The number of people waiting ... fell to", "Mortgage approvals
     * dropped to", "The number of cases has grown to": the subject's
     * counted noun */
    size_t i = fig_dateline_end(s, sent), na = 0, nb = 0, ha, hb;
    if (!moved)
        return false;
    /* ", while the number of active listings climbed to": a clause of its own */
    static const char *const conj[] = {"while", "and", "but", "whereas", NULL};
    const char *comma = NULL;
    for (size_t c = i; c < a; c++)
        if (s[c] == ',')
            comma = s + c;
    bool clause = comma != NULL;
    if (clause) {
        struct fig_word cw = {(size_t)(comma - s) + 2, (size_t)(comma - s) + 2};
        while (cw.end < a && ex_is_alpha((unsigned char)s[cw.end]))
            cw.end++;
        if (comma[1] != ' ' || !fig_word_in(s, &cw, conj))
            return false;
        i = cw.end + 1;
    }
    if (fig_prev_word(s, i, a, &ha, &hb))
        for (const char *const *x = aux; *x; x++)
            if (fig_word_eq(s, ha, hb, *x)) {
                a = ha; /* "has grown to" */
                break;
            }
    if (a - i > 14 && fig_word_eq(s, i, i + 3, "the") && memcmp(s + i + 3, " number of ", 11) == 0) {
        if (!fig_number_of_head(s, i + 14, a, &na, &nb))
            return false;
    } else if (clause) {
        return false;
    } else if (fig_head_postmodified(s, i, a, &na, &nb)) {
        /* "Customers with annual recurring revenue above $100,000 grew to" */
    } else if (fig_toll_subject(s, i, a)) {
        if (cap < 7)
            return false;
        memcpy(noun, "people", 7); /* "The death toll from the quake rose to 1,284" */
        return true;
    } else {
        /* the word before the verb heads the subject */
        if (!fig_prev_word(s, i, a, &ha, &hb) || (ha > i && a - i > 40))
            return false;
        na = ha;
        nb = hb;
        for (const char *const *m = measures; *m; m++)
            if (fig_word_eq(s, na, nb, *m))
                return false;
    }
    return fig_subject_noun(s, i, na, nb, noun, cap);
}

/* Is a number from two to twenty in words at s[*i]? *i is moved past it. */
static bool
fig_of_count_word(const char *s, size_t n, size_t *i)
{
    static const char *const words[] = {"two", "three", "four", "five", "six", "seven", "eight",
                                        "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
                                        NULL};
    size_t e = *i;
    while (e < n && ex_is_lower((unsigned char)s[e]))
        e++;
    struct fig_word w = {*i, e};
    if (!fig_word_in(s, &w, words))
        return false;
    *i = e;
    return true;
}

/* See lib.h. */
bool
fig_of_count(const char *s, size_t n, size_t ne, char *noun, size_t cap)
{
    if (ne + 5 > n || memcmp(s + ne, " of ", 4) != 0)
        return false;
    size_t i = ne + 4;
    if (i + 4 < n && memcmp(s + i, "the ", 4) == 0)
        i += 4; /* "94 of the 150 seats" */
    else if (i + 4 < n && memcmp(s + i, "its ", 4) == 0)
        i += 4;
    size_t o = i; /* "44,190 of the constituency's 69,702 electors" */
    while (o < n && o < i + 24 && ex_is_lower((unsigned char)s[o]))
        o++;
    if (o > i && o + 3 < n && s[o] == '\'' && s[o + 1] == 's' && s[o + 2] == ' ')
        i = o + 3;
    if (ex_is_digit((unsigned char)s[i])) {
        while (i < n && (ex_is_digit((unsigned char)s[i]) || s[i] == ','))
            i++;
    } else if (!fig_of_count_word(s, n, &i)) {
        return false; /* "five of the seven races" counts races as well */
    }
    if (i >= n || s[i] != ' ')
        return false;
    size_t a = ++i;
    while (i < n && ex_is_lower((unsigned char)s[i]))
        i++;
    if (i - a >= 3 && i + 1 < n && s[i] == ' ' && s[i - 1] != 's' &&
        memcmp(s + i - 3, "est", 3) != 0 && ex_is_lower((unsigned char)s[i + 1])) {
        size_t mod = a;
        a = ++i; /* "nine of the 15 council seats"; not "the five largest" */
        while (i < n && ex_is_lower((unsigned char)s[i]))
            i++;
        a = fig_compound_count(s, mod, i) ? mod : a; /* "four of 11 break points" */
    }
    size_t len = i - a;
    if (len < 4 || len + 1 > cap || (i < n && ex_is_alpha((unsigned char)s[i])) ||
        s[i - 1] != 's' || s[i - 2] == 's' || s[i - 2] == 'u' || s[i - 2] == 'i')
        return false;
    memcpy(noun, s + a, len);
    noun[len] = '\0';
    return true;
}

/* See lib.h. */
bool
fig_index_sentence(const char *s, const struct span *sent)
{
    static const char *const words[] = {
        "index", "indexes", "indices", "dow", "nasdaq", "ftse", "nikkei", "dax", "cac", "kospi",
        "sensex", "stoxx", "seng", "composite", "topix", "nifty", "ibex", "asx", NULL};
    return fig_sentence_has(s, sent, words);
}

/* See lib.h. */
bool
fig_fraction_price(const char *s, const struct span *sent, size_t st, const char **unit,
                   enum figure_kind *kind)
{
    static const char *const level[] = {"at", "to", "from", NULL};
    static const char *const change[] = {"up", "down", "off", "rose", "fell", "gained", "lost",
                                         "eased", "added", "shed", "dropped", "climbed", NULL};
    static const char *const stock[] = {"stock", "stocks", "share", "shares", NULL};
    size_t a, b;
    if (!fig_prev_word(s, sent->start, st, &a, &b) || !fig_sentence_has(s, sent, stock))
        return false;
    for (const char *const *w = change; *w; w++)
        if (fig_word_eq(s, a, b, *w)) {
            *unit = "USD";
            *kind = FIGURE_CHANGE;
            return true;
        }
    for (const char *const *w = level; *w; w++)
        if (fig_word_eq(s, a, b, *w)) {
            *unit = "USD";
            *kind = FIGURE_AMOUNT;
            return true;
        }
    return false;
}

/* Does the sentence weigh something ("weighed 215 pounds"), so pounds are
 * a weight, not sterling? */
bool
fig_weight_sentence(const char *s, const struct span *sent)
{
    for (size_t i = sent->start; i + 5 <= sent->end; i++)
        if ((s[i] == 'w' || s[i] == 'W') && memcmp(s + i + 1, "eigh", 4) == 0 &&
            (i == sent->start || !ex_is_alpha((unsigned char)s[i - 1])))
            return true;
    return false;
}

/* The currency whose hundredths a cents figure counts: the dollar, euro or
 * rand of the nearest money figure before it in the same paragraph (within
 * 600 bytes), else def (the text's own dollar). */
const char *
fig_cents_currency(const struct extraction *out, size_t base, size_t pos, const char *def)
{
    static const char *const fam[] = {"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD", "EUR", "ZAR",
                                      NULL};
    bool dollar = false;
    for (const char *const *c = fam; *c && !dollar; c++)
        dollar = strcmp(def, *c) == 0;
    if (!dollar)
        return def; /* pence, sen, fen name their currency */
    for (size_t i = out->nfigures; i > base; i--) {
        const struct figure *p = &out->figures[i - 1];
        if (p->span.end + 600 < pos)
            break;
        if (p->kind != FIGURE_AMOUNT || !p->unit)
            continue;
        for (const char *const *c = fam; *c; c++)
            if (strcmp(p->unit, *c) == 0)
                return *c;
        break;
    }
    return def;
}

/* Is the number at st part of a name ("Standard & Poor's 1500", "Fortune
 * 500"): right after a capitalised word that does not start the sentence? */
bool
fig_count_in_name(const char *s, const struct span *sent, size_t st)
{
    size_t a, b;
    if (!fig_prev_word(s, sent->start, st, &a, &b) || b < st - 1 || b > st)
        return false;
    if (st > b && s[b] != ' ')
        return false;
    if (!ex_is_upper((unsigned char)s[a]))
        return false;
    size_t i = a;
    while (i > sent->start && (s[i - 1] == ' ' || s[i - 1] == '"'))
        i--;
    return i > sent->start; /* not the first word */
}

/* The line [*la, *lb) holding pos. */
static void
fig_line(const char *s, size_t n, size_t pos, size_t *la, size_t *lb)
{
    size_t a = pos, b = pos;
    while (a > 0 && s[a - 1] != '\n')
        a--;
    while (b < n && s[b] != '\n')
        b++;
    *la = a;
    *lb = b;
}

/* Does the line holding pos compare numbers with "vs" (a results-table
 * row)? */
bool
fig_line_compares(const char *s, size_t n, size_t pos)
{
    size_t la, lb;
    fig_line(s, n, pos, &la, &lb);
    if (lb - la > 100)
        return false;
    for (size_t k = la; k + 4 <= lb; k++)
        if (memcmp(s + k, " vs", 3) == 0 && (s[k + 3] == ' ' || s[k + 3] == '.'))
            return true;
    return false;
}

/* A results-table row ("Oper net loss 180,000 vs profit 1,100,000"): a
 * short line, a label of 1-5 words without digits, numbers compared with
 * "vs". Sets *shares when the label counts shares ("Avg shrs"). */
static bool
fig_results_row(const char *s, size_t n, size_t st, bool *shares)
{
    size_t la, lb;
    fig_line(s, n, st, &la, &lb);
    if (lb - la > 100)
        return false;
    size_t i = la;
    while (i < lb && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= lb || !ex_is_upper((unsigned char)s[i]))
        return false;
    size_t words = 0;
    *shares = false;
    while (i < st) {
        size_t a = i;
        while (i < st && (ex_is_alpha((unsigned char)s[i]) || s[i] == '-' || s[i] == '.'))
            i++;
        if (i == a)
            break;
        words++;
        if (fig_word_eq(s, a, i, "shrs") || fig_word_eq(s, a, i, "shares"))
            *shares = true;
        while (i < st && s[i] == ' ')
            i++;
    }
    return i == st && words > 0 && words <= 5 && fig_line_compares(s, n, st);
}

/* Is the line [la, lb) a table's row: a capitalised label [ls, le) of one
 * to five words, then from nb only numbers (at least two, with currency
 * signs, per cent signs, parentheses), as an HTML table reads once
 * flattened ("Net income $28.4 $11.7")? */
static bool
fig_numbers_row(const char *s, size_t la, size_t lb, size_t ls, size_t le, size_t nb)
{
    if (lb - la > 100 || !ex_is_upper((unsigned char)s[ls]))
        return false;
    size_t words = 1;
    for (size_t i = ls; i < le; i++)
        words += s[i] == ' ';
    int nums = 0;
    bool in_num = false;
    for (size_t i = nb; i < lb; i++) {
        unsigned char c = (unsigned char)s[i];
        bool digit = ex_is_digit(c);
        if (digit && !in_num)
            nums++;
        in_num = digit || ((c == '.' || c == ',') && in_num);
        if (!digit && !strchr(" .,$%()-\t", c) && c < 0x80)
            return false; /* a word after the numbers: prose */
    }
    return words <= 5 && nums >= 2;
}

/* The label of the results-table row holding the number at st ("Oper
 * net"), or NULL. */
char *
fig_row_label(const char *s, size_t n, size_t st)
{
    size_t la, lb;
    fig_line(s, n, st, &la, &lb);
    size_t i = la;
    while (i < lb && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t start = i, end = i;
    while (i < lb) {
        size_t a = i;
        while (i < lb && (ex_is_alpha((unsigned char)s[i]) || s[i] == '-' || s[i] == '.'))
            i++;
        if (i == a || fig_parse_num(s, a, i) >= 0) {
            i = a; /* the row's first number, in digits or words */
            break;
        }
        end = i;
        while (i < lb && s[i] == ' ')
            i++;
    }
    bool shares;
    if (end == start || i >= lb || i > st ||
        !(fig_results_row(s, n, i, &shares) || fig_numbers_row(s, la, lb, start, end, i)))
        return NULL;
    return xstrndup(s + start, end - start);
}

/* Is f a percentage or a rate (it takes no scale)? */
static bool
fig_is_percentage(const struct figure *f)
{
    return f->kind == FIGURE_RATE || f->kind == FIGURE_SHARE || strcmp(f->unit, "%") == 0 ||
           strcmp(f->unit, "pp") == 0 || strcmp(f->unit, "bp") == 0;
}

/* The nearest figure before prev in its sentence with a scale and a unit
 * that is no percentage (out->figures[base..] are this run's), or NULL. */
static const struct figure *
fig_scaled_before(const struct extraction *out, size_t base, const struct span *sent,
                  const struct figure *prev)
{
    for (size_t i = (size_t)(prev - out->figures); i > base; i--) {
        const struct figure *p = &out->figures[i - 1];
        if (p->sentence.start != sent->start)
            return NULL;
        if (p->scale && p->unit && !fig_is_percentage(p))
            return p;
    }
    return NULL;
}

/* Digits after the decimal point of the number at s[i..n), or -1 without
 * one; *comma says a thousands comma was seen. */
static int
fig_decimals(const char *s, size_t n, size_t i, bool *comma)
{
    *comma = false;
    while (i < n && !ex_is_digit((unsigned char)s[i]))
        i++; /* past a currency sign */
    while (i < n && (ex_is_digit((unsigned char)s[i]) ||
                     (s[i] == ',' && i + 1 < n && ex_is_digit((unsigned char)s[i + 1])))) {
        *comma |= s[i] == ',';
        i++;
    }
    if (i + 1 >= n || s[i] != '.' || !ex_is_digit((unsigned char)s[i + 1]))
        return -1;
    int d = 0;
    for (i++; i < n && ex_is_digit((unsigned char)s[i]); i++)
        d++;
    return d;
}

/* Is the bare number at st, after the word s[a, b), the same kind of
 * number as prev, so that it takes prev's unit: compared with it by
 * "from", "against", "with", "than" or "and", and written to the same
 * decimals ("152.35 yen, down from 153.10") or with a thousands comma
 * ("5,412 homes, down from 7,208"; never a percentage's), and not
 * followed by a capitalised noun of its own? A year, a day or a small
 * count has neither, so it stays bare. */
static bool
fig_same_shape(const char *s, size_t n, size_t st, const struct figure *prev, size_t a,
               size_t b, bool level)
{
    if (!(level || fig_word_eq(s, a, b, "from") || fig_word_eq(s, a, b, "with") ||
          fig_word_eq(s, a, b, "than") || fig_word_eq(s, a, b, "and") ||
          fig_word_eq(s, a, b, "after")) || /* "1.8815 marks after 1.8650" */
        (strcmp(prev->unit, "points") == 0 && prev->kind != FIGURE_QUANTITY) || prev->scale)
        return false; /* a move in points is no level; "rose to 52.4 from 50.9" */
    size_t e = st;
    while (e < n && (ex_is_digit((unsigned char)s[e]) || s[e] == '.' || s[e] == ','))
        e++;
    while (e < n && s[e] == ' ')
        e++;
    if (e < n && ex_is_upper((unsigned char)s[e]))
        return false; /* "5,000 laptops and 5,800 PDAs": a noun of its own */
    bool comma, pcomma;
    int d = fig_decimals(s, n, st, &comma);
    size_t ps = prev->span.start; /* past a sign: "minus 27 degrees" */
    while (ps < prev->span.end && !ex_is_digit((unsigned char)s[ps]))
        ps++;
    int pd = fig_decimals(s, n, ps, &pcomma);
    if (d > 0)
        return d == pd;
    /* a whole measure from a whole one: "46 carats per hundred tonnes from 41" */
    return d < 0 && pd < 0 && !fig_is_percentage(prev) &&
           (comma || (!pcomma && prev->kind == FIGURE_QUANTITY && fig_word_eq(s, a, b, "from") &&
                      atof(s + st) * 10 > prev->value && strncmp(s + e, "to ", 3) != 0));
}

/* The unit of a number in a results table's row: shares for a share
 * count, else the currency of the table's last amount (within 600 bytes
 * before st), dollars when none is written. */
static void
fig_row_unit(const struct extraction *out, size_t base, size_t st, bool shares,
             const char **unit, enum figure_kind *kind)
{
    if (shares) {
        *unit = "shares";
        *kind = FIGURE_COUNT;
        return;
    }
    const char *cur = "USD";
    for (size_t i = out->nfigures; i > base; i--) {
        const struct figure *p = &out->figures[i - 1];
        if (p->span.end + 600 < st)
            break;
        if (p->kind == FIGURE_AMOUNT && p->unit) {
            cur = p->unit;
            break;
        }
    }
    *unit = cur;
    *kind = FIGURE_AMOUNT;
}

/* Is the bare number at st, after the word s[a, b), a whole count compared
 * with the count before it ("from", "to", "than"): no decimals, no year,
 * and no word of its own after it? */
static bool
fig_small_count(const char *s, size_t n, size_t st, size_t a, size_t b, size_t pend)
{
    /* right after the count: "38 votes to 22", "94 seats, up from 77" */
    bool to = fig_word_eq(s, a, b, "to") && st == pend + 4;
    bool from = (fig_word_eq(s, a, b, "from") || fig_word_eq(s, a, b, "than")) &&
                st <= pend + 14;
    if (!to && !from)
        return false;
    size_t e = st;
    while (e < n && (ex_is_digit((unsigned char)s[e]) ||
                     (s[e] == ',' && e + 1 < n && ex_is_digit((unsigned char)s[e + 1]))))
        e++;
    if (e < n && (s[e] == '.' && e + 1 < n && ex_is_digit((unsigned char)s[e + 1])))
        return false;
    double v = fig_parse_num(s, st, e);
    if (v >= 1800 && v <= 2100 && !memchr(s + st, ',', e - st))
        return false; /* a year */
    while (e < n && s[e] == ' ')
        e++;
    if (e + 3 < n && (s[e] == '-' || (s[e] == 't' && s[e + 1] == 'o' && s[e + 2] == ' ' &&
                                      ex_is_digit((unsigned char)s[e + 3]))))
        return false; /* "from 10 to 12 hours": a range of its own */
    if (e < n && ex_is_upper((unsigned char)s[e]))
        return false; /* "to 9 January", "to 53 Airbus" */
    size_t we = e;
    while (we < n && ex_is_lower((unsigned char)s[we]))
        we++;
    return !(we > e + 3 && s[we - 1] == 's'); /* no plural noun of its own */
}

/* Is the word s[a, b) before a number the "of" of a level of what was
 * measured before it: "down from a peak of 67,500", "after a high of
 * 1,331", "a low of", or "steady at", "unchanged at"? Such a number
 * compares with the one before. */
static bool
fig_level_of(const char *s, size_t lo, size_t a, size_t b)
{
    static const char *const levels[] = {"peak", "high", "low", "record", "trough", NULL};
    size_t a2, b2, a3, b3;
    if (fig_word_eq(s, a, b, "at") && fig_prev_word(s, lo, a, &a2, &b2) &&
        (fig_word_eq(s, a2, b2, "steady") || fig_word_eq(s, a2, b2, "unchanged")))
        return true; /* "and zinc stocks were steady at 48,225" */
    if (!fig_word_eq(s, a, b, "of") || !fig_prev_word(s, lo, a, &a2, &b2) ||
        !fig_prev_word(s, lo, a2, &a3, &b3) ||
        !(fig_word_eq(s, a3, b3, "a") || fig_word_eq(s, a3, b3, "the")))
        return false;
    for (size_t i = 0; levels[i]; i++)
        if (fig_word_eq(s, a2, b2, levels[i]))
            return true;
    return false;
}

/* The unit of a number written without one. prev is the figure before it
 * in the same sentence (or NULL); scaled says a scale word follows the
 * number. Sets *unit (borrowed) and *kind and returns true when the
 * number takes a unit from its neighbours. */
bool
fig_carry(const char *s, size_t n, const struct span *sent, size_t st, bool scaled,
          const struct figure *prev, const struct extraction *out, size_t base,
          const char **unit, enum figure_kind *kind)
{
    size_t a, b;
    bool have_word = fig_prev_word(s, sent->start, st, &a, &b);
    /* an index level after a move in points in the same sentence */
    if (!scaled && have_word && (fig_word_eq(s, a, b, "to") || fig_word_eq(s, a, b, "at"))) {
        for (size_t i = out->nfigures; i > base; i--) {
            const struct figure *p = &out->figures[i - 1];
            if (p->sentence.start != sent->start || p->span.end > st || st - p->span.end > 60)
                break;
            if (p->unit && strcmp(p->unit, "points") == 0) {
                *unit = "points";
                *kind = FIGURE_QUANTITY;
                return true;
            }
        }
    }
    /* the row of a results table */
    bool shares = false;
    if (have_word && (fig_word_eq(s, a, b, "loss") || fig_word_eq(s, a, b, "profit"))) {
        /* "vs profit 1,100,000": the word before says how it compares */
        size_t a2, b2;
        if (fig_prev_word(s, sent->start, a, &a2, &b2) &&
            (fig_word_eq(s, a2, b2, "vs") || fig_word_eq(s, a2, b2, "versus"))) {
            a = a2;
            b = b2;
        }
    }
    if (fig_results_row(s, n, st, &shares)) {
        fig_row_unit(out, base, st, shares, unit, kind);
        return true;
    }
    /* compared with the figure before it */
    if (!prev || !prev->unit || !have_word || prev->span.end > st || st - prev->span.end > 80 ||
        prev->sentence.start != sent->start)
        return false;
    size_t a2, b2;
    bool owner = b - a > 2 && s[b - 2] == '\'' && ex_lower((unsigned char)s[b - 1]) == 's';
    if (scaled && (fig_word_eq(s, a, b, "the") || owner) &&
        fig_prev_word(s, sent->start, a, &a2, &b2)) {
        /* "less than the 9.2 billion", "after Brazil's 108 billion": the
         * word before the article or the owner */
        a = a2;
        b = b2;
    }
    bool vs = fig_word_eq(s, a, b, "vs") || fig_word_eq(s, a, b, "versus") ||
              fig_word_eq(s, a, b, "against");
    bool cmp = vs || fig_word_eq(s, a, b, "from") || fig_word_eq(s, a, b, "to") ||
               fig_word_eq(s, a, b, "after") || fig_word_eq(s, a, b, "with") ||
               fig_word_eq(s, a, b, "than") || fig_word_eq(s, a, b, "beating") ||
               fig_word_eq(s, a, b, "below") || fig_word_eq(s, a, b, "above") ||
               fig_word_eq(s, a, b, "of");
    if (prev->kind == FIGURE_COUNT &&
        (scaled ? prev->scale != NULL : !vs && fig_small_count(s, n, st, a, b, prev->span.end))) {
        *unit = prev->unit; /* "up from 77", "38 votes to 22", "adding 9.3 million" */
        *kind = FIGURE_COUNT;
        return true;
    }
    if (!scaled && !vs && fig_same_shape(s, n, st, prev, a, b, fig_level_of(s, sent->start, a, b))) {
        *unit = prev->unit; /* "closed at 152.35 yen, down from 153.10" */
        *kind = prev->kind;
        return true;
    }
    /* "sold 38 pubs for 17.5 mln stg and would spend 60 mln": a scaled
     * amount's currency holds for the next scaled number of its sentence */
    cmp = cmp || (scaled && prev->kind == FIGURE_AMOUNT && prev->scale &&
                  fig_scaled_alone(s, n, st, prev->span.start));
    if (!(scaled ? cmp : vs))
        return false;
    if (scaled && fig_is_percentage(prev)) {
        /* a percentage takes no scale, but the amount before it may give
         * its unit: "rose 4.7 pct to 18.3 bln dlrs, while imports fell 3.2
         * pct to 32.2 bln" */
        prev = fig_scaled_before(out, base, sent, prev);
        if (!prev)
            return false;
    }
    size_t e = st;
    while (e < n && (ex_is_digit((unsigned char)s[e]) || s[e] == '.' || s[e] == ','))
        e++;
    bool quote = e < n && s[e] == '/';
    /* "Net profit 7,840,000 vs 10.2 mln": a row compares like with like */
    bool row = fig_word_eq(s, a, b, "vs") || fig_word_eq(s, a, b, "versus");
    if (scaled && !prev->scale && !quote && !row)
        return false;
    *unit = prev->unit;
    *kind = prev->kind == FIGURE_CHANGE ? FIGURE_QUANTITY : prev->kind;
    return true;
}

/* A subject when the clause before the figure gives none: the subject of
 * the figure it converts ("$86m (£46m)"), the words it qualifies ("5%
 * growth forecast"; never a count's: "40 homes were destroyed"), or what
 * it counts ("300 workers"). NULL if none. */
char *
fig_subject_fallback(const struct fig_res *fr, const char *s, const struct figure *f,
                     const struct figure *prev)
{
    size_t a = f->span.start, e = f->span.end;
    if (prev && prev->subject && prev->span.end <= a && a - prev->span.end <= 3) {
        size_t g = prev->span.end;
        bool conv = true;
        for (; g < a && conv; g++)
            conv = s[g] == ' ' || s[g] == '(' || s[g] == ';' || s[g] == ',';
        if (conv && memchr(s + prev->span.end, '(', a - prev->span.end) != NULL)
            return xstrdup(prev->subject);
        if (conv && prev->span.end < a && s[prev->span.end] == ';')
            return xstrdup(prev->subject);
    }
    /* up to three lower-case words right after it, none a function word;
     * a count's noun is in it already, what follows is its verb */
    size_t i = e, last = e, words = 0;
    while (f->kind != FIGURE_COUNT && words < 3 && i < f->sentence.end && s[i] == ' ') {
        size_t w = i + 1, k = w;
        while (k < f->sentence.end && (ex_is_lower((unsigned char)s[k]) || s[k] == '-'))
            k++;
        if (k == w || (k < f->sentence.end && ex_is_alpha((unsigned char)s[k])) ||
            wordset_has(&fr->lists[FW_AFTER_STOP], s + w, k - w, false) ||
            wordset_has(&fr->lists[FW_STRONG], s + w, k - w, false) ||
            wordset_has(&fr->lists[FW_VERBS], s + w, k - w, false) ||
            wordset_has(&fr->lists[FW_LEAD], s + w, k - w, false))
            break;
        last = k;
        words++;
        i = k;
    }
    if (words > 0)
        return xstrndup(s + e + 1, last - e - 1);
    if (f->kind == FIGURE_COUNT && f->unit)
        return xstrdup(f->unit);
    return NULL;
}

/* Does s[a, ...) start with lit, compared in lower case, then no letter? */
static bool
fig_starts_ci(const char *s, size_t a, size_t end, const char *lit)
{
    size_t k = strlen(lit);
    if (a + k > end)
        return false;
    for (size_t i = 0; i < k; i++)
        if (ex_lower((unsigned char)s[a + i]) != lit[i])
            return false;
    return a + k == end || !ex_is_alpha((unsigned char)s[a + k]);
}

/* See lib.h. */
const char *
fig_quote_currency(const char *s, const struct span *sent, size_t st, size_t ne)
{
    /* what the quote is against, and the code that names */
    static const char *const against[] = {
        " per dollar", " per u.s. dollar", " per us dollar", " against the dollar",
        " against the u.s. dollar", " against the us dollar", " to the dollar",
        " to the u.s. dollar", " to the us dollar", " to the greenback",
        " against the greenback", " per euro", " against the euro", " to the euro", NULL};
    const char *base = NULL;
    for (const char *const *a = against; *a && !base; a++)
        if (fig_starts_ci(s, ne, sent->end, *a))
            base = strstr(*a, "euro") ? "EUR" : "USD";
    if (!base)
        return NULL;
    /* the currency quoted, named before the number in one or two words
     * ("the rand traded at 17.38", "The Canadian dollar weakened to") */
    size_t a = sent->start;
    while (a < st) {
        while (a < st && !ex_is_alpha((unsigned char)s[a]))
            a++;
        size_t b = a;
        while (b < st && ex_is_alpha((unsigned char)s[b]))
            b++;
        if (b == a)
            break;
        size_t c = b + 1, d = c;
        while (d < st && ex_is_alpha((unsigned char)s[d]))
            d++;
        const struct fig_unitmap *um = NULL;
        if (s[b] == ' ' && d > c)
            um = fig_unit_lookup(s, a, d);
        if (!um || um->cls != 2)
            um = fig_unit_lookup(s, a, b);
        if (um && um->cls == 2 && strcmp(um->unit, base) != 0)
            return um->unit;
        a = b;
    }
    return NULL;
}

/* Does s[a, b) hold lit anywhere, compared in lower case? Returns where. */
static const char *
fig_find_ci(const char *s, size_t a, size_t b, const char *lit)
{
    for (size_t i = a; i < b; i++)
        if (fig_starts_ci(s, i, b, lit))
            return s + i;
    return NULL;
}

/* See lib.h. */
double
fig_table_scale(const char *s, size_t n, size_t st, const char **name)
{
    static const char *const heads[] = {"in millions", "in thousands", "in billions", NULL};
    static const char *const words[] = {"million", "thousand", "billion", NULL};
    size_t la, lb;
    fig_line(s, n, st, &la, &lb);
    if (lb - la > 160)
        return 1; /* prose, not a table's row */
    size_t a = la;
    for (int k = 0; k < 12 && a > 0; k++) {
        size_t pb = a - 1, pa = pb;
        while (pa > 0 && s[pa - 1] != '\n')
            pa--;
        if (pb == pa || pb - pa > 160)
            return 1; /* a blank line or a paragraph ends the table */
        for (int h = 0; heads[h]; h++) {
            if (!fig_find_ci(s, pa, pb, heads[h]))
                continue;
            /* "(in millions, except per share)": the EPS row is in units */
            if (fig_find_ci(s, pa, pb, "except per") &&
                (fig_find_ci(s, la, st, "share") || fig_find_ci(s, la, st, "eps")))
                return 1;
            return fig_scale_mult(words[h], 0, strlen(words[h]), name);
        }
        a = pa;
    }
    return 1;
}

/* Does a bare number and "to" stand before the number at ns, so that the
 * two are a range whose unit or scale is written once, after the upper
 * end ("0.12 to 0.20 cent lower", "14 to 23 dlrs a tonne", "5 to 10 per
 * cent")? Sets [*a, *b) to the lower end. Not after "from" or "by" (a
 * change: "cut from 5 to 4.5 pct"), not a year, not running backwards
 * ("voted 23 to 11"), not a number already read (after lo). */
bool
fig_range_lower(const char *s, size_t n, size_t lo, size_t ns, size_t ne, size_t *a, size_t *b)
{
    /* "between 7-1/4 and 7-1/2 pct" too, fractions and all */
    bool and = ns >= lo + 6 && memcmp(s + ns - 5, " and ", 5) == 0;
    if (!and && (ns < lo + 5 || memcmp(s + ns - 4, " to ", 4) != 0))
        return false;
    size_t e = fig_range_scaled(s, n, lo, ns - (and ? 5 : 4), ne), i = e; /* "1.8 billion to" */
    while (i > lo && (ex_is_digit((unsigned char)s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',' ||
                      (and && (s[i - 1] == '/' || s[i - 1] == '-'))))
        i--;
    if (i == e || !ex_is_digit((unsigned char)s[i]) || !ex_is_digit((unsigned char)s[e - 1]))
        return false;
    if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '(')
        return false; /* "$14 to", "3-1/2 to", "A4 to" */
    struct fig_word bw[1];
    if (and && !(fig_words_before(s, lo, i, bw, 1) == 1 && fig_wis(s, &bw[0], "between")))
        return false;
    double v = fig_parse_num(s, i, e), v2 = fig_parse_num(s, ns, ne);
    if (v < 0 || v2 <= v || (v >= 1800 && v <= 2100 && !memchr(s + i, '.', e - i)))
        return false;
    struct fig_word w[1];
    if (fig_words_before(s, lo, i, w, 1) == 1 &&
        (fig_wis(s, &w[0], "from") || fig_wis(s, &w[0], "by")))
        return false;
    *a = i;
    *b = e;
    return true;
}

/* Is the bare number at [ns, ne) the first of a tally of votes cast,
 * "voted 23 to 11", so that it counts votes? (A result quoted "by a vote
 * of 51 to 49" is the chamber's score, as the gold has it: no figure.) */
bool
fig_vote_tally(const char *s, size_t n, size_t lo, size_t ns, size_t ne)
{
    size_t a, b;
    if (!fig_prev_word(s, lo, ns, &a, &b) || b + 1 != ns || !fig_word_eq(s, a, b, "voted"))
        return false;
    return ne + 5 < n && memcmp(s + ne, " to ", 4) == 0 &&
           (ex_is_digit((unsigned char)s[ne + 4]) || ex_is_lower((unsigned char)s[ne + 4]));
}
