/*
 * ingest/metadata.c — the metadata a page states about itself: its top
 * (crumbs, dates, bylines, masthead, headline, section, standfirst), its
 * bottom (source lines, outlet names, copyright), a dateline, and outlets
 * named in dropped furniture. Never from names or dates inside sentences.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "lib.h"

/* ---- metadata -------------------------------------------------------------------- */

/* A byline field without "By": "记者 林思远", "作者：X", "Autor: X". */
static bool
field_byline(const char *s, size_t n, char **name)
{
    static const char *const heads[] = {
        "\xe8\xae\xb0\xe8\x80\x85", /* 记者 */
        "\xe4\xbd\x9c\xe8\x80\x85", /* 作者 */
        "\xe6\x96\x87",             /* 文 */
        "author", "autor", "auteur", "reporter", "penulis"};
    for (size_t k = 0; k < DS_ARRAY_LEN(heads); k++) {
        size_t h = strlen(heads[k]);
        if (!ing_istarts(s, n, heads[k]))
            continue;
        size_t i = h;
        bool sep = false;
        while (i < n) {
            if (s[i] == ' ' || s[i] == ':') {
                i++;
                sep = true;
            } else if (ing_istarts(s + i, n - i, "\xef\xbc\x9a")) { /* ： */
                i += 3;
                sep = true;
            } else {
                break;
            }
        }
        size_t e = n;
        const char *from = ing_ifind(s + i, n - i, "\xe5\x8f\x91\xe8\x87\xaa"); /* 发自 */
        if (from)
            e = (size_t)(from - s);
        while (e > i && s[e - 1] == ' ')
            e--;
        if (!sep || i >= e || e - i > 60 || ing_count_words(s + i, e - i) > 6)
            return false;
        *name = ing_dupn(s + i, e - i);
        return true;
    }
    return false;
}

/* A line that opens with a writer's field name and a colon ("Reporter:
 * Dewi Lestari", "Penulis: X | Editor: Y"): its fields are read by
 * meta_fields, the writer's as the byline (an editor's is none). */
static bool
keyed_byline_line(const char *s, size_t n)
{
    static const char *const keys[] = {"reporter:", "penulis:", "author:", "autor:", "auteur:"};
    for (size_t k = 0; k < DS_ARRAY_LEN(keys) && n <= 120; k++)
        if (ing_istarts(s, n, keys[k]))
            return true;
    return false;
}

/* A source named on a "Source:" line: a known outlet's canonical name, else
 * the name as written (ranked below a known outlet found elsewhere, such as
 * the URL's). */
static void
meta_source(struct ing_doc *d, const char *val, size_t vl)
{
    if (ing_source_address(d, val, vl) || !(vl = ing_source_name(d, val, vl)))
        return; /* "Source: https://...": the address names outlet and date */
    const char *canon = outlets_match(d->outlets, val, vl);
    if (!canon && ing_company_name(val, vl))
        return; /* a release's "SOURCE: Acme Solar Inc." names its issuer */
    ing_set_source(d, canon ? canon : val, canon ? strlen(canon) : vl,
                   canon ? RANK_SOURCE_LINE : RANK_SOURCE_UNKNOWN);
}

/* A web address alone or as a field ("URL: https://...", "Link: ..."):
 * sets the address and returns true. */
static bool
url_field(const char *s, size_t n, const char **url, size_t *ul)
{
    static const char *const heads[] = {"url:", "link:", "source url:", "original url:"};
    for (size_t k = 0; k < DS_ARRAY_LEN(heads); k++) {
        size_t h = strlen(heads[k]);
        if (n > h && ing_istarts(s, n, heads[k])) {
            s += h;
            n -= h;
            break;
        }
    }
    while (n && *s == ' ') {
        s++;
        n--;
    }
    bool host = ing_istarts(s, n, "www.") && n > 5 && memchr(s + 4, '.', n - 4);
    if (!(host || ing_istarts(s, n, "http://") || ing_istarts(s, n, "https://")) ||
        memchr(s, ' ', n))
        return false;
    *url = s;
    *ul = n;
    return true;
}

/* A known outlet among the parts of a byline after the name ("By Jane
 * Doe, CNN", "By Jane Doe | Reuters"): the byline's outlet. */
static void
byline_tail_outlet(struct ing_doc *d, const char *s, size_t n)
{
    static const char *const seps[] = {", ", " | ", " - ", " for ", "; "};
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        const char *hit = ing_ifind(s, n, seps[k]);
        while (hit) {
            const char *p = hit + strlen(seps[k]);
            size_t left = (size_t)(s + n - p), e = left;
            for (size_t j = 0; j < DS_ARRAY_LEN(seps); j++) {
                const char *h2 = ing_ifind(p, left, seps[j]);
                if (h2 && (size_t)(h2 - p) < e)
                    e = (size_t)(h2 - p);
            }
            const char *canon = outlets_match(d->outlets, p, e);
            if (canon) {
                ing_set_source(d, canon, strlen(canon), RANK_BYLINE);
                return;
            }
            hit = ing_ifind(p, left, seps[k]);
        }
    }
}


/* The fields of a metadata line ("2022年01月01日 08:00　来源：X　记者 Y",
 * "Updated: 2018-07-06 | By Jane Doe in Beijing"): a byline or a source
 * named in one of them is taken. */
void
ing_meta_fields(struct ing_doc *d, const char *s, size_t n)
{
    static const char *const seps[] = {" | ", "\xe3\x80\x80", " \xe2\x80\xa2 ", " \xc2\xb7 ",
                                       "|", "  ", "\xef\xbd\x9c"};
    size_t i = 0;
    while (i < n) {
        size_t e = n, skip = 0;
        for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
            const char *hit = ing_ifind(s + i, n - i, seps[k]);
            if (hit && (size_t)(hit - s) < e) {
                e = (size_t)(hit - s);
                skip = strlen(seps[k]);
            }
        }
        const char *f = s + i;
        size_t fl = e - i;
        while (fl && *f == ' ') {
            f++;
            fl--;
        }
        while (fl && f[fl - 1] == ' ')
            fl--;
        char *name = NULL;
        struct ing_date dt;
        bool has_date;
        const char *val;
        size_t vl;
        if (fl && !d->a->byline &&
            (ing_is_byline(f, fl, &name, &dt, &has_date) || field_byline(f, fl, &name))) {
            ing_byline_outlet(d, name);
            d->a->byline = name;
        } else if (fl && ing_is_source_line(f, fl, &val, &vl)) {
            meta_source(d, val, vl);
        } else if (fl && url_field(f, fl, &val, &vl)) {
            const char *canon = outlets_for_url(d->outlets, val, vl);
            if (canon)
                ing_set_source(d, canon, strlen(canon), RANK_SOURCE_LINE);
        } else if (fl > 5 && ing_istarts(f, fl, "date:") &&
                   ing_parse_date_whole(f + 5 + (f[5] == ' '), fl - 5 - (f[5] == ' '), &dt)) {
            ing_set_date(d->a, &dt, DATE_PUBLISHED_LINE);
        } else if (fl && i > 0 && ing_is_date_led(f, fl, &dt)) {
            /* a bare date among the fields: "Source: X| 2024-01-17 10:35:12|Editor: Y" */
            ing_set_date(d->a, &dt, DATE_PUBLISHED_LINE);
        }
        i = e + skip;
    }
}

/* Is the line, alone at the very top, an outlet's masthead over the
 * headline below it: ALL CAPS with a dash or bar ("X REPORT — Market
 * Notes"), or a name that looks like an outlet's? */
static bool
is_masthead(const struct ing_doc *d, const struct ing_doc_line *l)
{
    size_t up = 0, low = 0;
    for (size_t i = 0; i < l->tl; i++) {
        if (l->t[i] >= 'A' && l->t[i] <= 'Z')
            up++;
        else if (l->t[i] >= 'a' && l->t[i] <= 'z')
            low++;
    }
    bool dash = ing_ifind(l->t, l->tl, " \xe2\x80\x94 ") ||
                ing_ifind(l->t, l->tl, " \xe2\x80\x93 ") ||
                ing_ifind(l->t, l->tl, " - ") || ing_ifind(l->t, l->tl, " | ");
    if (dash && up >= 4 && up > 2 * low)
        return true;
    if (ing_is_frequent(d->ctx, l->t, l->tl))
        return true;
    return ing_outlet_like(l->t, l->tl, false);
}

/* The masthead's parts: the outlet before the dash (when it reads as a
 * name) and the column or section after it. */
static void
masthead_meta(struct ing_doc *d, const struct ing_doc_line *l)
{
    static const char *const seps[] = {" \xe2\x80\x94 ", " \xe2\x80\x93 ", " - ", " | "};
    const char *t = l->t;
    size_t n = l->tl, left = n;
    const char *right = NULL;
    size_t rightl = 0;
    for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++) {
        const char *hit = ing_ifind(t, n, seps[k]);
        if (hit && (size_t)(hit - t) < left) {
            left = (size_t)(hit - t);
            right = hit + strlen(seps[k]);
            rightl = n - (size_t)(right - t);
        }
    }
    const char *canon = outlets_match(d->outlets, t, left);
    if (canon)
        ing_set_source(d, canon, strlen(canon), RANK_ALONE);
    else if (ing_outlet_like(t, left, true))
        ing_set_source(d, t, left, RANK_MASTHEAD);
    struct ing_doc_line r = {right, rightl, 0, NULL, rightl == 0};
    if (right && !d->a->section && ing_is_short_label(&r))
        d->a->section = ing_dupn(right, rightl);
}

/* How many sentences s holds (a full stop after a one-letter word, as in
 * "U.S.", does not end one). */
static int
sentences(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '.' && s[i] != '!' && s[i] != '?')
            continue;
        if (s[i] == '.' && i >= 1 && (i < 2 || s[i - 2] == ' ' || s[i - 2] == '.') &&
            s[i - 1] >= 'A' && s[i - 1] <= 'Z')
            continue;
        size_t j = i + 1;
        while (j < n && strchr("\"')", s[j]))
            j++;
        if (j >= n || s[j] == ' ')
            c++;
    }
    return c;
}

/* Length of a wire service's version tag opening a headline ("UPDATE 2-",
 * "REFILE-", "CORRECTED-", "RPT-"), which says which edition this is, not
 * what happened; 0 when there is none. */
static size_t
wire_prefix(const char *s, size_t n)
{
    static const char *const tags[] = {"UPDATE", "REFILE", "CORRECTED", "RPT", "REPEAT"};
    for (size_t k = 0; k < DS_ARRAY_LEN(tags); k++) {
        size_t m = strlen(tags[k]);
        if (n <= m || memcmp(s, tags[k], m) != 0)
            continue;
        size_t i = m;
        if (i < n && s[i] == ' ')
            i++;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i < n && s[i] == '-' && i + 1 < n && s[i + 1] != ' ' && n - i > 12)
            return i + 1;
    }
    return 0;
}

/* The content lines near the top of a page, found among its metadata lines
 * by top_scan (at most TOP_LINES). */
struct top {
    size_t idx[TOP_LINES];       /* the content lines' numbers in d->lines */
    bool gap_before[TOP_LINES];  /* a blank or metadata line above it */
    bool meta_direct[TOP_LINES]; /* a metadata line right under it */
    bool meta_after[TOP_LINES];  /* metadata before the next content line */
    size_t n;
};

/* "www.x.com · by Jane Roe · 7 min read": a reader app's line of fields
 * led by the site's host. */
static bool
host_led(const char *s, size_t n)
{
    if (n > 160 || !(ing_istarts(s, n, "www.") || ing_istarts(s, n, "http")))
        return false;
    const char *dot = ing_ifind(s, n, " \xc2\xb7 ");
    const char *bar = ing_ifind(s, n, " | ");
    const char *sep = dot && (!bar || dot < bar) ? dot : bar;
    const char *u;
    size_t ul;
    return sep && n <= 160 && url_field(s, (size_t)(sep - s), &u, &ul);
}

/* Read line i as top-of-page metadata: a crumb (only before any content
 * line: first), a "Published" line, a date line, a byline (also "By" alone
 * with the name on the next line), a source line, an address naming a known
 * outlet, or a known outlet's name alone (first only). Fills d and sets the
 * line's why; false (the line left alone) when it is content. */
static bool
top_meta_line(struct ing_doc *d, size_t i, bool first)
{
    struct article *a = d->a;
    struct ing_doc_line *l = &d->lines[i];
    struct ing_date dt;
    const char *sec, *val;
    size_t secl, vl;
    char *name = NULL;
    bool has_date;
    size_t lead = ing_saved_lead(l->t, l->tl);
    if (ing_is_print_line(l->t, l->tl, &val, &vl)) {
        ing_print_site(d, val, vl);
        l->why = "print";
    } else if (lead) {
        const char *canon = outlets_for_url(d->outlets, l->t + lead, l->tl - lead);
        if (canon)
            ing_set_source(d, canon, strlen(canon), RANK_SOURCE_LINE);
        l->why = "saved";
    } else if (ing_is_wire_slug(l->t, l->tl)) {
        l->why = "slug";
    } else if (ing_is_wire_stamp(l->t, l->tl, &dt)) {
        ing_set_date(a, &dt, DATE_PUBLISHED_LINE);
        l->why = "date";
    } else if (first && !a->section && ing_is_crumb(l->t, l->tl, &sec, &secl) &&
               !ing_outlet_then_date(l->t, l->tl, &dt)) { /* not a masthead "PAPER | date" */
        a->section = ing_dupn(sec, secl);
        l->why = "section";
    } else if (ing_is_published_line(l->t, l->tl, &dt)) {
        ing_set_date(a, &dt, DATE_PUBLISHED_LINE);
        ing_meta_fields(d, l->t, l->tl);
        ing_published_by(d, l->t, l->tl);
        l->why = "published";
    } else if (ing_published_numeric_in(l->t, l->tl, d->numeric_order, &dt)) {
        ing_set_date(a, &dt, DATE_PUBLISHED_LINE);
        l->why = "published";
    } else if (ing_parse_date_whole(l->t, l->tl, &dt)) {
        ing_set_date(a, &dt, DATE_ISO_LINE);
        l->why = "date";
    } else if (ing_is_outlet_date_line(l->t, l->tl, &vl, &dt)) {
        const char *canon = outlets_match(d->outlets, l->t, vl);
        if (canon || !ing_place_dash(l->t, l->tl, vl)) /* "Harare \xe2\x80\x94 4 March 2024" */
            ing_set_source(d, canon ? canon : l->t, canon ? strlen(canon) : vl,
                           canon ? RANK_ALONE : RANK_ALONE_UNKNOWN);
        ing_set_date(a, &dt, DATE_ISO_LINE);
        l->why = "source";
    } else if ((vl = ing_outlet_then_date(l->t, l->tl, &dt)) != 0) {
        size_t pl = ing_page_lead(l->t, vl); /* a running head's page */
        const char *canon = outlets_match(d->outlets, l->t + pl, vl - pl);
        ing_set_source(d, canon ? canon : l->t + pl, canon ? strlen(canon) : vl - pl,
                       canon ? RANK_ALONE : RANK_ALONE_UNKNOWN);
        ing_set_date(a, &dt, DATE_ISO_LINE);
        l->why = "source";
    } else if (ing_is_date_led(l->t, l->tl, &dt)) {
        ing_set_date(a, &dt, DATE_ISO_LINE);
        ing_meta_fields(d, l->t, l->tl);
        l->why = "date";
    } else if (ing_date_led_fields(d, l->t, l->tl, &dt) || ing_place_date_line(l->t, l->tl, &dt) ||
               ing_words_date_line(l->t, l->tl, &dt)) {
        ing_set_date(a, &dt, DATE_ISO_LINE);
        l->why = "date";
    } else if (!a->byline && ing_is_byline(l->t, l->tl, &name, &dt, &has_date)) {
        ing_byline_outlet(d, name);
        byline_tail_outlet(d, l->t, l->tl);
        a->byline = name;
        if (has_date)
            ing_set_date(a, &dt, DATE_BYLINE);
        l->why = "byline";
    } else if (!a->byline && keyed_byline_line(l->t, l->tl)) {
        ing_meta_fields(d, l->t, l->tl); /* "Reporter: X", "Penulis: X | Editor: Y" */
        l->why = "byline";
    } else if (!a->byline && (ing_ieq(l->t, l->tl, "by") || ing_ieq(l->t, l->tl, "by:")) &&
               i + 1 < d->n && ing_is_content(&d->lines[i + 1])) {
        /* "By" alone, the name (and role) on the next line */
        struct ing_doc_line *nx = &d->lines[i + 1];
        char *probe = xasprintf("By %.*s", (int)nx->tl, nx->t);
        if (ing_is_byline(probe, strlen(probe), &name, &dt, &has_date)) {
            ing_byline_outlet(d, name);
            a->byline = name;
            if (has_date)
                ing_set_date(a, &dt, DATE_BYLINE);
            l->why = "byline";
            nx->why = "byline";
        }
        free(probe);
    } else if (ing_is_source_line(l->t, l->tl, &val, &vl) && !ing_chart_source(d, i)) {
        meta_source(d, val, vl);
        ing_meta_fields(d, l->t, l->tl); /* "Source: X | Date: ... | URL: ..." */
        ing_source_line_date(d, l->t, l->tl, val, vl);
        l->why = "source";
    } else if (ing_original_line(d, l->t, l->tl)) {
        l->why = "source";
    } else if (url_field(l->t, l->tl, &val, &vl) && outlets_for_url(d->outlets, val, vl)) {
        const char *canon = outlets_for_url(d->outlets, val, vl);
        ing_set_source(d, canon, strlen(canon), RANK_SOURCE_LINE);
        l->why = "source";
    } else if (host_led(l->t, l->tl)) {
        ing_meta_fields(d, l->t, l->tl); /* "www.x.com · by Jane Roe · 7 min read" */
        l->why = "source";
    } else if (url_field(l->t, l->tl, &val, &vl) && ing_istarts(val, vl, "http")) {
        if (!a->url) /* a copy's address alone under the title */
            a->url = ing_dupn(val, vl);
        l->why = "source";
    } else if (ing_outlet_led_fields(d, l->t, l->tl)) {
        l->why = "source";
    } else if (ing_name_fields_meta(d, l)) {
        /* "Jane Roe — Helsinki — 4 March 2024" */
    } else if (ing_top_byline(d, i, first)) {
        /* a byline without "By", or the role or outlet line under one */
    } else if (first && l->tl <= 60 && outlets_match(d->outlets, l->t, l->tl)) {
        const char *canon = outlets_match(d->outlets, l->t, l->tl);
        ing_set_source(d, canon, strlen(canon), RANK_ALONE);
        l->why = "source";
    }
    return l->why != NULL;
}

/* Walk the first TOP_LINES non-blank lines of d: metadata lines are read
 * (top_meta_line), the content lines noted in t with what surrounds them. A
 * masthead dropped as frequent before any content line names the source. */
static void
top_scan(struct ing_doc *d, struct top *t)
{
    size_t seen = 0;
    bool gap = false, started = false;
    t->n = 0;
    for (size_t i = 0; i < d->n && seen < TOP_LINES; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->why && t->n == 0 && strcmp(l->why, "frequent") == 0 && ing_top_outlet_seen(l)) {
            /* a masthead printed on every page of the outlet */
            const char *canon = outlets_match(d->outlets, l->t, l->tl);
            ing_set_source(d, canon ? canon : l->t, canon ? strlen(canon) : l->tl, RANK_ALONE_SEEN);
            l->why = "source";
        }
        if (l->why && strcmp(l->why, "app") == 0) { /* "X · 3 min read": metadata first */
            l->why = NULL;
            if (!top_meta_line(d, i, t->n == 0))
                l->why = "app";
        }
        bool credit = t->n == 1 && i > 0 && (!l->why || strcmp(l->why, "caption") == 0) &&
                      ing_prev_line(d, i) == t->idx[0] &&
                      ing_caption_byline(d, l); /* "Jane Roe | Reuters" right under the title */
        if (credit)
            l->why = NULL;
        if (l->blank || l->why) {
            gap = gap || started;
            continue;
        }
        seen++;
        if (credit ? (l->why = "byline") != NULL : top_meta_line(d, i, t->n == 0)) {
            if (t->n > 0) {
                t->meta_after[t->n - 1] = true;
                if (t->idx[t->n - 1] + 1 == i)
                    t->meta_direct[t->n - 1] = true;
            }
            gap = started; /* a metadata line separates like a blank one */
            continue;
        }
        if (t->n < TOP_LINES) {
            t->gap_before[t->n] = gap;
            t->meta_direct[t->n] = t->meta_after[t->n] = false;
            t->idx[t->n++] = i;
        }
        started = true;
        gap = false;
    }
}

/* An outlet's name alone above the headline ("Yellow Sea Observer",
 * "东方经济观察"): the source, when it looks like an outlet's name or the
 * page names it as its source elsewhere. Returns how many content lines it
 * took (0 or 1). */
static size_t
top_outlet_above(struct ing_doc *d, const struct top *t)
{
    if (t->n < 3 || !ing_is_headline_like(&d->lines[t->idx[1]]))
        return 0;
    struct ing_doc_line *c0 = &d->lines[t->idx[0]];
    bool named = d->source && strlen(d->source) == c0->tl && memcmp(d->source, c0->t, c0->tl) == 0;
    bool freq = ing_is_frequent(d->ctx, c0->t, c0->tl);
    struct ing_name_shape ns;
    /* without outside evidence: a short name, a blank line under it, and
     * the date or byline under the headline ("Harbour Board Report
     * Delayed" over a standfirst is a headline) */
    if (ing_outlet_like(c0->t, c0->tl, named || freq) && ing_name_shape(c0->t, c0->tl, &ns) &&
        (named || freq ||
         (t->gap_before[1] && t->meta_after[1] &&
          ((ns.words >= 3 && ns.words <= 4) || (ns.cjk && !ns.latin))))) {
        ing_set_source(d, c0->t, c0->tl, named ? RANK_SOURCE_LINE : RANK_ALONE_UNKNOWN);
        c0->why = "source";
        return 1;
    }
    return 0;
}

/* A masthead over the headline: two headline-like lines from content line
 * b on, the second directly on top of the date or byline. Returns b, one
 * more when the masthead was taken. */
static size_t
top_masthead(struct ing_doc *d, const struct top *t, size_t b)
{
    if (t->n - b < 2)
        return b;
    struct ing_doc_line *c0 = &d->lines[t->idx[b]], *c1 = &d->lines[t->idx[b + 1]];
    if (!t->gap_before[b + 1] && t->meta_direct[b + 1] && ing_is_headline_like(c0) &&
        ing_is_headline_like(c1) && !ing_is_short_label(c0) && is_masthead(d, c0)) {
        masthead_meta(d, c0);
        c0->why = "masthead";
        b++;
    }
    return b;
}

#define NO_TITLE ((size_t)-1)

/* A headline of two or three short sentences ("Storm knocks out power to
 * 400,000. Crews say repairs could take a week."): it opens with a capital,
 * ends in a full stop, and no sentence has more than 14 words or a comma
 * (a reporting clause, ", officials said", is prose). */
static bool
headline_of_sentences(const struct ing_doc_line *l)
{
    const char *s = l->t;
    size_t n = l->tl;
    if (n < 10 || n > 200 || s[n - 1] != '.' || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    int ns = sentences(s, n);
    if (ns < 2 || ns > 3 || memchr(s, ';', n))
        return false;
    for (size_t i = 1; i + 1 < n; i++) /* a comma only inside a number ("400,000") */
        if (s[i] == ',' && !(s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9'))
            return false;
    size_t a = 0;
    for (size_t i = 0; i < n; i++) {
        bool end = i + 1 == n || ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ');
        if (!end)
            continue;
        if (ing_count_words_max(s + a, i + 1 - a, 15) > 14)
            return false;
        a = i + 2;
    }
    return true;
}

/* The headline among the content lines ix[0..ni) (gb: a gap above each): the
 * first when it reads as one, or the second under a short label (then the
 * section). Sets the title (without a wire service's version tag) and
 * returns its index in ix; NO_TITLE when the text starts with prose, is one
 * short line, or is a label directly on top of prose. */
static size_t
top_title(struct ing_doc *d, const size_t *ix, const bool *gb, const bool *ma, size_t ni)
{
    struct article *a = d->a;
    struct ing_doc_line *c0 = &d->lines[ix[0]];
    struct ing_doc_line *c1 = ni > 1 ? &d->lines[ix[1]] : NULL;
    bool gap01 = ni > 1 && gb[1];
    size_t title_at;

    /* a headline of several sentences, when a byline or date sits under it
     * or under the one or two lines after it */
    bool sentences_head = headline_of_sentences(c0) &&
                          (ma[0] || (ni > 1 && ma[1]) || (ni > 2 && ma[2]));
    if (!ing_is_headline_like(c0) && !sentences_head)
        return NO_TITLE; /* the text starts with prose: no title */
    if (ni == 1)
        return NO_TITLE; /* a lone short line is no headline of anything */
    /* a standfirst may sit directly under the headline (no blank line) when
     * it is a single sentence or has no full stop */
    bool c2_standfirst = false;
    if (ni > 2 && !gb[2] && (ni == 3 || gb[3])) {
        const struct ing_doc_line *c2 = &d->lines[ix[2]];
        int w = ing_count_words(c2->t, c2->tl);
        c2_standfirst = w >= 4 && w <= 60 && sentences(c2->t, c2->tl) <= 1 &&
                        !ing_ends_with_any(c2->t, c2->tl, ",;:") && !ing_is_caption_like(c2);
    }
    if (ing_is_short_label(c0) && c1 && ing_is_headline_like(c1) && !ing_ends_with_any(c1->t, c1->tl, "?") &&
        ing_count_words(c1->t, c1->tl) > ing_count_words(c0->t, c0->tl) &&
        (ni == 2 || gb[2] || c2_standfirst)) {
        if (!a->section)
            a->section = ing_dupn(c0->t, c0->tl);
        c0->why = "section";
        title_at = 1;
    } else if (ing_is_short_label(c0) && !gap01) {
        /* a label sitting directly on top of prose names the section */
        if (!a->section)
            a->section = ing_dupn(c0->t, c0->tl);
        c0->why = "section";
        return NO_TITLE;
    } else {
        title_at = 0;
    }
    struct ing_doc_line *t = &d->lines[ix[title_at]];
    size_t skip = wire_prefix(t->t, t->tl);
    a->title = ing_dupn(t->t + skip, t->tl - skip);
    t->why = "title";
    return title_at;
}

/* The standfirst: a short paragraph right after the headline (ix[title_at];
 * gb, ma: a gap above, metadata after each content line), not a photo
 * caption; with blank lines around it, not a sentence ending in a full
 * stop unless a byline or date follows it (then up to two sentences);
 * directly under the headline, one sentence at most. */
static void
top_standfirst(struct ing_doc *d, const size_t *ix, const bool *gb, const bool *ma, size_t ni,
               size_t title_at)
{
    size_t s = title_at + 1;
    if (s >= ni || !(s + 1 >= ni || gb[s + 1]))
        return;
    struct ing_doc_line *st = &d->lines[ix[s]];
    int w = ing_count_words(st->t, st->tl);
    if (w < 4 || ing_ends_with_any(st->t, st->tl, ",;:") || ing_is_caption_like(st))
        return;
    int ns = sentences(st->t, st->tl);
    bool take;
    if (gb[s])
        take = (w <= 40 && !ing_is_prose(st->t, st->tl, 1) && (s + 1 < ni || st->tl < 200)) ||
               (ma[s] && w <= 60 && ns <= 2);
    else
        take = w <= 60 && ns <= 1;
    if (take)
        d->a->subtitle = ing_dupn(st->t, st->tl);
}

/* The top of the page: crumbs, "Published" lines, date lines, bylines, an
 * outlet's name, then the headline, a section label and a standfirst. */
void
ing_meta_top(struct ing_doc *d)
{
    struct top t;
    ing_running_heads(d);
    top_scan(d, &t);
    if (t.n == 0)
        return;
    size_t b = top_outlet_above(d, &t);
    b = top_masthead(d, &t, b);
    const size_t *ix = t.idx + b;
    const bool *gb = t.gap_before + b, *ma = t.meta_after + b;
    size_t ni = t.n - b;
    if (ing_top_stacked_headline(d, ix, gb, ma, ni))
        return;
    size_t title_at = top_title(d, ix, gb, ma, ni);
    if (title_at != NO_TITLE && !ing_top_outlet_under(d, ix, ma, ni, title_at))
        top_standfirst(d, ix, gb, ma, ni, title_at);
}

/* "This report by The Canadian Press was first published March 12,
 * 2024.": a closing credit that dates the story and names its outlet (a
 * known one, or a name shaped as an outlet's). */
static bool
first_published_credit(struct ing_doc *d, const char *s, size_t n)
{
    static const char *const verbs[] = {" was first published ", " was originally published "};
    if (!ing_istarts(s, n, "this ") || ing_count_words_max(s, n, 31) > 30)
        return false;
    size_t vl = 0;
    const char *v = ing_ifind_first(s, n, verbs, DS_ARRAY_LEN(verbs), &vl);
    struct ing_date dt;
    size_t at;
    if (!v || !ing_find_date(v + vl, (size_t)(s + n - v) - vl, &dt, &at) || !dt.y)
        return false;
    ing_set_date(d->a, &dt, DATE_PUBLISHED_LINE);
    const char *by = ing_ifind(s, (size_t)(v - s), " by ");
    if (by) {
        const char *name = by + 4;
        size_t nl = (size_t)(v - name);
        const char *canon = outlets_match(d->outlets, name, nl);
        if (canon)
            ing_set_source(d, canon, strlen(canon), RANK_BYLINE);
        else if (ing_outlet_like(name, nl, true))
            ing_set_source(d, name, nl, RANK_BYLINE);
    }
    return true;
}

/* The bottom of the page: "Source: X", an outlet's name alone (known, or
 * unknown but looking like an outlet's or repeated across the corpus),
 * "— The X Review", copyright. Lines dropped as frequent are looked at too:
 * an outlet's name that ends many pages is the best evidence there is. */
void
ing_meta_bottom(struct ing_doc *d)
{
    size_t seen = 0;
    for (size_t i = d->n; i-- > 0 && seen < BOTTOM_LINES;) {
        struct ing_doc_line *l = &d->lines[i];
        bool freq = l->why && strcmp(l->why, "frequent") == 0;
        if (l->why && strcmp(l->why, "credit") == 0)
            ing_credit_byline(d, l->t, l->tl); /* "(Reporting by X; ...)" */
        if (!ing_is_content(l) && !freq)
            continue;
        seen++;
        const char *val;
        size_t vl;
        const char *canon;
        struct ing_date dt;
        if (ing_is_print_line(l->t, l->tl, &val, &vl)) {
            ing_print_site(d, val, vl);
            l->why = "print";
        } else if (ing_chart_source(d, i)) {
            continue; /* "Chart: ..." over "Source: ONS, 12 March 2024": the data's */
        } else if (ing_is_source_line(l->t, l->tl, &val, &vl)) {
            meta_source(d, val, vl);
            ing_source_line_date(d, l->t, l->tl, val, vl);
            l->why = "source";
        } else if (ing_original_line(d, l->t, l->tl)) {
            l->why = "source"; /* "Originally published at https://..." */
        } else if (url_field(l->t, l->tl, &val, &vl) &&
                   (canon = outlets_for_url(d->outlets, val, vl)) != NULL) {
            ing_set_source(d, canon, strlen(canon), RANK_SOURCE_LINE);
            l->why = "source";
        } else if (l->tl <= 60 && (canon = outlets_match(d->outlets, l->t, l->tl)) != NULL) {
            ing_set_source(d, canon, strlen(canon), RANK_ALONE);
            l->why = "source";
        } else if (ing_dash_trailer(l->t, l->tl, &val, &vl) && ing_outlet_like(val, vl, true)) {
            canon = outlets_match(d->outlets, val, vl);
            ing_set_source(d, canon ? canon : val, canon ? strlen(canon) : vl,
                       canon ? RANK_ALONE : RANK_ALONE_SEEN);
            l->why = "source";
        } else if (ing_outlet_like(l->t, l->tl, freq) && !ing_is_copyright_line(l->t, l->tl)) {
            ing_set_source(d, l->t, l->tl, freq ? RANK_ALONE_SEEN : RANK_ALONE_UNKNOWN);
            l->why = "source";
        } else if (ing_is_copyright_line(l->t, l->tl)) {
            canon = outlets_find_in(d->outlets, l->t, l->tl, NULL);
            if (canon)
                ing_set_source(d, canon, strlen(canon), RANK_COPYRIGHT);
            else if (ing_copyright_name(l->t, l->tl, &val, &vl) && !ing_is_caption_like(l) &&
                     ing_outlet_like(val, vl, true))
                ing_set_source(d, val, vl, RANK_COPYRIGHT_UNKNOWN);
            ing_edition_date(d, l->t, l->tl);
            l->why = "copyright";
        } else if (ing_is_published_line(l->t, l->tl, &dt)) {
            ing_set_date(d->a, &dt, DATE_PUBLISHED_LINE);
            l->why = "published";
        } else if (first_published_credit(d, l->t, l->tl) | /* both: date and outlet */
                   ing_republished_credit(d, l->t, l->tl)) {
            l->why = "credit";
        } else if (ing_is_prose(l->t, l->tl, 6)) {
            break; /* the article text itself: no trailer above this */
        }
    }
}

/* An agency named in a dateline that outlets.tsv does not know: one to
 * three capitalised words of letters ("Tidewater", "Kestrel News"). */
static bool
agency_like(const char *s, size_t n)
{
    if (n < 2 || n > 40)
        return false;
    int words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return false;
        words++;
        while (i < n && s[i] != ' ') {
            char c = s[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' ||
                  c == '&' || c == '\''))
                return false;
            i++;
        }
    }
    return words >= 1 && words <= 3 && !ing_has_ui_word(s, n);
}

/* "(Reuters) - A chipmaker said ...": a paragraph that opens with a known
 * agency in parentheses and a dash, the dateline a syndicated copy keeps
 * once its place is cut. The agency's canonical name, or NULL: an unknown
 * name in parentheses is an aside, never an outlet. */
static const char *
opening_agency(const struct ing_doc *d, const char *s, size_t n)
{
    if (n < 6 || s[0] != '(')
        return NULL;
    const char *close = memchr(s, ')', n < 42 ? n : 42);
    if (!close || close == s + 1)
        return NULL;
    const char *r = close + 1;
    size_t rl = (size_t)(s + n - r);
    if (!(ing_istarts(r, rl, " - ") || ing_istarts(r, rl, " -- ") ||
          ing_istarts(r, rl, " \xe2\x80\x94 ") || ing_istarts(r, rl, " \xe2\x80\x93 ")))
        return NULL;
    return outlets_match(d->outlets, s + 1, (size_t)(close - s - 1));
}

/* A release service's dateline on line l: the service as the outlet,
 * its date (when it has one); false when l is none. */
static bool
release_dateline(struct ing_doc *d, const struct ing_doc_line *l)
{
    struct ing_release rel;
    if (!ing_is_release_dateline(l->t, l->tl, &rel))
        return false;
    const char *canon = outlets_match(d->outlets, rel.service, rel.servicel);
    if (canon)
        ing_set_source(d, canon, strlen(canon), RANK_DATELINE);
    else if (agency_like(rel.service, rel.servicel))
        ing_set_source(d, rel.service, rel.servicel, RANK_DATELINE_UNKNOWN);
    if (rel.date.y)
        ing_set_date(d->a, &rel.date, DATE_DATELINE);
    return true;
}

/* "BANDUNG, PRIANGANPOS.com \xe2\x80\x94 Ratusan ...": a place in capitals, a
 * comma and a site's address as the dateline's outlet, then a dash; the
 * address in *name. */
static bool
address_dateline(const char *s, size_t n, const char **name, size_t *nl)
{
    const char *comma = n > 12 ? memchr(s, ',', DS_MIN(n, (size_t)40)) : NULL;
    if (!comma || comma == s || comma + 2 >= s + n || comma[1] != ' ')
        return false;
    for (const char *p = s; p < comma; p++)
        if (!((*p >= 'A' && *p <= 'Z') || *p == ' ' || *p == '.'))
            return false;
    const char *a = comma + 2, *e = a;
    while (e < s + n && *e != ' ')
        e++;
    const char *dot = a;
    for (const char *p = a; p < e; p++)
        if (*p == '.')
            dot = p;
    size_t tld = (size_t)(e - dot - 1), rest = (size_t)(s + n - e);
    if (dot == a || tld < 2 || tld > 3 || !islower((unsigned char)dot[1]) ||
        !(ing_istarts(e, rest, " \xe2\x80\x94 ") || ing_istarts(e, rest, " \xe2\x80\x93 ") ||
          ing_istarts(e, rest, " - ")))
        return false;
    *name = a;
    *nl = (size_t)(e - a);
    return true;
}

/* See lib.h. */
void
ing_meta_release_dateline(struct ing_doc *d)
{
    for (size_t i = 0, seen = 0; i < d->n && seen < 4; i++)
        if (ing_is_content(&d->lines[i]) && (seen++, release_dateline(d, &d->lines[i])))
            return;
}

/* A dateline opening one of the first paragraphs gives an agency and a day;
 * so does a bare "(Agency) -" opening (an agency only). */
void
ing_meta_dateline(struct ing_doc *d, const char *path)
{
    size_t seen = 0;
    for (size_t i = 0; i < d->n && seen < 4; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (!ing_is_content(l))
            continue;
        seen++;
        struct ing_dateline dl;
        const char *site;
        size_t sl;
        if (release_dateline(d, l))
            break;
        if (address_dateline(l->t, l->tl, &site, &sl)) {
            const char *canon = outlets_for_url(d->outlets, site, sl);
            ing_set_source(d, canon ? canon : site, canon ? strlen(canon) : sl,
                           canon ? RANK_DATELINE : RANK_DATELINE_UNKNOWN);
            break;
        }
        if (!ing_is_dateline(l->t, l->tl, &dl)) {
            const char *agency = opening_agency(d, l->t, l->tl);
            if (!agency)
                continue;
            ing_set_source(d, agency, strlen(agency), RANK_DATELINE);
            break;
        }
        if (dl.agency) {
            const char *canon = outlets_match(d->outlets, dl.agency, dl.agencyl);
            if (canon)
                ing_set_source(d, canon, strlen(canon), RANK_DATELINE);
            else if (dl.caps_place && agency_like(dl.agency, dl.agencyl))
                ing_set_source(d, dl.agency, dl.agencyl, RANK_DATELINE_UNKNOWN);
        }
        if (dl.month) {
            int year = dl.year;
            struct ing_date pd;
            if (!year && ing_path_date(path, &pd))
                year = pd.y;
            if (year) {
                struct ing_date dt = {year, dl.month, dl.day};
                ing_set_date(d->a, &dt, DATE_DATELINE);
            } else if (!d->a->day_month) {
                /* kept for display; without a year it is no date */
                d->a->day_month = xasprintf("%02d-%02d", dl.month, dl.day);
            }
        }
        break;
    }
}

/* The first run of capitalised words in s (a leading "The" included, up to
 * a possessive "'s") that looks like an outlet's name: "The Kestrel
 * Herald" in "Get The Kestrel Herald’s briefing". */
static bool
capitalised_name_in(const char *s, size_t n, const char **name, size_t *nl)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i, e = i, words = 0;
        for (;;) {
            size_t j = e;
            while (j < n && s[j] == ' ')
                j++;
            if (j >= n || !(s[j] >= 'A' && s[j] <= 'Z'))
                break;
            size_t k = j;
            while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
                             s[k] == '-' || s[k] == '.'))
                k++;
            if (words == 0)
                b = j;
            e = k;
            words++;
            /* a possessive or punctuation ends the name */
            if (k >= n || s[k] != ' ')
                break;
        }
        if (words >= 2 && words <= 5 && ing_outlet_like(s + b, e - b, false)) {
            *name = s + b;
            *nl = e - b;
            return true;
        }
        /* go on after this word */
        while (i < n && s[i] != ' ')
            i++;
        if (e > i)
            i = e;
    }
    return false;
}

/* Outlet named in page furniture that was dropped ("Your access to X has
 * expired"): the weakest evidence, used only when nothing else names one. */
void
ing_meta_furniture_outlet(struct ing_doc *d)
{
    const char *best = NULL;
    size_t bestlen = 0;
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (!l->why || (strcmp(l->why, "paywall") != 0 && strcmp(l->why, "sponsored") != 0 &&
                        strcmp(l->why, "label") != 0 && strcmp(l->why, "frequent") != 0))
            continue;
        size_t ml;
        const char *c = outlets_find_in(d->outlets, l->t, l->tl, &ml);
        if (c && ml > bestlen) {
            best = c;
            bestlen = ml;
        }
    }
    if (best) {
        ing_set_source(d, best, strlen(best), RANK_FURNITURE);
        return;
    }
    /* an unknown outlet's own furniture: "The X Herald's Business Briefing",
     * "X Markets newsletters: ..."; not a newsletter prompt's own line,
     * whose names are the newsletter's ("Sign up for the Morning Briefing
     * newsletter") */
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (!l->why || (strcmp(l->why, "paywall") != 0 && strcmp(l->why, "frequent") != 0 &&
                        strcmp(l->why, "prompt-block") != 0))
            continue;
        const char *name;
        size_t nl;
        if (capitalised_name_in(l->t, l->tl, &name, &nl)) {
            ing_set_source(d, name, nl, RANK_FURNITURE_UNKNOWN);
            return;
        }
    }
}
