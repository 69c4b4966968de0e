/*
 * ingest/byline_shapes.c — bylines at the top of a page that do not open
 * with "By": a name alone on its line over a date or the outlet ("Jane
 * Roe" / "USA TODAY"), a name with the writer's role ("Jane Roe, Retail
 * Correspondent", "Jane Roe Senior political correspondent"), and the role
 * line under a name ("Business reporter, BBC News", "BBC Sport at Villa
 * Park"), which may name the outlet. The author goes to the byline, never
 * into the text, so extraction does not count the writer as a person the
 * story names. metadata.c calls ing_top_byline for each top line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

/* Is w a journalist's role word ("correspondent", "Reporter")? */
static bool
is_role_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "correspondent", "correspondents", "reporter", "reporters", "editor", "writer",
        "columnist",     "contributor",    "producer", "journalist", "presenter", "critic",
        "commentator",   "staff",
        /* Spanish, French, German, Indonesian: "Carlos Ibarra | Corresponsal" */
        "corresponsal", "redactor", "redactora", "periodista", "correspondant", "correspondante",
        "journaliste", "korrespondent", "korrespondentin", "redakteur", "redakteurin", "wartawan",
    };
    return ing_ieq_any(w, n, words, DS_ARRAY_LEN(words));
}

/* The last word of s[0, n) (letters only), its length in *wl. */
static const char *
last_word(const char *s, size_t n, size_t *wl)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ','))
        n--;
    size_t i = n;
    while (i && s[i - 1] != ' ')
        i--;
    *wl = n - i;
    return s + i;
}

/* "Senior political correspondent", "Business reporter": at most five
 * words, capitalised first, ending in a role word, no digits. */
static bool
is_role(const char *s, size_t n)
{
    if (!n || !(s[0] >= 'A' && s[0] <= 'Z') || ing_count_words_max(s, n, 6) > 5)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ':')
            return false;
    size_t wl;
    const char *w = last_word(s, n, &wl);
    return is_role_word(w, wl);
}

/* A person's name of two or three words ("Jamal Reed", "Daniel P.
 * Whitcomb", "Ana de Sousa"): capitalised words, initials, particles. */
static bool
is_name(const char *s, size_t n)
{
    if (n < 4 || n > 48 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    int words = 0, caps = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j == i)
            return false; /* two spaces */
        words++;
        unsigned char c = (unsigned char)s[i];
        bool particle = ing_ieq(s + i, j - i, "de") || ing_ieq(s + i, j - i, "van") ||
                        ing_ieq(s + i, j - i, "von") || ing_ieq(s + i, j - i, "la") ||
                        ing_ieq(s + i, j - i, "bin") || ing_ieq(s + i, j - i, "da") ||
                        ing_ieq(s + i, j - i, "del") || ing_ieq(s + i, j - i, "le");
        if (!particle && !((c >= 'A' && c <= 'Z') || c >= 0x80))
            return false;
        caps += !particle;
        for (size_t k = i; k < j; k++) {
            unsigned char ck = (unsigned char)s[k];
            if (!((ck >= 'a' && ck <= 'z') || (ck >= 'A' && ck <= 'Z') || ck >= 0x80 ||
                  ck == '-' || ck == '\'' || (ck == '.' && k == j - 1 && j - i == 2)))
                return false;
        }
        bool all_up = true; /* "USA TODAY" is no name */
        for (size_t k = i; k < j; k++)
            if (s[k] >= 'a' && s[k] <= 'z')
                all_up = false;
        if (all_up && j - i > 2)
            return false;
        i = j < n ? j + 1 : j;
    }
    return words >= 2 && words <= 4 && caps >= 2 && !is_role_word(s, strcspn(s, " "));
}

/* "Jane Roe, Retail Correspondent", "Jane Roe | Staff Writer", "Jane Roe
 * Senior political correspondent": the name's length, or 0. */
static size_t
name_with_role(const char *s, size_t n)
{
    if (n > 100)
        return 0;
    const char *comma = memchr(s, ',', n), *bar = ing_ifind(s, n, " | ");
    size_t nl = 0, r = 0;
    if (bar && (!comma || bar < comma)) {
        nl = (size_t)(bar - s);
        r = nl + 3;
    } else if (comma) {
        nl = (size_t)(comma - s);
        r = nl + 1;
    }
    if (r) {
        while (r < n && s[r] == ' ')
            r++;
        return is_name(s, nl) && is_role(s + r, n - r) ? nl : 0;
    }
    /* no comma: a name of two words (three with an initial) and the role */
    size_t sp1 = strcspn(s, " ");
    if (sp1 >= n)
        return 0;
    size_t sp2 = sp1 + 1 + strcspn(s + sp1 + 1, " ");
    if (sp2 >= n)
        return 0;
    if (sp2 - sp1 == 3 && s[sp2 - 1] == '.') { /* "Daniel P. Whitcomb" */
        sp2 = sp2 + 1 + strcspn(s + sp2 + 1, " ");
        if (sp2 >= n)
            return 0;
    }
    return is_name(s, sp2) && is_role(s + sp2 + 1, n - sp2 - 1) ? sp2 : 0;
}

/* See lib.h. */
size_t
ing_name_with_role(const char *s, size_t n)
{
    return name_with_role(s, n);
}

/* A role line under a name ("Business reporter, BBC News", "Senior
 * political correspondent", "BBC Sport at Villa Park"): true, and the
 * outlet it names (canonical) set as the source. */
static bool
role_line(struct ing_doc *d, const char *s, size_t n, bool apply)
{
    const char *comma = memchr(s, ',', n);
    if (comma && is_role(s, (size_t)(comma - s))) {
        const char *o = comma + 1;
        while (o < s + n && *o == ' ')
            o++;
        const char *canon = outlets_match(d->outlets, o, (size_t)(s + n - o));
        if (canon && apply)
            ing_set_source(d, canon, strlen(canon), RANK_BYLINE);
        return canon || ing_count_words_max(o, (size_t)(s + n - o), 5) <= 4;
    }
    if (is_role(s, n))
        return true;
    const char *at = ing_ifind(s, n, " at ");
    if (at && at > s && n < 60) {
        const char *canon = outlets_match(d->outlets, s, (size_t)(at - s));
        if (canon && apply)
            ing_set_source(d, canon, strlen(canon), RANK_BYLINE);
        return canon != NULL;
    }
    return false;
}

/* Is l a date line: a "Published" line, a date alone, or a short line
 * holding a date that is no sentence? */
static bool
date_line(const struct ing_doc_line *l)
{
    struct ing_date dt;
    return l && (ing_is_published_line(l->t, l->tl, &dt) || ing_parse_date_whole(l->t, l->tl, &dt) ||
                 (ing_find_date(l->t, l->tl, &dt, NULL) && l->tl < 60 &&
                  !ing_is_prose(l->t, l->tl, 3)));
}

/* Is l a name that looks like an outlet's ("Des Moines Register", "The
 * Colorado Sun") directly on top of a date line? */
static bool
outlet_over_date(struct ing_doc *d, const struct ing_doc_line *l)
{
    return l->tl <= 60 && ing_outlet_like(l->t, l->tl, false) &&
           ing_count_words_max(l->t, l->tl, 7) <= 6 && date_line(ing_doc_next(d, (size_t)(l - d->lines)));
}

/* Is l a line of metadata that may sit under a byline: a date, a
 * "Published" line, a role line, a known outlet's name alone, or an
 * outlet-like name over a date? */
static bool
meta_under_name(struct ing_doc *d, const struct ing_doc_line *l)
{
    if (!l)
        return false;
    return date_line(l) || role_line(d, l->t, l->tl, false) ||
           (l->tl <= 60 && outlets_match(d->outlets, l->t, l->tl)) || outlet_over_date(d, l);
}

/* "Jennifer Solis and Marcus Whitley": two names joined by "and". The
 * length of the first, or 0. */
static size_t
joined_names(const char *s, size_t n)
{
    const char *and = ing_ifind(s, n, " and ");
    if (!and)
        return 0;
    size_t fl = (size_t)(and - s);
    const char *r = and + 5;
    return is_name(s, fl) && is_name(r, (size_t)(s + n - r)) ? fl : 0;
}

/* Is pv a line of the header taken as metadata (byline, date, role)? */
static bool
header_meta(const struct ing_doc_line *pv)
{
    return pv && pv->why &&
           (strcmp(pv->why, "byline") == 0 || strcmp(pv->why, "date") == 0 ||
            strcmp(pv->why, "published") == 0);
}

/* See lib.h. */
bool
ing_top_byline(struct ing_doc *d, size_t i, bool first)
{
    struct ing_doc_line *l = &d->lines[i];
    struct article *a = d->a;
    const struct ing_doc_line *pv = ing_doc_prev(d, i);
    bool after_byline = pv && pv->why && strcmp(pv->why, "byline") == 0;
    if (after_byline && l->tl <= 60) {
        const char *canon = outlets_match(d->outlets, l->t, l->tl);
        if (canon) { /* "Jamal Reed" / "USA TODAY" */
            ing_set_source(d, canon, strlen(canon), RANK_BYLINE);
            l->why = "byline";
            return true;
        }
        if (role_line(d, l->t, l->tl, true)) {
            l->why = "byline";
            return true;
        }
    }
    if (header_meta(pv) && l->tl <= 60 && !d->source && ing_outlet_like(l->t, l->tl, false) &&
        ing_count_words_max(l->t, l->tl, 7) <= 6) {
        /* "Stephen Gruber-Miller" / "Des Moines Register" / "Published ...",
         * "March 2, 2023" / "Missouri Independent": an outlet-like name in
         * the header stack under the byline or the date */
        ing_set_source(d, l->t, l->tl, RANK_ALONE_UNKNOWN);
        l->why = "source";
        return true;
    }
    if (a->byline || first)
        return false;
    size_t nl = name_with_role(l->t, l->tl);
    if (nl) {
        a->byline = ing_dupn(l->t, nl);
        l->why = "byline";
        return true;
    }
    bool under_site = pv && pv->why && strcmp(pv->why, "source") == 0;
    if (is_name(l->t, l->tl) && !ing_outlet_like(l->t, l->tl, false) &&
        (under_site || meta_under_name(d, ing_doc_next(d, i)))) {
        /* "Harbour Gazette" is an outlet's name; "www.x.com" / "Jane Roe":
         * a name right under the site's line is its writer */
        a->byline = ing_dupn(l->t, l->tl);
        l->why = "byline";
        return true;
    }
    size_t fl = joined_names(l->t, l->tl);
    if (fl && meta_under_name(d, ing_doc_next(d, i))) { /* the first author is the byline */
        a->byline = ing_dupn(l->t, fl);
        l->why = "byline";
        return true;
    }
    return false;
}
