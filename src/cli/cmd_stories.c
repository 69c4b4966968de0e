/*
 * cmd_stories.c — `dossier stories [QUERY]`: the stories of the index (the
 * same event told by several articles, grouped at index time: story.h),
 * most outlets first, each with its outlets, dates and first title; with a
 * query, only the stories of the matching articles. Text or JSON lines.
 *
 *     int cmd_stories(int argc, char **argv);
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "dossier/query.h"
#include "dossier/store_story.h"

#define STORIES_MAX_IDS 100000 /* matching articles looked at, newest first */

/* The ids of the articles text matches, newest first, at most
 * STORIES_MAX_IDS. EXIT_FOUND and *ids (newly allocated), or an exit status
 * after printing the error. */
static int
query_ids(struct store *s, const char *text, int64_t **ids, size_t *n)
{
    struct query *q = NULL;
    struct result_set *rs = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    *ids = NULL;
    *n = 0;
    if (query_parse(text, &q, &err) != 0) {
        cli_query_error("stories", text, &err);
        return EXIT_ERROR;
    }
    int rc = store_search(s, q, SORT_DATE, &rs, &err);
    query_free(&q);
    if (rc != 0) {
        fprintf(stderr, "dossier stories: %s\n", err.msg);
        return EXIT_ERROR;
    }
    size_t total = result_set_count(rs);
    if (total > STORIES_MAX_IDS)
        total = STORIES_MAX_IDS;
    *ids = xmalloc((total + 1) * sizeof **ids);
    struct result_row rows[256];
    for (size_t pos = 0; pos < total;) {
        size_t want = total - pos < 256 ? total - pos : 256;
        int got = result_set_fetch(rs, pos, want, rows, &err);
        if (got <= 0)
            break;
        for (int i = 0; i < got; i++) {
            (*ids)[(*n)++] = rows[i].id;
            result_row_clear(&rows[i]);
        }
        pos += (size_t)got;
    }
    result_set_free(&rs);
    return EXIT_FOUND;
}

static void
story_json(const struct story_info *si)
{
    struct buf o = BUF_INIT;
    buf_printf(&o, "{\"story\":%lld,\"articles\":%zu,\"outlets\":%zu", (long long)si->id,
               si->articles, si->outlets);
    cli_json_field(&o, "first", si->first);
    cli_json_field(&o, "last", si->last);
    cli_json_field(&o, "title", si->title);
    buf_puts(&o, ",\"sources\":[");
    for (const char *p = si->sources; p && *p;) {
        const char *nl = strchr(p, '\n');
        char *one = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
        if (p != si->sources)
            buf_putc(&o, ',');
        buf_put_json_string(&o, one);
        free(one);
        p = nl ? nl + 1 : p + strlen(p);
    }
    buf_puts(&o, "]}\n");
    fputs(buf_str(&o), stdout);
    buf_free(&o);
}

/* story:ID, counts, dates; the first title; the outlets. */
static void
story_text(const struct story_info *si)
{
    printf("story:%lld  %zu outlet%s, %zu article%s", (long long)si->id, si->outlets,
           si->outlets == 1 ? "" : "s", si->articles, si->articles == 1 ? "" : "s");
    if (si->first && si->last && strcmp(si->first, si->last) != 0)
        printf("  %.10s to %.10s", si->first, si->last);
    else if (si->first)
        printf("  %.10s", si->first);
    fputs("\n    ", stdout);
    cli_put_text(stdout, si->title ? si->title : "(untitled)");
    fputs("\n    ", stdout);
    for (const char *p = si->sources; p && *p;) {
        const char *nl = strchr(p, '\n');
        char *one = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
        if (p != si->sources)
            fputs(" · ", stdout);
        cli_put_text(stdout, one);
        free(one);
        p = nl ? nl + 1 : p + strlen(p);
    }
    if (!si->sources)
        fputs("(no outlet named)", stdout);
    putchar('\n');
}

/* List the stories (of ids when not NULL). Returns the exit status. */
static int
list_stories(struct store *s, const int64_t *ids, size_t nids, size_t min, size_t limit,
             bool json)
{
    struct story_info *v = NULL;
    size_t n = 0;
    struct ds_error err;
    ds_error_clear(&err);
    if (store_story_list(s, ids, nids, min, limit, &v, &n, &err) != 0) {
        fprintf(stderr, "dossier stories: %s\n", err.msg);
        return EXIT_ERROR;
    }
    for (size_t i = 0; i < n; i++) {
        if (json)
            story_json(&v[i]);
        else
            story_text(&v[i]);
        story_info_clear(&v[i]);
    }
    free(v);
    if (!json && n == 0)
        printf("no stories told by more than one article\n");
    return n ? EXIT_FOUND : EXIT_NONE;
}

int
cmd_stories(int argc, char **argv)
{
    bool json = false;
    const char *limit_opt = NULL, *min_opt = NULL;
    const struct cli_option opts[] = {
        {"json", 0, NULL, &json},
        {"limit", 1, &limit_opt, NULL},
        {"min", 1, &min_opt, NULL},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("stories"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    long limit = cli_long(limit_opt, 20);
    long min = cli_long(min_opt, 2);
    if (limit <= 0 || min <= 0)
        return cli_fail(words, "stories", "--limit and --min take a positive number");
    struct store *s;
    if (cli_open_store(NULL, STORE_READONLY, &s) != 0)
        return cli_fail(words, NULL, NULL);
    int64_t *ids = NULL;
    size_t nids = 0;
    int status = EXIT_FOUND;
    if (nwords) {
        char *text = cli_join(words, nwords);
        status = query_ids(s, text, &ids, &nids);
        free(text);
    }
    if (status == EXIT_FOUND && nwords && nids == 0)
        status = EXIT_NONE;
    else if (status == EXIT_FOUND)
        status = list_stories(s, nwords ? ids : NULL, nids, (size_t)min, (size_t)limit, json);
    free(ids);
    free(words);
    store_close(&s);
    return status;
}
