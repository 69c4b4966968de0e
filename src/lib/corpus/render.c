/*
 * corpus/render.c — the statistics view as plain lines of text for a given
 * width: coverage bars, topic sparklines, count tables, co-occurring pairs
 * and the figures table grouped by subject. The CLI prints these lines; a
 * TUI view draws them one per row (draw_text clips and neutralises, and
 * nothing here is wider than asked). Widths are display columns (utf8.h),
 * so CJK names line up; every string in the input is already cleaned of
 * control characters by the functions that produced it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "lib.h"
#include "dossier/utf8.h"

struct lines {
    char **v;
    size_t n, cap;
    size_t width; /* no line is wider: the last column gives way */
};

static void
lines_push(struct lines *l, struct buf *b)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    char *s = buf_steal(b);
    size_t n = strlen(s);
    if (l->width && utf8_width(s, n) > l->width) {
        size_t used;
        size_t k = utf8_prefix_for_width(s, n, l->width - 1, &used);
        s = xrealloc(s, k + 4);
        memcpy(s + k, "…", 4);
    }
    l->v[l->n++] = s;
}

void
corpus_lines_free(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

/* Append s padded or cut (with an ellipsis) to exactly cols columns. */
static void
render_cell(struct buf *b, const char *s, size_t cols)
{
    size_t n = s ? strlen(s) : 0;
    size_t w = utf8_width(s ? s : "", n);
    if (w <= cols) {
        buf_append(b, s ? s : "", n);
        for (; w < cols; w++)
            buf_putc(b, ' ');
        return;
    }
    if (!cols)
        return;
    size_t used;
    size_t k = utf8_prefix_for_width(s, n, cols - 1, &used);
    buf_append(b, s, k);
    buf_puts(b, "…");
    for (used++; used < cols; used++)
        buf_putc(b, ' ');
}

/* Append s right-aligned in cols columns (cut from the left if wider). */
static void
render_right(struct buf *b, const char *s, size_t cols)
{
    size_t w = utf8_width(s, strlen(s));
    for (; w < cols; w++)
        buf_putc(b, ' ');
    buf_puts(b, s);
}

static void
render_thousands(int64_t v, char out[32])
{
    char tmp[32];
    int len = snprintf(tmp, sizeof tmp, "%lld", (long long)(v < 0 ? -v : v));
    int o = 0;
    if (v < 0)
        out[o++] = '-';
    for (int i = 0; i < len && o < 30; i++) {
        if (i && (len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = tmp[i];
    }
    out[o] = '\0';
}

/* A bar of value/max * cols columns, in eighths of a block. */
static void
render_bar(struct buf *b, int64_t value, int64_t max, size_t cols)
{
    static const char *const part[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    if (max <= 0 || value <= 0 || !cols)
        return;
    size_t eighths = (size_t)((double)value / (double)max * (double)cols * 8.0 + 0.5);
    if (eighths == 0)
        eighths = 1; /* something, however small, is not nothing */
    if (eighths > cols * 8)
        eighths = cols * 8;
    for (size_t i = 0; i < eighths / 8; i++)
        buf_puts(b, "█");
    buf_puts(b, part[eighths % 8]);
}

/* A sparkline of v[0..n) in at most cols columns (adjacent buckets summed
 * when there are more buckets than columns); a blank means zero. */
static void
render_spark(struct buf *b, const int64_t *v, size_t n, size_t cols)
{
    static const char *const ticks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    if (!n || !cols)
        return;
    size_t group = (n + cols - 1) / cols, m = (n + group - 1) / group;
    int64_t *g = xcalloc(m, sizeof *g), max = 0;
    for (size_t i = 0; i < n; i++)
        g[i / group] += v[i];
    for (size_t i = 0; i < m; i++)
        max = DS_MAX(max, g[i]);
    for (size_t i = 0; i < m; i++) {
        if (g[i] <= 0 || max <= 0)
            buf_putc(b, ' ');
        else
            buf_puts(b, ticks[(size_t)((double)(g[i] - 1) / (double)max * 8.0) % 8]);
    }
    free(g);
}

static void
render_counts(struct lines *l, struct buf *b, const char *title, const struct corpus_count *c,
              size_t n, bool estimated, bool kinds, size_t width)
{
    buf_puts(b, "");
    lines_push(l, b);
    buf_printf(b, "%s%s", title, estimated ? " (estimated from a sample)" : "");
    lines_push(l, b);
    if (!n) {
        buf_puts(b, "  (none)");
        lines_push(l, b);
    }
    /* "  name…  1,234  45.6%  kind" */
    size_t tail = 2 + 9 + 7 + (kinds ? 11 : 0);
    size_t name = width > tail + 4 ? width - tail : 4;
    for (size_t i = 0; i < n; i++) {
        char num[32], pct[16];
        buf_puts(b, "  ");
        render_cell(b, !kinds && c[i].label ? c[i].label : c[i].key, name);
        render_thousands(c[i].count, num);
        snprintf(pct, sizeof pct, "%5.1f%%", c[i].share * 100.0);
        render_right(b, num, 9);
        render_right(b, pct, 7);
        if (kinds) {
            buf_puts(b, "  ");
            render_cell(b, c[i].label ? c[i].label : "", 9);
        }
        while (b->len && b->data[b->len - 1] == ' ')
            b->data[--b->len] = '\0';
        lines_push(l, b);
    }
}

/* "undated: 2 no date found, 1 dateline without a year" into l, when any. */
static void
render_undated(struct lines *l, struct buf *b, const struct corpus_timeline *t)
{
    if (!t->undated)
        return;
    buf_puts(b, "undated:");
    const char *sep = " ";
    for (size_t r = 1; r <= DS_ARRAY_LEN(t->undated_why); r++) {
        size_t i = r % DS_ARRAY_LEN(t->undated_why); /* the unrecorded last */
        if (!t->undated_why[i])
            continue;
        char num[32];
        render_thousands(t->undated_why[i], num);
        buf_printf(b, "%s%s %s", sep, num,
                   i ? undated_reason_text((enum undated_reason)i)
                     : "indexed before reasons were kept");
        sep = ", ";
    }
    lines_push(l, b);
}

/* The timeline part of the view into l. */
static void
render_timeline(struct lines *l, struct buf *b, const struct corpus_timeline *t,
                int64_t documents, size_t width)
{
    char num[32], num2[32];
    render_thousands(documents, num);
    if (!t->nbuckets) {
        render_thousands(t->undated, num2);
        buf_printf(b, "%s article%s: no dated articles (%s undated)", num,
                   documents == 1 ? "" : "s", num2);
        lines_push(l, b);
        render_undated(l, b, t);
        return;
    }
    buf_printf(b, "%s article%s by %s, %s to %s", num, documents == 1 ? "" : "s",
               corpus_unit_name(t->unit), t->buckets[0].key, t->buckets[t->nbuckets - 1].key);
    if (t->undated) {
        render_thousands(t->undated, num2);
        buf_printf(b, " (%s undated)", num2);
    }
    lines_push(l, b);
    render_undated(l, b, t);
    /* "2021-03-01  1,234 ████" */
    size_t bar = width - 19;
    for (size_t i = 0; i < t->nbuckets; i++) {
        render_cell(b, t->buckets[i].key, 10);
        render_thousands(t->buckets[i].count, num);
        render_right(b, num, 8);
        buf_putc(b, ' ');
        render_bar(b, t->buckets[i].count, t->max, bar);
        while (b->len && b->data[b->len - 1] == ' ')
            b->data[--b->len] = '\0';
        lines_push(l, b);
    }
    if (!t->nseries)
        return;
    buf_puts(b, "");
    lines_push(l, b);
    buf_printf(b, "by topic, same %ss:", corpus_unit_name(t->unit));
    lines_push(l, b);
    size_t label = width >= 60 ? 20 : 12;
    for (size_t i = 0; i < t->nseries; i++) {
        const struct corpus_series *sr = &t->series[i];
        buf_puts(b, "  ");
        render_cell(b, sr->label ? sr->label : sr->key, label);
        render_thousands(sr->total, num);
        render_right(b, num, 8);
        buf_putc(b, ' ');
        render_spark(b, sr->counts, t->nbuckets, width - label - 11);
        while (b->len && b->data[b->len - 1] == ' ')
            b->data[--b->len] = '\0';
        lines_push(l, b);
    }
}

void
corpus_render_timeline(const struct corpus_timeline *t, int64_t documents, size_t width,
                       char ***lines_out, size_t *n_out)
{
    struct lines l = {0};
    struct buf b = BUF_INIT;
    l.width = width < 30 ? 30 : width;
    render_timeline(&l, &b, t, documents, l.width);
    buf_free(&b);
    *lines_out = l.v;
    *n_out = l.n;
}

void
corpus_render_overview(const struct corpus_overview *o, size_t width, char ***lines_out,
                       size_t *n_out)
{
    struct lines l = {0};
    struct buf b = BUF_INIT;
    char num[32];
    if (width < 30)
        width = 30;
    l.width = width;
    render_timeline(&l, &b, &o->timeline, o->documents, width);
    render_counts(&l, &b, "topics", o->topics, o->ntopics, false, false, width);
    render_counts(&l, &b, "outlets", o->sources, o->nsources, false, false, width);
    render_counts(&l, &b, "entities", o->entities, o->nentities, o->estimated, true, width);
    buf_puts(&b, "");
    lines_push(&l, &b);
    buf_printf(&b, "named together%s", o->estimated ? " (estimated from a sample)" : "");
    lines_push(&l, &b);
    if (!o->npairs) {
        buf_puts(&b, "  (none)");
        lines_push(&l, &b);
    }
    for (size_t i = 0; i < o->npairs; i++) {
        struct buf pair = BUF_INIT;
        buf_printf(&pair, "%s + %s", o->pairs[i].a, o->pairs[i].b);
        buf_puts(&b, "  ");
        render_cell(&b, buf_str(&pair), width - 11);
        render_thousands(o->pairs[i].docs, num);
        render_right(&b, num, 9);
        buf_free(&pair);
        lines_push(&l, &b);
    }
    buf_free(&b);
    *lines_out = l.v;
    *n_out = l.n;
}

void
corpus_render_figures(const struct corpus_figure *f, size_t n, bool grouped, size_t width,
                      char ***lines_out, size_t *n_out)
{
    struct lines l = {0};
    struct buf b = BUF_INIT;
    if (width < 40)
        width = 40;
    l.width = width;
    /* "  2021-03-04  Outlet        $12.5 billion   period" */
    size_t outlet = width >= 100 ? 18 : width >= 60 ? 12 : 8;
    size_t text = width >= 100 ? 20 : width >= 60 ? 16 : 12;
    size_t fixed = 2 + 11 + outlet + 1 + text + 1; /* 40 - 37 leaves 3 for the rest */
    size_t rest = width > fixed ? width - fixed : 0;
    for (size_t i = 0; i < n; i++) {
        if (grouped && (i == 0 || strcmp(f[i].subject_key, f[i - 1].subject_key) != 0)) {
            size_t same = 1;
            while (i + same < n && !strcmp(f[i + same].subject_key, f[i].subject_key))
                same++;
            if (i > 0) {
                buf_puts(&b, "");
                lines_push(&l, &b);
            }
            buf_printf(&b, "%s (%zu)", *f[i].subject_key ? f[i].subject : "(no subject)", same);
            char *head = buf_steal(&b);
            render_cell(&b, head, width);
            free(head);
            /* trailing padding is noise on a header */
            while (b.len && b.data[b.len - 1] == ' ')
                b.data[--b.len] = '\0';
            lines_push(&l, &b);
        }
        buf_puts(&b, "  ");
        render_cell(&b, f[i].date ? f[i].date : "undated", 10);
        buf_putc(&b, ' ');
        render_cell(&b, f[i].source ? f[i].source : "", outlet);
        buf_putc(&b, ' ');
        render_cell(&b, f[i].text, text);
        buf_putc(&b, ' ');
        struct buf extra = BUF_INIT;
        if (!grouped && f[i].subject)
            buf_puts(&extra, f[i].subject);
        if (f[i].period) {
            if (extra.len)
                buf_puts(&extra, " · ");
            buf_puts(&extra, f[i].period);
        }
        render_cell(&b, buf_str(&extra), rest);
        buf_free(&extra);
        while (b.len && b.data[b.len - 1] == ' ')
            b.data[--b.len] = '\0';
        lines_push(&l, &b);
    }
    buf_free(&b);
    *lines_out = l.v;
    *n_out = l.n;
}

void
corpus_render_keyness(const struct corpus_keyness *k, size_t width, char ***lines_out,
                      size_t *n_out)
{
    struct lines l = {0};
    struct buf b = BUF_INIT;
    char n1[32], n2[32];
    if (width < 40)
        width = 40;
    l.width = width;
    render_thousands(k->target_tokens, n1);
    render_thousands(k->ref_tokens, n2);
    buf_printf(&b, "distinctive terms (%s tokens against %s%s)", n1, n2,
               k->sampled ? ", sampled" : "");
    lines_push(&l, &b);
    /* "  term…        here    there       G2   log2" */
    /* narrow: the term keeps 12 columns and the last columns give way */
    size_t name = width >= 48 ? width - 2 - 9 - 9 - 9 - 7 : 12;
    buf_puts(&b, "  ");
    render_cell(&b, "term", name);
    render_right(&b, "here", 9);
    render_right(&b, "there", 9);
    render_right(&b, "G2", 9);
    render_right(&b, "log2", 7);
    lines_push(&l, &b);
    if (!k->nterms) {
        buf_puts(&b, "  (none)");
        lines_push(&l, &b);
    }
    for (size_t i = 0; i < k->nterms; i++) {
        char g2[32], lr[32];
        buf_puts(&b, "  ");
        render_cell(&b, k->terms[i].term, name);
        render_thousands(k->terms[i].a, n1);
        render_thousands(k->terms[i].b, n2);
        snprintf(g2, sizeof g2, "%.1f", k->terms[i].g2);
        snprintf(lr, sizeof lr, "%.2f", k->terms[i].log_ratio);
        render_right(&b, n1, 9);
        render_right(&b, n2, 9);
        render_right(&b, g2, 9);
        render_right(&b, lr, 7);
        lines_push(&l, &b);
    }
    buf_free(&b);
    *lines_out = l.v;
    *n_out = l.n;
}
