/*
 * ingest/ingest.c — the whole ingest step for one file: read it once
 * (sniff, decode, the format's reader), then split into lines, clean and
 * assemble (doc.c) in order with the metadata (metadata.c, headerblock.c)
 * and the language (lang.c), into the article.
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
#include "dossier/util.h"
#include "lib.h"

/* ---- cleaning, in order --------------------------------------------------------- */

/* The dates of a page's own date lines: the first that says when it was
 * posted, and the first that says when it was changed ("Updated: ...",
 * "Last modified ..."), used only when nothing else dates the page. */
struct page_dates {
    struct ing_date posted, updated;
};

/* Keep dt as l's kind of date when it is the first of that kind and has
 * a day. */
static void
note_page_date(struct page_dates *pd, const struct ing_doc_line *l, const struct ing_date *dt)
{
    if (!dt->y || !dt->m || !dt->d)
        return;
    bool changed = ing_istarts(l->t, l->tl, "updated") || ing_istarts(l->t, l->tl, "last ") ||
                   ing_istarts(l->t, l->tl, "modified") || ing_istarts(l->t, l->tl, "page last");
    struct ing_date *slot = changed ? &pd->updated : &pd->posted;
    if (!slot->y)
        *slot = *dt;
}

/* A web page's own metadata lines at the top of its text ("By Jane Doe",
 * "Submitted by Jane Doe on Fri, 09/30/2022", "June 14, 2021"): the page
 * stated them in its markup, so they go as "byline" or "date"; a name with
 * its role ("Jane Roe North of England correspondent") is the byline when
 * the markup named no one. Only the first three lines of content, only
 * short ones. When the markup stated no date, the date of those lines is
 * the page's ("Posted: Mar 3, 2024 / 05:12 PM CST" in a plain <p>). */
static void
drop_page_meta_lines(struct ing_doc *d)
{
    const char *by = d->a->byline;
    size_t seen = 0;
    struct page_dates pd = {0};
    for (size_t i = 0; i < d->n && seen < 3; i++) {
        struct ing_doc_line *l = &d->lines[i];
        if (!ing_is_content(l))
            continue;
        seen++;
        if (l->tl > 120 || ing_count_words(l->t, l->tl) > 16 || ing_outlet_under_byline(d, i))
            continue;
        struct ing_date dt;
        char *name = NULL;
        bool has_date = false;
        size_t nl = 0, at;
        if (ing_parse_date_whole(l->t, l->tl, &dt) || ing_is_published_line(l->t, l->tl, &dt) ||
            ing_published_numeric_in(l->t, l->tl, d->numeric_order, &dt) ||
            ing_place_date_line(l->t, l->tl, &dt) || ing_field_row_date(l->t, l->tl, &dt)) {
            l->why = "date";
            note_page_date(&pd, l, &dt);
            if (!by) /* "Gepubliceerd op 4 maart 2024 \xc2\xb7 Door X": a byline field */
                ing_meta_fields(d, l->t, l->tl);
            by = d->a->byline;
        } else if (seen <= 2 &&
                   (nl = ing_outlet_then_date(l->t, l->tl, &dt)) != 0) {
            l->why = "source"; /* "Paper \xe2\x80\x94 30 May 2024 \xe2\x80\x94 page 7" under the headline */
            note_page_date(&pd, l, &dt);
            size_t pl = ing_page_lead(l->t, nl); /* a running head's page */
            if (!d->source)
                ing_set_source(d, l->t + pl, nl - pl, RANK_ALONE_UNKNOWN);
        } else if (!by && (nl = ing_name_fields_line(l->t, l->tl, &dt)) != 0) {
            l->why = "byline"; /* "Jane Roe \xc2\xb7 Outlet \xc2\xb7 Posted: ..." */
            note_page_date(&pd, l, &dt);
            d->a->byline = ing_dupn(l->t, nl);
            by = d->a->byline;
        } else if (by && ing_ifind(l->t, l->tl, by)) {
            l->why = "byline";
            if (!ing_is_prose(l->t, l->tl, 6) && ing_find_date(l->t, l->tl, &dt, &at))
                note_page_date(&pd, l, &dt); /* "BY X · 2024年3月5日", not a sentence */
        } else if (ing_is_byline(l->t, l->tl, &name, &dt, &has_date)) {
            if (has_date)
                note_page_date(&pd, l, &dt);
            l->why = "byline"; /* "By Jane Roe" in a <p>: the markup named no one */
            if (!d->a->byline && name) {
                d->a->byline = name;
                name = NULL;
            }
        }
        else if ((nl = ing_name_with_role(l->t, l->tl)) != 0) {
            l->why = "byline"; /* "Jane Roe North of England correspondent" */
            if (!d->a->byline)
                d->a->byline = ing_dupn(l->t, nl);
        }
        free(name);
    }
    if (pd.posted.y || pd.updated.y)
        ing_set_date(d->a, pd.posted.y ? &pd.posted : &pd.updated, DATE_PUBLISHED_LINE);
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
/* A date in the article's own address ("/news/2025/01/09/...",
 * "/world/2024/mar/05/...": the day a CMS filed it under), else in the
 * file's path: the last resort, after every dated line and the metadata. */
static bool
address_date(const struct article *a, struct ing_date *pd)
{
    return (a->url && ing_path_date(a->url, pd)) || (a->path && ing_path_date(a->path, pd));
}

static void
clean_lines(struct ing_doc *d, bool structured)
{
    d->structured = structured;
    ing_drop_furniture(d);
    ing_drop_related_runs(d);
    ing_cut_runins(d);
    if (!structured) {
        ing_drop_duplicates(d);
        ing_reader_clippings(d);
        ing_meta_top(d);
        ing_meta_bottom(d);
    }
    ing_drop_prompt_blocks(d);
    ing_drop_notices(d);
    ing_drop_service_lines(d);
    if (!structured)
        ing_meta_dateline(d, d->a->path);
    else
        drop_page_meta_lines(d);
    if (structured && !d->source)
        ing_meta_release_dateline(d); /* a release page: "PLACE--(SERVICE)--" */
    if (!d->source)
        ing_meta_furniture_outlet(d);
    ing_numeric_by_weekday(d);
    struct ing_date pd;
    if (!d->a->published && address_date(d->a, &pd))
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

/* A document of d's lines for the article out, from nothing yet. */
static void
doc_init(struct ing_doc *d, const struct ingest_ctx *ctx, struct article *out)
{
    memset(d, 0, sizeof *d);
    d->ctx = ctx;
    d->outlets = ctx ? ctx->outlets : NULL;
    d->a = out;
    d->source_rank = RANK_NONE;
}

/* The cleaned document into its article: body and removed lines (removed
 * taken over), source, language when none was stated, word count; d's
 * lines are freed. */
static void
doc_finish(struct ing_doc *d, struct buf *removed)
{
    struct article *out = d->a;
    struct buf body = BUF_INIT;
    ing_assemble(d, &body, removed);
    ing_cuts_done(d, removed);
    out->source = d->source;
    out->body = buf_steal(&body);
    out->removed = buf_steal(removed);
    if (!out->lang) {
        const char *lang = ing_guess_lang(out->body, strlen(out->body));
        out->lang = lang ? xstrdup(lang) : NULL;
    }
    out->words = ing_count_words(out->body, strlen(out->body));
    free(d->lines);
    d->lines = NULL;
}

/* 0, or -1 with err when cleaning left out neither body nor title. */
static int
nothing_left(const struct article *out, struct ds_error *err)
{
    if (out->body[0] == '\0' && !out->title) {
        ds_error_set(err, -1, "not an article: nothing left after cleaning");
        return -1;
    }
    return 0;
}

/* Read the file into *raw and *pg, with its format's name in *format (when
 * not NULL) and its encoding in out. 0, or -1 with err (raw and pg freed). */
static int
read_into(const char *path, const char *bytes, size_t n, bool strict, struct article *out,
          struct buf *raw, struct ing_page *pg, const char **format, struct ds_error *err)
{
    enum ing_format fmt;
    const char *enc;
    int rc = read_file(path, bytes, n, strict, raw, pg, &fmt, &enc, err);
    if (format)
        *format = ing_format_name(fmt);
    if (enc)
        out->encoding = xstrdup(enc);
    if (rc != 0) {
        buf_free(raw);
        ing_page_clear(pg);
    }
    return rc;
}

/* The text as read, or as rejoined when it is hard-wrapped and the format
 * did not state its structure; *as_read gets the lines as read (which the
 * corpus-wide counts saw) when they were rejoined, else stays empty. */
static struct buf
flow_text(struct ing_page *pg, struct buf *as_read)
{
    struct buf text = pg->text, flowed = BUF_INIT;
    pg->text = (struct buf)BUF_INIT;
    *as_read = (struct buf)BUF_INIT;
    if (!pg->structured && ing_reflow(buf_str(&text), text.len, &flowed)) {
        *as_read = text;
        return flowed;
    }
    return text;
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
    struct buf raw = BUF_INIT, removed = BUF_INIT, as_read;
    struct ing_page pg = {0};
    if (read_into(path, bytes, n, strict, out, &raw, &pg, format, err) != 0)
        return -1;
    struct buf text = flow_text(&pg, &as_read);
    take_page_meta(out, &pg);

    struct ing_doc d;
    doc_init(&d, ctx, out);
    d.numeric_order = pg.numeric_order;
    if (pg.source) {
        const char *canon = outlets_match(d.outlets, pg.source, strlen(pg.source));
        ing_set_source(&d, canon ? canon : pg.source, canon ? strlen(canon) : strlen(pg.source),
                       RANK_SOURCE_LINE);
    }
    ing_split_lines(&d, buf_str(&text), text.len);
    clean_lines(&d, pg.structured);
    ing_apply_meta(&d, &pg.meta);
    ing_host_outlet(&d);
    ing_bio_byline(&d);
    note_undated(&d);
    buf_append(&removed, pg.removed.data ? pg.removed.data : "", pg.removed.len);
    doc_finish(&d, &removed);
    if (raw_out)
        *raw_out = raw;
    else
        out->raw = buf_steal(&raw);
    if (text_out && as_read.data) {
        *text_out = as_read;
        buf_free(&text);
    } else if (text_out) {
        *text_out = text;
    } else {
        buf_free(&text);
        buf_free(&as_read);
    }
    ing_page_clear(&pg);
    return nothing_left(out, err);
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
    struct buf flowed = BUF_INIT;
    if (ing_reflow(buf_str(text), text->len, &flowed)) {
        buf_free(text);
        *text = flowed;
    }

    struct ing_doc d;
    doc_init(&d, ctx, out);
    ing_split_lines(&d, buf_str(text), text->len);

    ing_drop_furniture(&d);
    ing_drop_related_runs(&d);
    ing_cut_runins(&d);
    ing_drop_duplicates(&d);
    ing_meta_top(&d);
    ing_meta_bottom(&d);
    ing_drop_prompt_blocks(&d);
    ing_drop_notices(&d);
    ing_drop_service_lines(&d);
    ing_meta_dateline(&d, out->path);
    if (!d.source)
        ing_meta_furniture_outlet(&d);
    ing_apply_meta(&d, meta);
    struct ing_date pd;
    if (!out->published && address_date(out, &pd))
        ing_set_date(out, &pd, DATE_PATH);
    note_undated(&d);

    out->raw = buf_steal(raw);
    doc_finish(&d, removed);
    buf_free(text);
    ing_meta_clear(meta);
    return nothing_left(out, err);
}
