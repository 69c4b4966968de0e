/* cmd_searches.c — `dossier saved` (also called `searches`): saved
 * searches with what is new to them. `saved` lists each with its total and
 * the articles new since it was last shown; `saved add NAME QUERY...`,
 * `saved remove NAME`; `saved show NAME [--limit N]` prints its results
 * (newest first, new ones marked) and marks it seen. Kept in the index
 * (store/saved.c says why). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "dossier/corpus.h"
#include "dossier/query.h"

/* Print every saved search with its counts, as text or a JSON array. */
static int
list_searches(struct store *s, bool json)
{
    struct saved_count *v;
    size_t n;
    struct ds_error err;
    ds_error_clear(&err);
    if (corpus_saved_counts(s, &v, &n, &err) != 0) {
        fprintf(stderr, "dossier saved: %s\n", err.msg);
        return EXIT_ERROR;
    }
    struct buf b = BUF_INIT;
    buf_puts(&b, json ? "[" : "");
    for (size_t i = 0; i < n; i++) {
        if (json) {
            buf_puts(&b, i ? ",{\"name\":" : "{\"name\":");
            buf_put_json_string(&b, v[i].name);
            cli_json_field(&b, "query", v[i].query);
            buf_printf(&b, ",\"total\":%zu,\"new\":%zu", v[i].total, v[i].fresh);
            if (v[i].error)
                cli_json_field(&b, "error", v[i].error);
            buf_putc(&b, '}');
        } else {
            buf_printf(&b, "%-20s %7zu %5zu new  %s", v[i].name, v[i].total, v[i].fresh,
                       v[i].query);
            if (v[i].error)
                buf_printf(&b, "  (%s)", v[i].error);
            buf_putc(&b, '\n');
        }
    }
    buf_puts(&b, json ? "]\n" : "");
    cli_put_text(stdout, buf_str(&b));
    buf_free(&b);
    saved_counts_free(v, n);
    return n ? EXIT_FOUND : EXIT_NONE;
}

/* `saved add NAME QUERY...`: the query must parse. */
static int
add_search(struct store *s, const char *name, char **words, int nwords)
{
    char *text = cli_join(words, nwords);
    struct ds_error err;
    ds_error_clear(&err);
    struct query *q = NULL;
    int status = EXIT_FOUND;
    if (!*name || strpbrk(name, "\t\n\r")) {
        fprintf(stderr, "dossier saved: a search's name is a word or words on one line\n");
        status = EXIT_ERROR;
    } else if (query_parse(text, &q, &err) != 0) {
        cli_query_error("saved", text, &err);
        status = EXIT_ERROR;
    } else {
        int rc = store_saved_add(s, name, text, &err);
        if (rc < 0)
            fprintf(stderr, "dossier saved: %s\n", err.msg);
        else if (rc > 0)
            fprintf(stderr, "dossier saved: a search called '%s' exists already\n", name);
        else
            printf("saved search %s\n", name);
        status = rc == 0 ? EXIT_FOUND : EXIT_ERROR;
    }
    query_free(&q);
    free(text);
    return status;
}

/* `saved show NAME`: its results, newest first, new ones marked, at most
 * limit of them (the counts are of all); then it is seen. */
static int
show_search(struct store *s, const char *name, bool json, size_t limit)
{
    struct saved_search *v;
    size_t n;
    struct ds_error err;
    ds_error_clear(&err);
    if (store_saved_list(s, &v, &n, &err) != 0) {
        fprintf(stderr, "dossier saved: %s\n", err.msg);
        return EXIT_ERROR;
    }
    const struct saved_search *it = NULL;
    for (size_t i = 0; i < n && !it; i++)
        if (strcmp(v[i].name, name) == 0)
            it = &v[i];
    struct query *q = NULL;
    struct result_set *rs = NULL;
    int status = EXIT_ERROR;
    if (!it) {
        fprintf(stderr, "dossier saved: no saved search called '%s'\n", name);
    } else if (query_parse(it->query, &q, &err) != 0) {
        cli_query_error("saved", it->query, &err);
    } else if (store_search(s, q, SORT_DATE, &rs, &err) != 0 ||
               search_print_rows(s, q, rs, DS_MIN(limit, result_set_count(rs)), json, it->seen_id,
                                 &err) != 0 ||
               store_saved_seen(s, name, &err) < 0) {
        fprintf(stderr, "dossier saved: %s\n", err.msg);
    } else {
        if (!json)
            printf("%zu articles, %zu new\n", result_set_count(rs),
                   result_set_count_after(rs, it->seen_id));
        status = result_set_count(rs) ? EXIT_FOUND : EXIT_NONE;
    }
    result_set_free(&rs);
    query_free(&q);
    saved_searches_free(v, n);
    return status;
}

/* `saved remove NAME`. */
static int
remove_search(struct store *s, const char *name)
{
    struct ds_error err;
    ds_error_clear(&err);
    int rc = store_saved_remove(s, name, &err);
    if (rc < 0)
        fprintf(stderr, "dossier saved: %s\n", err.msg);
    else if (rc > 0)
        fprintf(stderr, "dossier saved: no saved search called '%s'\n", name);
    return rc == 0 ? EXIT_FOUND : EXIT_ERROR;
}

/* Run one subcommand on an open store. */
static int
run_searches(struct store *s, char **words, int n, bool json, size_t limit)
{
    if (n == 0)
        return list_searches(s, json);
    const char *sub = words[0];
    if (strcmp(sub, "add") == 0 && n >= 3)
        return add_search(s, words[1], words + 2, n - 2);
    if (strcmp(sub, "show") == 0 && n == 2)
        return show_search(s, words[1], json, limit);
    if (strcmp(sub, "remove") == 0 && n == 2)
        return remove_search(s, words[1]);
    fprintf(stderr, "dossier saved: use 'saved', 'saved add NAME QUERY', "
                    "'saved show NAME' or 'saved remove NAME'\n");
    return EXIT_ERROR;
}

int
cmd_searches(int argc, char **argv)
{
    bool json = false;
    const char *limit_opt = NULL;
    const struct cli_option opts[] = {
        {"json", 0, NULL, &json}, {"limit", 1, &limit_opt, NULL}, {NULL, 0, NULL, NULL}};
    char **words;
    int n;
    int prc = cli_parse(cli_find("saved"), argc, argv, opts, &words, &n);
    if (prc != 0)
        return cli_parse_status(prc);
    char *end = NULL;
    long limit = limit_opt ? strtol(limit_opt, &end, 10) : -1;
    if (limit_opt && (*end || limit <= 0))
        return cli_fail(words, "saved", "--limit takes a positive number");
    /* listing only reads; add, show (marks seen) and remove write */
    struct store *s;
    int status = EXIT_ERROR;
    if (cli_open_store(NULL, n == 0 ? STORE_READONLY : STORE_CREATE, &s) == 0) {
        status = run_searches(s, words, n, json, limit > 0 ? (size_t)limit : SIZE_MAX);
        store_close(&s);
    }
    free(words);
    return status;
}
