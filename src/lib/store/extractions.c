/*
 * store/extractions.c — extractions (figures, entity mentions, topic scores)
 * saved with a document and read back, the topic list, and per-document
 * keywords by tf-idf against the corpus.
 *
 * Kinds are stored as words ("amount", "person"), not enum numbers, so the
 * index stays readable and survives reordering of the enums; the query
 * language's person:/org:/country: filters use the same words.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/containers.h"
#include "dossier/text.h"
#include "lib.h"

static const char *const figure_kinds[] = {
    [FIGURE_AMOUNT] = "amount", [FIGURE_CHANGE] = "change",     [FIGURE_SHARE] = "share",
    [FIGURE_RATE] = "rate",     [FIGURE_QUANTITY] = "quantity", [FIGURE_COUNT] = "count",
};

static const char *const entity_kinds[] = {
    [ENTITY_COUNTRY] = "country", [ENTITY_ORG] = "org",         [ENTITY_PERSON] = "person",
    [ENTITY_PLACE] = "place",     [ENTITY_AGREEMENT] = "agreement",
};

static const char *
kind_name(const char *const *names, size_t n, int k)
{
    return k >= 0 && (size_t)k < n ? names[k] : names[0];
}

/* An entity kind's word by its stored number (schema 28, STORE_ENT_*). */
static const char *const stored_ent_kinds[] = {
    [1] = "person", [2] = "org", [3] = "country", [4] = "place", [5] = "agreement",
};

int
store_ent_code(const char *word)
{
    for (size_t i = 1; word && i < DS_ARRAY_LEN(stored_ent_kinds); i++)
        if (strcmp(word, stored_ent_kinds[i]) == 0)
            return (int)i;
    return -1;
}

const char *
store_ent_word(int64_t code)
{
    return code > 0 && code < (int64_t)DS_ARRAY_LEN(stored_ent_kinds) ? stored_ent_kinds[code]
                                                                       : NULL;
}

int
store_ent_bind_kind(sqlite3_stmt *st, int i, const char *word)
{
    return word ? sqlite3_bind_int(st, i, store_ent_code(word)) : sqlite3_bind_null(st, i);
}

static int
kind_parse(const char *const *names, size_t n, const char *t)
{
    for (size_t i = 0; t && i < n; i++)
        if (strcmp(t, names[i]) == 0)
            return (int)i;
    return 0;
}


static int
store_done(struct store *s, sqlite3_stmt *st, const char *doing, struct ds_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, doing);
    return 0;
}

static int
store_clear_doc(struct store *s, enum store_stmt_id id, int64_t doc_id, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, id, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    return store_done(s, st, "replacing an extraction", err);
}

/* ---- entity ids ----------------------------------------------------------------- */

/* A direct-mapped cache from (kind, name) to the entity's id and the alt
 * name stored with it, so that a mention of an entity already known costs
 * one insert instead of an upsert that rewrites the entity's row and
 * returns its id (at 20k documents: 211k mentions of 59k entities; the
 * upserts were a fifth of the writer's time). Ids are stable (entities are
 * never deleted), except those inserted by a transaction that rolls back:
 * store_rollback() empties the cache. Bounded: a collision evicts. */
#define ENT_CACHE_SLOTS 16384

struct store_ent_cache {
    struct ent_slot {
        uint64_t h;     /* 0: empty */
        int kind;
        int64_t id;
        char *name;
        char *alt;      /* as stored: NULL when the entity has none */
    } slots[ENT_CACHE_SLOTS];
};

void
store_ent_cache_free(struct store *s)
{
    struct store_ent_cache *c = s->ent_cache;
    if (!c)
        return;
    for (size_t i = 0; i < ENT_CACHE_SLOTS; i++) {
        free(c->slots[i].name);
        free(c->slots[i].alt);
    }
    free(c);
    s->ent_cache = NULL;
}

static uint64_t
ent_cache_hash(int kind, const char *name)
{
    uint64_t h = ds_hash64(name, strlen(name)) ^ ((uint64_t)(unsigned)kind * 0x9E3779B97F4A7C15u);
    return h ? h : 1;
}

/* The cached slot for (kind, name), or NULL. */
static struct ent_slot *
ent_cache_find(struct store *s, uint64_t h, int kind, const char *name)
{
    if (!s->ent_cache)
        return NULL;
    struct ent_slot *e = &s->ent_cache->slots[h & (ENT_CACHE_SLOTS - 1)];
    if (e->h == h && e->kind == kind && strcmp(e->name, name) == 0)
        return e;
    return NULL;
}

static void
ent_cache_put(struct store *s, uint64_t h, int kind, const char *name, const char *alt,
              int64_t id)
{
    if (!s->ent_cache)
        s->ent_cache = xcalloc(1, sizeof *s->ent_cache);
    struct ent_slot *e = &s->ent_cache->slots[h & (ENT_CACHE_SLOTS - 1)];
    free(e->name);
    free(e->alt);
    *e = (struct ent_slot){h, kind, id, xstrdup(name), alt ? xstrdup(alt) : NULL};
}

int64_t
store_entity_hash(const char *kind, const char *name)
{
    uint64_t h = ds_hash64(name, strlen(name)) ^
                 (ds_hash64(kind, strlen(kind)) * 0x9E3779B97F4A7C15u);
    return (int64_t)(h >> 41);
}

static void
store_sql_entity_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    /* the kind's word, or its stored number (schema 28) */
    const char *kind = sqlite3_value_type(argv[0]) == SQLITE_INTEGER
                           ? store_ent_word(sqlite3_value_int64(argv[0]))
                           : (const char *)sqlite3_value_text(argv[0]);
    const char *name = (const char *)sqlite3_value_text(argv[1]);
    sqlite3_result_int64(ctx, store_entity_hash(kind ? kind : "", name ? name : ""));
}

int
store_entity_register(struct store *s)
{
    return sqlite3_create_function_v2(s->db, "ds_entity_hash", 2,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      NULL, store_sql_entity_hash, NULL, NULL, NULL);
}

/* The stored id and alt name of entity (kind, name) when it is stored and
 * needs no new alt name (alt NULL or the one stored): 1, cached; 0 when it
 * is not stored (*id 0) or needs its alt name set (*id its id); -1 with err.
 * A lookup by the hash of kind and name (entities_h, schema 27). */
static int
store_entity_find(struct store *s, uint64_t h, const char *kind_word, int kind, const char *name,
                  const char *alt, int64_t *id, struct ds_error *err)
{
    *id = 0;
    sqlite3_stmt *st = store_stmt(s, SQ_ENT_GET, err);
    if (!st)
        return -1;
    store_ent_bind_kind(st, 1, kind_word);
    store_bind_text(st, 2, name);
    sqlite3_bind_int64(st, 3, store_entity_hash(kind_word, name));
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        const char *stored = (const char *)sqlite3_column_text(st, 1);
        if (!alt || (stored && strcmp(stored, alt) == 0)) {
            ent_cache_put(s, h, kind, name, stored, *id);
            found = 1;
        }
        rc = SQLITE_DONE;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading an entity");
    return found;
}

/* Entity (kind, name, alt) stored anew, or stored entity id given its new
 * alt name (only a new one is written: alt is not NULL then); its id, or
 * -1 with err. */
static int64_t
store_entity_write(struct store *s, uint64_t h, const char *kind_word, int kind, const char *name,
                   const char *alt, int64_t id, struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, id ? SQ_ENT_ALT : SQ_ENT_INS, err);
    if (!st)
        return -1;
    if (id) {
        store_bind_text(st, 3, alt);
        sqlite3_bind_int64(st, 4, id);
    } else {
        store_ent_bind_kind(st, 1, kind_word);
        store_bind_text(st, 2, name);
        store_bind_text(st, 3, alt);
        sqlite3_bind_int64(st, 4, store_entity_hash(kind_word, name));
    }
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "saving an entity");
    int64_t eid = id ? id : sqlite3_last_insert_rowid(s->db);
    ent_cache_put(s, h, kind, name, alt, eid);
    return eid;
}

/* The id of entity e, inserted or given its alt name when needed. */
static int64_t
store_entity_id(struct store *s, const struct entity *e, struct ds_error *err)
{
    const char *name = e->name ? e->name : "";
    int kind = (int)e->kind;
    uint64_t h = ent_cache_hash(kind, name);
    struct ent_slot *c = ent_cache_find(s, h, kind, name);
    /* The upsert keeps a stored alt unless a new one is given. */
    if (c && (!e->alt || (c->alt && strcmp(c->alt, e->alt) == 0)))
        return c->id;
    const char *kw = kind_name(entity_kinds, DS_ARRAY_LEN(entity_kinds), kind);
    int64_t eid;
    int got = store_entity_find(s, h, kw, kind, name, e->alt, &eid, err);
    if (got != 0)
        return got < 0 ? -1 : eid;
    return store_entity_write(s, h, kw, kind, name, e->alt, eid, err);
}

static int
store_put_entity(struct store *s, int64_t doc_id, const struct entity *e, struct buf *spans,
                 struct ds_error *err)
{
    const char *doing = "saving an entity";
    int64_t eid = store_entity_id(s, e, err);
    if (eid < 0)
        return -1;
    sqlite3_stmt *st;
    st = store_stmt(s, SQ_MENT_INS, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int64(st, 2, eid);
    sqlite3_bind_int64(st, 3, (int64_t)e->nspans);
    store_bind_spans(st, 4, spans, e->spans, e->nspans);
    return store_done(s, st, doing, err);
}

/* ---- topic numbers ----------------------------------------------------------- */

/* doc_topic_rows keeps a topic's number, topic_ids its slug (schema 24). The
 * numbers are cached by slug per connection: a collection has a few
 * hundred topics, so after the first documents every topic row is one
 * insert. Numbers are never deleted; those inserted by a transaction that
 * rolls back are dropped with the cache (store_rollback). */
void
store_topic_ids_free(struct store *s)
{
    if (!s->topic_ids)
        return;
    strmap_free(s->topic_ids);
    free(s->topic_ids);
    s->topic_ids = NULL;
}

/* The number of word in a numbering table (get and ins, its statements),
 * cached in *map, looked up or inserted; -1 with err. */
static int64_t
store_word_number(struct store *s, struct strmap **map, enum store_stmt_id get, enum store_stmt_id ins,
                  const char *word, struct ds_error *err)
{
    size_t len = strlen(word);
    const struct strmap_entry *known = *map ? strmap_find(*map, word, len) : NULL;
    if (known)
        return (int64_t)known->value;
    sqlite3_stmt *st = store_stmt(s, get, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, word);
    int64_t id = 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        rc = SQLITE_DONE;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "reading a word's number");
    if (id == 0) {
        if (!(st = store_stmt(s, ins, err)))
            return -1;
        store_bind_text(st, 1, word);
        if (store_done(s, st, "numbering a word", err) != 0)
            return -1;
        id = sqlite3_last_insert_rowid(s->db);
    }
    if (!*map)
        *map = xcalloc(1, sizeof **map);
    strmap_upsert(*map, word, len, NULL)->value = (uint64_t)id;
    return id;
}

/* The number of topic slug, looked up or inserted; -1 with err. */
static int64_t
store_topic_id(struct store *s, const char *slug, struct ds_error *err)
{
    return store_word_number(s, &s->topic_ids, SQ_TOPIC_ID_GET, SQ_TOPIC_ID_INS, slug, err);
}

/* ---- figure words ------------------------------------------------------------ */

/* figure_rows keeps a figure's unit, scale, kind, direction and
 * approximation word by number, fig_words each word once (schema 26): a
 * collection has a few hundred of them (currency codes, "billion",
 * "amount"), written in every row as text before; the period, a phrase,
 * stays text. Cached as the topic
 * numbers are, and dropped with them when a transaction rolls back. */
void
store_fig_words_free(struct store *s)
{
    if (!s->fig_words)
        return;
    strmap_free(s->fig_words);
    free(s->fig_words);
    s->fig_words = NULL;
}

/* Bind word's number at column i of st (NULL for no word); -1 with err. */
static int
store_bind_fig_word(struct store *s, sqlite3_stmt *st, int i, const char *word,
                    struct ds_error *err)
{
    if (!word)
        return sqlite3_bind_null(st, i) == SQLITE_OK ? 0 : -1;
    int64_t id = store_word_number(s, &s->fig_words, SQ_FIG_WORD_GET, SQ_FIG_WORD_INS, word, err);
    if (id < 0)
        return -1;
    sqlite3_bind_int64(st, i, id);
    return 0;
}

static int
store_put_topic(struct store *s, int64_t doc_id, const struct topic_score *t, struct buf *spans,
                struct ds_error *err)
{
    int64_t topic = store_topic_id(s, t->slug ? t->slug : "", err);
    if (topic < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, SQ_DT_INS, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int64(st, 2, topic);
    sqlite3_bind_double(st, 3, isfinite(t->score) ? t->score : 0);
    store_bind_spans(st, 4, spans, t->spans, t->nspans);
    return store_done(s, st, "saving a topic score", err);
}

/* The other mentions of the figure just inserted (figure_also). */
static int
store_put_figure_also(struct store *s, const struct figure *f, struct buf *spans,
                      struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, SQ_FIG_ALSO_INS, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, sqlite3_last_insert_rowid(s->db));
    store_bind_spans(st, 2, spans, f->also, f->nalso);
    return store_done(s, st, "saving a figure's other mentions", err);
}

static int
store_put_extraction_rows(struct store *s, int64_t doc_id, const struct extraction *x,
                          bool replace, struct ds_error *err)
{
    struct buf spans = BUF_INIT;
    int rc = -1;

    if (replace && (store_clear_doc(s, SQ_FIG_DEL, doc_id, err) != 0 ||
                    store_clear_doc(s, SQ_MENT_DEL, doc_id, err) != 0 ||
                    store_clear_doc(s, SQ_DT_DEL, doc_id, err) != 0))
        goto out;
    for (size_t i = 0; i < x->nfigures; i++) {
        const struct figure *f = &x->figures[i];
        sqlite3_stmt *st = store_stmt(s, SQ_FIG_INS, err);
        if (!st)
            goto out;
        sqlite3_bind_int64(st, 1, doc_id);
        sqlite3_bind_int64(st, 2, f->span.start);
        sqlite3_bind_int64(st, 3, f->span.end);
        sqlite3_bind_int64(st, 4, f->sentence.start);
        sqlite3_bind_int64(st, 5, f->sentence.end);
        store_bind_text(st, 6, f->text);
        if (isfinite(f->value))
            sqlite3_bind_double(st, 7, f->value);
        const char *kind = kind_name(figure_kinds, DS_ARRAY_LEN(figure_kinds), (int)f->kind);
        if (store_bind_fig_word(s, st, 8, f->unit, err) != 0 ||
            store_bind_fig_word(s, st, 9, f->scale, err) != 0 ||
            store_bind_fig_word(s, st, 10, kind, err) != 0 ||
            store_bind_fig_word(s, st, 11, f->direction, err) != 0 ||
            store_bind_fig_word(s, st, 15, f->approx, err) != 0) {
            sqlite3_clear_bindings(st);
            goto out;
        }
        store_bind_text(st, 12, f->period);
        store_bind_text(st, 13, f->subject);
        /* a range's end only: a single value reads its value_hi back from
         * value (figure_row), 8 bytes less in most rows */
        if (isfinite(f->value_hi) && f->value_hi != f->value)
            sqlite3_bind_double(st, 14, f->value_hi);
        if (store_done(s, st, "saving a figure", err) != 0)
            goto out;
        if (f->nalso && store_put_figure_also(s, f, &spans, err) != 0)
            goto out;
    }
    for (size_t i = 0; i < x->nentities; i++)
        if (store_put_entity(s, doc_id, &x->entities[i], &spans, err) != 0)
            goto out;
    for (size_t i = 0; i < x->ntopics; i++)
        if (store_put_topic(s, doc_id, &x->topics[i], &spans, err) != 0)
            goto out;
    rc = 0;
out:
    buf_free(&spans);
    return rc;
}

int
store_put_extraction(struct store *s, int64_t doc_id, const struct extraction *x,
                     struct ds_error *err)
{
    return store_put_extraction_rows(s, doc_id, x, true, err);
}

int
store_put_extraction_new(struct store *s, int64_t doc_id, const struct extraction *x,
                         struct ds_error *err)
{
    return store_put_extraction_rows(s, doc_id, x, false, err);
}

/* Room for one more of n items in *v, growing by doubling from 8. */
static void *
grow_for_one(void *v, size_t n, size_t size)
{
    /* n items fill a capacity exactly when n is 0, 8, 16, 32... */
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0))
        v = xrealloc(v, (n ? n * 2 : 8) * size);
    return v;
}

/* One figures row (SQ_FIG_GET) into out->figures. */
static void
figure_row(sqlite3_stmt *st, struct extraction *out)
{
    out->figures = grow_for_one(out->figures, out->nfigures, sizeof *out->figures);
    struct figure *f = &out->figures[out->nfigures++];
    memset(f, 0, sizeof *f);
    f->span.start = (uint32_t)sqlite3_column_int64(st, 0);
    f->span.end = (uint32_t)sqlite3_column_int64(st, 1);
    f->sentence.start = (uint32_t)sqlite3_column_int64(st, 2);
    f->sentence.end = (uint32_t)sqlite3_column_int64(st, 3);
    f->text = store_col_dup(st, 4);
    f->value = sqlite3_column_type(st, 5) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 5);
    f->unit = store_col_dup(st, 6);
    f->scale = store_col_dup(st, 7);
    f->kind = (enum figure_kind)kind_parse(figure_kinds, DS_ARRAY_LEN(figure_kinds),
                                           (const char *)sqlite3_column_text(st, 8));
    f->direction = store_col_dup(st, 9);
    f->period = store_col_dup(st, 10);
    f->subject = store_col_dup(st, 11);
    f->value_hi =
        sqlite3_column_type(st, 12) == SQLITE_NULL ? f->value : sqlite3_column_double(st, 12);
    f->approx = store_col_dup(st, 13);
    f->also = store_spans_column(st, 14, &f->nalso);
}

/* One entity row (SQ_MENT_GET: its mentions as spans) into out->entities. */
static void
entity_row(sqlite3_stmt *st, struct extraction *out)
{
    out->entities = grow_for_one(out->entities, out->nentities, sizeof *out->entities);
    struct entity *e = &out->entities[out->nentities++];
    memset(e, 0, sizeof *e);
    /* the kind's stored number, its word, then its value (schema 28) */
    e->kind = (enum entity_kind)kind_parse(entity_kinds, DS_ARRAY_LEN(entity_kinds),
                                           store_ent_word(sqlite3_column_int64(st, 0)));
    e->name = store_col_dup(st, 1);
    e->alt = store_col_dup(st, 2);
    e->spans = store_spans_column(st, 3, &e->nspans);
}

/* One topic score row (SQ_DT_GET) into out->topics. */
static void
topic_row(sqlite3_stmt *st, struct extraction *out)
{
    out->topics = grow_for_one(out->topics, out->ntopics, sizeof *out->topics);
    struct topic_score *t = &out->topics[out->ntopics++];
    memset(t, 0, sizeof *t);
    t->slug = store_col_dup(st, 0);
    t->score = sqlite3_column_double(st, 1);
    t->spans = store_spans_column(st, 2, &t->nspans);
}

/* Run statement id for doc_id and hand each row to row(). 0, or -1 with
 * err. */
static int
get_rows(struct store *s, enum store_stmt_id id, int64_t doc_id, struct extraction *out,
         void (*row)(sqlite3_stmt *st, struct extraction *out), struct ds_error *err)
{
    sqlite3_stmt *st = store_stmt(s, id, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        row(st, out);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, rc, "reading an extraction");
}

int
store_get_extraction(struct store *s, int64_t doc_id, struct extraction *out,
                     struct ds_error *err)
{
    memset(out, 0, sizeof *out);
    if (get_rows(s, SQ_FIG_GET, doc_id, out, figure_row, err) != 0 ||
        get_rows(s, SQ_MENT_GET, doc_id, out, entity_row, err) != 0 ||
        get_rows(s, SQ_DT_GET, doc_id, out, topic_row, err) != 0) {
        extraction_clear(out);
        return -1;
    }
    return 0;
}

int
store_set_topics(struct store *s, const char *const *slugs, const char *const *names, size_t n,
                 struct ds_error *err)
{
    const char *doing = "saving the topic list";
    sqlite3_stmt *st = NULL;
    bool own_tx = sqlite3_get_autocommit(s->db) != 0;

    if (own_tx && store_exec(s, "SAVEPOINT topics", doing, err) != 0)
        return -1;
    if (store_exec(s, "DELETE FROM topics", doing, err) != 0)
        goto fail;
    int rc = sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO topics(slug, name) VALUES (?1, ?2)",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        store_fail(s, err, rc, doing);
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        sqlite3_reset(st);
        store_bind_text(st, 1, slugs[i]);
        store_bind_text(st, 2, names ? names[i] : NULL);
        rc = sqlite3_step(st);
        if (rc != SQLITE_DONE) {
            store_fail(s, err, rc, doing);
            goto fail;
        }
    }
    sqlite3_finalize(st);
    if (own_tx && store_exec(s, "RELEASE topics", doing, err) != 0)
        goto fail;
    return 0;
fail:
    sqlite3_finalize(st);
    if (own_tx) {
        sqlite3_exec(s->db, "ROLLBACK TO topics", NULL, NULL, NULL);
        sqlite3_exec(s->db, "RELEASE topics", NULL, NULL, NULL);
    }
    return -1;
}

/* ---- keywords ----------------------------------------------------------------------- */

struct kw_count {
    char *surface; /* its first form as written, lower-cased: what a reader sees */
    int tf;
};

struct kw_ctx {
    struct kw_count *terms;
    size_t n, cap;
    struct strmap index; /* the stem, as indexed -> its place in terms */
    const char *text;    /* the text being tokenized (for surface forms) */
};

static void
kw_cb(const char *token, size_t start, size_t end, void *ud)
{
    struct kw_ctx *c = ud;
    size_t len = strlen(token);
    /* numbers and one-letter tokens say little about a document */
    if (strspn(token, "0123456789.,") == len || (len < 2 && (unsigned char)token[0] < 0x80))
        return;
    bool added;
    struct strmap_entry *e = strmap_upsert(&c->index, token, len, &added);
    if (!added) {
        c->terms[e->value].tf++;
        return;
    }
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 128;
        c->terms = xrealloc(c->terms, c->cap * sizeof *c->terms);
    }
    char *surface = xstrndup(c->text + start, end - start);
    for (char *p = surface; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    e->value = c->n;
    c->terms[c->n++] = (struct kw_count){surface, 1};
}

static int
kw_cmp(const void *a, const void *b)
{
    const struct keyword *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return strcmp(x->term, y->term);
}

void
keywords_free(struct keyword *k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(k[i].term);
    free(k);
}

/* Document frequencies (keywords, "more like this") are costly for common
 * words (counting walks the term's whole doclist: ~1 ms per 100k documents,
 * and an article has a few hundred words: 1.2 s for one facts pane at 1M
 * documents), so they are estimated past DF_EXACT_UPTO documents
 * (store_word_docs), cached per connection by word and dropped when the
 * newest document id changes. */
struct store_df_cache {
    int64_t max_id, ndocs;
    struct strmap df; /* word -> its document count */
};

#define DF_CACHE_MAX 65536

void
store_df_cache_free(struct store *s)
{
    struct store_df_cache *c = s->dfc;
    if (!c)
        return;
    strmap_free(&c->df);
    free(c);
    s->dfc = NULL;
}

int
store_df_ready(struct store *s, struct ds_error *err)
{
    sqlite3_stmt *st = NULL;
    int64_t max_id = 0, ndocs = 0;
    int rc = sqlite3_prepare_v2(s->db, "SELECT coalesce(max(id), 0) FROM documents", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        max_id = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading term statistics");
    if (s->dfc && s->dfc->max_id == max_id && s->dfc->df.n < DF_CACHE_MAX)
        return 0;
    store_df_cache_free(s);
    rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM documents", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        ndocs = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return store_fail(s, err, rc, "reading term statistics");
    struct store_df_cache *c = xcalloc(1, sizeof *c);
    c->max_id = max_id;
    c->ndocs = ndocs;
    s->dfc = c;
    return 0;
}

/* How many of a word's documents are counted exactly before the rest is
 * estimated (see store_word_docs). */
#define DF_EXACT_UPTO 1024

int64_t
store_word_docs(struct store *s, const char *word, bool *estimated, struct ds_error *err)
{
    *estimated = false;
    const struct strmap_entry *known = strmap_find(&s->dfc->df, word, strlen(word));
    if (known) {
        *estimated = (int64_t)known->value > DF_EXACT_UPTO;
        return (int64_t)known->value;
    }
    /* the word as a phrase: the tokenizer makes it the indexed term again */
    struct buf match = BUF_INIT;
    buf_putc(&match, '"');
    for (const char *p = word; *p; p++) {
        if (*p == '"')
            buf_putc(&match, '"');
        buf_putc(&match, *p);
    }
    buf_putc(&match, '"');
    int64_t df = -1;
    sqlite3_stmt *st = store_stmt(s, SQ_DF_FIRST, err);
    if (!st)
        goto out;
    sqlite3_bind_text(st, 1, buf_str(&match), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, DF_EXACT_UPTO);
    int rc = sqlite3_step(st);
    int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    int64_t last = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
    sqlite3_reset(st);
    if (rc == SQLITE_ROW) {
        df = n;
    } else if ((rc & 0xff) == SQLITE_ERROR) {
        df = 0; /* nothing the index can search for */
    } else {
        store_fail(s, err, rc, "reading term statistics");
        goto out;
    }
    if (n >= DF_EXACT_UPTO && last > 0) {
        /* the DF_EXACT_UPTO-th document in id order is at id `last`: as
         * many per id over the whole range (max() keeps the count above
         * DF_EXACT_UPTO, so a cached value says it was estimated) */
        double est = (double)DF_EXACT_UPTO * (double)s->dfc->max_id / (double)last;
        df = DS_MAX(DS_MIN((int64_t)(est + 0.5), s->dfc->ndocs), (int64_t)DF_EXACT_UPTO + 1);
        *estimated = true;
    }
    strmap_upsert(&s->dfc->df, word, strlen(word), NULL)->value = (uint64_t)df;
out:
    buf_free(&match);
    return df;
}

int
store_doc_keywords(struct store *s, int64_t doc_id, size_t max, struct keyword **out,
                   size_t *n_out, struct ds_error *err)
{
    struct doc_record r;
    struct kw_ctx c = {0};
    struct keyword *kw = NULL;
    int result = -1;

    *out = NULL;
    *n_out = 0;
    if (store_df_ready(s, err) != 0)
        return -1;
    int rc = store_doc_get(s, doc_id, &r, err);
    if (rc == 1)
        ds_error_set(err, -1, "no document %lld", (long long)doc_id);
    if (rc != 0)
        return -1;
    c.text = r.a.title;
    if (r.a.title && store_tokenize_words(s, r.a.title, strlen(r.a.title), kw_cb, &c, err) != 0)
        goto out;
    c.text = r.a.body;
    if (store_tokenize_words(s, r.a.body, strlen(r.a.body), kw_cb, &c, err) != 0)
        goto out;

    double ndocs = (double)(s->dfc->ndocs > 0 ? s->dfc->ndocs : 1);
    kw = xcalloc(c.n ? c.n : 1, sizeof *kw);
    size_t nkw = 0;
    for (size_t i = 0; i < c.n; i++) {
        /* Function words and bare numbers are never keywords, however a small
         * corpus weighs them. */
        if (text_is_stopword(c.terms[i].surface, strlen(c.terms[i].surface)))
            continue;
        bool estimated;
        int64_t df = store_word_docs(s, c.terms[i].surface, &estimated, err);
        if (df < 0)
            goto out_kw;
        if (df < 1)
            df = 1;
        kw[nkw].term = c.terms[i].surface;
        c.terms[i].surface = NULL;
        kw[nkw].weight = (1.0 + log((double)c.terms[i].tf)) * log(1.0 + ndocs / (double)df);
        nkw++;
    }
    qsort(kw, nkw, sizeof *kw, kw_cmp);
    size_t keep = max && max < nkw ? max : nkw;
    for (size_t i = keep; i < nkw; i++)
        free(kw[i].term);
    *out = kw;
    *n_out = keep;
    kw = NULL;
    result = 0;
out_kw:
    if (kw) {
        for (size_t i = 0; i < nkw; i++)
            free(kw[i].term);
        free(kw);
    }
out:
    for (size_t i = 0; i < c.n; i++)
        free(c.terms[i].surface);
    free(c.terms);
    strmap_free(&c.index);
    doc_record_clear(&r);
    return result;
}
