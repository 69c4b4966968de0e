/*
 * cmd_corpus.c — corpus statistics on the command line: `dossier timeline`,
 * `dossier kwic`, `dossier keyness`, `dossier overview` and `dossier export`
 * print the tables of corpus.h as text, CSV or JSON (export: CSV, JSON or a
 * Markdown brief). The statistics view of the browser shows the same tables.
 *
 * The commands' entries (options and help) are in main.c's table.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "dossier/corpus.h"
#include "dossier/query.h"
#include "dossier/utf8.h"

/* ---- shared ---------------------------------------------------------------------------------- */

/* Parse text as a query and select its documents; prints the error
 * (pointing at the token) and returns -1 on failure. */
static int
corpus_cli_select(const char *cmd, struct store *s, const char *text, struct corpus_sel **out)
{
    struct ds_error err;
    struct query *q = NULL;
    ds_error_clear(&err);
    if (query_parse(text ? text : "", &q, &err) != 0) {
        cli_query_error(cmd, text, &err);
        return -1;
    }
    int rc = corpus_select(s, q, out, &err);
    query_free(&q);
    if (rc != 0)
        fprintf(stderr, "dossier %s: %s\n", cmd, err.msg);
    return rc;
}

/* What every command here does after its options: the query words
 * joined into *text (newly allocated), the store opened read-only, the
 * documents selected (in *select_s seconds, when not NULL). 0, or -1 with
 * the error printed and nothing left (*text, *s and *sel freed and
 * cleared). words stay the caller's. */
static int
corpus_cli_begin(const char *cmd, char **words, int nwords, char **text, struct store **s,
                 struct corpus_sel **sel, double *select_s)
{
    *text = cli_join(words, nwords);
    *sel = NULL;
    if (cli_open_store(NULL, STORE_READONLY, s) != 0) {
        ds_freep(text);
        return -1;
    }
    double t0 = ds_now();
    if (corpus_cli_select(cmd, *s, *text, sel) != 0) {
        store_close(s);
        ds_freep(text);
        return -1;
    }
    if (select_s)
        *select_s = ds_now() - t0;
    return 0;
}

static void
corpus_cli_flush(struct buf *b)
{
    fwrite(buf_str(b), 1, b->len, stdout);
    buf_reset(b);
}

/* ---- timeline -------------------------------------------------------------------------------- */

/* Columns for text tables: --width, else $COLUMNS, else 80. */
static size_t
corpus_cli_width(const char *opt)
{
    const char *v = opt ? opt : getenv("COLUMNS");
    long w = cli_long(v, 0);
    return w >= 30 && w <= 1000 ? (size_t)w : 80;
}

static void
corpus_cli_lines(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputs(lines[i], stdout);
        putchar('\n');
    }
    corpus_lines_free(lines, n);
}

static void
timeline_csv(const struct corpus_timeline *t)
{
    struct buf b = BUF_INIT;
    buf_puts(&b, "period,count");
    for (size_t i = 0; i < t->nseries; i++) {
        buf_putc(&b, ',');
        corpus_csv_field(&b, t->series[i].key);
    }
    buf_puts(&b, "\r\n");
    for (size_t i = 0; i < t->nbuckets; i++) {
        buf_printf(&b, "%s,%lld", t->buckets[i].key, (long long)t->buckets[i].count);
        for (size_t k = 0; k < t->nseries; k++)
            buf_printf(&b, ",%lld", (long long)t->series[k].counts[i]);
        buf_puts(&b, "\r\n");
        corpus_cli_flush(&b);
    }
    if (t->undated) {
        buf_printf(&b, "undated,%lld", (long long)t->undated);
        for (size_t k = 0; k < t->nseries; k++)
            buf_puts(&b, ",");
        buf_puts(&b, "\r\n");
    }
    corpus_cli_flush(&b);
    buf_free(&b);
}

static void
timeline_json(struct buf *b, const struct corpus_timeline *t)
{
    buf_printf(b, "{\"unit\":\"%s\",\"dated\":%lld,\"undated\":%lld,\"max\":%lld,\"buckets\":[",
               corpus_unit_name(t->unit), (long long)t->dated, (long long)t->undated,
               (long long)t->max);
    for (size_t i = 0; i < t->nbuckets; i++)
        buf_printf(b, "%s{\"period\":\"%s\",\"count\":%lld}", i ? "," : "", t->buckets[i].key,
                   (long long)t->buckets[i].count);
    buf_puts(b, "],\"series\":[");
    for (size_t i = 0; i < t->nseries; i++) {
        const struct corpus_series *sr = &t->series[i];
        buf_puts(b, i ? ",{\"key\":" : "{\"key\":");
        buf_put_json_or_null(b, sr->key);
        buf_puts(b, ",\"label\":");
        buf_put_json_or_null(b, sr->label);
        buf_printf(b, ",\"total\":%lld,\"counts\":[", (long long)sr->total);
        for (size_t k = 0; k < t->nbuckets; k++)
            buf_printf(b, "%s%lld", k ? "," : "", (long long)sr->counts[k]);
        buf_puts(b, "]}");
    }
    buf_puts(b, "]}");
}

int
cmd_timeline(int argc, char **argv)
{
    const char *unit_s = NULL, *series_s = NULL, *width_s = NULL;
    bool csv = false, json = false;
    const struct cli_option opts[] = {
        {"unit", 1, &unit_s, NULL}, {"series", 1, &series_s, NULL}, {"width", 1, &width_s, NULL},
        {"csv", 0, NULL, &csv},     {"json", 0, NULL, &json},       {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("timeline"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    enum corpus_unit unit = CORPUS_UNIT_AUTO;
    if (unit_s) {
        if (!strcmp(unit_s, "week"))
            unit = CORPUS_UNIT_WEEK;
        else if (!strcmp(unit_s, "month"))
            unit = CORPUS_UNIT_MONTH;
        else if (!strcmp(unit_s, "year"))
            unit = CORPUS_UNIT_YEAR;
        else if (strcmp(unit_s, "auto"))
            return cli_fail(words, "timeline", "--unit is week, month or year, not '%s'", unit_s);
    }
    long series = cli_number("timeline", "series", series_s, 6, 0, CLI_NO_MAX);
    if (series < 0)
        return cli_fail(words, NULL, NULL);
    char *text;
    struct store *s;
    struct corpus_sel *sel;
    int rc = corpus_cli_begin("timeline", words, nwords, &text, &s, &sel, NULL);
    free(words);
    if (rc != 0)
        return EXIT_ERROR;
    struct corpus_timeline t = {0};
    struct ds_error err;
    int status = EXIT_ERROR;
    ds_error_clear(&err);
    if (corpus_timeline(s, sel, unit, (size_t)series, &t, &err) != 0) {
        fprintf(stderr, "dossier timeline: %s\n", err.msg);
        goto out;
    }
    if (json) {
        struct buf b = BUF_INIT;
        buf_puts(&b, "{\"query\":");
        buf_put_json_string(&b, text);
        buf_printf(&b, ",\"documents\":%zu,\"timeline\":", corpus_sel_count(sel));
        timeline_json(&b, &t);
        buf_puts(&b, "}\n");
        corpus_cli_flush(&b);
        buf_free(&b);
    } else if (csv) {
        timeline_csv(&t);
    } else {
        char **lines;
        size_t n;
        corpus_render_timeline(&t, (int64_t)corpus_sel_count(sel), corpus_cli_width(width_s),
                               &lines, &n);
        corpus_cli_lines(lines, n);
    }
    status = t.nbuckets ? EXIT_FOUND : EXIT_NONE;
out:
    corpus_timeline_clear(&t);
    corpus_sel_free(&sel);
    store_close(&s);
    free(text);
    return status;
}

/* ---- kwic ------------------------------------------------------------------------------------ */

/* What `kwic` prints: text lines, CSV or JSON lines. */
enum kwic_out { KWIC_TEXT, KWIC_CSV, KWIC_JSON };

/* `kwic`'s options: -1 (message printed) when one is bad. */
static int
kwic_options(const char *width_s, const char *sort_s, const char *limit_s, long *width,
             long *limit, enum corpus_kwic_sort *sort)
{
    *width = cli_number("kwic", "width", width_s, 35, 0, CLI_NO_MAX);
    *limit = cli_number("kwic", "limit", limit_s, 1000, 0, CLI_NO_MAX);
    *sort = CORPUS_KWIC_BY_DOC;
    if (sort_s && !strcmp(sort_s, "left"))
        *sort = CORPUS_KWIC_BY_LEFT;
    else if (sort_s && !strcmp(sort_s, "right"))
        *sort = CORPUS_KWIC_BY_RIGHT;
    else if (sort_s && strcmp(sort_s, "doc")) {
        fprintf(stderr, "dossier kwic: --sort is doc, left or right, not '%s'\n", sort_s);
        *width = -1;
    }
    if (*width < 0 || *limit < 0)
        return -1;
    if (*width > 500)
        *width = 500;
    return 0;
}

/* `kwic`: the lines found, each written as soon as it is formatted. */
static void
kwic_print(const struct corpus_kwic *k, size_t n, size_t width, enum kwic_out out)
{
    struct buf b = BUF_INIT;
    if (out == KWIC_CSV)
        buf_puts(&b, "id,start,end,left,keyword,right\r\n");
    for (size_t i = 0; i < n; i++) {
        if (out == KWIC_JSON) {
            buf_printf(&b, "{\"id\":%lld,\"start\":%u,\"end\":%u,\"left\":", (long long)k[i].doc_id,
                       k[i].start, k[i].end);
            buf_put_json_string(&b, k[i].left);
            buf_puts(&b, ",\"keyword\":");
            buf_put_json_string(&b, k[i].kw);
            buf_puts(&b, ",\"right\":");
            buf_put_json_string(&b, k[i].right);
            buf_puts(&b, "}\n");
        } else if (out == KWIC_CSV) {
            buf_printf(&b, "%lld,%u,%u,", (long long)k[i].doc_id, k[i].start, k[i].end);
            corpus_csv_field(&b, k[i].left);
            buf_putc(&b, ',');
            corpus_csv_field(&b, k[i].kw);
            buf_putc(&b, ',');
            corpus_csv_field(&b, k[i].right);
            buf_puts(&b, "\r\n");
        } else {
            buf_printf(&b, "%6lld:%-7u ", (long long)k[i].doc_id, k[i].start);
            corpus_kwic_format(&k[i], width, &b);
            buf_putc(&b, '\n');
        }
        corpus_cli_flush(&b);
    }
    buf_free(&b);
}

int
cmd_kwic(int argc, char **argv)
{
    const char *width_s = NULL, *sort_s = NULL, *limit_s = NULL;
    bool csv = false, json = false;
    const struct cli_option opts[] = {
        {"width", 1, &width_s, NULL}, {"sort", 1, &sort_s, NULL}, {"limit", 1, &limit_s, NULL},
        {"csv", 0, NULL, &csv},       {"json", 0, NULL, &json},   {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("kwic"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    if (nwords < 1)
        return cli_fail(words, "kwic", "which word? usage: dossier kwic TERM [QUERY]");
    long width, limit;
    enum corpus_kwic_sort sort;
    char *text;
    struct store *s;
    struct corpus_sel *sel;
    if (kwic_options(width_s, sort_s, limit_s, &width, &limit, &sort) != 0 ||
        corpus_cli_begin("kwic", words + 1, nwords - 1, &text, &s, &sel, NULL) != 0)
        return cli_fail(words, NULL, NULL);
    struct corpus_kwic *k = NULL;
    size_t n = 0;
    bool truncated = false;
    struct ds_error err;
    int status = EXIT_ERROR;
    ds_error_clear(&err);
    if (corpus_kwic_find(s, sel, words[0], (size_t)width, limit ? (size_t)limit : (size_t)-1, &k,
                         &n, &truncated, &err) != 0) {
        fprintf(stderr, "dossier kwic: %s\n", err.msg);
        goto out;
    }
    corpus_kwic_sort(k, n, sort);
    kwic_print(k, n, (size_t)width, json ? KWIC_JSON : csv ? KWIC_CSV : KWIC_TEXT);
    if (!json && !csv) {
        printf("%zu occurrence%s in %s article%s%s\n", n, n == 1 ? "" : "s",
               cli_thousands((long long)corpus_sel_count(sel)),
               corpus_sel_count(sel) == 1 ? "" : "s",
               truncated ? " (stopped at --limit)" : "");
    }
    status = n ? EXIT_FOUND : EXIT_NONE;
out:
    corpus_kwic_free(k, n);
    corpus_sel_free(&sel);
    store_close(&s);
    free(text);
    free(words);
    return status;
}

/* ---- keyness --------------------------------------------------------------------------------- */

/* `keyness --json`: the selections, their token counts and the terms. */
static void
keyness_json(struct buf *b, const char *text, const char *against, const struct corpus_sel *sel,
             const struct corpus_sel *ref, const struct corpus_keyness *ky)
{
    buf_puts(b, "{\"query\":");
    buf_put_json_string(b, text);
    buf_puts(b, ",\"against\":");
    buf_put_json_or_null(b, against);
    buf_printf(b, ",\"documents\":%zu,\"reference_documents\":%zu,\"target_tokens\":%lld,"
                  "\"reference_tokens\":%lld,\"sampled\":%s,\"terms\":[",
               corpus_sel_count(sel), ref ? corpus_sel_count(ref) : 0,
               (long long)ky->target_tokens, (long long)ky->ref_tokens,
               ky->sampled ? "true" : "false");
    for (size_t i = 0; i < ky->nterms; i++) {
        buf_puts(b, i ? ",{\"term\":" : "{\"term\":");
        buf_put_json_string(b, ky->terms[i].term);
        buf_printf(b, ",\"a\":%lld,\"b\":%lld,\"g2\":%.4f,\"log_ratio\":%.4f}",
                   (long long)ky->terms[i].a, (long long)ky->terms[i].b, ky->terms[i].g2,
                   ky->terms[i].log_ratio);
    }
    buf_puts(b, "]}\n");
}

/* `keyness --csv`: one row a term. */
static void
keyness_csv(struct buf *b, const struct corpus_keyness *ky)
{
    buf_puts(b, "term,target,reference,g2,log_ratio\r\n");
    for (size_t i = 0; i < ky->nterms; i++) {
        corpus_csv_field(b, ky->terms[i].term);
        buf_printf(b, ",%lld,%lld,%.4f,%.4f\r\n", (long long)ky->terms[i].a,
                   (long long)ky->terms[i].b, ky->terms[i].g2, ky->terms[i].log_ratio);
    }
}

/* `keyness`: what was compared with what, then the table. */
static void
keyness_text(const char *against, const struct corpus_sel *sel, const struct corpus_sel *ref,
             const struct corpus_keyness *ky)
{
    /* cli_thousands() returns a static buffer: one call per printf */
    printf("terms distinctive of %s article%s", cli_thousands((long long)corpus_sel_count(sel)),
           corpus_sel_count(sel) == 1 ? "" : "s");
    printf(" (%s tokens%s) against ", cli_thousands(ky->target_tokens),
           ky->sampled ? ", sampled" : "");
    if (ref) {
        printf("%s articles matching '", cli_thousands((long long)corpus_sel_count(ref)));
        cli_put_text(stdout, against);
        putchar('\'');
    } else {
        fputs("the rest of the corpus", stdout);
    }
    printf(" (%s tokens)\n", cli_thousands(ky->ref_tokens));
    char **lines;
    size_t n;
    corpus_render_keyness(ky, corpus_cli_width(NULL), &lines, &n);
    /* lines[0] is a shorter form of the header printed above */
    for (size_t i = 1; i < n; i++) {
        fputs(lines[i], stdout);
        putchar('\n');
    }
    corpus_lines_free(lines, n);
}

int
cmd_keyness(int argc, char **argv)
{
    const char *against = NULL, *limit_s = NULL, *min_s = NULL;
    bool csv = false, json = false;
    const struct cli_option opts[] = {
        {"against", 1, &against, NULL}, {"limit", 1, &limit_s, NULL}, {"min", 1, &min_s, NULL},
        {"csv", 0, NULL, &csv},         {"json", 0, NULL, &json},     {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("keyness"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    long limit = cli_number("keyness", "limit", limit_s, 30, 0, CLI_NO_MAX);
    long min = cli_number("keyness", "min", min_s, 3, 0, CLI_NO_MAX);
    char *text;
    struct store *s;
    struct corpus_sel *sel, *ref = NULL;
    if (limit < 0 || min < 0 ||
        corpus_cli_begin("keyness", words, nwords, &text, &s, &sel, NULL) != 0)
        return cli_fail(words, NULL, NULL);
    free(words);
    struct corpus_keyness ky = {0};
    struct ds_error err;
    int status = EXIT_ERROR;
    ds_error_clear(&err);
    if (against && corpus_cli_select("keyness", s, against, &ref) != 0)
        goto out;
    if (corpus_keyness(s, sel, ref, (size_t)limit, min, &ky, &err) != 0) {
        fprintf(stderr, "dossier keyness: %s\n", err.msg);
        goto out;
    }
    struct buf b = BUF_INIT;
    if (json)
        keyness_json(&b, text, against, sel, ref, &ky);
    else if (csv)
        keyness_csv(&b, &ky);
    else
        keyness_text(against, sel, ref, &ky);
    corpus_cli_flush(&b);
    buf_free(&b);
    status = ky.nterms ? EXIT_FOUND : EXIT_NONE;
out:
    corpus_keyness_clear(&ky);
    corpus_sel_free(&ref);
    corpus_sel_free(&sel);
    store_close(&s);
    free(text);
    return status;
}

/* ---- overview -------------------------------------------------------------------------------- */

static void
overview_counts_json(struct buf *b, const char *name, const struct corpus_count *c, size_t n)
{
    buf_printf(b, ",\"%s\":[", name);
    for (size_t i = 0; i < n; i++) {
        buf_puts(b, i ? ",{\"key\":" : "{\"key\":");
        buf_put_json_or_null(b, c[i].key);
        buf_puts(b, ",\"label\":");
        buf_put_json_or_null(b, c[i].label);
        buf_printf(b, ",\"count\":%lld,\"share\":%.4f}", (long long)c[i].count, c[i].share);
    }
    buf_puts(b, "]");
}

/* `overview --figures`: "subject", "date" or "value" as a corpus_fig_sort;
 * -1 (message printed) for anything else. */
static int
overview_fig_sort(const char *figures_s)
{
    int fig_sort = !strcmp(figures_s, "subject") ? CORPUS_FIG_BY_SUBJECT
                   : !strcmp(figures_s, "date")  ? CORPUS_FIG_BY_DATE
                   : !strcmp(figures_s, "value") ? CORPUS_FIG_BY_VALUE
                                                 : -1;
    if (fig_sort < 0)
        fprintf(stderr, "dossier overview: --figures is subject, date or value, not '%s'\n",
                figures_s);
    return fig_sort;
}

/* `overview --json`: the whole overview as one object. */
static void
overview_json(const char *text, const struct corpus_overview *ov, double select_s)
{
    struct buf b = BUF_INIT;
    buf_puts(&b, "{\"query\":");
    buf_put_json_string(&b, text);
    buf_printf(&b, ",\"documents\":%lld,\"select_ms\":%.1f,\"stats_ms\":%.1f,"
                   "\"estimated\":%s,\"timeline\":",
               (long long)ov->documents, select_s * 1000, ov->seconds * 1000,
               ov->estimated ? "true" : "false");
    timeline_json(&b, &ov->timeline);
    overview_counts_json(&b, "topics", ov->topics, ov->ntopics);
    overview_counts_json(&b, "sources", ov->sources, ov->nsources);
    overview_counts_json(&b, "entities", ov->entities, ov->nentities);
    buf_puts(&b, ",\"pairs\":[");
    for (size_t i = 0; i < ov->npairs; i++) {
        buf_puts(&b, i ? ",{\"a\":" : "{\"a\":");
        buf_put_json_string(&b, ov->pairs[i].a);
        buf_puts(&b, ",\"b\":");
        buf_put_json_string(&b, ov->pairs[i].b);
        buf_printf(&b, ",\"documents\":%lld}", (long long)ov->pairs[i].docs);
    }
    buf_puts(&b, "]}\n");
    corpus_cli_flush(&b);
    buf_free(&b);
}

/* `overview --figures`: the selection's figures after the overview. 0, or
 * -1 with the error printed. */
static int
overview_figures(struct store *s, const struct corpus_sel *sel, int fig_sort,
                 const char *figures_s, size_t width)
{
    struct corpus_figure *f = NULL;
    size_t nf = 0;
    struct ds_error err;
    double t2 = ds_now();
    if (corpus_figures(s, sel, (enum corpus_fig_sort)fig_sort, 0, &f, &nf, &err) != 0) {
        fprintf(stderr, "dossier overview: %s\n", err.msg);
        return -1;
    }
    printf("\nfigures (%zu, by %s, %.1f ms)\n", nf, figures_s, (ds_now() - t2) * 1000);
    char **lines;
    size_t n;
    corpus_render_figures(f, nf, fig_sort == CORPUS_FIG_BY_SUBJECT, width, &lines, &n);
    corpus_cli_lines(lines, n);
    corpus_figures_free(f, nf);
    return 0;
}

int
cmd_overview(int argc, char **argv)
{
    const char *limit_s = NULL, *width_s = NULL, *figures_s = NULL;
    bool json = false;
    const struct cli_option opts[] = {
        {"limit", 1, &limit_s, NULL},     {"width", 1, &width_s, NULL},
        {"figures", 1, &figures_s, NULL}, {"json", 0, NULL, &json},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("overview"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    long limit = cli_number("overview", "limit", limit_s, 10, 0, CLI_NO_MAX);
    int fig_sort = figures_s ? overview_fig_sort(figures_s) : -1;
    char *text;
    struct store *s;
    struct corpus_sel *sel;
    double select_s = 0;
    if (limit < 0 || (figures_s && fig_sort < 0) ||
        corpus_cli_begin("overview", words, nwords, &text, &s, &sel, &select_s) != 0)
        return cli_fail(words, NULL, NULL);
    free(words);
    struct corpus_overview ov = {0};
    struct ds_error err;
    int status = EXIT_ERROR;
    ds_error_clear(&err);
    if (corpus_overview(s, sel, (size_t)limit, &ov, &err) != 0) {
        fprintf(stderr, "dossier overview: %s\n", err.msg);
        goto out;
    }
    if (json) {
        overview_json(text, &ov, select_s);
    } else {
        char **lines;
        size_t n;
        size_t width = corpus_cli_width(width_s);
        corpus_render_overview(&ov, width, &lines, &n);
        corpus_cli_lines(lines, n);
        if (fig_sort >= 0 && overview_figures(s, sel, fig_sort, figures_s, width) != 0)
            goto out;
        printf("\n%s articles; selected in %.1f ms, statistics in %.1f ms\n",
               cli_thousands(ov.documents), select_s * 1000, ov.seconds * 1000);
    }
    status = ov.documents ? EXIT_FOUND : EXIT_NONE;
out:
    corpus_overview_clear(&ov);
    corpus_sel_free(&sel);
    store_close(&s);
    free(text);
    return status;
}

/* ---- export ---------------------------------------------------------------------------------- */

int
cmd_export(int argc, char **argv)
{
    const char *format_s = NULL;
    const struct cli_option opts[] = {
        {"format", 1, &format_s, NULL},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("export"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    int fmt = corpus_format_parse(format_s ? format_s : "csv");
    if (fmt < 0)
        return cli_fail(words, "export", "--format is csv, json or markdown, not '%s'", format_s);
    char *text;
    struct store *s;
    struct corpus_sel *sel;
    int rc = corpus_cli_begin("export", words, nwords, &text, &s, &sel, NULL);
    free(words);
    if (rc != 0)
        return EXIT_ERROR;
    struct ds_error err;
    int status = EXIT_ERROR;
    ds_error_clear(&err);
    long n = corpus_export(s, sel, (enum corpus_format)fmt, *text ? text : NULL, stdout, &err);
    if (n < 0) {
        fprintf(stderr, "dossier export: %s\n", err.msg);
        goto out;
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "dossier export: cannot write the output\n");
        goto out;
    }
    status = n ? EXIT_FOUND : EXIT_NONE;
out:
    corpus_sel_free(&sel);
    store_close(&s);
    free(text);
    return status;
}
