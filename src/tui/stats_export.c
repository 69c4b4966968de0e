/*
 * stats_export.c — e in the statistics view: the table the selection is in
 * (coverage, topics over time, topics, outlets, entities, pairs, an entity
 * kind, distinctive terms or the figures) written as CSV, JSON or a
 * Markdown table, from the numbers the view holds (stats_state.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats_state.h"

struct stats_table {
    const char *title;
    size_t ncols;
    const char *const *cols;
    char **cells; /* nrows * ncols, owned */
    size_t nrows, cap;
};

/* Append a row of t->ncols cells (NULL: empty). */
static void
stats_table_row(struct stats_table *t, const char *const *cells)
{
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->cells = xrealloc(t->cells, t->cap * t->ncols * sizeof *t->cells);
    }
    for (size_t c = 0; c < t->ncols; c++)
        t->cells[t->nrows * t->ncols + c] = cells[c] ? xstrdup(cells[c]) : NULL;
    t->nrows++;
}

static void
stats_table_write(const struct stats_table *t, int fmt, struct buf *b)
{
    if (fmt == CORPUS_FMT_MARKDOWN) {
        buf_printf(b, "# %s\n\n|", t->title);
        for (size_t c = 0; c < t->ncols; c++)
            buf_printf(b, " %s |", t->cols[c]);
        buf_puts(b, "\n|");
        for (size_t c = 0; c < t->ncols; c++)
            buf_puts(b, "---|");
        buf_putc(b, '\n');
    } else if (fmt == CORPUS_FMT_CSV) {
        for (size_t c = 0; c < t->ncols; c++) {
            corpus_csv_field(b, t->cols[c]);
            buf_putc(b, c + 1 < t->ncols ? ',' : '\n');
        }
    } else {
        buf_puts(b, "[");
    }
    for (size_t r = 0; r < t->nrows; r++) {
        char *const *row = t->cells + r * t->ncols;
        if (fmt == CORPUS_FMT_CSV) {
            for (size_t c = 0; c < t->ncols; c++) {
                corpus_csv_field(b, row[c]);
                buf_putc(b, c + 1 < t->ncols ? ',' : '\n');
            }
        } else if (fmt == CORPUS_FMT_JSON) {
            buf_puts(b, r ? ",\n {" : "\n {");
            for (size_t c = 0; c < t->ncols; c++) {
                buf_puts(b, c ? ", " : "");
                buf_put_json_or_null(b, t->cols[c]);
                buf_puts(b, ": ");
                buf_put_json_or_null(b, row[c]);
            }
            buf_putc(b, '}');
        } else {
            buf_putc(b, '|');
            for (size_t c = 0; c < t->ncols; c++) {
                const char *v = row[c] ? row[c] : "";
                char *clean = corpus_clean_line(v, strlen(v));
                buf_putc(b, ' ');
                for (const char *q = clean; *q; q++) {
                    if (*q == '|')
                        buf_putc(b, '\\');
                    buf_putc(b, *q);
                }
                buf_puts(b, " |");
                free(clean);
            }
            buf_putc(b, '\n');
        }
    }
    if (fmt == CORPUS_FMT_JSON)
        buf_puts(b, "\n]\n");
}

/* Fill t with the table of section sec after the overview's: distinctive
 * terms, an entity kind, or the figures. */
static void
stats_table_more(const struct stats_state *st, struct stats_table *t, int sec)
{
    static const char *const c_count[] = {"name", "label", "articles", "share"};
    static const char *const c_terms[] = {"term",      "as written", "here",
                                          "elsewhere", "g2",         "log_ratio"};
    static const char *const c_figs[] = {"doc_id", "date",   "outlet",  "figure", "value",
                                         "unit",   "kind",   "subject", "period"};
    char n1[48], n2[48], n3[48], n4[48];
    switch (sec) {
    case SEC_TERMS:
        *t = (struct stats_table){.title = "Distinctive terms", .ncols = 6, .cols = c_terms};
        for (size_t i = 0; i < st->kn.nterms; i++) {
            const struct corpus_term *k = &st->kn.terms[i];
            snprintf(n1, sizeof n1, "%lld", (long long)k->a);
            snprintf(n2, sizeof n2, "%lld", (long long)k->b);
            snprintf(n3, sizeof n3, "%.3f", k->g2);
            snprintf(n4, sizeof n4, "%.3f", k->log_ratio);
            stats_table_row(t, (const char *const[]){
                                   k->term, st->kn_forms ? st->kn_forms[i] : NULL, n1, n2,
                                   n3, n4});
        }
        break;
    case SEC_THEMES:
    case SEC_KIND0:
    case SEC_KIND0 + 1:
    case SEC_KIND0 + 2:
    case SEC_KIND0 + 3: {
        int k = sec - SEC_KIND0;
        bool th = sec == SEC_THEMES;
        *t = (struct stats_table){
            .title = th ? "Themes" : stats_kind_titles[k], .ncols = 4, .cols = c_count};
        size_t n = th ? st->nthemes : st->nkinds[k];
        for (size_t i = 0; i < n; i++) {
            const struct corpus_count *c = th ? &st->themes[i] : &st->kinds[k][i];
            snprintf(n1, sizeof n1, "%lld", (long long)c->count);
            snprintf(n2, sizeof n2, "%.4f", c->share);
            stats_table_row(t, (const char *const[]){c->key, c->label, n1, n2});
        }
        break;
    }
    default:
        *t = (struct stats_table){.title = "Figures", .ncols = 9, .cols = c_figs};
        for (size_t i = 0; i < st->nfigs; i++) {
            const struct corpus_figure *g = &st->figs[i];
            snprintf(n1, sizeof n1, "%lld", (long long)g->doc_id);
            snprintf(n2, sizeof n2, "%.17g", g->value);
            stats_table_row(t, (const char *const[]){n1, g->date, g->source, g->text, n2,
                                                     g->unit, g->kind, g->subject, g->period});
        }
        break;
    }
}

/* Fill t with the table of section sec: the overview's here, the rest in
 * stats_table_more. */
static void
stats_table_fill(const struct stats_state *st, struct stats_table *t, int sec)
{
    static const char *const c_time[] = {"period", "articles"};
    static const char *const c_series[] = {"topic", "name", "articles"};
    static const char *const c_count[] = {"name", "label", "articles", "share"};
    static const char *const c_pairs[] = {"a", "kind_a", "b", "kind_b", "articles"};
    const struct corpus_overview *o = &st->ov;
    const struct corpus_timeline *tl = &o->timeline;
    char n1[48], n2[48];
    switch (sec) {
    case SEC_TIMELINE:
        *t = (struct stats_table){.title = "Articles by period", .ncols = 2, .cols = c_time};
        for (size_t i = 0; i < tl->nbuckets; i++) {
            snprintf(n1, sizeof n1, "%lld", (long long)tl->buckets[i].count);
            stats_table_row(t, (const char *const[]){tl->buckets[i].key, n1});
        }
        break;
    case SEC_SERIES:
        *t = (struct stats_table){.title = "Topics over time", .ncols = 3, .cols = c_series};
        for (size_t i = 0; i < tl->nseries; i++) {
            snprintf(n1, sizeof n1, "%lld", (long long)tl->series[i].total);
            stats_table_row(t,
                            (const char *const[]){tl->series[i].key, tl->series[i].label, n1});
        }
        break;
    case SEC_TOPICS:
    case SEC_OUTLETS:
    case SEC_ENTITIES: {
        const struct corpus_count *c = sec == SEC_TOPICS    ? o->topics
                                       : sec == SEC_OUTLETS ? o->sources
                                                            : o->entities;
        size_t n = sec == SEC_TOPICS ? o->ntopics : sec == SEC_OUTLETS ? o->nsources : o->nentities;
        *t = (struct stats_table){.title = sec == SEC_TOPICS    ? "Topics"
                                           : sec == SEC_OUTLETS ? "Outlets"
                                                                : "Entities",
                                  .ncols = 4,
                                  .cols = c_count};
        for (size_t i = 0; i < n; i++) {
            snprintf(n1, sizeof n1, "%lld", (long long)c[i].count);
            snprintf(n2, sizeof n2, "%.4f", c[i].share);
            stats_table_row(t, (const char *const[]){c[i].key, c[i].label, n1, n2});
        }
        break;
    }
    case SEC_PAIRS:
        *t = (struct stats_table){.title = "Named together", .ncols = 5, .cols = c_pairs};
        for (size_t i = 0; i < o->npairs; i++) {
            snprintf(n1, sizeof n1, "%lld", (long long)o->pairs[i].docs);
            stats_table_row(t, (const char *const[]){
                                   o->pairs[i].a, entity_kind_name(o->pairs[i].kind_a),
                                   o->pairs[i].b, entity_kind_name(o->pairs[i].kind_b), n1});
        }
        break;
    default:
        stats_table_more(st, t, sec);
        break;
    }
}

long
stats_export_table(const struct stats_state *st, int sec, FILE *f, int fmt, const char **what)
{
    struct stats_table t;
    stats_table_fill(st, &t, sec);
    if (sec == SEC_FIGURES)
        *what = "figure";
    struct buf b = BUF_INIT;
    stats_table_write(&t, fmt, &b);
    for (size_t i = 0; i < t.nrows * t.ncols; i++)
        free(t.cells[i]);
    free(t.cells);
    long n = (long)t.nrows;
    bool okw = fwrite(b.data ? b.data : "", 1, b.len, f) == b.len;
    buf_free(&b);
    return okw ? n : -1;
}
