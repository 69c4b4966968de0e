/* cmd_facts.c — the extraction seen from the command line: `facts` for one
 * article, `figures`, `topics` and `entities` over the articles a query
 * selects. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "dossier/query.h"

static char *
span_text(const char *body, struct span sp)
{
    size_t n = strlen(body);
    if (sp.start > n || sp.end > n || sp.end < sp.start)
        return xstrdup("");
    char *t = xstrndup(body + sp.start, sp.end - sp.start);
    for (char *p = t; *p; p++)
        if (*p == '\n')
            *p = ' ';
    return t;
}

static void
figure_json(struct buf *b, const struct figure *f, const char *body)
{
    char *sent = span_text(body, f->sentence);
    buf_puts(b, "{\"text\":");
    buf_put_json_string(b, f->text ? f->text : "");
    buf_printf(b, ",\"value\":%.17g", f->value);
    cli_json_field(b, "unit", f->unit);
    cli_json_field(b, "scale", f->scale);
    cli_json_field(b, "kind", figure_kind_name(f->kind));
    cli_json_field(b, "direction", f->direction);
    cli_json_field(b, "period", f->period);
    cli_json_field(b, "subject", f->subject);
    buf_printf(b, ",\"start\":%u,\"end\":%u", f->span.start, f->span.end);
    if (f->nalso) {
        /* the same fact stated again: every other mention's span */
        buf_printf(b, ",\"mentions\":%zu,\"also\":[", f->nalso + 1);
        for (size_t i = 0; i < f->nalso; i++)
            buf_printf(b, "%s[%u,%u]", i ? "," : "", f->also[i].start, f->also[i].end);
        buf_putc(b, ']');
    }
    cli_json_field(b, "sentence", sent);
    buf_puts(b, "}");
    free(sent);
}

static int
open_and_parse_query(const char *cmd, char **words, int nwords, struct store **s,
                     struct query **q)
{
    struct ds_error err;
    char *text = cli_join(words, nwords);
    ds_error_clear(&err);
    if (query_parse(text, q, &err) != 0) {
        fprintf(stderr, "dossier %s: %s\n", cmd, err.msg);
        free(text);
        return -1;
    }
    free(text);
    if (cli_open_store(NULL, STORE_READONLY, s) != 0) {
        query_free(q);
        return -1;
    }
    return 0;
}

/* `facts --json`: figures, entities, topics and keywords as one object. */
static void
facts_json(int64_t id, const struct extraction *x, const char *body, const struct keyword *kw,
           size_t nkw)
{
    struct buf b = BUF_INIT;
    buf_printf(&b, "{\"id\":%lld,\"figures\":[", (long long)id);
    for (size_t i = 0; i < x->nfigures; i++) {
        if (i)
            buf_putc(&b, ',');
        figure_json(&b, &x->figures[i], body);
    }
    buf_puts(&b, "],\"entities\":[");
    for (size_t i = 0; i < x->nentities; i++) {
        const struct entity *e = &x->entities[i];
        buf_puts(&b, i ? ",{\"name\":" : "{\"name\":");
        buf_put_json_string(&b, e->name);
        cli_json_field(&b, "alt", e->alt);
        cli_json_field(&b, "kind", entity_kind_name(e->kind));
        buf_printf(&b, ",\"count\":%zu}", e->nspans);
    }
    buf_puts(&b, "],\"topics\":[");
    for (size_t i = 0; i < x->ntopics; i++) {
        buf_puts(&b, i ? ",{\"slug\":" : "{\"slug\":");
        buf_put_json_string(&b, x->topics[i].slug);
        buf_printf(&b, ",\"score\":%.4f}", x->topics[i].score);
    }
    buf_puts(&b, "],\"keywords\":[");
    for (size_t i = 0; i < nkw; i++) {
        buf_puts(&b, i ? "," : "");
        buf_put_json_string(&b, kw[i].term);
    }
    buf_puts(&b, "]}\n");
    fputs(b.data, stdout);
    buf_free(&b);
}

/* `facts`: the entities of one kind under a heading with their count. */
static void
facts_entities_text(const struct extraction *x, enum entity_kind kind)
{
    size_t count = 0;
    for (size_t i = 0; i < x->nentities; i++)
        count += x->entities[i].kind == kind;
    if (!count)
        return;
    printf("%s (%zu)\n", entity_kind_name(kind), count);
    for (size_t i = 0; i < x->nentities; i++) {
        const struct entity *e = &x->entities[i];
        if (e->kind != kind)
            continue;
        printf("  %3zu  ", e->nspans);
        cli_put_text(stdout, e->name);
        if (e->alt) {
            fputs(" ", stdout);
            cli_put_text(stdout, e->alt);
        }
        putchar('\n');
    }
}

/* `facts`: figures, entities by kind, topics and keywords as text. */
static void
facts_text(const struct extraction *x, const struct keyword *kw, size_t nkw)
{
    printf("figures (%zu)\n", x->nfigures);
    for (size_t i = 0; i < x->nfigures; i++) {
        const struct figure *f = &x->figures[i];
        printf("  ");
        cli_put_cell(stdout, f->text, 22);
        printf(" %-8s %-9s ", f->unit ? f->unit : "", figure_kind_name(f->kind));
        cli_put_text(stdout, f->subject ? f->subject : "");
        if (f->period) {
            fputs(" | ", stdout);
            cli_put_text(stdout, f->period);
        }
        if (f->nalso)
            printf(" (stated %zu times)", f->nalso + 1);
        putchar('\n');
    }
    static const enum entity_kind kinds[] = {ENTITY_PERSON, ENTITY_ORG, ENTITY_COUNTRY,
                                             ENTITY_PLACE, ENTITY_AGREEMENT};
    for (size_t k = 0; k < DS_ARRAY_LEN(kinds); k++)
        facts_entities_text(x, kinds[k]);
    printf("topics (%zu)\n", x->ntopics);
    for (size_t i = 0; i < x->ntopics; i++)
        printf("  %6.2f  %s\n", x->topics[i].score, x->topics[i].slug);
    printf("keywords\n  ");
    for (size_t i = 0; i < nkw; i++) {
        cli_put_text(stdout, kw[i].term);
        fputs(i + 1 < nkw ? ", " : "", stdout);
    }
    putchar('\n');
}

int
cmd_facts(int argc, char **argv)
{
    bool json = false;
    const struct cli_option opts[] = {{"json", 0, NULL, &json}, {NULL, 0, NULL, NULL}};
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("facts"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    struct store *s;
    int64_t id;
    int status = cli_open_doc("facts", words, nwords, &s, &id);
    if (status != EXIT_FOUND)
        return status;
    struct doc_record rec = {0};
    struct extraction x = {0};
    struct keyword *kw = NULL;
    size_t nkw = 0;
    struct ds_error err;
    ds_error_clear(&err);
    if (store_doc_get(s, id, &rec, &err) != 0 || store_get_extraction(s, id, &x, &err) != 0 ||
        store_doc_keywords(s, id, 10, &kw, &nkw, &err) != 0) {
        fprintf(stderr, "dossier facts: %s\n", err.msg);
        status = EXIT_ERROR;
    } else if (json) {
        facts_json(id, &x, rec.a.body ? rec.a.body : "", kw, nkw);
    } else {
        facts_text(&x, kw, nkw);
    }
    keywords_free(kw, nkw);
    extraction_clear(&x);
    doc_record_clear(&rec);
    store_close(&s);
    return status;
}

static void
csv_cell(const char *s, bool last)
{
    putchar('"');
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '"')
            putchar('"');
        if (*p == '\n' || *p == '\r')
            putchar(' ');
        else
            putchar(*p);
    }
    fputs(last ? "\"\n" : "\",", stdout);
}

enum figures_mode { FIGURES_TEXT, FIGURES_CSV, FIGURES_JSON };

/* `figures`: one figure of a listed article as a JSON line, a CSV row or a
 * text line. */
static void
figure_print(const struct result_row *row, const struct figure *f, const char *body,
             enum figures_mode mode)
{
    char *sent = span_text(body, f->sentence);
    if (mode == FIGURES_JSON) {
        struct buf b = BUF_INIT;
        buf_printf(&b, "{\"id\":%lld", (long long)row->id);
        cli_json_field(&b, "date", row->published);
        cli_json_field(&b, "source", row->source);
        buf_puts(&b, ",\"figure\":");
        figure_json(&b, f, body);
        buf_puts(&b, "}\n");
        fputs(b.data, stdout);
        buf_free(&b);
    } else if (mode == FIGURES_CSV) {
        char value[64], idbuf[32];
        snprintf(value, sizeof value, "%.17g", f->value);
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)row->id);
        csv_cell(idbuf, false);
        csv_cell(row->published, false);
        csv_cell(row->source, false);
        csv_cell(f->text, false);
        csv_cell(value, false);
        csv_cell(f->unit, false);
        csv_cell(figure_kind_name(f->kind), false);
        csv_cell(f->period, false);
        csv_cell(f->subject, false);
        csv_cell(sent, true);
    } else {
        printf("%6lld  %-10s  ", (long long)row->id, row->published ? row->published : "");
        cli_put_cell(stdout, row->source ? row->source : "", 16);
        fputs("  ", stdout);
        cli_put_cell(stdout, f->text, 20);
        fputs("  ", stdout);
        cli_put_text(stdout, f->subject ? f->subject : "");
        putchar('\n');
    }
    free(sent);
}

/* `figures`: every figure of one listed article; how many (0 when its
 * record or extraction cannot be read). */
static size_t
figures_of_row(struct store *s, const struct result_row *row, enum figures_mode mode)
{
    struct doc_record rec = {0};
    struct extraction x = {0};
    struct ds_error err;
    size_t n = 0;
    if (store_doc_get(s, row->id, &rec, &err) == 0 &&
        store_get_extraction(s, row->id, &x, &err) == 0) {
        for (; n < x.nfigures; n++)
            figure_print(row, &x.figures[n], rec.a.body ? rec.a.body : "", mode);
    }
    extraction_clear(&x);
    doc_record_clear(&rec);
    return n;
}

int
cmd_figures(int argc, char **argv)
{
    bool json = false, csv = false;
    const char *limit_s = NULL;
    const struct cli_option opts[] = {{"json", 0, NULL, &json},
                                      {"csv", 0, NULL, &csv},
                                      {"limit", 1, &limit_s, NULL},
                                      {NULL, 0, NULL, NULL}};
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("figures"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    struct store *s;
    struct query *q;
    int rc = open_and_parse_query("figures", words, nwords, &s, &q);
    free(words);
    if (rc != 0)
        return EXIT_ERROR;
    size_t limit = limit_s ? (size_t)strtoul(limit_s, NULL, 10) : 0;

    struct ds_error err;
    struct result_set *rs = NULL;
    int status = EXIT_ERROR;
    size_t nfig = 0;
    if (store_search(s, q, SORT_DATE, &rs, &err) != 0) {
        fprintf(stderr, "dossier figures: %s\n", err.msg);
        goto out;
    }
    enum figures_mode mode = json ? FIGURES_JSON : csv ? FIGURES_CSV : FIGURES_TEXT;
    if (csv)
        puts("id,date,outlet,figure,value,unit,kind,period,subject,sentence");
    size_t total = result_set_count(rs);
    if (limit && limit < total)
        total = limit;
    for (size_t pos = 0; pos < total; pos++) {
        struct result_row row = {0};
        if (result_set_fetch(rs, pos, 1, &row, &err) != 1)
            break;
        nfig += figures_of_row(s, &row, mode);
        result_row_clear(&row);
    }
    status = nfig ? EXIT_FOUND : EXIT_NONE;
out:
    result_set_free(&rs);
    query_free(&q);
    store_close(&s);
    return status;
}

static int
print_facets(const char *cmd, int argc, char **argv, const enum facet_kind *kinds,
             const char *const *labels, size_t nkinds, size_t default_max)
{
    bool json = false;
    const char *limit_s = NULL;
    const struct cli_option opts[] = {
        {"json", 0, NULL, &json}, {"limit", 1, &limit_s, NULL}, {NULL, 0, NULL, NULL}};
    char **words;
    int nwords;
    int prc = cli_parse(cli_find(cmd), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    struct store *s;
    struct query *q;
    int rc = open_and_parse_query(cmd, words, nwords, &s, &q);
    free(words);
    if (rc != 0)
        return EXIT_ERROR;
    size_t max = limit_s ? (size_t)strtoul(limit_s, NULL, 10) : default_max;
    int status = EXIT_NONE;
    struct buf b = BUF_INIT;
    if (json)
        buf_putc(&b, '{');
    for (size_t k = 0; k < nkinds; k++) {
        struct facet *f = NULL;
        size_t n = 0;
        struct ds_error err;
        if (store_facets(s, q, kinds[k], max, &f, &n, &err) != 0) {
            fprintf(stderr, "dossier %s: %s\n", cmd, err.msg);
            status = EXIT_ERROR;
            break;
        }
        if (n)
            status = status == EXIT_ERROR ? status : EXIT_FOUND;
        if (json) {
            buf_printf(&b, "%s\"%s\":[", k ? "," : "", labels[k]);
            for (size_t i = 0; i < n; i++) {
                buf_puts(&b, i ? ",{\"key\":" : "{\"key\":");
                buf_put_json_string(&b, f[i].key);
                cli_json_field(&b, "label", f[i].label);
                buf_printf(&b, ",\"count\":%lld}", (long long)f[i].count);
            }
            buf_putc(&b, ']');
        } else if (n) {
            if (nkinds > 1)
                printf("%s\n", labels[k]);
            for (size_t i = 0; i < n; i++) {
                printf("%s%6lld  ", nkinds > 1 ? "  " : "", (long long)f[i].count);
                cli_put_text(stdout, f[i].key);
                if (f[i].label) {
                    fputs("  ", stdout);
                    cli_put_text(stdout, f[i].label);
                }
                putchar('\n');
            }
        }
        facets_free(f, n);
    }
    if (json && status != EXIT_ERROR) {
        buf_puts(&b, "}\n");
        fputs(b.data, stdout);
    }
    buf_free(&b);
    query_free(&q);
    store_close(&s);
    return status;
}

int
cmd_entities(int argc, char **argv)
{
    static const enum facet_kind kinds[] = {FACET_PERSON, FACET_ORG, FACET_COUNTRY};
    static const char *const labels[] = {"people", "organisations", "countries"};
    return print_facets("entities", argc, argv, kinds, labels, 3, 10);
}
