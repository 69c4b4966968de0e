/*
 * ingest/exports.c — articles as the news databases export them, which is
 * how a beat reporter keeps a paper's archive: Nexis ("Body", "Load-Date:",
 * "End of Document"; the older export's "HEADLINE:", "BYLINE:", "BODY:"),
 * Factiva's two-letter fields (HD, BY, PD, SN, LP, TD, AN), ProQuest
 * ("Full text:" between the record's fields) and NewsBank ("Paper (ST) -
 * date", "Author/Byline:"). The record's fields are metadata, never text:
 * its load date or "Last updated" is the database's, not the paper's, and
 * the outlet is the paper, not the database. One article per file.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/util.h"
#include "lib.h"

#define EXPORT_LINES 4096 /* lines looked at */

/* The file's lines, trimmed of surrounding spaces. */
struct lines {
    const char *t[EXPORT_LINES];
    size_t n[EXPORT_LINES];
    size_t count;
};

/* false when the text has more lines than are looked at (then it is read
 * as plain text: no line of it is lost). */
static bool
split(const char *s, size_t n, struct lines *L)
{
    L->count = 0;
    for (size_t i = 0; i < n && L->count < EXPORT_LINES;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n, a = i;
        while (a < e && (s[a] == ' ' || s[a] == '\t' || s[a] == '\f'))
            a++;
        size_t z = e;
        while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t' || s[z - 1] == '\r'))
            z--;
        L->t[L->count] = s + a;
        L->n[L->count++] = z - a;
        i = nl ? e + 1 : n;
        if (L->count == EXPORT_LINES && i < n)
            return false;
    }
    return true;
}

static void
removed(struct ing_page *pg, const char *s, size_t n)
{
    if (n)
        buf_printf(&pg->removed, "export\t%.*s\n", (int)n, s);
}

/* Append line i to the text (a blank line keeps paragraphs apart). */
static void
text_line(struct ing_page *pg, const struct lines *L, size_t i)
{
    buf_append(&pg->text, L->t[i], L->n[i]);
    buf_putc(&pg->text, '\n');
}

/* The value of "Key: value" at line i when the key is key (case ignored),
 * or NULL. */
static const char *
keyed(const struct lines *L, size_t i, const char *key, size_t *vl)
{
    size_t k = strlen(key);
    const char *s = L->t[i];
    size_t n = L->n[i];
    if (n <= k || !ing_istarts(s, n, key) || s[k] != ':')
        return NULL;
    size_t a = k + 1;
    while (a < n && s[a] == ' ')
        a++;
    *vl = n - a;
    return s + a;
}

/* Set a stated field from a value: an author less a leading "By ", a
 * paper less a trailing place in parentheses ("The Courier (Ohio)"). */
static void
stated(struct ing_page *pg, const char *key, const char *v, size_t vl)
{
    if (strcmp(key, "author") == 0 && vl > 3 && ing_istarts(v, vl, "by ")) {
        v += 3;
        vl -= 3;
    }
    if (strcmp(key, "source") == 0 && vl > 4 && v[vl - 1] == ')') {
        const char *open = memchr(v, '(', vl);
        if (open && open > v + 2 && open[-1] == ' ')
            vl = (size_t)(open - v) - 1;
    }
    if (vl)
        ing_meta_set(&pg->meta, key, strlen(key), v, vl);
}

/* ---- Factiva -------------------------------------------------------------------------- */

/* The Factiva field code opening line i ("HD", "TD", "IPD"), its length,
 * and where its value starts; 0 when none. */
static size_t
factiva_code(const struct lines *L, size_t i, size_t *val)
{
    static const char *const codes[] = {"HD", "BY", "WC", "PD", "ET", "SN", "SC", "ED", "PG",
                                        "LA", "CY", "LP", "TD", "CO", "IN", "NS", "RE", "IPC",
                                        "IPD", "PUB", "AN", "CR", "SE", "CLM", "RF", "ART"};
    const char *s = L->t[i];
    size_t n = L->n[i];
    for (size_t k = 0; k < DS_ARRAY_LEN(codes); k++) {
        size_t m = strlen(codes[k]);
        if (n >= m && memcmp(s, codes[k], m) == 0 && (n == m || (n > m + 1 && s[m] == ' ' && s[m + 1] == ' '))) {
            size_t a = m;
            while (a < n && s[a] == ' ')
                a++;
            *val = a;
            return m;
        }
    }
    return 0;
}

static bool
read_factiva(const struct lines *L, struct ing_page *pg)
{
    size_t seen = 0, v;
    bool hd = false, pd = false;
    for (size_t i = 0; i < L->count; i++) {
        size_t m = factiva_code(L, i, &v);
        seen += m > 0;
        hd |= m == 2 && memcmp(L->t[i], "HD", 2) == 0;
        pd |= m == 2 && (memcmp(L->t[i], "PD", 2) == 0 || memcmp(L->t[i], "SN", 2) == 0);
    }
    if (seen < 4 || !hd || !pd)
        return false;
    const char *cur = "";
    for (size_t i = 0; i < L->count; i++) {
        size_t m = factiva_code(L, i, &v);
        const char *s = L->t[i];
        if (m)
            cur = m == 2 && (!memcmp(s, "LP", 2) || !memcmp(s, "TD", 2)) ? "text" : s;
        if (strcmp(cur, "text") == 0) {
            if (m)
                buf_putc(&pg->text, '\n');
            if (L->n[i] > (m ? v : 0) || !m)
                buf_append(&pg->text, s + (m ? v : 0), L->n[i] - (m ? v : 0));
            buf_putc(&pg->text, '\n');
            continue;
        }
        removed(pg, s, L->n[i]);
        if (!m || v >= L->n[i])
            continue;
        if (!memcmp(s, "HD", 2))
            stated(pg, "title", s + v, L->n[i] - v);
        else if (!memcmp(s, "BY", 2))
            stated(pg, "author", s + v, L->n[i] - v);
        else if (!memcmp(s, "PD", 2))
            stated(pg, "date", s + v, L->n[i] - v);
        else if (!memcmp(s, "SN", 2))
            stated(pg, "source", s + v, L->n[i] - v);
    }
    return true;
}

/* ---- Nexis ------------------------------------------------------------------------------ */

/* Does line i end the text of a Nexis record ("Load-Date:", "End of
 * Document", "LANGUAGE:", "Classification")? */
static bool
nexis_end(const struct lines *L, size_t i)
{
    static const char *const ends[] = {"load-date:", "end of document", "classification",
                                       "language:", "publication-type:", "graphic:"};
    for (size_t k = 0; k < DS_ARRAY_LEN(ends); k++)
        if (ing_istarts(L->t[i], L->n[i], ends[k]))
            return true;
    return false;
}

/* The line that opens a Nexis record's text ("Body", "BODY:"), or
 * L->count when there is none or the record has no Nexis field. */
static size_t
nexis_body(const struct lines *L)
{
    size_t body = L->count;
    bool field = false;
    for (size_t i = 0; i < L->count; i++) {
        size_t vl;
        if (body == L->count && (ing_ieq(L->t[i], L->n[i], "body") || ing_ieq(L->t[i], L->n[i], "body:")))
            body = i;
        field |= keyed(L, i, "load-date", &vl) || (keyed(L, i, "length", &vl) && ing_ifind(L->t[i], L->n[i], " words"));
    }
    return field ? body : L->count;
}

/* A header line of a Nexis record that is no title or paper: the
 * record's number, a copyright, an edition. */
static bool
nexis_furniture(const char *s, size_t n)
{
    return ing_ifind(s, n, " documents") || ing_istarts(s, n, "copyright") ||
           ing_ieq(s, n, "all rights reserved") || (n < 40 && ing_ifind(s, n, "edition")) ||
           ing_istarts(s, n, "(c)") || ing_istarts(s, n, "\xc2\xa9");
}

/* One line of a Nexis header: a field, the date, or the title or paper. */
static void
nexis_header_line(const struct lines *L, size_t i, struct ing_page *pg, int *free_lines,
                  bool has_headline)
{
    static const char *const keys[][2] = {{"headline", "title"}, {"byline", "author"},
                                          {"section", "section"}};
    const char *s = L->t[i], *v;
    size_t n = L->n[i], vl;
    struct ing_date dt;
    size_t at;
    removed(pg, s, n);
    for (size_t k = 0; k < DS_ARRAY_LEN(keys); k++)
        if ((v = keyed(L, i, keys[k][0], &vl)) != NULL) {
            stated(pg, keys[k][1], v, vl);
            return;
        }
    if (!n || nexis_furniture(s, n) || memchr(s, ':', n))
        return;
    if (!pg->meta.date && n < 60 && ing_find_date(s, n, &dt, &at) && at == 0) {
        stated(pg, "date", s, n);
        return;
    }
    /* the title (unless a HEADLINE: field states it), then the paper */
    if (*free_lines == 0 && !has_headline)
        stated(pg, "title", s, n);
    else if (!pg->meta.source)
        stated(pg, "source", s, n);
    (*free_lines)++;
}

static bool
read_nexis(const struct lines *L, struct ing_page *pg)
{
    size_t body = nexis_body(L), vl;
    if (body == L->count)
        return false;
    bool has_headline = false;
    for (size_t i = 0; i < body; i++)
        has_headline |= keyed(L, i, "headline", &vl) != NULL;
    int free_lines = 0;
    for (size_t i = 0; i < body; i++)
        nexis_header_line(L, i, pg, &free_lines, has_headline);
    removed(pg, L->t[body], L->n[body]);
    size_t i = body + 1;
    for (; i < L->count && !nexis_end(L, i); i++)
        text_line(pg, L, i);
    for (; i < L->count; i++)
        removed(pg, L->t[i], L->n[i]);
    return true;
}

/* ---- ProQuest ----------------------------------------------------------------------------- */

/* Is line i one of a ProQuest record's fields ("Publication title: X")? */
static bool
proquest_field(const struct lines *L, size_t i)
{
    size_t vl;
    for (size_t k = 0; k < ing_record_keys_n; k++)
        if ((ing_record_keys[k].uses & ING_RK_PROQUEST) && keyed(L, i, ing_record_keys[k].key, &vl))
            return true;
    return false;
}

/* "Whitaker, Colleen; Bose, Arjun" as "Colleen Whitaker, Arjun Bose". */
static void
proquest_authors(struct ing_page *pg, const char *v, size_t vl)
{
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < vl;) {
        const char *semi = memchr(v + i, ';', vl - i);
        size_t e = semi ? (size_t)(semi - v) : vl;
        const char *a = v + i;
        size_t an = e - i;
        while (an && (*a == ' '))
            a++, an--;
        while (an && (a[an - 1] == ' ' || a[an - 1] == '.'))
            an--;
        const char *comma = memchr(a, ',', an);
        if (b.len)
            buf_puts(&b, ", ");
        if (comma) {
            const char *g = comma + 1;
            while (g < a + an && *g == ' ')
                g++;
            buf_append(&b, g, (size_t)(a + an - g));
            buf_putc(&b, ' ');
            buf_append(&b, a, (size_t)(comma - a));
        } else {
            buf_append(&b, a, an);
        }
        i = e + 1;
    }
    if (b.len)
        ing_meta_set(&pg->meta, "author", 6, buf_str(&b), b.len);
    buf_free(&b);
}

/* The paper in "Paper; Place" or "Paper ; Place [Place]. 08 Feb 2024: A.4." */
static void
proquest_source(struct ing_page *pg, const char *v, size_t vl)
{
    const char *semi = memchr(v, ';', vl);
    size_t e = semi ? (size_t)(semi - v) : vl;
    while (e && v[e - 1] == ' ')
        e--;
    if (e)
        stated(pg, "source", v, e);
}

static void
proquest_meta(const struct lines *L, size_t i, struct ing_page *pg)
{
    const char *v;
    size_t vl;
    removed(pg, L->t[i], L->n[i]);
    if ((v = keyed(L, i, "author", &vl)) != NULL)
        proquest_authors(pg, v, vl);
    else if ((v = keyed(L, i, "publication title", &vl)) != NULL ||
             (v = keyed(L, i, "publication info", &vl)) != NULL)
        proquest_source(pg, v, vl);
    else if ((v = keyed(L, i, "publication date", &vl)) != NULL)
        stated(pg, "date", v, vl);
}

static bool
read_proquest(const struct lines *L, struct ing_page *pg)
{
    size_t full = L->count, vl;
    bool pub = false;
    for (size_t i = 0; i < L->count; i++) {
        if (full == L->count && keyed(L, i, "full text", &vl))
            full = i;
        pub |= keyed(L, i, "publication title", &vl) || keyed(L, i, "publication info", &vl);
    }
    if (full == L->count || !pub)
        return false;
    size_t tail = L->count; /* the fields after the text */
    while (tail > full + 1 && (L->n[tail - 1] == 0 || proquest_field(L, tail - 1)))
        tail--;
    bool titled = false;
    for (size_t i = 0; i < full; i++) {
        if (!L->n[i])
            continue;
        if (!titled && !proquest_field(L, i)) {
            stated(pg, "title", L->t[i], L->n[i]);
            titled = true;
            removed(pg, L->t[i], L->n[i]);
        } else {
            proquest_meta(L, i, pg);
        }
    }
    const char *v = keyed(L, full, "full text", &vl);
    if (vl) {
        buf_append(&pg->text, v, vl);
        buf_putc(&pg->text, '\n');
    }
    for (size_t i = full + 1; i < tail; i++)
        text_line(pg, L, i);
    for (size_t i = tail; i < L->count; i++)
        proquest_meta(L, i, pg);
    return true;
}

/* ---- NewsBank ------------------------------------------------------------------------------ */

/* "Coos Bay Sentinel (OR) - April 3, 2024": the paper and its date. */
static bool
paper_dash_date(struct ing_page *pg, const char *s, size_t n)
{
    const char *dash = ing_ifind(s, n, " - ");
    struct ing_date dt;
    if (!dash || dash == s || n > 120)
        return false;
    const char *d = dash + 3;
    if (!ing_parse_date_whole(d, (size_t)(s + n - d), &dt))
        return false;
    stated(pg, "source", s, (size_t)(dash - s));
    stated(pg, "date", d, (size_t)(s + n - d));
    return true;
}

static bool
read_newsbank(const struct lines *L, struct ing_page *pg)
{
    size_t vl, top = L->count < 12 ? L->count : 12, fields_end = 0;
    bool byline = false;
    for (size_t i = 0; i < top; i++)
        if (keyed(L, i, "author/byline", &vl)) {
            byline = true;
            fields_end = i;
        }
    if (!byline)
        return false;
    for (size_t i = fields_end + 1; i < top; i++)
        for (size_t k = 0; k < ing_record_keys_n; k++)
            if ((ing_record_keys[k].uses & ING_RK_NEWSBANK) && keyed(L, i, ing_record_keys[k].key, &vl))
                fields_end = i;
    bool titled = false, dated = false;
    for (size_t i = 0; i <= fields_end; i++) {
        const char *s = L->t[i], *v;
        size_t n = L->n[i];
        if (!n)
            continue;
        removed(pg, s, n);
        if ((v = keyed(L, i, "author/byline", &vl)) != NULL) {
            const char *semi = memchr(v, ';', vl);
            stated(pg, "author", v, semi ? (size_t)(semi - v) : vl);
        } else if (!dated && paper_dash_date(pg, s, n)) {
            dated = true;
        } else if (!titled && !memchr(s, ':', n)) {
            stated(pg, "title", s, n);
            titled = true;
        }
    }
    for (size_t i = fields_end + 1; i < L->count; i++)
        text_line(pg, L, i);
    return dated;
}

/* See lib.h. */
bool
ing_read_export(const char *text, size_t n, struct ing_page *pg)
{
    struct lines *L = xmalloc(sizeof *L);
    bool whole = split(text, n, L);
    bool (*const readers[])(const struct lines *, struct ing_page *) = {
        read_factiva, read_nexis, read_proquest, read_newsbank};
    bool done = false;
    for (size_t r = 0; whole && r < DS_ARRAY_LEN(readers) && !done; r++) {
        pg->meta.date_how = DATE_HEADER;
        done = readers[r](L, pg);
        if (!done) { /* a reader that gave up leaves nothing behind */
            ing_meta_clear(&pg->meta);
            pg->text.len = 0;
            pg->removed.len = 0;
        }
    }
    free(L);
    return done;
}
