/*
 * ingest/ingest.c — the whole ingest step for one file: decode, read,
 * split into lines, clean, find the metadata (metadata.c) and the language,
 * and assemble the article.
 *
 * Metadata comes only from the structure of the page — lines at the top or
 * the bottom that are labels, bylines, "Published:" lines, datelines — never
 * from dates or names mentioned inside sentences of the body.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "lib.h"

/* ---- splitting ------------------------------------------------------------------- */

/* Hard-wrapped text (wire copy, old archives, mail) breaks every line near a
 * fixed width. Such text is rejoined into one line per paragraph so the
 * cleaning rules see whole paragraphs and the reader pane can wrap them.
 * A line joins the next when it reaches near the wrap width and the next
 * line is neither blank, indented (a new paragraph) nor a list item.
 * Returns false (out untouched) when the text does not look hard-wrapped. */
static bool
reflow(const char *text, size_t n, struct buf *out)
{
    size_t maxlen = 0, nonblank = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        size_t len = e - i;
        if (len > 100)
            return false;
        if (len) {
            nonblank++;
            maxlen = DS_MAX(maxlen, len);
        }
        i = e + 1;
    }
    if (nonblank < 4 || maxlen < 40)
        return false;
    size_t wide = maxlen * 6 / 10, nwide = 0, nprose = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        if (e - i >= wide) {
            nwide++;
            size_t spaces = 0;
            for (size_t k = i; k < e; k++)
                spaces += text[k] == ' ';
            char last = text[e - 1];
            if (spaces >= 5 &&
                ((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') || last == ','))
                nprose++;
        }
        i = e + 1;
    }
    if (nwide * 2 < nonblank || nprose * 2 < nwide)
        return false;

    buf_reserve(out, n + 1);
    bool join_next = false, prev_blank = true;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        const char *s = text + i;
        size_t len = e - i, ind = 0;
        while (ind < len && s[ind] == ' ')
            ind++;
        struct ing_doc_line probe = {s + ind, len - ind, ind, NULL, len == ind};
        bool starts_block = probe.blank || ind >= 2 || ing_is_bullet(&probe);
        if (join_next && !starts_block) {
            /* continue the paragraph: "mid-" + "December" stays one word */
            if (out->len && out->data[out->len - 1] != '-')
                buf_putc(out, ' ');
            buf_append(out, s + ind, len - ind);
        } else {
            if (out->len)
                buf_putc(out, '\n');
            /* an indented first line opens a paragraph: give it a blank line */
            if (out->len && !probe.blank && ind >= 2 && !ing_is_bullet(&probe) && !prev_blank)
                buf_putc(out, '\n');
            buf_append(out, s, len);
        }
        prev_blank = probe.blank;
        join_next = !probe.blank && len >= wide;
        i = e + 1;
    }
    buf_putc(out, '\n');
    return true;
}

static void
split_lines(struct ing_doc *d, const char *text, size_t n)
{
    size_t cap = 64;
    d->lines = xmalloc(cap * sizeof *d->lines);
    d->n = 0;
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        if (d->n == cap) {
            cap *= 2;
            d->lines = xrealloc(d->lines, cap * sizeof *d->lines);
        }
        struct ing_doc_line *l = &d->lines[d->n++];
        const char *s = text + i;
        size_t len = e - i;
        size_t ind = 0;
        while (ind < len && s[ind] == ' ')
            ind++;
        while (len > ind && s[len - 1] == ' ')
            len--;
        l->t = s + ind;
        l->tl = len - ind;
        l->ind = ind;
        l->why = NULL;
        l->blank = l->tl == 0;
        i = e + 1;
    }
}

/* ---- cleaning -------------------------------------------------------------------- */

static void
drop_furniture(struct ing_doc *d)
{
    size_t nshort = 0, nfreq = 0, ncontent = 0;
    bool *freq = xcalloc(d->n ? d->n : 1, sizeof *freq);
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank)
            continue;
        l->why = ing_furniture_reason(d->ctx, l->t, l->tl);
        if (l->why)
            continue;
        ncontent++;
        if (l->tl <= INGEST_FURNITURE_MAX) {
            nshort++;
            freq[i] = ing_is_frequent(d->ctx, l->t, l->tl);
            nfreq += freq[i];
        }
    }
    /* Lines seen in many documents are furniture ("Reuse this content"),
     * unless they read as sentences: a wire story republished by many outlets
     * shares its short paragraphs with every copy, and those are text. A
     * sentence-like frequent line goes only at the very top or bottom of a
     * page (boilerplate bios, standards notes), and not even there when most
     * of this page's short lines are frequent (it is such a copy). */
    bool copy = nshort >= 4 && nfreq * 2 > nshort;
    size_t seen = 0;
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (!ing_is_content(l))
            continue;
        seen++;
        if (!freq[i])
            continue;
        bool sentence = ing_is_prose(l->t, l->tl, 4);
        bool edge = seen <= 2 || seen + 3 > ncontent;
        if (!sentence || (edge && !copy))
            l->why = "frequent";
    }
    free(freq);
}

/* Is l shaped as a linked headline: 2 to 16 words, opening with a capital,
 * a digit or a quote, ending without a full stop, colon, semicolon or
 * comma? */
static bool
headline_shaped(const struct ing_doc_line *l)
{
    const char *s = l->t;
    size_t n = l->tl;
    if (!n)
        return false;
    unsigned char c0 = (unsigned char)s[0], cl = (unsigned char)s[n - 1];
    if (!((c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9') || c0 == '"' || c0 >= 0x80))
        return false;
    if (cl == '.' || cl == ':' || cl == ';' || cl == ',')
        return false;
    int words = ing_count_words_max(s, n, 17);
    return words >= 2 && words <= 16;
}

/* The headlines listed under a "Related coverage" / "More on this story"
 * label (the lines up to the next blank line, while they are headline
 * shaped) go with the label: links to other stories, not text. */
static void
drop_related_runs(struct ing_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (!l->why || strcmp(l->why, "label") != 0 || !ing_is_related_heading(l->t, l->tl))
            continue;
        size_t j = i + 1;
        for (; j < d->n && !d->lines[j].blank; j++) {
            struct ing_doc_line *h = &d->lines[j];
            if (h->why)
                continue;
            if (!headline_shaped(h))
                break;
            h->why = "related";
        }
        i = j ? j - 1 : i;
    }
}

/* A cheap hash for finding repeated lines: length plus the first and last
 * 32 bytes (candidates are compared in full, so collisions cost nothing). */
static uint64_t
quick_hash(const char *s, size_t n)
{
    if (n <= 64)
        return ds_hash64(s, n);
    uint64_t a = ds_hash64(s, 32), b = ds_hash64(s + n - 32, 32);
    return a ^ (b * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)n << 1);
}

/* Lines repeated inside the document: the first stays. */
static void
drop_duplicates(struct ing_doc *d)
{
    size_t cap = 16;
    while (cap < d->n * 2)
        cap *= 2;
    uint64_t *tab = xcalloc(cap, sizeof *tab);
    size_t *who = xcalloc(cap, sizeof *who);
    for (size_t i = 0; i < d->n; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (l->blank || l->why || l->tl < DUP_MIN_BYTES)
            continue;
        uint64_t h = quick_hash(l->t, l->tl) | 1;
        size_t k = (size_t)h & (cap - 1);
        while (tab[k]) {
            if (tab[k] == h) {
                const struct ing_doc_line *o = &d->lines[who[k]];
                if (o->tl == l->tl && memcmp(o->t, l->t, l->tl) == 0) {
                    l->why = "duplicate";
                    break;
                }
            }
            k = (k + 1) & (cap - 1);
        }
        if (!l->why) {
            tab[k] = h;
            who[k] = i;
        }
    }
    free(tab);
    free(who);
}

static bool
is_prompt_reason(const char *why)
{
    return why && (strcmp(why, "paywall") == 0 || strcmp(why, "template") == 0 ||
                   strcmp(why, "sponsored") == 0);
}

/* Short lines caught between subscription prompts (or between a prompt and
 * the end of the page) belong to the same box of furniture: "Stay ahead
 * with our exclusives", a stray ".", an app blurb. A sentence of prose or
 * any longer line ends the run, so article text is never swept up. */
static void
drop_prompt_blocks(struct ing_doc *d)
{
    size_t i = 0;
    while (i < d->n) {
        if (!is_prompt_reason(d->lines[i].why)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        bool ok = true;
        while (j < d->n && !is_prompt_reason(d->lines[j].why)) {
            const struct ing_doc_line *l = &d->lines[j];
            if (ing_is_content(l) && (l->tl > 160 || ing_count_words(l->t, l->tl) > 15 ||
                                  ing_is_prose(l->t, l->tl, 10))) {
                ok = false;
                break;
            }
            j++;
        }
        if (ok)
            for (size_t k = i + 1; k < j; k++)
                if (ing_is_content(&d->lines[k]))
                    d->lines[k].why = "prompt-block";
        i = j;
    }
}

/* ---- language -------------------------------------------------------------------- */

/* Common function words of seven languages, grouped by first letter; mask
 * bit k is language k of lang_names. */
struct stopword {
    const char *w;
    unsigned char len;
    unsigned char mask;
};
static const struct stopword stopwords[] = {
    {"al", 2, 0x08},   {"alla", 4, 0x10},  {"anche", 5, 0x10}, {"and", 3, 0x01},
    {"ao", 2, 0x20},   {"are", 3, 0x01},   {"as", 2, 0x20},    {"au", 2, 0x02},
    {"auf", 3, 0x04},  {"aux", 3, 0x02},   {"by", 2, 0x01},    {"che", 3, 0x10},
    {"com", 3, 0x20},  {"con", 3, 0x08},   {"da", 2, 0x20},    {"dans", 4, 0x02},
    {"das", 3, 0x04},  {"dat", 3, 0x40},   {"de", 2, 0x6a},    {"dei", 3, 0x10},
    {"del", 3, 0x08},  {"della", 5, 0x10}, {"delle", 5, 0x10}, {"dem", 3, 0x04},
    {"den", 3, 0x04},  {"der", 3, 0x04},   {"des", 3, 0x02},   {"di", 2, 0x10},
    {"die", 3, 0x04},  {"do", 2, 0x20},    {"dos", 3, 0x20},   {"du", 2, 0x02},
    {"e", 1, 0x30},    {"een", 3, 0x40},   {"ein", 3, 0x04},   {"eine", 4, 0x04},
    {"el", 2, 0x08},   {"em", 2, 0x20},    {"en", 2, 0x4a},    {"es", 2, 0x08},
    {"est", 3, 0x02},  {"et", 2, 0x02},    {"for", 3, 0x01},   {"from", 4, 0x01},
    {"gli", 3, 0x10},  {"has", 3, 0x01},   {"het", 3, 0x40},   {"il", 2, 0x10},
    {"im", 2, 0x04},   {"in", 2, 0x01},    {"is", 2, 0x01},    {"ist", 3, 0x04},
    {"it", 2, 0x01},   {"la", 2, 0x1a},    {"las", 3, 0x08},   {"le", 2, 0x02},
    {"les", 3, 0x02},  {"los", 3, 0x08},   {"met", 3, 0x40},   {"mit", 3, 0x04},
    {"nel", 3, 0x10},  {"nicht", 5, 0x04}, {"niet", 4, 0x40},  {"non", 3, 0x10},
    {"o", 1, 0x20},    {"of", 2, 0x01},    {"on", 2, 0x01},    {"ont", 3, 0x02},
    {"ook", 3, 0x40},  {"op", 2, 0x40},    {"os", 2, 0x20},    {"para", 4, 0x28},
    {"pas", 3, 0x02},  {"per", 3, 0x10},   {"por", 3, 0x08},   {"pour", 4, 0x02},
    {"que", 3, 0x2a},  {"qui", 3, 0x02},   {"said", 4, 0x01},  {"se", 2, 0x08},
    {"sich", 4, 0x04}, {"sono", 4, 0x10},  {"su", 2, 0x08},    {"sur", 3, 0x02},
    {"that", 4, 0x01}, {"the", 3, 0x01},   {"to", 2, 0x01},    {"um", 2, 0x20},
    {"uma", 3, 0x20},  {"un", 2, 0x1a},    {"una", 3, 0x08},   {"und", 3, 0x04},
    {"une", 3, 0x02},  {"van", 3, 0x40},   {"von", 3, 0x04},   {"voor", 4, 0x40},
    {"was", 3, 0x01},  {"with", 4, 0x01},  {"wordt", 5, 0x40}, {"y", 1, 0x08},
    {"zijn", 4, 0x40}, {"zu", 2, 0x04},
};
/* stopwords[stop_start[c - 'a'] .. stop_start[c - 'a' + 1]) begin with letter c */
static const unsigned char stop_start[27] = {0,  10, 11, 14, 32, 42, 44, 45,  47,
                                             53, 53, 53, 58, 60, 64, 71, 76,  78,
                                             78, 84, 87, 93, 96, 99, 99, 100, 102};

static const char *const lang_names[7] = {"en", "fr", "de", "es", "it", "pt", "nl"};

static unsigned
stop_mask(const char *w, size_t n)
{
    unsigned char c = (unsigned char)(w[0] | 32);
    if (c < 'a' || c > 'z')
        return 0;
    for (unsigned k = stop_start[c - 'a']; k < stop_start[c - 'a' + 1]; k++) {
        if (stopwords[k].len != n)
            continue;
        size_t i = 1;
        while (i < n && (char)(w[i] | 32) == stopwords[k].w[i])
            i++;
        if (i == n)
            return stopwords[k].mask;
    }
    return 0;
}

static const char *
guess_lang(const char *s, size_t n)
{
    size_t han = 0, kana = 0, hangul = 0, latin = 0;
    int score[7] = {0};
    int hits = 0;
    size_t lim = DS_MIN(n, (size_t)1024); /* ~150 words are enough to tell */
    size_t i = 0;
    while (i < lim) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                size_t j = i;
                while (j < lim &&
                       (((unsigned char)s[j] | 32) >= 'a' && ((unsigned char)s[j] | 32) <= 'z'))
                    j++;
                latin += j - i;
                if (j - i <= 5) {
                    unsigned m = stop_mask(s + i, j - i);
                    for (int k = 0; m && k < 7; k++)
                        score[k] += (m >> k) & 1;
                    if (m && ++hits >= 24 && latin > 3 * (han + kana + hangul))
                        break; /* plenty of evidence already */
                }
                i = j;
            } else {
                i++;
            }
            continue;
        }
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, lim - i, &cp);
        if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
            (cp >= 0xFF66 && cp <= 0xFF9F))
            kana++;
        else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) ||
                 (cp >= 0x3130 && cp <= 0x318F))
            hangul++;
        else if (utf8_is_cjk(cp))
            han++;
        else if (cp < 0x250)
            latin++;
    }
    size_t cjk = han + kana + hangul;
    /* a CJK character carries about as much as three Latin letters */
    if (cjk * 3 > latin) {
        if (hangul * 3 > cjk)
            return "ko";
        if (kana * 10 > cjk)
            return "ja";
        return "zh";
    }
    int best = -1, second = 0;
    for (int k = 0; k < 7; k++) {
        if (best < 0 || score[k] > score[best]) {
            if (best >= 0)
                second = score[best];
            best = k;
        } else if (score[k] > second) {
            second = score[k];
        }
    }
    if (best < 0 || score[best] < 3 || score[best] <= second)
        return NULL;
    return lang_names[best];
}

/* ---- assembling ------------------------------------------------------------------ */

static void
assemble(struct ing_doc *d, struct buf *body, struct buf *removed)
{
    bool pending_blank = false;
    for (size_t i = 0; i < d->n; i++) {
        const struct ing_doc_line *l = &d->lines[i];
        if (l->why) {
            buf_puts(removed, l->why);
            buf_putc(removed, '\t');
            buf_append(removed, l->t, l->tl);
            buf_putc(removed, '\n');
            continue;
        }
        if (l->blank) {
            pending_blank = body->len > 0;
            continue;
        }
        if (pending_blank)
            buf_append(body, "\n\n", 2);
        else if (body->len)
            buf_putc(body, '\n');
        pending_blank = false;
        if (l->ind && ing_is_bullet(l))
            for (size_t k = 0; k < l->ind; k++)
                buf_putc(body, ' ');
        buf_append(body, l->t, l->tl);
    }
}

/* A web page's own metadata lines at the top of its text ("By Jane Doe",
 * "Submitted by Jane Doe on Fri, 09/30/2022", "June 14, 2021"): the page
 * stated them in its markup, so they go as "byline" or "date". Only the
 * first three lines of content, only short ones. */
static void
drop_page_meta_lines(struct ing_doc *d)
{
    const char *by = d->a->byline;
    size_t seen = 0;
    for (size_t i = 0; i < d->n && seen < 3; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (!ing_is_content(l))
            continue;
        seen++;
        if (l->tl > 120 || ing_count_words(l->t, l->tl) > 16)
            continue;
        struct ing_date dt;
        char *name = NULL;
        bool has_date = false;
        if (ing_parse_date_whole(l->t, l->tl, &dt) || ing_is_published_line(l->t, l->tl, &dt))
            l->why = "date";
        else if ((by && ing_ifind(l->t, l->tl, by)) ||
                 ing_is_byline(l->t, l->tl, &name, &dt, &has_date))
            l->why = "byline";
        free(name);
    }
}

/* Why d's article has no date: a dateline without a year, dates only in
 * the body (a body date is used only with a publication cue), or none. */
static void
note_undated(struct ing_doc *d)
{
    struct article *a = d->a;
    if (a->published) {
        a->undated = UNDATED_NOT_SO;
        return;
    }
    if (a->day_month) {
        a->undated = UNDATED_NO_YEAR;
        return;
    }
    a->undated = UNDATED_NOTHING;
    for (size_t i = 0; i < d->n; i++) {
        struct ing_date dt;
        size_t at;
        if (!d->lines[i].why && ing_find_date(d->lines[i].t, d->lines[i].tl, &dt, &at)) {
            a->undated = UNDATED_BODY_ONLY;
            return;
        }
    }
}

/* Cleaning and the text's own metadata, in order. A page whose format
 * stated its structure (HTML) keeps repeated paragraphs and is not searched
 * for headline, byline or dateline lines: its markup said what they are. */
static void
clean_lines(struct ing_doc *d, bool structured)
{
    drop_furniture(d);
    drop_related_runs(d);
    ing_cut_runins(d);
    if (!structured) {
        drop_duplicates(d);
        ing_meta_top(d);
        ing_meta_bottom(d);
    }
    drop_prompt_blocks(d);
    if (!structured)
        ing_meta_dateline(d, d->a->path);
    else
        drop_page_meta_lines(d);
    if (!d->source)
        ing_meta_furniture_outlet(d);
    struct ing_date pd;
    if (!d->a->published && ing_path_date(d->a->path, &pd))
        ing_set_date(d->a, &pd, DATE_PATH);
}

/* ---- reading once ---------------------------------------------------------------- */

static int read_decoded(const char *path, const char *bytes, size_t n, bool strict,
                        struct buf *raw, struct ing_page *pg, enum ing_format *fmt,
                        const char **enc, struct ds_error *err);

/* A file's bytes through sniffing, decoding and its format's reader: *raw
 * gets the decoded file, *pg what the reader found, *fmt the format.
 * Returns 0, or -1 with the reason to skip it in err. */
static int
read_file(const char *path, const char *bytes, size_t n, bool strict, struct buf *raw,
          struct ing_page *pg, enum ing_format *fmt, const char **enc, struct ds_error *err)
{
    *enc = NULL;
    struct buf bom = BUF_INIT;
    int u16 = ing_utf16_no_bom(bytes, n);
    if (u16) { /* give it the BOM it lacks, and read it as UTF-16 */
        buf_append(&bom, u16 == 1 ? "\xff\xfe" : "\xfe\xff", 2);
        buf_append(&bom, bytes, n);
        bytes = bom.data;
        n = bom.len;
    }
    int rc = read_decoded(path, bytes, n, strict, raw, pg, fmt, enc, err);
    buf_free(&bom);
    return rc;
}

/* read_file once any missing BOM is supplied. */
static int
read_decoded(const char *path, const char *bytes, size_t n, bool strict, struct buf *raw,
             struct ing_page *pg, enum ing_format *fmt, const char **enc, struct ds_error *err)
{
    *fmt = ing_sniff_format(path, bytes, n);
    if (*fmt == FMT_EMPTY || *fmt == FMT_BINARY) {
        ds_error_set(err, -1, "not an article: %s file", ing_format_name(*fmt));
        return -1;
    }
    if (ing_decode(bytes, n, *fmt, strict, raw, enc) != 0) {
        ds_error_set(err, -1, "unknown encoding");
        return -1;
    }
    if (n >= 2 && ((unsigned char)bytes[0] == 0xFF || (unsigned char)bytes[0] == 0xFE))
        *fmt = ing_sniff_format(path, buf_str(raw), raw->len); /* UTF-16: look again */
    const char *why;
    ing_read_fn read = ing_reader(*fmt, &why);
    if (!read) {
        ds_error_set(err, -1, "%s", why);
        return -1;
    }
    return read(buf_str(raw), raw->len, pg, err);
}

/* Take what the format stated into the article (a page's metadata is
 * stronger than anything the line heuristics find later). */
static void
take_page_meta(struct article *a, struct ing_page *pg)
{
    a->title = pg->title;
    a->subtitle = pg->subtitle;
    a->summary = pg->summary;
    a->byline = pg->byline;
    a->url = pg->url;
    a->lang = pg->lang;
    pg->title = pg->subtitle = pg->summary = pg->byline = pg->url = pg->lang = NULL;
    struct ing_date dt;
    if (pg->published && ing_parse_date_whole(pg->published, strlen(pg->published), &dt))
        ing_set_date(a, &dt, DATE_METADATA);
}

/* The ingest step proper (see ingest.h); raw_out, when not NULL, gets the
 * decoded file instead of out->raw, and text_out the reader's text. */
static int
ingest_core(const struct ingest_ctx *ctx, const char *path, const char *bytes, size_t n,
            bool strict, struct article *out, struct buf *raw_out, struct buf *text_out,
            const char **format, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    out->path = xstrdup(path ? path : "");
    struct buf raw = BUF_INIT, body = BUF_INIT, removed = BUF_INIT;
    struct ing_page pg = {0};
    enum ing_format fmt;
    const char *enc;
    int rc = read_file(path, bytes, n, strict, &raw, &pg, &fmt, &enc, err);
    if (format)
        *format = ing_format_name(fmt);
    if (enc)
        out->encoding = xstrdup(enc);
    if (rc != 0) {
        buf_free(&raw);
        ing_page_clear(&pg);
        return -1;
    }
    struct buf text = pg.text;
    pg.text = (struct buf)BUF_INIT;
    take_page_meta(out, &pg);

    /* hard-wrapped text is cleaned as paragraphs; text_out keeps the lines
     * as read, which the corpus-wide counts saw */
    struct buf flowed = BUF_INIT;
    if (!pg.structured && reflow(buf_str(&text), text.len, &flowed)) {
        struct buf t = text;
        text = flowed;
        flowed = t;
    } else {
        flowed = (struct buf)BUF_INIT;
    }

    struct ing_doc d = {0};
    d.ctx = ctx;
    d.outlets = ctx ? ctx->outlets : NULL;
    d.a = out;
    d.source_rank = RANK_NONE;
    if (pg.source) {
        const char *canon = outlets_match(d.outlets, pg.source, strlen(pg.source));
        ing_set_source(&d, canon ? canon : pg.source, canon ? strlen(canon) : strlen(pg.source),
                       RANK_SOURCE_LINE);
    }
    split_lines(&d, buf_str(&text), text.len);

    clean_lines(&d, pg.structured);
    ing_apply_meta(&d, &pg.meta);
    note_undated(&d);
    buf_append(&removed, pg.removed.data ? pg.removed.data : "", pg.removed.len);

    assemble(&d, &body, &removed);
    ing_cuts_done(&d, &removed);
    out->source = d.source;
    if (raw_out)
        *raw_out = raw;
    else
        out->raw = buf_steal(&raw);
    out->body = buf_steal(&body);
    out->removed = buf_steal(&removed);
    if (!out->lang) {
        const char *lang = guess_lang(out->body, strlen(out->body));
        out->lang = lang ? xstrdup(lang) : NULL;
    }
    out->words = ing_count_words(out->body, strlen(out->body));
    free(d.lines);
    if (text_out && flowed.data) {
        *text_out = flowed;
        buf_free(&text);
    } else if (text_out) {
        *text_out = text;
    } else {
        buf_free(&text);
        buf_free(&flowed);
    }
    ing_page_clear(&pg);
    if (out->body[0] == '\0' && !out->title) {
        ds_error_set(err, -1, "not an article: nothing left after cleaning");
        return -1;
    }
    return 0;
}

/* See ingest.h. On success every string in *out is owned by it (free with
 * article_clear). On failure *out holds at most path and encoding. */
int
ingest_article(const struct ingest_ctx *ctx, const char *path, const char *bytes, size_t n,
               struct article *out, struct ds_error *err)
{
    return ingest_core(ctx, path, bytes, n, true, out, NULL, NULL, NULL, err);
}

/* See ingest.h. */
int
ingest_file(const struct ingest_ctx *ctx, const char *path, const char *bytes, size_t n,
            struct ingest_result *out, struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    out->hash = ds_hash64(bytes ? bytes : "", bytes ? n : 0);
    struct buf raw = BUF_INIT, text = BUF_INIT;
    int rc = ingest_core(ctx, path, bytes, n, true, &out->a, &raw, &text, &out->format, err);
    if (rc == 0) {
        out->nlines = ingest_line_hashes(buf_str(&text), text.len, &out->lines);
        ingest_raw_pack(buf_str(&raw), raw.len, out->a.body, strlen(out->a.body),
                        &out->raw_packed);
    }
    buf_free(&raw);
    buf_free(&text);
    return rc;
}

/* Free everything *r owns and zero it. */
void
ingest_result_clear(struct ingest_result *r)
{
    article_clear(&r->a);
    free(r->lines);
    buf_free(&r->raw_packed);
    memset(r, 0, sizeof *r);
}

/* See ingest.h. */
size_t
ingest_file_lines(const char *path, const char *bytes, size_t n, uint64_t **out)
{
    struct buf raw = BUF_INIT;
    struct ing_page pg = {0};
    enum ing_format fmt;
    const char *enc;
    struct ds_error ignored;
    size_t cnt = 0;
    *out = NULL;
    if (read_file(path, bytes, n, true, &raw, &pg, &fmt, &enc, &ignored) == 0)
        cnt = ingest_line_hashes(buf_str(&pg.text), pg.text.len, out);
    buf_free(&raw);
    ing_page_clear(&pg);
    return cnt;
}

/* See lib.h. */
int
ing_finish(const struct ingest_ctx *ctx, struct article *out, struct buf *raw, struct buf *text,
           struct buf *removed, struct ing_meta *meta, struct ds_error *err)
{
    struct buf body = BUF_INIT;
    struct buf flowed = BUF_INIT;
    if (reflow(buf_str(text), text->len, &flowed)) {
        buf_free(text);
        *text = flowed;
    }

    struct ing_doc d = {0};
    d.ctx = ctx;
    d.outlets = ctx ? ctx->outlets : NULL;
    d.a = out;
    d.source_rank = RANK_NONE;
    split_lines(&d, buf_str(text), text->len);

    drop_furniture(&d);
    drop_related_runs(&d);
    ing_cut_runins(&d);
    drop_duplicates(&d);
    ing_meta_top(&d);
    ing_meta_bottom(&d);
    drop_prompt_blocks(&d);
    ing_meta_dateline(&d, out->path);
    if (!d.source)
        ing_meta_furniture_outlet(&d);
    ing_apply_meta(&d, meta);
    struct ing_date pd;
    if (!out->published && ing_path_date(out->path, &pd))
        ing_set_date(out, &pd, DATE_PATH);
    note_undated(&d);

    assemble(&d, &body, removed);
    ing_cuts_done(&d, removed);
    out->source = d.source;
    out->raw = buf_steal(raw);
    out->body = buf_steal(&body);
    out->removed = buf_steal(removed);
    const char *lang = guess_lang(out->body, strlen(out->body));
    out->lang = lang ? xstrdup(lang) : NULL;
    out->words = ing_count_words(out->body, strlen(out->body));
    free(d.lines);
    buf_free(text);
    ing_meta_clear(meta);
    if (out->body[0] == '\0' && !out->title) {
        ds_error_set(err, -1, "not an article: nothing left after cleaning");
        return -1;
    }
    return 0;
}
