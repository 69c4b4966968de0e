/*
 * ingest_fixture.h — what the metadata and furniture unit tests share
 * (test_meta4-8, test_furniture, test_notices): the shipped outlet table loaded once, an article ingested from a
 * string as the indexer would, and two checks on the result. The functions
 * are static inline so a test that uses only some of them still builds
 * with -Werror.
 */
#ifndef DOSSIER_TESTS_INGEST_FIXTURE_H
#define DOSSIER_TESTS_INGEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/util.h"
#include "tests/unit/tap.h"

static struct outlets *fixture_outlets;

/* Load the shipped outlet table; 0, or -1 with a diagnostic. */
static inline int
fixture_open(void)
{
    char *assets = ds_assets_dir();
    struct ds_error err;
    int rc = outlets_load(assets, NULL, &fixture_outlets, &err);
    if (rc != 0)
        diag("outlets: %s", err.msg);
    free(assets);
    return rc;
}

static inline void
fixture_close(void)
{
    outlets_free(&fixture_outlets);
}

/* text read as the file at path would be (a cleared article on failure). */
static inline int
ingest(const char *path, const char *text, struct article *a)
{
    struct ds_error err;
    struct ingest_ctx ctx = {fixture_outlets, NULL, 0};
    ds_error_clear(&err);
    memset(a, 0, sizeof *a);
    int rc = ingest_article(&ctx, path, text, strlen(text), a, &err);
    if (rc != 0)
        diag("ingest_article: %s", err.msg);
    return rc;
}

/* Is s anywhere in the article's body? */
static inline int
in_body(const struct article *a, const char *s)
{
    return a->body && strstr(a->body, s) != NULL;
}

/* Does text contain line as a whole line? */
static inline int
has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; p && (p = strstr(p, line)) != NULL; p++)
        if ((p == text || p[-1] == '\n') && (p[n] == '\0' || p[n] == '\n'))
            return 1;
    return 0;
}

/* Was line removed with reason why ("why\tline" among the removed lines)? */
static inline int
removed_as(const struct article *a, const char *why, const char *line)
{
    char want[512];
    snprintf(want, sizeof want, "%s\t%s", why, line);
    return a->removed && has_line(a->removed, want);
}

#endif
