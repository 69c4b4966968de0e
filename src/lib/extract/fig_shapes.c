/*
 * extract/fig_shapes.c — numbers whose unit is a shape of the words around
 * them rather than a unit word after them: an earthquake's magnitude
 * ("magnitude 7.1", "a 6.8-magnitude quake"), a multiple ("subscribed 38.5
 * times", "2.61 times the amount"), a bond's price or move in 32nds ("rose
 * 15/32", "gained 1-2/32"), a vote share's move in points (percentage
 * points), a majority counted in what the story counts, a conversion in
 * parentheses ("18 kilometers (11 miles)"), "one mln of its shares", a
 * confidence level that is no figure ("95% confidence interval"); and the
 * heads of subjects that say what a bare number counts ("Customers with
 * ... grew to", "Passenger numbers at", "The death toll from").
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lib.h"

/* See lib.h. */
bool
fig_magnitude(const char *s, size_t n, size_t ns, size_t ne, size_t *st, size_t *me)
{
    static const char word[] = "magnitude";
    const size_t k = sizeof word - 1;
    double v = fig_parse_num(s, ns, ne);
    if (v <= 0 || v >= 10 || !ex_is_digit((unsigned char)s[ns]))
        return false;
    if (ns >= k + 1 && (s[ns - 1] == ' ' || s[ns - 1] == '-') &&
        fig_word_eq(s, ns - 1 - k, ns - 1, word) &&
        (ns - 1 - k == 0 || !ex_is_alpha((unsigned char)s[ns - 2 - k]))) {
        *st = ns - 1 - k; /* "magnitude 7.1", "magnitude-5.6" */
        *me = ne;
        return true;
    }
    if (ne + 1 + k <= n && (s[ne] == ' ' || s[ne] == '-') &&
        fig_word_eq(s, ne + 1, ne + 1 + k, word) &&
        (ne + 1 + k == n || !ex_is_alpha((unsigned char)s[ne + 1 + k]))) {
        *st = ns; /* "a 6.8-magnitude quake", "a 7.1 magnitude earthquake" */
        *me = ne + 1 + k;
        return true;
    }
    return false;
}

/* See lib.h. */
bool
fig_multiple(const char *s, size_t n, size_t ns, size_t ne, size_t *me)
{
    /* what is a multiple: "subscribed 38.5 times", "bid 91.4 times"; a
     * whole number alone is as often a count of occasions ("won the Cup
     * four times as a player", "three times the world number two hangs
     * in") or a comparison's manner ("ten times faster") */
    static const char *const lead[] = {"subscribed", "oversubscribed", "covered", "bid",
                                       NULL};
    if (ne + 6 > n || memcmp(s + ne, " times", 6) != 0 ||
        (ne + 6 < n && ex_is_alpha((unsigned char)s[ne + 6])))
        return false;
    bool decimal = memchr(s + ns, '.', ne - ns) != NULL && ex_is_digit((unsigned char)s[ns]);
    struct fig_word w[1];
    bool led = fig_words_before(s, ns > 40 ? ns - 40 : 0, ns, w, 1) == 1 &&
               w[0].end + 1 == ns && fig_word_in(s, &w[0], lead);
    if (!(decimal || led))
        return false;
    *me = ne + 6;
    return true;
}

/* See lib.h. */
bool
fig_bond_price(const char *s, const struct span *sent, size_t ns, size_t ne,
               const char **unit, enum figure_kind *kind)
{
    static const char *const bond[] = {"bond", "bonds", "note", "notes", "treasury",
                                       "treasuries", "gilt", "gilts", "bund", "bunds", NULL};
    static const char *const change[] = {"up", "down", "off", "rose", "fell", "gained", "lost",
                                         "eased", "added", "shed", "dropped", "climbed",
                                         "slipped", "rallied", NULL};
    const char *slash = memchr(s + ns, '/', ne - ns);
    if (!slash || (size_t)(slash - s) + 3 > ne ||
        !(memcmp(slash + 1, "32", 2) == 0 || memcmp(slash + 1, "64", 2) == 0) ||
        !fig_sentence_has(s, sent, bond))
        return false;
    struct fig_word w[1];
    *unit = "points";
    *kind = fig_words_before(s, sent->start, ns, w, 1) == 1 && fig_word_in(s, &w[0], change)
                ? FIGURE_CHANGE
                : FIGURE_QUANTITY;
    return true;
}

/* See lib.h. */
bool
fig_share_points(const char *s, const struct span *sent, size_t st)
{
    static const char *const share[] = {"share", "lead", "majority", "swing", NULL};
    struct span before = {sent->start, (uint32_t)st};
    return st > sent->start &&
           (fig_sentence_has(s, &before, share) || fig_poll_points(s, sent, st)) &&
           !fig_index_sentence(s, sent);
}

/* See lib.h. */
const char *
fig_lead_count(const char *s, size_t n, size_t ns, size_t ne, bool counted_before)
{
    static const char key[] = "majority of ", pop[] = "population of ";
    const size_t k = sizeof key - 1, kp = sizeof pop - 1;
    if (memchr(s + ns, '.', ne - ns))
        return NULL;
    if (ns >= kp && memcmp(s + ns - kp, pop, kp) == 0)
        return "people"; /* "the village's population of 1,900" */
    if (counted_before || ns < k || memcmp(s + ns - k, key, k) != 0)
        return NULL;
    /* what the story counts next: "a majority of 3,716 ... 18,204 votes" */
    size_t lim = ne + 600 < n ? ne + 600 : n;
    for (size_t i = ne; i + 6 <= lim; i++) {
        if (ex_is_alpha((unsigned char)s[i - 1]))
            continue;
        if (memcmp(s + i, "votes", 5) == 0 && !ex_is_alpha((unsigned char)s[i + 5]))
            return "votes";
        if (memcmp(s + i, "seats", 5) == 0 && !ex_is_alpha((unsigned char)s[i + 5]))
            return "seats";
    }
    return NULL;
}

/* See lib.h. */
bool
fig_per_day_after(const char *s, size_t n, size_t me)
{
    /* "3.4 billion cubic feet of natural gas a day" */
    if (me + 4 > n || memcmp(s + me, " of ", 4) != 0)
        return false;
    size_t i = me + 4;
    for (int words = 0; words < 3; words++) {
        size_t e = i;
        while (e < n && ex_is_lower((unsigned char)s[e]))
            e++;
        if (e == i || e >= n || s[e] != ' ')
            return false;
        i = e + 1;
        if ((i + 4 <= n && memcmp(s + i, "a day", 5) == 0) ||
            (i + 7 <= n && memcmp(s + i, "per day", 7) == 0))
            return true;
    }
    return false;
}

/* See lib.h. */
bool
fig_confidence_level(const char *s, size_t n, size_t me)
{
    size_t i = me;
    while (i < n && s[i] == ' ')
        i++;
    if (i + 2 <= n && s[i] == 'C' && s[i + 1] == 'I' && (i + 2 == n || !ex_is_alpha((unsigned char)s[i + 2])))
        return true; /* "95% CI" */
    return i + 10 <= n && memcmp(s + i, "confidence", 10) == 0;
}

/* See lib.h. */
bool
fig_cents_orphan(const char *s, size_t n, size_t us, size_t ue, const struct extraction *out,
                 size_t base, size_t st)
{
    if (ue != us + 1 || s[us] != 'c')
        return false;
    for (size_t i = out->nfigures; i > base; i--) {
        const struct figure *p = &out->figures[i - 1];
        if (p->span.end + 600 < st)
            break;
        if (p->kind == FIGURE_AMOUNT)
            return false;
    }
    (void)n;
    return true; /* "the Psion series 3c": no money before it */
}

/* See lib.h. */
bool
fig_rate_base(const char *s, size_t n, size_t st, size_t me)
{
    if (st < 5 || memcmp(s + st - 5, "on a ", 5) != 0 || (st > 5 && ex_is_alpha((unsigned char)s[st - 6])))
        return false;
    if (me + 1 >= n || s[me] != ' ' || !ex_is_lower((unsigned char)s[me + 1]))
        return false;
    size_t e = me + 1;
    while (e < n && ex_is_lower((unsigned char)s[e]))
        e++;
    return e >= n || s[e] == '.' || s[e] == ',' || s[e] == ';'; /* "on a $250,000 home." */
}

/* See lib.h. */
const char *
fig_rate_again(const char *s, const struct figure *prev, const struct figure *f)
{
    static const char *const cmp[] = {"against", "from", "vs", "versus", "with", "than", NULL};
    if (!prev || !prev->unit || !f->unit || prev->sentence.start != f->sentence.start ||
        prev->span.end > f->span.start)
        return NULL;
    size_t k = strlen(f->unit);
    if (strncmp(prev->unit, f->unit, k) != 0 || strncmp(prev->unit + k, " per ", 5) != 0)
        return NULL;
    struct fig_word w[1];
    if (fig_words_before(s, prev->span.end, f->span.start, w, 1) != 1 || !fig_word_in(s, &w[0], cmp))
        return NULL;
    return prev->unit; /* "112.4 bushels per acre against 119.8 bushels" */
}

/* See lib.h. */
bool
fig_count_again(const char *s, const struct span *sent, const struct figure *prev, size_t ns)
{
    static const char *const lead[] = {"reach", "reached", "to", "from", "than", "hit", "top",
                                       "exceed", "about", "nearly", "some", "around", NULL};
    struct fig_word w[1];
    return prev && prev->kind == FIGURE_COUNT && prev->unit && prev->scale &&
           prev->sentence.start == sent->start && prev->span.end <= ns &&
           fig_words_before(s, sent->start, ns, w, 1) == 1 && w[0].end + 1 == ns &&
           fig_word_in(s, &w[0], lead);
}

/* See lib.h. */
const char *
fig_conversion_unit(const char *s, size_t st, size_t us, size_t ue, const struct figure *prev)
{
    static const char *const units[] = {"miles", "feet", "inches", "yards", "mph", "km/h",
                                        "km", "kilometres", "kilometers", NULL};
    if (!prev || !prev->unit || prev->kind != FIGURE_QUANTITY || st < 2 || s[st - 1] != '(' ||
        prev->span.end + 2 != st || s[st - 2] != ' ')
        return NULL;
    for (const char *const *u = units; *u; u++)
        if (fig_word_eq(s, us, ue, *u))
            return *u; /* "a depth of 18 kilometers (11 miles)" */
    return NULL;
}

/* See lib.h. */
bool
fig_of_plural(const char *s, size_t n, size_t me, char *noun, size_t cap)
{
    static const char *const dets[] = {"its ", "the ", "their ", "his ", "her ", NULL};
    if (me + 4 > n || memcmp(s + me, " of ", 4) != 0)
        return false;
    size_t i = me + 4;
    for (const char *const *d = dets; *d; d++)
        if (i + strlen(*d) < n && memcmp(s + i, *d, strlen(*d)) == 0) {
            i += strlen(*d);
            if (i + 4 < n && memcmp(s + i, "own ", 4) == 0)
                i += 4; /* "150 million of its own shares" */
            break;
        }
    if (i > me + 4 && i < n && ex_is_digit((unsigned char)s[i]))
        i = fig_of_whole_noun(s, n, i); /* "3.88 crore of the 5.3 crore registered voters" */
    size_t e = i;
    while (e < n && ex_is_lower((unsigned char)s[e]))
        e++;
    size_t len = e - i;
    if (len < 4 || len + 1 > cap || (e < n && (ex_is_alpha((unsigned char)s[e]) || s[e] == '-')) ||
        s[e - 1] != 's' || s[e - 2] == 's' || s[e - 2] == 'u' || s[e - 2] == 'i')
        return false;
    memcpy(noun, s + i, len); /* "buy back up to one mln of its shares" */
    noun[len] = '\0';
    return true;
}

/* Does the subject at [i, a) open with its head, a plural noun, and a
 * phrase or clause after it ("Customers with annual revenue above
 * $100,000", "Households that rent")? Sets [*na, *nb) to the head. */
bool
fig_head_postmodified(const char *s, size_t i, size_t a, size_t *na, size_t *nb)
{
    static const char *const post[] = {"with", "who", "that", "whose", NULL};
    static const char *const at[] = {"at", "in", "on", "across", NULL};
    size_t e = i;
    while (e < a && ex_is_alpha((unsigned char)s[e]))
        e++;
    size_t h = e + 1, he = h; /* "Passenger numbers at Kestrel Airport" */
    while (he < a && ex_is_alpha((unsigned char)s[he]))
        he++;
    /* "Measles cases in the northern region": a plural that counts, not
     * a measure's ("Car sales in Europe rose to 1.2 million") */
    static const char *const measures[] = {
        "sales", "prices", "profits", "revenues", "earnings", "exports", "imports", "costs",
        "rates", "yields", "shares", "wages", "assets", "deposits", "reserves", "stocks",
        "funds", "losses", "taxes", "temperatures", "speeds", "volumes", "levels", "figures",
        "totals", "orders", "payments", "receipts", "balances", "savings", "ratings", "scores",
        "bills", "averages", "is", "was", "has", "does", NULL};
    struct fig_word hw = {h, he};
    bool counts = fig_word_eq(s, h, he, "numbers") ||
                  (he - h >= 4 && s[he - 1] == 's' && s[he - 2] != 's' && s[he - 2] != 'u' &&
                   !fig_word_in(s, &hw, measures));
    if (e < a && s[e] == ' ' && counts && he < a && s[he] == ' ') {
        size_t p = he + 1, pe = p;
        while (pe < a && ex_is_alpha((unsigned char)s[pe]))
            pe++;
        for (const char *const *x = at; *x; x++)
            if (fig_word_eq(s, p, pe, *x)) {
                *na = h;
                *nb = he;
                return true;
            }
    }
    if (e - i < 4 || s[e - 1] != 's' || e >= a || s[e] != ' ')
        return false;
    size_t e2 = e + 1;
    while (e2 < a && ex_is_alpha((unsigned char)s[e2]))
        e2++;
    bool hit = false;
    for (const char *const *p = post; *p && !hit; p++)
        hit = fig_word_eq(s, e + 1, e2, *p);
    if (!hit)
        return false;
    *na = i;
    *nb = e;
    return true;
}

/* Does the subject at [i, a) open with a toll ("The death toll from ...",
 * "The toll")? Its count is of people. */
bool
fig_toll_subject(const char *s, size_t i, size_t a)
{
    size_t e = i;
    for (int k = 0; k < 3 && e < a; k++) {
        size_t b = e;
        while (b < a && ex_is_alpha((unsigned char)s[b]))
            b++;
        if (fig_word_eq(s, e, b, "toll"))
            return true;
        if (b >= a || s[b] != ' ')
            return false;
        e = b + 1;
    }
    return false;
}

/* See lib.h. */
bool
fig_index_reading(const char *s, const struct span *sent, size_t ns, size_t ne)
{
    static const char *const index[] = {"index", NULL};
    static const char *const shares[] = {"pct", "percent", "cent", NULL};
    if (!memchr(s + ns, '.', ne - ns) || fig_parse_num(s, ns, ne) >= 100)
        return false;
    struct fig_word w;
    if (fig_words_before(s, sent->start, ns, &w, 1) != 1 ||
        !(fig_wis(s, &w, "to") || fig_wis(s, &w, "at")))
        return false;
    struct span before = {sent->start, w.start};
    return fig_sentence_has(s, &before, index) && !fig_sentence_has(s, sent, shares) &&
           !memchr(s + sent->start, '%', sent->end - sent->start);
}

/* See lib.h. */
const char *
fig_unit_per(const char *s, size_t n, size_t ns, size_t us, size_t ue,
             const struct fig_unitmap *um, const struct figure *prev, const struct span *sent)
{
    if (um->cls == 2 && ue - us <= 6 && ex_lower((unsigned char)s[us]) == 'f' &&
        strcmp(um->unit, "CHF") == 0)
        return fig_home_franc(s, n); /* bare "francs" on a Paris dateline */
    if (um->cls == 2 && ex_lower((unsigned char)s[us]) == 'p' && strcmp(um->unit, "MXN") == 0)
        return fig_home_peso(s, n); /* bare "pesos" on a Manila dateline */
    if (um->cls == 2 && strcmp(um->unit, "crowns") == 0)
        return fig_home_crown(s, n); /* bare "crowns" on a Stockholm dateline */
    if (um->cls != 3 || ue + 4 >= n || ue - us > 24)
        return um->unit;
    /* "17.8 tonnes of fresh fruit bunches per hectare": the unit per what */
    size_t i = ue;
    if (memcmp(s + i, " of ", 4) == 0) {
        size_t words = 0;
        i += 4;
        while (i < n && words < 5 && memcmp(s + i, "per ", 4) != 0) {
            while (i < n && ex_is_lower((unsigned char)s[i]))
                i++;
            if (i >= n || s[i] != ' ')
                break;
            i++;
            words++;
        }
        if (words > 0 && i + 4 < n && memcmp(s + i, "per ", 4) == 0) {
            char buf[64];
            size_t e = i + 4;
            while (e < n && ex_is_lower((unsigned char)s[e]))
                e++;
            int len = snprintf(buf, sizeof buf, "%.*s %.*s", (int)(ue - us), s + us,
                               (int)(e - i), s + i);
            const struct fig_unitmap *per =
                len > 0 && (size_t)len < sizeof buf ? fig_unit_lookup(buf, 0, (size_t)len) : NULL;
            if (per && per->cls == 3)
                return per->unit;
        }
    }
    /* "... per hectare from 19.2 tonnes": compared with the rate before it */
    struct fig_word w;
    size_t plen = prev && prev->unit ? strlen(um->unit) : 0;
    if (plen && prev->sentence.start == sent->start && prev->span.end <= ns &&
        strncmp(prev->unit, um->unit, plen) == 0 && strncmp(prev->unit + plen, " per ", 5) == 0 &&
        fig_words_before(s, sent->start, ns, &w, 1) == 1 && w.start >= prev->span.end &&
        (fig_wis(s, &w, "from") || fig_wis(s, &w, "against") || fig_wis(s, &w, "vs")))
        return prev->unit;
    return um->unit;
}
