/*
 * compare/entities.c — the entities of two articles compared after linking
 * the forms that name one thing, within each article and across the two:
 * "Joseph R. Biden Jr.", "Mr. Biden" and "Biden"; "Michael Bloomberg" and
 * "Michael R. Bloomberg"; "U.S. Capitol Police" and "Capitol Police".
 *
 * Each entity gets a normal form: honorifics and titles ("Mr.", "Sen."),
 * suffixes ("Jr.", a company's "Inc."), middle initials and an
 * organisation's country prefix ("U.S.", "The") dropped, ASCII lower-cased. Entities with the same normal
 * form are one; a one-word person name joins the one longer person name
 * whose surname it is (when two people share it, "Clinton" joins neither);
 * a name whose words end another's ("Capitol Police") joins it. A group
 * named on one side only is still "in both" when the other article's text
 * names it (its normal form, or a person's surname) where the extractor
 * found nothing, or its initials when it is an organisation ("CIA"), or
 * its acronym written the other way ("FBI", "F.B.I."); an
 * organisation's acronym ("RNC") joins the organisation it abbreviates
 * in either article ("Republican National Committee"). A hyphen between
 * letters is no difference ("Wal-Mart", "Walmart"), nor two neighbouring
 * letters of a surname swapped by a slip ("Priebus", "Preibus"). The other
 * text also names a group by: a name of two words or more in the plural
 * ("Trust Funds"); a nickname ("GOP", nicknames[]); "the X" for an
 * organisation "X of Y" ("the House"); a company without its closing
 * "Stores", "Holdings" ("Wal-Mart"); a place's initials with full stops
 * ("N.Y."); the first of two names joined under one plural head ("the
 * Senate Foreign Relations and Intelligence committees"); an organisation
 * by the initials of its name as written ("USPS"). See compare.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dossier/compare.h"
#include "lib.h"

/* Words dropped from a name before comparing (without their full stop). */
static const char *const name_noise[] = {
    "Mr",       "Mrs",      "Ms",        "Miss",      "Dr",        "Sen",     "Rep",
    "Gov",      "Gen",      "Sir",       "Lord",      "Prof",      "Rev",     "Pres",
    "Senator",  "Representative", "Governor", "President", "Jr",     "Sr",      "II",
    "III",      "IV",       "Lt",        "Col",       "Capt",      "Adm",     "Sgt",
    "Inc",      "Corp",     "Ltd",       "LLC",       "PLC",       "Co",
};

/* Prefixes dropped from the start of an organisation's name. */
static const char *const name_prefixes[] = {"U.S.", "US", "The", "UK", "U.K.", "U.N."};

static bool
in_list(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
            return true;
    return false;
}

static bool
is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The word at p after its spaces (returned), ending at *end (a space or
 * the terminating NUL). */
static const char *
word_at(const char *p, const char **end)
{
    while (*p == ' ')
        p++;
    const char *e = p;
    while (*e && *e != ' ')
        e++;
    *end = e;
    return p;
}

/* "department of [the] x" as "x department" (and a ministry likewise), in
 * place: "Department of the Treasury" is the "Treasury Department". */
static void
body_of_first(char *norm)
{
    static const char *const heads[] = {"department of ", "ministry of "};
    for (size_t i = 0; i < DS_ARRAY_LEN(heads); i++) {
        size_t hl = strlen(heads[i]);
        if (strncmp(norm, heads[i], hl) != 0)
            continue;
        const char *x = norm + hl;
        if (strncmp(x, "the ", 4) == 0)
            x += 4;
        if (!*x)
            return;
        size_t head = hl - 4; /* without " of " */
        char *out = xmalloc(strlen(norm) + 2);
        snprintf(out, strlen(norm) + 2, "%s %.*s", x, (int)head, norm);
        strcpy(norm, out); /* never longer: " of " (and "the ") dropped, one space added */
        free(out);
        return;
    }
}

/* Nicknames news writing gives an organisation, as whole words of a
 * normal form, and the name they stand for: "Michigan GOP" is the
 * "Michigan Republican Party". */
static const char *const nicknames[][2] = {
    {"gop", "republican party"},
    {"g.o.p", "republican party"},
    {"grand old party", "republican party"},
};

/* norm with a nickname's words replaced by the name (norm freed, the result
 * newly allocated). */
static char *
nickname_expanded(char *norm)
{
    for (size_t i = 0; i < DS_ARRAY_LEN(nicknames); i++) {
        const char *nick = nicknames[i][0];
        size_t nl = strlen(nick), l = strlen(norm);
        for (size_t at = 0; at + nl <= l; at++) {
            if (memcmp(norm + at, nick, nl) != 0 || (at > 0 && norm[at - 1] != ' ') ||
                (at + nl < l && norm[at + nl] != ' '))
                continue;
            char *out = xasprintf("%.*s%s%s", (int)at, norm, nicknames[i][1], norm + at + nl);
            free(norm);
            return out;
        }
    }
    return norm;
}

/* The normal form of a name (newly allocated; "" when nothing is left). */
static char *
name_normal(const char *name)
{
    struct buf b = BUF_INIT;
    size_t words = 0;
    for (const char *p = name; *p;) {
        const char *e;
        p = word_at(p, &e);
        size_t n = (size_t)(e - p), core = n;
        while (core > 0 && (p[core - 1] == '.' || p[core - 1] == ','))
            core--;
        bool noise = n == 0 || in_list(p, core, name_noise, DS_ARRAY_LEN(name_noise)) ||
                     (core == 1 && p[0] >= 'A' && p[0] <= 'Z') ||
                     (words == 0 && in_list(p, n, name_prefixes, DS_ARRAY_LEN(name_prefixes)));
        if (!noise) {
            if (b.len)
                buf_putc(&b, ' ');
            for (size_t i = 0; i < core; i++) {
                /* "Wal-Mart" is "Walmart": a hyphen between letters is dropped */
                if (p[i] == '-' && i > 0 && i + 1 < core && is_ascii_letter(p[i - 1]) &&
                    is_ascii_letter(p[i + 1]))
                    continue;
                buf_putc(&b, p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] + 32) : p[i]);
            }
        }
        words++;
        p = e;
    }
    char *s = xstrdup(buf_str(&b));
    buf_free(&b);
    if (strncmp(s, "united states ", 14) == 0) /* "United States Senate": as "U.S." above */
        memmove(s, s + 14, strlen(s + 14) + 1);
    body_of_first(s);
    return nickname_expanded(s);
}

/* The last word of a normal form (borrowed), or NULL for one word. */
static const char *
last_word(const char *norm)
{
    const char *sp = strrchr(norm, ' ');
    return sp ? sp + 1 : NULL;
}

/* Does the normal form x end with the whole words of y (y shorter)? */
static bool
ends_with_words(const char *x, const char *y)
{
    size_t lx = strlen(x), ly = strlen(y);
    return ly > 0 && lx > ly && x[lx - ly - 1] == ' ' && strcmp(x + lx - ly, y) == 0;
}

struct linker {
    const struct entity **e; /* A's entities, then B's */
    size_t na, n;
    char **norm;
    size_t *parent;
};

static size_t
link_find(struct linker *l, size_t x)
{
    while (l->parent[x] != x)
        x = l->parent[x] = l->parent[l->parent[x]];
    return x;
}

static void
link_union(struct linker *l, size_t x, size_t y)
{
    x = link_find(l, x);
    y = link_find(l, y);
    if (x != y)
        l->parent[DS_MAX(x, y)] = DS_MIN(x, y);
}

/* The one longer person name whose surname is w, or SIZE_MAX (none, or two
 * people share it). */
static size_t
person_by_surname(const struct linker *l, const char *w)
{
    size_t found = SIZE_MAX;
    for (size_t k = 0; k < l->n; k++) {
        const char *lw = last_word(l->norm[k]);
        if (l->e[k]->kind != ENTITY_PERSON || !lw || strcmp(lw, w) != 0)
            continue;
        if (found != SIZE_MAX && strcmp(l->norm[found], l->norm[k]) != 0)
            return SIZE_MAX;
        found = found == SIZE_MAX ? k : found;
    }
    return found;
}

/* Are the person names x and y (normal forms) one name but for two
 * neighbouring letters of the surname swapped ("reince priebus", "reince
 * preibus": a typing slip one outlet made)? The words before the surname
 * must agree and the surname be five letters or more; a letter changed
 * ("Kerry", "Berry") is another name, not a slip of this kind. */
static bool
surname_swapped(const char *x, const char *y)
{
    const char *lx = last_word(x), *ly = last_word(y);
    if (!lx || !ly || lx - x != ly - y || strncmp(x, y, (size_t)(lx - x)) != 0)
        return false;
    size_t n = strlen(lx);
    if (n < 5 || strlen(ly) != n)
        return false;
    size_t i = 0;
    while (i < n && lx[i] == ly[i])
        i++;
    return i + 1 < n && lx[i] == ly[i + 1] && lx[i + 1] == ly[i] && lx[i] != lx[i + 1] &&
           strcmp(lx + i + 2, ly + i + 2) == 0;
}

static void
link_forms(struct linker *l)
{
    for (size_t i = 0; i < l->n; i++) {
        if (!l->norm[i][0])
            continue;
        for (size_t k = i + 1; k < l->n; k++)
            if (strcmp(l->norm[i], l->norm[k]) == 0 ||
                (l->e[i]->kind != ENTITY_PERSON && l->e[k]->kind != ENTITY_PERSON &&
                 l->e[i]->kind == l->e[k]->kind && last_word(l->norm[k]) &&
                 last_word(l->norm[i]) &&
                 (ends_with_words(l->norm[i], l->norm[k]) ||
                  ends_with_words(l->norm[k], l->norm[i]))))
                link_union(l, i, k);
        for (size_t k = i + 1; k < l->n; k++)
            if (l->e[i]->kind == ENTITY_PERSON && l->e[k]->kind == ENTITY_PERSON &&
                surname_swapped(l->norm[i], l->norm[k]))
                link_union(l, i, k);
        if (l->e[i]->kind == ENTITY_PERSON && !last_word(l->norm[i])) {
            size_t k = person_by_surname(l, l->norm[i]);
            if (k != SIZE_MAX)
                link_union(l, i, k);
        }
    }
}

/* Whether text holds word sequence w as whole words: with fold, ASCII
 * capitals in text read as lower case (w is lower case); without, exactly
 * as written. */
static bool
text_has_words(const char *text, size_t len, const char *w, bool fold)
{
    size_t wl = strlen(w);
    if (wl < 3 || !text)
        return false;
    for (size_t i = 0; i + wl <= len; i++) {
        if (i > 0 && is_ascii_letter(text[i - 1]))
            continue;
        size_t k = 0, t = i;
        while (k < wl && t < len) {
            char c = text[t];
            /* a hyphen between letters that the name does not have: the
             * text writes "Wal-Mart" for the name "walmart" */
            if (fold && c == '-' && k > 0 && w[k] != '-' && is_ascii_letter(w[k - 1]) &&
                t + 1 < len && is_ascii_letter(text[t + 1])) {
                t++;
                continue;
            }
            if (fold && c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (c != w[k])
                break;
            k++;
            t++;
        }
        char after = t < len ? text[t] : ' ';
        /* a name of two words or more also in the plural: "the Social
         * Security Trust Funds" names the "Social Security Trust Fund" */
        if (k == wl && fold && (after == 's' || after == 'S') && strchr(w, ' ') &&
            is_ascii_letter(w[wl - 1]))
            after = t + 1 < len ? text[t + 1] : ' ';
        if (k == wl && !is_ascii_letter(after))
            return true;
    }
    return false;
}

/* Whether text names word sequence w (lower case; case-insensitive for
 * ASCII, whole words). */
static bool
text_names(const char *text, size_t len, const char *w)
{
    return text_has_words(text, len, w, true);
}

/* Is name (normal form norm) a broadcaster's news arm ("ABC News",
 * "abc news") whose network the text names as a name ("ABC's This Week")?
 * The network is matched as the name writes it, capitals and all, so "Sky
 * News" is not named by "the sky". */
static bool
network_named_in(const char *name, const char *norm, const char *text, size_t len)
{
    size_t n = strlen(norm);
    if (n < 8 || strcmp(norm + n - 5, " news") != 0 || strchr(norm, ' ') != norm + n - 5)
        return false;
    size_t nl = n - 5;
    /* the network's word as the name writes it */
    for (const char *p = name; *p;) {
        const char *e;
        p = word_at(p, &e);
        if ((size_t)(e - p) == nl && strncasecmp(p, norm, nl) == 0) {
            if (p[0] < 'A' || p[0] > 'Z')
                return false;
            char net[64];
            if (nl >= sizeof net)
                return false;
            memcpy(net, p, nl);
            net[nl] = '\0';
            return text_has_words(text, len, net, false);
        }
        p = e;
    }
    return false;
}

/* The initials of an organisation's normal form norm in capitals, the
 * words "of", "and", "the", "for" and "on" skipped ("central intelligence
 * agency": "CIA"), into ini (cap bytes); their count, or 0 when a word does
 * not start with a letter or they do not fit. */
static size_t
org_initials(const char *norm, char *ini, size_t cap)
{
    static const char *const skip[] = {"of", "and", "the", "for", "on"};
    size_t n = 0;
    for (const char *p = norm; *p;) {
        const char *e = strchr(p, ' ');
        size_t wl = e ? (size_t)(e - p) : strlen(p);
        if (!in_list(p, wl, skip, DS_ARRAY_LEN(skip))) {
            if (p[0] < 'a' || p[0] > 'z' || n + 1 >= cap)
                return 0;
            ini[n++] = (char)(p[0] - 32);
        }
        p = e ? e + 1 : p + wl;
    }
    ini[n] = '\0';
    return n;
}

/* Does text hold the capitals ini (n letters) as a whole word, plain or
 * with a full stop after each ("CIA" or "C.I.A.")? */
static bool
letters_named_in(const char *ini, size_t n, const char *text, size_t len)
{
    char dotted[32];
    if (n == 0 || 2 * n >= sizeof dotted)
        return false;
    for (size_t i = 0; i < n; i++) {
        dotted[2 * i] = ini[i];
        dotted[2 * i + 1] = '.';
    }
    dotted[2 * n] = '\0';
    const char *forms[2] = {ini, dotted};
    for (int f = 0; f < 2; f++) {
        size_t fl = strlen(forms[f]);
        for (size_t off = 0; off + fl <= len; off++) {
            if (memcmp(text + off, forms[f], fl) != 0)
                continue;
            char before = off ? text[off - 1] : ' ', after = off + fl < len ? text[off + fl] : ' ';
            if (!is_ascii_letter(before) && !is_ascii_letter(after))
                return true;
        }
    }
    return false;
}

/* The initials of an organisation's name as written, prefix and all (the
 * normal form drops "United States": "United States Postal Service" is
 * "USPS"), the words "of", "and", "the", "for", "on", suffixes ("Inc.") and
 * words with a full stop ("U.S.") skipped, into ini; their count, or 0
 * when a word does not start with a letter or they do not fit. */
static size_t
name_initials(const char *name, char *ini, size_t cap)
{
    static const char *const skip[] = {"of", "and", "the", "for", "on", "The"};
    size_t n = 0;
    for (const char *p = name; *p;) {
        const char *e;
        p = word_at(p, &e);
        size_t wl = (size_t)(e - p);
        if (wl && !in_list(p, wl, skip, DS_ARRAY_LEN(skip)) &&
            !in_list(p, wl, name_noise, DS_ARRAY_LEN(name_noise)) && !memchr(p, '.', wl)) {
            if (!is_ascii_letter(p[0]) || n + 1 >= cap)
                return 0;
            ini[n++] = (char)(p[0] >= 'a' ? p[0] - 32 : p[0]);
        }
        p = e;
    }
    ini[n] = '\0';
    return n;
}

/* Does text hold the initials of an organisation's normal form norm, of
 * three words or more ("central intelligence agency": "CIA" or "C.I.A."),
 * in capitals as a whole word? */
static bool
initials_named_in(const char *norm, const char *text, size_t len)
{
    char ini[16];
    size_t n = org_initials(norm, ini, sizeof ini);
    return n >= 3 && letters_named_in(ini, n, text, len);
}

/* Does text hold the initials of an organisation's name as written, of
 * three letters or more ("USPS" for the "United States Postal Service")? */
static bool
name_initials_named_in(const char *name, const char *text, size_t len)
{
    char ini[16];
    size_t n = name_initials(name, ini, sizeof ini);
    return n >= 3 && letters_named_in(ini, n, text, len);
}

/* The letters of an organisation named by an acronym of three capitals or
 * more ("RNC", "The C.I.A."; the dots dropped) into acr, or 0 letters when
 * its normal form is more than one word or its last word is not all
 * capitals ("Nato" is a word here). */
static size_t
org_acronym(const struct entity *e, const char *norm, char *acr, size_t cap)
{
    if (e->kind != ENTITY_ORG || !norm[0] || last_word(norm))
        return 0;
    /* the last word that is not a suffix: "RNC Co" (from "RNC
     * Co-Chairwoman") is the RNC */
    const char *w = e->name, *we = e->name + strlen(e->name);
    for (const char *p = e->name; *p;) {
        const char *e2;
        p = word_at(p, &e2);
        size_t core = (size_t)(e2 - p);
        while (core > 0 && (p[core - 1] == '.' || p[core - 1] == ','))
            core--;
        if (core && !in_list(p, core, name_noise, DS_ARRAY_LEN(name_noise)))
            w = p, we = e2;
        p = e2;
    }
    size_t n = 0;
    for (; w < we; w++) {
        if (*w == '.')
            continue;
        if (*w < 'A' || *w > 'Z' || n + 1 >= cap)
            return 0;
        acr[n++] = *w;
    }
    acr[n] = '\0';
    return n >= 3 ? n : 0;
}

/* Does text name the organisation e by its acronym written either way
 * ("FBI" and "F.B.I.", "I.R.S." and "IRS"), as outlets' styles differ? */
static bool
acronym_named_in(const struct entity *e, const char *norm, const char *text, size_t len)
{
    char acr[16];
    size_t n = org_acronym(e, norm, acr, sizeof acr);
    return n && letters_named_in(acr, n, text, len);
}

/* An organisation's acronym is the organisation it abbreviates, in either
 * article: "RNC" and "Republican National Committee", "ACLU" and "American
 * Civil Liberties Union" (a page often spells the name out once and then
 * uses the letters, and the other outlet may do either). */
static void
link_acronyms(struct linker *l)
{
    char acr[16], ini[16];
    for (size_t i = 0; i < l->n; i++) {
        if (!org_acronym(l->e[i], l->norm[i], acr, sizeof acr))
            continue;
        for (size_t k = 0; k < l->n; k++)
            if (k != i && l->e[k]->kind == ENTITY_ORG && last_word(l->norm[k]) &&
                ((org_initials(l->norm[k], ini, sizeof ini) >= 3 && strcmp(acr, ini) == 0) ||
                 (name_initials(l->e[k]->name, ini, sizeof ini) >= 3 && strcmp(acr, ini) == 0)))
                link_union(l, i, k);
    }
}

/* Does text name the normal form norm with one of its words written as a
 * nickname ("republican party" as "GOP", "G.O.P.")? */
static bool
nickname_named_in(const char *norm, const char *text, size_t len)
{
    for (size_t i = 0; i < DS_ARRAY_LEN(nicknames); i++) {
        const char *at = strstr(norm, nicknames[i][1]);
        if (!at)
            continue;
        size_t off = (size_t)(at - norm), nl = strlen(nicknames[i][1]);
        char *v = xasprintf("%.*s%s%s", (int)off, norm, nicknames[i][0], at + nl);
        bool found = text_names(text, len, v);
        free(v);
        if (found)
            return true;
    }
    return false;
}

/* Does text name the organisation "X of Y" (name, normal form norm) as "the
 * X", its first word capitalised as the name writes it ("the House" for the
 * "House of Representatives", "the University" for the "University of
 * Iowa")? A news report names it in full once and then so. */
static bool
head_of_named_in(const char *name, const char *norm, const char *text, size_t len)
{
    const char *sp = strchr(norm, ' ');
    if (!sp || strncmp(sp, " of ", 4) != 0)
        return false;
    size_t hl = (size_t)(sp - norm);
    for (const char *p = name; *p;) {
        const char *e;
        p = word_at(p, &e);
        if ((size_t)(e - p) == hl && strncasecmp(p, norm, hl) == 0) {
            if (p[0] < 'A' || p[0] > 'Z' || hl + 5 > 64)
                return false;
            char the[64];
            snprintf(the, sizeof the, "the %.*s", (int)hl, p);
            if (text_has_words(text, len, the, false))
                return true;
            the[0] = 'T'; /* at a sentence's start */
            return text_has_words(text, len, the, false);
        }
        p = e;
    }
    return false;
}

/* Does text name a place of two words or more by its initials with full
 * stops ("N.Y." for "New York", "D-N.Y.")? */
static bool
place_initials_named_in(const char *norm, const char *text, size_t len)
{
    char ini[8], dotted[20];
    size_t n = 0;
    for (const char *p = norm; *p && n + 1 < sizeof ini;) {
        if (p[0] < 'a' || p[0] > 'z')
            return false;
        ini[n++] = (char)(p[0] - 32);
        const char *e = strchr(p, ' ');
        if (!e)
            break;
        p = e + 1;
    }
    if (n < 2 || strchr(norm, ' ') == NULL)
        return false;
    for (size_t i = 0; i < n; i++) {
        dotted[2 * i] = ini[i];
        dotted[2 * i + 1] = '.';
    }
    dotted[2 * n] = '\0';
    size_t dl = 2 * n;
    for (size_t off = 0; off + dl <= len; off++) {
        if (memcmp(text + off, dotted, dl) != 0)
            continue;
        char before = off ? text[off - 1] : ' ', after = off + dl < len ? text[off + dl] : ' ';
        if (!is_ascii_letter(before) && !is_ascii_letter(after))
            return true;
    }
    return false;
}

/* Does text name the organisation norm (three words or more) as the first
 * of two joined by "and" under one plural head: "the Senate Foreign
 * Relations and Senate Intelligence committees" names the "Senate Foreign
 * Relations Committee"? */
static bool
coordinated_named_in(const char *norm, const char *text, size_t len)
{
    const char *head = last_word(norm);
    if (!head)
        return false;
    size_t pl = (size_t)(head - norm) - 1, hl = strlen(head);
    if (!memchr(norm, ' ', pl) || pl + 6 > 160 || hl + 2 > 40)
        return false;
    char prefix[160], plural[40];
    snprintf(prefix, sizeof prefix, "%.*s and", (int)pl, norm);
    snprintf(plural, sizeof plural, "%ss", head);
    size_t xl = strlen(prefix);
    for (size_t i = 0; i + xl <= len; i++) {
        if ((i > 0 && is_ascii_letter(text[i - 1])) || strncasecmp(text + i, prefix, xl) != 0 ||
            (i + xl < len && is_ascii_letter(text[i + xl])))
            continue;
        /* the plural head within the next five words */
        size_t j = i + xl, words = 0;
        while (j < len && words < 6) {
            while (j < len && text[j] == ' ')
                j++;
            size_t w0 = j;
            while (j < len && is_ascii_letter(text[j]))
                j++;
            if (j == w0)
                break;
            words++;
            if (j - w0 == hl + 1 && strncasecmp(text + w0, plural, hl + 1) == 0)
                return true;
        }
    }
    return false;
}

/* Does text name a company norm by its name without a closing corporate
 * word ("Wal-Mart" for "Wal-Mart Stores Inc.", whose "Inc." is gone from
 * the normal form already)? */
static bool
corporate_named_in(const char *norm, const char *text, size_t len)
{
    static const char *const tails[] = {"stores", "holdings", "company", "companies",
                                        "corporation", "incorporated"};
    const char *lw = last_word(norm);
    if (!lw || !in_list(lw, strlen(lw), tails, DS_ARRAY_LEN(tails)))
        return false;
    size_t bl = (size_t)(lw - norm) - 1;
    if (bl < 4 || bl >= 160)
        return false;
    char base[160];
    memcpy(base, norm, bl);
    base[bl] = '\0';
    return text_names(text, len, base);
}

/* Does the other text name the group of entity x (its normal form, or a
 * person's surname)? */
static bool
group_named_in(struct linker *l, size_t root, const char *text, size_t len)
{
    for (size_t k = 0; k < l->n; k++) {
        if (link_find(l, k) != root)
            continue;
        const char *lw = last_word(l->norm[k]);
        if (text_names(text, len, l->norm[k]) ||
            (l->e[k]->kind == ENTITY_PERSON && lw && text_names(text, len, lw)) ||
            (strcmp(l->norm[k], "united states") == 0 && text_names(text, len, "u.s.")) ||
            ((l->e[k]->kind == ENTITY_PLACE || l->e[k]->kind == ENTITY_COUNTRY) &&
             place_initials_named_in(l->norm[k], text, len)) ||
            (l->e[k]->kind == ENTITY_ORG &&
             (network_named_in(l->e[k]->name, l->norm[k], text, len) ||
              initials_named_in(l->norm[k], text, len) ||
              name_initials_named_in(l->e[k]->name, text, len) ||
              acronym_named_in(l->e[k], l->norm[k], text, len) ||
              nickname_named_in(l->norm[k], text, len) ||
              head_of_named_in(l->e[k]->name, l->norm[k], text, len) ||
              corporate_named_in(l->norm[k], text, len) ||
              coordinated_named_in(l->norm[k], text, len))))
            return true;
    }
    return false;
}

/* The member of root's group on one side with the most mentions. */
static const struct entity *
group_rep(struct linker *l, size_t root, bool side_a)
{
    const struct entity *best = NULL;
    for (size_t k = side_a ? 0 : l->na; k < (side_a ? l->na : l->n); k++)
        if (link_find(l, k) == root &&
            (!best || l->e[k]->nspans > best->nspans ||
             (l->e[k]->nspans == best->nspans && strlen(l->e[k]->name) > strlen(best->name))))
            best = l->e[k];
    return best;
}

size_t
cmp_link_entities(const struct extraction *xa, const struct extraction *xb,
                  const struct cmp_result *r, struct cmp_entity_row *out)
{
    struct linker l = {0};
    l.na = xa->nentities;
    l.n = xa->nentities + xb->nentities;
    l.e = xmalloc((l.n + 1) * sizeof *l.e);
    l.norm = xmalloc((l.n + 1) * sizeof *l.norm);
    l.parent = xmalloc((l.n + 1) * sizeof *l.parent);
    for (size_t k = 0; k < l.n; k++) {
        l.e[k] = k < l.na ? &xa->entities[k] : &xb->entities[k - l.na];
        l.norm[k] = name_normal(l.e[k]->name);
        l.parent[k] = k;
    }
    link_forms(&l);
    link_acronyms(&l);
    size_t n = 0;
    for (size_t k = 0; k < l.n; k++) {
        if (link_find(&l, k) != k)
            continue;
        const struct entity *a = group_rep(&l, k, true), *b = group_rep(&l, k, false);
        enum cmp_side side = a && b ? CMP_SIDE_BOTH : (a ? CMP_SIDE_A : CMP_SIDE_B);
        if (side != CMP_SIDE_BOTH && r &&
            (a ? group_named_in(&l, k, r->text_b, r->len_b)
               : group_named_in(&l, k, r->text_a, r->len_a)))
            side = CMP_SIDE_BOTH;
        out[n++] = (struct cmp_entity_row){side, a, b};
    }
    for (size_t k = 0; k < l.n; k++)
        free(l.norm[k]);
    free(l.norm);
    free(l.e);
    free(l.parent);
    return n;
}
