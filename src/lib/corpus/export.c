/*
 * corpus/export.c — the article list of a selection as CSV (one row per
 * article), JSON (one array of objects) or a Markdown brief (titles, dates,
 * outlets, key figures, links to the files). Rows come from
 * stats_docs_each() (store_stats.h) in date order; figures are read once
 * for the whole selection and matched to their article by id.
 *
 * Article text is never written raw: CSV fields and JSON strings are
 * escaped, Markdown text has its markup characters escaped and control
 * characters removed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

struct export_ctx {
    enum corpus_format fmt;
    FILE *f;
    struct buf b;
    struct corpus_figure *figs; /* sorted by doc id, position */
    size_t nfigs;
    long count;
};

static int
export_cmp_fig_doc(const void *a, const void *b)
{
    const struct corpus_figure *x = a, *y = b;
    if (x->doc_id != y->doc_id)
        return x->doc_id < y->doc_id ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* The figures of doc: [*first, *first + return) of ctx->figs. */
static size_t
export_doc_figures(const struct export_ctx *c, int64_t doc, size_t *first)
{
    size_t lo = 0, hi = c->nfigs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->figs[mid].doc_id < doc)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < c->nfigs && c->figs[end].doc_id == doc)
        end++;
    *first = lo;
    return end - lo;
}

static void
export_json_opt(struct buf *b, const char *key, const char *v)
{
    buf_printf(b, "\"%s\":", key);
    buf_put_json_or_null(b, v);
}

/* Markdown-safe inline text: cleaned to one line, markup escaped. */
static void
export_md_text(struct buf *b, const char *s)
{
    char *clean = corpus_clean_line(s, s ? strlen(s) : 0);
    for (const char *p = clean; *p; p++) {
        if (strchr("\\`*_[]<>#|!~", *p))
            buf_putc(b, '\\');
        buf_putc(b, *p);
    }
    free(clean);
}

/* A link target in angle brackets (CommonMark), where only <, > and
 * newlines are not allowed. */
static void
export_md_link(struct buf *b, const char *path)
{
    char *clean = corpus_clean_line(path, strlen(path));
    buf_putc(b, '<');
    for (const char *p = clean; *p; p++) {
        if (*p == '<')
            buf_puts(b, "%3C");
        else if (*p == '>')
            buf_puts(b, "%3E");
        else
            buf_putc(b, *p);
    }
    buf_putc(b, '>');
    free(clean);
}

static void
export_csv_row(struct export_ctx *c, const struct stats_doc *d, size_t f0, size_t nf)
{
    struct buf *b = &c->b;
    buf_printf(b, "%lld,", (long long)d->id);
    corpus_csv_field(b, d->date);
    buf_putc(b, ',');
    corpus_csv_field(b, d->source);
    buf_putc(b, ',');
    char *title = corpus_clean_line(d->title, d->title ? strlen(d->title) : 0);
    corpus_csv_field(b, title);
    free(title);
    buf_putc(b, ',');
    corpus_csv_field(b, d->path);
    buf_putc(b, ',');
    corpus_csv_field(b, d->topics);
    buf_printf(b, ",%zu,", nf);
    struct buf figs = BUF_INIT;
    for (size_t i = f0; i < f0 + nf; i++) {
        const struct corpus_figure *f = &c->figs[i];
        if (figs.len)
            buf_puts(&figs, "; ");
        buf_puts(&figs, f->text ? f->text : "");
        if (f->subject)
            buf_printf(&figs, " (%s)", f->subject);
    }
    corpus_csv_field(b, buf_str(&figs));
    buf_free(&figs);
    buf_puts(b, "\r\n");
}

static void
export_json_row(struct export_ctx *c, const struct stats_doc *d, size_t f0, size_t nf)
{
    struct buf *b = &c->b;
    buf_puts(b, c->count ? ",\n" : "\n");
    buf_printf(b, "{\"id\":%lld,", (long long)d->id);
    export_json_opt(b, "date", d->date);
    buf_putc(b, ',');
    export_json_opt(b, "source", d->source);
    buf_puts(b, ",\"title\":");
    buf_put_json_string(b, d->title ? d->title : "");
    buf_printf(b, ",\"has_title\":%s,", d->has_title ? "true" : "false");
    export_json_opt(b, "path", d->path);
    buf_puts(b, ",\"topics\":[");
    if (d->topics) {
        char *t = xstrdup(d->topics);
        int k = 0;
        for (char *save = NULL, *p = strtok_r(t, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
            if (k++)
                buf_putc(b, ',');
            buf_put_json_string(b, p);
        }
        free(t);
    }
    buf_puts(b, "],\"figures\":[");
    for (size_t i = f0; i < f0 + nf; i++) {
        const struct corpus_figure *f = &c->figs[i];
        if (i > f0)
            buf_putc(b, ',');
        buf_puts(b, "{");
        export_json_opt(b, "text", f->text);
        /* %.17g keeps the value exact; JSON has no NaN or infinity */
        if (f->value == f->value && f->value - f->value == 0)
            buf_printf(b, ",\"value\":%.17g,", f->value);
        else
            buf_puts(b, ",\"value\":null,");
        export_json_opt(b, "unit", f->unit);
        buf_putc(b, ',');
        export_json_opt(b, "kind", f->kind);
        buf_putc(b, ',');
        export_json_opt(b, "period", f->period);
        buf_putc(b, ',');
        export_json_opt(b, "subject", f->subject);
        buf_printf(b, ",\"start\":%u,\"end\":%u}", f->start, f->end);
    }
    buf_puts(b, "]}");
}

/* At most this many figures per article in the brief: those with a
 * subject first, in text order. */
#define EXPORT_MD_FIGURES 5

static void
export_md_row(struct export_ctx *c, const struct stats_doc *d, size_t f0, size_t nf)
{
    struct buf *b = &c->b;
    buf_puts(b, "## ");
    export_md_text(b, d->title && *d->title ? d->title : "(untitled)");
    buf_puts(b, "\n\n");
    buf_puts(b, "*");
    export_md_text(b, d->date ? d->date : "undated");
    if (d->source) {
        buf_puts(b, " · ");
        export_md_text(b, d->source);
    }
    buf_puts(b, "*");
    if (d->path) {
        buf_puts(b, " — [");
        export_md_text(b, d->path);
        buf_puts(b, "](");
        export_md_link(b, d->path);
        buf_puts(b, ")");
    }
    buf_puts(b, "\n\n");
    if (d->topics) {
        char *t = xstrdup(d->topics);
        buf_puts(b, "Topics: ");
        int k = 0;
        for (char *save = NULL, *p = strtok_r(t, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
            if (k++)
                buf_puts(b, ", ");
            export_md_text(b, p);
        }
        buf_puts(b, "\n\n");
        free(t);
    }
    size_t shown = 0;
    for (int pass = 0; pass < 2 && shown < EXPORT_MD_FIGURES; pass++) {
        for (size_t i = f0; i < f0 + nf && shown < EXPORT_MD_FIGURES; i++) {
            const struct corpus_figure *f = &c->figs[i];
            bool has_subject = f->subject && *f->subject;
            if (has_subject != (pass == 0))
                continue;
            if (!shown)
                buf_puts(b, "Key figures:\n\n");
            buf_puts(b, "- **");
            export_md_text(b, f->text);
            buf_puts(b, "**");
            if (has_subject) {
                buf_puts(b, " — ");
                export_md_text(b, f->subject);
            }
            if (f->period && *f->period) {
                buf_puts(b, " (");
                export_md_text(b, f->period);
                buf_puts(b, ")");
            }
            buf_putc(b, '\n');
            shown++;
        }
    }
    if (shown)
        buf_putc(b, '\n');
}

static int
export_row(const struct stats_doc *d, void *ud)
{
    struct export_ctx *c = ud;
    size_t f0 = 0, nf = export_doc_figures(c, d->id, &f0);
    buf_reset(&c->b);
    switch (c->fmt) {
    case CORPUS_FMT_CSV:
        export_csv_row(c, d, f0, nf);
        break;
    case CORPUS_FMT_JSON:
        export_json_row(c, d, f0, nf);
        break;
    case CORPUS_FMT_MARKDOWN:
        export_md_row(c, d, f0, nf);
        break;
    }
    fwrite(buf_str(&c->b), 1, c->b.len, c->f);
    c->count++;
    return 0;
}

long
corpus_export(struct store *s, const struct corpus_sel *sel, enum corpus_format fmt,
              const char *title, FILE *f, struct ds_error *err)
{
    struct export_ctx c = {fmt, f, BUF_INIT, NULL, 0, 0};
    if (corpus_figures(s, sel, CORPUS_FIG_BY_DATE, 0, &c.figs, &c.nfigs, err) != 0)
        return -1;
    if (c.nfigs > 1)
        qsort(c.figs, c.nfigs, sizeof *c.figs, export_cmp_fig_doc);
    switch (fmt) {
    case CORPUS_FMT_CSV:
        fputs("id,date,source,title,path,topics,nfigures,figures\r\n", f);
        break;
    case CORPUS_FMT_JSON:
        fputs("[", f);
        break;
    case CORPUS_FMT_MARKDOWN:
        buf_puts(&c.b, "# ");
        export_md_text(&c.b, title && *title ? title : "All articles");
        buf_printf(&c.b, "\n\n%zu article%s.\n\n", corpus_sel_count(sel),
                   corpus_sel_count(sel) == 1 ? "" : "s");
        fwrite(buf_str(&c.b), 1, c.b.len, f);
        break;
    }
    int rc = stats_docs_each(s, sel->num, export_row, &c, err);
    if (rc == 0 && fmt == CORPUS_FMT_JSON)
        fputs(c.count ? "\n]\n" : "]\n", f);
    buf_free(&c.b);
    corpus_figures_free(c.figs, c.nfigs);
    return rc == 0 ? c.count : -1;
}
