/*
 * ingest/top_lines.c — lines at the top and foot of a copy that name its
 * paper and date it, in the shapes database exports, PDF pages and papers
 * in other languages give them: "Paper, date" under the headline, the
 * paper's name between the headline and its date line, a headline set
 * over several short lines, numeric dates after a publication cue (day
 * first in a language that writes them so), an e-edition's copyright foot.
 * metadata.c reads the top and the foot and calls these.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

/* "Rhein-Neckar-Kurier, 7. November 2023", "The Valley Post - March 3,
 * 2024": a name shaped as an outlet's, a comma or a dash, then a whole
 * date (a place before a date, "Washington, March 3, 2024", is no outlet's
 * name). The name's length, or 0. */
static size_t weekday_head(const char *s, size_t n);

/* See lib.h. */
size_t
ing_page_lead(const char *s, size_t n)
{
    size_t i = 0;
    if (ing_istarts(s, n, "page ") || ing_istarts(s, n, "p. "))
        i = s[1] == '.' ? 3 : 5;
    else if (n && s[0] >= 'A' && s[0] <= 'H' && n > 1 && isdigit((unsigned char)s[1]))
        i = 1; /* a section's page, "A6" */
    size_t d = i;
    while (d < n && d - i < 3 && isdigit((unsigned char)s[d]))
        d++;
    if (d == i || d >= n || isdigit((unsigned char)s[d]))
        return 0;
    static const char *const seps[] = {" \xe2\x80\x94 ", " \xe2\x80\x93 ", " - ", " | "};
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++)
        if (ing_istarts(s + d, n - d, seps[k]))
            return d + strlen(seps[k]);
    /* "4 THE DALTON GAZETTE, ...": a bare number before a name in capitals */
    return s[d] == ' ' && d + 2 < n && isupper((unsigned char)s[d + 1]) &&
                   isupper((unsigned char)s[d + 2]) ? d + 1 : 0;
}

/* Does the name end in a weekday after a separator ("The Clarion \xe2\x80\x94 Friday"
 * before ", October 3, 1952")? Then the date starts at the weekday. */
static bool
name_ends_in_weekday(const char *s, size_t nl)
{
    size_t b = nl;
    while (b && s[b - 1] != ' ')
        b--;
    if (b < 3 || b == nl || !(s[b - 2] == '-' || s[b - 2] == '|' || (unsigned char)s[b - 2] >= 0x80))
        return false;
    char w[24];
    size_t wl = nl - b;
    if (wl + 2 > sizeof w)
        return false;
    memcpy(w, s + b, wl);
    memcpy(w + wl, ", ", 2);
    return weekday_head(w, wl + 2) != 0;
}

/* See lib.h. */
bool
ing_place_dash(const char *s, size_t n, size_t nl)
{
    return nl && !memchr(s, ' ', nl) && nl + 4 < n &&
           (ing_istarts(s + nl, n - nl, " \xe2\x80\x94 ") || ing_istarts(s + nl, n - nl, " \xe2\x80\x93 "));
}

/* See lib.h. */
bool
ing_chart_source(const struct ing_doc *d, size_t i)
{
    static const char *const labels[] = {"chart:", "graphic:", "graph:", "table:", "figure:",
                                         "map:", "infographic:", "grafik:", "graphique :",
                                         "graphique:", "gr\xc3\xa1" "fico:", "tabelle:"};
    const struct ing_doc_line *l = &d->lines[i];
    if (!ing_istarts(l->t, l->tl, "source:") && !ing_istarts(l->t, l->tl, "sources:") &&
        !ing_istarts(l->t, l->tl, "data:") && !ing_istarts(l->t, l->tl, "quelle:"))
        return false;
    size_t p = ing_prev_line(d, i);
    if (p == (size_t)-1)
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(labels); k++)
        if (ing_istarts(d->lines[p].t, d->lines[p].tl, labels[k]))
            return true;
    return false;
}

/* The outlet and date of a line that may open with a running head's page
 * number (see ing_page_lead; the caller skips it in the name). */
static size_t outlet_then_date_at(const char *s, size_t n, struct ing_date *dt);

size_t
ing_outlet_then_date(const char *s, size_t n, struct ing_date *dt)
{
    size_t lead = ing_page_lead(s, n), r = outlet_then_date_at(s + lead, n - lead, dt);
    return r ? lead + r : 0;
}

static size_t
outlet_then_date_at(const char *s, size_t n, struct ing_date *dt)
{
    /* " | ": a PDF's masthead line, "PAPER  |  Tuesday, March 5, 2024  |  Page A6" */
    static const char *const seps[] = {", ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " | "};
    if (n > 100)
        return 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        const char *hit = ing_ifind(s, n, seps[k]);
        if (!hit || hit == s)
            continue;
        size_t nl = (size_t)(hit - s), r = nl + strlen(seps[k]), de = n;
        while (nl && s[nl - 1] == ' ')
            nl--;
        if (name_ends_in_weekday(s, nl))
            continue;
        while (r < n && s[r] == ' ')
            r++;
        /* "X \xe2\x80\x94 30 May 2024 \xe2\x80\x94 page 7": a clipping's page after the date */
        const char *again = ing_ifind(s + r, n - r, seps[k]);
        if (again && k > 0) {
            const char *pg = again + strlen(seps[k]);
            while (pg < s + n && *pg == ' ')
                pg++;
            while (again > s + r && again[-1] == ' ')
                again--;
            size_t pl = (size_t)(s + n - pg);
            if (pl <= 12 && (ing_istarts(pg, pl, "page ") || ing_istarts(pg, pl, "p. ") ||
                             ing_istarts(pg, pl, "pg")))
                de = (size_t)(again - s);
        }
        size_t ne = r; /* "Dziennik Pomorski, 05.03.2024": a dotted date is day first */
        while (ne < de && ((s[ne] >= '0' && s[ne] <= '9') || s[ne] == '.'))
            ne++;
        bool dotted = ne > r + 7 && memchr(s + r, '.', ne - r) &&
                      ing_numeric_date(s + r, ne - r, true, dt) && ing_only_time(s + ne, de - ne);
        if (!dotted && (!ing_parse_date_whole(s + r, de - r, dt) || !dt->y || !dt->d))
            continue;
        /* a hyphenated name's parts are its words ("Rhein-Neckar-Kurier") */
        char name[104];
        memcpy(name, s, nl);
        for (size_t i = 0; i < nl; i++)
            if (name[i] == '-')
                name[i] = ' ';
        if (ing_outlet_like(name, nl, false))
            return nl;
    }
    return 0;
}

/* A numeric date at s ("14/02/2024", "12.03.2024", "3/13/2024"):
 * day first with dots, when the first number cannot be a month, or when
 * day_first says the line's language writes dates so; month first
 * otherwise (as in the United States). */
bool
ing_numeric_date(const char *s, size_t n, bool day_first, struct ing_date *dt)
{
    char buf[24];
    size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
    memcpy(buf, s, k);
    buf[k] = '\0';
    int a, b, y, used = 0;
    char sep;
    if (sscanf(buf, "%2d%c%2d%*c%4d%n", &a, &sep, &b, &y, &used) != 4 || used < 8 ||
        (sep != '/' && sep != '.') || buf[used - 5] != sep || y < 1900 || y > 2100 ||
        (buf[used] >= '0' && buf[used] <= '9'))
        return false;
    bool df = sep == '.' || a > 12 || (day_first && b <= 12);
    int mo = df ? b : a, d = df ? a : b;
    if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return false;
    *dt = (struct ing_date){.y = y, .m = mo, .d = d};
    return true;
}

/* "Actualizado: 14/02/2024 09:15", "Posted 11/10/2023", "Aktualisiert am
 * 12.03.2024": a publication cue and a numeric date (day first after a cue
 * in a language that writes dates so). */
bool
ing_published_numeric(const char *s, size_t n, struct ing_date *dt)
{
    return ing_published_numeric_in(s, n, ING_ORDER_TEXT, dt);
}

/* Is "a/b/yyyy" at s two readings apart (both numbers could be a month)? */
static bool
numeric_ambiguous(const char *s, size_t n)
{
    char buf[24];
    size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
    memcpy(buf, s, k);
    buf[k] = '\0';
    int a, b;
    char sep;
    return sscanf(buf, "%2d%c%2d", &a, &sep, &b) == 3 && sep == '/' && a >= 1 && a <= 12 &&
           b >= 1 && b <= 12 && a != b;
}

/* See lib.h. */
bool
ing_published_numeric_in(const char *s, size_t n, int order, struct ing_date *dt)
{
    static const struct {
        const char *head;
        bool day_first;
    } heads[] = {{"published", false},  {"updated", false},   {"posted", false},
                 {"actualizado", true}, {"publicado", true},  {"aktualisiert", true},
                 {"ver\xc3\xb6" "ffentlicht", true}, {"publi\xc3\xa9", true},
                 {"mis \xc3\xa0 jour", true},  {"pubblicato", true}, {"aggiornato", true},
                 {"atualizado", true}, {"gepubliceerd", true}, {"bijgewerkt", true},
                 {"opublikowano", true}, {"aktualizacja", true}, {"stand", true},
                 {"publiziert", true}, {"erschienen", true}, {"diterbitkan", true},
                 {"dipublikasikan", true}, {"le", true}};
    if (n > 120)
        return false;
    for (size_t k = 0; k < DS_ARRAY_LEN(heads); k++) {
        size_t i = strlen(heads[k].head);
        if (!ing_istarts(s, n, heads[k].head) || (i < n && isalpha((unsigned char)s[i])))
            continue; /* a whole word: "Le 05/03/2024", not "Lebanon" */
        while (i < n && (s[i] == ':' || s[i] == ' '))
            i++;
        static const char *const joins[] = {"on ", "el ", "am ", "le ", "il ", "em ", "op "};
        for (size_t j = 0; j < DS_ARRAY_LEN(joins); j++)
            if (ing_istarts(s + i, n - i, joins[j]))
                i += 3;
        size_t e = i;
        while (e < n && s[e] != ' ')
            e++;
        /* "Publicado em 05/03/2024 - 14h32 · Atualizado há 2 horas": what
         * follows a separator is another field */
        size_t end = n;
        static const char *const seps[] = {" \xc2\xb7 ", " | ", " \xe2\x80\xa2 ", " - "};
        for (size_t j = 0; j < DS_ARRAY_LEN(seps); j++) {
            const char *at = ing_ifind(s + e, end - e, seps[j]);
            if (at)
                end = (size_t)(at - s);
        }
        bool df = heads[k].day_first || order == ING_ORDER_DAY_FIRST;
        if (!heads[k].day_first && order == ING_ORDER_UNKNOWN && numeric_ambiguous(s + i, e - i))
            return false; /* "Published: 04/03/2024" on a page of no country */
        return end <= 60 && ing_numeric_date(s + i, e - i, df, dt) &&
               (e == end || ing_only_time(s + e, end - e));
    }
    return false;
}

/* See lib.h. */
bool
ing_place_date_line(const char *s, size_t n, struct ing_date *dt)
{
    const char *comma = n <= 80 ? memchr(s, ',', n) : NULL;
    size_t skip = 1; /* "Monterrey / 12.03.2024 11:40": a slash between */
    if (!comma && n <= 80 && (comma = ing_ifind(s, n, " / ")) != NULL)
        skip = 3;
    if (!comma || comma == s)
        return false;
    size_t pl = (size_t)(comma - s), words = 0;
    for (size_t i = 0; i < pl; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || c == ':')
            return false; /* a place holds no label: "Source: ONS, 12 March 2024" */
        if (i == 0 || s[i - 1] == ' ') {
            if (c == ' ' || !((c >= 'A' && c <= 'Z') || c >= 0x80) || ++words > 3)
                return false;
        }
    }
    size_t i = pl + skip;
    while (i < n && s[i] == ' ')
        i++;
    size_t e = n;
    if (e >= i + 3 && ing_ieq(s + e - 3, 3, " r.")) /* Polish "roku" */
        e -= 3;
    size_t at = ing_date_at(s, e, i, dt);
    if (!at) { /* "12.03.2024": numeric, day first unless it cannot be */
        at = i;
        while (at < e && s[at] != ' ')
            at++;
        if (!ing_numeric_date(s + i, at - i, false, dt))
            return false;
    }
    return dt->d && (at == e || ing_only_time(s + at, e - at));
}

/* See lib.h. */
size_t
ing_name_fields_line(const char *s, size_t n, struct ing_date *dt)
{
    /* " · ", " | ", and in a text copy " — ", " – ", " • " ("Jane Roe — Helsinki
     * — 4 March 2024": three fields, a whole date in a later one enough) */
    static const char *const seps[] = {" \xc2\xb7 ", " | ", " \xe2\x80\x94 ", " \xe2\x80\x93 ",
                                       " \xe2\x80\xa2 "};
    if (n > 160)
        return 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        size_t sl = strlen(seps[k]), fields = 1, name_len = 0;
        bool dated = false;
        for (size_t i = 0; i < n && fields <= 4;) {
            const char *hit = ing_ifind(s + i, n - i, seps[k]);
            size_t e = hit ? (size_t)(hit - s) : n;
            if (i == 0)
                name_len = e;
            else if (!dated && (ing_is_published_line(s + i, e - i, dt) ||
                                (k >= 2 && ing_parse_date_whole(s + i, e - i, dt) && dt->d)))
                dated = true;
            if (!hit)
                break;
            fields++;
            i = e + sl;
        }
        struct ing_name_shape ns;
        /* with dashes, a name a place and a date: "New York — March 4, 2024" is a place's */
        if (dated && fields >= (k >= 2 ? 3u : 2u) && fields <= 4 && name_len < n &&
            ing_name_shape(s, name_len, &ns) && ns.person)
            return name_len;
    }
    return 0;
}

/* The paper's name between the headline and its date or byline lines
 * (a database's or a copy's header: "Headline / L'\xc3\x89" "cho du Midi /
 * Mardi 23 janvier 2024 / Par X"): the source, when it is short, shaped as
 * an outlet's name and a metadata line sits right under it. */
bool
ing_top_outlet_under(struct ing_doc *d, const size_t *ix, const bool *ma, size_t ni, size_t title_at)
{
    size_t k = title_at + 1;
    if (k >= ni || !ma[k])
        return false;
    struct ing_doc_line *l = &d->lines[ix[k]];
    if (l->tl > 60 || ix[k] + 1 >= d->n || !d->lines[ix[k] + 1].why ||
        ing_ends_with_any(l->t, l->tl, ".:;,"))
        return false;
    const char *canon = outlets_match(d->outlets, l->t, l->tl);
    if (!canon && !ing_outlet_like(l->t, l->tl, false))
        return false;
    ing_set_source(d, canon ? canon : l->t, canon ? strlen(canon) : l->tl,
                   canon ? RANK_ALONE : RANK_ALONE_UNKNOWN);
    l->why = "source";
    return true;
}

/* A headline set over several short lines, as a PDF converter or a
 * narrow column leaves it ("Council backs / new water plant / after rate
 * fight"): two to four lines with no gap, each of at most five words and
 * no closing punctuation, the first capitalised and the others going on in
 * lower case, then a gap or a metadata line. Joined as the title; the
 * number of lines taken, or 0. */
size_t
ing_top_stacked_headline(struct ing_doc *d, const size_t *ix, const bool *gb, const bool *ma,
                     size_t ni)
{
    size_t k = 0;
    while (k < ni && k < 4) {
        const struct ing_doc_line *l = &d->lines[ix[k]];
        bool lower = l->t[0] >= 'a' && l->t[0] <= 'z';
        if ((k && gb[k]) || l->tl > 40 || ing_count_words_max(l->t, l->tl, 6) > 5 ||
            ing_ends_with_any(l->t, l->tl, ".:;,!?") || (k == 0 ? lower || !ing_is_headline_like(l) : !lower))
            break;
        k++;
        if (ma[k - 1])
            break;
    }
    if (k < 2 || (k < ni && !gb[k] && !ma[k - 1]))
        return 0;
    struct buf t = BUF_INIT;
    for (size_t j = 0; j < k; j++) {
        struct ing_doc_line *l = &d->lines[ix[j]];
        if (j)
            buf_putc(&t, ' ');
        buf_append(&t, l->t, l->tl);
        l->why = "title";
    }
    free(d->a->title);
    d->a->title = buf_steal(&t);
    return k;
}

/* An e-edition's copyright foot ("Copyright (c)2024 The X, Edition
 * 3/13/2024"): the edition's date dates a copy that has no other. */
void
ing_edition_date(struct ing_doc *d, const char *s, size_t n)
{
    const char *ed = ing_ifind(s, n, "edition ");
    struct ing_date dt;
    if (!ed || d->a->published)
        return;
    const char *p = ed + 8;
    size_t e = 0, left = (size_t)(s + n - p);
    while (e < left && p[e] != ' ')
        e++;
    if (ing_numeric_date(p, e, false, &dt) || ing_parse_date_whole(p, left, &dt))
        ing_set_date(d->a, &dt, DATE_PUBLISHED_LINE);
}

/* ---- date-led lines (metadata.c reads them among the top lines) ---- */

/* A line that opens with a date and holds only short metadata fields after
 * it ("15 January 2020 • 9:58pm", "2022年01月01日 08:00　来源：X　记者 Y").
 * Prose that starts with a date ("May 17, 2018 was a day ...") is not one. */
bool
ing_is_date_led(const char *s, size_t n, struct ing_date *dt)
{
    if (n > 160 || ing_is_prose(s, n, 4))
        return false;
    size_t e = ing_date_at(s, n, 0, dt);
    if (!e)
        return false;
    if (e < n && ((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z')))
        return false;
    if (ing_only_time(s + e, n - e))
        return true;
    /* fields after a separator */
    size_t i = e;
    while (i < n && s[i] == ' ')
        i++;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ':' || s[i] == ' '))
        i++;
    bool sep = i < n && (s[i] == '|' || ing_istarts(s + i, n - i, "\xe3\x80\x80") ||
                         ing_istarts(s + i, n - i, "\xe2\x80\xa2") ||
                         ing_istarts(s + i, n - i, "\xc2\xb7") ||
                         ing_istarts(s + i, n - i, "\xef\xbd\x9c"));
    return sep && ing_count_words(s + i, n - i) <= 30;
}

/* Length of a weekday opening s ("Thursday ", "Thu, "), 0 when none. */
static size_t
weekday_head(const char *s, size_t n)
{
    static const char *const days[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        /* French, German, Spanish: "Mardi 23 janvier 2024", "Dienstag, 7. November 2023" */
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag",
        "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunes", "martes",
        "mi\xc3\xa9rcoles", "jueves", "viernes", "s\xc3\xa1" "bado", "domingo",
        /* Italian, Portuguese, Dutch, Polish: "dinsdag 9 april 2024" */
        "luned\xc3\xac", "marted\xc3\xac", "mercoled\xc3\xac", "gioved\xc3\xac",
        "venerd\xc3\xac", "sabato", "domenica", "segunda-feira", "ter\xc3\xa7" "a-feira",
        "quarta-feira", "quinta-feira", "sexta-feira", "maandag", "dinsdag", "woensdag",
        "donderdag", "vrijdag", "zaterdag", "zondag", "poniedzia\xc5\x82" "ek", "wtorek",
        "\xc5\x9broda", "czwartek", "pi\xc4\x85tek", "sobota", "niedziela",
        /* Indonesian: "Senin, 04 Mar 2024 09:15 WIB" */
        "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"};
    for (size_t k = 0; k < DS_ARRAY_LEN(days); k++) {
        size_t m = strlen(days[k]);
        if (n > m + 1 && ing_istarts(s, n, days[k]) && (s[m] == ' ' || s[m] == ',')) {
            m += s[m] == ',';
            while (m < n && s[m] == ' ')
                m++;
            return m;
        }
    }
    return 0;
}

/* A date line with a time and fields after it that ing_is_date_led does not
 * take: a weekday first, ", 04:15 PM EST | Updated ..." (the date before
 * the bar), "..., 12.01am, The Times" (a known outlet last: the source). */
bool
ing_date_led_fields(struct ing_doc *d, const char *s, size_t n, struct ing_date *dt)
{
    if (n > 160 || ing_is_prose(s, n, 4))
        return false;
    size_t w = weekday_head(s, n);
    const char *p = s + w;
    size_t pn = n - w;
    if (w && ing_is_date_led(p, pn, dt))
        return true;
    size_t e = ing_date_at(p, pn, 0, dt);
    if (!e || (e < pn && ((p[e] >= 'a' && p[e] <= 'z') || (p[e] >= 'A' && p[e] <= 'Z'))))
        return false;
    const char *bar = memchr(p + e, '|', pn - e);
    size_t end = bar ? (size_t)(bar - p) : pn;
    const char *canon = NULL;
    for (size_t k = end; k-- > e + 1;) {
        if (p[k - 1] == ',' && p[k] == ' ') {
            canon = outlets_match(d->outlets, p + k + 1, end - k - 1);
            if (canon)
                end = k - 1;
            break;
        }
    }
    if (end > e && !ing_only_time(p + e, end - e))
        return false;
    if (!bar && !canon && !w)
        return false; /* ing_is_date_led's own shapes */
    if (canon)
        ing_set_source(d, canon, strlen(canon), RANK_BYLINE);
    return true;
}

/* See lib.h (Sakamoto's method). */
int
ing_weekday_of(int y, int m, int d)
{
    static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y--;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* The weekday a sentence gives its news ("signed a treaty on Friday"), 0
 * for Sunday, or -1. */
static int
news_weekday(const char *s, size_t n)
{
    static const char *const days[7] = {" on Sunday",   " on Monday", " on Tuesday",
                                        " on Wednesday", " on Thursday", " on Friday",
                                        " on Saturday"};
    for (int k = 0; k < 7; k++) {
        size_t kl = strlen(days[k]);
        for (const char *p = ing_ifind(s, n, days[k]); p;
             p = ing_ifind(p + 1, n - (size_t)(p + 1 - s), days[k]))
            if ((size_t)(p - s) + kl == n || !isalpha((unsigned char)p[kl]))
                return k;
    }
    return -1;
}

/* See lib.h. */
void
ing_numeric_by_weekday(struct ing_doc *d)
{
    if (d->a->published || d->numeric_order != ING_ORDER_UNKNOWN)
        return;
    struct ing_date mf = {0}, df = {0};
    int wd = -1;
    size_t seen = 0;
    for (size_t i = 0; i < d->n && seen < 10 && wd < 0; i++) {
        const struct ing_doc_line *l = &d->lines[i];
        if (l->blank)
            continue;
        seen++;
        if (!mf.y) {
            if (ing_published_numeric_in(l->t, l->tl, ING_ORDER_MONTH_FIRST, &mf) &&
                !ing_published_numeric_in(l->t, l->tl, ING_ORDER_DAY_FIRST, &df))
                mf.y = 0;
        } else if (ing_is_prose(l->t, l->tl, 6)) {
            wd = news_weekday(l->t, l->tl);
        }
    }
    if (!mf.y || !df.y || wd < 0)
        return;
    int wm = ing_weekday_of(mf.y, mf.m, mf.d), wf = ing_weekday_of(df.y, df.m, df.d);
    bool m_ok = wm == wd || wm == (wd + 1) % 7, d_ok = wf == wd || wf == (wd + 1) % 7;
    if (m_ok != d_ok)
        ing_set_date(d->a, m_ok ? &mf : &df, DATE_PUBLISHED_LINE);
}

/* A reading time alone ("3 min read", "5 minute read"), as an aggregator's
 * copy sets it after the outlet's name. */
static bool
reading_time(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    if (!i || i > 3 || i >= n || s[i] != ' ')
        return false;
    i++;
    return (n - i == 8 && ing_istarts(s + i, n - i, "min read")) ||
           (n - i == 11 && ing_istarts(s + i, n - i, "minute read")) ||
           (n - i == 9 && ing_istarts(s + i, n - i, "mins read"));
}

/* See lib.h. */
bool
ing_outlet_led_fields(struct ing_doc *d, const char *s, size_t n)
{
    /* " · ", " | " or (a feed reader's) " / " between the fields */
    static const char *const seps[] = {" \xc2\xb7 ", " | ", " / "};
    const char *sep = NULL, *sepw = NULL;
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        const char *hit = ing_ifind(s, n, seps[k]);
        if (hit && (!sep || hit < sep))
            sep = hit, sepw = seps[k];
    }
    if (n > 160 || !sep || sep == s || !ing_outlet_like(s, (size_t)(sep - s), false))
        return false;
    size_t swl = strlen(sepw);
    const char *rest = sep + swl;
    size_t rl = n - (size_t)(rest - s), at;
    char *name = NULL;
    struct ing_date dt;
    bool has_date = false;
    if (!ing_is_byline(rest, rl, &name, &dt, &has_date) && !ing_find_date(rest, rl, &dt, &at) &&
        !reading_time(rest, rl))
        return false;
    free(name);
    const char *canon = outlets_match(d->outlets, s, (size_t)(sep - s));
    ing_set_source(d, canon ? canon : s, canon ? strlen(canon) : (size_t)(sep - s),
                   canon ? RANK_ALONE : RANK_ALONE_UNKNOWN);
    ing_meta_fields(d, rest, rl);
    for (const char *f = rest; f && f < s + n;) { /* the date among the fields */
        const char *nx = ing_ifind(f, n - (size_t)(f - s), sepw);
        size_t fl = nx ? (size_t)(nx - f) : n - (size_t)(f - s);
        if (ing_parse_date_whole(f, fl, &dt)) {
            ing_set_date(d->a, &dt, DATE_PUBLISHED_LINE);
            break;
        }
        f = nx ? nx + swl : NULL;
    }
    return true;
}

/* See lib.h. */
size_t
ing_last_content(const struct ing_doc *d, size_t k, size_t *out)
{
    size_t got = 0;
    for (size_t i = d->n; i-- > 0 && got < k;)
        if (ing_is_content(&d->lines[i]))
            out[got++] = i;
    return got;
}

/* See lib.h. */
void
ing_bio_byline(struct ing_doc *d)
{
    static const char *const verbs[] = {" is ", " covers ", " writes ", " reports "};
    static const char *const roles[] = {"reporter", "writer", "correspondent", "editor",
                                        "columnist", "journalist", "covers ", "writes "};
    if (d->a->byline)
        return;
    size_t last[3], nlast = ing_last_content(d, 3, last);
    for (size_t j = 0; j < nlast; j++) {
        struct ing_doc_line *l = &d->lines[last[j]];
        if (l->tl > 240)
            continue;
        for (size_t k = 0; k < DS_ARRAY_LEN(verbs); k++) {
            const char *v = ing_ifind(l->t, l->tl, verbs[k]);
            struct ing_name_shape ns;
            if (!v || !ing_name_shape(l->t, (size_t)(v - l->t), &ns) || !ns.person)
                continue;
            size_t rest = l->tl - (size_t)(v - l->t), cap = rest < 80 ? rest : 80;
            for (size_t r = 0; r < DS_ARRAY_LEN(roles); r++)
                if (ing_ifind(v, cap, roles[r])) {
                    d->a->byline = ing_dupn(l->t, (size_t)(v - l->t));
                    l->why = "byline";
                    return;
                }
        }
    }
}

/* See lib.h. */
bool
ing_words_date_line(const char *s, size_t n, struct ing_date *dt)
{
    static const char day[] = "ng\xc3\xa0y ";
    const char *at = n <= 80 ? ing_ifind(s, n, day) : NULL;
    if (!at || ing_count_words(s, (size_t)(at - s)) > 3)
        return false;
    char buf[96];
    memcpy(buf, at, n - (size_t)(at - s));
    buf[n - (size_t)(at - s)] = '\0';
    int d, m, y, used = 0;
    if (sscanf(buf, "ng\xc3\xa0y %2d th\xc3\xa1ng %2d n\xc4\x83m %4d%n", &d, &m, &y, &used) != 3 || m < 1 || m > 12 || d < 1 || d > 31 ||
        y < 1900 || y > 2100 || !ing_only_time(buf + used, strlen(buf + used)))
        return false;
    *dt = (struct ing_date){.y = y, .m = m, .d = d};
    return true;
}

/* Is s[0..n) a web address or a bare host ("www.x.com", "x-y.co.uk",
 * "https://...")? */
static bool
address_like(const char *s, size_t n)
{
    if (!n || memchr(s, ' ', n))
        return false;
    if (ing_istarts(s, n, "http://") || ing_istarts(s, n, "https://"))
        return true;
    size_t dots = 0, i = 0;
    for (; i < n && s[i] != '/'; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.')
            dots++;
        else if (!isalnum(c) && c != '-')
            return false;
    }
    size_t last = i;
    while (last && s[last - 1] != '.')
        last--;
    return dots && last && i - last >= 2 && isalpha((unsigned char)s[last]);
}

/* See lib.h. */
bool
ing_source_address(struct ing_doc *d, const char *val, size_t vl)
{
    if (!address_like(val, vl))
        return false;
    if (!d->a->url)
        d->a->url = ing_istarts(val, vl, "http") ? ing_dupn(val, vl)
                                                 : xasprintf("https://%.*s", (int)vl, val);
    return true;
}

/* The date right after val[0..vl) inside s[0..n) (", 9 March 2024", " —
 * June 25, 2024"), set as the article's. */
static void
date_after_value(struct ing_doc *d, const char *s, size_t n, const char *val, size_t vl)
{
    const char *rest = val + vl;
    size_t rl = (size_t)(s + n - rest), at;
    struct ing_date dt;
    if (rest >= s && rest <= s + n && rl && rl < 60 && ing_find_date(rest, rl, &dt, &at) &&
        at < 8 && dt.y && dt.d) /* right after the name: ", 9 March 2024" */
        ing_set_date(d->a, &dt, DATE_PUBLISHED_LINE);
}

/* See lib.h. */
void
ing_source_line_date(struct ing_doc *d, const char *s, size_t n, const char *val, size_t vl)
{
    /* an outlet's name only: "Source: ONS, 12 March 2024" under a chart
     * dates the figures, not the article */
    if (outlets_match(d->outlets, val, vl) || ing_outlet_like(val, vl, false))
        date_after_value(d, s, n, val, vl);
}

/* See lib.h. */
bool
ing_original_line(struct ing_doc *d, const char *s, size_t n)
{
    static const char *const keys[] = {"original: ", "original article: ", "originally at: ",
                                       "read the original at ", "originally published at ",
                                       "originally posted at ", "read the original article at "};
    size_t h = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(keys) && !h; k++)
        if (ing_istarts(s, n, keys[k]))
            h = strlen(keys[k]);
    if (!h || n > 200)
        return false;
    size_t al = strcspn(s + h, " ");
    if (al > n - h)
        al = n - h;
    if (!ing_source_address(d, s + h, al))
        return false;
    date_after_value(d, s, n, s + h, al); /* "Original: x.com — June 25, 2024" */
    return true;
}

/* See lib.h. */
bool
ing_field_row_date(const char *s, size_t n, struct ing_date *dt)
{
    static const char *const seps[] = {" \xc2\xb7 ", " | ", " \xe2\x80\xa2 "};
    const char *sep = NULL;
    for (size_t k = 0; k < DS_ARRAY_LEN(seps) && !sep; k++)
        sep = ing_ifind(s, n, seps[k]) ? seps[k] : NULL;
    if (!sep || n > 160)
        return false;
    size_t sl = strlen(sep), fields = 0;
    bool dated = false, cue = false;
    for (const char *f = s; f && f < s + n; fields++) {
        const char *nx = ing_ifind(f, (size_t)(s + n - f), sep);
        size_t fl = nx ? (size_t)(nx - f) : (size_t)(s + n - f);
        struct ing_date fd;
        if (ing_parse_date_whole(f, fl, &fd) && fd.y && fd.d) {
            if (!dated)
                *dt = fd;
            dated = true;
        } else if (ing_count_words_max(f, fl, 7) > 6 || memchr(f, '.', fl)) {
            return false; /* a sentence is no field */
        }
        /* "6 min read", "Published in X": a post's header row */
        cue = cue || ing_ifind(f, fl, " min read") || ing_istarts(f, fl, "published in ");
        f = nx ? nx + sl : NULL;
    }
    return dated && cue && fields >= 2 && fields <= 6;
}

/* See lib.h. */
bool
ing_name_fields_meta(struct ing_doc *d, struct ing_doc_line *l)
{
    struct ing_date dt;
    size_t nl = d->a->byline ? 0 : ing_name_fields_line(l->t, l->tl, &dt);
    if (!nl || ing_topic_words(l->t, nl))
        return false;
    d->a->byline = ing_dupn(l->t, nl);
    ing_set_date(d->a, &dt, DATE_PUBLISHED_LINE);
    l->why = "byline";
    return true;
}

/* See lib.h. */
void
ing_published_by(struct ing_doc *d, const char *s, size_t n)
{
    const char *by = ing_ifind(s, n, " by ");
    char *name = NULL;
    struct ing_date dt;
    bool has_date;
    if (d->a->byline || !by)
        return;
    if (ing_is_byline(by + 1, (size_t)(s + n - by) - 1, &name, &dt, &has_date) && name) {
        struct ing_name_shape ns;
        if (ing_name_shape(name, strlen(name), &ns) && ns.person) {
            d->a->byline = name; /* "Posted on March 4, 2024 by Jane Roe" */
            return;
        }
    }
    free(name);
}

/* See lib.h. */
size_t
ing_source_name(struct ing_doc *d, const char *val, size_t vl)
{
    const char *open = vl > 12 && val[vl - 1] == ')' ? ing_ifind(val, vl, " (") : NULL;
    if (!open || !ing_source_address(d, open + 2, (size_t)(val + vl - open) - 3))
        return vl;
    return (size_t)(open - val); /* "The X (https://www.x.com/...)": the name */
}

/* See lib.h. */
bool
ing_outlet_under_byline(struct ing_doc *d, size_t i)
{
    struct ing_doc_line *l = &d->lines[i];
    size_t p = ing_prev_line(d, i);
    const char *canon = l->tl <= 60 && p != (size_t)-1 && d->lines[p].why &&
                                strcmp(d->lines[p].why, "byline") == 0
                            ? outlets_match(d->outlets, l->t, l->tl)
                            : NULL;
    if (!canon)
        return false;
    ing_set_source(d, canon, strlen(canon), RANK_BYLINE); /* "By X" / "Associated Press" */
    l->why = "source";
    return true;
}
