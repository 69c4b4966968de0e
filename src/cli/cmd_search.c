/* cmd_search.c — `dossier search QUERY`: ranked results with snippets, as
 * text or one JSON object per line; the same rows for `searches show`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "dossier/query.h"

/* One result as a JSON object; "new" when new_above >= 0 (a saved search). */
static void
print_json_row(struct store *s, const struct query *q, const struct result_row *r,
               int64_t new_above)
{
    struct buf b = BUF_INIT;
    struct doc_record rec = {0};
    struct ds_error err;
    buf_printf(&b, "{\"id\":%lld,\"date\":", (long long)r->id);
    buf_put_json_or_null(&b, r->published);
    buf_puts(&b, ",\"source\":");
    buf_put_json_or_null(&b, r->source);
    buf_puts(&b, ",\"title\":");
    buf_put_json_string(&b, r->title ? r->title : "");
    buf_printf(&b, ",\"has_title\":%s", r->has_title ? "true" : "false");
    if (store_doc_get(s, r->id, &rec, &err) == 0) {
        buf_puts(&b, ",\"path\":");
        buf_put_json_string(&b, rec.path ? rec.path : "");
    }
    doc_record_clear(&rec);
    buf_puts(&b, ",\"topics\":[");
    if (r->topics) {
        char *t = xstrdup(r->topics);
        int k = 0;
        for (char *save = NULL, *p = strtok_r(t, ",", &save); p; p = strtok_r(NULL, ",", &save))
            buf_puts(&b, k++ ? "," : ""), buf_put_json_string(&b, p);
        free(t);
    }
    buf_puts(&b, "]");
    if (new_above >= 0)
        buf_puts(&b, r->id > new_above ? ",\"new\":true" : ",\"new\":false");
    if (query_has_text(q)) {
        char *snip = store_snippet(s, q, r->id, "[", "]", 24);
        buf_printf(&b, ",\"rank\":%.4f,\"snippet\":", r->rank);
        buf_put_json_string(&b, snip ? snip : "");
        free(snip);
    }
    buf_puts(&b, "}\n");
    fputs(b.data, stdout);
    buf_free(&b);
}

/* One result as a line (and its snippet); a new one (id above new_above,
 * when that is >= 0) is marked with '*' after its id. */
static void
print_text_row(struct store *s, const struct query *q, const struct result_row *r,
               int64_t new_above)
{
    bool fresh = new_above >= 0 && r->id > new_above;
    printf("%6lld%c %-10s  ", (long long)r->id, fresh ? '*' : ' ',
           r->published ? r->published : "");
    cli_put_cell(stdout, r->source ? r->source : "", 20);
    fputs("  ", stdout);
    cli_put_text(stdout, r->title ? r->title : "");
    putchar('\n');
    if (query_has_text(q)) {
        char *snip = store_snippet(s, q, r->id, "[", "]", 24);
        if (snip && *snip) {
            /* snippets span lines of the body: show them as one line */
            for (char *p = snip; *p; p++)
                if (*p == '\n')
                    *p = ' ';
            fputs("        ", stdout);
            cli_put_text(stdout, snip);
            putchar('\n');
        }
        free(snip);
    }
}

/* `search`'s --limit and --sort: -1 (message printed) when one is bad. */
static int
search_options(const char *limit_s, const char *sort_s, long *limit, enum store_sort *sort)
{
    *limit = 20;
    if (limit_s) {
        char *end;
        *limit = strtol(limit_s, &end, 10);
        if (*end || *limit < 0) {
            fprintf(stderr, "dossier search: --limit wants a number, not '%s'\n", limit_s);
            return -1;
        }
    }
    *sort = SORT_RANK;
    if (sort_s && strcmp(sort_s, "date") == 0)
        *sort = SORT_DATE;
    else if (sort_s && strcmp(sort_s, "rank") != 0) {
        fprintf(stderr, "dossier search: --sort is 'date' or 'rank', not '%s'\n", sort_s);
        return -1;
    }
    return 0;
}

/* See commands.h. */
int
search_print_rows(struct store *s, const struct query *q, struct result_set *rs, size_t want,
                  bool json, int64_t new_above, struct ds_error *err)
{
    struct result_row rows[64];
    for (size_t pos = 0; pos < want;) {
        size_t n = DS_MIN(want - pos, DS_ARRAY_LEN(rows));
        int got = result_set_fetch(rs, pos, n, rows, err);
        if (got < 0)
            return -1;
        if (got == 0)
            break;
        for (int i = 0; i < got; i++) {
            if (json)
                print_json_row(s, q, &rows[i], new_above);
            else
                print_text_row(s, q, &rows[i], new_above);
            result_row_clear(&rows[i]);
        }
        pos += (size_t)got;
    }
    return 0;
}

int
cmd_search(int argc, char **argv)
{
    const char *limit_s = NULL, *sort_s = NULL;
    bool json = false;
    const struct cli_option opts[] = {
        {"limit", 1, &limit_s, NULL},
        {"sort", 1, &sort_s, NULL},
        {"json", 0, NULL, &json},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("search"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    long limit;
    enum store_sort sort;
    if (search_options(limit_s, sort_s, &limit, &sort) != 0)
        return cli_fail(words, NULL, NULL);

    char *text = cli_join(words, nwords);
    free(words);
    struct ds_error err;
    ds_error_clear(&err);
    struct query *q = NULL;
    if (query_parse(text, &q, &err) != 0) {
        cli_query_error("search", text, &err);
        free(text);
        return EXIT_ERROR;
    }
    free(text);

    struct store *s;
    if (cli_open_store(NULL, STORE_READONLY, &s) != 0) {
        query_free(&q);
        return EXIT_ERROR;
    }
    struct result_set *rs = NULL;
    int status = EXIT_ERROR;
    if (store_search(s, q, sort, &rs, &err) != 0) {
        fprintf(stderr, "dossier search: %s\n", err.msg);
        goto out;
    }
    size_t total = result_set_count(rs);
    size_t want = limit ? DS_MIN((size_t)limit, total) : total;
    if (search_print_rows(s, q, rs, want, json, -1, &err) != 0) {
        fprintf(stderr, "dossier search: %s\n", err.msg);
        goto out;
    }
    if (!json)
        printf("%zu of %s articles\n", want, cli_thousands((long long)total));
    status = total ? EXIT_FOUND : EXIT_NONE;
out:
    result_set_free(&rs);
    query_free(&q);
    store_close(&s);
    return status;
}
