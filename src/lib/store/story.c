/*
 * store/story.c — the rows behind stories (store_story.h): documents not
 * grouped yet, the grouped ones in a span of days, a document's story and
 * the list of stories. Grouping itself is compare/story.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/containers.h"
#include "dossier/store_story.h"
#include "lib.h"

/* The day number of a date column (NULL when it is not a date). */
#define DAY_OF(col) "CAST(julianday(substr(" col ", 1, 10)) - 2440587.5 AS INTEGER)"

void
story_info_clear(struct story_info *si)
{
    free(si->first);
    free(si->last);
    free(si->sources);
    free(si->title);
    memset(si, 0, sizeof *si);
}

/* Read rows (id, day or NULL, story or NULL) of a prepared statement into
 * *out. Finalizes st. 0, or -1 with err. */
static int
read_story_docs(struct store *s, sqlite3_stmt *st, int rc, struct story_doc **out, size_t *n,
                struct ds_error *err)
{
    struct story_doc *v = NULL;
    size_t got = 0, cap = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (got == cap)
            v = xrealloc(v, (cap = cap ? cap * 2 : 256) * sizeof *v);
        struct story_doc *d = &v[got++];
        d->id = sqlite3_column_int64(st, 0);
        d->dated = sqlite3_column_type(st, 1) != SQLITE_NULL;
        d->day = sqlite3_column_int64(st, 1);
        d->story = sqlite3_column_int64(st, 2);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(v);
        return store_fail(s, err, rc, "reading stories");
    }
    *out = v;
    *n = got;
    return 0;
}

int
store_story_group_undated(struct store *s, size_t *n, struct ds_error *err)
{
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "INSERT INTO story_docs(doc_id, story, score)"
                                " SELECT id, id, 0 FROM documents"
                                " WHERE " DAY_OF("published") " IS NULL"
                                " AND NOT EXISTS (SELECT 1 FROM story_docs WHERE doc_id = id)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "saving a story");
    *n = (size_t)sqlite3_changes(s->db);
    return 0;
}

int
store_story_ungrouped_days(struct store *s, struct story_day **out, size_t *n, size_t *undated,
                           struct ds_error *err)
{
    *out = NULL;
    *n = *undated = 0;
    sqlite3_stmt *st = NULL;
    /* in the order of the (published, id) index, which covers the query:
     * no sort, and a day's documents come together */
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT " DAY_OF("published") ","
                                " NOT EXISTS (SELECT 1 FROM story_docs WHERE doc_id = id)"
                                " FROM documents ORDER BY published",
                                -1, &st, NULL);
    struct story_day *v = NULL;
    size_t got = 0, cap = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        bool ungrouped = sqlite3_column_int(st, 1) != 0;
        if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
            *undated += ungrouped; /* not a date: for store_story_group_undated */
            continue;
        }
        int64_t day = sqlite3_column_int64(st, 0);
        if (!got || v[got - 1].day != day) {
            if (got == cap)
                v = xrealloc(v, (cap = cap ? cap * 2 : 256) * sizeof *v);
            v[got++] = (struct story_day){day, 0, 0};
        }
        v[got - 1].n += ungrouped;
        v[got - 1].all++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(v);
        return store_fail(s, err, rc, "reading stories");
    }
    *out = v;
    *n = got;
    return 0;
}

int
store_story_ungrouped_span(struct store *s, int64_t lo, int64_t hi, struct story_doc **out,
                           size_t *n, struct ds_error *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    /* the range on published finds them through its index; the day itself
     * decides ("2024-03" sorts among the days but is none) */
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT id, " DAY_OF("published") ", NULL FROM documents"
                                " WHERE published >= date(?1 * 86400, 'unixepoch')"
                                " AND published < date((?2 + 1) * 86400, 'unixepoch')"
                                " AND " DAY_OF("published") " BETWEEN ?1 AND ?2"
                                " AND NOT EXISTS (SELECT 1 FROM story_docs WHERE doc_id = id)"
                                " ORDER BY 2, id",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, lo);
        sqlite3_bind_int64(st, 2, hi);
    }
    return read_story_docs(s, st, rc, out, n, err);
}

int
store_story_window(struct store *s, int64_t lo, int64_t hi, struct story_doc **out, size_t *n,
                   struct ds_error *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT d.id, " DAY_OF("d.published") ", g.story FROM documents d"
                                " JOIN story_docs g ON g.doc_id = d.id"
                                " WHERE d.published >= date(?1 * 86400, 'unixepoch')"
                                " AND d.published < date((?2 + 1) * 86400, 'unixepoch')"
                                " ORDER BY 2, d.id",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, lo);
        sqlite3_bind_int64(st, 2, hi);
    }
    return read_story_docs(s, st, rc, out, n, err);
}

int
store_story_put(struct store *s, int64_t doc_id, int64_t story, double score,
                struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "INSERT OR REPLACE INTO story_docs(doc_id, story, score)"
                                " VALUES (?1, ?2, ?3)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, doc_id);
        sqlite3_bind_int64(st, 2, story);
        sqlite3_bind_double(st, 3, score);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "saving a story");
}

/* Fill si for story id. 0, or -1 with err. */
static int
story_info_read(struct store *s, int64_t story, struct story_info *si, struct ds_error *err)
{
    memset(si, 0, sizeof *si);
    si->id = story;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT count(*), count(DISTINCT d.source),"
                                " min(d.published), max(d.published),"
                                " (SELECT title FROM documents WHERE id = ?1)"
                                " FROM story_docs g JOIN documents d ON d.id = g.doc_id"
                                " WHERE g.story = ?1",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, story);
        if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            si->articles = (size_t)sqlite3_column_int64(st, 0);
            si->outlets = (size_t)sqlite3_column_int64(st, 1);
            si->first = store_col_dup(st, 2);
            si->last = store_col_dup(st, 3);
            si->title = store_col_dup(st, 4);
            rc = SQLITE_DONE;
        }
    }
    sqlite3_finalize(st);
    st = NULL;
    struct buf b = BUF_INIT;
    if (rc == SQLITE_DONE)
        rc = sqlite3_prepare_v2(s->db,
                                "SELECT DISTINCT d.source FROM story_docs g"
                                " JOIN documents d ON d.id = g.doc_id"
                                " WHERE g.story = ?1 AND d.source IS NOT NULL ORDER BY 1",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, story);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            buf_printf(&b, "%s%s", b.len ? "\n" : "", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    si->sources = b.len ? xstrdup(buf_str(&b)) : NULL;
    buf_free(&b);
    if (rc != SQLITE_DONE) {
        story_info_clear(si);
        return store_fail(s, err, rc, "reading a story");
    }
    return 0;
}

int
store_story_of(struct store *s, int64_t doc_id, struct story_info *info, struct ds_error *err)
{
    memset(info, 0, sizeof *info);
    int64_t story = 0;
    int got = store_int_once(s, "SELECT story FROM story_docs WHERE doc_id = ?1", doc_id, &story,
                             "reading stories", err);
    if (got != 0)
        return got;
    return story_info_read(s, story, info, err);
}

int
store_story_members(struct store *s, int64_t story, int64_t **ids, size_t *n,
                    struct ds_error *err)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT g.doc_id FROM story_docs g JOIN documents d"
                                " ON d.id = g.doc_id WHERE g.story = ?1"
                                " ORDER BY d.published, g.doc_id",
                                -1, &st, NULL);
    size_t cap = 0;
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, story);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (*n == cap)
                *ids = xrealloc(*ids, (cap = cap ? cap * 2 : 16) * sizeof **ids);
            (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*ids);
        *ids = NULL;
        *n = 0;
        return store_fail(s, err, rc, "reading a story");
    }
    return 0;
}

static int
story_info_cmp(const void *p, const void *q)
{
    const struct story_info *a = p, *b = q;
    if (a->outlets != b->outlets)
        return a->outlets > b->outlets ? -1 : 1;
    if (a->articles != b->articles)
        return a->articles > b->articles ? -1 : 1;
    int c = strcmp(b->last ? b->last : "", a->last ? a->last : "");
    if (c)
        return c;
    return (a->id > b->id) - (a->id < b->id);
}

/* The stories to list: of the documents ids (deduplicated), or every story
 * of at least min_articles. *out newly allocated. 0, or -1 with err. */
static int
story_ids(struct store *s, const int64_t *ids, size_t nids, size_t min_articles, int64_t **out,
          size_t *n, struct ds_error *err)
{
    struct u64map seen = U64MAP_INIT;
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                ids ? "SELECT story FROM story_docs WHERE doc_id = ?1"
                                    : "SELECT story FROM story_docs GROUP BY story"
                                      " HAVING count(*) >= ?1",
                                -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < (ids ? nids : 1); i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, ids ? ids[i] : (int64_t)min_articles);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int64_t story = sqlite3_column_int64(st, 0);
            bool added;
            u64map_upsert(&seen, (uint64_t)story, &added);
            if (!added)
                continue;
            if (*n == cap)
                *out = xrealloc(*out, (cap = cap ? cap * 2 : 64) * sizeof **out);
            (*out)[(*n)++] = story;
        }
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(st);
    u64map_free(&seen);
    if (rc != SQLITE_OK) {
        free(*out);
        *out = NULL;
        *n = 0;
        return store_fail(s, err, rc, "listing stories");
    }
    return 0;
}

int
store_story_list(struct store *s, const int64_t *ids, size_t nids, size_t min_articles,
                 size_t limit, struct story_info **out, size_t *n, struct ds_error *err)
{
    *out = NULL;
    *n = 0;
    int64_t *stories = NULL;
    size_t ns = 0;
    if (story_ids(s, ids, nids, min_articles, &stories, &ns, err) != 0)
        return -1;
    struct story_info *v = xmalloc((ns + 1) * sizeof *v);
    size_t got = 0;
    for (size_t i = 0; i < ns; i++) {
        if (story_info_read(s, stories[i], &v[got], err) != 0) {
            for (size_t k = 0; k < got; k++)
                story_info_clear(&v[k]);
            free(v);
            free(stories);
            return -1;
        }
        if (v[got].articles >= min_articles)
            got++;
        else
            story_info_clear(&v[got]);
    }
    free(stories);
    qsort(v, got, sizeof *v, story_info_cmp);
    for (size_t k = limit && got > limit ? limit : got; k < got; k++)
        story_info_clear(&v[k]);
    *out = v;
    *n = limit && got > limit ? limit : got;
    return 0;
}

int
store_story_person_names(struct store *s, int64_t doc_id, char **out, struct ds_error *err)
{
    *out = NULL;
    sqlite3_stmt *st = NULL;
    /* CROSS JOIN keeps the document's mentions first: left to itself the
     * planner walks every person of the index (the entities' kind index)
     * and doubled the CPU of grouping at 100k documents. */
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT e.name FROM mentions m CROSS JOIN entities e"
                                " ON e.id = m.entity_id WHERE m.doc_id = ?1"
                                " AND e.kind = " STORE_ENT_PERSON,
                                -1, &st, NULL);
    struct buf names = BUF_INIT;
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, doc_id);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const unsigned char *name = sqlite3_column_text(st, 0);
            if (name) {
                buf_append(&names, (const char *)name, (size_t)sqlite3_column_bytes(st, 0));
                buf_putc(&names, '\n');
            }
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        buf_free(&names);
        return store_fail(s, err, rc, "reading a document's people");
    }
    *out = xstrdup(buf_str(&names));
    buf_free(&names);
    return 0;
}
