/*
 * cmd_topics.c — `dossier topics [QUERY]`: the topics of the matching
 * articles with their counts, most first; with --tree, as the tree their
 * slugs describe ("economy/trade" under "economy"), each topic followed by
 * the topics below it; --json for either. And `dossier themes`: the themes
 * found in the collection itself (corpus_themes), computed and saved in the
 * index so that theme:N finds them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "dossier/corpus.h"
#include "dossier/query.h"

/* Is topic slug a directly below slug p? */
static bool
topic_is_child(const char *a, const char *p)
{
    size_t n = strlen(p);
    return strncmp(a, p, n) == 0 && a[n] == '/' && !strchr(a + n + 1, '/');
}

/* Is there a topic in f[0..n) that a sits directly below? */
static bool
topic_has_parent(const struct facet *f, size_t n, const char *a)
{
    const char *slash = strrchr(a, '/');
    if (!slash)
        return false;
    for (size_t i = 0; i < n; i++)
        if (strlen(f[i].key) == (size_t)(slash - a) && strncmp(f[i].key, a, (size_t)(slash - a)) == 0)
            return true;
    return false;
}

/* Print f[i] and, when tree, below it the topics directly under it (f is
 * most first, so children come out most first too); depth indents. */
static void
topic_print(const struct facet *f, size_t n, size_t i, int depth, bool tree, bool json,
            struct buf *b)
{
    if (json) {
        buf_puts(b, "{\"key\":");
        buf_put_json_string(b, f[i].key);
        cli_json_field(b, "label", f[i].label);
        buf_printf(b, ",\"count\":%lld", (long long)f[i].count);
        if (!tree) {
            buf_putc(b, '}');
            return;
        }
        buf_puts(b, ",\"children\":[");
    } else {
        printf("%6lld  %*s", (long long)f[i].count, 2 * depth, "");
        cli_put_text(stdout, f[i].key);
        if (f[i].label) {
            fputs("  ", stdout);
            cli_put_text(stdout, f[i].label);
        }
        putchar('\n');
        if (!tree)
            return;
    }
    bool first = true;
    for (size_t k = 0; k < n; k++) {
        if (!topic_is_child(f[k].key, f[i].key))
            continue;
        if (json && !first)
            buf_putc(b, ',');
        first = false;
        topic_print(f, n, k, depth + 1, true, json, b);
    }
    if (json)
        buf_puts(b, "]}");
}

/* Print the topics f[0..n): a flat list, or the tree (roots are the topics
 * with no parent among them). */
static void
topics_print(const struct facet *f, size_t n, bool tree, bool json)
{
    struct buf b = BUF_INIT;
    if (json)
        buf_puts(&b, "{\"topics\":[");
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        if (tree && topic_has_parent(f, n, f[i].key))
            continue;
        if (json && !first)
            buf_putc(&b, ',');
        first = false;
        topic_print(f, n, i, 0, tree, json, &b);
    }
    if (json) {
        buf_puts(&b, "]}\n");
        fputs(buf_str(&b), stdout);
    }
    buf_free(&b);
}

int
cmd_topics(int argc, char **argv)
{
    bool json = false, tree = false;
    const char *limit_s = NULL;
    const struct cli_option opts[] = {{"json", 0, NULL, &json},
                                      {"tree", 0, NULL, &tree},
                                      {"limit", 1, &limit_s, NULL},
                                      {NULL, 0, NULL, NULL}};
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("topics"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    struct ds_error err;
    ds_error_clear(&err);
    char *text = cli_join(words, nwords);
    free(words);
    struct query *q = NULL;
    struct store *s = NULL;
    int rc = query_parse(text, &q, &err);
    free(text);
    if (rc != 0) {
        fprintf(stderr, "dossier topics: %s\n", err.msg);
        return EXIT_ERROR;
    }
    if (cli_open_store(NULL, STORE_READONLY, &s) != 0) {
        query_free(&q);
        return EXIT_ERROR;
    }
    size_t max = limit_s ? (size_t)strtoul(limit_s, NULL, 10) : 1000;
    struct facet *f = NULL;
    size_t n = 0;
    int status = EXIT_ERROR;
    if (store_facets(s, q, FACET_TOPIC, max, &f, &n, &err) != 0) {
        fprintf(stderr, "dossier topics: %s\n", err.msg);
    } else {
        topics_print(f, n, tree, json);
        status = n ? EXIT_FOUND : EXIT_NONE;
    }
    facets_free(f, n);
    query_free(&q);
    store_close(&s);
    return status;
}

/* Print the themes as text (number, size, label) or JSON. */
static void
themes_print(const struct corpus_themes *t, bool json)
{
    struct buf b = BUF_INIT;
    if (json) {
        buf_printf(&b, "{\"k\":%zu,\"seed\":%llu,\"documents\":%zu,\"unassigned\":%zu,"
                       "\"fitted\":%zu,\"sample\":%zu,\"documents_at_fit\":%zu,\"themes\":[",
                   t->k, (unsigned long long)t->seed, t->ndocs, t->unassigned, t->fitted,
                   t->sample, t->fit_docs);
        for (size_t c = 0; c < t->n; c++) {
            buf_printf(&b, "%s{\"theme\":%d,\"label\":", c ? "," : "", t->v[c].id);
            buf_put_json_string(&b, t->v[c].label);
            buf_printf(&b, ",\"size\":%lld,\"docs\":[", (long long)t->v[c].size);
            for (int64_t j = 0; j < t->v[c].size; j++)
                buf_printf(&b, "%s%lld", j ? "," : "", (long long)t->v[c].docs[j]);
            buf_puts(&b, "]}");
        }
        buf_puts(&b, "]}\n");
        fputs(buf_str(&b), stdout);
        buf_free(&b);
        return;
    }
    for (size_t c = 0; c < t->n; c++) {
        printf("theme:%-3d %6lld  ", t->v[c].id, (long long)t->v[c].size);
        cli_put_text(stdout, t->v[c].label);
        putchar('\n');
    }
    if (t->unassigned)
        printf("%zu documents with no terms to group by are in no theme\n", t->unassigned);
    buf_free(&b);
}

/* The themes dossier themes prints: the stored ones, or fitted now when
 * none are stored, --refit is given, or --k, --seed or --sample asks for
 * other than the stored fit's. 0, or -1 with err. */
static int
themes_get(struct store *s, const char *k_s, const char *seed_s, const char *sample_s,
           long long k, long long seed, long long sample, bool refit, struct corpus_themes *t,
           struct ds_error *err)
{
    int have = corpus_themes_read(s, t, err);
    if (have < 0)
        return -1;
    if (have && !refit && (!k_s || (size_t)k == t->k) && (!seed_s || (uint64_t)seed == t->seed) &&
        (!sample_s || (size_t)sample == t->sample))
        return 0;
    if (have) {
        /* what is not asked for stays as the stored fit had it */
        k = k_s ? k : (long long)t->k;
        seed = seed_s ? seed : (long long)t->seed;
        sample = sample_s ? sample : (long long)t->sample;
        corpus_themes_clear(t);
    }
    return corpus_themes_fit(s, (size_t)k, (uint64_t)seed, (size_t)sample, t, err);
}

int
cmd_themes(int argc, char **argv)
{
    const char *k_s = NULL, *seed_s = NULL, *sample_s = NULL;
    bool json = false, refit = false;
    const struct cli_option opts[] = {
        {"k", 1, &k_s, NULL},
        {"seed", 1, &seed_s, NULL},
        {"sample", 1, &sample_s, NULL},
        {"refit", 0, NULL, &refit},
        {"json", 0, NULL, &json},
        {NULL, 0, NULL, NULL},
    };
    char **words;
    int nwords;
    int prc = cli_parse(cli_find("themes"), argc, argv, opts, &words, &nwords);
    if (prc != 0)
        return cli_parse_status(prc);
    free(words);
    if (nwords > 0) {
        fprintf(stderr, "dossier themes: takes no query (themes are of the whole index)\n");
        return EXIT_ERROR;
    }
    long long k = cli_number("themes", "k", k_s, CORPUS_THEMES_K, 1, CORPUS_THEMES_MAX_K);
    long long seed = cli_number("themes", "seed", seed_s, CORPUS_THEMES_SEED, 0, INT64_MAX);
    long long sample = cli_number("themes", "sample", sample_s, CORPUS_THEMES_SAMPLE, 1, INT32_MAX);
    if (k < 0 || seed < 0 || sample < 0)
        return EXIT_ERROR;
    struct store *s = NULL;
    if (cli_open_store(NULL, 0, &s) != 0)
        return EXIT_ERROR;
    struct corpus_themes t = {0};
    struct ds_error err;
    ds_error_clear(&err);
    int status = EXIT_ERROR;
    if (themes_get(s, k_s, seed_s, sample_s, k, seed, sample, refit, &t, &err) != 0) {
        fprintf(stderr, "dossier themes: %s\n", err.msg);
    } else {
        themes_print(&t, json);
        status = EXIT_FOUND;
    }
    corpus_themes_clear(&t);
    store_close(&s);
    return status;
}
